#pragma once

#include <QtGlobal>

class QComboBox;

namespace flystage {
class Project;
}

namespace flystage::ui {

// Fills `box` with core's saliency methods (readable names, core names as item data).
void fillSaliencyMethods(QComboBox* box);

// Marks the methods of `box` that failed `runId`'s stored sanity check and puts each
// check's verdict in its tooltip (saliencyMethodItem); runId 0 shows the plain names. The
// image view and the GEM panel's mask methods call it when their run changes.
void markSaliencyMethods(QComboBox* box, Project* project, qint64 runId);

}  // namespace flystage::ui
