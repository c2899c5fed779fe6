#include "SaliencyGrid.h"

#include <algorithm>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "interpret/GridArtifact.h"
#include "util/Error.h"

namespace flystage::bench {

nlohmann::json saliencyGrid(const std::filesystem::path& folder, int period) {
  std::vector<double> shares;
  double fine = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".tif") continue;
    cv::Mat map = cv::imread(entry.path().string(), cv::IMREAD_UNCHANGED);
    if (map.empty() || map.channels() != 1)
      throw Error(entry.path().string() + ": not a one-channel saliency map");
    if (map.rows != 128 || map.cols != 320)
      cv::resize(map, map, cv::Size(320, 128), 0, 0, cv::INTER_LINEAR);
    shares.push_back(gridEnergyShare(map, period));
    fine += fineDetailShare(map, 8);
  }
  if (shares.empty()) throw Error(folder.string() + ": no .tif saliency maps");
  std::sort(shares.begin(), shares.end());
  double sum = 0;
  for (double s : shares) sum += s;
  return {{"bench", "saliency-grid"},
          {"folder", folder.string()},
          {"period", period},
          {"maps", shares.size()},
          {"mean_share", sum / shares.size()},
          {"median_share", shares[shares.size() / 2]},
          {"max_share", shares.back()},
          {"mean_fine_share_8px", fine / shares.size()}};
}

}  // namespace flystage::bench
