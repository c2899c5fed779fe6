#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <vector>

#include <CLI/CLI.hpp>
#include <opencv2/imgcodecs.hpp>

#include "Commands.h"
#include "data/ImageIo.h"
#include "image/Standardizer.h"
#include "store/OrientationOverride.h"
#include "store/Project.h"
#include "util/Error.h"

namespace flystage::cli {

namespace {

struct StandardizeArgs {
  std::vector<std::string> images;
  std::string out;
  bool flipH = false;
  bool flipV = false;
  bool noOrient = false;
};

// Every file is tried: a failure is named on stderr (file: reason) and the others are still
// written; the command fails at the end with the count, so a batch script notices.
void standardizeFiles(const StandardizeArgs& a) {
  std::filesystem::create_directories(a.out);
  StandardizeOptions options;
  options.autoOrient = !a.noOrient;
  const Standardizer standardizer(options);
  std::printf("file\tangle_deg\tpassthrough\tflip_h\tflip_v\tap_confidence\tdv_confidence\n");
  std::map<std::filesystem::path, std::string> written;  // output -> the input it came from
  int failed = 0;
  for (const auto& file : a.images) {
    const auto target =
        std::filesystem::path(a.out) / (std::filesystem::path(file).stem().string() + ".png");
    try {
      // Two inputs with one stem (a/x.png, b/x.jpg) would write one output over the other.
      if (auto it = written.find(target); it != written.end())
        throw Error(file + ": its output " + target.string() + " is already written from " +
                    it->second + "; rename one of the two inputs");
      const LoadedImage img = readImage(file);  // its errors name the file
      StandardizeResult r;
      try {
        r = standardizer.run(img.bgr, {a.flipH, a.flipV});
      } catch (const Error& e) {
        throw Error(file + ": " + e.what());
      }
      if (!cv::imwrite(target.string(), r.image))
        throw Error(file + ": cannot write " + target.string() +
                    " (check that the folder is writable)");
      written[target] = file;
      std::printf("%s\t%.2f\t%d\t%d\t%d\t%.2f\t%.2f\n", file.c_str(), r.angleDegrees,
                  r.passthrough ? 1 : 0, r.flippedHorizontal ? 1 : 0, r.flippedVertical ? 1 : 0,
                  r.apConfidence, r.dvConfidence);
    } catch (const Error& e) {
      std::fprintf(stderr, "%s\n", e.what());
      ++failed;
    }
  }
  std::fflush(stdout);
  if (failed > 0)
    throw Error(std::to_string(failed) + " of " + std::to_string(a.images.size()) +
                " image(s) could not be standardized (listed above); the other " +
                std::to_string(a.images.size() - static_cast<std::size_t>(failed)) +
                " were written to " + a.out);
}

struct OrientArgs {
  std::string project;
  std::int64_t image = 0;
  bool flipH = false;
  bool flipV = false;
};

void storeOrientation(const OrientArgs& a) {
  Project project = Project::open(a.project, OpenMode::Existing);
  OrientationOverride fix;
  fix.flipHorizontal = a.flipH;
  fix.flipVertical = a.flipV;
  setOrientationOverride(project, a.image, fix);
  std::printf("image #%lld: manual orientation flip_h=%d flip_v=%d\n",
              static_cast<long long>(a.image), a.flipH ? 1 : 0, a.flipV ? 1 : 0);
}

}  // namespace

void addStandardizeCommand(CLI::App& app) {
  auto a = std::make_shared<StandardizeArgs>();
  auto* cmd = app.add_subcommand(
      "standardize",
      "Standardize image files: segment the embryo, rotate its axis horizontal, crop, resize "
      "to 320 x 128 and orient it anterior-left, dorsal-up; prints the geometry found");
  cmd->add_option("images", a->images, "Image files (PNG, JPEG, TIFF, BMP)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--out", a->out, "Output folder for the standardized PNGs")->required();
  cmd->add_flag("--flip-h", a->flipH, "Flip anterior/posterior after the automatic decision");
  cmd->add_flag("--flip-v", a->flipV, "Flip dorsal/ventral after the automatic decision");
  cmd->add_flag("--no-orient", a->noOrient, "Skip the automatic orientation");
  cmd->callback([a] { standardizeFiles(*a); });

  auto o = std::make_shared<OrientArgs>();
  auto* orient = app.add_subcommand(
      "orient",
      "Set the manual orientation fix of one image in a project (applied after the automatic "
      "one; no flags resets it)");
  orient->add_option("project", o->project, "Project file (.flystage)")->required();
  orient->add_option("--image", o->image, "Image id")->required();
  orient->add_flag("--flip-h", o->flipH, "Swap anterior and posterior");
  orient->add_flag("--flip-v", o->flipV, "Swap dorsal and ventral");
  orient->callback([o] { storeOrientation(*o); });
}

}  // namespace flystage::cli
