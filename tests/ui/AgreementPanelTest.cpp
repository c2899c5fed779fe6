#include <QtTest>

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QTableWidget>

#include "AgreementPanel.h"
#include "ConfusionMatrixView.h"
#include "MainWindow.h"
#include "store/LabelHistory.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "support/TestSupport.h"

using namespace flystage;
using flystage::test::TempDir;

namespace {

QString cell(QTableWidget* t, int row, int column) {
  auto* item = t->item(row, column);
  return item ? item->text() : QStringLiteral("(none)");
}

}  // namespace

// Issue 18, finding 5: the GUI shows the labellers' kappa, per stage, their confusion, and the
// chosen run beside them.
class AgreementPanelTest : public QObject {
  Q_OBJECT

  TempDir settings_;

 private Q_SLOTS:
  void initTestCase() {
    test::useThrowAwaySettings(QStringLiteral("AgreementPanelTest"), test::qs(settings_.path()));
  }

  void twoLabellersShowTheirKappa() {
    TempDir dir;
    const auto file = test::makeSamplesProject(dir, true);
    Project p = Project::open(file, OpenMode::Existing);
    const std::int64_t a = test::imageIdOf(p, "unlabeled_0.png"),
                       b = test::imageIdOf(p, "unlabeled_1.png"),
                       c = test::imageIdOf(p, "unlabeled_2.png");
    // alice and bob: the same on a and c, one stage apart on b (weighted kappa 8/9).
    for (const auto& [image, stage] : {std::pair{a, 10}, {b, 12}, {c, 5}})
      QVERIFY(LabelHistory(p, "alice").setLabel(image, labelForStage(stage, LabelSource::User)));
    for (const auto& [image, stage] : {std::pair{a, 10}, {b, 11}, {c, 5}})
      QVERIFY(LabelHistory(p, "bob").setLabel(image, labelForStage(stage, LabelSource::User)));
    // A run that calls a 10, b 12, c 6: alice's b, bob's neither c.
    RunRecord record;
    record.method = "two-step";
    record.status = "finished";
    const std::int64_t run = runstore::createRun(p, record);
    runstore::savePredictions(
        p, run,
        {test::predictionOf(a, {{10, 0.9f}}), test::predictionOf(b, {{12, 0.9f}}),
         test::predictionOf(c, {{6, 0.9f}})});

    ui::AgreementPanel panel;
    panel.setProject(&p);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto* pairs = panel.findChild<QTableWidget*>(QStringLiteral("agreementPairs"));
    QVERIFY(pairs);
    QCOMPARE(pairs->rowCount(), 1);
    const Agreement expected = agreementOf("alice", "bob", {{a, 10, 10}, {b, 12, 11}, {c, 5, 5}});
    QVERIFY(std::abs(expected.kappa - 8.0 / 9.0) < 1e-12);
    QCOMPARE(cell(pairs, 0, 0), QStringLiteral("alice"));
    QCOMPARE(cell(pairs, 0, 1), QStringLiteral("bob"));
    QCOMPARE(cell(pairs, 0, 2), QStringLiteral("3"));
    QVERIFY2(cell(pairs, 0, 3).startsWith(QStringLiteral("0.89 [")), qPrintable(cell(pairs, 0, 3)));
    QCOMPARE(cell(pairs, 0, 3),
             QString::fromStdString(intervalText(expected.kappa, expected.kappaInterval.lo,
                                                 expected.kappaInterval.hi, 2)));
    QCOMPARE(cell(pairs, 0, 4), QStringLiteral("66.7%"));

    // Per stage: 10 and 5 always agree; 12 and 11 each used by one labeller only.
    auto* stages = panel.findChild<QTableWidget*>(QStringLiteral("agreementStages"));
    QCOMPARE(stages->rowCount(), 14);
    QCOMPARE(stages->horizontalHeaderItem(1)->text(), QStringLiteral("alice / bob"));
    QCOMPARE(cell(stages, 10 - 4, 0), QStringLiteral("10"));
    QCOMPARE(cell(stages, 10 - 4, 1), QStringLiteral("1.00"));
    QCOMPARE(cell(stages, 12 - 4, 1), QStringLiteral("0.00"));
    QCOMPARE(cell(stages, 7 - 4, 1), QStringLiteral("-"));

    // The confusion: alice's rows, bob's columns.
    auto* confusion =
        panel.findChild<ui::ConfusionMatrixView*>(QStringLiteral("agreementConfusion"));
    QCOMPARE(confusion->count(12, 11), 1);
    QCOMPARE(confusion->count(11, 12), 0);
    QCOMPARE(confusion->count(10, 10), 1);

    // The run beside them, chosen by default (it holds the project's predictions).
    auto* runBox = panel.findChild<QComboBox*>(QStringLiteral("agreementRun"));
    QCOMPARE(runBox->currentData().toLongLong(), run);
    auto* model = panel.findChild<QTableWidget*>(QStringLiteral("agreementModel"));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(cell(model, 0, 0), QStringLiteral("alice / bob"));
    QCOMPARE(cell(model, 0, 1), QStringLiteral("3"));
    QCOMPARE(cell(model, 0, 2), cell(pairs, 0, 3));
    QVERIFY2(cell(model, 0, 3).startsWith(QStringLiteral("0.89 [")), qPrintable(cell(model, 0, 3)));
    QVERIFY2(cell(model, 0, 4).startsWith(QStringLiteral("0.77 [")), qPrintable(cell(model, 0, 4)));
    runBox->setCurrentIndex(runBox->findData(qint64(0)));
    QCOMPARE(model->rowCount(), 0);

    // bob's vote undone: no two labellers share an image; the panel says what to do.
    QVERIFY(LabelHistory(p).undo());
    QVERIFY(LabelHistory(p).undo());
    QVERIFY(LabelHistory(p).undo());
    panel.refresh();
    QCOMPARE(pairs->rowCount(), 0);
    QVERIFY(panel.findChild<QLabel*>(QStringLiteral("agreementSummary"))
                ->text()
                .startsWith(QStringLiteral("No two labellers have staged the same image yet.")));
  }

  void theWindowHostsItInTheViewMenu() {
    ui::MainWindow w;
    auto* panel = w.findChild<ui::AgreementPanel*>(QStringLiteral("agreementPanel"));
    QVERIFY(panel);
    auto* dock = w.findChild<QDockWidget*>(QStringLiteral("agreementPanelDock"));
    QVERIFY(dock);
    QCOMPARE(dock->windowTitle(), QStringLiteral("Labeller Agreement"));
    auto* view = w.findChild<QMenu*>(QStringLiteral("viewMenu"));
    QVERIFY(view->actions().contains(dock->toggleViewAction()));
  }
};

QTEST_MAIN(AgreementPanelTest)
#include "AgreementPanelTest.moc"
