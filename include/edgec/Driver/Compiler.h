//===- Compiler.h - From an ONNX file to a compiled model -------*- C++ -*-===//
//
// The pipeline every front end shares (the edgec tool, and later the Python
// bindings): import, the MLIR stages of codegen/Pipeline.h, and the target's
// back end. Errors are MLIR diagnostics; see Support/Diagnostics.h.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_DRIVER_COMPILER_H
#define EDGEC_DRIVER_COMPILER_H

#include "codegen/Pipeline.h"
#include "edgec/Frontend/OnnxImporter.h"
#include "edgec/Targets/CpuTarget.h"

#include <optional>

namespace edgec {

struct CompileOptions {
  std::string target = "host";
  /// C identifier naming the model's symbols; derived from the file name
  /// when empty.
  std::string modelName;
  OnnxImportOptions import;
  /// Print the module after this stage to the emit stream and stop.
  std::optional<codegen::Stage> emit;
  /// Print constants in full when emitting (they are elided otherwise).
  bool printConstants = false;
  /// Convolution algorithm wherever it applies (see conv-select-algorithm).
  std::string convAlgorithm;
  /// A tuning database (autotuner/TuningDb.h) whose fastest records for
  /// the target replace the default schedules; none when empty.
  std::string tuningDb;
  /// Post-training quantization: "int8" quantizes every convolution's
  /// input activations and weights with ranges calibrated on the .npy
  /// samples in `calibrationData` (see docs/quantization.md); none when
  /// empty.
  std::string quantize;
  std::string calibrationData;
  /// How calibration turns what it saw into ranges: minmax, percentile or
  /// entropy (edgec/Driver/Calibration.h).
  std::string calibrator = "minmax";
  /// Mixed precision: the largest 1 - cosine similarity to the float
  /// model's output allowed on the calibration samples; the most sensitive
  /// convolutions stay float32 until it fits. Negative: no budget.
  double accuracyBudget = -1;
};

/// Registers everything the compiler needs in a fresh context.
void prepareContext(mlir::MLIRContext &context);

/// The device `name` names, or null with `error` saying why it cannot be
/// compiled for.
const DeviceDescription *resolveTarget(llvm::StringRef name,
                                       std::string &error);

/// Why `options` cannot be compiled with (an unknown target or convolution
/// algorithm, a model name that is not a C identifier), or empty. The text
/// names the command-line flag, for the CLI and the Python bindings alike.
std::string checkCompileOptions(const CompileOptions &options);

/// The stage `name` spells (as --emit does); none with `error` listing the
/// stages.
std::optional<codegen::Stage> parseStage(llvm::StringRef name,
                                         std::string &error);

/// A C identifier derived from a model's file name ("resnet-18.onnx" gives
/// "resnet_18").
std::string defaultModelName(llvm::StringRef path);

/// Compiles the model at `path`. With `options.emit`, prints that stage to
/// `emitOut` and returns a model without object code.
mlir::FailureOr<cpu::CpuModel> compileModel(mlir::MLIRContext &context,
                                            llvm::StringRef path,
                                            const CompileOptions &options,
                                            llvm::raw_ostream &emitOut);

/// Compiles `module`, an imported model (the edge dialect), as
/// compileModel does after importing.
mlir::FailureOr<cpu::CpuModel>
compileModule(mlir::MLIRContext &context,
              mlir::OwningOpRef<mlir::ModuleOp> module, llvm::StringRef name,
              llvm::StringRef source, const CompileOptions &options,
              llvm::raw_ostream &emitOut);

} // namespace edgec

#endif // EDGEC_DRIVER_COMPILER_H
