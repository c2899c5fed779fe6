#pragma once

#include <QAbstractTableModel>
#include <QCache>
#include <QPixmap>
#include <QSize>

#include <vector>

#include "store/ImageList.h"

namespace flystage {
class Project;
}

namespace flystage::ui {

// The project's images as table rows. The rows come from one query (listImages); the
// thumbnails are decoded only when a view asks for one (a visible row) and kept in a
// bounded cache, so opening a project of 100 000 images decodes none of them up front.
class ImageTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { Id, Thumbnail, File, Gene, StageRange, Stage, Split, ColumnCount };
  // Numbers and ids to sort by, where the display text would sort wrongly ("9" > "10").
  static constexpr int SortRole = Qt::UserRole + 1;
  static constexpr int ImageIdRole = Qt::UserRole + 2;

  // Half the standardized 320 x 128 image.
  static QSize thumbnailSize() { return {160, 64}; }

  explicit ImageTableModel(QObject* parent = nullptr);

  // The project the rows and thumbnails are read from (not owned; nullptr: no rows).
  void setProject(Project* project);
  // Reads the rows again (after an import) and forgets cached thumbnails.
  void reload();

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

  const ImageRow& row(int r) const { return rows_[static_cast<std::size_t>(r)]; }
  int cachedThumbnails() const { return thumbnails_.count(); }

 private:
  QVariant display(const ImageRow& r, int column) const;
  QVariant sortKey(const ImageRow& r, int column) const;
  QPixmap thumbnail(const ImageRow& r) const;

  Project* project_ = nullptr;
  std::vector<ImageRow> rows_;
  // Cost in KiB: about 40 KiB a thumbnail, so ~64 MiB holds some 1600 of them.
  mutable QCache<qint64, QPixmap> thumbnails_{64 * 1024};
};

}  // namespace flystage::ui
