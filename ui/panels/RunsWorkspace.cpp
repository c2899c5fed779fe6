#include "RunsWorkspace.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>

#include "BackgroundTask.h"
#include "DisplayNames.h"
#include "GemPanel.h"
#include "ImageBrowser.h"
#include "ImageTableModel.h"
#include "ImageView.h"
#include "ImportController.h"
#include "MainWindow.h"
#include "PredictController.h"
#include "PredictProgressDialog.h"
#include "Preferences.h"
#include "RunsPanel.h"
#include "SaliencyController.h"
#include "TrainingPanel.h"
#include "model/ModelPackage.h"
#include "store/BusyWait.h"
#include "store/ImportedModel.h"
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
          const QString why =
              tr("Choose a run in the browser's filters (Predictions of) to see its saliency.");
          window_->statusBar()->showMessage(why, 8000);
          window_->imageView()->setSaliencyFailed(imageId, why);
          saliency_->cancel();  // a map of the run shown before is not wanted now
          return;
        }
        window_->statusBar()->showMessage(tr("Computing the saliency of image #%1…").arg(imageId));
        // The map explains the call the image view shows (inside the known range when the
        // prediction was constrained), not a stage the window never names.
        const ImageTableModel* model = window_->imageModel();
        const int row = model->rowOfImage(imageId);
        const StoredPrediction* p = row >= 0 ? model->prediction(row) : nullptr;
        saliency_->request(window_->projectFile(), run, imageId, method, p ? p->call() : 0);
      });
  connect(saliency_, &SaliencyController::ready, this,
          [this](qint64 imageId, const QString& method, const cv::Mat& map, int stage, double p) {
            window_->imageView()->setSaliencyMap(imageId, method, map, stage);
            window_->statusBar()->showMessage(
                tr("Saliency (%1) of stage %2 for image #%3 (p = %4).")
                    .arg(saliencyMethodDisplayName(method))
                    .arg(stage)
                    .arg(imageId)
                    .arg(p, 0, 'f', 2),
                8000);
          });
  connect(saliency_, &SaliencyController::failed, this,
          [this](qint64 imageId, const QString& message) {
            window_->statusBar()->showMessage(tr("No saliency: %1").arg(message), 10000);
            window_->imageView()->setSaliencyFailed(imageId, tr("No saliency: %1").arg(message));
          });
  // SmoothGrad and integrated gradients count their passes beside the overlay's controls.
  connect(saliency_, &SaliencyController::progress, window_->imageView(),
          &ImageView::setSaliencyProgress);

  // Models travel: export a run's model, import one trained elsewhere.
  exportTask_ = new BackgroundTask(this);
  importTask_ = new BackgroundTask(this);
  exportModelAct_ = new QAction(tr("&Export Model…"), window_);
  exportModelAct_->setObjectName(QStringLiteral("actionExportModel"));
  exportModelAct_->setToolTip(
      tr("Write the selected finished run's model to one file that another project can import"));
  exportModelAct_->setStatusTip(exportModelAct_->toolTip());
  connect(exportModelAct_, &QAction::triggered, this, [this] { exportModelDialog(); });
  importModelAct_ = new QAction(tr("&Import Model…"), window_);
  importModelAct_->setObjectName(QStringLiteral("actionImportModel"));
  importModelAct_->setToolTip(
      tr("Add a model exported from another project as a run of this one, to stage its images"));
  importModelAct_->setStatusTip(importModelAct_->toolTip());
  connect(importModelAct_, &QAction::triggered, this, [this] { importModelDialog(); });
  connect(window_, &MainWindow::projectChanged, this, [this] {
    const Project* p = window_->project();
    exportModelAct_->setEnabled(p != nullptr);
    importModelAct_->setEnabled(p != nullptr && !p->readOnly());
  });
  exportModelAct_->setEnabled(false);
  importModelAct_->setEnabled(false);
  connect(exportTask_, &BackgroundTask::finished, this, [this](const QVariant& file) {
    window_->statusBar()->showMessage(tr("The model was exported to %1.").arg(file.toString()),
                                      8000);
  });
  connect(exportTask_, &BackgroundTask::failed, this, [this](const QString& message) {
    QMessageBox::warning(window_, tr("Export Model"),
                         tr("The model was not exported: %1").arg(message));
  });
  connect(importTask_, &BackgroundTask::finished, this, [this](const QVariant& result) {
    const QVariantList r = result.toList();
    const qint64 run = r.value(0).toLongLong();
    window_->refreshRuns();
    runs_->reload();
    runs_->selectRuns({run});
    if (!r.value(1).toBool()) {
      QMessageBox::information(window_, tr("Import Model"),
                               tr("This model is already in the project as run #%1; nothing "
                                  "was added.")
                                   .arg(run));
      return;
    }
    window_->statusBar()->showMessage(tr("The model was imported as run #%1.").arg(run), 8000);
    if (QMessageBox::question(window_, tr("Import Model"),
                              tr("The model was imported as run #%1 (%2). Predict the stage of "
                                 "every image with it now?")
                                  .arg(run)
                                  .arg(r.value(2).toString())) == QMessageBox::Yes)
      predictAll();  // with the run just selected
  });
  connect(importTask_, &BackgroundTask::failed, this, [this](const QString& message) {
    QMessageBox::warning(
        window_, tr("Import Model"),
        tr("The model was not imported; the project is unchanged: %1").arg(message));
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
  train->addSeparator();
  train->addAction(importModelAct_);
  train->addAction(exportModelAct_);
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
  exportTask_->cancelAndWait();
  importTask_->cancelAndWait();  // an import not yet committed is rolled back
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
  if (!predict_->start(window_->projectFile(), run, Preferences::load().rangeConstraint))
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

void RunsWorkspace::exportModelDialog() {
  if (!window_->project()) return;
  const auto selected = runs_->selectedRunIds();
  const qint64 run = !selected.empty() ? selected.front() : window_->imageModel()->runId();
  if (run == 0) {
    QMessageBox::information(window_, tr("Export Model"),
                             tr("Select a finished run under Runs and Evaluation first."));
    return;
  }
  const QFileInfo project(window_->projectFile());
  const QString suggested = project.absolutePath() + QLatin1Char('/') + project.completeBaseName() +
                            QStringLiteral("-run%1").arg(run) +
                            QString::fromLatin1(kModelPackageExtension);
  QString file = QFileDialog::getSaveFileName(window_, tr("Export Model"), suggested,
                                              tr("FlyStage models (*.flystage-model)"));
  if (file.isEmpty()) return;
  if (!file.endsWith(QString::fromLatin1(kModelPackageExtension)))
    file += QString::fromLatin1(kModelPackageExtension);
  exportModel(run, file);
}

void RunsWorkspace::importModelDialog() {
  if (!window_->project() || window_->project()->readOnly()) return;
  const QString file = QFileDialog::getOpenFileName(
      window_, tr("Import Model"), QFileInfo(window_->projectFile()).absolutePath(),
      tr("FlyStage models (*.flystage-model);;All files (*)"));
  if (!file.isEmpty()) importModel(file);
}

void RunsWorkspace::exportModel(qint64 runId, const QString& file) {
  const std::string project = window_->projectFile().toStdString();
  const std::string out = file.toStdString();
  exportTask_->start([project, runId, out, file](TaskContext&) {
    Project p = Project::open(project, OpenMode::ReadOnly);
    flystage::exportModel(p, runId, out);
    return QVariant(file);
  });
}

void RunsWorkspace::importModel(const QString& file) {
  const std::string project = window_->projectFile().toStdString();
  const std::string modelFile = file.toStdString();
  importTask_->start([project, modelFile](TaskContext& context) {
    // Checked in full before the project is opened for writing.
    const ModelPackage package = readModelPackageFile(modelFile);
    Project p = Project::open(project, OpenMode::Existing);
    const BusyWait wait(p, context.cancelToken());  // an import of images may hold the lock
    const auto imported =
        flystage::importModel(p, package, std::filesystem::path(modelFile).filename().string());
    return QVariant(QVariantList{QVariant(static_cast<qlonglong>(imported.runId)),
                                 QVariant(imported.added),
                                 QString::fromStdString(importedMethodName(package.method))});
  });
}

}  // namespace flystage::ui
