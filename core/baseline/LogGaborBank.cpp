#include "baseline/LogGaborBank.h"

#include <cmath>

#include <opencv2/imgproc.hpp>

namespace flystage {

LogGaborBank::LogGaborBank(int height, int width, LogGaborOptions o)
    : height_(height), width_(width), options_(o) {
  // Normalized frequency coordinates in the DFT layout (DC at the origin, wrapping).
  cv::Mat radius(height, width, CV_32F), theta(height, width, CV_32F);
  for (int y = 0; y < height; ++y) {
    const double fy = (y <= height / 2 ? y : y - height) / static_cast<double>(height);
    for (int x = 0; x < width; ++x) {
      const double fx = (x <= width / 2 ? x : x - width) / static_cast<double>(width);
      radius.at<float>(y, x) = static_cast<float>(std::sqrt(fx * fx + fy * fy));
      theta.at<float>(y, x) = static_cast<float>(std::atan2(-fy, fx));
    }
  }
  radius.at<float>(0, 0) = 1.0f;  // log(0) would be undefined; the DC gain is zeroed below
  const double thetaSigma = M_PI / o.orientations / o.angularSpread;
  for (int s = 0; s < o.scales; ++s) {
    const double wavelength = o.minWavelength * std::pow(o.scaleFactor, s);
    const double f0 = 1.0 / wavelength;
    cv::Mat radial(height, width, CV_32F);
    for (int y = 0; y < height; ++y)
      for (int x = 0; x < width; ++x) {
        const double l = std::log(radius.at<float>(y, x) / f0);
        radial.at<float>(y, x) =
            static_cast<float>(std::exp(-(l * l) / (2 * std::pow(std::log(o.sigmaOnf), 2))));
      }
    radial.at<float>(0, 0) = 0.0f;
    for (int k = 0; k < o.orientations; ++k) {
      const double angle = k * M_PI / o.orientations;
      cv::Mat f(height, width, CV_32F);
      for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
          const double t = theta.at<float>(y, x);
          // Angular distance, wrapped to [0, pi]; one-sided so the response is analytic
          // and its magnitude is the local energy.
          const double d = std::abs(std::atan2(std::sin(t - angle), std::cos(t - angle)));
          f.at<float>(y, x) =
              radial.at<float>(y, x) *
              static_cast<float>(std::exp(-(d * d) / (2 * thetaSigma * thetaSigma)));
        }
      filters_.push_back(f);
    }
  }
}

int LogGaborBank::featureSize() const {
  return static_cast<int>(filters_.size()) * (height_ / options_.pool) * (width_ / options_.pool);
}

std::vector<float> LogGaborBank::features(const cv::Mat& grey) const {
  cv::Mat img;
  grey.convertTo(img, CV_32F, grey.depth() == CV_8U ? 1.0 / 255.0 : 1.0);
  img -= cv::mean(img)[0];
  cv::Mat spectrum;
  cv::dft(img, spectrum, cv::DFT_COMPLEX_OUTPUT);
  std::vector<float> out;
  out.reserve(featureSize());
  const int ph = height_ / options_.pool, pw = width_ / options_.pool;
  cv::Mat planes[2], filtered, response, magnitude, pooled;
  for (const auto& f : filters_) {
    cv::split(spectrum, planes);
    planes[0] = planes[0].mul(f);
    planes[1] = planes[1].mul(f);
    cv::merge(planes, 2, filtered);
    cv::idft(filtered, response, cv::DFT_COMPLEX_OUTPUT | cv::DFT_SCALE);
    cv::split(response, planes);
    cv::magnitude(planes[0], planes[1], magnitude);
    cv::resize(magnitude(cv::Rect(0, 0, pw * options_.pool, ph * options_.pool)), pooled,
               cv::Size(pw, ph), 0, 0, cv::INTER_AREA);  // exact 8x8 averages
    for (int y = 0; y < ph; ++y)
      for (int x = 0; x < pw; ++x) out.push_back(pooled.at<float>(y, x));
  }
  return out;
}

}  // namespace flystage
