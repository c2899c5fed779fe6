#pragma once

#include <QFont>
#include <QImage>
#include <QRectF>
#include <QString>

#include <opencv2/core.hpp>

#include "interpret/Colormap.h"

class QPainter;

namespace flystage::figure {

// Sizes in points (see Figure.h): pixel size == point size in every export.
QFont figureFont(double points, bool bold = false);

// A deep copy of a CV_8UC3 BGR or CV_8UC4 BGRA image.
QImage toQImage(const cv::Mat& bgr);

// A CV_32F map in [0,1] (NaN: no data) coloured, transparent outside `inside` (CV_8U, may be
// empty) and where there is no data.
QImage colouredMap(const cv::Mat& values01, const cv::Mat& inside, Colormap colormap);

// The outline of a mask (CV_8U) as a path in `target`'s coordinates.
void drawOutline(QPainter& p, const cv::Mat& mask, const QRectF& target);

// A vertical colour bar with `ticks` labelled values from low to high, and a label beside it.
void drawColorBar(QPainter& p, const QRectF& bar, Colormap colormap, double low, double high,
                  int ticks, const QString& label);

// A scale bar `fraction` of the embryo's length (the standardized image spans the embryo,
// anterior to posterior), labelled in % egg length, the usual Drosophila coordinate.
void drawScaleBar(QPainter& p, const QPointF& leftEnd, double embryoLength, double fraction);

}  // namespace flystage::figure
