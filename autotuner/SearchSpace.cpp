//===- SearchSpace.cpp - The schedules a convolution can take -------------===//

#include "autotuner/SearchSpace.h"

#include "autotuner/Workload.h"
#include "codegen/Kernels/Schedule.h"
#include "dialects/conv/Transforms/Algorithms.h"
#include "dialects/graph/IR/GraphOps.h"
#include "llvm/ADT/STLExtras.h"

namespace edgec::tuning {

std::vector<ConvSchedule> searchSpace(graph::ConvOp op,
                                      const DeviceDescription &device) {
  ConvWorkload w = ConvWorkload::fromOp(op);
  auto out = w.outputShape();
  int64_t lanes = device.vectorLanes();
  // Output channels one tile spans: a group's filters (all channels for
  // depthwise, whose kernel vectorizes along them).
  std::vector<ConvSchedule> space;
  for (llvm::StringRef algorithm : conv::convAlgorithms()) {
    if (!conv::algorithmApplies(op, algorithm))
      continue;
    if (algorithm.starts_with("winograd")) {
      space.push_back({algorithm.str(), 0, 0});
      continue;
    }
    bool depthwise = algorithm == "depthwise";
    int64_t channels = depthwise ? w.weight[0] : w.weight[0] / w.group;
    // Pointwise and im2col run over one row of every pixel.
    int64_t rowPixels = out.back();
    if (algorithm == "pointwise" || algorithm == "im2col") {
      rowPixels = out[0];
      for (size_t i = 2; i < out.size(); ++i)
        rowPixels *= out[i];
    }
    int64_t maxVectors = std::max<int64_t>(1, (channels + lanes - 1) / lanes);
    for (int64_t vectors = 1; vectors <= std::min<int64_t>(4, maxVectors);
         ++vectors)
      for (int64_t rows = 1; rows <= std::min<int64_t>(16, rowPixels); ++rows)
        // Accumulators, one filter vector each and a broadcast; depthwise
        // loads an input vector per accumulator instead of broadcasting.
        if (rows * vectors + vectors + 1 <= device.vectorRegisters &&
            rows * vectors <= 32)
          space.push_back({algorithm.str(), rows, vectors});
  }
  return space;
}

ConvSchedule defaultSchedule(graph::ConvOp op,
                             const DeviceDescription &device) {
  llvm::StringRef algorithm = conv::defaultAlgorithm(op);
  auto tile = codegen::KernelSchedule::channelsLastDefault(
      device.vectorLanes(), algorithm == "depthwise");
  return {algorithm.str(), tile.rows, tile.vectors};
}

bool inSearchSpace(graph::ConvOp op, const DeviceDescription &device,
                   const ConvSchedule &schedule) {
  return llvm::is_contained(searchSpace(op, device), schedule);
}

} // namespace edgec::tuning
