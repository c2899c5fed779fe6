#pragma once

#include <optional>
#include <string>

namespace flystage {

// Which part of the fixed split an image with a precise stage belongs to.
enum class SplitPart { Train, Validation, Test };

std::string splitPartName(SplitPart part);  // "train", "validation", "test"
// Accepts train, validation (or val), test; case-insensitive.
std::optional<SplitPart> parseSplitPart(const std::string& text);

}  // namespace flystage
