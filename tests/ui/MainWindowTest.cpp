#include <QtTest>

#include <QAbstractItemModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "ImageBrowser.h"
#include "ImageTableModel.h"
#include "ImportController.h"
#include "ImportReportDialog.h"
#include "LabelKeys.h"
#include "Labeller.h"
#include "MainWindow.h"
#include "SummaryPanel.h"
#include "TrainingPanel.h"
#include "data/LabelsCsv.h"
#include "importer/Importer.h"
#include "store/Project.h"
#include "support/TestSupport.h"

using namespace flystage;
using flystage::test::qs;
using flystage::test::TempDir;
using flystage::ui::ImageTableModel;
using flystage::ui::ImportOutcome;
using flystage::ui::ImportRequest;
using flystage::ui::MainWindow;

namespace {

// Clicks `button` of the next modal dialog once it shows (QMessageBox::exec spins its own
// loop); closes the dialog when it has no such button. Gives up after about 5 s.
void clickInNextModal(const char* button, int triesLeft = 500) {
  QTimer::singleShot(10, [button, triesLeft] {
    QWidget* modal = QApplication::activeModalWidget();
    if (!modal) {
      if (triesLeft > 0) clickInNextModal(button, triesLeft - 1);
      return;
    }
    if (auto* b = modal->findChild<QAbstractButton*>(QString::fromLatin1(button)))
      b->click();
    else
      modal->close();
  });
}

QString labelText(const QWidget& w, const char* name) {
  auto* label = w.findChild<QLabel*>(QString::fromLatin1(name));
  return label ? label->text() : QStringLiteral("<no %1>").arg(QString::fromLatin1(name));
}

}  // namespace

class MainWindowTest : public QObject {
  Q_OBJECT

  TempDir settingsDir_;

 private Q_SLOTS:
  void initTestCase() {
    // Recent and last project go to a throw-away settings file, never the user's.
    test::useThrowAwaySettings(QStringLiteral("MainWindowTest"), qs(settingsDir_.path()));
  }

  void init() { QSettings().clear(); }

  void showsTheProjectWithLazyThumbnails() {
    TempDir dir;
    const auto file = test::makeSamplesProject(dir);
    MainWindow w;
    QCOMPARE(w.windowTitle(), QStringLiteral("FlyStage"));
    QVERIFY(w.openProject(qs(file)));
    QCOMPARE(w.windowTitle(), QStringLiteral("FlyStage — demo.flystage"));

    QTableView* table = w.findChild<QTableView*>(QStringLiteral("imageTable"));
    QVERIFY(table);
    QCOMPARE(table->model()->rowCount(), 12);
    QCOMPARE(table->model()->columnCount(), int(ImageTableModel::ColumnCount));
    ImageTableModel* model = w.imageModel();
    // Nothing decoded before anything is on screen.
    QCOMPARE(model->cachedThumbnails(), 0);

    // A short window: only the rows on screen get their thumbnails decoded.
    w.resize(1000, 360);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTRY_VERIFY(model->cachedThumbnails() > 0);
    QVERIFY2(model->cachedThumbnails() < 12,
             qPrintable(QStringLiteral("decoded %1 of 12").arg(model->cachedThumbnails())));

    // Decoded on a worker thread: the first row's pixmap arrives after a placeholder.
    const QModelIndex thumb = table->model()->index(0, ImageTableModel::Thumbnail);
    QTRY_VERIFY(thumb.data(ImageTableModel::ThumbnailReadyRole).toBool());
    const QPixmap pixmap = thumb.data(Qt::DecorationRole).value<QPixmap>();
    QVERIFY(!pixmap.isNull());
    const QSizeF size = pixmap.deviceIndependentSize();  // 320 x 128 pixels on a 2x screen
    QVERIFY2(qAbs(size.width() - 160) <= 4 && qAbs(size.height() - 64) <= 4,
             qPrintable(QStringLiteral("%1 x %2").arg(size.width()).arg(size.height())));
    // Real pixels, not a blank placeholder: a stained embryo is not one flat colour.
    const QImage image = pixmap.toImage();
    QVERIFY(image.pixel(0, 0) != image.pixel(80, 32) ||
            image.pixel(40, 32) != image.pixel(120, 32));

    // Rows in id order, with the labels of labels.csv.
    QCOMPARE(table->model()->index(0, ImageTableModel::File).data().toString(),
             QStringLiteral("range1-3_0.png"));
    QCOMPARE(table->model()->index(0, ImageTableModel::StageRange).data().toString(),
             QStringLiteral("1-3"));
    QCOMPARE(table->model()->index(11, ImageTableModel::StageRange).data().toString(),
             QStringLiteral("9-10"));
    QCOMPARE(table->model()->headerData(ImageTableModel::File, Qt::Horizontal).toString(),
             QStringLiteral("File"));

    // The summary panel: 12 images, two per stage range, no precise stage yet.
    QCOMPARE(labelText(w, "summaryImages"), QStringLiteral("12"));
    QCOMPARE(labelText(w, "summaryUnlabelled"), QStringLiteral("0"));
    QCOMPARE(labelText(w, "rangeCount_1-3"), QStringLiteral("2"));
    QCOMPARE(labelText(w, "rangeCount_13-17"), QStringLiteral("2"));
    QCOMPARE(labelText(w, "stageCount_12"), QStringLiteral("0"));

    // The filter narrows the rows, and clearing it brings them back.
    auto* filter = w.findChild<QLineEdit*>(QStringLiteral("imageFilter"));
    QVERIFY(filter);
    filter->setText(QStringLiteral("11-12"));
    QCOMPARE(table->model()->rowCount(), 2);
    filter->clear();
    QCOMPARE(table->model()->rowCount(), 12);

    // Remembered: recent projects and the last project.
    QCOMPARE(MainWindow::recentProjects().value(0), qs(std::filesystem::absolute(file)));
  }

  void restoresTheLastProject() {
    TempDir dir;
    const auto file = test::makeSamplesProject(dir);
    {
      MainWindow first;
      QVERIFY(first.openProject(qs(file)));
    }
    MainWindow second;
    QVERIFY(second.restoreLastProject());
    QCOMPARE(second.windowTitle(), QStringLiteral("FlyStage — demo.flystage"));
    QCOMPARE(second.imageTable()->model()->rowCount(), 12);
  }

  void keepsEightRecentProjects() {
    TempDir dir;
    for (int i = 0; i < 10; ++i) {
      MainWindow w;
      QVERIFY(
          w.openProject(qs(dir / ("p" + std::to_string(i) + ".flystage")), OpenMode::OpenOrCreate));
    }
    const QStringList recent = MainWindow::recentProjects();
    QCOMPARE(recent.size(), MainWindow::kMaxRecentProjects);
    QVERIFY(recent.first().endsWith(QStringLiteral("p9.flystage")));
    QVERIFY(recent.last().endsWith(QStringLiteral("p2.flystage")));
  }

  void importsAFolderOnAWorkerThread() {
    TempDir dir;
    const auto file = test::makeSamplesProject(dir);
    MainWindow w;
    QVERIFY(w.openProject(qs(file)));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTableView* table = w.imageTable();
    QCOMPARE(table->model()->rowCount(), 12);

    QSignalSpy finished(w.importController(), &ui::ImportController::importFinished);
    ImportRequest request;
    request.kind = ImportRequest::Kind::Folder;
    request.source = qs(test::unlabelledSamples(dir));
    QVERIFY(w.startImport(request));
    QVERIFY(w.importController()->isRunning());
    QVERIFY(!w.startImport(request));  // one import at a time
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QVERIFY(!w.importController()->isRunning());

    const auto outcome = finished.at(0).at(0).value<ImportOutcome>();
    QVERIFY(outcome.ok());
    QCOMPARE(outcome.report.imported, 4);
    QCOMPARE(table->model()->rowCount(), 16);
    QCOMPARE(labelText(w, "summaryImages"), QStringLiteral("16"));
    QCOMPARE(labelText(w, "summaryUnlabelled"), QStringLiteral("4"));
    QCOMPARE(table->model()->index(15, ImageTableModel::StageRange).data().toString(),
             QStringLiteral("unlabelled"));

    // The outcome is shown to the user.
    auto* report = w.importController()->reportDialog();
    QVERIFY(report);
    QVERIFY(report->isVisible());
    QVERIFY2(report->summaryText().contains(QStringLiteral("Imported 4 images")),
             qPrintable(report->summaryText()));
    report->close();
  }

  void refusedImportOffersTheGoodRows() {
    TempDir dir;
    const auto file = test::makeSamplesProject(dir);
    const auto folder = test::unlabelledSamples(dir);
    // Line 2 is good; line 3 names a missing image; line 4 has a stage outside its range.
    test::writeText(folder / "labels.csv",
                    "path,stage_range,stage\n"
                    "unlabeled_0.png,11-12,12\n"
                    "missing.png,4-6,\n"
                    "unlabeled_1.png,4-6,12\n");
    MainWindow w;
    QVERIFY(w.openProject(qs(file)));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));

    QSignalSpy finished(w.importController(), &ui::ImportController::importFinished);
    ImportRequest request;
    request.kind = ImportRequest::Kind::LabelsCsv;
    request.source = qs(folder / "labels.csv");
    QVERIFY(w.startImport(request));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    const auto refused = finished.at(0).at(0).value<ImportOutcome>();
    QVERIFY(!refused.report.committed);
    QCOMPARE(w.imageTable()->model()->rowCount(), 12);  // nothing imported

    // Every problem listed with its file and line; the good rows can be imported.
    auto* report = w.importController()->reportDialog();
    QVERIFY(report);
    QVERIFY2(report->detailsText().contains(QStringLiteral("labels.csv:3:")),
             qPrintable(report->detailsText()));
    QVERIFY2(report->detailsText().contains(QStringLiteral("labels.csv:4:")),
             qPrintable(report->detailsText()));
    QPushButton* goodRows = report->importGoodRowsButton();
    QVERIFY(goodRows);
    QTest::mouseClick(goodRows, Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 120000);
    const auto second = finished.at(1).at(0).value<ImportOutcome>();
    QVERIFY(second.ok());
    QVERIFY(second.request.skipBad);
    QCOMPARE(second.report.imported, 1);
    QCOMPARE(w.imageTable()->model()->rowCount(), 13);
    QCOMPARE(labelText(w, "stageCount_12"), QStringLiteral("1"));
  }

  void cancelRollsBack() {
    TempDir dir;
    const auto file = test::makeSamplesProject(dir);
    ImportRequest request;
    request.projectFile = qs(file);
    request.kind = ImportRequest::Kind::Folder;
    request.source = qs(test::unlabelledSamples(dir));
    CancelToken cancel;
    cancel.cancel();  // as the progress dialog's Cancel does while the import works
    QVERIFY(ui::ImportTask::run(request, {}, &cancel).cancelled);
    QCOMPARE(Project::open(file, OpenMode::ReadOnly).summary().images, 12);
  }

  void reportsAnUnreadableSource() {
    TempDir dir;
    const auto file = test::makeSamplesProject(dir);
    ImportRequest request;
    request.projectFile = qs(file);
    request.kind = ImportRequest::Kind::LabelsCsv;
    request.source = qs(dir / "no-such.csv");
    const auto outcome = ui::ImportTask::run(request, {}, nullptr);
    QVERIFY(!outcome.ok());
    QVERIFY2(outcome.error.contains(QStringLiteral("no-such.csv")), qPrintable(outcome.error));
  }

  // A project the user may not write (a 0444 file in a 0555 folder) is offered read-only:
  // browsing works, labelling, import, training and Predict All are refused with the reason,
  // and the file is not changed. Root writes anyway, so as root this function runs again as
  // nobody (setpriv) in a child process, on a project prepared here.
  void unwritableProjectIsOfferedReadOnly() {
    TempDir dir;
    std::optional<QString> asNobody;
    const auto file = test::unwritableProject(dir, &asNobody);
    if (asNobody) {
      QVERIFY2(asNobody->isEmpty(), qPrintable(*asNobody));
      return;
    }
    const std::string before = test::readBytes(file);
    {  // Cancel: nothing opens.
      MainWindow w;
      clickInNextModal("no such button");  // closes the question: Cancel
      QVERIFY(!w.openProject(qs(file)));
      QVERIFY(!w.project());
    }
    MainWindow w;
    clickInNextModal("openReadOnlyButton");
    QVERIFY(w.openProject(qs(file)));
    QVERIFY(w.project() && w.project()->readOnly());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.windowTitle(), QStringLiteral("FlyStage — p.flystage (read-only)"));
    QVERIFY(w.findChild<QLabel*>(QStringLiteral("statusReadOnly"))->isVisible());
    QCOMPARE(w.imageTable()->model()->rowCount(), 12);
    QCOMPARE(labelText(w, "summaryImages"), QStringLiteral("12"));
    QVERIFY(!w.findChild<QAction*>(QStringLiteral("actionImportImages"))->isEnabled());
    QVERIFY(!w.findChild<QAction*>(QStringLiteral("actionPredictAll"))->isEnabled());
    QVERIFY(!w.findChild<QAction*>(QStringLiteral("startTrainingAction"))->isEnabled());
    QVERIFY(!w.trainingPanel()->startTraining());
    ImportRequest request;
    request.kind = ImportRequest::Kind::Folder;
    request.source = qs(dir.path());
    QVERIFY(!w.startImport(request));
    QVERIFY(!w.importController()->isRunning());

    QSignalSpy failed(w.labeller(), &ui::Labeller::failed);
    QVERIFY(w.browser()->selectImage(3));
    const auto keys = ui::labelKeys();
    const auto stage5 = std::find_if(keys.begin(), keys.end(), [](const ui::LabelKey& k) {
      return k.kind == ui::LabelKey::Kind::Stage && k.stage == 5;
    });
    QVERIFY(stage5 != keys.end());
    QVERIFY(!w.labelSelectedImages(*stage5));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).toString(),
             QStringLiteral("The project is open read-only: labels cannot be saved. Open a copy "
                            "you can write to label. Nothing was changed."));
    QCOMPARE(w.browser()->currentImageId(), 3);
    QCOMPARE(w.undoStack()->count(), 0);
    w.close();
    QVERIFY(test::readBytes(file) == before);
  }

  void savesAScreenshot() {
    // FLYSTAGE_SCREENSHOT=path.png: the window with the demo project, for the docs.
    const QString out = qEnvironmentVariable("FLYSTAGE_SCREENSHOT");
    if (out.isEmpty()) QSKIP("set FLYSTAGE_SCREENSHOT to save one");
    TempDir dir;
    const auto file = test::makeSamplesProject(dir);
    MainWindow w;
    QVERIFY(w.openProject(qs(file)));
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTest::qWait(200);
    QVERIFY(w.grab().save(out));
  }
};

QTEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
