#include "PlotSaving.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSvgGenerator>

#include "CustomPlot.h"

namespace flystage::ui {

bool savePlot(QCustomPlot* plot, const QString& file, QString* error) {
  const QString suffix = QFileInfo(file).suffix().toLower();
  bool ok = false;
  if (suffix == QStringLiteral("png")) {
    ok = plot->savePng(file, 0, 0, 2.0);  // twice the screen size: sharp in a document
  } else if (suffix == QStringLiteral("pdf")) {
    ok = plot->savePdf(file);
  } else if (suffix == QStringLiteral("svg")) {
    QSvgGenerator svg;
    svg.setFileName(file);
    svg.setSize(plot->size());
    svg.setViewBox(QRect(QPoint(0, 0), plot->size()));
    svg.setTitle(plot->accessibleName());
    QCPPainter painter;
    ok = painter.begin(&svg);
    if (ok) {
      plot->toPainter(&painter, plot->width(), plot->height());
      ok = painter.end();
    }
  } else {
    if (error)
      *error =
          QCoreApplication::translate("PlotSaving", "%1: choose a .png, .pdf or .svg file name.")
              .arg(file);
    return false;
  }
  if (!ok && error)
    *error = QCoreApplication::translate("PlotSaving",
                                         "%1 could not be written; check the folder's "
                                         "permissions and the free disk space.")
                 .arg(file);
  return ok;
}

void addSavePlotAction(QCustomPlot* plot, const QString& suggestedName) {
  auto* save = new QAction(QCoreApplication::translate("PlotSaving", "Save Image…"), plot);
  save->setObjectName(QStringLiteral("savePlotAction"));
  save->setToolTip(
      QCoreApplication::translate("PlotSaving", "Save this plot as a PNG, PDF or SVG file"));
  plot->setContextMenuPolicy(Qt::ActionsContextMenu);
  plot->addAction(save);
  QObject::connect(save, &QAction::triggered, plot, [plot, suggestedName] {
    const QString file = QFileDialog::getSaveFileName(
        plot, QCoreApplication::translate("PlotSaving", "Save Plot"), suggestedName,
        QCoreApplication::translate("PlotSaving", "PNG image (*.png);;PDF (*.pdf);;SVG (*.svg)"));
    if (file.isEmpty()) return;
    QString error;
    if (!savePlot(plot, file, &error))
      QMessageBox::warning(plot, QCoreApplication::translate("PlotSaving", "Plot Not Saved"),
                           error);
  });
}

}  // namespace flystage::ui
