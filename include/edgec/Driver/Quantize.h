//===- Quantize.h - Post-training int8 quantization -------------*- C++ -*-===//
//
// --quantize=int8: calibration on the float model, quantize/dequantize pairs
// on the convolutions (which integer kernels then take), mixed precision
// under an accuracy budget, and the report of what quantization costs.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_DRIVER_QUANTIZE_H
#define EDGEC_DRIVER_QUANTIZE_H

#include "edgec/Driver/Compiler.h"

#include "llvm/Support/JSON.h"

#include <string>
#include <vector>

namespace edgec {

/// One quantizable convolution: its ONNX node, its own quantization's
/// signal-to-quantization-noise ratio (its output from int8 input and
/// filter against float, on the first calibration sample) and whether it
/// runs in int8 or stays float32.
struct LayerQuantization {
  std::string node;
  double sqnrDb = 0;
  bool int8 = true;
};

/// The end-to-end cost of the chosen quantization on the calibration
/// samples: the quantized model's outputs against the float model's.
struct QuantizationReport {
  std::string calibrator;
  double budget = -1;
  std::vector<LayerQuantization> layers;
  double cosineMin = 1, cosineMean = 1;
  int top1Agreement = 0, samples = 0;
};

/// Post-training int8 quantization of an imported model: after the graph
/// clean-up, runs the float model on this machine over the samples in
/// `options.calibrationData`, then puts quantize/dequantize pairs on every
/// convolution's input (asymmetric int8 over the calibrated range) and
/// filter (symmetric int8 per output channel), and rounds its bias to the
/// int32 grid of input scale x filter scale. Under an accuracy budget the
/// convolutions with the lowest SQNR stay float until the quantized model
/// fits it. `report`, when given, receives the per-layer and end-to-end
/// figures (which costs one more compilation of the model).
mlir::LogicalResult
quantizeAfterCalibration(mlir::MLIRContext &context, mlir::ModuleOp module,
                         const CompileOptions &options,
                         QuantizationReport *report = nullptr);

llvm::json::Value toJSON(const QuantizationReport &report);
void printReport(const QuantizationReport &report, llvm::raw_ostream &os);

} // namespace edgec

#endif // EDGEC_DRIVER_QUANTIZE_H
