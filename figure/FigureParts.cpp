#include "figure/FigureParts.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

#include <opencv2/imgproc.hpp>

namespace flystage::figure {

QFont figureFont(double points, bool bold) {
  QFont f(QStringLiteral("DejaVu Sans"));
  f.setStyleHint(QFont::SansSerif);
  f.setPixelSize(std::max(1, static_cast<int>(std::lround(points))));
  f.setBold(bold);
  return f;
}

QImage toQImage(const cv::Mat& bgr) {
  cv::Mat rgba;
  if (bgr.channels() == 4)
    cv::cvtColor(bgr, rgba, cv::COLOR_BGRA2RGBA);
  else
    cv::cvtColor(bgr, rgba, cv::COLOR_BGR2RGBA);
  return QImage(rgba.data, rgba.cols, rgba.rows, static_cast<int>(rgba.step),
                QImage::Format_RGBA8888)
      .copy();
}

QImage colouredMap(const cv::Mat& values01, const cv::Mat& inside, Colormap colormap) {
  const cv::Mat bgr = applyColormap(values01, colormap);
  cv::Mat bgra;
  cv::cvtColor(bgr, bgra, cv::COLOR_BGR2BGRA);
  for (int y = 0; y < bgra.rows; ++y) {
    const auto* v = values01.ptr<float>(y);
    const auto* in = inside.empty() ? nullptr : inside.ptr<std::uint8_t>(y);
    auto* o = bgra.ptr<cv::Vec4b>(y);
    for (int x = 0; x < bgra.cols; ++x)
      if (std::isnan(v[x]) || (in && !in[x])) o[x] = cv::Vec4b(0, 0, 0, 0);
  }
  return toQImage(bgra);
}

void drawOutline(QPainter& p, const cv::Mat& mask, const QRectF& target) {
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(mask.clone(), contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  const double sx = target.width() / mask.cols, sy = target.height() / mask.rows;
  QPainterPath path;
  for (const auto& c : contours) {
    if (c.size() < 3) continue;
    path.moveTo(target.left() + (c[0].x + 0.5) * sx, target.top() + (c[0].y + 0.5) * sy);
    for (std::size_t i = 1; i < c.size(); ++i)
      path.lineTo(target.left() + (c[i].x + 0.5) * sx, target.top() + (c[i].y + 0.5) * sy);
    path.closeSubpath();
  }
  p.save();
  p.setBrush(Qt::NoBrush);
  p.setPen(QPen(QColor(40, 40, 40), 0.8));
  p.drawPath(path);
  p.restore();
}

void drawColorBar(QPainter& p, const QRectF& bar, Colormap colormap, double low, double high,
                  int ticks, const QString& label) {
  // A 1 x 256 ramp, top = high.
  cv::Mat ramp(256, 1, CV_32F);
  for (int i = 0; i < 256; ++i) ramp.at<float>(i) = 1.0f - i / 255.0f;
  p.drawImage(bar, toQImage(applyColormap(ramp, colormap)));
  p.save();
  p.setPen(QPen(Qt::black, 0.6));
  p.setBrush(Qt::NoBrush);
  p.drawRect(bar);
  p.setFont(figureFont(7));
  for (int t = 0; t < ticks; ++t) {
    const double f = ticks > 1 ? static_cast<double>(t) / (ticks - 1) : 0;
    const double y = bar.bottom() - f * bar.height();
    p.drawLine(QPointF(bar.right(), y), QPointF(bar.right() + 3, y));
    p.drawText(QRectF(bar.right() + 5, y - 6, 40, 12), Qt::AlignLeft | Qt::AlignVCenter,
               QString::number(low + f * (high - low), 'g', 2));
  }
  p.translate(bar.right() + 34, bar.center().y());
  p.rotate(-90);
  p.drawText(QRectF(-bar.height(), -7, 2 * bar.height(), 14), Qt::AlignCenter, label);
  p.restore();
}

void drawScaleBar(QPainter& p, const QPointF& leftEnd, double embryoLength, double fraction) {
  const double length = embryoLength * fraction;
  p.save();
  p.setPen(QPen(Qt::black, 1.5));
  p.drawLine(leftEnd, leftEnd + QPointF(length, 0));
  p.setFont(figureFont(7));
  p.drawText(QRectF(leftEnd.x(), leftEnd.y() + 1, std::max(length, 60.0), 10),
             Qt::AlignLeft | Qt::AlignTop,
             QStringLiteral("%1% EL").arg(static_cast<int>(std::lround(fraction * 100))));
  p.restore();
}

}  // namespace flystage::figure
