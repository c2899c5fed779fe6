#include "eval/LabellerAgreement.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <random>
#include <set>

#include "store/RunStore.h"
#include "util/Error.h"

namespace flystage {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
using Confusion = std::array<std::array<int, kNumFineStages>, kNumFineStages>;

// (p_o - p_e) / (1 - p_e); rounding noise around chance (-1e-17) reads as 0, not "-0.00".
double kappaOf(double po, double pe) {
  const double k = (po - pe) / (1.0 - pe);
  return std::abs(k) < 1e-12 ? 0.0 : k;
}

// Linear-weighted kappa (Cohen 1968, "Weighted kappa: nominal scale agreement with provision
// for scaled disagreement or partial credit", Psychol. Bull. 70:213-220) with agreement
// weights w_ij = 1 - |i - j| / (k - 1): kappa = (p_o - p_e) / (1 - p_e), p_o = sum w_ij p_ij,
// p_e = sum w_ij p_i. p_.j. No C++ library we link (Debian) offers it; the formula is short.
double weightedKappa(const Confusion& c) {
  double n = 0;
  std::array<double, kNumFineStages> rows{}, cols{};
  for (int i = 0; i < kNumFineStages; ++i)
    for (int j = 0; j < kNumFineStages; ++j) {
      n += c[i][j];
      rows[i] += c[i][j];
      cols[j] += c[i][j];
    }
  if (n == 0) return kNaN;
  double po = 0, pe = 0;
  for (int i = 0; i < kNumFineStages; ++i)
    for (int j = 0; j < kNumFineStages; ++j) {
      const double w = 1.0 - std::abs(i - j) / double(kNumFineStages - 1);
      po += w * c[i][j] / n;
      pe += w * (rows[i] / n) * (cols[j] / n);
    }
  // p_e = 1 only when both raters put every image at the same one stage: full agreement.
  if (1.0 - pe < 1e-12) return 1.0;
  return kappaOf(po, pe);
}

// Cohen's (unweighted) kappa of "stage s" vs "another stage".
double stageKappa(const Confusion& c, int s) {
  double n = 0, both = 0, aSays = 0, bSays = 0;
  for (int i = 0; i < kNumFineStages; ++i)
    for (int j = 0; j < kNumFineStages; ++j) {
      n += c[i][j];
      if (i == s) aSays += c[i][j];
      if (j == s) bSays += c[i][j];
      if (i == s && j == s) both += c[i][j];
    }
  if (n == 0 || (aSays == 0 && bSays == 0)) return kNaN;
  const double pa = aSays / n, pb = bSays / n;
  const double po = (n - aSays - bSays + 2 * both) / n;
  const double pe = pa * pb + (1 - pa) * (1 - pb);
  if (1.0 - pe < 1e-12) return 1.0;  // both say s for every image
  return kappaOf(po, pe);
}

std::string number(double v, int digits = 2) {
  if (std::isnan(v)) return "-";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

std::string kappaText(const Agreement& g) {
  if (std::isnan(g.kappa)) return "-";
  return intervalText(g.kappa, g.kappaInterval.lo, g.kappaInterval.hi, 2);
}

std::string percent(double share) {
  return std::isnan(share) ? "-" : number(100 * share, 1) + " %";
}

bool modelStage(int stage) {
  return stage >= kMinFineStage && stage < kMinFineStage + kNumFineStages;
}

// image -> labeller -> stage, for the stages 4..17.
std::map<std::int64_t, std::map<std::string, int>> byImage(const std::vector<LabellerVote>& votes) {
  std::map<std::int64_t, std::map<std::string, int>> out;
  for (const auto& v : votes)
    if (modelStage(v.stage)) out[v.imageId][v.labeller] = v.stage;
  return out;
}

}  // namespace

Agreement agreementOf(const std::string& a, const std::string& b,
                      const std::vector<StagePair>& pairs, std::uint64_t seed) {
  Agreement g;
  g.a = a;
  g.b = b;
  g.images = static_cast<int>(pairs.size());
  int same = 0;
  for (const auto& p : pairs) {
    if (!modelStage(p.a) || !modelStage(p.b))
      throw Error("image #" + std::to_string(p.imageId) + ": stage " +
                  std::to_string(modelStage(p.a) ? p.b : p.a) +
                  " is not one of the 14 stages 4..17 agreement is measured on");
    ++g.confusion[fineStageIndex(p.a)][fineStageIndex(p.b)];
    if (p.a == p.b) ++same;
  }
  g.kappa = weightedKappa(g.confusion);
  g.exact = pairs.empty() ? kNaN : double(same) / pairs.size();
  for (int s = 0; s < kNumFineStages; ++s) g.perStageKappa[s] = stageKappa(g.confusion, s);
  g.kappaInterval = {g.kappa, g.kappa, g.kappa, g.images};
  if (pairs.empty()) return g;

  // Percentile bootstrap over images (the unit both raters staged), seeded so a report is
  // reproducible; the quantile rule is the one of every interval FlyStage prints.
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::size_t> pick(0, pairs.size() - 1);
  std::vector<double> kappas;
  kappas.reserve(kBootstrapResamples);
  for (int r = 0; r < kBootstrapResamples; ++r) {
    Confusion c{};
    for (std::size_t k = 0; k < pairs.size(); ++k) {
      const auto& p = pairs[pick(rng)];
      ++c[fineStageIndex(p.a)][fineStageIndex(p.b)];
    }
    kappas.push_back(weightedKappa(c));
  }
  std::sort(kappas.begin(), kappas.end());
  g.kappaInterval.lo = sortedQuantile(kappas, 0.025);
  g.kappaInterval.hi = sortedQuantile(kappas, 0.975);
  return g;
}

Agreement labellerAgreement(const std::vector<LabellerVote>& votes, const std::string& a,
                            const std::string& b) {
  std::vector<StagePair> pairs;
  for (const auto& [image, stages] : byImage(votes)) {
    const auto ia = stages.find(a), ib = stages.find(b);
    if (ia != stages.end() && ib != stages.end()) pairs.push_back({image, ia->second, ib->second});
  }
  return agreementOf(a, b, pairs);
}

std::vector<Agreement> allPairs(const std::vector<LabellerVote>& votes) {
  std::set<std::pair<std::string, std::string>> shared;
  for (const auto& [image, stages] : byImage(votes))
    for (auto i = stages.begin(); i != stages.end(); ++i)
      for (auto j = std::next(i); j != stages.end(); ++j) shared.insert({i->first, j->first});
  std::vector<Agreement> out;
  for (const auto& [a, b] : shared) out.push_back(labellerAgreement(votes, a, b));
  return out;
}

Agreement modelAgreement(const std::vector<StoredPrediction>& predictions,
                         const std::vector<LabellerVote>& votes, const std::string& labeller,
                         const std::string& sharedWith, const std::string& model) {
  std::map<std::int64_t, int> calls;
  for (const auto& p : predictions) calls[p.imageId] = p.call();
  std::vector<StagePair> pairs;
  for (const auto& [image, stages] : byImage(votes)) {
    const auto il = stages.find(labeller);
    const auto call = calls.find(image);
    if (il == stages.end() || !stages.count(sharedWith) || call == calls.end()) continue;
    pairs.push_back({image, il->second, call->second});
  }
  return agreementOf(labeller, model, pairs);
}

Agreement labellerAgreementOn(const std::vector<StoredPrediction>& predictions,
                              const std::vector<LabellerVote>& votes, const std::string& a,
                              const std::string& b) {
  std::set<std::int64_t> predicted;
  for (const auto& p : predictions) predicted.insert(p.imageId);
  std::vector<LabellerVote> kept;
  for (const auto& v : votes)
    if (predicted.count(v.imageId)) kept.push_back(v);
  return labellerAgreement(kept, a, b);
}

std::string agreementText(Project& project, const std::vector<std::int64_t>& runs) {
  const auto votes = labellerVotes(project);
  const auto pairs = allPairs(votes);
  if (pairs.empty()) return {};
  std::string t =
      "## Labeller agreement\n\n"
      "Images two labellers gave a precise stage (4..17). Kappa: Cohen's kappa weighted "
      "linearly by stage distance, with its 95 % bootstrap interval over images; exact: the "
      "share of images given the same stage.\n\n"
      "| labeller A | labeller B | images | kappa [95 % CI] | exact |\n"
      "|---|---|---:|---|---:|\n";
  for (const auto& g : pairs)
    t += "| " + g.a + " | " + g.b + " | " + std::to_string(g.images) + " | " + kappaText(g) +
         " | " + percent(g.exact) + " |\n";

  t += "\nPer stage (kappa of stage s vs any other; - where neither labeller used s):\n\n| stage |";
  std::string rule = "|---:|";
  for (const auto& g : pairs) {
    t += " " + g.a + " / " + g.b + " |";
    rule += "---:|";
  }
  t += "\n" + rule + "\n";
  for (int s = 0; s < kNumFineStages; ++s) {
    t += "| " + std::to_string(fineStageFromIndex(s)) + " |";
    for (const auto& g : pairs) t += " " + number(g.perStageKappa[s]) + " |";
    t += "\n";
  }

  for (const auto& g : pairs) {
    t += "\nConfusion, " + g.a + " (rows) by " + g.b + " (columns):\n\n| |";
    std::string head = "|---:|";
    for (int j = 0; j < kNumFineStages; ++j) {
      t += " " + std::to_string(fineStageFromIndex(j)) + " |";
      head += "---:|";
    }
    t += "\n" + head + "\n";
    for (int i = 0; i < kNumFineStages; ++i) {
      t += "| " + std::to_string(fineStageFromIndex(i)) + " |";
      for (int j = 0; j < kNumFineStages; ++j)
        t += g.confusion[i][j] ? " " + std::to_string(g.confusion[i][j]) + " |" : " |";
      t += "\n";
    }
  }

  if (!runs.empty()) {
    t += "\nThe model beside the labellers (its calls on the images both labellers staged and "
         "the run predicted):\n\n"
         "| run | labellers | images | kappa A / B | kappa run / A | kappa run / B |\n"
         "|---|---|---:|---|---|---|\n";
    for (std::int64_t run : runs) {
      const auto predictions = runstore::predictions(project, run);
      const std::string name = "run #" + std::to_string(run);
      for (const auto& g : pairs) {
        const Agreement humans = labellerAgreementOn(predictions, votes, g.a, g.b);
        const Agreement withA = modelAgreement(predictions, votes, g.a, g.b, name);
        const Agreement withB = modelAgreement(predictions, votes, g.b, g.a, name);
        t += "| " + name + " | " + g.a + " / " + g.b + " | " + std::to_string(humans.images) +
             " | " + kappaText(humans) + " | " + kappaText(withA) + " | " + kappaText(withB) +
             " |\n";
      }
    }
  }
  return t;
}

}  // namespace flystage
