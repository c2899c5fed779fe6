#include "WelcomePage.h"

#include <QAction>
#include <QCommandLinkButton>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace flystage::ui {

WelcomePage::WelcomePage(QAction* newAction, QAction* openAction, OpenFile open, QWidget* parent)
    : QWidget(parent), open_(std::move(open)) {
  setObjectName(QStringLiteral("welcomePage"));
  auto* icon = new QLabel(this);
  icon->setPixmap(QIcon(QStringLiteral(":/icons/flystage.svg")).pixmap(96, 96));
  icon->setAlignment(Qt::AlignCenter);
  auto* title = new QLabel(tr("FlyStage"), this);
  QFont f = title->font();
  f.setPointSizeF(f.pointSizeF() * 2.2);
  f.setBold(true);
  title->setFont(f);
  title->setAlignment(Qt::AlignCenter);
  auto* subtitle =
      new QLabel(tr("Stage Drosophila embryos in in-situ hybridization images."), this);
  subtitle->setAlignment(Qt::AlignCenter);
  subtitle->setForegroundRole(QPalette::PlaceholderText);

  auto* newButton = new QPushButton(newAction->icon(), tr("New Project…"), this);
  newButton->setToolTip(newAction->toolTip());
  newButton->setAccessibleName(tr("New project"));
  connect(newButton, &QPushButton::clicked, newAction, &QAction::trigger);
  auto* openButton = new QPushButton(openAction->icon(), tr("Open Project…"), this);
  openButton->setToolTip(openAction->toolTip());
  openButton->setAccessibleName(tr("Open project"));
  connect(openButton, &QPushButton::clicked, openAction, &QAction::trigger);
  for (QPushButton* b : {newButton, openButton}) {
    b->setIconSize(QSize(20, 20));
    b->setMinimumSize(150, 36);
  }
  auto* buttons = new QHBoxLayout;
  buttons->addStretch();
  buttons->addWidget(newButton);
  buttons->addWidget(openButton);
  buttons->addStretch();

  recent_ = new QWidget(this);
  recent_->setObjectName(QStringLiteral("welcomeRecent"));
  new QVBoxLayout(recent_);

  auto* column = new QVBoxLayout;
  column->addStretch(2);
  column->addWidget(icon);
  column->addWidget(title);
  column->addWidget(subtitle);
  column->addSpacing(16);
  column->addLayout(buttons);
  column->addSpacing(16);
  column->addWidget(recent_, 0, Qt::AlignHCenter);
  column->addStretch(3);
  auto* layout = new QHBoxLayout(this);
  layout->addStretch();
  layout->addLayout(column);
  layout->addStretch();
}

void WelcomePage::setRecentProjects(const QStringList& files) {
  auto* list = recent_->layout();
  while (QLayoutItem* item = list->takeAt(0)) {
    delete item->widget();
    delete item;
  }
  if (!files.isEmpty()) {
    auto* heading = new QLabel(tr("Recent projects"), recent_);
    heading->setForegroundRole(QPalette::PlaceholderText);
    list->addWidget(heading);
  }
  for (const QString& file : files) {
    const QString name = QFileInfo(file).fileName();
    auto* link = new QCommandLinkButton(name, QDir::toNativeSeparators(file), recent_);
    link->setAccessibleName(tr("Open recent project %1").arg(name));
    link->setToolTip(QDir::toNativeSeparators(file));
    link->setEnabled(QFileInfo::exists(file));  // moved or deleted: listed, not openable
    link->setMinimumWidth(420);
    connect(link, &QPushButton::clicked, this, [this, file] { open_(file); });
    list->addWidget(link);
  }
}

}  // namespace flystage::ui
