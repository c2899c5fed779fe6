#include "LabelMenu.h"

#include <QAction>
#include <QStatusBar>

#include "FilterBar.h"
#include "ImageBrowser.h"
#include "ImageFilterModel.h"
#include "ImageTableModel.h"
#include "Labeller.h"
#include "Plural.h"
#include "Preferences.h"
#include "store/RunStore.h"

namespace flystage::ui {

LabelMenu::LabelMenu(ImageBrowser* browser, ImageTableModel* model, Labeller* labeller,
                     std::function<Project*()> project, QStatusBar* status, QWidget* parent)
    : QMenu(tr("&Label"), parent),
      browser_(browser),
      model_(model),
      labeller_(labeller),
      project_(std::move(project)),
      status_(status) {
  for (const LabelKey& key : labelKeys()) {
    auto* a = new QAction(key.text, this);
    a->setObjectName(key.objectName);
    a->setShortcuts(key.keys);
    QStringList keys;
    for (const auto& k : key.keys) keys << k.toString(QKeySequence::NativeText);
    QString what = key.text;
    what.remove(QLatin1Char('&'));
    a->setToolTip(tr("%1 for the selected images (%2)").arg(what, keys.join(tr(" or "))));
    a->setStatusTip(a->toolTip());
    connect(a, &QAction::triggered, this, [this, key] { labelSelected(key); });
    labelActions_ << a;
  }

  nextAct_ = new QAction(tr("&Next Image"), this);
  nextAct_->setObjectName(QStringLiteral("actionNextImage"));
  nextAct_->setShortcuts(nextImageKeys());
  nextAct_->setStatusTip(tr("Select the next image in the browser's order"));
  connect(nextAct_, &QAction::triggered, this, [this] { browser_->selectNext(); });
  previousAct_ = new QAction(tr("&Previous Image"), this);
  previousAct_->setObjectName(QStringLiteral("actionPreviousImage"));
  previousAct_->setShortcuts(previousImageKeys());
  previousAct_->setStatusTip(tr("Select the previous image in the browser's order"));
  connect(previousAct_, &QAction::triggered, this, [this] { browser_->selectPrevious(); });

  advanceAct_ = new QAction(tr("Ad&vance After Labelling"), this);
  advanceAct_->setObjectName(QStringLiteral("actionAdvance"));
  advanceAct_->setCheckable(true);
  advanceAct_->setChecked(Preferences::advanceAfterLabelling());
  advanceAct_->setStatusTip(tr("Select the next image after each label"));
  connect(advanceAct_, &QAction::toggled, this, &Preferences::setAdvanceAfterLabelling);

  queueAct_ = new QAction(tr("&Label-Next Queue"), this);
  queueAct_->setObjectName(QStringLiteral("actionLabelQueue"));
  queueAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
  queueAct_->setCheckable(true);
  queueAct_->setStatusTip(
      tr("Show the images to label next, least confident first, from the "
         "chosen run's predictions (Ctrl+L)"));
  connect(queueAct_, &QAction::triggered, this, [this] { toggleQueue(); });

  setObjectName(QStringLiteral("labelMenu"));
  setToolTipsVisible(true);
  QMenu* stages = addMenu(tr("&Stage"));
  QMenu* ranges = addMenu(tr("&Range"));
  for (int i = 0; i < labelActions_.size(); ++i) {
    const LabelKey::Kind kind = labelKeys().at(i).kind;
    if (kind == LabelKey::Kind::Stage)
      stages->addAction(labelActions_[i]);
    else if (kind == LabelKey::Kind::Range)
      ranges->addAction(labelActions_[i]);
    else
      addAction(labelActions_[i]);
  }
  addSeparator();
  addAction(nextAct_);
  addAction(previousAct_);
  addAction(advanceAct_);
  addSeparator();
  addAction(queueAct_);

  connect(browser_, &ImageBrowser::filterChanged, this,
          [this](const ImageFilter& f) { queueAct_->setChecked(f.queue.has_value()); });
}

void LabelMenu::setImagesAvailable(bool images) {
  for (QAction* a : labelActions_) a->setEnabled(images);
  for (QAction* a : {nextAct_, previousAct_, queueAct_}) a->setEnabled(images);
}

void LabelMenu::toggleQueue() {
  ImageFilter f = browser_->filter();
  if (f.queue) {
    f.queue.reset();
    browser_->setFilter(f);
    return;
  }
  if (f.runId == 0 && project_()) {  // no run chosen: the newest one
    const auto runs = runstore::runs(*project_());
    if (!runs.empty()) f.runId = runs.back().id;
  }
  if (f.runId == 0) {
    queueAct_->setChecked(false);
    status_->showMessage(tr("The label-next queue ranks a run's predictions: train a model "
                            "and store its predictions first."),
                         10000);
    return;
  }
  f.queue = QueueStrategy::LeastConfident;
  browser_->setFilter(f);
  browser_->filterBar()->setDetailsVisible(true);
  if (model_->hasQueue()) {
    browser_->selectRow(0);
    status_->showMessage(
        plural(tr("Label next: %n image(s), least confident first", nullptr, model_->queueSize()),
               model_->queueSize()),
        8000);
  }
}

bool LabelMenu::labelSelected(const LabelKey& key) {
  if (!project_()) return false;
  const QList<qint64> ids = browser_->selectedImageIds();
  const LabelKeyAction action = labelKeyAction(key, ids, [this](qint64 id) -> std::optional<int> {
    const StoredPrediction* p = model_->prediction(model_->rowOfImage(id));
    return p ? std::optional<int>(p->stage) : std::nullopt;
  });
  if (!action.refused.isEmpty()) {
    status_->showMessage(action.refused, ids.isEmpty() ? 5000 : 8000);
    return false;
  }
  // The image after the selection, found before labelling: the label may take the labelled
  // images out of the filter.
  const int lastRow = browser_->proxy()->rowOfImage(ids.back());
  const qint64 nextId = browser_->proxy()->imageIdAt(lastRow + 1);
  const Labeller::Outcome outcome = labeller_->apply(action.changes, action.description);
  if (outcome == Labeller::Outcome::Failed) return false;  // stay: the image is still to do
  const bool changed = outcome == Labeller::Outcome::Changed;
  if (changed) status_->showMessage(action.description, 5000);
  if (advanceAct_->isChecked() && nextId != 0 && !browser_->selectImage(nextId))
    browser_->selectRow(std::min(lastRow, browser_->proxy()->rowCount() - 1));
  return changed;
}

}  // namespace flystage::ui
