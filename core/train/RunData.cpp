#include "train/RunData.h"

#include <map>

#include <SQLiteCpp/SQLiteCpp.h>
#include <opencv2/imgproc.hpp>

#include "data/Stage.h"
#include "data/StageRange.h"
#include "store/Project.h"
#include "store/Split.h"

namespace flystage {

torch::Tensor loadImages(Project& project, const std::vector<std::int64_t>& ids, int height,
                         int width, const ProgressFn& progress, const CancelToken* cancel) {
  auto out = torch::empty({static_cast<long>(ids.size()), 3, height, width}, torch::kUInt8);
  auto acc = out.accessor<uint8_t, 4>();
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (cancel && cancel->cancelled()) throw Cancelled{"load"};
    cv::Mat bgr = project.standardizedImage(ids[i]);
    if (bgr.rows != height || bgr.cols != width)
      cv::resize(bgr, bgr, cv::Size(width, height), 0, 0, cv::INTER_AREA);
    for (int y = 0; y < height; ++y) {
      const auto* row = bgr.ptr<cv::Vec3b>(y);
      for (int x = 0; x < width; ++x) {
        acc[i][0][y][x] = row[x][2];
        acc[i][1][y][x] = row[x][1];
        acc[i][2][y][x] = row[x][0];
      }
    }
    if (progress && (i % 64 == 0 || i + 1 == ids.size())) progress({"load", i + 1, ids.size(), {}});
  }
  return out;
}

torch::Tensor toInput(const torch::Tensor& u8, const torch::Device& device) {
  return u8.to(device).to(torch::kFloat32).div_(255.0);
}

std::vector<RunImage> snapshotRunImages(Project& project, std::optional<std::uint64_t> splitSeed) {
  assignSplit(project, storedSplitOptions(project));  // images labelled since the last split
  std::map<std::int64_t, SplitPart> fresh;
  if (splitSeed) {
    std::vector<std::pair<std::int64_t, int>> fine;
    SQLite::Statement f(project.db(),
                        "SELECT image_id, stage FROM labels WHERE stage BETWEEN 4 AND 17");
    while (f.executeStep()) fine.emplace_back(f.getColumn(0).getInt64(), f.getColumn(1).getInt());
    SplitOptions options = storedSplitOptions(project);
    options.seed = *splitSeed;
    fresh = drawSplit(fine, options);
  }
  std::vector<RunImage> out;
  SQLite::Statement q(project.db(),
                      "SELECT l.image_id, l.stage_range, l.stage, s.part FROM labels l LEFT JOIN "
                      "splits s ON s.image_id = l.image_id WHERE l.stage_range IS NOT NULL "
                      "ORDER BY l.image_id");
  while (q.executeStep()) {
    RunImage im;
    im.imageId = q.getColumn(0).getInt64();
    im.stageRange = q.getColumn(1).getString();
    const bool fine = !q.getColumn(2).isNull() && isFineStage(q.getColumn(2).getInt());
    std::string part = q.getColumn(3).isNull() ? "train" : q.getColumn(3).getString();
    if (splitSeed && fresh.count(im.imageId)) part = splitPartName(fresh.at(im.imageId));
    if (fine) {
      im.stage = q.getColumn(2).getInt();
      im.part = part;
      out.push_back(im);
    }
    if (!(fine && part == "test")) {
      im.part = "range";
      im.stage.reset();
      out.push_back(im);
    }
  }
  return out;
}

RunData loadRunData(Project& project, const std::vector<RunImage>& snapshot, int height, int width,
                    const ProgressFn& progress, const CancelToken* cancel) {
  RunData d;
  std::map<std::int64_t, int> row;
  for (const auto& im : snapshot) {
    auto [it, inserted] = row.emplace(im.imageId, static_cast<int>(d.ids.size()));
    if (inserted) {
      d.ids.push_back(im.imageId);
      d.fineLabel.push_back(-1);
      d.rangeLabel.push_back(-1);
    }
    const int r = it->second;
    if (const auto range = parseStageRange(im.stageRange)) d.rangeLabel[r] = range->index();
    if (im.part == "range") {
      d.range.push_back(r);
      continue;
    }
    if (im.stage) d.fineLabel[r] = fineStageIndex(*im.stage);
    (im.part == "test" ? d.test : im.part == "validation" ? d.validation : d.train).push_back(r);
  }
  d.images = loadImages(project, d.ids, height, width, progress, cancel);
  return d;
}

}  // namespace flystage
