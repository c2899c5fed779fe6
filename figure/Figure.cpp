#include "figure/Figure.h"

#include <QBuffer>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <memory>

#include <unistd.h>

#include "util/AtomicFile.h"
#include "util/Error.h"

namespace flystage::figure {

namespace {

std::string extensionOf(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext.empty() ? ext : ext.substr(1);
}

QString q(const std::string& s) {
  return QString::fromStdString(s);
}

QString xmlEscaped(const std::string& s) {
  return q(s).toHtmlEscaped();
}

// XMP packet for the PDF: Dublin Core title and description, and the provenance as JSON.
QByteArray xmpPacket(const Figure& f) {
  const QString xmp =
      QStringLiteral(
          "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
          "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
          "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
          "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
          "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" "
          "xmlns:flystage=\"https://flystage.invalid/ns/1.0/\">\n"
          "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%1</rdf:li></rdf:Alt></dc:title>\n"
          "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%2</rdf:li></rdf:Alt>"
          "</dc:description>\n"
          "<xmp:CreatorTool>FlyStage %3</xmp:CreatorTool>\n"
          "<flystage:provenance>%4</flystage:provenance>\n"
          "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
          .arg(xmlEscaped(f.title), xmlEscaped(f.provenance.toText()),
               xmlEscaped(f.provenance.flystageVersion), xmlEscaped(f.provenance.toJson()));
  return xmp.toUtf8();
}

void paintOn(QPaintDevice& device, const Figure& f, double scale) {
  QPainter painter;
  if (!painter.begin(&device)) throw Error("cannot start drawing the figure");
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setRenderHint(QPainter::TextAntialiasing);
  painter.setRenderHint(QPainter::SmoothPixmapTransform);
  painter.scale(scale, scale);
  f.paint(painter);
  painter.end();
}

void writePng(const Figure& f, const QString& file, int dpi) {
  const double scale = dpi / 72.0;
  QImage image(static_cast<int>(std::ceil(f.size.width() * scale)),
               static_cast<int>(std::ceil(f.size.height() * scale)), QImage::Format_ARGB32);
  image.fill(Qt::white);
  const int dotsPerMeter = static_cast<int>(std::lround(dpi / 0.0254));
  image.setDotsPerMeterX(dotsPerMeter);
  image.setDotsPerMeterY(dotsPerMeter);
  paintOn(image, f, scale);
  image.setText(QStringLiteral("Title"), q(f.title));
  image.setText(QStringLiteral("Software"),
                QStringLiteral("FlyStage ") + q(f.provenance.flystageVersion));
  image.setText(QStringLiteral("Description"), q(f.provenance.toText()));
  image.setText(QStringLiteral("Provenance"), q(f.provenance.toJson()));
  if (!image.save(file, "PNG")) throw Error("could not write the PNG");
}

void writeSvg(const Figure& f, const QString& file) {
  QSvgGenerator svg;
  svg.setFileName(file);
  svg.setResolution(72);  // one unit = one point
  svg.setSize(f.size.toSize());
  svg.setViewBox(QRectF(QPointF(0, 0), f.size));
  svg.setTitle(q(f.title));
  svg.setDescription(q(f.provenance.toText() + "Provenance: " + f.provenance.toJson()));
  paintOn(svg, f, 1.0);
}

void writePdf(const Figure& f, const QString& file) {
  QPdfWriter pdf(file);
  pdf.setResolution(72);
  pdf.setPageLayout(QPageLayout(QPageSize(f.size, QPageSize::Point), QPageLayout::Portrait,
                                QMarginsF(0, 0, 0, 0)));
  pdf.setTitle(q(f.title));
  pdf.setCreator(QStringLiteral("FlyStage ") + q(f.provenance.flystageVersion));
  pdf.setDocumentXmpMetadata(xmpPacket(f));
  if (!f.csv.empty())
    pdf.addFileAttachment(QStringLiteral("data.csv"), QByteArray::fromStdString(f.csv),
                          QStringLiteral("text/csv"));
  paintOn(pdf, f, 1.0);
}

}  // namespace

bool isFigureFormat(const std::filesystem::path& file) {
  const auto ext = extensionOf(file);
  return ext == "png" || ext == "svg" || ext == "pdf";
}

void ensureGuiApplication() {
  if (auto* app = QCoreApplication::instance()) {
    if (!qobject_cast<QGuiApplication*>(app))
      throw Error("drawing figures needs a QGuiApplication, not a QCoreApplication");
    return;
  }
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
    qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
  // Qt warns on stderr without a runtime folder; a private one keeps the CLI's output clean.
  if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("flystage-runtime-" + std::to_string(::getuid()));
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all, ec);
    if (!ec) qputenv("XDG_RUNTIME_DIR", QByteArray::fromStdString(dir.string()));
  }
  static int argc = 1;
  static char name[] = "flystage-cli";
  static char* argv[] = {name, nullptr};
  static auto* app = new QGuiApplication(argc, argv);  // lives until exit
  (void)app;
}

std::vector<std::filesystem::path> exportFigure(const Figure& figure,
                                                const std::filesystem::path& out,
                                                const ExportOptions& options) {
  ensureGuiApplication();
  const auto ext = extensionOf(out);
  if (!isFigureFormat(out))
    throw Error(out.string() + ": unknown figure format '" + ext +
                "'; name the file .png, .svg or .pdf");
  if (options.dpi < 30 || options.dpi > 2400)
    throw Error("a figure resolution of " + std::to_string(options.dpi) +
                " dpi is out of range: use 30..2400");
  const auto dir = out.parent_path().empty() ? std::filesystem::path(".") : out.parent_path();
  if (!std::filesystem::is_directory(dir))
    throw Error(out.string() + ": the folder " + dir.string() + " does not exist; create it first");
  // Hidden, and the same extension at the end of the temporary file: Qt picks writers by it.
  AtomicFile part(out, ".part." + ext, ".");
  const QString tmpName = QString::fromStdString(part.tmp().string());
  try {
    if (ext == "png")
      writePng(figure, tmpName, options.dpi);
    else if (ext == "svg")
      writeSvg(figure, tmpName);
    else
      writePdf(figure, tmpName);
  } catch (const Error& e) {
    throw Error(out.string() + ": " + e.what() + "; check the folder is writable and has space");
  }
  std::error_code ec;
  if (!std::filesystem::exists(part.tmp(), ec) || std::filesystem::file_size(part.tmp(), ec) == 0)
    throw Error(out.string() +
                ": could not be written; check the folder is writable and has space");
  part.commit();
  std::vector<std::filesystem::path> written{out};
  if (options.csv && !figure.csv.empty()) {
    auto csvOut = out;
    csvOut.replace_extension(".csv");
    AtomicFile csvPart(csvOut, ".part", ".");
    {
      std::ofstream f(csvPart.tmp(), std::ios::binary);
      f << figure.csv;
      if (!f.flush())
        throw Error(csvOut.string() + ": could not be written; check the folder has space");
    }
    csvPart.commit();
    written.push_back(csvOut);
  }
  return written;
}

}  // namespace flystage::figure
