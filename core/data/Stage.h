#pragma once

#include <optional>
#include <string>

namespace flystage {

// Developmental stages of Drosophila embryogenesis (Campos-Ortega & Hartenstein): 1..17.
// Precise-stage classification covers 4..17 (14 classes); stages 1-3 carry no fine label.
constexpr int kMinStage = 1;
constexpr int kMaxStage = 17;
constexpr int kMinFineStage = 4;
constexpr int kNumFineStages = 14;

bool isValidStage(int stage);
bool isFineStage(int stage);  // 4..17

// Class index of a fine stage (4 -> 0 .. 17 -> 13), sorted numerically, never by name.
int fineStageIndex(int stage);
int fineStageFromIndex(int index);

// Parses "12" (whitespace allowed). Returns nullopt when the text is not a stage 1..17.
std::optional<int> parseStage(const std::string& text);

}  // namespace flystage
