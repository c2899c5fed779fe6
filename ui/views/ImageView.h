#pragma once

#include <QImage>
#include <QVector>
#include <QWidget>

#include <optional>

#include <opencv2/core.hpp>

#include "store/RunStore.h"

class QCheckBox;
class QComboBox;
class QGraphicsPixmapItem;
class QGraphicsView;
class QLabel;
class QProgressBar;
class QSlider;
class QSplitter;
class QToolButton;

namespace flystage {
class Project;
}

namespace flystage::ui {

class BackgroundTask;
class OrientationRow;
class StageProbabilityChart;

// One image up close: the standardized image (zoom with the wheel or Ctrl++ / Ctrl+- /
// Ctrl+0, pan by dragging) with the original file beside it, read on a worker thread (a
// note says so when the file is gone), the chosen run's probability for every stage, and a
// saliency overlay. The saliency maps are computed elsewhere: turning the overlay on, or
// choosing another method, emits saliencyRequested; progress comes in setSaliencyProgress and
// the answer in setSaliencyMap (or setSaliencyFailed). The method list is core's, and a method
// that failed its sanity check on the shown run (stored with the run) says so there.
class ImageView : public QWidget {
  Q_OBJECT

 public:
  explicit ImageView(QWidget* parent = nullptr);
  ~ImageView() override;

  void setProject(Project* project);  // not owned; nullptr clears the view
  // Shows one image of the project (0: none).
  void showImage(qint64 imageId);
  qint64 imageId() const { return imageId_; }
  // Re-reads the shown image's label (after labelling).
  void refreshLabel();
  // The chosen run's prediction for the shown image (nullptr: none) and its true stage;
  // runChosen says whether a missing prediction is the run's gap or no run at all.
  void setPrediction(const StoredPrediction* prediction, std::optional<int> trueStage,
                     bool runChosen = false);

  // The run whose predictions and saliency are shown (0: none). A new run's saliency is asked
  // for again, and its stored sanity results (core/interpret/SaliencySanity.h) are read once
  // here to mark the methods that failed them.
  void setRun(qint64 runId);
  qint64 runId() const { return runId_; }

  // A saliency map for an image (CV_32F, >= 0, the model input size or any other): drawn
  // over the standardized image while the overlay is on. A map for another image than the
  // one shown, or of another method than the chosen one, is ignored (it arrived late); the
  // two-argument form is of the chosen method. `stage`: the stage whose output it explains,
  // said beside the controls (0: not said).
  void setSaliencyMap(qint64 imageId, const QString& method, const cv::Mat& map, int stage = 0);
  void setSaliencyMap(qint64 imageId, const cv::Mat& map);
  // Passes done of the map being computed ("SmoothGrad: 12 of 25 passes"); ignored like a map.
  void setSaliencyProgress(qint64 imageId, const QString& method, int done, int total);
  // Why the shown image has no map (the run has no model, no run is chosen, ...).
  void setSaliencyFailed(qint64 imageId, const QString& message);
  bool hasSaliencyMap() const { return !map_.empty(); }
  // A map was asked for and has neither arrived nor failed (screenshots wait for it).
  bool saliencyComputing() const { return computing_; }
  QString saliencyStatus() const;  // the text beside the overlay's controls
  void setSaliencyEnabled(bool on);
  bool saliencyEnabled() const;
  // One of core's names (saliencyMethods(): vanilla, smoothgrad, integrated-gradients,
  // grad-cam, grad-cam-2); the list shows saliencyMethodDisplayName.
  void setSaliencyMethod(const QString& method);
  QString saliencyMethod() const;
  void setColormap(const QString& name);  // one of core's colormapNames()
  QString colormap() const;
  void setOpacity(double opacity);  // 0..1
  double opacity() const;
  static QStringList saliencyMethods();  // core's names, in core's order

  // What is on screen, for tests and screenshots.
  QImage displayedImage() const { return displayed_; }
  bool originalShown() const;
  bool originalMissing() const { return originalMissing_; }
  QString originalNote() const;
  QVector<double> probabilities() const;
  QString predictionText() const;

  void zoomIn();
  void zoomOut();
  void zoomToFit();
  double zoom() const;          // the standardized picture's scale
  double originalZoom() const;  // the original's

 Q_SIGNALS:
  void saliencyRequested(qint64 imageId, const QString& method);
  void originalLoaded(qint64 imageId);
  // The image's orientation fix was stored from the orientation row: its standardized pixels
  // (thumbnail, saliency) read differently now.
  void orientationChanged(qint64 imageId);

 private:
  void render();
  void requestSaliency();
  void loadOriginal(const QString& path);
  void onOriginalLoaded(const QImage& image, const QString& error);
  void updateHeader();
  void updateMethodMarks();
  void setSaliencyStatus(const QString& text, bool computing);

  Project* project_ = nullptr;
  qint64 imageId_ = 0;
  qint64 runId_ = 0;
  bool computing_ = false;
  cv::Mat standardized_;  // BGR
  cv::Mat map_;           // the saliency map of imageId_, for the current method
  QString mapNote_;       // what map_ explains, said while it shows
  QImage displayed_;
  bool originalMissing_ = false;

  QLabel* header_;
  QGraphicsView* standardizedView_;
  QGraphicsPixmapItem* standardizedItem_;
  QGraphicsView* originalView_;
  QGraphicsPixmapItem* originalItem_;
  QLabel* originalNote_;
  QSplitter* splitter_;
  QToolButton* zoomInButton_;
  QToolButton* zoomOutButton_;
  QToolButton* fitButton_;
  QCheckBox* saliency_;
  QComboBox* method_;
  QComboBox* colormap_;
  QSlider* opacity_;
  QLabel* saliencyStatus_;
  QProgressBar* saliencyProgress_;  // passes of a slow method
  QLabel* prediction_;
  StageProbabilityChart* chart_;
  OrientationRow* orientation_;   // how the image was oriented, and the fix
  BackgroundTask* originalTask_;  // reads originals; the newest read only
};

}  // namespace flystage::ui
