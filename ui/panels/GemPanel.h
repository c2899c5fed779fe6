#pragma once

#include <QImage>
#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>

#include "figure/Figure.h"
#include "util/Progress.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace flystage {
class Project;
}

namespace flystage::ui {

class BackgroundTask;

// GEMs and masked GEMs per stage side by side, for a run's predictions above a confidence
// threshold or for the stage labels, one gene or genome-wide; built off the GUI thread (its
// own read-only connection to the project) with progress and cancel, shown as the same
// figure the command line exports, and exported to PNG, SVG or PDF with its provenance.
class GemPanel : public QWidget {
  Q_OBJECT

 public:
  explicit GemPanel(QWidget* parent = nullptr);
  ~GemPanel() override;

  // The open project (not owned; nullptr: none). Lists its finished network runs and genes.
  void setProject(Project* project);
  // Re-reads the runs and genes (after training or an import).
  void refresh();
  void selectRun(qint64 runId);

  bool isBuilding() const;
  bool hasFigure() const { return figure_.has_value(); }
  // The shown figure at 2x, for tests and screenshots.
  QImage figureImage() const;
  // Exports the shown figure (format by extension); false and a message on failure.
  bool exportTo(const QString& file, bool showErrors = true);

 public Q_SLOTS:
  void build();
  void cancel();
  void exportDialog();

 Q_SIGNALS:
  void built();
  void failed(const QString& message);

 private:
  void updateControls();
  void updateMethodMarks();
  void onFinished(std::shared_ptr<void> result, const QString& error, bool cancelled);

  Project* project_ = nullptr;
  QComboBox* run_;
  QComboBox* assignment_;
  QDoubleSpinBox* minConfidence_;
  QComboBox* gene_;
  QCheckBox* masked_;
  QComboBox* method_;
  QComboBox* colormap_;
  QPushButton* buildButton_;
  QPushButton* cancelButton_;
  QPushButton* exportButton_;
  QProgressBar* progress_;
  QLabel* status_;
  QLabel* view_;
  BackgroundTask* task_;  // builds the maps off the GUI thread
  std::optional<figure::Figure> figure_;
};

}  // namespace flystage::ui
