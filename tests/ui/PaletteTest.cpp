#include <QtTest>

#include "StageAccuracyPlot.h"
#include "figure/Palette.h"

using namespace flystage;

// One palette for the figures and the screen (figure/Palette.h); the colours are the ones the
// two copies had (figure/ChartFigures' series, StageAccuracyPlot's run colours, the blue of
// the curves, the confusion matrix and the summary).
class PaletteTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void colorsAreTheOnesBefore() {
    const QList<QRgb> okabeIto = {0x0072b2, 0xe69f00, 0x009e73, 0xcc79a7,
                                  0x56b4e9, 0xd55e00, 0xf0e442};
    for (int i = 0; i < 16; ++i) {
      const QRgb figure = i % 8 < 7 ? okabeIto[i % 8] : 0x000000;
      const QRgb screen = i % 8 < 7 ? okabeIto[i % 8] : 0x444444;
      QCOMPARE(figure::seriesColor(i).rgb() & 0xffffff, figure);
      QCOMPARE(figure::screenSeriesColor(i).rgb() & 0xffffff, screen);
      QCOMPARE(ui::StageAccuracyPlot::runColor(i).rgb() & 0xffffff, screen);
    }
    QCOMPARE(figure::applicationBlue().rgb() & 0xffffff, QRgb(0x3d5a98));
  }
};

QTEST_MAIN(PaletteTest)
#include "PaletteTest.moc"
