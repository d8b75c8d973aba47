//===- Workload.h - What the autotuner tunes and the database keys -*- C++
//-*-===//
//
// A workload is a kernel's shapes and window, not its weights: two layers
// with the same workload run the same code as fast, in any model. The key
// spells it in one line; the tuning database indexes records by it, and
// edgec-apply-tuning matches the model's convolutions against it.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_AUTOTUNER_WORKLOAD_H
#define EDGEC_AUTOTUNER_WORKLOAD_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace edgec::graph {
class ConvOp;
} // namespace edgec::graph

namespace edgec::tuning {

/// A float32 1-D or 2-D convolution, NC[H]W with an F x C/group x [KH] x KW
/// filter: what edge.conv computes.
struct ConvWorkload {
  llvm::SmallVector<int64_t, 4> input, weight;
  llvm::SmallVector<int64_t, 2> strides, dilations;
  llvm::SmallVector<int64_t, 4> pads;
  int64_t group = 1;
  bool bias = false;

  static ConvWorkload fromOp(graph::ConvOp op);
  /// The workload `key` spells, if it is one.
  static std::optional<ConvWorkload> parse(llvm::StringRef key);

  /// "conv in=1x64x56x56 w=64x64x3x3 s=1x1 d=1x1 p=1x1x1x1 g=1 bias".
  std::string key() const;
  /// Workloads whose schedules are worth trying on each other: the same
  /// window and grouping ("conv k=3x3 s=1x1 d=1x1 depthwise").
  std::string family() const;
  llvm::SmallVector<int64_t, 4> outputShape() const;
  /// Multiply-accumulates of one inference.
  int64_t macs() const;
  /// Bytes of input, filter and output.
  int64_t bytes() const;

  /// The seeded random filter (F x C/group x [KH] x KW) and bias (F, or
  /// empty) every measurement of this workload runs.
  std::pair<std::vector<float>, std::vector<float>> seededWeights() const;

  /// A model whose entry `main(x) -> y` computes this convolution on seeded
  /// random weights, with `schedule` (if any) as the conv's edgec.schedule.
  /// 2-D workloads take and return NHWC tensors (see Workload.cpp).
  mlir::OwningOpRef<mlir::ModuleOp>
  buildModule(mlir::MLIRContext &context,
              mlir::DictionaryAttr schedule = nullptr) const;
};

} // namespace edgec::tuning

#endif // EDGEC_AUTOTUNER_WORKLOAD_H
