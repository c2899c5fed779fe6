#pragma once

#include <QImage>
#include <QWidget>

#include <memory>
#include <vector>

#include "search/SimilarEmbryos.h"

class QAction;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace flystage {
class Project;
}

namespace flystage::ui {

class BackgroundTask;

// Similar-embryo search (issue 18): the k images most like the shown one by the shown run's
// learned feature (core's findSimilar), with thumbnail, similarity, stage label, gene and the
// run's call. Building or extending the run's index runs as a BackgroundTask with progress
// and cancel, never on the GUI thread. Clicking a row asks for that image (imageActivated).
class SimilarEmbryosPanel : public QWidget {
  Q_OBJECT

 public:
  explicit SimilarEmbryosPanel(QWidget* parent = nullptr);
  ~SimilarEmbryosPanel() override;

  // The project (not owned; nullptr: none).
  void setProject(Project* project);
  // The image shown and the run the browser shows (0: none). The action is enabled for an
  // image and a network run (Gabor runs have no learned feature).
  void setContext(qint64 runId, qint64 imageId);
  // "Find Similar Embryos" (Ctrl+Alt+F): searches for the context's image.
  QAction* findAction() const { return findAct_; }
  // Starts the search (returns at once); false when the context allows none.
  bool find();
  bool isSearching() const;
  void cancel();
  void setK(int k) { k_ = k; }

  struct Row {
    SimilarEmbryo embryo;
    QImage thumbnail;
  };
  const std::vector<Row>& rows() const { return rows_; }

 Q_SIGNALS:
  void imageActivated(qint64 imageId);  // a result row was clicked
  void searched();                      // results shown (or the search failed/cancelled)

 private:
  void showRows();

  Project* project_ = nullptr;
  qint64 runId_ = 0, imageId_ = 0;
  int k_ = 20;
  QAction* findAct_;
  BackgroundTask* task_;
  QLabel* status_;
  QProgressBar* progress_;
  QPushButton* cancel_;
  QTableWidget* table_;
  std::vector<Row> rows_;
  std::shared_ptr<std::vector<Row>> pending_;
};

}  // namespace flystage::ui
