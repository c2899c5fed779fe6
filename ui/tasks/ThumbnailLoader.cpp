#include "ThumbnailLoader.h"

#include <QMetaObject>
#include <QThread>

#include <algorithm>
#include <deque>
#include <mutex>
#include <unordered_set>

#include <opencv2/imgproc.hpp>

#include "store/Project.h"

namespace flystage::ui {

struct ThumbnailLoader::Shared {
  mutable std::mutex mutex;
  std::deque<qint64> queue;            // front: the newest request
  std::unordered_set<qint64> pending;  // queued or being decoded
  std::string file;
  QSize size{160, 64};
  int generation = 0;  // bumped by setProjectFile: results of the old project are dropped
  int workers = 0;
  int maxWorkers = 2;
  bool stopping = false;
};

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
  shared_->maxWorkers = std::clamp(QThread::idealThreadCount() / 2, 1, 4);
  pool_.setMaxThreadCount(shared_->maxWorkers);
}

ThumbnailLoader::~ThumbnailLoader() {
  {
    std::lock_guard lock(shared_->mutex);
    shared_->stopping = true;
    shared_->queue.clear();
  }
  pool_.waitForDone();
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
  pool_.waitForDone();
}

void ThumbnailLoader::startWorkers() {
  std::shared_ptr<Shared> shared = shared_;
  int toStart = 0;
  {
    std::lock_guard lock(shared->mutex);
    toStart =
        std::min(shared->maxWorkers - shared->workers, static_cast<int>(shared->queue.size()));
    toStart = std::max(0, toStart);
    shared->workers += toStart;
  }
  // The pool is waited for in the destructor, so `self` outlives every worker; a queued call
  // still in the event queue when the loader is deleted is dropped by Qt.
  ThumbnailLoader* self = this;
  for (int i = 0; i < toStart; ++i) {
    pool_.start([shared, self] {
      std::unique_ptr<Project> project;  // this worker's own read-only connection
      int openGeneration = -1;
      for (;;) {
        qint64 id = 0;
        int generation = 0;
        std::string file;
        QSize size;
        {
          std::lock_guard lock(shared->mutex);
          if (shared->stopping || shared->queue.empty()) {
            --shared->workers;
            return;
          }
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
        QMetaObject::invokeMethod(
            self, [self, generation, id, image] { self->deliver(generation, id, image); },
            Qt::QueuedConnection);
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
