#include <QtTest>

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QScrollBar>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTextBrowser>
#include <QUndoStack>

#include <filesystem>
#include <map>

#include <SQLiteCpp/SQLiteCpp.h>

#include "ImageBrowser.h"
#include "ImageFilterModel.h"
#include "ImageTableModel.h"
#include "ImageView.h"
#include "ImportController.h"
#include "ImportReportDialog.h"
#include "LabelKeys.h"
#include "LabelMenu.h"
#include "Labeller.h"
#include "MainWindow.h"
#include "Preferences.h"

#include "data/LabelsCsv.h"
#include "data/Stage.h"
#include "eval/LabelQueue.h"
#include "importer/ImportPlan.h"
#include "importer/Importer.h"
#include "store/ImageList.h"
#include "store/LabelHistory.h"
#include "store/LabellerVotes.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "support/TestSupport.h"

using namespace flystage;
using flystage::test::qs;
using flystage::test::TempDir;
using flystage::ui::ImageFilter;
using flystage::ui::ImageTableModel;
using flystage::ui::LabelMenu;
using flystage::ui::MainWindow;

namespace {

// The label as another connection reads it: what is committed.
Label stored(const std::filesystem::path& file, std::int64_t id) {
  return Project::open(file, OpenMode::ReadOnly).label(id);
}

QAction* action(const QObject& w, const char* name) {
  return w.findChild<QAction*>(QString::fromLatin1(name));
}

ui::LabelMenu* labelMenu(const MainWindow& w) {
  return w.findChild<ui::LabelMenu*>(QStringLiteral("labelMenu"));
}

// What the next range question showed, and the button that answered it.
struct Question {
  QString title;
  QString text;
  QString informative;
  QStringList buttons;  // their texts, without '&'
  bool asked = false;
};

// Answers the next modal QMessageBox (QMessageBox::exec spins its own loop) with the button
// of object name `button`, keeping what it showed in `*q`. Gives up after about 5 s.
void answerNextQuestion(const char* button, Question* q, int triesLeft = 500) {
  QTimer::singleShot(10, [button, q, triesLeft] {
    auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
    if (!box) {
      if (triesLeft > 0) answerNextQuestion(button, q, triesLeft - 1);
      return;
    }
    q->asked = true;
    q->title = box->windowTitle();
    q->text = box->text();
    q->informative = box->informativeText();
    for (QAbstractButton* b : box->buttons()) q->buttons << b->text().remove(QLatin1Char('&'));
    if (auto* b = box->findChild<QAbstractButton*>(QString::fromLatin1(button)))
      b->click();
    else
      box->close();
  });
}

StoredPrediction prediction(std::int64_t id, std::map<int, float> p) {
  StoredPrediction pr;
  pr.imageId = id;
  float used = 0;
  for (const auto& [stage, v] : p) used += v;
  pr.probabilities.assign(kNumFineStages,
                          (1.0f - used) / static_cast<float>(kNumFineStages - p.size()));
  for (const auto& [stage, v] : p) pr.probabilities[stage - kMinFineStage] = v;
  int best = 0;
  for (int i = 1; i < kNumFineStages; ++i)
    if (pr.probabilities[i] > pr.probabilities[best]) best = i;
  pr.stage = fineStageFromIndex(best);
  pr.probability = pr.probabilities[best];
  return pr;
}

}  // namespace

class LabellingTest : public QObject {
  Q_OBJECT

  TempDir settingsDir_;
  TempDir demoDir_;
  std::filesystem::path demo_;

  int rangeQuestions_ = 0;  // asked through replaceRanges()

  // Labels that replace ranges are asked about; these tests replace them without a dialog,
  // counting the questions (acceptingAPredictionOutsideTheRangeAsks shows the dialog).
  void replaceRanges(MainWindow& w) {
    labelMenu(w)->setConflictQuestion([this](const std::vector<RangeConflict>&, int) {
      ++rangeQuestions_;
      return LabelMenu::ConflictAnswer::ReplaceRanges;
    });
  }

  // A fresh copy of the demo project, opened and shown, the grid focused on image `first`.
  std::filesystem::path open(MainWindow& w, const TempDir& dir, std::int64_t first = 1,
                             bool askInADialog = false) {
    const auto file = dir / "p.flystage";
    std::filesystem::copy_file(demo_, file);
    if (!w.openProject(qs(file))) throw std::runtime_error("open failed");
    if (!askInADialog) replaceRanges(w);
    w.resize(1200, 800);
    w.show();
    w.activateWindow();
    if (!QTest::qWaitForWindowActive(&w)) throw std::runtime_error("window not active");
    w.browser()->currentView()->setFocus();
    w.browser()->selectImage(first);
    return file;
  }

  void key(MainWindow& w, Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier) {
    QTest::keyClick(w.browser()->currentView(), k, m);
  }

  // After a dialog: the offscreen platform (no window manager) does not hand the activation
  // back, and shortcuts need an active window.
  void refocus(MainWindow& w) {
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    w.browser()->currentView()->setFocus();
  }

 private Q_SLOTS:
  void initTestCase() {
    test::useThrowAwaySettings(QStringLiteral("LabellingTest"), qs(settingsDir_.path()));
    demo_ = test::makeSamplesProject(demoDir_, true);
  }

  void init() {
    QSettings().clear();
    rangeQuestions_ = 0;
  }

  void keysLabelTheStore() {
    TempDir dir;
    MainWindow w;
    const auto file = open(w, dir, 13);  // the unlabelled images are 13..16
    QCOMPARE(w.browser()->currentImageId(), 13);

    key(w, Qt::Key_5);  // a stage 4..9: its digit
    QCOMPARE(stored(file, 13), labelForStage(5, LabelSource::User));
    QCOMPARE(w.browser()->currentImageId(), 14);  // advanced to the next image
    key(w, Qt::Key_1);                            // 10..17: typed as the number
    QCOMPARE(stored(file, 14), Label{});
    key(w, Qt::Key_2);
    QCOMPARE(stored(file, 14), labelForStage(12, LabelSource::User));
    key(w, Qt::Key_7, Qt::ShiftModifier);  // ... or Shift with the last digit
    QCOMPARE(stored(file, 15), labelForStage(17, LabelSource::User));
    key(w, Qt::Key_4, Qt::ControlModifier);  // a range: Ctrl with BDGP's bin number
    QCOMPARE(stored(file, 16), labelForRange(*parseStageRange("9-10"), LabelSource::User));
    QCOMPARE(w.browser()->currentImageId(), 16);  // the last image stays selected

    // The table shows what the store holds.
    const int row = w.imageModel()->rowOfImage(14);
    QCOMPARE(w.imageModel()->index(row, ImageTableModel::Stage).data().toString(),
             QStringLiteral("12"));
    QCOMPARE(w.imageModel()->index(row, ImageTableModel::StageRange).data().toString(),
             QStringLiteral("11-12"));

    // Refine a range label to a stage, then remove a label; previous with K.
    key(w, Qt::Key_K);
    QCOMPARE(w.browser()->currentImageId(), 15);
    action(w, "actionAdvance")->setChecked(false);
    key(w, Qt::Key_Delete);
    QCOMPARE(stored(file, 15), Label{});
    QCOMPARE(w.browser()->currentImageId(), 15);  // no advance when switched off
    key(w, Qt::Key_J);
    key(w, Qt::Key_1);
    key(w, Qt::Key_0);
    QCOMPARE(stored(file, 16), labelForStage(10, LabelSource::User));

    // The summary follows.
    auto* unlabelled = w.findChild<QLabel*>(QStringLiteral("summaryUnlabelled"));
    QCOMPARE(unlabelled->text(), QStringLiteral("1"));  // only #15 is unlabelled again
    // Every key of the scheme is an action of the Label menu, with its shortcut.
    for (const ui::LabelKey& k : ui::labelKeys()) {
      QAction* a = action(w, qPrintable(k.objectName));
      QVERIFY2(a, qPrintable(k.objectName));
      QCOMPARE(a->shortcuts(), k.keys);
      QVERIFY(!a->toolTip().isEmpty());
    }
  }

  void oneActionForASelectionAndUndoRedo() {
    TempDir dir;
    MainWindow w;
    const auto file = open(w, dir, 3);
    QUndoStack* stack = w.undoStack();
    QCOMPARE(stack->count(), 0);
    // Select images 3, 4 and 5 (ranges 11-12, 11-12, 13-17) and press 9.
    auto* selection = w.browser()->table()->selectionModel();
    for (int id : {4, 5}) {
      const QModelIndex i = w.browser()->proxy()->index(w.browser()->proxy()->rowOfImage(id), 0);
      selection->select(i, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    QCOMPARE(w.browser()->selectedImageIds(), (QList<qint64>{3, 4, 5}));
    const Label before3 = stored(file, 3), before5 = stored(file, 5);
    key(w, Qt::Key_9);
    for (int id : {3, 4, 5}) QCOMPARE(stored(file, id), labelForStage(9, LabelSource::User));
    QCOMPARE(stack->count(), 1);
    // 9 is outside 11-12 and 13-17: asked once for the three, and the undo list says so.
    QCOMPARE(rangeQuestions_, 1);
    QCOMPARE(stack->undoText(), QStringLiteral("Stage 9 for 3 images (was ranges 11-12, 13-17)"));
    QCOMPARE(w.browser()->currentImageId(), 6);  // the image after the selection
    key(w, Qt::Key_1);
    key(w, Qt::Key_3);
    QCOMPARE(stored(file, 6), labelForStage(13, LabelSource::User));
    QCOMPARE(stack->count(), 2);
    QVERIFY(w.labeller()->isInSyncWithProject());

    // Edit > Undo names the action; Ctrl+Z undoes it in the store.
    QAction* undo = action(w, "actionUndo");
    QAction* redo = action(w, "actionRedo");
    QVERIFY(undo && redo);
    QCOMPARE(undo->text().remove(QLatin1Char('&')), QStringLiteral("Undo Stage 13 for image #6"));
    QCOMPARE(undo->shortcut(), QKeySequence(QKeySequence::Undo));
    QVERIFY(redo->shortcuts().contains(QKeySequence(QStringLiteral("Ctrl+Shift+Z"))));
    key(w, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(stored(file, 6), labelForRange(*parseStageRange("13-17"), LabelSource::Import));
    key(w, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(stored(file, 3), before3);
    QCOMPARE(stored(file, 5), before5);
    QCOMPARE(stack->index(), 0);
    QVERIFY(!undo->isEnabled());
    QCOMPARE(redo->text().remove(QLatin1Char('&')),
             QStringLiteral("Redo Stage 9 for 3 images (was ranges 11-12, 13-17)"));
    QVERIFY(w.labeller()->isInSyncWithProject());
    // The table shows the undone label.
    QCOMPARE(w.imageModel()
                 ->index(w.imageModel()->rowOfImage(3), ImageTableModel::Stage)
                 .data()
                 .toString(),
             QString());
    key(w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    for (int id : {3, 4, 5}) QCOMPARE(stored(file, id), labelForStage(9, LabelSource::User));
    QCOMPARE(stack->index(), 1);
    QVERIFY(w.labeller()->isInSyncWithProject());
    // A new action drops what could be redone, in the stack as in the store.
    w.browser()->selectImage(1);
    key(w, Qt::Key_Delete);
    QCOMPARE(stack->count(), 2);
    QVERIFY(!redo->isEnabled());
    QVERIFY(!LabelHistory(*w.project()).nextRedo());
    QVERIFY(w.labeller()->isInSyncWithProject());
  }

  void undoSurvivesReopening() {
    TempDir dir;
    std::filesystem::path file;
    {
      MainWindow w;
      file = open(w, dir, 1);
      key(w, Qt::Key_4, Qt::ControlModifier);  // #1: 9-10
      key(w, Qt::Key_6);                       // #2: stage 6
      key(w, Qt::Key_1);
      key(w, Qt::Key_1);      // #3: stage 11
      w.undoStack()->undo();  // #3 back to 11-12
      QCOMPARE(stored(file, 3), labelForRange(*parseStageRange("11-12"), LabelSource::Import));
    }
    MainWindow w;
    QVERIFY(w.openProject(qs(file)));
    QUndoStack* stack = w.undoStack();
    QCOMPARE(stack->count(), 3);
    QCOMPARE(stack->index(), 2);
    QVERIFY(w.labeller()->isInSyncWithProject());
    QCOMPARE(stack->undoText(), QStringLiteral("Stage 6 for image #2 (was range 1-3)"));
    QCOMPARE(stack->redoText(), QStringLiteral("Stage 11 for image #3"));
    stack->redo();
    QCOMPARE(stored(file, 3), labelForStage(11, LabelSource::User));
    stack->undo();
    stack->undo();
    stack->undo();
    QCOMPARE(stored(file, 1), labelForRange(*parseStageRange("1-3"), LabelSource::Import));
    QCOMPARE(stored(file, 2), labelForRange(*parseStageRange("1-3"), LabelSource::Import));
    QCOMPARE(stored(file, 3), labelForRange(*parseStageRange("11-12"), LabelSource::Import));
    QCOMPARE(stack->index(), 0);
    QVERIFY(w.labeller()->isInSyncWithProject());
    // The rows show the restored labels.
    QCOMPARE(w.imageModel()->row(w.imageModel()->rowOfImage(1)).label,
             labelForRange(*parseStageRange("1-3"), LabelSource::Import));
  }

  void historyChangedElsewhereIsReloaded() {
    TempDir dir;
    MainWindow w;
    const auto file = open(w, dir, 1);
    key(w, Qt::Key_8);  // #1: stage 8
    QCOMPARE(w.undoStack()->count(), 1);
    {  // the command line labels #2 while the window is open
      Project other = Project::open(file);
      LabelHistory(other).setLabel(2, labelForStage(5, LabelSource::User), "CLI: stage 5");
    }
    QVERIFY(!w.labeller()->isInSyncWithProject());
    QSignalSpy failed(w.labeller(), &ui::Labeller::failed);
    w.undoStack()->undo();  // would undo #1, but the project's next undo is the CLI's action
    QCOMPARE(failed.count(), 1);
    QCOMPARE(stored(file, 1), labelForStage(8, LabelSource::User));  // nothing written
    QCOMPARE(stored(file, 2), labelForStage(5, LabelSource::User));
    QTRY_VERIFY(w.labeller()->isInSyncWithProject());
    QCOMPARE(w.undoStack()->count(), 2);
    // The undo list composes its texts from what each action changed (in the user's
    // language), the command line's as well: #2's stage 5 replaced its range 1-3.
    QCOMPARE(w.undoStack()->undoText(), QStringLiteral("Stage 5 for image #2 (was range 1-3)"));
    w.undoStack()->undo();
    QCOMPARE(stored(file, 2), labelForRange(*parseStageRange("1-3"), LabelSource::Import));
    QCOMPARE(w.imageModel()->row(w.imageModel()->rowOfImage(2)).label, stored(file, 2));
  }

  // The window's own import holds the write lock until it ends: a key is refused at once
  // with the reason (instead of waiting on the GUI thread and failing), the selection stays
  // on the image, an undo is refused and the undo list stays the project's.
  void labellingWaitsForTheWindowsOwnImport() {
    TempDir dir;
    MainWindow w;
    const auto file = open(w, dir, 13);
    key(w, Qt::Key_5);  // #13: stage 5, undoable
    QCOMPARE(w.browser()->currentImageId(), 14);

    const auto folder = dir / "more";
    std::filesystem::create_directories(folder);
    std::filesystem::copy_file(test::samplesDir() / "unlabeled_0.png", folder / "again.png");
    ui::ImportRequest request;
    request.kind = ui::ImportRequest::Kind::Folder;
    request.source = qs(folder);
    QSignalSpy finished(w.importController(), &ui::ImportController::importFinished);
    QSignalSpy failed(w.labeller(), &ui::Labeller::failed);
    QVERIFY(w.startImport(request));
    // Until importFinished is delivered (the event loop has not run) the import counts as
    // running, whatever its thread has done so far.
    const QString refused = QStringLiteral(
        "Labels cannot be saved while an import is running: it holds the project until it "
        "ends. Label again when it has finished. Nothing was changed.");
    QElapsedTimer clock;
    clock.start();
    key(w, Qt::Key_6);
    QVERIFY2(clock.elapsed() < 1000, "the key waited for the import's lock");
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).toString(), refused);
    QCOMPARE(w.statusBar()->currentMessage(), refused);
    QCOMPARE(stored(file, 14), Label{});
    QCOMPARE(w.browser()->currentImageId(), 14);  // not skipped
    w.undoStack()->undo();
    QCOMPARE(failed.count(), 2);
    QCOMPARE(stored(file, 13), labelForStage(5, LabelSource::User));

    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QTRY_VERIFY(w.labeller()->isInSyncWithProject());
    QCOMPARE(w.undoStack()->count(), 1);
    QCOMPARE(w.undoStack()->index(), 1);
    if (auto* report = w.importController()->reportDialog()) report->close();
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    w.browser()->currentView()->setFocus();
    QVERIFY(w.browser()->selectImage(14));
    key(w, Qt::Key_6);  // after the import: saved
    QCOMPARE(stored(file, 14), labelForStage(6, LabelSource::User));
    QCOMPARE(failed.count(), 2);
  }

  void labelNextQueueIsWalkedInItsOrder() {
    TempDir dir;
    const auto file = dir / "q.flystage";
    std::filesystem::copy_file(demo_, file);
    std::int64_t run = 0;
    std::vector<StoredPrediction> preds;
    {
      Project p = Project::open(file);
      RunRecord r;
      r.method = "plain";
      r.status = "finished";
      run = runstore::createRun(p, r);
      preds = {prediction(13, {{12, 0.45f}, {11, 0.44f}}),  // boundary, unsure
               prediction(14, {{6, 0.90f}}),                // sure
               prediction(15, {{9, 0.35f}, {5, 0.20f}}),    // least confident
               prediction(16, {{14, 0.60f}, {15, 0.30f}}),
               prediction(7, {{9, 0.80f}}),    // range 4-6 predicted 9: disagrees
               prediction(3, {{12, 0.70f}})};  // range 11-12 predicted 12: agrees
      runstore::savePredictions(p, run, preds);
    }
    MainWindow w;
    QVERIFY(w.openProject(qs(file)));
    replaceRanges(w);
    w.show();
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    w.browser()->currentView()->setFocus();

    // Ctrl+L: the newest run's queue, least confident first, the first image selected.
    key(w, Qt::Key_L, Qt::ControlModifier);
    QVERIFY(w.browser()->filter().queue == QueueStrategy::LeastConfident);
    QCOMPARE(w.browser()->filter().runId, run);
    std::map<std::int64_t, Label> labels;
    for (const auto& row : listImages(*w.project()))
      if (!row.label.empty()) labels[row.id] = row.label;
    auto expected = rankForLabelling(preds, labels, QueueStrategy::LeastConfident);
    QList<qint64> order;
    for (const auto& e : expected) order << e.imageId;
    QCOMPARE(order.first(), 15);
    QCOMPARE(w.browser()->proxy()->imageIds(), order);
    QCOMPARE(w.browser()->currentImageId(), order[0]);
    QCOMPARE(w.imageTable()->model()->index(0, ImageTableModel::QueueRank).data().toInt(), 1);

    // Labelling walks the queue; labelled images stay listed (undo, review).
    key(w, Qt::Key_9);
    QCOMPARE(stored(file, order[0]), labelForStage(9, LabelSource::User));
    QCOMPARE(w.browser()->currentImageId(), order[1]);
    key(w, Qt::Key_A);  // accept the prediction as the label
    const StoredPrediction* p = w.imageModel()->prediction(w.imageModel()->rowOfImage(order[1]));
    QCOMPARE(stored(file, order[1]), labelForStage(p->call(), LabelSource::Model));
    QCOMPARE(rangeQuestions_, 0);  // both unlabelled
    QCOMPARE(w.browser()->currentImageId(), order[2]);
    QCOMPARE(w.browser()->proxy()->imageIds(), order);

    // Another ranking from the filter bar.
    auto* mode = w.findChild<QComboBox*>(QStringLiteral("queueMode"));
    mode->setCurrentIndex(mode->findData(QStringLiteral("range-disagreement")));
    QCOMPARE(w.browser()->proxy()->imageIds(), QList<qint64>{7});
    // Ctrl+L again leaves the queue.
    key(w, Qt::Key_L, Qt::ControlModifier);
    QVERIFY(!w.browser()->filter().queue);
    QCOMPARE(w.browser()->proxy()->rowCount(), 16);
  }

  // Issue 16, finding 2: A accepted a prediction outside the image's range (and a typed stage
  // did the same), replacing the curator's range without a word. Now it asks, naming both:
  // Cancel leaves the label; Replace labels it, the undo list keeps the old range and undo
  // restores it. A run predicted without the range constraint is where A can still do this.
  void acceptingAPredictionOutsideTheRangeAsks() {
    TempDir dir;
    MainWindow w;
    const auto file = open(w, dir, 11, true);  // #11 range9-10_0.png, #12 range9-10_1.png
    const Label curator = labelForRange(*parseStageRange("9-10"), LabelSource::Import);
    QCOMPARE(stored(file, 11), curator);
    QCOMPARE(stored(file, 3), labelForRange(*parseStageRange("11-12"), LabelSource::Import));
    std::int64_t run = 0;
    {
      Project p = Project::open(file);
      RunRecord r;
      r.method = "plain";
      r.status = "finished";
      run = runstore::createRun(p, r);
      // Stored with range_constraint 0: the call is the model's own, 5, outside 9-10.
      runstore::savePredictions(p, run,
                                {prediction(11, {{5, 0.70f}}), prediction(12, {{10, 0.60f}})});
    }
    w.imageModel()->reload();
    ImageFilter f;
    f.runId = run;
    QVERIFY(w.setImageFilter(f));
    QVERIFY(w.browser()->selectImage(11));
    w.browser()->currentView()->setFocus();
    QUndoStack* stack = w.undoStack();

    Question q;
    answerNextQuestion("keepRangesButton", &q);
    key(w, Qt::Key_A);
    QVERIFY(q.asked);
    refocus(w);
    QCOMPARE(q.title, QStringLiteral("Replace the Stage Range?"));
    QCOMPARE(q.text, QStringLiteral("Image #11 has the range 9-10, from the import. Stage 5 lies "
                                    "outside that range: labelling it replaces the range with "
                                    "4-6."));
    QCOMPARE(q.informative,
             QStringLiteral("The old range stays in the label history: Undo restores it."));
    QCOMPARE(q.buttons, (QStringList{"Replace the Range", "Cancel"}));
    QCOMPARE(stored(file, 11), curator);  // cancelled: nothing written
    QCOMPARE(stack->count(), 0);
    QCOMPARE(w.browser()->currentImageId(), 11);  // still to do
    QCOMPARE(w.statusBar()->currentMessage(),
             QStringLiteral("Nothing was labelled: the images keep their ranges."));

    q = Question{};
    answerNextQuestion("replaceRangesButton", &q);
    key(w, Qt::Key_A);
    QVERIFY(q.asked);
    refocus(w);
    QCOMPARE(stored(file, 11), labelForStage(5, LabelSource::Model));
    QCOMPARE(stack->undoText(), QStringLiteral("Predicted stage 5 for image #11 (was range 9-10)"));
    {
      Project p = Project::open(file, OpenMode::ReadOnly);
      QCOMPARE(p.db()
                   .execAndGet("SELECT old_range || ' ' || old_source FROM label_history WHERE "
                               "image_id = 11")
                   .getString(),
               std::string("9-10 import"));
    }
    stack->undo();
    QCOMPARE(stored(file, 11), curator);

    // A typed stage outside the range asks as well; one inside does not.
    QVERIFY(w.browser()->selectImage(11));
    q = Question{};
    answerNextQuestion("keepRangesButton", &q);
    key(w, Qt::Key_6);
    QVERIFY(q.asked);
    refocus(w);
    QCOMPARE(q.text, QStringLiteral("Image #11 has the range 9-10, from the import. Stage 6 lies "
                                    "outside that range: labelling it replaces the range with "
                                    "4-6."));
    QCOMPARE(stored(file, 11), curator);
    int asked = 0;
    labelMenu(w)->setConflictQuestion([&asked](const std::vector<RangeConflict>&, int) {
      ++asked;
      return LabelMenu::ConflictAnswer::Cancel;
    });
    QVERIFY(w.browser()->selectImage(12));
    key(w, Qt::Key_A);  // 10, inside 9-10
    QCOMPARE(asked, 0);
    QCOMPARE(stored(file, 12), labelForStage(10, LabelSource::Model));
    labelMenu(w)->setConflictQuestion(
        [menu = labelMenu(w)](const std::vector<RangeConflict>& c, int images) {
          return menu->askAboutConflicts(c, images);
        });

    // A selection: #3 and #4 (11-12) would leave their range for 9, #11 (9-10) would not.
    // "Label only the images inside their range" labels #11 alone.
    QVERIFY(w.browser()->selectImage(3));
    auto* selection = w.browser()->table()->selectionModel();
    for (int id : {4, 11}) {
      const QModelIndex i = w.browser()->proxy()->index(w.browser()->proxy()->rowOfImage(id), 0);
      selection->select(i, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    QCOMPARE(w.browser()->selectedImageIds(), (QList<qint64>{3, 4, 11}));
    q = Question{};
    answerNextQuestion("labelInsideOnlyButton", &q);
    key(w, Qt::Key_9);
    QVERIFY(q.asked);
    refocus(w);
    QCOMPARE(q.title, QStringLiteral("Replace the Stage Ranges?"));
    QCOMPARE(q.text, QStringLiteral("2 of the 3 images would get a stage outside their range, "
                                    "which replaces it:"));
    QCOMPARE(q.informative,
             QStringLiteral("#3: the range 11-12, from the import → stage 9 (9-10)\n"
                            "#4: the range 11-12, from the import → stage 9 (9-10)\n\n"
                            "The old ranges stay in the label history: Undo restores them."));
    QCOMPARE(q.buttons, (QStringList{"Replace the Ranges",
                                     "Label Only the 1 Image Inside Their "
                                     "Range",
                                     "Cancel"}));
    QCOMPARE(stored(file, 11), labelForStage(9, LabelSource::User));
    QCOMPARE(stored(file, 3), labelForRange(*parseStageRange("11-12"), LabelSource::Import));
    QCOMPARE(stored(file, 4), labelForRange(*parseStageRange("11-12"), LabelSource::Import));
    QCOMPARE(stack->undoText(), QStringLiteral("Stage 9 for image #11"));
  }

  // Issue 18, finding 5: a label set in the window carries the Preferences' labeller name; a
  // second labeller's same stage is a vote; their conflicts are a label-next queue.
  void guiLabelCarriesThePreferenceName() {
    TempDir dir;
    ui::Preferences::setLabeller(QStringLiteral("alice"));
    MainWindow w;
    const auto file = open(w, dir, 13);
    key(w, Qt::Key_5);
    QCOMPARE(stored(file, 13), labelForStage(5, LabelSource::User));
    const auto labellerOf = [&file](std::int64_t id) {
      SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
      SQLite::Statement q(db, "SELECT labeller FROM labels WHERE image_id = ?");
      q.bind(1, static_cast<int64_t>(id));
      return q.executeStep() ? QString::fromStdString(q.getColumn(0).getString()) : QString();
    };
    QCOMPARE(labellerOf(13), QStringLiteral("alice"));
    // bob, on the same computer, agrees on 13 and stages 14 otherwise than alice will.
    ui::Preferences::setLabeller(QStringLiteral("bob"));
    w.browser()->selectImage(13);
    key(w, Qt::Key_5);
    QCOMPARE(w.labeller()->undoStack()->count(), 2);  // his vote is an undoable action
    QCOMPARE(labellerOf(13), QStringLiteral("alice"));
    w.browser()->selectImage(14);
    key(w, Qt::Key_7);
    ui::Preferences::setLabeller(QStringLiteral("alice"));
    w.browser()->selectImage(14);
    key(w, Qt::Key_9);
    QCOMPARE(labellerOf(14), QStringLiteral("alice"));
    QStringList votes;
    for (const auto& v : labellerVotes(*w.project()))
      votes << QStringLiteral("%1:%2=%3")
                   .arg(v.imageId)
                   .arg(QString::fromStdString(v.labeller))
                   .arg(v.stage);
    QCOMPARE(votes.join(QLatin1Char(' ')),
             QStringLiteral("13:alice=5 13:bob=5 14:alice=9 14:bob=7"));
    // Label next > Labeller conflicts: image 14 alone, with no run chosen.
    QCOMPARE(w.browser()->filter().runId, 0);
    auto* mode = w.findChild<QComboBox*>(QStringLiteral("queueMode"));
    const int conflicts = mode->findData(QStringLiteral("labeller-conflict"));
    QVERIFY(conflicts > 0);
    QCOMPARE(mode->itemText(conflicts), QStringLiteral("Labeller conflicts"));
    mode->setCurrentIndex(conflicts);
    QCOMPARE(w.browser()->proxy()->imageIds(), QList<qint64>{14});
  }

  void helpListsTheKeys() {
    TempDir dir;
    MainWindow w;
    open(w, dir);
    key(w, Qt::Key_F1);
    auto* help = w.findChild<QDialog*>(QStringLiteral("labellingHelp"));
    QVERIFY(help);
    QTRY_VERIFY(help->isVisible());
    const QString text = help->findChild<QTextBrowser*>()->toPlainText();
    for (const char* s : {"Stage 4", "Stage 12", "Range 13-17", "Ctrl+6", "Shift+2", "1, 2",
                          "Accept the Predicted Stage", "Next image", "Undo"})
      QVERIFY2(text.contains(QLatin1String(s)), s);
  }

  void everyControlIsNamedAndExplained() {
    TempDir dir;
    MainWindow w;
    open(w, dir);
    w.findChild<QAction*>(QStringLiteral("actionShowFilters"))->setChecked(true);
    QStringList missing;
    const QList<QWidget*> roots = {w.browser(), w.imageView()};
    for (QWidget* root : roots)
      for (QWidget* c : root->findChildren<QWidget*>()) {
        const bool control = qobject_cast<QAbstractButton*>(c) || qobject_cast<QComboBox*>(c) ||
                             qobject_cast<QLineEdit*>(c) || qobject_cast<QAbstractSpinBox*>(c) ||
                             qobject_cast<QAbstractSlider*>(c) ||
                             qobject_cast<QAbstractItemView*>(c);
        // Parts Qt builds inside a control (a combo box's editor and list, a line edit's clear
        // button, a table's headers, scroll bars).
        const QWidget* parent = c->parentWidget();
        const bool part =
            c->objectName().startsWith(QLatin1String("qt_")) ||
            qobject_cast<const QComboBox*>(parent) ||
            qobject_cast<const QAbstractSpinBox*>(parent) ||
            qobject_cast<const QLineEdit*>(parent) ||
            qobject_cast<const QAbstractItemView*>(parent) || qobject_cast<QScrollBar*>(c) ||
            c->inherits("QComboBoxPrivateContainer") ||
            (c->parentWidget() && c->parentWidget()->inherits("QComboBoxPrivateContainer"));
        if (!control || part) continue;
        if (c->objectName().isEmpty() || c->accessibleName().isEmpty() || c->toolTip().isEmpty())
          missing << QStringLiteral("%1 '%2' (%3)")
                         .arg(QString::fromLatin1(c->metaObject()->className()), c->objectName(),
                              c->accessibleName());
      }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
  }
};

QTEST_MAIN(LabellingTest)
#include "LabellingTest.moc"
