#pragma once

#include <string>

namespace flystage {

// What the machine offers for training and prediction; torch stays out of this header.
struct DeviceInfo {
  bool cudaAvailable = false;
  int cudaDevices = 0;
  int cpuThreads = 0;  // threads libtorch uses on CPU
  std::string torchVersion;
  std::string description() const;  // "CPU (2 threads), CUDA not found; LibTorch 1.13.1"
};

// Sets libtorch's intra-op threads to the core count (Debian's build defaults to one)
// and reports what was found. Call once at start-up.
DeviceInfo configureDevice(int threads = 0);

// configureDevice() with its defaults unless the program has called it already: prediction
// started by a program that never configured the device would otherwise run on one thread.
void ensureDeviceConfigured();

// "auto" picks CUDA when available; "cuda" without a GPU is an error naming what to do.
std::string resolveDevice(const std::string& requested);

// {"flystage", "libtorch", "opencv", "sqlite", "device"}: stored with every run.
std::string runtimeVersionsJson(const std::string& device);

}  // namespace flystage
