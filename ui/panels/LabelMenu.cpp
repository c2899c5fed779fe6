#include "LabelMenu.h"

#include <QAction>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

#include <algorithm>

#include "FilterBar.h"
#include "ImageBrowser.h"
#include "ImageFilterModel.h"
#include "ImageTableModel.h"
#include "Labeller.h"
#include "Plural.h"
#include "Preferences.h"
#include "store/RunStore.h"

namespace flystage::ui {

namespace {

QString sourceText(LabelSource source) {
  switch (source) {
    case LabelSource::Import:
      return LabelMenu::tr("from the import");
    case LabelSource::Model:
      return LabelMenu::tr("from an accepted prediction");
    case LabelSource::User:
      break;
  }
  return LabelMenu::tr("set by hand");
}

// "the range 9-10", "stage 12 (11-12)"
QString labelText(const Label& l) {
  const QString range = QString::fromStdString(l.range->name());
  return l.stage ? LabelMenu::tr("stage %1 (%2)").arg(*l.stage).arg(range)
                 : LabelMenu::tr("the range %1").arg(range);
}

QString proposedRange(const RangeConflict& c) {
  return QString::fromStdString(c.proposed.range->name());
}

}  // namespace

LabelMenu::LabelMenu(ImageBrowser* browser, ImageTableModel* model, Labeller* labeller,
                     std::function<Project*()> project, QStatusBar* status, QWidget* parent)
    : QMenu(tr("&Label"), parent),
      browser_(browser),
      model_(model),
      labeller_(labeller),
      project_(std::move(project)),
      status_(status) {
  askConflicts_ = [this](const std::vector<RangeConflict>& conflicts, int images) {
    return askAboutConflicts(conflicts, images);
  };
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

LabelMenu::ConflictAnswer LabelMenu::askAboutConflicts(const std::vector<RangeConflict>& conflicts,
                                                       int images) {
  const int n = static_cast<int>(conflicts.size());
  QMessageBox box(QMessageBox::Question,
                  n == 1 ? tr("Replace the Stage Range?") : tr("Replace the Stage Ranges?"),
                  QString(), QMessageBox::NoButton,
                  parentWidget() ? parentWidget()->window() : nullptr);
  box.setObjectName(QStringLiteral("labelConflictQuestion"));
  if (images == 1) {
    const RangeConflict& c = conflicts.front();
    box.setText(tr("Image #%1 has %2, %3. Stage %4 lies outside that range: labelling it "
                   "replaces the range with %5.")
                    .arg(c.imageId)
                    .arg(labelText(c.current), sourceText(c.current.source))
                    .arg(*c.proposed.stage)
                    .arg(proposedRange(c)));
    box.setInformativeText(tr("The old range stays in the label history: Undo restores it."));
  } else {
    box.setText(plural(tr("%n of the %1 images would get a stage outside their range, which "
                          "replaces it:",
                          nullptr, n),
                       n)
                    .arg(images));
    // The first ten: a long list would not fit on the screen.
    constexpr int kListed = 10;
    QStringList lines;
    for (int i = 0; i < std::min(n, kListed); ++i) {
      const RangeConflict& c = conflicts[static_cast<std::size_t>(i)];
      lines << tr("#%1: %2, %3 → stage %4 (%5)")
                   .arg(c.imageId)
                   .arg(labelText(c.current), sourceText(c.current.source))
                   .arg(*c.proposed.stage)
                   .arg(proposedRange(c));
    }
    if (n > kListed) lines << plural(tr("and %n more", nullptr, n - kListed), n - kListed);
    lines << QString() << tr("The old ranges stay in the label history: Undo restores them.");
    box.setInformativeText(lines.join(QLatin1Char('\n')));
  }
  QPushButton* replace = box.addButton(
      n == 1 ? tr("&Replace the Range") : tr("&Replace the Ranges"), QMessageBox::AcceptRole);
  replace->setObjectName(QStringLiteral("replaceRangesButton"));
  QPushButton* inside = nullptr;
  const int insideCount = images - n;
  if (images > 1 && insideCount > 0) {
    inside = box.addButton(
        plural(tr("&Label Only the %n Image(s) Inside Their Range", nullptr, insideCount),
               insideCount),
        QMessageBox::AcceptRole);
    inside->setObjectName(QStringLiteral("labelInsideOnlyButton"));
  }
  QPushButton* keep = box.addButton(QMessageBox::Cancel);
  keep->setObjectName(QStringLiteral("keepRangesButton"));
  box.setDefaultButton(keep);  // a quick Enter keeps the curator's range
  box.setEscapeButton(keep);
  box.exec();
  if (box.clickedButton() == replace) return ConflictAnswer::ReplaceRanges;
  if (inside && box.clickedButton() == inside) return ConflictAnswer::OnlyInsideTheirRange;
  return ConflictAnswer::Cancel;
}

bool LabelMenu::confirmRangeChanges(const LabelKey& key, const PredictedStage& predicted,
                                    LabelKeyAction& action) {
  std::vector<RangeConflict> conflicts;
  try {
    conflicts = rangeConflicts(*project_(), action.changes);
  } catch (const std::exception& e) {
    status_->showMessage(tr("The labels could not be read: %1. Nothing was changed.")
                             .arg(QString::fromUtf8(e.what())),
                         10000);
    return false;
  }
  if (conflicts.empty()) return true;
  const QString kept = tr("Nothing was labelled: the images keep their ranges.");
  switch (askConflicts_(conflicts, static_cast<int>(action.changes.size()))) {
    case ConflictAnswer::Cancel:
      status_->showMessage(kept, 8000);
      return false;
    case ConflictAnswer::ReplaceRanges: {
      // The undo list says what was replaced; the history rows keep each old range.
      const QString ranges = QString::fromStdString(replacedRanges(conflicts));
      action.description =
          (ranges.contains(QLatin1Char(',')) ? tr("%1 (was ranges %2)") : tr("%1 (was range %2)"))
              .arg(action.description, ranges);
      return true;
    }
    case ConflictAnswer::OnlyInsideTheirRange: {
      QList<qint64> inside;
      for (const LabelChange& c : action.changes)
        if (std::none_of(conflicts.begin(), conflicts.end(),
                         [&c](const RangeConflict& r) { return r.imageId == c.imageId; }))
          inside << c.imageId;
      if (!inside.isEmpty()) action = labelKeyAction(key, inside, predicted);
      if (inside.isEmpty() || !action.refused.isEmpty()) {
        status_->showMessage(kept, 8000);
        return false;
      }
      return true;
    }
  }
  return false;
}

bool LabelMenu::labelSelected(const LabelKey& key) {
  if (!project_()) return false;
  const QList<qint64> ids = browser_->selectedImageIds();
  const PredictedStage predicted = [this](qint64 id) -> std::optional<int> {
    const StoredPrediction* p = model_->prediction(model_->rowOfImage(id));
    return p ? std::optional<int>(p->call()) : std::nullopt;  // the call the browser shows
  };
  LabelKeyAction action = labelKeyAction(key, ids, predicted);
  if (!action.refused.isEmpty()) {
    status_->showMessage(action.refused, ids.isEmpty() ? 5000 : 8000);
    return false;
  }
  // While labelling is paused (read-only, an import) the Labeller refuses at once: no question.
  if (labeller_->pausedReason().isEmpty() && !confirmRangeChanges(key, predicted, action))
    return false;  // stay: the image is still to do
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
