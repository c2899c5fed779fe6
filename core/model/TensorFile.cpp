#include "model/TensorFile.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <set>

#include <nlohmann/json.hpp>

#include "util/Error.h"

// Tensors are written and read as the host's bytes: the layout is little-endian.
static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "TensorFile assumes a little-endian host");

namespace flystage {

namespace {

constexpr std::uint64_t kMaxHeaderBytes = 64ull << 20;
constexpr std::size_t kMaxRank = 8;
constexpr std::uint64_t kMaxDim = 1ull << 31;
// The layout needs three levels: the header object, an entry, its shape or offsets.
constexpr int kMaxJsonDepth = 3;

struct DType {
  const char* name;
  torch::ScalarType type;
  std::size_t bytes;
};

const DType kDTypes[] = {
    {"F64", torch::kDouble, 8},    {"F32", torch::kFloat, 4}, {"F16", torch::kHalf, 2},
    {"BF16", torch::kBFloat16, 2}, {"I64", torch::kLong, 8},  {"I32", torch::kInt, 4},
    {"I16", torch::kShort, 2},     {"I8", torch::kChar, 1},   {"U8", torch::kByte, 1},
    // No BOOL: a byte other than 0 or 1 in a bool tensor is undefined behaviour in LibTorch.
};

const DType* dtypeByName(const std::string& name) {
  for (const auto& d : kDTypes)
    if (name == d.name) return &d;
  return nullptr;
}

const DType& dtypeOf(torch::ScalarType type) {
  for (const auto& d : kDTypes)
    if (d.type == type) return d;
  throw Error(std::string("cannot store a tensor of type ") + c10::toString(type));
}

[[noreturn]] void damaged(const std::string& what, const std::string& why) {
  throw Error(what + " is damaged or not FlyStage's weights format (" + why +
              "); retrain it or restore the project from a backup");
}

// Nesting depth outside strings: nlohmann parses iteratively, but a header that nests deeper
// than the layout needs is refused before any parsing work.
int jsonDepth(const char* p, std::size_t n) {
  int depth = 0, deepest = 0;
  bool inString = false, escaped = false;
  for (std::size_t i = 0; i < n; ++i) {
    const char c = p[i];
    if (inString) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
      if (deepest > kMaxJsonDepth) return deepest;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

std::uint64_t readU64(const std::string& b) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[i]);
  return v;
}

void appendU64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

std::uint64_t unsignedAt(const nlohmann::json& j, const std::string& what,
                         const std::string& field) {
  if (!j.is_number_unsigned()) damaged(what, field + " is not a non-negative integer");
  return j.get<std::uint64_t>();
}

}  // namespace

const torch::Tensor* TensorFile::find(const std::string& name) const {
  for (const auto& [n, t] : tensors)
    if (n == name) return &t;
  return nullptr;
}

const torch::Tensor& TensorFile::at(const std::string& name, const std::string& what) const {
  if (const auto* t = find(name)) return *t;
  throw Error(what + " lacks the tensor '" + name +
              "'; retrain it or restore the project from a backup");
}

std::string writeTensorFile(const TensorFile& file) {
  nlohmann::json header = nlohmann::json::object();
  std::vector<torch::Tensor> data;
  std::set<std::string> names;
  std::uint64_t offset = 0;
  for (const auto& [name, tensor] : file.tensors) {
    if (name == "__metadata__" || !names.insert(name).second)
      throw Error("tensor name '" + name + "' is reserved or used twice");
    const auto t = tensor.detach().to(torch::kCPU).contiguous();
    const auto& d = dtypeOf(t.scalar_type());
    const std::uint64_t bytes = static_cast<std::uint64_t>(t.numel()) * d.bytes;
    header[name] = {
        {"dtype", d.name}, {"shape", t.sizes().vec()}, {"data_offsets", {offset, offset + bytes}}};
    offset += bytes;
    data.push_back(t);
  }
  if (!file.metadata.empty()) header["__metadata__"] = file.metadata;
  std::string json = header.dump();
  json.append((8 - json.size() % 8) % 8, ' ');  // the data starts 8-byte aligned
  std::string out;
  out.reserve(8 + json.size() + offset);
  appendU64(out, json.size());
  out += json;
  for (const auto& t : data)
    out.append(static_cast<const char*>(t.data_ptr()), t.numel() * t.element_size());
  return out;
}

TensorFile readTensorFile(const std::string& bytes, const std::string& what) {
  if (isLegacyTorchArchive(bytes)) throw Error(legacyArchiveMessage(what, "PROJECT"));
  if (bytes.size() < 8) damaged(what, "shorter than its header");
  const std::uint64_t headerBytes = readU64(bytes);
  if (headerBytes > kMaxHeaderBytes || headerBytes > bytes.size() - 8)
    damaged(what, "header length " + std::to_string(headerBytes) + " exceeds the data");
  const char* headerStart = bytes.data() + 8;
  if (jsonDepth(headerStart, headerBytes) > kMaxJsonDepth) damaged(what, "header nests too deep");
  nlohmann::json header;
  try {
    header = nlohmann::json::parse(headerStart, headerStart + headerBytes);
  } catch (const nlohmann::json::exception&) {
    damaged(what, "header is not JSON");
  }
  if (!header.is_object()) damaged(what, "header is not a JSON object");

  const std::uint64_t dataBytes = bytes.size() - 8 - headerBytes;
  const char* data = headerStart + headerBytes;
  struct Entry {
    std::string name;
    const DType* dtype;
    std::vector<int64_t> shape;
    std::uint64_t begin, end;
  };
  std::vector<Entry> entries;
  TensorFile file;
  for (const auto& [name, value] : header.items()) {
    if (name == "__metadata__") {
      if (!value.is_object()) damaged(what, "__metadata__ is not an object");
      for (const auto& [k, v] : value.items()) {
        if (!v.is_string()) damaged(what, "metadata '" + k + "' is not a string");
        file.metadata[k] = v.get<std::string>();
      }
      continue;
    }
    const std::string field = "tensor '" + name + "'";
    if (!value.is_object() || !value.contains("dtype") || !value.contains("shape") ||
        !value.contains("data_offsets"))
      damaged(what, field + " lacks dtype, shape or data_offsets");
    const auto& dt = value["dtype"];
    const DType* dtype = dt.is_string() ? dtypeByName(dt.get<std::string>()) : nullptr;
    if (!dtype) damaged(what, field + " has an unknown dtype");
    const auto& shapeJson = value["shape"];
    if (!shapeJson.is_array() || shapeJson.size() > kMaxRank)
      damaged(what, field + "'s shape is not a list of at most 8 sizes");
    std::vector<int64_t> shape;
    std::uint64_t numel = 1;
    for (const auto& s : shapeJson) {
      const std::uint64_t dim = unsignedAt(s, what, field + "'s shape");
      if (dim > kMaxDim) damaged(what, field + " has a size over 2^31");
      shape.push_back(static_cast<int64_t>(dim));
      // Sizes stay below 2^31 and numel below the data's length: no product overflows.
      numel = dim == 0 ? 0 : numel * dim;
      if (numel > dataBytes) damaged(what, field + " is larger than the data");
    }
    const auto& offsets = value["data_offsets"];
    if (!offsets.is_array() || offsets.size() != 2)
      damaged(what, field + "'s data_offsets are not [begin, end]");
    const std::uint64_t begin = unsignedAt(offsets[0], what, field + "'s data_offsets");
    const std::uint64_t end = unsignedAt(offsets[1], what, field + "'s data_offsets");
    if (begin > end || end > dataBytes || end - begin != numel * dtype->bytes)
      damaged(what, field + "'s byte range does not match its shape and the data");
    entries.push_back({name, dtype, std::move(shape), begin, end});
  }
  // The ranges must tile the data exactly: no holes (room for hidden content), no overlaps.
  std::vector<const Entry*> byOffset;
  for (const auto& e : entries) byOffset.push_back(&e);
  std::sort(byOffset.begin(), byOffset.end(), [](const Entry* a, const Entry* b) {
    return a->begin != b->begin ? a->begin < b->begin : a->end < b->end;
  });
  std::uint64_t next = 0;
  for (const Entry* e : byOffset) {
    if (e->begin != next) damaged(what, "tensor '" + e->name + "' leaves a gap or overlaps");
    next = e->end;
  }
  if (next != dataBytes) damaged(what, "bytes after the last tensor");

  for (const auto& e : entries) {
    auto t = torch::empty(e.shape, torch::TensorOptions().dtype(e.dtype->type));
    if (e.end > e.begin) std::memcpy(t.data_ptr(), data + e.begin, e.end - e.begin);
    file.tensors.emplace_back(e.name, std::move(t));
  }
  return file;
}

std::string legacyArchiveMessage(const std::string& what, const std::string& project) {
  return what +
         " is stored in FlyStage's old format (a LibTorch archive, which can run code when it "
         "is loaded), so it is not read. If you trust where this project came from, convert it "
         "once with 'flystage-cli migrate " +
         project + " --trust-models'; otherwise train the run again";
}

bool isLegacyTorchArchive(const std::string& bytes) {
  return bytes.size() >= 4 && bytes.compare(0, 4, "PK\x03\x04", 4) == 0;
}

}  // namespace flystage
