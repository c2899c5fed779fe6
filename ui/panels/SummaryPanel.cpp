#include "SummaryPanel.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

#include <algorithm>

#include "Plural.h"
#include "data/Stage.h"
#include "data/StageRange.h"
#include "figure/Palette.h"
#include "store/Project.h"
#include "store/SplitPart.h"

namespace flystage::ui {

// A horizontal bar for one count, scaled to the largest count of its group, so the
// distribution reads at a glance; the number beside it is the value itself.
class CountBar : public QWidget {
 public:
  explicit CountBar(QWidget* parent = nullptr) : QWidget(parent) {
    setMinimumWidth(60);
    setFixedHeight(10);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
  }
  void setFraction(double f) {
    fraction_ = std::clamp(f, 0.0, 1.0);
    update();
  }

 protected:
  void paintEvent(QPaintEvent*) override {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    QColor track = palette().color(QPalette::Mid);
    track.setAlpha(60);
    p.setBrush(track);
    p.drawRoundedRect(r, 3, 3);
    if (fraction_ <= 0) return;
    QRectF fill = r;
    fill.setWidth(std::max(4.0, r.width() * fraction_));
    p.setBrush(isEnabled() ? figure::applicationBlue() : palette().color(QPalette::Mid));
    p.drawRoundedRect(fill, 3, 3);
  }

 private:
  double fraction_ = 0;
};

namespace {

QLabel* sectionTitle(const QString& text, QWidget* parent) {
  auto* label = new QLabel(text, parent);
  QFont f = label->font();
  f.setBold(true);
  label->setFont(f);
  label->setContentsMargins(0, 8, 0, 2);
  return label;
}

QFrame* separator(QWidget* parent) {
  auto* line = new QFrame(parent);
  line->setFrameShape(QFrame::HLine);
  line->setFrameShadow(QFrame::Sunken);
  return line;
}

QLabel* hint(const QString& text, QWidget* parent) {
  auto* label = new QLabel(text, parent);
  label->setWordWrap(true);
  label->setForegroundRole(QPalette::PlaceholderText);
  return label;
}

}  // namespace

SummaryPanel::SummaryPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("summaryPanel"));
  setAccessibleName(tr("Project summary"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(12, 8, 12, 12);
  layout->setSpacing(4);

  // Headline: the image count, large, with the other counts under it.
  images_ = new QLabel(this);
  images_->setObjectName(QStringLiteral("summaryImages"));
  QFont big = images_->font();
  big.setPointSizeF(big.pointSizeF() * 2.0);
  big.setBold(true);
  images_->setFont(big);
  auto* imagesCaption = new QLabel(tr("images"), this);
  imagesCaption->setForegroundRole(QPalette::PlaceholderText);
  auto* headline = new QHBoxLayout;
  headline->addWidget(images_);
  headline->addWidget(imagesCaption, 0, Qt::AlignBottom);
  headline->addStretch();
  headline->setContentsMargins(0, 0, 0, 4);
  layout->addLayout(headline);

  auto* facts = new QGridLayout;
  facts->setHorizontalSpacing(12);
  facts->setVerticalSpacing(2);
  auto addFact = [&](const QString& name, const QString& objectName, const QString& tip) {
    const int r = facts->rowCount();
    auto* n = new QLabel(name, this);
    auto* v = new QLabel(this);
    v->setObjectName(objectName);
    v->setAccessibleName(name);  // read with its value: "Unlabelled, 4"
    v->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    n->setToolTip(tip);
    v->setToolTip(tip);
    facts->addWidget(n, r, 0);
    facts->addWidget(v, r, 1);
    return v;
  };
  unlabelled_ = addFact(tr("Unlabelled"), QStringLiteral("summaryUnlabelled"),
                        tr("Images with neither a stage range nor a stage"));
  withStage_ = addFact(tr("With a precise stage"), QStringLiteral("summaryWithStage"),
                       tr("Images labelled with one of the stages 1 to 17"));
  genes_ = addFact(tr("Genes"), QStringLiteral("summaryGenes"),
                   tr("Distinct genes named in the imported labels"));
  facts->setColumnStretch(0, 1);
  layout->addLayout(facts);

  layout->addWidget(separator(this));
  layout->addWidget(sectionTitle(tr("Stage ranges"), this));
  auto* rangeGrid = new QGridLayout;
  for (const auto& range : allStageRanges()) {
    const QString name = QString::fromStdString(range.name());
    ranges_[range.name()] = addRow(rangeGrid, name, QStringLiteral("rangeCount_") + name,
                                   [this, name] { Q_EMIT rangeClicked(name); });
  }
  layout->addLayout(rangeGrid);

  layout->addWidget(separator(this));
  layout->addWidget(sectionTitle(tr("Stages %1–%2").arg(kMinFineStage).arg(kMaxStage), this));
  stagesHint_ = hint(tr("No image has a precise stage yet."), this);
  layout->addWidget(stagesHint_);
  stagesBox_ = new QWidget(this);
  auto* stageGrid = new QGridLayout(stagesBox_);
  stageGrid->setContentsMargins(0, 0, 0, 0);
  for (int stage = kMinFineStage; stage <= kMaxStage; ++stage)
    stages_[stage] =
        addRow(stageGrid, tr("Stage %1").arg(stage), QStringLiteral("stageCount_%1").arg(stage),
               [this, stage] { Q_EMIT stageClicked(stage); });
  layout->addWidget(stagesBox_);

  layout->addWidget(separator(this));
  layout->addWidget(sectionTitle(tr("Split"), this));
  splitHint_ = hint(tr("No image with a precise stage is in the split yet."), this);
  layout->addWidget(splitHint_);
  splitBox_ = new QWidget(this);
  auto* splitGrid = new QGridLayout(splitBox_);
  splitGrid->setContentsMargins(0, 0, 0, 0);
  const std::pair<SplitPart, QString> parts[] = {{SplitPart::Train, tr("Training")},
                                                 {SplitPart::Validation, tr("Validation")},
                                                 {SplitPart::Test, tr("Test")}};
  for (const auto& [part, name] : parts) {
    const std::string key = splitPartName(part);
    const QString partName = QString::fromStdString(key);
    splits_[key] = addRow(splitGrid, name, QStringLiteral("splitCount_") + partName,
                          [this, partName] { Q_EMIT splitClicked(partName); });
  }
  layout->addWidget(splitBox_);
  layout->addStretch();
  // One name column width for all three groups, so their bars start at the same x.
  int nameWidth = 0;
  for (const auto* rows : {&ranges_, &splits_})
    for (const auto& [key, row] : *rows)
      nameWidth = std::max(nameWidth, row.name->sizeHint().width());
  for (const auto& [key, row] : stages_)
    nameWidth = std::max(nameWidth, row.name->sizeHint().width());
  for (QGridLayout* grid : {rangeGrid, stageGrid, splitGrid})
    grid->setColumnMinimumWidth(0, nameWidth);
  clear();
}

SummaryPanel::CountRow SummaryPanel::addRow(QGridLayout* grid, const QString& name,
                                            const QString& objectName,
                                            std::function<void()> onClick) {
  const int r = grid->rowCount();
  CountRow row;
  row.name = new QLabel(name, this);
  row.bar = new CountBar(this);
  row.count = new QLabel(this);
  row.count->setObjectName(objectName);
  row.count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
  row.count->setMinimumWidth(row.count->fontMetrics().horizontalAdvance(QStringLiteral("00000")));
  grid->addWidget(row.name, r, 0);
  grid->addWidget(row.bar, r, 1);
  grid->addWidget(row.count, r, 2);
  grid->setColumnStretch(1, 1);
  grid->setHorizontalSpacing(10);
  grid->setVerticalSpacing(3);
  for (QWidget* w : std::initializer_list<QWidget*>{row.name, row.bar, row.count}) {
    w->setCursor(Qt::PointingHandCursor);
    w->installEventFilter(this);
    clicks_[w] = onClick;
  }
  return row;
}

bool SummaryPanel::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::MouseButtonRelease &&
      static_cast<QMouseEvent*>(event)->button() == Qt::LeftButton) {
    const auto it = clicks_.find(watched);
    if (it != clicks_.end()) {
      it->second();
      return true;
    }
  }
  return QWidget::eventFilter(watched, event);
}

void SummaryPanel::setRow(const CountRow& row, int count, int max, const QString& accessibleText) {
  row.count->setText(QString::number(count));
  row.count->setAccessibleName(accessibleText);
  row.bar->setFraction(max > 0 ? static_cast<double>(count) / max : 0.0);
  const QString tip = tr("%1; click to show them").arg(accessibleText);
  row.bar->setToolTip(tip);
  row.name->setToolTip(tip);
  row.count->setToolTip(tip);
  row.bar->setEnabled(count > 0);
  row.name->setEnabled(count > 0);
  row.count->setEnabled(count > 0);
}

void SummaryPanel::setSummary(const ProjectSummary& s) {
  images_->setText(QString::number(s.images));
  images_->setAccessibleName(plural(tr("%n image(s) in the project", nullptr, s.images), s.images));
  unlabelled_->setText(QString::number(s.unlabelled));
  withStage_->setText(QString::number(s.withStage));
  genes_->setText(QString::number(s.genes));

  auto countOf = [](const auto& map, const auto& key) {
    const auto it = map.find(key);
    return it == map.end() ? 0 : it->second;
  };
  int maxRange = 0;
  for (const auto& [name, row] : ranges_) maxRange = std::max(maxRange, countOf(s.perRange, name));
  for (const auto& [name, row] : ranges_) {
    const int n = countOf(s.perRange, name);
    setRow(
        row, n, maxRange,
        plural(tr("Stage range %1: %n image(s)", nullptr, n), n).arg(QString::fromStdString(name)));
  }

  int maxStage = 0;
  for (const auto& [stage, row] : stages_)
    maxStage = std::max(maxStage, countOf(s.perStage, stage));
  for (const auto& [stage, row] : stages_) {
    const int n = countOf(s.perStage, stage);
    setRow(row, n, maxStage, plural(tr("Stage %1: %n image(s)", nullptr, n), n).arg(stage));
  }
  stagesBox_->setVisible(maxStage > 0);
  stagesHint_->setVisible(maxStage == 0);

  int maxSplit = 0;
  for (const auto& [part, row] : splits_) maxSplit = std::max(maxSplit, countOf(s.perSplit, part));
  for (const auto& [part, row] : splits_) {
    const int n = countOf(s.perSplit, part);
    setRow(row, n, maxSplit, plural(tr("%1: %n image(s)", nullptr, n), n).arg(row.name->text()));
  }
  splitBox_->setVisible(maxSplit > 0);
  splitHint_->setVisible(maxSplit == 0);
}

void SummaryPanel::clear() {
  setSummary(ProjectSummary{});
}

}  // namespace flystage::ui
