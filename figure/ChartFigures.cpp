#include "figure/ChartFigures.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <sstream>

#include "data/Stage.h"
#include "figure/FigureParts.h"
#include "figure/Palette.h"
#include "util/Csv.h"

namespace flystage::figure {

namespace {

struct MethodBars {
  std::string method;
  std::array<MeanSpread, kNumFineStages> stage{};
};

std::vector<MethodBars> barsByMethod(const std::vector<RunSummary>& runs) {
  std::vector<MethodBars> out;
  std::map<std::string, std::size_t> index;
  for (const auto& r : runs)
    if (!index.count(r.method)) {
      index[r.method] = out.size();
      out.push_back({r.method, {}});
    }
  for (auto& m : out)
    for (int s = 0; s < kNumFineStages; ++s) {
      std::vector<double> values;
      for (const auto& r : runs)
        if (r.method == m.method && !std::isnan(r.test.perStageAccuracy[s]))
          values.push_back(r.test.perStageAccuracy[s]);
      m.stage[s] = meanSpread(values);
    }
  return out;
}

// Five grey horizontal lines at 0, 1/4, ..., 1 of the plot's height, labelled on the left.
void valueGrid(QPainter& p, const QRectF& plot, const std::function<QString(int)>& label) {
  for (int t = 0; t <= 4; ++t) {
    const double y = plot.bottom() - t / 4.0 * plot.height();
    p.setPen(QPen(QColor(225, 225, 225), 0.5));
    p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
    p.setPen(Qt::black);
    p.drawText(QRectF(plot.left() - 30, y - 6, 26, 12), Qt::AlignRight | Qt::AlignVCenter,
               label(t));
  }
}

// The x and y axis lines and the x axis's title under its tick labels.
void axes(QPainter& p, const QRectF& plot, const QString& xTitle) {
  p.setPen(QPen(Qt::black, 0.8));
  p.drawLine(plot.bottomLeft(), plot.bottomRight());
  p.drawLine(plot.bottomLeft(), plot.topLeft());
  p.drawText(QRectF(plot.left(), plot.bottom() + 14, plot.width(), 12), Qt::AlignCenter, xTitle);
}

}  // namespace

Figure stageAccuracyFigure(const std::vector<RunSummary>& runs, Provenance provenance) {
  const auto bars = barsByMethod(runs);
  Figure f;
  f.title = "Per-stage test accuracy";
  f.size = QSizeF(560, 250);
  f.provenance = std::move(provenance);
  std::ostringstream csv;
  csv << "method,stage,runs,mean_accuracy,sd\n";
  for (const auto& m : bars)
    for (int s = 0; s < kNumFineStages; ++s)
      csv << csvField(m.method) << ',' << kMinFineStage + s << ',' << m.stage[s].n << ','
          << m.stage[s].mean << ',' << m.stage[s].sd << '\n';
  f.csv = csv.str();
  f.paint = [bars](QPainter& p) {
    const QRectF plot(48, 30, 480, 170);
    p.setFont(figureFont(11, true));
    p.setPen(Qt::black);
    p.drawText(QRectF(16, 6, 520, 16), Qt::AlignLeft | Qt::AlignVCenter,
               QStringLiteral("Per-stage test accuracy"));
    p.setFont(figureFont(7));
    valueGrid(p, plot, [](int t) { return QStringLiteral("%1%").arg(t * 25); });
    const double group = plot.width() / kNumFineStages;
    const double barW = bars.empty() ? 0 : (group * 0.8) / static_cast<double>(bars.size());
    for (int s = 0; s < kNumFineStages; ++s) {
      const double gx = plot.left() + s * group + group * 0.1;
      for (std::size_t m = 0; m < bars.size(); ++m) {
        const auto& v = bars[m].stage[s];
        if (v.n == 0) continue;
        const double h = v.mean * plot.height();
        const QRectF bar(gx + m * barW, plot.bottom() - h, barW, h);
        p.fillRect(bar, seriesColor(static_cast<int>(m)));
        if (v.n > 1) {
          const double cx = bar.center().x();
          const double lo = plot.bottom() - std::max(0.0, v.mean - v.sd) * plot.height();
          const double hi = plot.bottom() - std::min(1.0, v.mean + v.sd) * plot.height();
          p.setPen(QPen(Qt::black, 0.6));
          p.drawLine(QPointF(cx, lo), QPointF(cx, hi));
        }
      }
      p.setPen(Qt::black);
      p.drawText(QRectF(plot.left() + s * group, plot.bottom() + 2, group, 12), Qt::AlignCenter,
                 QString::number(kMinFineStage + s));
    }
    axes(p, plot, QStringLiteral("stage"));
    // Legend.
    double lx = plot.left();
    for (std::size_t m = 0; m < bars.size(); ++m) {
      p.fillRect(QRectF(lx, plot.bottom() + 32, 9, 9), seriesColor(static_cast<int>(m)));
      const QString name = QString::fromStdString(bars[m].method);
      p.drawText(QRectF(lx + 12, plot.bottom() + 30, 100, 12), Qt::AlignLeft | Qt::AlignVCenter,
                 name);
      lx += 24 + p.fontMetrics().horizontalAdvance(name);
    }
  };
  return f;
}

Figure confusionFigure(const StageMetrics& metrics, const std::string& title,
                       Provenance provenance) {
  Figure f;
  f.title = title;
  constexpr double kCell = 20, kLeft = 56, kTop = 44;
  f.size = QSizeF(kLeft + kNumFineStages * kCell + 24, kTop + kNumFineStages * kCell + 34);
  f.provenance = std::move(provenance);
  std::ostringstream csv;
  csv << "true_stage,predicted_stage,images\n";
  for (int t = 0; t < kNumFineStages; ++t)
    for (int q = 0; q < kNumFineStages; ++q)
      csv << kMinFineStage + t << ',' << kMinFineStage + q << ',' << metrics.confusion[t][q]
          << '\n';
  f.csv = csv.str();
  const QString heading = QString::fromStdString(title);
  f.paint = [metrics, heading](QPainter& p) {
    p.setFont(figureFont(10, true));
    p.setPen(Qt::black);
    p.drawText(QRectF(8, 4, kLeft + kNumFineStages * kCell, 16), Qt::AlignLeft | Qt::AlignVCenter,
               heading);
    p.setFont(figureFont(7));
    for (int t = 0; t < kNumFineStages; ++t) {
      int rowTotal = 0;
      for (int q = 0; q < kNumFineStages; ++q) rowTotal += metrics.confusion[t][q];
      for (int q = 0; q < kNumFineStages; ++q) {
        const int n = metrics.confusion[t][q];
        const double share = rowTotal ? static_cast<double>(n) / rowTotal : 0;
        const QRectF cell(kLeft + q * kCell, kTop + t * kCell, kCell, kCell);
        // White to dark blue by the row share.
        p.fillRect(cell, QColor::fromRgbF(1 - 0.85 * share, 1 - 0.6 * share, 1 - 0.25 * share));
        if (n) {
          p.setPen(share > 0.5 ? Qt::white : Qt::black);
          p.drawText(cell, Qt::AlignCenter, QString::number(n));
        }
      }
      p.setPen(Qt::black);
      p.drawText(QRectF(kLeft - 20, kTop + t * kCell, 16, kCell), Qt::AlignRight | Qt::AlignVCenter,
                 QString::number(kMinFineStage + t));
      p.drawText(QRectF(kLeft + t * kCell, kTop - 14, kCell, 12), Qt::AlignCenter,
                 QString::number(kMinFineStage + t));
    }
    // The diagonal band: right, or off by one stage.
    p.setPen(QPen(okabeIto()[5], 0.8));  // vermilion
    p.setBrush(Qt::NoBrush);
    for (int t = 0; t < kNumFineStages; ++t) {
      const int from = std::max(0, t - 1), to = std::min(kNumFineStages - 1, t + 1);
      p.drawRect(QRectF(kLeft + from * kCell, kTop + t * kCell, (to - from + 1) * kCell, kCell));
    }
    p.setPen(QPen(Qt::black, 0.8));
    p.drawRect(QRectF(kLeft, kTop, kNumFineStages * kCell, kNumFineStages * kCell));
    p.drawText(QRectF(kLeft, kTop - 28, kNumFineStages * kCell, 12), Qt::AlignCenter,
               QStringLiteral("predicted stage"));
    p.save();
    p.translate(12, kTop + kNumFineStages * kCell / 2);
    p.rotate(-90);
    p.drawText(QRectF(-80, -6, 160, 12), Qt::AlignCenter, QStringLiteral("true stage"));
    p.restore();
    p.drawText(
        QRectF(kLeft, kTop + kNumFineStages * kCell + 6, kNumFineStages * kCell, 24),
        Qt::AlignLeft | Qt::TextWordWrap,
        QStringLiteral("n = %1 test images; outlined: right or one stage off").arg(metrics.nTest));
  };
  return f;
}

Figure deletionCurvesFigure(const std::vector<SaliencySanity>& results, Provenance provenance) {
  Figure f;
  f.title = "Deletion curves";
  f.size = QSizeF(400, 232);
  f.provenance = std::move(provenance);
  std::ostringstream csv;
  csv << "method,removed,p_salient,p_random\n";
  double top = 0;
  for (const auto& r : results)
    for (std::size_t k = 0; k < r.fractions.size(); ++k) {
      csv << saliencyMethodName(r.method) << ',' << r.fractions[k] << ',' << r.deletionSalient[k]
          << ',' << r.deletionRandom[k] << '\n';
      top = std::max({top, r.deletionSalient[k], r.deletionRandom[k]});
    }
  f.csv = csv.str();
  top = std::max(0.1, std::ceil(top * 10) / 10);  // the axis ends at the next tenth
  f.paint = [results, top](QPainter& p) {
    const QRectF plot(48, 30, 230, 170);
    p.setRenderHint(QPainter::Antialiasing);
    p.setFont(figureFont(11, true));
    p.setPen(Qt::black);
    p.drawText(QRectF(16, 6, 380, 16), Qt::AlignLeft | Qt::AlignVCenter,
               QStringLiteral("Deletion: probability of the called stage"));
    p.setFont(figureFont(7));
    const auto at = [&](double x, double y) {
      return QPointF(plot.left() + x * plot.width(), plot.bottom() - y / top * plot.height());
    };
    valueGrid(p, plot, [top](int t) { return QString::number(top * t / 4, 'f', 2); });
    for (int t = 0; t <= 4; ++t) {
      const double x = plot.left() + t / 4.0 * plot.width();
      p.drawText(QRectF(x - 20, plot.bottom() + 2, 40, 12), Qt::AlignCenter,
                 QStringLiteral("%1%").arg(t * 25));
    }
    const auto line = [&](const std::vector<double>& xs, const std::vector<double>& ys,
                          const QPen& pen) {
      p.setPen(pen);
      for (std::size_t k = 1; k < xs.size() && k < ys.size(); ++k)
        p.drawLine(at(xs[k - 1], ys[k - 1]), at(xs[k], ys[k]));
    };
    // The random order is the same for every method measured together: drawn once per
    // distinct curve.
    std::vector<std::vector<double>> randoms;
    for (const auto& r : results)
      if (std::find(randoms.begin(), randoms.end(), r.deletionRandom) == randoms.end()) {
        randoms.push_back(r.deletionRandom);
        line(r.fractions, r.deletionRandom, QPen(QColor(140, 140, 140), 1.2, Qt::DashLine));
      }
    for (std::size_t m = 0; m < results.size(); ++m)
      line(results[m].fractions, results[m].deletionSalient,
           QPen(seriesColor(static_cast<int>(m)), 1.4));
    axes(p, plot, QStringLiteral("share of the embryo removed (turned white)"));
    // Legend, right of the plot.
    double ly = plot.top();
    for (std::size_t m = 0; m < results.size(); ++m, ly += 14) {
      p.setPen(QPen(seriesColor(static_cast<int>(m)), 1.4));
      p.drawLine(QPointF(plot.right() + 12, ly + 6), QPointF(plot.right() + 28, ly + 6));
      p.setPen(Qt::black);
      p.drawText(QRectF(plot.right() + 32, ly, 100, 12), Qt::AlignLeft | Qt::AlignVCenter,
                 QString::fromStdString(saliencyMethodName(results[m].method)));
    }
    p.setPen(QPen(QColor(140, 140, 140), 1.2, Qt::DashLine));
    p.drawLine(QPointF(plot.right() + 12, ly + 6), QPointF(plot.right() + 28, ly + 6));
    p.setPen(Qt::black);
    p.drawText(QRectF(plot.right() + 32, ly, 100, 12), Qt::AlignLeft | Qt::AlignVCenter,
               QStringLiteral("random order"));
  };
  return f;
}

}  // namespace flystage::figure
