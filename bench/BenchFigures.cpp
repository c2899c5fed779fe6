#include "BenchFigures.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <string>

#include "figure/Figure.h"
#include "figure/FigureParts.h"

namespace flystage::bench {

namespace {

using figure::figureFont;

struct Series {
  QString name;
  QColor color;
  std::vector<double> values;  // one per group (NaN: none)
};

struct Line {
  double value;
  QString label;
};

QString num(double v, int decimals = 1) {
  return QString::number(v, 'f', decimals);
}

// A "nice" axis maximum above v: 1, 2, 2.5 or 5 times a power of ten.
double niceMax(double v) {
  if (!(v > 0)) return 1;
  const double p = std::pow(10.0, std::floor(std::log10(v)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * p >= v) return m * p;
  return 10 * p;
}

void drawLegend(QPainter& p, QPointF at, const std::vector<std::pair<QString, QColor>>& items) {
  p.setFont(figureFont(7));
  for (const auto& [name, color] : items) {
    p.fillRect(QRectF(at.x(), at.y() - 6, 8, 8), color);
    p.setPen(Qt::black);
    p.drawText(QPointF(at.x() + 11, at.y() + 1.5), name);
    at.rx() += 16 + p.fontMetrics().horizontalAdvance(name);
  }
}

// Grouped bars in `area` with a y axis, dashed reference lines and the value on each bar.
void barPanel(QPainter& p, const QRectF& area, const QString& title, const QString& yLabel,
              const QStringList& groups, const std::vector<Series>& series,
              const std::vector<Line>& lines, int decimals) {
  double top = 0;
  for (const auto& s : series)
    for (double v : s.values)
      if (std::isfinite(v)) top = std::max(top, v);
  for (const auto& l : lines) top = std::max(top, l.value);
  top = niceMax(top * 1.1);
  const QRectF plot(area.left() + 34, area.top() + 18, area.width() - 40, area.height() - 40);
  p.setFont(figureFont(8, true));
  p.setPen(Qt::black);
  p.drawText(QRectF(area.left(), area.top(), area.width(), 14), Qt::AlignCenter, title);
  p.setFont(figureFont(7));
  auto y = [&](double v) { return plot.bottom() - v / top * plot.height(); };
  for (int t = 0; t <= 5; ++t) {
    const double v = top * t / 5;
    p.setPen(QPen(QColor(225, 225, 225), 0.5));
    p.drawLine(QPointF(plot.left(), y(v)), QPointF(plot.right(), y(v)));
    p.setPen(Qt::black);
    p.drawText(QRectF(plot.left() - 32, y(v) - 5, 29, 10), Qt::AlignRight | Qt::AlignVCenter,
               num(v, top < 5 ? 1 : 0));
  }
  p.save();
  p.translate(area.left() + 6, plot.center().y());
  p.rotate(-90);
  p.drawText(QRectF(-plot.height() / 2, -6, plot.height(), 10), Qt::AlignCenter, yLabel);
  p.restore();
  const double groupWidth = plot.width() / std::max<qsizetype>(1, groups.size());
  const double barWidth = groupWidth * 0.8 / std::max<std::size_t>(1, series.size());
  for (int g = 0; g < groups.size(); ++g) {
    const double x0 = plot.left() + g * groupWidth + groupWidth * 0.1;
    for (std::size_t s = 0; s < series.size(); ++s) {
      const double v = g < static_cast<int>(series[s].values.size()) ? series[s].values[g] : NAN;
      if (!std::isfinite(v)) continue;
      const QRectF bar(x0 + s * barWidth, y(v), barWidth * 0.9, plot.bottom() - y(v));
      p.fillRect(bar, series[s].color);
      p.setPen(Qt::black);
      p.setFont(figureFont(5.5));
      p.drawText(QRectF(bar.left() - 4, bar.top() - 9, bar.width() + 8, 8), Qt::AlignCenter,
                 num(v, decimals));
    }
    p.setFont(figureFont(7));
    p.drawText(QRectF(plot.left() + g * groupWidth, plot.bottom() + 2, groupWidth, 12),
               Qt::AlignCenter, groups[g]);
  }
  for (const auto& l : lines) {
    p.setPen(QPen(QColor(180, 30, 30), 0.8, Qt::DashLine));
    p.drawLine(QPointF(plot.left(), y(l.value)), QPointF(plot.right(), y(l.value)));
    p.setFont(figureFont(6));
    p.drawText(QRectF(plot.left() + 2, y(l.value) - 9, plot.width() - 4, 8), Qt::AlignRight,
               l.label);
  }
  p.setPen(QPen(Qt::black, 0.6));
  p.drawLine(plot.bottomLeft(), plot.bottomRight());
  p.drawLine(plot.bottomLeft(), plot.topLeft());
}

double at(const nlohmann::json& j, const std::string& a, const std::string& b) {
  if (j.contains(a) && j.at(a).contains(b) && j.at(a).at(b).is_number())
    return j.at(a).at(b).get<double>();
  return NAN;
}

figure::Figure speedupFigure(const nlohmann::json& r) {
  QStringList groups;
  std::vector<Series> train = {
      {QStringLiteral("LibTorch C++, NCHW"), QColor(170, 170, 170), {}},
      {QStringLiteral("FlyStage (float32, the default)"), QColor(40, 100, 170), {}},
      {QStringLiteral("FlyStage bfloat16 (training: --precision bfloat16)"),
       QColor(240, 160, 60),
       {}}};
  std::vector<Series> infer = train;
  std::string csv = "preset,phase,variant,ratio_to_pytorch_eager\n";
  for (const auto& preset : r.at("presets")) {
    groups << QString::fromStdString(preset.at("name").get<std::string>());
    for (const char* phase : {"train", "infer"}) {
      const bool training = std::string(phase) == "train";
      auto& target = training ? train : infer;
      // What the product runs: the Trainer holds the memory pool; prediction runs folded.
      const char* variants[] = {"libtorch-nchw", training ? "flystage-pool" : "flystage",
                                "flystage-bf16"};
      const double eager = at(preset, phase, "eager");
      for (std::size_t s = 0; s < 3; ++s) {
        const double ratio = at(preset, phase, variants[s]) / eager;
        target[s].values.push_back(ratio);
        csv += preset.at("name").get<std::string>() + "," + phase + "," + variants[s] + "," +
               (std::isfinite(ratio) ? std::to_string(ratio) : "") + "\n";
      }
    }
  }
  figure::Figure f;
  f.size = QSizeF(480, 230);
  f.title = "FlyStage images/s relative to PyTorch eager";
  f.provenance = makeProvenance("benchmark", "");
  f.csv = csv;
  f.paint = [=](QPainter& p) {
    barPanel(p, QRectF(0, 0, 240, 205), QStringLiteral("Training (batch 16)"),
             QStringLiteral("x PyTorch eager images/s"), groups, train,
             {{1.0, QStringLiteral("eager")}, {1.5, QStringLiteral("goal 1.5x")}}, 2);
    barPanel(p, QRectF(240, 0, 240, 205), QStringLiteral("Inference (batch 64; paper 16)"),
             QStringLiteral("x PyTorch eager images/s"), groups, infer,
             {{1.0, QStringLiteral("eager")}, {2.0, QStringLiteral("goal 2x")}}, 2);
    drawLegend(p, QPointF(40, 222),
               {{train[0].name, train[0].color},
                {train[1].name, train[1].color},
                {train[2].name, train[2].color}});
  };
  return f;
}

figure::Figure gflopsFigure(const nlohmann::json& r) {
  QStringList groups;
  std::vector<Series> series = {{QStringLiteral("train: eager"), QColor(190, 190, 190), {}},
                                {QStringLiteral("train: FlyStage"), QColor(40, 100, 170), {}},
                                {QStringLiteral("train: bf16"), QColor(250, 200, 120), {}},
                                {QStringLiteral("infer: eager"), QColor(140, 140, 140), {}},
                                {QStringLiteral("infer: FlyStage"), QColor(90, 160, 220), {}},
                                {QStringLiteral("infer: bf16"), QColor(240, 160, 60), {}}};
  std::string csv = "preset,series,gflops_per_s\n";
  for (const auto& preset : r.at("presets")) {
    const auto name = preset.at("name").get<std::string>();
    groups << QString::fromStdString(name);
    const double g = preset.at("forward_gflops").get<double>();
    const double values[] = {
        3 * g * at(preset, "train", "eager"),         3 * g * at(preset, "train", "flystage-pool"),
        3 * g * at(preset, "train", "flystage-bf16"), g * at(preset, "infer", "eager"),
        g * at(preset, "infer", "flystage"),          g * at(preset, "infer", "flystage-bf16")};
    for (std::size_t s = 0; s < series.size(); ++s) {
      series[s].values.push_back(values[s]);
      csv += name + "," + series[s].name.toStdString() + "," +
             (std::isfinite(values[s]) ? std::to_string(values[s]) : "") + "\n";
    }
  }
  const double fp32 = r.at("peak").at("fp32").get<double>();
  const double bf16 = r.at("peak").at("bf16").get<double>();
  figure::Figure f;
  f.size = QSizeF(480, 250);
  f.title = "Model GFLOP/s against the machine's matrix-product peak";
  f.provenance = makeProvenance("benchmark", "");
  f.csv = csv;
  f.paint = [=](QPainter& p) {
    barPanel(p, QRectF(0, 0, 480, 225),
             QStringLiteral("Model GFLOP/s (training 3x, inference 1x forward FLOPs x images/s)"),
             QStringLiteral("GFLOP/s"), groups, series,
             {{fp32, QStringLiteral("float32 matmul peak (OpenBLAS) %1").arg(num(fp32, 0))},
              {bf16, QStringLiteral("bfloat16 matmul peak (oneDNN) %1").arg(num(bf16, 0))}},
             0);
    std::vector<std::pair<QString, QColor>> legend;
    for (const auto& s : series) legend.emplace_back(s.name, s.color);
    drawLegend(p, QPointF(40, 242), legend);
  };
  return f;
}

figure::Figure scalingFigure(const nlohmann::json& r) {
  struct Curve {
    QString name;
    QColor color;
    std::vector<std::pair<double, double>> points;  // images, seconds
  };
  std::vector<Curve> curves;
  std::string csv = "task,images,seconds\n";
  const std::pair<const char*, QColor> tasks[] = {{"import", QColor(120, 120, 120)},
                                                  {"predict", QColor(40, 100, 170)},
                                                  {"gem", QColor(60, 150, 80)},
                                                  {"gem_masked", QColor(240, 140, 40)}};
  double maxX = 0, maxY = 0;
  for (const auto& [key, color] : tasks) {
    if (!r.at("scaling").contains(key)) continue;
    Curve c{QString::fromLatin1(key).replace(QLatin1Char('_'), QLatin1Char(' ')), color, {}};
    for (const auto& pt : r.at("scaling").at(key)) {
      const double x = pt.at(0).get<double>(), y = pt.at(1).get<double>();
      c.points.emplace_back(x, y);
      maxX = std::max(maxX, x);
      maxY = std::max(maxY, y);
      csv += std::string(key) + "," + std::to_string(x) + "," + std::to_string(y) + "\n";
    }
    curves.push_back(c);
  }
  maxX = niceMax(maxX);
  maxY = niceMax(maxY * 1.05);
  figure::Figure f;
  f.size = QSizeF(320, 230);
  f.title = "Time against the number of images";
  f.provenance = makeProvenance("benchmark", "");
  f.csv = csv;
  f.paint = [=](QPainter& p) {
    const QRectF plot(44, 20, 260, 170);
    p.setFont(figureFont(8, true));
    p.drawText(QRectF(0, 2, 320, 14), Qt::AlignCenter,
               QStringLiteral("Seconds against images (linear: straight through 0)"));
    p.setFont(figureFont(7));
    auto px = [&](double x) { return plot.left() + x / maxX * plot.width(); };
    auto py = [&](double y) { return plot.bottom() - y / maxY * plot.height(); };
    for (int t = 0; t <= 4; ++t) {
      p.setPen(QPen(QColor(225, 225, 225), 0.5));
      p.drawLine(QPointF(plot.left(), py(maxY * t / 4)), QPointF(plot.right(), py(maxY * t / 4)));
      p.setPen(Qt::black);
      const double step = maxY / 4;
      p.drawText(QRectF(plot.left() - 36, py(step * t) - 5, 32, 10),
                 Qt::AlignRight | Qt::AlignVCenter,
                 num(step * t, step == std::floor(step) ? 0 : 1));
      p.drawText(QRectF(px(maxX * t / 4) - 20, plot.bottom() + 2, 40, 10), Qt::AlignCenter,
                 num(maxX * t / 4, 0));
    }
    p.drawText(QRectF(plot.left(), plot.bottom() + 12, plot.width(), 10), Qt::AlignCenter,
               QStringLiteral("images"));
    p.save();
    p.translate(8, plot.center().y());
    p.rotate(-90);
    p.drawText(QRectF(-plot.height() / 2, -6, plot.height(), 10), Qt::AlignCenter,
               QStringLiteral("seconds"));
    p.restore();
    std::vector<std::pair<QString, QColor>> legend;
    for (const auto& c : curves) {
      QPainterPath path(QPointF(px(0), py(0)));
      for (const auto& [x, y] : c.points) path.lineTo(px(x), py(y));
      p.setPen(QPen(c.color, 1.0));
      p.drawPath(path);
      p.setBrush(c.color);
      for (const auto& [x, y] : c.points) p.drawEllipse(QPointF(px(x), py(y)), 1.8, 1.8);
      p.setBrush(Qt::NoBrush);
      legend.emplace_back(c.name, c.color);
    }
    p.setPen(QPen(Qt::black, 0.6));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    p.drawLine(plot.bottomLeft(), plot.topLeft());
    drawLegend(p, QPointF(44, 222), legend);
  };
  return f;
}

}  // namespace

std::vector<std::filesystem::path> writeBenchFigures(const nlohmann::json& results,
                                                     const std::filesystem::path& outDir) {
  figure::ensureGuiApplication();
  std::filesystem::create_directories(outDir);
  std::vector<std::filesystem::path> written;
  figure::ExportOptions options;
  options.dpi = 200;
  options.csv = false;
  std::vector<std::pair<const char*, figure::Figure>> figures;
  if (results.contains("presets") && results.contains("peak")) {
    figures.emplace_back("perf-speedup.png", speedupFigure(results));
    figures.emplace_back("perf-gflops.png", gflopsFigure(results));
  }
  if (results.contains("scaling")) figures.emplace_back("perf-scaling.png", scalingFigure(results));
  for (const auto& [name, f] : figures)
    for (auto& file : exportFigure(f, outDir / name, options)) written.push_back(file);
  return written;
}

}  // namespace flystage::bench
