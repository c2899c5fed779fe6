#include <QtTest>

#include <cmath>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>

#include "GemPanel.h"
#include "data/LabelsCsv.h"
#include "figure/GemFigure.h"
#include "importer/Importer.h"
#include "interpret/SaliencySanity.h"
#include "interpret/StageGems.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "support/TestSupport.h"
#include "synth/DemoDataset.h"
#include "train/Trainer.h"

using namespace flystage;

// The GEM view drives core's GEMs from real widgets: build off the GUI thread, show, export.
class GemPanelTest : public QObject {
  Q_OBJECT
  test::TempDir dir_;
  std::unique_ptr<Project> project_;
  std::int64_t run_ = 0;

 private Q_SLOTS:
  void initTestCase() {
    project_ = std::make_unique<Project>(
        Project::open(test::makeSyntheticProject(dir_, 9, 0.002, 3, "g.flystage")));
    TrainConfig c = TrainConfig::forPreset(Method::Plain, "tiny");
    c.plainEpochs = 1;
    c.device = "cpu";
    run_ = train(*project_, c, {});
  }

  void buildsShowsAndExportsAMaskedGem() {
    ui::GemPanel panel;
    panel.setProject(project_.get());
    panel.selectRun(run_);
    auto* masked = panel.findChild<QCheckBox*>(QStringLiteral("gemMasked"));
    QVERIFY(masked->isEnabled());
    masked->setChecked(true);
    panel.findChild<QDoubleSpinBox*>(QStringLiteral("gemMinConfidence"))->setValue(0);
    QSignalSpy built(&panel, &ui::GemPanel::built);
    QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("gemBuild")), Qt::LeftButton);
    QVERIFY(panel.isBuilding());  // returned at once: the work is on another thread
    QVERIFY(built.wait(60000));
    QVERIFY(panel.hasFigure());
    const QString status = panel.findChild<QLabel*>(QStringLiteral("gemStatus"))->text();
    const QImage shown = panel.figureImage();
    QVERIFY(shown.width() > 400);
    const QString svg = QString::fromStdString((dir_ / "masked.svg").string());
    QVERIFY(panel.exportTo(svg, false));
    QFile f(svg);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    QVERIFY(text.contains(QStringLiteral("Masked GEM (genome-wide)")));
    QVERIFY(text.contains(QStringLiteral("Stage 17")));
    QVERIFY(text.contains(QStringLiteral("\"run\":{\"id\":%1").arg(run_)));
    // Core's gemProvenance(): the GUI's figure used to omit the stain and the mask's settings.
    QVERIFY2(text.contains(QStringLiteral(
                 "stain: log10(B / sqrt(R G)), per image / max(99th percentile, 0.15)")),
             qPrintable(text.left(1500)));
    QVERIFY(text.contains(QStringLiteral(
        "mask weight: saliency / its 99th percentile (at most 1), inside the embryo")));
    QVERIFY(QFile::exists(QString::fromStdString((dir_ / "masked.csv").string())));
    // What each stage's masks kept: under each map and in the status, as core computes it.
    GemRequest r;
    r.runId = run_;
    r.masked = true;
    const GemResult core = buildStageGems(*project_, r);
    QStringList kept;
    for (const auto& g : core.gems) {
      if (g.map.images == 0) continue;
      kept << QStringLiteral("stage %1: %2 %")
                  .arg(g.map.stage)
                  .arg(std::lround(100 * g.map.keptFraction));
      QVERIFY(text.contains(QString::fromStdString(
          "masks keep " + figure::keptFractionText(g.map.keptFraction) + " of the embryo")));
    }
    QVERIFY(kept.size() > 3);
    QVERIFY2(status.endsWith(QStringLiteral("\nShare of the embryo the saliency masks keep: ") +
                             kept.join(QStringLiteral(", ")) + QLatin1Char('.')),
             qPrintable(status));
    QVERIFY(!panel.exportTo(QString::fromStdString((dir_ / "no" / "x.png").string()), false));
  }

  // The method list is core's: Grad-CAM and every method added there, in its order.
  void theSaliencyMethodsAreCoresList() {
    ui::GemPanel panel;
    auto* method = panel.findChild<QComboBox*>(QStringLiteral("gemSaliencyMethod"));
    QStringList shown, core;
    for (int i = 0; i < method->count(); ++i) shown << method->itemData(i).toString();
    for (auto m : saliencyMethods()) core << QString::fromStdString(saliencyMethodName(m));
    QCOMPARE(shown, core);
    QVERIFY(shown.contains(QStringLiteral("grad-cam")));
  }

  // A method that failed the chosen run's sanity check says so in the masks' method list
  // too, with its verdict; choosing no run removes the mark.
  void aFailedSanityCheckMarksItsMethod() {
    SaliencySanity bad;
    bad.method = SaliencyMethod::GradCam;
    bad.images = 3;
    bad.steps = 2;
    bad.samples = 1;
    bad.fractions = {0, 0.5, 1};
    bad.deletionSalient = {0.5, 0.45, 0.1};
    bad.deletionRandom = {0.5, 0.3, 0.1};
    bad.deletionAreaSalient = 0.375;
    bad.deletionAreaRandom = 0.3;
    bad.deletionGap = -0.075;
    bad.deletionGapLow = -0.1;
    bad.deletionGapHigh = -0.05;
    bad.randomizationRank = 0.1;
    bad.randomizationRankHigh = 0.2;
    bad.randomizationPassed = true;
    bad.deletionPassed = false;
    storeSaliencySanity(*project_, run_, {bad});
    ui::GemPanel panel;
    panel.setProject(project_.get());
    panel.selectRun(run_);
    auto* method = panel.findChild<QComboBox*>(QStringLiteral("gemSaliencyMethod"));
    const int i = method->findData(QStringLiteral("grad-cam"));
    QCOMPARE(method->itemText(i), QStringLiteral("Grad-CAM - fails its sanity check"));
    QCOMPARE(method->itemData(i, Qt::ToolTipRole).toString(),
             QString::fromStdString(bad.verdict()));
    QCOMPARE(method->itemText(method->findData(QStringLiteral("vanilla"))),
             QStringLiteral("Vanilla gradient"));
    panel.selectRun(0);
    QCOMPARE(method->itemText(i), QStringLiteral("Grad-CAM"));
  }

  void withoutARunOnlyLabelsAreOffered() {
    ui::GemPanel panel;
    panel.setProject(project_.get());
    panel.selectRun(0);
    QVERIFY(!panel.findChild<QCheckBox*>(QStringLiteral("gemMasked"))->isEnabled());
    QCOMPARE(panel.findChild<QComboBox*>(QStringLiteral("gemAssignment"))->currentData().toString(),
             QStringLiteral("label"));
    QSignalSpy built(&panel, &ui::GemPanel::built);
    panel.build();
    QVERIFY(built.wait(60000));
  }

  void cancelStopsTheBuild() {
    ui::GemPanel panel;
    panel.setProject(project_.get());
    panel.selectRun(run_);
    panel.findChild<QCheckBox*>(QStringLiteral("gemMasked"))->setChecked(true);
    panel.findChild<QDoubleSpinBox*>(QStringLiteral("gemMinConfidence"))->setValue(0);
    panel.build();
    panel.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isBuilding(), 30000);
    QVERIFY(!panel.hasFigure());
  }

  // The CE-only ablation is listed under its display name, and a two-step run (the paper's
  // method), not a newer ablation, is the default. Last: it adds run records to the project.
  void theAblationIsListedButTwoStepIsTheDefault() {
    const auto add = [&](const char* method) {
      RunRecord r;
      r.method = method;
      r.preset = "tiny";
      r.seed = 3;
      r.status = "finished";
      return runstore::createRun(*project_, r);
    };
    const auto twoStep = add("two-step");
    const auto ablation = add("two-step-no-ls");
    ui::GemPanel panel;
    panel.setProject(project_.get());
    auto* run = panel.findChild<QComboBox*>(QStringLiteral("gemRun"));
    QCOMPARE(run->currentData().toLongLong(), qint64(twoStep));
    QCOMPARE(run->itemText(1),
             QStringLiteral("#%1 two-step without L_S (CE only) (tiny, seed 3)").arg(ablation));
  }
};

QTEST_MAIN(GemPanelTest)
#include "GemPanelTest.moc"
