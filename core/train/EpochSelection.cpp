#include "train/EpochSelection.h"

#include <cmath>
#include <map>

#include "data/Stage.h"
#include "util/Error.h"

namespace flystage {

const std::vector<std::string>& selectionRuleNames() {
  static const std::vector<std::string> names = {
      "first-best-validation-score", "best-validation-score", "best-validation-loss", "last-epoch"};
  return names;
}

std::string selectionRuleName(SelectionRule r) {
  return selectionRuleNames().at(static_cast<std::size_t>(r));
}

namespace {

std::string ruleChoices(bool withAuto) {
  std::string text = withAuto ? "auto" : "";
  const auto& names = selectionRuleNames();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!text.empty()) text += i + 1 == names.size() ? " or " : ", ";
    text += names[i];
  }
  return text;
}

std::string images(int n) {
  return std::to_string(n) + (n == 1 ? " validation image" : " validation images");
}

}  // namespace

SelectionRule parseSelectionRule(const std::string& text) {
  const auto& names = selectionRuleNames();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == text) return static_cast<SelectionRule>(i);
  throw Error("unknown selection '" + text + "' (choose " + ruleChoices(false) + ")");
}

void checkSelection(const std::string& text) {
  if (text == "auto") return;
  const auto& names = selectionRuleNames();
  for (const auto& n : names)
    if (n == text) return;
  throw Error("unknown selection '" + text + "' (choose " + ruleChoices(true) + ")");
}

SelectionPlan planSelection(const std::vector<RunImage>& snapshot, int minPerStage,
                            const std::string& requested) {
  checkSelection(requested);
  std::map<int, int> train, validation;
  int validationTotal = 0;
  for (const auto& im : snapshot) {
    if (!im.stage) continue;
    if (im.part == "train") ++train[*im.stage];
    if (im.part == "validation") {
      ++validation[*im.stage];
      ++validationTotal;
    }
  }
  SelectionPlan plan;
  plan.validationImages = validationTotal;
  if (requested != "auto") {
    plan.rule = parseSelectionRule(requested);
    if (plan.rule != SelectionRule::LastEpoch && validationTotal == 0)
      throw Error("selection " + requested +
                  " needs validation images, but this run has none; choose last-epoch or auto");
    plan.reason = "requested";
    return plan;
  }
  // The stage (that is trained on) with the fewest validation images; the lowest on ties.
  int fewestStage = 0, fewest = 0;
  for (int stage = kMinFineStage; stage <= kMaxStage; ++stage) {
    if (!train.count(stage)) continue;
    const int n = validation.count(stage) ? validation[stage] : 0;
    if (fewestStage == 0 || n < fewest) {
      fewestStage = stage;
      fewest = n;
    }
  }
  if (fewestStage != 0 && fewest >= minPerStage) {
    plan.rule = SelectionRule::BestLoss;
    plan.reason = "every stage has at least " + images(minPerStage) + " (fewest: stage " +
                  std::to_string(fewestStage) + ", " + std::to_string(fewest) + ")";
    return plan;
  }
  plan.rule = SelectionRule::LastEpoch;
  plan.foldValidation = validationTotal > 0;
  plan.validationImages = 0;
  if (fewestStage == 0)
    plan.reason = "no stage-labelled training image: trained the fixed schedule to its end";
  else
    plan.reason = "stage " + std::to_string(fewestStage) + " has " + images(fewest) +
                  " (fewer than " + std::to_string(minPerStage) +
                  "): trained the fixed schedule to its end" +
                  (validationTotal > 0 ? ", validation images trained on" : "");
  return plan;
}

std::vector<RunImage> foldValidationIntoTraining(std::vector<RunImage> snapshot) {
  for (auto& im : snapshot)
    if (im.part == "validation") im.part = "train";
  return snapshot;
}

int keptEpoch(const std::vector<EpochRecord>& records, SelectionRule rule) {
  if (records.empty()) return 0;
  const EpochRecord* kept = nullptr;
  for (const auto& e : records) {
    switch (rule) {
      case SelectionRule::LastEpoch:
        kept = &e;
        break;
      case SelectionRule::FirstBestScore:
        if (std::isfinite(e.validationAccuracy) &&
            (!kept || e.validationAccuracy > kept->validationAccuracy))
          kept = &e;
        break;
      case SelectionRule::BestScore: {
        if (!std::isfinite(e.validationAccuracy)) break;
        // A NaN loss never wins a tie against a finite one.
        const bool lossNoWorse =
            !kept || !(e.validationLoss > kept->validationLoss) || std::isnan(kept->validationLoss);
        if (!kept || e.validationAccuracy > kept->validationAccuracy ||
            (e.validationAccuracy == kept->validationAccuracy && lossNoWorse &&
             !std::isnan(e.validationLoss)))
          kept = &e;
        break;
      }
      case SelectionRule::BestLoss:
        if (std::isfinite(e.validationLoss) && (!kept || e.validationLoss <= kept->validationLoss))
          kept = &e;
        break;
    }
  }
  return kept ? kept->epoch : records.back().epoch;
}

}  // namespace flystage
