#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QScreen>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

#include "GemPanel.h"
#include "ImageBrowser.h"
#include "ImageView.h"
#include "MainWindow.h"
#include "Preferences.h"
#include "SimilarEmbryosPanel.h"
#include "Version.h"

namespace {

// The language from the preferences (or the system's), with Qt's own strings (standard
// dialogs) when the Qt translations are installed.
void installTranslations(QApplication& app) {
  const QString chosen = flystage::ui::Preferences::load().language;
  const QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
  auto* ours = new QTranslator(&app);
  if (ours->load(locale, QStringLiteral("flystage"), QStringLiteral("_"), QStringLiteral(":/i18n")))
    QApplication::installTranslator(ours);
  auto* qt = new QTranslator(&app);
  if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
               QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QApplication::installTranslator(qt);
}

}  // namespace

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  // Organization and application name place the settings (recent projects, last project).
  QApplication::setOrganizationName(QStringLiteral("FlyStage"));
  QApplication::setApplicationName(QStringLiteral("FlyStage"));
  QApplication::setApplicationVersion(QString::fromLatin1(flystage::kVersion));
  QApplication::setDesktopFileName(QStringLiteral("io.github.flystage.FlyStage"));
  installTranslations(app);

  QCommandLineParser parser;
  parser.setApplicationDescription(
      QApplication::translate("main", "Stage Drosophila embryos in in-situ hybridization images."));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(
      QStringLiteral("project"),
      QApplication::translate("main", "The .flystage project to open (default: the last one)."),
      QStringLiteral("[project]"));
  const QCommandLineOption view(
      QStringLiteral("view"),
      QApplication::translate(
          "main",
          "Bring a view to the front: browser, training, runs, confusion, gems, agreement or "
          "similar (with --image: the embryos most like it)."),
      QStringLiteral("name"));
  const QCommandLineOption screenshot(
      QStringLiteral("screenshot"),
      QApplication::translate("main",
                              "Save a picture of the window to <file> once it is shown, then quit "
                              "(documentation and smoke tests)."),
      QStringLiteral("file"));
  const QCommandLineOption delay(
      QStringLiteral("screenshot-delay"),
      QApplication::translate("main", "Milliseconds to wait before the screenshot (default 1500)."),
      QStringLiteral("ms"), QStringLiteral("1500"));
  const QCommandLineOption run(
      QStringLiteral("run"),
      QApplication::translate("main",
                              "Show this run's predictions, evaluation and expression maps."),
      QStringLiteral("id"));
  const QCommandLineOption image(
      QStringLiteral("image"),
      QApplication::translate("main", "Select this image (its #id) and show it up close."),
      QStringLiteral("id"));
  const QStringList methods = flystage::ui::ImageView::saliencyMethods();
  const QCommandLineOption saliency(
      QStringLiteral("saliency"),
      QApplication::translate("main",
                              "Turn the image view's saliency overlay on, with this "
                              "method: %1 (screenshots wait for the map).")
          .arg(methods.join(QStringLiteral(", "))),
      QStringLiteral("method"));
  parser.addOptions({view, run, image, saliency, screenshot, delay});
  parser.process(app);

  flystage::ui::MainWindow window;
  // After the window: it registers the icon resources compiled into flystage_ui.
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/flystage.svg")));
  // Opened before the window shows, so it appears with its project and does not flicker.
  const QStringList args = parser.positionalArguments();
  if (!args.isEmpty())
    window.openProject(args.constFirst());
  else
    window.restoreLastProject();
  if (parser.isSet(view) && !window.showView(parser.value(view))) {
    std::fprintf(stderr,
                 "flystage: unknown view '%s': use browser, training, runs, confusion, gems, "
                 "agreement or similar\n",
                 qPrintable(parser.value(view)));
    return 2;
  }
  if (parser.isSet(run)) window.showRun(parser.value(run).toLongLong());
  if (parser.isSet(image) && !window.browser()->selectImage(parser.value(image).toLongLong())) {
    std::fprintf(stderr, "flystage: image #%s is not in the project or its view's filter\n",
                 qPrintable(parser.value(image)));
    return 2;
  }
  if (parser.isSet(saliency)) {
    if (!methods.contains(parser.value(saliency))) {
      std::fprintf(stderr, "flystage: unknown saliency method '%s': use %s\n",
                   qPrintable(parser.value(saliency)),
                   qPrintable(methods.join(QStringLiteral(", "))));
      return 2;
    }
    window.imageView()->setSaliencyMethod(parser.value(saliency));
    window.imageView()->setSaliencyEnabled(true);
  }
  window.show();
  if (parser.isSet(screenshot)) {
    // A picture of the GEM view shows maps: build them first, and wait for them.
    if (parser.value(view) == QStringLiteral("gems") && window.project())
      window.gemPanel()->build();
    // A picture of the similar-embryo view shows the embryos most like the chosen image.
    auto* similar = window.findChild<flystage::ui::SimilarEmbryosPanel*>();
    if (parser.value(view) == QStringLiteral("similar") && similar) similar->find();
    const QString file = parser.value(screenshot);
    // After the event loop has laid out and painted the window (and thumbnails arrived).
    auto* timer = new QTimer(&window);
    timer->setInterval(200);
    QObject::connect(timer, &QTimer::timeout, &window, [&window, timer, file, similar] {
      if (window.gemPanel()->isBuilding() || window.imageView()->saliencyComputing() ||
          (similar && similar->isSearching()))
        return;
      timer->stop();
      if (!window.grab().save(file)) {
        std::fprintf(stderr, "flystage: could not write %s\n", qPrintable(file));
        QApplication::exit(1);
        return;
      }
      QApplication::quit();
    });
    QTimer::singleShot(parser.value(delay).toInt(), timer, qOverload<>(&QTimer::start));
  }
  return app.exec();
}
