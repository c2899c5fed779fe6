// flystage-render-icon: renders the scalable application icon to the fixed-size PNGs of the
// freedesktop icon theme (hicolor/NxN/apps/NAME.png) at build time, with Qt SVG, which the
// build already has, so no rasterizer package is needed and no binary image is committed.
//
//   flystage-render-icon ICON.svg OUTDIR NAME SIZE...

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QStringList>
#include <QSvgRenderer>

#include <cstdio>

// No QGuiApplication: painting shapes into a QImage needs none, and without one the tool
// needs no display or platform plugin. (An icon with <text> would need one, for the fonts.)
int main(int argc, char* argv[]) {
  QStringList args;
  for (int i = 0; i < argc; ++i) args.append(QString::fromLocal8Bit(argv[i]));
  if (args.size() < 5) {
    std::fprintf(stderr, "usage: flystage-render-icon ICON.svg OUTDIR NAME SIZE...\n");
    return 2;
  }
  QSvgRenderer svg(args.at(1));
  if (!svg.isValid()) {
    std::fprintf(stderr, "flystage-render-icon: %s is not a valid SVG file\n",
                 qPrintable(args.at(1)));
    return 1;
  }
  for (qsizetype i = 4; i < args.size(); ++i) {
    bool ok = false;
    const int size = args.at(i).toInt(&ok);
    if (!ok || size < 1 || size > 1024) {
      std::fprintf(stderr, "flystage-render-icon: size %s is not a number of pixels (1..1024)\n",
                   qPrintable(args.at(i)));
      return 2;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
      QPainter painter(&image);
      painter.setRenderHint(QPainter::Antialiasing);
      painter.setRenderHint(QPainter::SmoothPixmapTransform);
      svg.render(&painter, QRectF(0, 0, size, size));
    }
    const QString dir = QStringLiteral("%1/%2x%2/apps").arg(args.at(2)).arg(size);
    const QString file = QStringLiteral("%1/%2.png").arg(dir, args.at(3));
    if (!QDir().mkpath(dir) || !image.save(file, "PNG")) {
      std::fprintf(stderr, "flystage-render-icon: could not write %s\n", qPrintable(file));
      return 1;
    }
  }
  return 0;
}
