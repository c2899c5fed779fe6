// Train > Export Model… and Train > Import Model… (issue 16, finding 3): the file dialogs, the
// work off the GUI thread, the imported run in the runs list, and a refused file shown in a
// message box with the project unchanged.
#include <QtTest>

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QTimer>

#include <fstream>

#include "MainWindow.h"
#include "RunsPanel.h"
#include "RunsWorkspace.h"
#include "data/LabelsCsv.h"
#include "importer/Importer.h"
#include "model/ModelPackage.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "support/TestSupport.h"
#include "train/Trainer.h"

using namespace flystage;
using flystage::test::qs;
using flystage::test::TempDir;
using flystage::ui::MainWindow;

namespace {

// The Train menu's model actions call these after their file dialog, which is left out here:
// under the offscreen platform a second QFileDialog was not always accepted.
flystage::ui::RunsWorkspace* workspace(const MainWindow& w) {
  return w.workspace();
}

// Keeps the title and text of the next modal message box and answers it with `button`.
struct Box {
  QString title, text;
  bool stop = false;  // no longer expected: stop looking
};
void answerNextBox(Box* box, QMessageBox::StandardButton button, int triesLeft = 6000) {
  QTimer::singleShot(10, [box, button, triesLeft] {
    auto* m = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
    if (box->stop) return;
    if (!m) {
      if (triesLeft > 0) answerNextBox(box, button, triesLeft - 1);
      return;
    }
    box->title = m->windowTitle();
    box->text = m->text();
    if (auto* b = m->button(button))
      b->click();
    else
      m->close();
  });
}

// The labelled samples with a precise stage inside each range, and a tiny plain run.
std::filesystem::path trainedProject(const TempDir& dir) {
  std::string csv = "path,gene,stage_range,stage\n";
  for (const char* row :
       {"range4-6_0.png,,4-6,5", "range4-6_1.png,,4-6,6", "range7-8_0.png,,7-8,7",
        "range7-8_1.png,,7-8,8", "range9-10_0.png,,9-10,9", "range9-10_1.png,,9-10,10",
        "range11-12_0.png,,11-12,11", "range11-12_1.png,,11-12,12", "range13-17_0.png,,13-17,14",
        "range13-17_1.png,,13-17,16"})
    csv += (test::samplesDir() / row).string() + "\n";
  test::writeText(dir / "staged.csv", csv);
  const auto file = dir / "a.flystage";
  Project p = Project::open(file);
  if (!runImport(p, parseLabelsCsv(dir / "staged.csv"), {}).committed)
    throw std::runtime_error("import failed");
  TrainConfig c = TrainConfig::forPreset(Method::Plain, "tiny");
  c.device = "cpu";
  c.plainEpochs = 1;
  train(p, c, {});
  return file;
}

}  // namespace

class ModelMenuTest : public QObject {
  Q_OBJECT
  TempDir settingsDir_;

 private Q_SLOTS:
  void initTestCase() {
    test::useThrowAwaySettings(QStringLiteral("ModelMenuTest"), qs(settingsDir_.path()));
  }

  void exportThenImportIntoAnotherProject() {
    TempDir dir;
    const auto a = trainedProject(dir);
    const auto model = dir / "m.flystage-model";
    Box failed;  // none expected: its text makes a failure readable
    {
      MainWindow w;
      QVERIFY(w.openProject(qs(a)));
      auto* exportAct = w.findChild<QAction*>(QStringLiteral("actionExportModel"));
      QVERIFY(exportAct && exportAct->isEnabled());
      w.findChild<flystage::ui::RunsPanel*>(QStringLiteral("runsPanel"))->selectRuns({1});
      answerNextBox(&failed, QMessageBox::Ok);
      workspace(w)->exportModel(1, qs(model));  // what the action does after its file dialog
      QTRY_VERIFY_WITH_TIMEOUT(std::filesystem::exists(model) || !failed.text.isEmpty(), 60000);
      failed.stop = true;
      QCOMPARE(failed.text, QString());
      QCOMPARE(readModelPackageFile(model).method, std::string("plain"));
    }

    const auto b = test::makeSamplesProject(dir);
    MainWindow w;
    QVERIFY(w.openProject(qs(b)));
    auto* importAct = w.findChild<QAction*>(QStringLiteral("actionImportModel"));
    QVERIFY(importAct && importAct->isEnabled());

    // A damaged file: refused in a message box, nothing added.
    std::string damaged = test::readBytes(model);
    damaged.back() = static_cast<char>(damaged.back() ^ 1);
    const auto bad = dir / "bad.flystage-model";
    {
      std::ofstream out(bad, std::ios::binary);
      out << damaged;
    }
    Box refused;
    answerNextBox(&refused, QMessageBox::Ok);
    workspace(w)->importModel(qs(bad));
    QTRY_VERIFY_WITH_TIMEOUT(!refused.text.isEmpty(), 60000);
    QCOMPARE(refused.title, QStringLiteral("Import Model"));
    QCOMPARE(refused.text, "The model was not imported; the project is unchanged: " + qs(bad) +
                               " fails its checksum (the file was changed or damaged after it "
                               "was exported); export the model again from the project it was "
                               "trained in");
    {
      Project p = Project::open(b, OpenMode::ReadOnly);
      QVERIFY(runstore::runs(p).empty());
    }

    // The good file: a run of its own, then the offer to predict (declined here).
    Box offer;
    answerNextBox(&offer, QMessageBox::No);
    workspace(w)->importModel(qs(model));
    QTRY_VERIFY_WITH_TIMEOUT(!offer.text.isEmpty(), 60000);
    QCOMPARE(offer.text, QStringLiteral("The model was imported as run #1 (plain (imported)). "
                                        "Predict the stage of every image with it now?"));
    Project p = Project::open(b, OpenMode::ReadOnly);
    const auto runs = runstore::runs(p);
    QCOMPARE(runs.size(), std::size_t(1));
    QCOMPARE(runs[0].method, std::string("plain (imported)"));
    QCOMPARE(runs[0].status, std::string("finished"));
  }
};

QTEST_MAIN(ModelMenuTest)
#include "ModelMenuTest.moc"
