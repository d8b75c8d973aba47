//===- Inspect.h - What a model computes and what it costs ------*- C++ -*-===//
//
// `edgec inspect` and the Python bindings' `inspect()`: per ONNX node, the op,
// its shapes, multiply-accumulates, parameters and output bytes; totals; the
// activation memory the planner needs; which devices run each op; and with
// --quantize, what quantization costs in accuracy (Quantize.h).
//
// MACs count the multiply-accumulates of convolutions (including transposed
// ones) and matrix products (Gemm, MatMul): one per weight per output value.
// Elementwise ops, pooling and normalization count none. This is the
// convention of torchvision's published figures and of counters that hook
// Conv and Linear layers.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_DRIVER_INSPECT_H
#define EDGEC_DRIVER_INSPECT_H

#include "edgec/Driver/Compiler.h"
#include "edgec/Driver/Quantize.h"

#include "llvm/Support/JSON.h"

#include <map>
#include <optional>

namespace edgec {

struct OpReport {
  std::string node, opType, dialectOp;
  std::vector<std::vector<int64_t>> inputShapes;
  std::vector<int64_t> outputShape;
  int64_t macs = 0, params = 0, activationBytes = 0;
};

struct ModelReport {
  std::string model, source, target;
  std::vector<OpReport> ops;
  int64_t macs = 0, params = 0;
  std::map<std::string, int64_t> weightBytesByDType;
  int64_t plannedActivationBytes = 0, naiveActivationBytes = 0;
  double compileSeconds = 0;
  /// Per device: the model's ONNX op types it does not run (empty: all).
  std::map<std::string, std::vector<std::string>> unsupportedByDevice;
  std::vector<std::string> onnxOpTypes;
  /// With --quantize: per-layer SQNR and agreement with float32.
  std::optional<QuantizationReport> quantization;
};

/// Imports and compiles (for `options.target`) the model at `path`.
mlir::FailureOr<ModelReport> inspectModel(mlir::MLIRContext &context,
                                          llvm::StringRef path,
                                          const CompileOptions &options);

llvm::json::Value toJSON(const ModelReport &report);
void printReport(const ModelReport &report, llvm::raw_ostream &os);

} // namespace edgec

#endif // EDGEC_DRIVER_INSPECT_H
