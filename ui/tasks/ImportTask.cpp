#include "ImportTask.h"

#include "BackgroundTask.h"
#include "data/BdgpDump.h"
#include "data/LabelsCsv.h"
#include "importer/ImportPlan.h"
#include "store/Project.h"

namespace flystage::ui {

namespace {

std::filesystem::path toPath(const QString& s) {
  return std::filesystem::path(s.toStdString());
}

ImportPlan planFor(const ImportRequest& r) {
  switch (r.kind) {
    case ImportRequest::Kind::LabelsCsv:
      return parseLabelsCsv(toPath(r.source));
    case ImportRequest::Kind::BdgpDump:
      return parseBdgpDump(toPath(r.source), toPath(r.imagesRoot));
    case ImportRequest::Kind::Folder:
      break;
  }
  return planFolder(toPath(r.source));
}

}  // namespace

ImportTask::ImportTask(QObject* parent) : QObject(parent), task_(new BackgroundTask(this)) {
  qRegisterMetaType<ImportOutcome>();
  connect(task_, &BackgroundTask::progress, this, [this](const QVariant& value) {
    const auto e = value.value<ProgressEvent>();
    Q_EMIT progress(static_cast<int>(e.done), static_cast<int>(e.total),
                    QString::fromStdString(e.detail));
  });
  connect(task_, &BackgroundTask::finished, this,
          [this](const QVariant& result) { Q_EMIT finished(result.value<ImportOutcome>()); });
  // run() turns a cancel and an error into its outcome; these are for anything else.
  connect(task_, &BackgroundTask::failed, this, [this](const QString& message) {
    ImportOutcome outcome;
    outcome.request = request_;
    outcome.source = request_.source;
    outcome.error = message;
    Q_EMIT finished(outcome);
  });
  connect(task_, &BackgroundTask::cancelled, this, [this] {
    ImportOutcome outcome;
    outcome.request = request_;
    outcome.source = request_.source;
    outcome.cancelled = true;
    Q_EMIT finished(outcome);
  });
}

ImportTask::~ImportTask() {
  task_->cancelAndWait();
}

bool ImportTask::isRunning() const {
  return task_->isRunning();
}

bool ImportTask::start(const ImportRequest& request) {
  if (isRunning()) return false;
  request_ = request;
  task_->start([request](TaskContext& context) {
    return QVariant::fromValue(run(
        request, [&context](const ProgressEvent& e) { context.progress(e); },
        context.cancelToken()));
  });
  return true;
}

void ImportTask::cancel() {
  task_->cancel();
}

void ImportTask::cancelAndWait() {
  // runImport stops within an item and rolls back; the outcome is dropped.
  task_->cancelAndWait();
}

ImportOutcome ImportTask::run(const ImportRequest& request, const ProgressFn& progress,
                              const CancelToken* cancel) {
  ImportOutcome outcome;
  outcome.request = request;
  outcome.source = request.source;
  try {
    const ImportPlan plan = planFor(request);
    outcome.source = QString::fromStdString(plan.source);
    // This thread's own connection: the GUI thread keeps reading through its own one.
    Project project = Project::open(toPath(request.projectFile), OpenMode::Existing);
    ImportOptions options;
    options.skipBad = request.skipBad;
    outcome.report = runImport(project, plan, options, progress, cancel);
  } catch (const Cancelled&) {
    outcome.cancelled = true;
  } catch (const std::exception& e) {
    outcome.error = QString::fromStdString(e.what());
  }
  return outcome;
}

}  // namespace flystage::ui
