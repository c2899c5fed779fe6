#include "LabelKeys.h"

#include "Plural.h"
#include "data/Stage.h"
#include "store/Label.h"

namespace flystage::ui {

namespace {

// The texts of this file share the context "LabelKeys", named literally in each translate()
// call: lupdate mis-filed tr() of a helper struct in an anonymous namespace.
QString keysText(const QList<QKeySequence>& keys) {
  QStringList parts;
  for (const auto& k : keys) parts << k.toString(QKeySequence::NativeText).toHtmlEscaped();
  return parts.join(QCoreApplication::translate("LabelKeys", " or "));
}

}  // namespace

QList<LabelKey> labelKeys() {
  QList<LabelKey> keys;
  for (int stage = kMinFineStage; stage <= kMaxStage; ++stage) {
    LabelKey k;
    k.kind = LabelKey::Kind::Stage;
    k.stage = stage;
    if (stage <= 9) {
      k.keys << QKeySequence(Qt::Key_0 + stage);
    } else {
      const int digit = stage - 10;
      // Typed as the number; Shift+digit is the one-key form.
      k.keys << QKeySequence(Qt::Key_1, Qt::Key_0 + digit)
             << QKeySequence(Qt::SHIFT | static_cast<Qt::Key>(Qt::Key_0 + digit));
    }
    k.text = QCoreApplication::translate("LabelKeys", "Stage &%1").arg(stage);
    k.objectName = QStringLiteral("actionLabelStage%1").arg(stage);
    keys << k;
  }
  for (const StageRange& range : allStageRanges()) {
    LabelKey k;
    k.kind = LabelKey::Kind::Range;
    k.range = range;
    k.keys << QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + range.index()));
    k.text = QCoreApplication::translate("LabelKeys", "Range %1")
                 .arg(QString::fromStdString(range.name()));
    k.objectName = QStringLiteral("actionLabelRange%1").arg(range.index() + 1);
    keys << k;
  }
  LabelKey accept;
  accept.kind = LabelKey::Kind::AcceptPrediction;
  accept.keys << QKeySequence(Qt::Key_A);
  accept.text = QCoreApplication::translate("LabelKeys", "&Accept the Predicted Stage");
  accept.objectName = QStringLiteral("actionAcceptPrediction");
  keys << accept;
  LabelKey clear;
  clear.kind = LabelKey::Kind::Clear;
  clear.keys << QKeySequence(QKeySequence::Delete);
  clear.text = QCoreApplication::translate("LabelKeys", "&Remove the Label");
  clear.objectName = QStringLiteral("actionRemoveLabel");
  keys << clear;
  return keys;
}

QList<QKeySequence> nextImageKeys() {
  return {QKeySequence(Qt::Key_Space), QKeySequence(Qt::Key_J)};
}

QList<QKeySequence> previousImageKeys() {
  return {QKeySequence(Qt::SHIFT | Qt::Key_Space), QKeySequence(Qt::Key_K)};
}

QString labelKeysHelpHtml() {
  QString rows;
  const auto row = [&rows](const QString& what, const QString& keys) {
    rows += QStringLiteral("<tr><td>%1</td><td style='padding-left:16px'><b>%2</b></td></tr>")
                .arg(what, keys);
  };
  for (const LabelKey& k : labelKeys()) {
    QString what = k.text;
    what.remove(QLatin1Char('&'));
    row(what, keysText(k.keys));
  }
  row(QCoreApplication::translate("LabelKeys", "Next image"), keysText(nextImageKeys()));
  row(QCoreApplication::translate("LabelKeys", "Previous image"), keysText(previousImageKeys()));
  row(QCoreApplication::translate("LabelKeys", "Undo / redo"),
      keysText({QKeySequence::Undo}) + QCoreApplication::translate("LabelKeys", " / ") +
          keysText({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)}));
  row(QCoreApplication::translate("LabelKeys", "This help"),
      keysText({QKeySequence(Qt::Key_F1), QKeySequence(Qt::Key_Question)}));
  return QCoreApplication::translate(
             "LabelKeys",
             "<p>Keys act on the selected images (one undo step for all of them); after a "
             "label the next image is selected, unless Label &gt; Advance After Labelling is "
             "off.</p>"
             "<p>Stages 4 to 9: the digit. Stages 10 to 17: type the number (1, then 0 to 7), "
             "or hold Shift and press the last digit. Stage ranges: Ctrl with the BDGP bin "
             "number 1 to 6. A stage sets its range too; a range replaces a stage.</p>") +
         QStringLiteral("<table>%1</table>").arg(rows);
}

LabelKeyAction labelKeyAction(const LabelKey& key, const QList<qint64>& imageIds,
                              const std::function<std::optional<int>(qint64)>& predictedStage) {
  LabelKeyAction action;
  if (imageIds.isEmpty()) {
    action.refused =
        QCoreApplication::translate("flystage::ui::MainWindow", "Select an image to label first.");
    return action;
  }
  auto& changes = action.changes;
  QString what;
  switch (key.kind) {
    case LabelKey::Kind::Stage:
      for (qint64 id : imageIds)
        changes.push_back({id, labelForStage(key.stage, LabelSource::User)});
      what = QCoreApplication::translate("flystage::ui::MainWindow", "Stage %1").arg(key.stage);
      break;
    case LabelKey::Kind::Range:
      for (qint64 id : imageIds)
        changes.push_back({id, labelForRange(*key.range, LabelSource::User)});
      what = QCoreApplication::translate("flystage::ui::MainWindow", "Range %1")
                 .arg(QString::fromStdString(key.range->name()));
      break;
    case LabelKey::Kind::Clear:
      for (qint64 id : imageIds) changes.push_back({id, Label{}});
      what = QCoreApplication::translate("flystage::ui::MainWindow", "No label");
      break;
    case LabelKey::Kind::AcceptPrediction:
      for (qint64 id : imageIds)
        if (const std::optional<int> stage = predictedStage(id))
          changes.push_back({id, labelForStage(*stage, LabelSource::Model)});
      if (changes.empty()) {
        action.refused = QCoreApplication::translate(
            "flystage::ui::MainWindow",
            "No prediction to accept: choose a run with predictions under Filters > Run.");
        return action;
      }
      what = changes.size() == 1
                 ? QCoreApplication::translate("flystage::ui::MainWindow", "Predicted stage %1")
                       .arg(*changes.front().label.stage)
                 : QCoreApplication::translate("flystage::ui::MainWindow", "Predicted stages");
      break;
  }
  const int n = static_cast<int>(changes.size());
  action.description =
      n == 1 ? QCoreApplication::translate("flystage::ui::MainWindow", "%1 for image #%2")
                   .arg(what)
                   .arg(changes.front().imageId)
             : plural(QCoreApplication::translate("flystage::ui::MainWindow", "%1 for %n image(s)",
                                                  nullptr, n),
                      n)
                   .arg(what);
  return action;
}

}  // namespace flystage::ui
