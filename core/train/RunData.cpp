#include "train/RunData.h"

#include <map>

#include <SQLiteCpp/SQLiteCpp.h>
#include <opencv2/imgproc.hpp>

#include "data/Stage.h"
#include "data/StageRange.h"
#include "store/Project.h"
#include "store/Split.h"
#include "train/TrainReadiness.h"

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

namespace {

// The images of a new run from the labels and the split; `pending`: the parts assignSplit
// would give the stage-labelled images the split does not hold yet.
std::vector<RunImage> runImagesOf(Project& project, std::optional<std::uint64_t> splitSeed,
                                  const std::map<std::int64_t, PendingPart>& pending) {
  struct Row {
    RunImage image;
    bool fine = false;
    std::string part;
    bool late = false;
  };
  std::vector<Row> rows;
  SQLite::Statement q(
      project.db(),
      "SELECT l.image_id, l.stage_range, l.stage, s.part, l.range_from_stage, s.late FROM labels "
      "l LEFT JOIN splits s ON s.image_id = l.image_id WHERE l.stage_range IS NOT NULL "
      "ORDER BY l.image_id");
  while (q.executeStep()) {
    Row r;
    r.image.imageId = q.getColumn(0).getInt64();
    r.image.stageRange = q.getColumn(1).getString();
    r.image.rangeFromStage = q.getColumn(4).getInt() != 0;
    r.fine = !q.getColumn(2).isNull() && isFineStage(q.getColumn(2).getInt());
    if (r.fine) r.image.stage = q.getColumn(2).getInt();
    r.part = "train";
    if (!q.getColumn(3).isNull()) {
      r.part = q.getColumn(3).getString();
      r.late = q.getColumn(5).getInt() != 0;
    } else if (const auto it = pending.find(r.image.imageId); it != pending.end()) {
      r.part = splitPartName(it->second.part);
      r.late = it->second.late;
    }
    rows.push_back(std::move(r));
  }
  if (splitSeed) {
    // A repeated split is drawn over the images the project's split drew; those labelled
    // after it stay in training, so a new label never reshuffles a seed's test part.
    std::vector<std::pair<std::int64_t, int>> fine;
    for (const auto& r : rows)
      if (r.fine && !r.late) fine.emplace_back(r.image.imageId, *r.image.stage);
    SplitOptions options = storedSplitOptions(project);
    options.seed = *splitSeed;
    const auto fresh = drawSplit(fine, options);
    for (auto& r : rows)
      if (const auto it = fresh.find(r.image.imageId); it != fresh.end())
        r.part = splitPartName(it->second);
  }
  std::vector<RunImage> out;
  for (auto& r : rows) {
    RunImage im = r.image;
    if (r.fine) {
      im.part = r.part;
      out.push_back(im);
    }
    if (!(r.fine && r.part == "test")) {
      im.part = "range";
      im.stage.reset();
      out.push_back(im);
    }
  }
  return out;
}

}  // namespace

std::vector<RunImage> snapshotRunImages(Project& project, std::optional<std::uint64_t> splitSeed) {
  assignSplit(project, storedSplitOptions(project));  // images labelled since the last split
  return runImagesOf(project, splitSeed, {});
}

std::vector<RunImage> plannedRunImages(Project& project, std::optional<std::uint64_t> splitSeed) {
  return runImagesOf(project, splitSeed, pendingSplit(project, storedSplitOptions(project)));
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
