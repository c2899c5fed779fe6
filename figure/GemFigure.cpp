#include "figure/GemFigure.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "figure/FigureParts.h"

namespace flystage::figure {

namespace {

constexpr double kPanelW = 160, kPanelH = 64;  // half the 320 x 128 standardized image
constexpr double kGap = 14, kLabelH = 14, kMargin = 16, kTitleH = 34, kBarW = 10;

// The shared top of the colour scale: the largest mean inside any outline, rounded up to a
// tenth so the bar reads well (at least 0.1).
double scaleTop(const GemResult& r) {
  double top = 0;
  for (const auto& g : r.gems) {
    if (g.map.images == 0) continue;
    const cv::Mat inside = g.map.outline();
    for (int y = 0; y < g.map.mean.rows; ++y)
      for (int x = 0; x < g.map.mean.cols; ++x) {
        const float v = g.map.mean.at<float>(y, x);
        if (inside.at<std::uint8_t>(y, x) && !std::isnan(v)) top = std::max(top, double(v));
      }
  }
  return std::max(0.1, std::ceil(top * 10 - 1e-9) / 10);
}

std::string gemCsv(const GemResult& r, bool masked) {
  std::ostringstream out;
  out << "stage,images,row,col,mean_expression,weight,coverage" << (masked ? ",kept_fraction" : "")
      << '\n';
  for (const auto& g : r.gems) {
    if (g.map.images == 0) continue;
    const cv::Mat inside = g.map.outline();
    char keptText[32];
    std::snprintf(keptText, sizeof keptText, "%.6f", g.map.keptFraction);
    for (int y = 0; y < g.map.mean.rows; ++y)
      for (int x = 0; x < g.map.mean.cols; ++x) {
        if (!inside.at<std::uint8_t>(y, x)) continue;
        const float v = g.map.mean.at<float>(y, x);
        out << g.map.stage << ',' << g.map.images << ',' << y << ',' << x << ','
            << (std::isnan(v) ? std::string() : std::to_string(v)) << ','
            << g.map.weight.at<float>(y, x) << ',' << g.map.coverage.at<float>(y, x);
        if (masked) out << ',' << keptText;
        out << '\n';
      }
  }
  return out.str();
}

}  // namespace

std::string keptFractionText(double fraction) {
  const double percent = 100 * fraction;
  if (percent > 0 && percent < 0.5) return "< 1 %";
  if (percent >= 99.5 && percent < 100) return "> 99 %";
  return std::to_string(std::lround(percent)) + " %";
}

Figure gemFigure(const GemResult& gems, const GemFigureOptions& options, Provenance provenance) {
  const int n = std::max<int>(1, static_cast<int>(gems.gems.size()));
  const int cols = options.columns > 0 ? options.columns : std::min(n, 4);
  const int rows = (n + cols - 1) / cols;
  const double top = scaleTop(gems);
  // Masked: a second line under each panel says what its masks kept.
  const double pitch = kPanelH + (options.masked ? 3 : 2) * kLabelH + kGap;
  Figure f;
  const std::string what = options.masked ? "Masked GEM" : "GEM";
  f.title = what + (options.gene.empty() ? " (genome-wide)" : " of " + options.gene);
  f.size = QSizeF(2 * kMargin + cols * kPanelW + (cols - 1) * kGap + 70,
                  kMargin + kTitleH + rows * pitch + 20);
  f.provenance = std::move(provenance);
  f.csv = gemCsv(gems, options.masked);
  const GemFigureOptions opt = options;
  const std::string title = f.title;
  const double width = f.size.width();
  f.paint = [gems, opt, top, cols, title, width, pitch](QPainter& p) {
    p.setFont(figureFont(11, true));
    p.setPen(Qt::black);
    p.drawText(QRectF(kMargin, kMargin - 8, width - 2 * kMargin, 16),
               Qt::AlignLeft | Qt::AlignVCenter, QString::fromStdString(title));
    p.setFont(figureFont(7));
    p.setPen(QColor(70, 70, 70));
    p.drawText(QRectF(kMargin, kMargin + 8, width - 2 * kMargin, 18),
               Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
               QString::fromStdString("Images assigned by " + gems.labelSource));
    double bottom = 0;
    for (std::size_t i = 0; i < gems.gems.size(); ++i) {
      const auto& g = gems.gems[i];
      const int r = static_cast<int>(i) / cols, c = static_cast<int>(i) % cols;
      const double x = kMargin + c * (kPanelW + kGap);
      const double y = kMargin + kTitleH + r * pitch;
      p.setFont(figureFont(9, true));
      p.setPen(Qt::black);
      p.drawText(QRectF(x, y, kPanelW, kLabelH), Qt::AlignLeft | Qt::AlignVCenter,
                 QStringLiteral("Stage %1").arg(g.map.stage));
      const QRectF panel(x, y + kLabelH, kPanelW, kPanelH);
      if (g.map.images == 0) {
        p.setPen(QPen(QColor(170, 170, 170), 0.6, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(panel);
        p.setFont(figureFont(8));
        p.drawText(panel, Qt::AlignCenter, QStringLiteral("no images"));
      } else {
        const cv::Mat inside = g.map.outline();
        cv::Mat scaled;
        g.map.mean.convertTo(scaled, CV_32F, 1.0 / top);
        p.drawImage(panel, colouredMap(scaled, inside, opt.colormap));
        drawOutline(p, inside, panel);
      }
      p.setFont(figureFont(8));
      p.setPen(Qt::black);
      p.drawText(QRectF(x, y + kLabelH + kPanelH, kPanelW, kLabelH),
                 Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("n = %1").arg(g.map.images));
      double below = y + kLabelH + kPanelH + kLabelH;
      if (opt.masked) {
        if (g.map.images > 0)
          p.drawText(QRectF(x, below, kPanelW, kLabelH), Qt::AlignRight | Qt::AlignVCenter,
                     QString::fromStdString("masks keep " + keptFractionText(g.map.keptFraction) +
                                            " of the embryo"));
        below += kLabelH;
      }
      bottom = std::max(bottom, below);
    }
    const double barX = kMargin + cols * (kPanelW + kGap) + 4;
    const double barTop = kMargin + kTitleH + kLabelH;
    drawColorBar(p,
                 QRectF(barX, barTop, kBarW,
                        std::max(kPanelH, bottom - barTop - (opt.masked ? 2 : 1) * kLabelH)),
                 opt.colormap, 0, top, 3, QStringLiteral("mean expression"));
    drawScaleBar(p, QPointF(kMargin, bottom + 6), kPanelW, 0.2);
    p.setFont(figureFont(7));
    p.setPen(QColor(90, 90, 90));
    p.drawText(QRectF(kMargin + 60, bottom + 3, 500, 12), Qt::AlignLeft | Qt::AlignVCenter,
               QStringLiteral("anterior left, dorsal up"));
  };
  return f;
}

}  // namespace flystage::figure
