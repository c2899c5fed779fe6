#include "figure/SaliencyFigure.h"

#include <QPainter>

#include <sstream>

#include "figure/FigureParts.h"
#include "interpret/StainIntensity.h"

namespace flystage::figure {

namespace {
constexpr double kPanelW = 240, kPanelH = 96, kGap = 12, kMargin = 16, kTitleH = 34;
}

Figure saliencyFigure(const cv::Mat& standardizedBgr, const SaliencyMap& map,
                      const SaliencyFigureOptions& options, Provenance provenance) {
  Figure f;
  f.title = "Saliency (" + saliencyMethodName(options.method) + ") of stage " +
            std::to_string(map.stage) + ", image #" + std::to_string(map.imageId);
  f.size = QSizeF(2 * kMargin + 2 * kPanelW + kGap + 60, kMargin + kTitleH + kPanelH + 40);
  f.provenance = std::move(provenance);
  const double top = maskedQuantile(map.map, {}, kSaliencyQuantile);
  {
    std::ostringstream csv;
    csv << "row,col,saliency\n";
    for (int y = 0; y < map.map.rows; ++y)
      for (int x = 0; x < map.map.cols; ++x)
        csv << y << ',' << x << ',' << map.map.at<float>(y, x) << '\n';
    f.csv = csv.str();
  }
  const cv::Mat image = standardizedBgr.clone();
  const QImage plain = toQImage(image);
  const QImage overlay = toQImage(
      saliencyOverlay(image, map.map, options.colormap, kSaliencyQuantile, options.opacity));
  QString subtitle = QStringLiteral("Predicted stage %1; p(stage %2) = %3")
                         .arg(map.predictedStage)
                         .arg(map.stage)
                         .arg(map.probability, 0, 'f', 2);
  if (options.trueStage > 0)
    subtitle += QStringLiteral("; labelled stage %1").arg(options.trueStage);
  const QString title = QString::fromStdString(f.title);
  const Colormap colormap = options.colormap;
  f.paint = [=](QPainter& p) {
    p.setFont(figureFont(11, true));
    p.setPen(Qt::black);
    p.drawText(QRectF(kMargin, kMargin - 8, 2 * kPanelW + kGap, 16),
               Qt::AlignLeft | Qt::AlignVCenter, title);
    p.setFont(figureFont(8));
    p.setPen(QColor(70, 70, 70));
    p.drawText(QRectF(kMargin, kMargin + 8, 2 * kPanelW + kGap, 14),
               Qt::AlignLeft | Qt::AlignVCenter, subtitle);
    const QRectF left(kMargin, kMargin + kTitleH, kPanelW, kPanelH);
    const QRectF right(kMargin + kPanelW + kGap, kMargin + kTitleH, kPanelW, kPanelH);
    p.drawImage(left, plain);
    p.drawImage(right, overlay);
    p.setFont(figureFont(8));
    p.setPen(Qt::black);
    p.drawText(QRectF(left.left(), left.bottom() + 2, kPanelW, 12), Qt::AlignLeft,
               QStringLiteral("image"));
    p.drawText(QRectF(right.left(), right.bottom() + 2, kPanelW, 12), Qt::AlignLeft,
               QStringLiteral("saliency over the image"));
    drawColorBar(p, QRectF(right.right() + 8, right.top(), 10, kPanelH), colormap, 0, top, 3,
                 QStringLiteral("saliency"));
    drawScaleBar(p, QPointF(left.left(), left.bottom() + 18), kPanelW, 0.2);
  };
  return f;
}

Figure saliencyGallery(const std::vector<SaliencyExample>& examples,
                       const std::vector<SaliencyMethod>& methods, Colormap colormap,
                       double opacity, Provenance provenance) {
  constexpr double kW = 160, kH = 64, kG = 8, kLeft = 16, kTop = 40, kRowLabel = 14;
  Figure f;
  f.title = "Saliency examples";
  const int cols = 1 + static_cast<int>(methods.size());
  f.size = QSizeF(2 * kLeft + cols * kW + (cols - 1) * kG,
                  kTop + examples.size() * (kH + kRowLabel + kG) + 8);
  f.provenance = std::move(provenance);
  std::ostringstream csv;
  csv << "image_id,true_stage,predicted_stage,explained_stage,probability,method,map_max,"
         "map_p99\n";
  struct Row {
    QImage image;
    std::vector<QImage> overlays;
    QString label;
  };
  std::vector<Row> rows;
  for (const auto& e : examples) {
    Row r;
    r.image = toQImage(e.image);
    for (std::size_t m = 0; m < e.maps.size(); ++m) {
      const auto& map = e.maps[m];
      r.overlays.push_back(
          toQImage(saliencyOverlay(e.image, map.map, colormap, kSaliencyQuantile, opacity)));
      double mx = 0;
      cv::minMaxLoc(map.map, nullptr, &mx);
      csv << map.imageId << ',' << e.trueStage << ',' << map.predictedStage << ',' << map.stage
          << ',' << map.probability << ',' << saliencyMethodName(methods[m]) << ',' << mx << ','
          << maskedQuantile(map.map, {}, kSaliencyQuantile) << '\n';
    }
    const auto& first = e.maps.at(0);
    r.label = QStringLiteral("image #%1: labelled %2, predicted %3 (p = %4)")
                  .arg(first.imageId)
                  .arg(e.trueStage)
                  .arg(first.predictedStage)
                  .arg(first.probability, 0, 'f', 2);
    rows.push_back(std::move(r));
  }
  f.csv = csv.str();
  QStringList headers{QStringLiteral("image")};
  for (auto m : methods) headers << QString::fromStdString(saliencyMethodName(m));
  f.paint = [rows, headers](QPainter& p) {
    p.setFont(figureFont(11, true));
    p.setPen(Qt::black);
    p.drawText(QRectF(kLeft, 4, 600, 16), Qt::AlignLeft | Qt::AlignVCenter,
               QStringLiteral("Saliency examples (each map scaled to its 99th percentile)"));
    p.setFont(figureFont(8, true));
    for (int c = 0; c < headers.size(); ++c)
      p.drawText(QRectF(kLeft + c * (kW + kG), 22, kW, 14), Qt::AlignLeft | Qt::AlignVCenter,
                 headers[c]);
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const double y = kTop + r * (kH + kRowLabel + kG);
      p.setFont(figureFont(7));
      p.drawText(QRectF(kLeft, y, 3 * kW, kRowLabel), Qt::AlignLeft | Qt::AlignVCenter,
                 rows[r].label);
      p.drawImage(QRectF(kLeft, y + kRowLabel, kW, kH), rows[r].image);
      for (std::size_t m = 0; m < rows[r].overlays.size(); ++m)
        p.drawImage(QRectF(kLeft + (m + 1) * (kW + kG), y + kRowLabel, kW, kH),
                    rows[r].overlays[m]);
    }
  };
  return f;
}

}  // namespace flystage::figure
