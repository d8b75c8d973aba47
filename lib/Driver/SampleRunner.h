//===- SampleRunner.h - A model run on a folder of samples ------*- C++ -*-===//
//
// Quantization runs models on this machine over the .npy calibration
// samples: the float model that returns every convolution's input, and
// quantized variants to compare with it. This compiles a module for the
// host and hands each float32 output of each sample to a visitor.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_LIB_DRIVER_SAMPLERUNNER_H
#define EDGEC_LIB_DRIVER_SAMPLERUNNER_H

#include "edgec/Driver/Compiler.h"
#include "edgec/Targets/LoadedModel.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <memory>
#include <string>
#include <vector>

namespace edgec {

/// DIR's .npy files, sorted by name.
std::vector<std::string> npySamples(llvm::StringRef dir);

class SampleRunner {
public:
  /// (sample, output, values, count) for every float32 output.
  using Visitor =
      llvm::function_ref<void(size_t, size_t, const float *, int64_t)>;

  /// Compiles `module` (one float32 input) for this machine; errors go to
  /// `diagnose`'s location.
  static mlir::FailureOr<std::unique_ptr<SampleRunner>>
  create(mlir::MLIRContext &context, mlir::OwningOpRef<mlir::ModuleOp> module,
         const CompileOptions &options, mlir::Operation *diagnose);

  size_t numOutputs() const { return model_.interface.outputs.size(); }

  mlir::LogicalResult run(llvm::ArrayRef<std::string> files, Visitor visit);

private:
  mlir::Operation *diagnose_ = nullptr;
  llvm::SmallVector<int64_t> inputShape_;
  cpu::CpuModel model_;
  std::unique_ptr<cpu::LoadedModel> loaded_;
};

} // namespace edgec

#endif // EDGEC_LIB_DRIVER_SAMPLERUNNER_H
