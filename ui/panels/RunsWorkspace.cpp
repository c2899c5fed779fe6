#include "RunsWorkspace.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>

#include "GemPanel.h"
#include "ImageBrowser.h"
#include "ImageTableModel.h"
#include "ImageView.h"
#include "ImportController.h"
#include "MainWindow.h"
#include "PredictController.h"
#include "PredictProgressDialog.h"
#include "RunsPanel.h"
#include "SaliencyController.h"
#include "TrainingPanel.h"
#include "store/Project.h"

namespace flystage::ui {

RunsWorkspace::RunsWorkspace(MainWindow* window) : QObject(window), window_(window) {
  training_ = new TrainingPanel;
  training_->setObjectName(QStringLiteral("trainingPanel"));
  runs_ = new RunsPanel;
  runs_->setObjectName(QStringLiteral("runsPanel"));
  gems_ = new GemPanel;
  gems_->setObjectName(QStringLiteral("gemPanel"));
  window_->addPanel(training_, tr("Training"));
  window_->addPanel(runs_, tr("Runs and Evaluation"));
  window_->addPanel(gems_, tr("Expression Maps"));
  saliency_ = new SaliencyController(this);
  predict_ = new PredictController(this);
  new PredictProgressDialog(predict_, window_);  // owned by predict_
  predictAct_ = new QAction(tr("&Predict All Images"), window_);
  predictAct_->setObjectName(QStringLiteral("actionPredictAll"));
  predictAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
  predictAct_->setToolTip(
      tr("Predict the stage of every image with the selected run and keep the "
         "predictions, so the browser filters and sorts by them (Ctrl+Shift+R)"));
  predictAct_->setStatusTip(predictAct_->toolTip());
  connect(predictAct_, &QAction::triggered, this, [this] { predictAll(); });
  connect(predict_, &PredictController::finished, this, [this](qint64 runId, int images) {
    window_->refreshRuns();
    showRun(runId);
    window_->statusBar()->showMessage(
        tr("Run #%1 predicted %n image(s).", nullptr, images).arg(runId), 8000);
  });
  connect(predict_, &PredictController::cancelled, this, [this](qint64) {
    window_->statusBar()->showMessage(tr("Prediction cancelled; nothing was stored."), 8000);
  });
  connect(predict_, &PredictController::failed, this, [this](qint64, const QString& message) {
    QMessageBox::warning(window_, tr("Prediction Failed"),
                         tr("The predictions were not stored: %1").arg(message));
  });

  // Training: live runs show in the runs list; finished ones bring new predictions.
  connect(training_, &TrainingPanel::runStarted, runs_, &RunsPanel::setActiveRun);
  connect(training_, &TrainingPanel::runEnded, this, [this](qint64 runId, const QString& status) {
    runs_->setActiveRun(0);
    runs_->reload();
    gems_->refresh();
    window_->refreshRuns();
    const QString text = status == QStringLiteral("finished") ? tr("Run #%1 finished.")
                         : status == QStringLiteral("cancelled")
                             ? tr("Run #%1 cancelled; it can be resumed.")
                             : tr("Run #%1 failed.");
    window_->statusBar()->showMessage(text.arg(runId), 8000);
  });
  connect(runs_, &RunsPanel::resumeRequested, training_, &TrainingPanel::resumeRun);
  // A confusion-matrix cell shows exactly its images in the browser.
  connect(runs_, &RunsPanel::cellActivated, window_, &MainWindow::showConfusionCell);
  connect(window_, &MainWindow::projectChanged, this, [this] {
    training_->setProject(window_->project());
    runs_->setProject(window_->project());
    gems_->setProject(window_->project());
  });
  connect(window_->importController(), &ImportController::importFinished, gems_,
          &GemPanel::refresh);

  // Saliency of the image shown, for the run whose predictions the browser shows.
  connect(
      window_->imageView(), &ImageView::saliencyRequested, this,
      [this](qint64 imageId, const QString& method) {
        if (!window_->project()) return;
        const qint64 run = window_->imageModel()->runId();
        if (run == 0) {
          window_->statusBar()->showMessage(
              tr("Choose a run in the browser's filters (Predictions of) to see its saliency."),
              8000);
          return;
        }
        window_->statusBar()->showMessage(tr("Computing the saliency of image #%1…").arg(imageId));
        saliency_->request(window_->projectFile(), run, imageId, method);
      });
  connect(saliency_, &SaliencyController::ready, this,
          [this](qint64 imageId, const QString& method, const cv::Mat& map, int stage, double p) {
            window_->imageView()->setSaliencyMap(imageId, map);
            window_->statusBar()->showMessage(
                tr("Saliency (%1) of stage %2 for image #%3 (p = %4).")
                    .arg(method)
                    .arg(stage)
                    .arg(imageId)
                    .arg(p, 0, 'f', 2),
                8000);
          });
  connect(saliency_, &SaliencyController::failed, this, [this](qint64, const QString& message) {
    window_->statusBar()->showMessage(tr("No saliency: %1").arg(message), 10000);
  });

  auto* train = new QMenu(tr("&Train"), window_);
  train->setObjectName(QStringLiteral("trainMenu"));
  train->addAction(training_->startAction());
  train->addAction(training_->pauseAction());
  train->addAction(training_->cancelAction());
  train->addAction(training_->resumeRunAction());
  train->addSeparator();
  train->addAction(predictAct_);
  train->addAction(runs_->reloadAction());
  // Before Help, which stays last.
  window_->menuBar()->insertMenu(window_->menuBar()->actions().constLast(), train);
  if (auto* tools = window_->findChild<QToolBar*>(QStringLiteral("projectToolBar"))) {
    tools->addSeparator();
    tools->addAction(training_->startAction());
    tools->addAction(training_->pauseAction());
    tools->addAction(training_->cancelAction());
  }
}

void RunsWorkspace::cancelAndWait() {
  training_->cancelAndWait();
  saliency_->cancelAndWait();
  predict_->cancelAndWait();
}

void RunsWorkspace::predictAll() {
  if (!window_->project() || window_->project()->readOnly()) return;
  const auto selected = runs_->selectedRunIds();
  const qint64 run = !selected.empty() ? selected.front() : window_->imageModel()->runId();
  if (run == 0) {
    QMessageBox::information(window_, tr("Predict All Images"),
                             tr("Select a finished run under Runs and Evaluation first."));
    return;
  }
  if (!predict_->start(window_->projectFile(), run))
    window_->statusBar()->showMessage(tr("A prediction is already running."), 5000);
}

void RunsWorkspace::showRun(qint64 runId) {
  if (!window_->project()) return;
  ImageFilter f = window_->browser()->filter();
  f.runId = runId;
  window_->browser()->setFilter(f);
  runs_->selectRuns({runId});
  gems_->selectRun(runId);
}

}  // namespace flystage::ui
