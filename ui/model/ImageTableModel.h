#pragma once

#include <QAbstractTableModel>
#include <QCache>
#include <QList>
#include <QPixmap>
#include <QSize>

#include <cstdint>
#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

#include "eval/LabelQueue.h"
#include "store/ImageList.h"
#include "store/RunStore.h"

namespace flystage {
class Project;
}

namespace flystage::ui {

class ThumbnailLoader;

// The project's images as rows, shared by the thumbnail grid and the table. The rows come
// from one query (listImages). Thumbnails are decoded on worker threads only when a view
// asks for one (a row on screen): data() answers with a placeholder at once and the real
// pixmap follows through dataChanged; decoded thumbnails stay in a bounded cache. With a
// run chosen, each row also carries that run's prediction; with a label-next queue, its rank.
class ImageTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column {
    Id,
    Thumbnail,
    File,
    Gene,
    StageRange,
    Stage,
    Split,
    Predicted,
    Confidence,
    QueueRank,
    ColumnCount
  };
  // Numbers and ids to sort by, where the display text would sort wrongly ("9" > "10").
  static constexpr int SortRole = Qt::UserRole + 1;
  static constexpr int ImageIdRole = Qt::UserRole + 2;
  static constexpr int CaptionRole = Qt::UserRole + 3;            // grid tile: id and label
  static constexpr int PredictionCaptionRole = Qt::UserRole + 4;  // grid tile: "→ 12 · 87%"
  static constexpr int CorrectnessRole = Qt::UserRole + 5;        // 1 right, -1 wrong, 0 unknown
  static constexpr int ThumbnailReadyRole = Qt::UserRole + 6;     // false: placeholder shown
  static constexpr int OutsideRangeRole = Qt::UserRole + 7;       // predictedOutsideRange()

  static constexpr int kDefaultThumbnailCacheMiB = 128;

  // Half the standardized 320 x 128 image.
  static QSize thumbnailSize() { return {160, 64}; }

  explicit ImageTableModel(QObject* parent = nullptr);
  ~ImageTableModel() override;

  // The project the rows are read from (not owned; nullptr: no rows). Thumbnails are read
  // through the loader's own connections to the same file. Clears run and queue.
  void setProject(Project* project);
  Project* project() const { return project_; }
  // Reads the rows again (after an import) and forgets cached thumbnails; keeps the run.
  void reload();
  // Re-reads the labels of these images (after labelling, undo or redo).
  void refreshLabels(const QList<qint64>& imageIds);
  // Decodes these images' thumbnails again (after an orientation fix); the old ones stay on
  // screen until the new ones arrive.
  void refreshThumbnails(const QList<qint64>& imageIds);

  // The run whose predictions the rows carry (0: none). Also reads the run's image snapshot:
  // an image's true stage is the stage it had when the run took it (the confusion matrix's
  // truth), else its current precise stage. Throws flystage::Error for an unknown run.
  void setRun(std::int64_t runId);
  std::int64_t runId() const { return runId_; }
  bool hasPredictions() const { return !predictions_.empty(); }
  const std::vector<StoredPrediction>& predictions() const { return predictions_; }
  bool runHasTestPart() const { return runHasTestPart_; }

  // The label-next ranking (core's rankForLabelling), or none.
  void setQueue(const std::vector<QueueEntry>& queue);
  void clearQueue() { setQueue({}); }
  bool hasQueue() const { return queueSize_ > 0; }
  int queueSize() const { return queueSize_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

  const ImageRow& row(int r) const { return rows_[static_cast<std::size_t>(r)]; }
  int rowOfImage(qint64 imageId) const;  // -1 when not a row
  const StoredPrediction* prediction(int r) const;
  std::optional<int> trueStage(int r) const;  // see setRun
  bool inRunTestPart(int r) const;
  // The run's model calls the image outside its known range: its unconstrained stage against
  // the current label's range (the range-constrained call lies inside by construction, so the
  // mark shows where the model itself disagrees with the curator). Never for 1-3, which holds
  // no stage the model predicts, nor without a range or a prediction.
  bool predictedOutsideRange(int r) const;
  int queueRank(int r) const;  // 0-based position in the queue, -1 when not queued
  const QueueEntry* queueEntry(int r) const;
  // Current labels of every row, for rankForLabelling.
  std::map<std::int64_t, Label> labels() const;
  QStringList genes() const;  // distinct, sorted

  void setThumbnailCacheMiB(int mib);
  int thumbnailCacheMiB() const { return static_cast<int>(thumbnails_.maxCost() / 1024); }
  int cachedThumbnails() const { return thumbnails_.count(); }
  const QPixmap& placeholder() const { return placeholder_; }
  ThumbnailLoader* thumbnailLoader() const { return loader_; }

 private:
  QVariant display(int r, int column) const;
  QVariant sortKey(int r, int column) const;
  QVariant thumbnail(const ImageRow& r) const;
  QString predictionCaption(int r) const;
  QString predictionToolTip(int r) const;
  void onThumbnailLoaded(qint64 imageId, const QImage& image);
  void rebuildIndex();
  void loadRunData();

  Project* project_ = nullptr;
  std::vector<ImageRow> rows_;
  std::unordered_map<qint64, int> rowOf_;

  std::int64_t runId_ = 0;
  bool runHasTestPart_ = false;
  std::vector<StoredPrediction> predictions_;
  std::unordered_map<qint64, int> snapshotStage_;  // image -> stage in the run's snapshot
  std::unordered_map<qint64, bool> snapshotTest_;  // image -> in the run's test part
  std::vector<int> predictionOfRow_;               // index into predictions_, -1: none
  std::vector<QueueEntry> queue_;
  std::vector<int> queueRankOfRow_;
  int queueSize_ = 0;

  ThumbnailLoader* loader_;
  qreal dpr_ = 1;
  QPixmap placeholder_;
  QPixmap unavailable_;
  // Cost in KiB (about 40 KiB a thumbnail at 2x): 128 MiB hold some 3200 of them. A null
  // pixmap marks an image whose pixels could not be read: not asked for again.
  mutable QCache<qint64, QPixmap> thumbnails_{kDefaultThumbnailCacheMiB * 1024};
};

}  // namespace flystage::ui
