#pragma once

#include <QImage>
#include <QObject>
#include <QSize>
#include <QString>

#include <memory>
#include <vector>

namespace flystage::ui {

class BackgroundTask;

// Decodes standardized images into thumbnails on worker threads, so scrolling through
// 40 000 images never waits for a PNG decode. A few BackgroundTasks (the decoders) each open
// their own read-only connection to the project (SQLite connections are not shared between
// threads) and serve queued requests until the queue is empty, handing each thumbnail back
// as progress. The newest requests go first: they are the
// rows on screen now; the oldest are dropped beyond kMaxPending (the view asks again when
// they come back on screen).
class ThumbnailLoader : public QObject {
  Q_OBJECT

 public:
  static constexpr int kMaxPending = 512;

  explicit ThumbnailLoader(QObject* parent = nullptr);
  ~ThumbnailLoader() override;  // stops the workers and waits for them

  // The project to read from (empty: none). Forgets every pending request.
  void setProjectFile(const QString& file);
  // Thumbnail size in device pixels (the image is resized with area averaging).
  void setPixelSize(QSize size);
  QSize pixelSize() const;

  // Queues one image; a repeated request for a queued image only moves it to the front.
  void request(qint64 imageId);
  bool isPending(qint64 imageId) const;
  int pendingCount() const;
  // Blocks until the decoders are idle (tests, shutdown); what they decoded is delivered by
  // the event loop.
  void waitForIdle();

 Q_SIGNALS:
  // On the loader's thread. A null image: the pixels could not be read.
  void loaded(qint64 imageId, const QImage& image);

 private:
  struct Shared;
  void startWorkers();
  void deliver(int generation, qint64 imageId, const QImage& image);

  std::shared_ptr<Shared> shared_;
  std::vector<BackgroundTask*> decoders_;  // children; a few, so a few decodes at once
};

}  // namespace flystage::ui
