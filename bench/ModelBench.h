#pragma once

// flystage-bench's network measurements (LibTorch): the same training step and inference
// batch as bench/reference.py, on core's ResNet, FoldedResNet and presets.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace flystage::bench {

// The preset's architecture for reference.py: ModelSpec's JSON plus feature_size,
// forward_gflops (ModelSpec::forwardGflops) and the parameter and buffer counts of core's
// ResNet.
nlohmann::json presetSpec(const std::string& preset);

// The same images for both sides: the first `count` images of the project (cycled when it
// has fewer), decoded at the preset's input size by core's loadImages, written as uint8
// N x 3 x H x W followed by N int64 labels (i % 14).
void writeBatchFile(const std::filesystem::path& project, const std::string& preset, int count,
                    const std::filesystem::path& out);

struct ModelBenchOptions {
  std::string preset;
  std::filesystem::path data;  // from writeBatchFile
  int count = 256;
  int threads = 0;             // 0: all cores
  std::string device = "cpu";  // or "cuda" (auto: CUDA when there is one); no bf16 there
  int trainBatch = 16;
  int inferBatch = 64;
  int warmup = 3;
  int steps = 10;      // training steps per repeat
  int inferSteps = 4;  // inference batches per repeat
  int repeats = 5;     // the median is reported
  // Plain variants first: the pool, once installed, stays LibTorch's allocator (passing
  // blocks straight through outside a scope).
  std::vector<std::string> trainVariants = {"libtorch-nchw", "flystage", "flystage-pool",
                                            "flystage-bf16"};
  std::vector<std::string> inferVariants = {"libtorch-nchw", "flystage-module", "flystage-folded",
                                            "flystage", "flystage-bf16"};
};

// Images/s of each variant: training (forward, loss, backward, SGD step: the Trainer's
// step) and inference (forward and softmax: the Predictor's batch). Variants:
//   libtorch-nchw    core's ResNet with channels-last off: plain LibTorch, NCHW
//   flystage         training: core's ResNet as the Trainer runs it (channels-last);
//                    inference: FoldedResNet in a CpuMemoryPoolScope, as predictStages runs
//   flystage-module  inference on the ResNet module (channels-last, no grad)
//   flystage-folded  FoldedResNet without the memory pool
//   flystage-pool    training in a CpuMemoryPoolScope (not what the Trainer does yet)
//   flystage-bf16    the flystage variant under bfloat16 autocast (not used by FlyStage)
nlohmann::json benchModel(const ModelBenchOptions& options);

// GFLOP/s of an n x n x n matrix product (torch::mm) in float32 (OpenBLAS) and bfloat16
// (oneDNN), median of `repeats`.
nlohmann::json benchPeak(int threads, int n, int repeats);

// What bfloat16 autocast does to results: the project's range-labelled images split 4:1,
// the preset trained `epochs` epochs in float32 and in bf16 from the same weights and order
// (the Trainer's step), each evaluated on the held-out fifth in float32; and the float32
// model's predictions made in bf16: agreement and the largest probability difference.
nlohmann::json bf16Accuracy(const std::filesystem::path& project, const std::string& preset,
                            int epochs, int threads);

}  // namespace flystage::bench
