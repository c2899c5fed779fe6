#pragma once

#include <QString>

#include <string>
#include <vector>

namespace flystage {
class Project;
struct DeviceInfo;
struct LabelActionChange;
}  // namespace flystage

namespace flystage::ui {

// Core's names as the user reads them, in the user's language. Core stores fixed English
// identifiers ("two-step", "finished", the presets' descriptions, the label history's
// descriptions); the window shows them through these, never as they are stored.

// "plain", "data-level", "two-step", "gabor", "two-step (imported)"; an unknown name as it is.
QString methodTitle(const QString& method);
QString methodTitle(const std::string& method);
// created, running, finished, cancelled, failed, interrupted; `active`: this window trains it.
QString statusTitle(const QString& status, bool active = false);
QString statusTitle(const std::string& status, bool active = false);
// The description of a preset (paper, fast, demo, tiny); core's text for any other.
QString presetDescription(const std::string& preset);

// A saliency method's name as lists show it ("Vanilla gradient", "SmoothGrad", "Integrated
// gradients", "Grad-CAM", "Grad-CAM (last two stages)") for core's name ("vanilla",
// "smoothgrad", "integrated-gradients", "grad-cam", "grad-cam-2"); an unknown name as it is.
QString saliencyMethodDisplayName(const QString& method);
QString saliencyMethodDisplayName(const std::string& method);

// A saliency method as the method lists show it for a run: its display name, marked when the
// run's stored sanity check failed it, with the check's verdict (or why the stored record
// cannot be read) as the tooltip. One read of the metrics table; runId 0: the name alone.
struct SaliencyMethodItem {
  QString text, toolTip;
};
SaliencyMethodItem saliencyMethodItem(Project* project, qint64 runId, const QString& method);

// A time core stored in UTC (ISO 8601, "2026-12-03T01:59:48.697Z") in the local time zone,
// in the locale's short format; the text as it is when it does not parse.
QString localTimeText(const std::string& utcIso);

// An undo list's text for one labelling action, composed from what it changed ("Stage 12 for
// image #5", "Range 4-6 for 3 images"): the same words as the label keys use, translated.
// Empty when there is no change to describe.
QString labelActionText(const std::vector<LabelActionChange>& changes);

// What the machine offers, as core's DeviceInfo::description() says it, translated:
// "CPU (2 threads), no CUDA GPU; LibTorch 1.13.0".
QString deviceText(const DeviceInfo& info);

}  // namespace flystage::ui
