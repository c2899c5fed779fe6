#include <QtTest>

#include <map>
#include <optional>

#include "LabelKeys.h"

using namespace flystage;
using flystage::ui::LabelKey;
using flystage::ui::LabelKeyAction;

namespace {

LabelKey keyNamed(const char* objectName) {
  for (const LabelKey& k : ui::labelKeys())
    if (k.objectName == QString::fromLatin1(objectName)) return k;
  qFatal("no label key %s", objectName);
}

// The browser's predictions: image id -> predicted stage.
auto predictions(std::map<qint64, int> stages) {
  return [stages](qint64 id) -> std::optional<int> {
    const auto it = stages.find(id);
    return it != stages.end() ? std::optional<int>(it->second) : std::nullopt;
  };
}

}  // namespace

// What a labelling key does to the selected images, without a window: the label changes and
// the undo text the window shows (they were computed inside MainWindow before).
class LabelKeysTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void stageKeyLabelsEverySelectedImage() {
    const LabelKeyAction a =
        ui::labelKeyAction(keyNamed("actionLabelStage12"), {5}, predictions({}));
    QVERIFY(a.refused.isEmpty());
    QCOMPARE(a.changes.size(), std::size_t{1});
    QCOMPARE(a.changes[0].imageId, 5);
    QVERIFY(a.changes[0].label == labelForStage(12, LabelSource::User));
    QCOMPARE(a.changes[0].label.range->name(), std::string("11-12"));
    QCOMPARE(a.description, QStringLiteral("Stage 12 for image #5"));

    const LabelKeyAction b =
        ui::labelKeyAction(keyNamed("actionLabelStage4"), {7, 8, 9}, predictions({}));
    QCOMPARE(b.changes.size(), std::size_t{3});
    QCOMPARE(b.changes[2].imageId, 9);
    QCOMPARE(*b.changes[2].label.stage, 4);
    QCOMPARE(b.description, QStringLiteral("Stage 4 for 3 images"));
  }

  void rangeAndClearKeys() {
    const LabelKeyAction r =
        ui::labelKeyAction(keyNamed("actionLabelRange1"), {3, 4}, predictions({}));
    QCOMPARE(r.changes.size(), std::size_t{2});
    QVERIFY(r.changes[1].label == labelForRange(StageRange{1, 3}, LabelSource::User));
    QVERIFY(!r.changes[1].label.stage);
    QCOMPARE(r.description, QStringLiteral("Range 1-3 for 2 images"));

    const LabelKeyAction c =
        ui::labelKeyAction(keyNamed("actionRemoveLabel"), {7}, predictions({}));
    QCOMPARE(c.changes.size(), std::size_t{1});
    QVERIFY(c.changes[0].label.empty());
    QCOMPARE(c.description, QStringLiteral("No label for image #7"));
  }

  // A: only the images with a prediction change; the label's source is the model.
  void acceptPredictionTakesThePredictedStage() {
    const LabelKey accept = keyNamed("actionAcceptPrediction");
    const LabelKeyAction one = ui::labelKeyAction(accept, {5, 6}, predictions({{5, 9}}));
    QCOMPARE(one.changes.size(), std::size_t{1});
    QCOMPARE(one.changes[0].imageId, 5);
    QVERIFY(one.changes[0].label == labelForStage(9, LabelSource::Model));
    QCOMPARE(one.description, QStringLiteral("Predicted stage 9 for image #5"));

    const LabelKeyAction two = ui::labelKeyAction(accept, {5, 6}, predictions({{5, 9}, {6, 14}}));
    QCOMPARE(two.changes.size(), std::size_t{2});
    QCOMPARE(*two.changes[1].label.stage, 14);
    QCOMPARE(two.description, QStringLiteral("Predicted stages for 2 images"));
  }

  void refusedWithTheReasonShown() {
    const LabelKeyAction none =
        ui::labelKeyAction(keyNamed("actionAcceptPrediction"), {5, 6}, predictions({}));
    QVERIFY(none.changes.empty());
    QCOMPARE(none.refused,
             QStringLiteral(
                 "No prediction to accept: choose a run with predictions under Filters > Run."));
    const LabelKeyAction empty =
        ui::labelKeyAction(keyNamed("actionLabelStage12"), {}, predictions({}));
    QVERIFY(empty.changes.empty());
    QCOMPARE(empty.refused, QStringLiteral("Select an image to label first."));
  }
};

QTEST_MAIN(LabelKeysTest)
#include "LabelKeysTest.moc"
