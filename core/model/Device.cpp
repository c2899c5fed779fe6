#include "model/Device.h"

#include <atomic>
#include <thread>

#include <sqlite3.h>
#include <torch/torch.h>
#include <torch/version.h>
#include <nlohmann/json.hpp>
#include <opencv2/core/version.hpp>

#include "Version.h"
#include "util/Error.h"

namespace flystage {

std::string DeviceInfo::description() const {
  std::string s = "CPU (" + std::to_string(cpuThreads) + " threads)";
  s += cudaAvailable ? ", CUDA with " + std::to_string(cudaDevices) + " GPU(s)" : ", no CUDA GPU";
  return s + "; LibTorch " + torchVersion;
}

namespace {
std::atomic<bool> configured{false};
}  // namespace

DeviceInfo configureDevice(int threads) {
  const int n = threads > 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
  torch::set_num_threads(n);
  configured = true;
  DeviceInfo info;
  info.cpuThreads = torch::get_num_threads();
  info.cudaAvailable = torch::cuda::is_available();
  info.cudaDevices = info.cudaAvailable ? static_cast<int>(torch::cuda::device_count()) : 0;
  info.torchVersion = TORCH_VERSION;
  return info;
}

void ensureDeviceConfigured() {
  if (!configured) configureDevice();
}

std::string resolveDevice(const std::string& requested) {
  if (requested == "cpu") return "cpu";
  const bool cuda = torch::cuda::is_available();
  if (requested == "cuda") {
    if (!cuda)
      throw Error(
          "device 'cuda' requested but no CUDA GPU is available to LibTorch; use --device cpu, "
          "or build against a CUDA LibTorch (docs/developer-guide.md)");
    return "cuda";
  }
  if (requested == "auto" || requested.empty()) return cuda ? "cuda" : "cpu";
  throw Error("device '" + requested + "' is not one of auto, cpu, cuda");
}

std::string runtimeVersionsJson(const std::string& device) {
  nlohmann::json j;
  j["flystage"] = kVersion;
  j["libtorch"] = TORCH_VERSION;
  j["opencv"] = CV_VERSION;
  j["sqlite"] = sqlite3_libversion();
  j["device"] = device;
  return j.dump();
}

}  // namespace flystage
