#include "PredictController.h"

#include <QProgressDialog>
#include <QThread>
#include <QWidget>

#include "BackgroundThread.h"
#include "model/Predictor.h"
#include "store/BusyWait.h"
#include "store/Project.h"
#include "store/RunStore.h"

namespace flystage::ui {

PredictController::PredictController(QWidget* parentWindow)
    : QObject(parentWindow), window_(parentWindow) {}

PredictController::~PredictController() {
  cancelAndWait();
}

void PredictController::cancelAndWait() {
  if (!thread_) return;
  cancel_.cancel();
  thread_->wait();
  thread_ = nullptr;
  ++generation_;
  if (progress_) {
    progress_->hide();
    progress_->deleteLater();
  }
}

bool PredictController::start(const QString& projectFile, qint64 runId) {
  if (thread_) return false;
  cancel_.reset();
  progress_ = new QProgressDialog(tr("Predicting every image with run #%1…").arg(runId),
                                  tr("Cancel"), 0, 0, window_);
  progress_->setObjectName(QStringLiteral("predictProgress"));
  progress_->setWindowTitle(tr("Predict All Images"));
  progress_->setMinimumDuration(300);
  progress_->setWindowModality(Qt::WindowModal);
  connect(progress_, &QProgressDialog::canceled, this, [this] { cancel_.cancel(); });
  const int generation = ++generation_;
  QPointer<PredictController> self(this);
  const std::string file = projectFile.toStdString();
  thread_ = QThread::create([self, file, runId, generation, this] {
    int images = 0;
    QString error;
    bool stopped = false;
    try {
      Project project = Project::open(file, OpenMode::Existing);
      const BusyWait wait(project, &cancel_);  // an import may hold the write lock for long
      auto report = [self, generation, this](const ProgressEvent& e) {
        QMetaObject::invokeMethod(
            this,
            [self, generation, e, this] {
              if (!self || generation != generation_ || !progress_) return;
              progress_->setMaximum(static_cast<int>(e.total));
              progress_->setValue(static_cast<int>(e.done));
            },
            Qt::QueuedConnection);
      };
      const auto preds = predictStages(project, runId, project.imageIds(), report, &cancel_);
      std::vector<StoredPrediction> stored;
      stored.reserve(preds.size());
      for (const auto& p : preds)
        stored.push_back({p.imageId, p.stage, p.probability,
                          std::vector<float>(p.probabilities.begin(), p.probabilities.end())});
      if (cancel_.cancelled()) throw Cancelled{"predict"};
      runstore::savePredictions(project, runId, stored);
      images = static_cast<int>(stored.size());
    } catch (const Cancelled&) {
      stopped = true;
    } catch (const std::exception& e) {
      error = QString::fromUtf8(e.what());
    }
    QMetaObject::invokeMethod(
        this,
        [self, generation, runId, images, error, stopped, this] {
          if (!self || generation != generation_) return;
          if (thread_) thread_->wait();
          thread_ = nullptr;
          // Hidden now, not at the next event loop pass: a window-modal dialog still shown
          // would swallow the keys of whoever reacts to finished().
          if (progress_) {
            progress_->hide();
            progress_->deleteLater();
          }
          if (stopped)
            Q_EMIT cancelled(runId);
          else if (!error.isEmpty())
            Q_EMIT failed(runId, error);
          else
            Q_EMIT finished(runId, images);
        },
        Qt::QueuedConnection);
  });
  connect(thread_, &QThread::finished, thread_, &QObject::deleteLater);
  startInBackground(thread_);
  return true;
}

}  // namespace flystage::ui
