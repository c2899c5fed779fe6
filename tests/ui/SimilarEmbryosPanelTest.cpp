// Issue 18 finding 6 in the desktop app: "Find Similar Embryos" for the shown image with the
// browser's run, the k results listed (off the GUI thread), a click selecting the image.
#include <QtTest>

#include <QAction>
#include <QSignalSpy>
#include <QTableWidget>

#include "ImageBrowser.h"
#include "ImageFilter.h"
#include "MainWindow.h"
#include "SimilarEmbryosPanel.h"
#include "search/SimilarEmbryos.h"
#include "store/Project.h"
#include "support/TestSupport.h"
#include "support/TinyRuns.h"
#include "train/Trainer.h"

using namespace flystage;

class SimilarEmbryosPanelTest : public QObject {
  Q_OBJECT
  test::TempDir dir_;
  std::filesystem::path file_;
  std::int64_t run_ = 0, gabor_ = 0;

 private Q_SLOTS:
  void initTestCase() {
    test::useThrowAwaySettings(QStringLiteral("SimilarEmbryosPanelTest"),
                               QString::fromStdString((dir_ / "settings").string()));
    file_ = test::makeSyntheticProject(dir_, 5, 0.002, 3, "u.flystage");
    Project p = Project::open(file_);
    const auto runs = test::trainTinyNetworkAndGabor(p);
    run_ = runs.network;
    gabor_ = runs.gabor;
  }

  void listsTheKMostSimilar() {
    Project p = Project::open(file_);
    const auto query = p.imageIds()[4];
    ui::SimilarEmbryosPanel panel;
    panel.setProject(&p);
    panel.setK(5);
    QVERIFY(!panel.findAction()->isEnabled());  // no run
    panel.setContext(gabor_, query);
    QVERIFY(!panel.findAction()->isEnabled());  // no learned feature
    panel.setContext(run_, query);
    QVERIFY(panel.findAction()->isEnabled());
    QSignalSpy done(&panel, &ui::SimilarEmbryosPanel::searched);
    panel.findAction()->trigger();
    QVERIFY(panel.isSearching());  // returned at once: the work is on another thread
    QVERIFY(done.wait(60000));
    auto* table = panel.findChild<QTableWidget*>(QStringLiteral("similarTable"));
    QCOMPARE(table->rowCount(), 5);
    const auto core = findSimilar(p, run_, query, 5);
    for (int i = 0; i < 5; ++i) {
      const auto& e = core[static_cast<std::size_t>(i)];
      QVERIFY(e.imageId != query);
      QCOMPARE(table->item(i, 1)->text(), QString::number(e.imageId));
      QCOMPARE(table->item(i, 2)->text(), QString::number(e.similarity, 'f', 3));
      QCOMPARE(table->item(i, 3)->text().toStdString(), e.label.text());
      QCOMPARE(table->item(i, 4)->text().toStdString(), e.gene);
      QVERIFY(!panel.rows()[static_cast<std::size_t>(i)].thumbnail.isNull());
    }
    QSignalSpy activated(&panel, &ui::SimilarEmbryosPanel::imageActivated);
    table->show();
    const QRect cell = table->visualItemRect(table->item(2, 1));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated[0][0].toLongLong(), core[2].imageId);
  }

  void theWindowSelectsAClickedResult() {
    ui::MainWindow w;
    QVERIFY(w.openProject(QString::fromStdString(file_.string())));
    ui::ImageFilter f;
    f.runId = run_;
    QVERIFY(w.setImageFilter(f));
    auto* browser = w.browser();
    const auto query = w.project()->imageIds()[6];
    QVERIFY(browser->selectImage(query));
    auto* panel = w.findChild<ui::SimilarEmbryosPanel*>();
    QVERIFY(panel);
    QVERIFY(panel->findAction()->isEnabled());
    QSignalSpy done(panel, &ui::SimilarEmbryosPanel::searched);
    panel->findAction()->trigger();
    QVERIFY(done.wait(60000));
    QCOMPARE(panel->rows().size(), std::size_t(20) < w.project()->imageIds().size() - 1
                                       ? std::size_t(20)
                                       : w.project()->imageIds().size() - 1);
    const auto target = panel->rows()[3].embryo.imageId;
    Q_EMIT panel->imageActivated(target);  // as a click on row 3 does (above)
    QCOMPARE(browser->currentImageId(), target);
  }
};

QTEST_MAIN(SimilarEmbryosPanelTest)
#include "SimilarEmbryosPanelTest.moc"
