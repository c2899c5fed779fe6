#include "importer/Importer.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <optional>
#include <thread>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include "data/ImageIo.h"
#include "store/DiskFull.h"
#include "store/LabelHistory.h"
#include "store/Project.h"
#include "store/Split.h"
#include "store/WriteTransaction.h"
#include "util/Error.h"

namespace flystage {

namespace {

// What a worker thread produced for one item; the writer thread stores it in order.
struct Prepared {
  std::optional<std::string> error;
  ImageInfo info;
  std::string sha256;
  std::string png;
  StandardizeResult geometry;
};

Prepared prepare(const ImportItem& item, const Standardizer& standardizer) {
  Prepared p;
  try {
    LoadedImage img = readImage(item.path);
    p.info = img.info;
    p.sha256 = img.sha256;
    p.geometry = standardizer.run(img.bgr);
    p.png = encodePng(p.geometry.image);
    p.geometry.image.release();
  } catch (const Error& e) {
    p.error = e.what();
  } catch (const std::exception& e) {
    p.error = item.path.string() + ": " + e.what();
  }
  return p;
}

// An image seen earlier in this import: a later row with its content must agree on its label.
struct Seen {
  std::string path;
  long line = 0;
  std::optional<StageRange> range;
  std::optional<int> stage;
  std::string inProject;  // "image #12 (path)" when it was in the project already
};

std::string labelText(const std::optional<StageRange>& range, const std::optional<int>& stage) {
  if (stage) return std::to_string(*stage) + " (" + range->name() + ")";
  return range ? range->name() : "no label";
}

// Who set a label the import would change, for the report ("set by hand").
std::string setBy(LabelSource source) {
  return source == LabelSource::Model ? "accepted from a prediction" : "set by hand";
}

// Work is done in chunks: workers fill a chunk in parallel, the caller writes it in order,
// so memory stays bounded (one chunk of PNGs) whatever the size of the import.
constexpr std::size_t kChunk = 64;

ImportReport importInOneTransaction(Project& project, const ImportPlan& plan,
                                    const ImportOptions& options, const ProgressFn& progress,
                                    const CancelToken* cancel) {
  ImportReport report;
  report.problems = plan.problems;
  report.unlistedProblems = plan.unlistedProblems;
  auto problem = [&](ImportProblem p) {
    addProblem(report.problems, report.unlistedProblems, std::move(p));
  };
  report.skippedNonLateral = plan.skippedNonLateral;
  const Standardizer standardizer(options.standardize);
  const int threads = options.threads > 0
                          ? options.threads
                          : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  auto& db = project.db();
  WriteTransaction tx(db);

  SQLite::Statement addImport(db, "INSERT INTO imports(source, kind) VALUES (?, ?)");
  addImport.bind(1, plan.source);
  addImport.bind(2, plan.kind);
  addImport.exec();
  const std::int64_t importId = db.getLastInsertRowid();

  SQLite::Statement addImage(db,
                             "INSERT INTO images(path, sha256, gene, width, height, channels, "
                             "bit_depth, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  SQLite::Statement addPixels(db,
                              "INSERT INTO standardized(image_id, png, angle, passthrough, "
                              "auto_flip_h, auto_flip_v, ap_confidence, dv_confidence) VALUES "
                              "(?, ?, ?, ?, ?, ?, ?, ?)");
  SQLite::Statement addLabel(db,
                             "INSERT INTO labels(image_id, stage_range, stage, source, "
                             "range_from_stage) VALUES (?, ?, ?, 'import', ?)");
  SQLite::Statement addSplit(db,
                             "INSERT INTO splits(image_id, part, origin) VALUES (?, ?, 'import')");
  SQLite::Statement findHash(db, "SELECT id, path FROM images WHERE sha256 = ?");

  std::map<std::string, Seen> seenInBatch;  // sha256 -> first item, duplicates inside the input
  std::vector<LabelChange> labelChanges;    // known images given another label
  const auto& items = plan.items;
  std::vector<Prepared> chunk;
  for (std::size_t start = 0; start < items.size(); start += kChunk) {
    const std::size_t n = std::min(kChunk, items.size() - start);
    chunk.assign(n, Prepared{});
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t k; (k = next.fetch_add(1)) < n;) {
        if (cancel && cancel->cancelled()) return;
        chunk[k] = prepare(items[start + k], standardizer);
      }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < std::min<int>(threads, static_cast<int>(n)); ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    if (cancel && cancel->cancelled()) throw Cancelled{"import"};

    for (std::size_t k = 0; k < n; ++k) {
      const ImportItem& item = items[start + k];
      Prepared& p = chunk[k];
      const std::string where = item.sourceFile.empty() ? item.path.string() : item.sourceFile;
      const long whereLine = item.sourceFile.empty() ? 0 : item.line;
      if (p.error) {
        // Each problem names its image once: decoding errors start with the path already,
        // the standardizer's do not; a folder import's location is the image itself.
        const std::string image = item.path.string() + ": ";
        std::string message =
            p.error->compare(0, image.size(), image) == 0 ? *p.error : image + *p.error;
        if (item.sourceFile.empty()) message.erase(0, image.size());
        problem({where, whereLine, message});
      } else if (auto it = seenInBatch.find(p.sha256); it != seenInBatch.end()) {
        const Seen& first = it->second;
        if (first.range != item.range || first.stage != item.stage) {
          // One image, two labels: which is right cannot be known, so the user decides.
          problem({where, whereLine,
                   item.path.string() + ": same content as " + first.path +
                       (first.line > 0 ? " (line " + std::to_string(first.line) + ")" : "") +
                       ", but labelled " + labelText(item.range, item.stage) + " here and " +
                       labelText(first.range, first.stage) +
                       " there; give both the same label or keep one"});
        } else {
          report.duplicates.push_back(item.path.string() + ": same content as " +
                                      (first.inProject.empty()
                                           ? first.path + " in this import; imported once"
                                           : first.inProject + "; not imported again"));
        }
      } else {
        findHash.bind(1, p.sha256);
        const bool known = findHash.executeStep();
        Seen& seen = seenInBatch[p.sha256];
        seen = Seen{item.path.string(), item.line, item.range, item.stage, {}};
        if (known) {
          const std::int64_t id = findHash.getColumn(0).getInt64();
          seen.inProject =
              "image #" + std::to_string(id) + " (" + findHash.getColumn(1).getString() + ")";
          report.duplicates.push_back(item.path.string() + ": same content as " + seen.inProject +
                                      "; not imported again");
          findHash.reset();
          // A label for an image already here: a correction to apply (undoably), or a label
          // set in FlyStage to keep; a range without a stage never erases a stage inside it.
          const Label old = project.label(id);
          const bool refinesNothing = !item.stage && old.range == item.range;
          if (item.range && !refinesNothing &&
              (old.range != item.range || old.stage != item.stage)) {
            Label wanted;
            wanted.range = item.range;
            wanted.stage = item.stage;
            wanted.source = LabelSource::Import;
            const std::string what = item.path.string() + ": image #" + std::to_string(id);
            if (old.empty() || old.source == LabelSource::Import || options.overwriteUserLabels) {
              labelChanges.push_back({id, wanted});
              report.labelsChanged.push_back(what + ", " + old.text() + " -> " + wanted.text());
            } else {
              report.labelsKept.push_back(what + " keeps " + old.text() + ", " + setBy(old.source) +
                                          "; the import says " + wanted.text());
            }
          }
        } else {
          findHash.reset();
          addImage.bind(1, item.path.string());
          addImage.bind(2, p.sha256);
          addImage.bind(3, item.gene);
          addImage.bind(4, p.info.width);
          addImage.bind(5, p.info.height);
          addImage.bind(6, p.info.channels);
          addImage.bind(7, p.info.bitDepth);
          addImage.bind(8, static_cast<int64_t>(importId));
          addImage.exec();
          addImage.reset();
          const std::int64_t id = db.getLastInsertRowid();

          addPixels.bind(1, static_cast<int64_t>(id));
          addPixels.bindNoCopy(2, p.png.data(), static_cast<int>(p.png.size()));
          addPixels.bind(3, p.geometry.angleDegrees);
          addPixels.bind(4, p.geometry.passthrough ? 1 : 0);
          addPixels.bind(5, p.geometry.flippedHorizontal ? 1 : 0);
          addPixels.bind(6, p.geometry.flippedVertical ? 1 : 0);
          addPixels.bind(7, p.geometry.apConfidence);
          addPixels.bind(8, p.geometry.dvConfidence);
          addPixels.exec();
          addPixels.reset();

          if (item.range) {
            addLabel.bind(1, static_cast<int64_t>(id));
            addLabel.bind(2, item.range->name());
            if (item.stage)
              addLabel.bind(3, *item.stage);
            else
              addLabel.bind(3);
            addLabel.bind(4, item.rangeFromStage ? 1 : 0);
            addLabel.exec();
            addLabel.reset();
          }
          if (item.split) {
            addSplit.bind(1, static_cast<int64_t>(id));
            addSplit.bind(2, splitPartName(*item.split));
            addSplit.exec();
            addSplit.reset();
          }
          ++report.imported;
          if (item.stage) ++report.withStage;
        }
      }
      if (progress)
        progress({"import", start + k + 1, items.size(), item.path.filename().string()});
    }
  }

  if (report.problemCount() > 0 && !options.skipBad) return report;  // rolled back: nothing

  SQLite::Statement done(db,
                         "UPDATE imports SET imported = ?, duplicates = ?, rejected = ? WHERE "
                         "id = ?");
  done.bind(1, report.imported);
  done.bind(2, static_cast<int>(report.duplicates.size()));
  done.bind(3, static_cast<int>(report.problemCount()));
  done.bind(4, static_cast<int64_t>(importId));
  done.exec();
  if (!labelChanges.empty()) {
    // Inside this transaction (a savepoint): the relabelling lands with the import or not at
    // all, and is one action of the label history, so `undo` restores every label it changed.
    const auto action = LabelHistory(project).apply(
        labelChanges, "Import " + std::filesystem::path(plan.source).filename().string() + ": " +
                          std::to_string(labelChanges.size()) + " label(s) changed");
    if (action) report.labelAction = action->id;
  }
  report.splitAssigned = assignSplit(project, storedSplitOptions(project)).newlyAssigned;
  tx.commit();
  report.importId = importId;
  report.committed = true;
  return report;
}

}  // namespace

ImportReport runImport(Project& project, const ImportPlan& plan, const ImportOptions& options,
                       const ProgressFn& progress, const CancelToken* cancel) {
  try {
    return importInOneTransaction(project, plan, options, progress, cancel);
  } catch (const SQLite::Exception& e) {
    // Rolled back by now: the user needs to know which file and that nothing half-landed.
    if (!isDiskFull(e)) throw;
    throw Error(diskFullMessage(project.file(), e, "nothing of this import was saved"));
  }
}

}  // namespace flystage
