#include "ImportReportDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>
#include <tuple>
#include <vector>

#include "Plural.h"

namespace flystage::ui {

namespace {

QString qs(const std::string& s) {
  return QString::fromStdString(s);
}

}  // namespace

ImportReportDialog::ImportReportDialog(const ImportOutcome& outcome, QWidget* parent)
    : QDialog(parent) {
  setObjectName(QStringLiteral("importReportDialog"));
  const ImportReport& r = outcome.report;
  const bool refused = !r.committed;
  const QString source = QFileInfo(outcome.source).fileName();
  setWindowTitle(refused ? tr("Import Refused") : tr("Import Finished"));

  QString headline;
  QStringList facts;
  if (refused) {
    headline = plural(tr("Nothing was imported: %n problem(s) in %1.", nullptr,
                         static_cast<int>(r.problemCount())),
                      static_cast<int>(r.problemCount()))
                   .arg(source);
    facts << (r.imported > 0
                  ? plural(
                        tr("Fix the rows below and import again, or import the %n good row(s) now "
                           "and leave the bad ones out.",
                           nullptr, r.imported),
                        r.imported)
                  : tr("No row could be imported; fix the rows below and import again."));
  } else {
    headline =
        plural(tr("Imported %n image(s) from %1.", nullptr, r.imported), r.imported).arg(source);
    if (r.withStage > 0) facts << tr("%n with a precise stage.", nullptr, r.withStage);
    if (!r.duplicates.empty())
      facts << plural(tr("%n duplicate(s) already in the project, not imported again.", nullptr,
                         static_cast<int>(r.duplicates.size())),
                      static_cast<int>(r.duplicates.size()));
    // Every label the import changed or left is counted: none changes unseen.
    if (!r.labelsChanged.empty())
      facts << plural(tr("%n label(s) of images already in the project changed (Edit > Undo "
                         "restores them).",
                         nullptr, static_cast<int>(r.labelsChanged.size())),
                      static_cast<int>(r.labelsChanged.size()));
    if (!r.labelsKept.empty())
      facts << plural(tr("%n label(s) set by hand kept where the import gave another.", nullptr,
                         static_cast<int>(r.labelsKept.size())),
                      static_cast<int>(r.labelsKept.size()));
    if (r.problemCount() > 0)
      facts << plural(tr("%n bad row(s) skipped.", nullptr, static_cast<int>(r.problemCount())),
                      static_cast<int>(r.problemCount()));
    if (r.skippedNonLateral > 0)
      facts << plural(tr("%n non-lateral view(s) left out.", nullptr, r.skippedNonLateral),
                      r.skippedNonLateral);
    if (r.splitAssigned > 0)
      facts << plural(
          tr("%n image(s) added to the training/validation/test split.", nullptr, r.splitAssigned),
          r.splitAssigned);
  }

  auto* icon = new QLabel(this);
  const auto pixmap = refused || !r.problems.empty() ? QStyle::SP_MessageBoxWarning
                                                     : QStyle::SP_MessageBoxInformation;
  icon->setPixmap(style()->standardIcon(pixmap).pixmap(40, 40));
  icon->setAlignment(Qt::AlignTop);
  summary_ =
      new QLabel(QStringLiteral("<b>%1</b><br>%2")
                     .arg(headline.toHtmlEscaped(), facts.join(QLatin1Char(' ')).toHtmlEscaped()),
                 this);
  summary_->setObjectName(QStringLiteral("importReportSummary"));
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* top = new QHBoxLayout;
  top->addWidget(icon);
  top->addWidget(summary_, 1);

  // Every problem and duplicate, one a line, as "file:line: message" so it can be found.
  QStringList lines;
  if (!r.problems.empty()) {
    // In file and line order: core lists parse problems before unreadable images.
    std::vector<ImportProblem> problems = r.problems;
    std::stable_sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) {
      return std::tie(a.file, a.line) < std::tie(b.file, b.line);
    });
    lines << tr("Problems (%1):").arg(r.problemCount());
    for (const auto& p : problems) lines << QStringLiteral("  ") + qs(p.text());
    if (r.unlistedProblems > 0)
      lines << QStringLiteral("  ") + tr("… and %1 more").arg(r.unlistedProblems);
  }
  const auto list = [&lines](const QString& title, const std::vector<std::string>& items) {
    if (items.empty()) return;
    if (!lines.isEmpty()) lines << QString();
    lines << title.arg(items.size());
    for (const auto& d : items) lines << QStringLiteral("  ") + qs(d);
  };
  list(tr("Labels changed (%1):"), r.labelsChanged);
  list(tr("Labels set by hand, kept (%1):"), r.labelsKept);
  if (!r.duplicates.empty()) {
    if (!lines.isEmpty()) lines << QString();
    lines << tr("Duplicates (%1):").arg(r.duplicates.size());
    for (const auto& d : r.duplicates) lines << QStringLiteral("  ") + qs(d);
  }
  details_ = new QPlainTextEdit(lines.join(QLatin1Char('\n')), this);
  details_->setObjectName(QStringLiteral("importReportDetails"));
  details_->setReadOnly(true);
  details_->setLineWrapMode(QPlainTextEdit::WidgetWidth);  // nothing hidden off the edge
  details_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  details_->setAccessibleName(tr("Problems and duplicates"));
  details_->setVisible(!lines.isEmpty());

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  if (!lines.isEmpty()) {
    auto* copy = buttons->addButton(tr("Copy Details"), QDialogButtonBox::ActionRole);
    copy->setToolTip(tr("Copy the list of problems and duplicates to the clipboard"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(details_->toPlainText()); });
  }
  if (refused && r.imported > 0) {
    goodRows_ = buttons->addButton(tr("Import the Good Rows"), QDialogButtonBox::AcceptRole);
    goodRows_->setObjectName(QStringLiteral("importGoodRowsButton"));
    goodRows_->setToolTip(
        plural(tr("Import the %n row(s) without problems; the bad rows are left out "
                  "and listed again",
                  nullptr, r.imported),
               r.imported));
    goodRows_->setDefault(true);
    connect(goodRows_, &QPushButton::clicked, this, [this] {
      Q_EMIT importGoodRowsRequested();
      accept();
    });
  }
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(details_, 1);
  layout->addWidget(buttons);
  resize(lines.isEmpty() ? 460 : 720, lines.isEmpty() ? 150 : 420);
}

QString ImportReportDialog::summaryText() const {
  return summary_->text();
}

QString ImportReportDialog::detailsText() const {
  return details_->toPlainText();
}

}  // namespace flystage::ui
