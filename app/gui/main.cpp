#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include "MainWindow.h"
#include "Version.h"

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  // Organization and application name place QSettings (recent projects, last project).
  QApplication::setOrganizationName(QStringLiteral("FlyStage"));
  QApplication::setApplicationName(QStringLiteral("FlyStage"));
  QApplication::setApplicationVersion(QString::fromLatin1(flystage::kVersion));
  QApplication::setDesktopFileName(QStringLiteral("flystage"));

  QCommandLineParser parser;
  parser.setApplicationDescription(
      QApplication::translate("main", "Stage Drosophila embryos in in-situ hybridization images."));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(
      QStringLiteral("project"),
      QApplication::translate("main", "The .flystage project to open (default: the last one)."),
      QStringLiteral("[project]"));
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
  window.show();
  return app.exec();
}
