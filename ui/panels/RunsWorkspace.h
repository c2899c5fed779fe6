#pragma once

#include <QCoreApplication>
#include <QObject>

class QAction;

namespace flystage::ui {

class BackgroundTask;
class GemPanel;
class MainWindow;
class PredictController;
class RunsPanel;
class SaliencyController;
class TrainingPanel;

// What the main window shows of a project's runs: the training, runs-and-evaluation and
// expression-map panels (docked), Predict All Images and the Train menu, and the saliency
// of the image shown for the run the browser shows. A finished run or prediction brings its
// predictions into the browser. Its texts keep the main window's translation context.
class RunsWorkspace : public QObject {
  Q_DECLARE_TR_FUNCTIONS(flystage::ui::MainWindow)

 public:
  explicit RunsWorkspace(MainWindow* window);

  TrainingPanel* training() const { return training_; }
  RunsPanel* runs() const { return runs_; }
  GemPanel* gems() const { return gems_; }
  PredictController* predict() const { return predict_; }
  QAction* predictAction() const { return predictAct_; }

  // Predicts every image with the selected run (or the browser's) and stores the predictions.
  void predictAll();
  // Shows a run's predictions in the browser, its evaluation and its GEMs.
  void showRun(qint64 runId);
  // Before the project closes: training, saliency and prediction end (a run stays resumable).
  void cancelAndWait();

  // Train > Export Model…: the selected finished run's model to a file the user names.
  // Train > Import Model…: a model file added as a run, then offered for Predict All. Both run
  // off the GUI thread (a model of the largest preset is about 45 MB); a refusal is shown in a
  // message box and changes nothing.
  void exportModelDialog();
  void importModelDialog();
  // The same without the file dialogs (tests): the work starts and returns at once.
  void exportModel(qint64 runId, const QString& file);
  void importModel(const QString& file);
  BackgroundTask* exportTask() const { return exportTask_; }
  BackgroundTask* importTask() const { return importTask_; }
  QAction* exportModelAction() const { return exportModelAct_; }
  QAction* importModelAction() const { return importModelAct_; }

 private:
  MainWindow* window_;
  TrainingPanel* training_ = nullptr;
  RunsPanel* runs_ = nullptr;
  GemPanel* gems_ = nullptr;
  SaliencyController* saliency_ = nullptr;
  PredictController* predict_ = nullptr;
  QAction* predictAct_ = nullptr;
  BackgroundTask* exportTask_ = nullptr;  // writes a model file
  BackgroundTask* importTask_ = nullptr;  // adds a model file to the project
  QAction* exportModelAct_ = nullptr;
  QAction* importModelAct_ = nullptr;
};

}  // namespace flystage::ui
