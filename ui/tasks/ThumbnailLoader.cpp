#include "ThumbnailLoader.h"

#include <QThread>

#include <algorithm>
#include <deque>
#include <mutex>
#include <unordered_set>

#include <opencv2/imgproc.hpp>

#include "BackgroundTask.h"
#include "store/Project.h"

namespace flystage::ui {

struct ThumbnailLoader::Shared {
  mutable std::mutex mutex;
  std::deque<qint64> queue;            // front: the newest request
  std::unordered_set<qint64> pending;  // queued or being decoded
  std::string file;
  QSize size{160, 64};
  int generation = 0;  // bumped by setProjectFile: results of the old project are dropped
  bool stopping = false;
};

namespace {

// One decoded thumbnail, handed back as a decoder's progress.
struct Thumbnail {
  int generation = 0;
  qint64 id = 0;
  QImage image;
};

}  // namespace

namespace {

QImage decodeThumbnail(Project& project, qint64 id, QSize size) {
  const cv::Mat bgr = project.standardizedImage(id);
  cv::Mat small = bgr;
  if (bgr.cols != size.width() || bgr.rows != size.height())
    cv::resize(bgr, small, cv::Size(size.width(), size.height()), 0, 0, cv::INTER_AREA);
  const QImage image(small.data, small.cols, small.rows, static_cast<int>(small.step),
                     QImage::Format_BGR888);
  return image.copy();  // `small` dies with this scope
}

}  // namespace

ThumbnailLoader::ThumbnailLoader(QObject* parent)
    : QObject(parent), shared_(std::make_shared<Shared>()) {
  // Two decoders keep up with scrolling and leave the other cores to training.
  const int decoders = std::clamp(QThread::idealThreadCount() / 2, 1, 4);
  for (int i = 0; i < decoders; ++i) {
    auto* task = new BackgroundTask(this);
    connect(task, &BackgroundTask::progress, this, [this](const QVariant& value) {
      const auto t = value.value<Thumbnail>();
      deliver(t.generation, t.id, t.image);
    });
    // A decoder stops when it finds the queue empty; a request queued just then is served
    // by starting it again.
    connect(task, &BackgroundTask::finished, this, &ThumbnailLoader::startWorkers);
    decoders_.push_back(task);
  }
}

ThumbnailLoader::~ThumbnailLoader() {
  {
    std::lock_guard lock(shared_->mutex);
    shared_->stopping = true;
    shared_->queue.clear();
  }
  for (BackgroundTask* task : decoders_) task->cancelAndWait();
}

void ThumbnailLoader::setProjectFile(const QString& file) {
  std::lock_guard lock(shared_->mutex);
  shared_->file = file.toStdString();
  ++shared_->generation;
  shared_->queue.clear();
  shared_->pending.clear();
}

void ThumbnailLoader::setPixelSize(QSize size) {
  std::lock_guard lock(shared_->mutex);
  shared_->size = size;
}

QSize ThumbnailLoader::pixelSize() const {
  std::lock_guard lock(shared_->mutex);
  return shared_->size;
}

void ThumbnailLoader::request(qint64 imageId) {
  {
    std::lock_guard lock(shared_->mutex);
    if (shared_->file.empty() || shared_->stopping) return;
    auto& q = shared_->queue;
    if (!shared_->pending.insert(imageId).second) {
      // Queued: move it to the front. Being decoded (not in the queue): leave it.
      const auto it = std::find(q.begin(), q.end(), imageId);
      if (it == q.end() || it == q.begin()) return;
      q.erase(it);
    }
    q.push_front(imageId);
    while (static_cast<int>(q.size()) > kMaxPending) {
      shared_->pending.erase(q.back());
      q.pop_back();
    }
  }
  startWorkers();
}

bool ThumbnailLoader::isPending(qint64 imageId) const {
  std::lock_guard lock(shared_->mutex);
  return shared_->pending.count(imageId) > 0;
}

int ThumbnailLoader::pendingCount() const {
  std::lock_guard lock(shared_->mutex);
  return static_cast<int>(shared_->pending.size());
}

void ThumbnailLoader::waitForIdle() {
  for (BackgroundTask* task : decoders_) task->wait();
}

void ThumbnailLoader::startWorkers() {
  int queued = 0;
  {
    std::lock_guard lock(shared_->mutex);
    if (!shared_->stopping) queued = static_cast<int>(shared_->queue.size());
  }
  for (BackgroundTask* task : decoders_) {
    if (queued == 0) return;
    if (task->isRunning()) continue;
    --queued;
    std::shared_ptr<Shared> shared = shared_;
    task->start([shared](TaskContext& context) {
      std::unique_ptr<Project> project;  // this decoder's own read-only connection
      int openGeneration = -1;
      for (;;) {
        qint64 id = 0;
        int generation = 0;
        std::string file;
        QSize size;
        {
          std::lock_guard lock(shared->mutex);
          if (shared->stopping || shared->queue.empty() || context.cancelled()) return QVariant();
          id = shared->queue.front();
          shared->queue.pop_front();
          generation = shared->generation;
          file = shared->file;
          size = shared->size;
        }
        if (generation != openGeneration) {  // another project since the last image
          project.reset();
          openGeneration = generation;
          try {
            project = std::make_unique<Project>(Project::open(file, OpenMode::ReadOnly));
          } catch (const std::exception&) {
            // Every image of this project comes back null: the view shows "unavailable".
          }
        }
        QImage image;  // null: unreadable (a damaged row, or the project did not open)
        if (project) {
          try {
            image = decodeThumbnail(*project, id, size);
          } catch (const std::exception&) {
          }
        }
        context.progress(QVariant::fromValue(Thumbnail{generation, id, image}));
      }
    });
  }
}

void ThumbnailLoader::deliver(int generation, qint64 imageId, const QImage& image) {
  {
    std::lock_guard lock(shared_->mutex);
    if (generation != shared_->generation) return;
    shared_->pending.erase(imageId);
  }
  Q_EMIT loaded(imageId, image);
}

}  // namespace flystage::ui
