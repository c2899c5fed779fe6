#include "OrientationRow.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>
#include <QVariant>

#include <string>

#include "BackgroundTask.h"
#include "store/Project.h"

namespace flystage::ui {

namespace {

int percent(double confidence) {
  return qRound(confidence * 100);
}

}  // namespace

OrientationRow::OrientationRow(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("orientationRow"));
  task_ = new BackgroundTask(this);
  connect(task_, &BackgroundTask::finished, this,
          [this](const QVariant& id) { onStored(id.toLongLong()); });
  connect(task_, &BackgroundTask::failed, this, &OrientationRow::onFailed);

  text_ = new QLabel(this);
  text_->setObjectName(QStringLiteral("orientationText"));
  text_->setTextFormat(Qt::PlainText);
  text_->setWordWrap(true);
  text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  text_->setToolTip(
      tr("How the standardizer oriented this image: anterior left and dorsal up where the "
         "embryo's shape made that clear (a flip needs 50% confidence)"));

  auto button = [this](const QString& name, const QString& text, const QString& tip) {
    auto* b = new QToolButton(this);
    b->setObjectName(name);
    b->setText(text);
    b->setAccessibleName(text);
    b->setToolTip(tip);
    b->setCheckable(true);
    b->setAutoRaise(true);
    return b;
  };
  undoFlip_ = button(QStringLiteral("undoAutoFlipButton"), tr("Undo automatic flip"),
                     tr("Show this image as it came, without the automatic flip (stored in the "
                        "project; press again to flip it back)"));
  flipAp_ = button(QStringLiteral("flipApButton"), tr("Flip A-P"),
                   tr("Swap anterior and posterior of this image (stored in the project)"));
  flipDv_ = button(QStringLiteral("flipDvButton"), tr("Flip D-V"),
                   tr("Swap dorsal and ventral of this image (stored in the project)"));
  // A button's new state is the fix asked for; the buttons show the stored one again until
  // the write has ended.
  connect(undoFlip_, &QToolButton::clicked, this,
          [this](bool on) { storeFix(on ? stored_.asImported() : OrientationOverride{}); });
  connect(flipAp_, &QToolButton::clicked, this, [this](bool on) {
    storeFix({on, stored_.fix.flipVertical});
  });
  connect(flipDv_, &QToolButton::clicked, this, [this](bool on) {
    storeFix({stored_.fix.flipHorizontal, on});
  });

  noteLabel_ = new QLabel(this);
  noteLabel_->setObjectName(QStringLiteral("orientationNote"));
  noteLabel_->setTextFormat(Qt::PlainText);
  noteLabel_->setWordWrap(true);
  noteLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* line = new QHBoxLayout;
  line->setSpacing(4);
  line->addWidget(text_, 1);
  line->addWidget(undoFlip_);
  line->addWidget(flipAp_);
  line->addWidget(flipDv_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  layout->addLayout(line);
  layout->addWidget(noteLabel_);
  refresh();
}

OrientationRow::~OrientationRow() {
  task_->cancelAndWait();
}

void OrientationRow::setProject(Project* project) {
  project_ = project;
  // A write still going was for the previous project: it finishes there, unreported.
  task_->discard();
  showImage(0);
}

void OrientationRow::showImage(qint64 imageId) {
  if (imageId != imageId_) note_.clear();
  imageId_ = project_ ? imageId : 0;
  known_ = false;
  stored_ = {};
  if (imageId_ != 0) {
    try {
      stored_ = storedOrientation(*project_, imageId_);
      known_ = true;
    } catch (const std::exception&) {
      // No standardized row: the image view says so where the picture would be.
    }
  }
  refresh();
}

void OrientationRow::storeFix(const OrientationOverride& fix) {
  if (!project_ || !known_ || task_->isRunning() || project_->readOnly()) {
    refresh();
    return;
  }
  const std::string file = project_->file().string();
  const qint64 imageId = imageId_;
  task_->start([file, imageId, fix](TaskContext&) {
    // Its own connection: the GUI's stays free, and a busy project waits here, not there.
    Project project = Project::open(file, OpenMode::Existing);
    setOrientationOverride(project, imageId, fix);
    return QVariant(imageId);
  });
  note_ = tr("Storing the orientation…");
  refresh();
}

void OrientationRow::onStored(qint64 imageId) {
  if (imageId == imageId_) {
    showImage(imageId_);
    note_ = tr("Stored. Predict again for this image: its prediction was made on the old pixels.");
  }
  refresh();  // the buttons were off while it was stored, whichever image is shown now
  Q_EMIT orientationChanged(imageId);
}

void OrientationRow::onFailed(const QString& message) {
  note_ = tr("The orientation was not stored: %1").arg(message);
  refresh();
}

bool OrientationRow::autoFlipUndone() const {
  return known_ && stored_.autoFlipped() && stored_.fix.flipHorizontal == stored_.autoFlipH &&
         stored_.fix.flipVertical == stored_.autoFlipV;
}

bool OrientationRow::isSaving() const {
  return task_->isRunning();
}

void OrientationRow::waitForWrite() {
  task_->wait();
}

QString OrientationRow::text() const {
  return text_->text();
}

QString OrientationRow::note() const {
  return note_;
}

void OrientationRow::refresh() {
  const bool show = project_ && imageId_ != 0;
  setVisible(show);
  QStringList parts;
  unsure_ = false;
  if (known_) {
    const StoredOrientation& s = stored_;
    const int ap = percent(s.apConfidence), dv = percent(s.dvConfidence);
    if (s.passthrough)
      parts << tr("Passed through as a standardized crop, never flipped automatically "
                  "(cues: A-P %1%, D-V %2%)")
                   .arg(ap)
                   .arg(dv);
    else if (s.autoFlipH && s.autoFlipV)
      parts << tr("Flipped anterior-posterior and dorsal-ventral automatically (confidence: "
                  "A-P %1%, D-V %2%)")
                   .arg(ap)
                   .arg(dv);
    else if (s.autoFlipH)
      parts << tr("Flipped anterior-posterior automatically (confidence: A-P %1%, D-V %2%)")
                   .arg(ap)
                   .arg(dv);
    else if (s.autoFlipV)
      parts << tr("Flipped dorsal-ventral automatically (confidence: A-P %1%, D-V %2%)")
                   .arg(ap)
                   .arg(dv);
    else
      parts << tr("Not flipped automatically (confidence: A-P %1%, D-V %2%)").arg(ap).arg(dv);
    const bool undone = autoFlipUndone();
    unsure_ = !undone && ((s.autoFlipH && s.apConfidence < kSureFlip) ||
                          (s.autoFlipV && s.dvConfidence < kSureFlip));
    if (undone)
      parts << tr("automatic flip undone: shown as imported");
    else if (unsure_)
      parts << tr("unsure: check it");
    if (!undone && (s.fix.flipHorizontal || s.fix.flipVertical))
      parts << (s.fix.flipHorizontal && s.fix.flipVertical ? tr("flipped by hand: A-P and D-V")
                : s.fix.flipHorizontal                     ? tr("flipped by hand: A-P")
                                                           : tr("flipped by hand: D-V"));
  }
  text_->setText(parts.join(QStringLiteral(" · ")));
  noteLabel_->setText(note_);
  noteLabel_->setVisible(!note_.isEmpty());
  QFont font = text_->font();
  font.setBold(unsure_);
  text_->setFont(font);

  const bool readOnly = project_ && project_->readOnly();
  const bool canWrite = known_ && !readOnly && !task_->isRunning();
  for (QToolButton* b : {undoFlip_, flipAp_, flipDv_}) {
    const QSignalBlocker block(b);
    b->setEnabled(canWrite);
  }
  {
    const QSignalBlocker a(undoFlip_), h(flipAp_), v(flipDv_);
    undoFlip_->setVisible(known_ && stored_.autoFlipped());
    undoFlip_->setChecked(autoFlipUndone());
    flipAp_->setChecked(known_ && stored_.fix.flipHorizontal);
    flipDv_->setChecked(known_ && stored_.fix.flipVertical);
  }
  if (readOnly)
    setToolTip(tr("The project is open read-only: the orientation cannot be changed"));
  else
    setToolTip(QString());
}

}  // namespace flystage::ui
