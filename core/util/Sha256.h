#pragma once

#include <string>

namespace flystage {

// Hex SHA-256 of a byte string (OpenSSL), the content hash that finds duplicates.
std::string sha256Hex(const std::string& bytes);

}  // namespace flystage
