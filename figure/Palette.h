#pragma once

#include <QColor>

#include <array>

namespace flystage::figure {

// The colours FlyStage draws with, in figures and on screen: declared once here.

// Okabe-Ito's colours (blue, orange, bluish green, reddish purple, sky blue, vermilion,
// yellow): distinguishable with every common colour-vision deficiency.
inline const std::array<QColor, 7>& okabeIto() {
  static const std::array<QColor, 7> colors = {QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00),
                                               QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7),
                                               QColor(0x56, 0xb4, 0xe9), QColor(0xd5, 0x5e, 0x00),
                                               QColor(0xf0, 0xe4, 0x42)};
  return colors;
}

// The colour of the index-th series (a method, a run): Okabe-Ito's seven, then black, over
// again. On screen the eighth is dark grey, softer beside the text.
inline QColor seriesColor(int index) {
  const int i = index % 8;
  return i < 7 ? okabeIto()[static_cast<std::size_t>(i)] : QColor(0x00, 0x00, 0x00);
}
inline QColor screenSeriesColor(int index) {
  const int i = index % 8;
  return i < 7 ? okabeIto()[static_cast<std::size_t>(i)] : QColor(0x44, 0x44, 0x44);
}

// The application's blue: training curves, the predicted stage's bar, the confusion matrix's
// heat, the summary's bars.
inline QColor applicationBlue() {
  return QColor(0x3d, 0x5a, 0x98);
}

}  // namespace flystage::figure
