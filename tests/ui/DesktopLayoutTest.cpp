#include <QtTest>

#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QListView>
#include <QSettings>
#include <QTabBar>
#include <QTableWidget>
#include <QTranslator>
#include <QUndoStack>

#include <cstdlib>
#include <ctime>
#include <set>

#include <SQLiteCpp/SQLiteCpp.h>

#include "ConfusionMatrixView.h"
#include "CustomPlot.h"
#include "DisplayNames.h"
#include "GemPanel.h"
#include "ImageBrowser.h"
#include "ImageView.h"
#include "MainWindow.h"
#include "RunsPanel.h"
#include "StageAccuracyPlot.h"
#include "StageProbabilityChart.h"
#include "TrainingPanel.h"
#include "store/LabelHistory.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "support/TestSupport.h"

using namespace flystage;
using flystage::test::qs;
using flystage::test::TempDir;
using flystage::ui::MainWindow;

namespace {

// Marks every text that passes through tr(): "«Run %1 · %2 (%3)»" shows which parts of a
// composed text were translatable, and which came from core as they are.
class MarkingTranslator : public QTranslator {
 public:
  bool isEmpty() const override { return false; }
  QString translate(const char*, const char* source, const char*, int) const override {
    return QStringLiteral("«%1»").arg(QString::fromUtf8(source));
  }
};

// Installs a translator for its lifetime: the compiled German one, or the marking one.
class Language {
 public:
  explicit Language(QTranslator* t) : t_(t) { QCoreApplication::installTranslator(t_); }
  ~Language() { QCoreApplication::removeTranslator(t_); }
  Language(const Language&) = delete;
  Language& operator=(const Language&) = delete;

 private:
  QTranslator* t_;
};

QDockWidget* dockOf(MainWindow& w, QWidget* panel) {
  for (QDockWidget* d : w.findChildren<QDockWidget*>())
    if (d->isAncestorOf(panel)) return d;
  return nullptr;
}

// The tab in front among the docks tabbed at the bottom.
QString frontDockTab(MainWindow& w) {
  for (QTabBar* bar : w.findChildren<QTabBar*>())
    if (bar->parentWidget() == &w && bar->isVisible()) return bar->tabText(bar->currentIndex());
  return QStringLiteral("<no tab bar>");
}

int tabBarHeight(MainWindow& w) {
  for (QTabBar* bar : w.findChildren<QTabBar*>())
    if (bar->parentWidget() == &w && bar->isVisible()) return bar->height();
  return 0;
}

// Rows of thumbnails the grid shows whole, from where its tiles are laid out.
int wholeRows(QListView* grid) {
  std::set<int> tops;
  int height = 0;
  for (int row = 0; row < grid->model()->rowCount(); ++row) {
    const QRect r = grid->visualRect(grid->model()->index(row, grid->modelColumn()));
    if (grid->viewport()->rect().contains(r)) tops.insert(r.top());
    height = r.height();
  }
  // With fewer images than fit, count the rows the free space would hold as well.
  if (tops.empty() || height == 0) return 0;
  return static_cast<int>(tops.size()) +
         (grid->viewport()->height() - (*tops.rbegin() + height)) / height;
}

}  // namespace

// The desktop layout at the default size (issue 16, finding 6): docks start small and keep
// what the user makes of them, the evaluation views stay legible, and every text built
// from core's names is composed through tr().
class DesktopLayoutTest : public QObject {
  Q_OBJECT

  TempDir dir_;
  std::filesystem::path project_;  // the 16 BDGP samples, a finished and a failed run, a label
  std::int64_t labelledImage_ = 0;
  std::string startedAt_;

 private Q_SLOTS:
  void initTestCase() {
    // A zone away from UTC, at a half hour: a time shown as stored cannot pass for local.
    qputenv("TZ", "Asia/Kolkata");
    tzset();
    test::useThrowAwaySettings(QStringLiteral("DesktopLayoutTest"), qs(dir_.path()));
    project_ = test::makeSamplesProject(dir_, true);
    Project p = Project::open(project_);
    RunRecord r;
    r.method = "two-step";
    r.preset = "demo";
    r.seed = 1;
    r.status = "finished";
    runstore::createRun(p, r);
    r.method = "data-level";
    r.status = "failed";
    runstore::createRun(p, r);
    // Both were created within the same millisecond at times: run 1 an hour earlier gives the
    // sort by start time one answer.
    p.db().exec(
        "UPDATE runs SET started_at = strftime('%Y-%m-%dT%H:%M:%fZ', started_at, '-1 hour') "
        "WHERE id = 1");
    startedAt_ = runstore::runs(p).front().startedAt;
    for (std::int64_t id : p.imageIds())
      if (p.label(id).range && p.label(id).range->contains(5)) labelledImage_ = id;
    QVERIFY(labelledImage_ != 0);
    // As the command line writes it: in English, in the stored description.
    QVERIFY(LabelHistory(p).apply({{labelledImage_, labelForStage(5, LabelSource::User)}},
                                  "CORE WORDS: stage five"));
  }

  void init() { QSettings().clear(); }

  // At 1280 x 979 the bottom docks took half the window and the browser showed 1.5 rows.
  void defaultLayoutLeavesTheBrowserRoom() {
    MainWindow w;
    QVERIFY(w.openProject(qs(project_)));
    QCOMPARE(w.size(), QSize(1280, 979));  // the default on a screen with room for it
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QDockWidget* dock = dockOf(w, static_cast<QWidget*>(w.trainingPanel()));
    QVERIFY(dock);
    // The docks with their tab bar: at most 30 % of the height, training in front.
    const auto share = [&] { return double(dock->height() + tabBarHeight(w)) / w.height(); };
    QTRY_VERIFY2(dock->isVisible() && share() <= 0.30,
                 qPrintable(QStringLiteral("dock %1 + tabs %2 of %3")
                                .arg(dock->height())
                                .arg(tabBarHeight(w))
                                .arg(w.height())));
    QVERIFY2(share() >= 0.2, qPrintable(QString::number(share())));
    QCOMPARE(frontDockTab(w), QStringLiteral("Training"));
    const int rows = wholeRows(w.browser()->grid());
    QVERIFY2(rows >= 3, qPrintable(QStringLiteral("%1 rows").arg(rows)));
    // Every panel fits its dock at that size: nothing scrolls, nothing is squeezed.
    for (QWidget* panel :
         {static_cast<QWidget*>(w.trainingPanel()), static_cast<QWidget*>(w.runsPanel()),
          static_cast<QWidget*>(w.gemPanel())}) {
      w.showView(panel == w.trainingPanel() ? QStringLiteral("training")
                 : panel == w.runsPanel()   ? QStringLiteral("runs")
                                            : QStringLiteral("gems"));
      QTRY_VERIFY(panel->isVisible());
      QVERIFY2(panel->minimumSizeHint().height() <= panel->parentWidget()->height(),
               qPrintable(QStringLiteral("%1 needs %2, has %3")
                              .arg(panel->objectName())
                              .arg(panel->minimumSizeHint().height())
                              .arg(panel->parentWidget()->height())));
    }
  }

  // The user's dock height comes back (and can be smaller than the panel: it scrolls).
  void dockSizesAreRemembered() {
    int saved = 0;
    {
      MainWindow w;
      w.resize(1280, 979);
      w.show();
      QVERIFY(QTest::qWaitForWindowExposed(&w));
      QDockWidget* dock = dockOf(w, static_cast<QWidget*>(w.trainingPanel()));
      QTRY_COMPARE(frontDockTab(w), QStringLiteral("Training"));
      w.resizeDocks({dock}, {150}, Qt::Vertical);  // with the tab bar
      QTRY_VERIFY2(dock->height() + tabBarHeight(w) == 150,
                   qPrintable(QString::number(dock->height())));
      saved = dock->height();
      w.close();
    }
    MainWindow again;
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QDockWidget* dock = dockOf(again, static_cast<QWidget*>(again.trainingPanel()));
    QTRY_COMPARE(dock->height(), saved);
    QTest::qWait(100);  // and stays: no first-start layout over it
    QCOMPARE(dock->height(), saved);
  }

  // `--view runs` (showView before the window shows) wins over the tab of the saved layout.
  void viewOptionWinsOverTheSavedLayout() {
    {
      MainWindow w;
      w.show();
      QVERIFY(QTest::qWaitForWindowExposed(&w));
      QVERIFY(w.showView(QStringLiteral("gems")));
      QTRY_COMPARE(frontDockTab(w), QStringLiteral("Expression Maps"));
      w.close();
    }
    MainWindow w;
    QVERIFY(w.showView(QStringLiteral("runs")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTRY_COMPARE(frontDockTab(w), QStringLiteral("Runs and Evaluation"));
  }

  // The stage numbers above the columns ran together ("101112131415 1617").
  void confusionMatrixNumbersDoNotOverlap() {
    ui::ConfusionMatrixView view;
    view.setConfusion(1, ui::ConfusionMatrixView::Counts{});
    const QFontMetrics fm(view.font());
    for (const QSize size :
         {view.minimumSizeHint(), QSize(150, 150), QSize(360, 240), QSize(900, 700)}) {
      view.resize(size);
      QRect previous;
      for (int s = kMinFineStage; s <= kMaxStage; ++s) {
        const QRect box = view.columnLabelRect(s);
        // Where the number's pixels land, centred in its box as paintEvent draws it.
        const QRect ink = fm.boundingRect(box, Qt::AlignCenter, QString::number(s));
        QVERIFY2(
            box.contains(ink),
            qPrintable(
                QStringLiteral("stage %1 at %2x%3").arg(s).arg(size.width()).arg(size.height())));
        QVERIFY(!previous.isValid() || previous.right() < ink.left());
        previous = ink;
      }
    }
  }

  // The runs table showed the stored UTC text ("2026-12-03T01:59:48.697Z").
  void runsTableShowsLocalTimes() {
    Project p = Project::open(project_);
    ui::RunsPanel panel;
    panel.setProject(&p);
    QTableWidget* table = panel.runTable();
    QCOMPARE(table->rowCount(), 2);
    const QDateTime utc =
        QDateTime::fromString(QString::fromStdString(startedAt_), Qt::ISODateWithMs);
    QVERIFY(utc.isValid());
    QCOMPARE(utc.timeSpec(), Qt::UTC);
    const QString local = QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
    // Kolkata is UTC+5:30: the minutes differ by 30 from those stored.
    QVERIFY(utc.toLocalTime().time().minute() != utc.time().minute());
    bool found = false;
    for (int row = 0; row < table->rowCount(); ++row) {
      const QString shown = table->item(row, ui::RunsPanel::Started)->text();
      QVERIFY2(!shown.contains(QLatin1Char('T')) && !shown.endsWith(QLatin1Char('Z')),
               qPrintable(shown));
      found = found || shown == local;
    }
    QVERIFY2(found, qPrintable(local));
    // Sorting by the column still goes by the time.
    table->sortItems(ui::RunsPanel::Started, Qt::AscendingOrder);
    QCOMPARE(table->item(0, ui::RunsPanel::Id)->data(Qt::UserRole).toLongLong(), 1);
    table->sortItems(ui::RunsPanel::Started, Qt::DescendingOrder);
    QCOMPARE(table->item(0, ui::RunsPanel::Id)->data(Qt::UserRole).toLongLong(), 2);
  }

  // "Rückgängig Stage 5 for image #1768": the undo text is composed in the user's language
  // from what the action changed, not taken from the description core stored.
  void undoTextIsInTheUserLanguage() {
    const QString id = QString::number(labelledImage_);
    {
      MainWindow w;
      QVERIFY(w.openProject(qs(project_)));
      QCOMPARE(w.undoStack()->undoText(), QStringLiteral("Stage 5 for image #") + id);
    }
    {
      MarkingTranslator marking;
      Language language(&marking);
      MainWindow w;
      QVERIFY(w.openProject(qs(project_)));
      QCOMPARE(w.undoStack()->undoText(),
               QStringLiteral("««Stage %1» for image #%2»").arg(5).arg(id));
    }
    QTranslator german;
    if (!german.load(QStringLiteral(FLYSTAGE_QM_DIR "/flystage_de.qm")))
      QSKIP("no compiled German translation");
    Language language(&german);
    MainWindow w;
    QVERIFY(w.openProject(qs(project_)));
    const QString undo = w.findChild<QAction*>(QStringLiteral("actionUndo"))->text();
    QVERIFY2(undo.contains(QStringLiteral("Stadium 5 für Bild #") + id), qPrintable(undo));
    for (const char* english : {"Stage", "for image", "CORE", "stage five"})
      QVERIFY2(!undo.contains(QLatin1String(english)), qPrintable(undo));
  }

  // "Lauf 4 · two-step (finished)": method, status and preset texts go through tr().
  void runNamesAreTranslatable() {
    MarkingTranslator marking;
    Language language(&marking);
    MainWindow w;
    QVERIFY(w.openProject(qs(project_)));
    QTableWidget* runs = w.runsPanel()->runTable();
    QStringList cells;
    for (int row = 0; row < runs->rowCount(); ++row)
      cells << runs->item(row, ui::RunsPanel::Method)->text()
            << runs->item(row, ui::RunsPanel::Status)->text();
    cells.sort();
    QCOMPARE(cells, (QStringList{QStringLiteral("«data-level»"), QStringLiteral("«failed»"),
                                 QStringLiteral("«finished»"), QStringLiteral("«two-step»")}));
    auto* filterRun = w.findChild<QComboBox*>(QStringLiteral("filterRun"));
    QVERIFY(filterRun);
    QStringList items;
    for (int i = 0; i < filterRun->count(); ++i) items << filterRun->itemText(i);
    QVERIFY2(items.contains(QStringLiteral("«Run %1 · %2 (%3)»")
                                .arg(1)
                                .arg(QStringLiteral("«two-step»"), QStringLiteral("«finished»"))),
             qPrintable(items.join(QLatin1Char('|'))));
    auto* presetHint = w.findChild<QLabel*>(QStringLiteral("presetHint"));
    QVERIFY(presetHint);
    QVERIFY2(presetHint->text().startsWith(QStringLiteral("«")) &&
                 presetHint->text().endsWith(QStringLiteral("»")),
             qPrintable(presetHint->text()));
    // The device line was core's English ("CPU (2 threads), no CUDA GPU; LibTorch 1.13.0").
    auto* deviceHint = w.findChild<QLabel*>(QStringLiteral("deviceHint"));
    QVERIFY(deviceHint);
    QVERIFY2(deviceHint->text().startsWith(QStringLiteral("««CPU (")) &&
                 deviceHint->text().contains(QStringLiteral("; LibTorch ")),
             qPrintable(deviceHint->text()));
    // Imported runs keep the method they were trained with, translated too.
    QCOMPARE(ui::methodTitle(std::string("plain (imported)")),
             QStringLiteral("««plain» (imported)»"));
  }

  // The bar chart's legend covered the bars of the last stages.
  void accuracyLegendStaysOffTheBars() {
    ui::StageAccuracyPlot plot;
    RunSummary a, b;
    a.runId = 1;
    a.method = "two-step";
    b.runId = 2;
    b.method = "data-level";
    for (int i = 0; i < kNumFineStages; ++i) {
      a.test.perStageCount[i] = b.test.perStageCount[i] = 3;
      a.test.perStageAccuracy[i] = b.test.perStageAccuracy[i] = 1.0;
    }
    plot.setRuns({a, b});
    plot.resize(700, 260);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.plot()->replot();
    QVERIFY(plot.plot()->legend->visible());
    const QRect legend = plot.plot()->legend->outerRect();
    const QRect bars = plot.plot()->axisRect()->rect();
    QVERIFY(legend.isValid() && legend.height() > 0);
    QVERIFY2(!legend.intersects(bars), qPrintable(QStringLiteral("legend y %1..%2, bars y %3..%4")
                                                      .arg(legend.top())
                                                      .arg(legend.bottom())
                                                      .arg(bars.top())
                                                      .arg(bars.bottom())));
  }

  // "Wahrscheinlichkeit" did not fit along the probability chart's short axis.
  void probabilityCaptionFits() {
    QTranslator german;
    if (!german.load(QStringLiteral(FLYSTAGE_QM_DIR "/flystage_de.qm")))
      QSKIP("no compiled German translation");
    Language language(&german);
    ui::StageProbabilityChart chart;
    chart.resize(420, 130);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.plot()->replot();
    QCustomPlot* plot = chart.plot();
    QString text = plot->yAxis->label();
    int room = plot->axisRect()->height();  // written along the axis
    for (auto* caption : plot->findChildren<QCPTextElement*>()) {
      text = caption->text();
      room = caption->rect().width();
    }
    QCOMPARE(text, QStringLiteral("Wahrscheinlichkeit"));
    const int needed = QFontMetrics(plot->yAxis->labelFont()).horizontalAdvance(text);
    QVERIFY2(needed <= room, qPrintable(QStringLiteral("%1 > %2").arg(needed).arg(room)));
  }

  // Fit and zoom acted on the standardized picture only.
  void zoomActsOnBothPictures() {
    MainWindow w;
    QVERIFY(w.openProject(qs(project_)));
    w.resize(1280, 979);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    ui::ImageView* view = w.imageView();
    QSignalSpy loaded(view, &ui::ImageView::originalLoaded);
    view->showImage(labelledImage_);
    QTRY_VERIFY(view->originalShown());
    const double standardized = view->zoom(), original = view->originalZoom();
    QVERIFY(standardized > 0 && original > 0);
    view->zoomIn();
    QVERIFY(qAbs(view->zoom() - standardized * 1.25) < 1e-9);
    QVERIFY(qAbs(view->originalZoom() - original * 1.25) < 1e-9);
    view->zoomOut();
    view->zoomOut();
    QVERIFY(qAbs(view->originalZoom() - original / 1.25) < 1e-9);
    view->zoomToFit();
    QVERIFY(qAbs(view->zoom() - standardized) < 1e-6);
    QVERIFY(qAbs(view->originalZoom() - original) < 1e-6);
  }
};

// The offscreen platform's screen is 800 x 600 by default, smaller than the window's default
// size: give it a desktop's 1920 x 1200, so sizes and saved geometry behave as on one.
int main(int argc, char** argv) {
  if (qEnvironmentVariable("QT_QPA_PLATFORM", QStringLiteral("offscreen")) ==
      QStringLiteral("offscreen")) {
    const QString config = QDir::temp().filePath(
        QStringLiteral("flystage-desktop-layout-%1.json").arg(QCoreApplication::applicationPid()));
    QFile file(config);
    if (file.open(QIODevice::WriteOnly))
      file.write(R"({"screens": [{"name": "desktop", "x": 0, "y": 0, "width": 1920,)"
                 R"( "height": 1200, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    file.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.toLocal8Bit());
  }
  QApplication app(argc, argv);
  QTEST_SET_MAIN_SOURCE_PATH
  DesktopLayoutTest test;
  return QTest::qExec(&test, argc, argv);
}

#include "DesktopLayoutTest.moc"
