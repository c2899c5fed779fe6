#include "SaliencyMethodBox.h"

#include <QComboBox>

#include "DisplayNames.h"
#include "interpret/Saliency.h"

namespace flystage::ui {

void fillSaliencyMethods(QComboBox* box) {
  for (auto m : saliencyMethods()) {  // core's list: a method added there shows here
    const QString name = QString::fromStdString(saliencyMethodName(m));
    box->addItem(saliencyMethodDisplayName(name), name);
  }
}

void markSaliencyMethods(QComboBox* box, Project* project, qint64 runId) {
  for (int i = 0; i < box->count(); ++i) {
    const auto item = saliencyMethodItem(project, runId, box->itemData(i).toString());
    box->setItemText(i, item.text);
    box->setItemData(i, item.toolTip.isEmpty() ? QVariant() : QVariant(item.toolTip),
                     Qt::ToolTipRole);
  }
}

}  // namespace flystage::ui
