//===- Pipeline.h - The stages from graph to LLVM dialect -------*- C++ -*-===//
//
// Compilation is a sequence of named stages; the driver runs them in order
// and `--emit=<stage>` prints the module after any of them, as the Toy
// tutorial's `-emit=` does.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_CODEGEN_PIPELINE_H
#define EDGEC_CODEGEN_PIPELINE_H

#include "mlir/Pass/PassManager.h"

#include <string>

namespace edgec::codegen {

enum class Stage {
  Import,      ///< the edge dialect as imported
  Graph,       ///< after graph-level simplification
  Linalg,      ///< structured ops on tensors, with kernel schedules
  Buffers,     ///< bufferized, on the runtime's calling convention
  Kernels,     ///< convolutions and matmuls as vector loop nests
  LLVMDialect, ///< the LLVM dialect
  LLVMIR,      ///< optimized LLVM IR
  Asm,         ///< target assembly
  Object,      ///< the artifact (not printable)
};

/// The `--emit=` spelling of each stage, in pipeline order.
llvm::ArrayRef<std::pair<llvm::StringRef, Stage>> stageNames();

struct PipelineOptions {
  /// float32 lanes of one vector register, for default kernel schedules.
  int64_t vectorLength = 8;
  /// Symbol of the entry function (a C identifier).
  std::string symbol = "model";
  /// Convolution algorithm to use wherever it applies; empty lets each
  /// convolution's schedule and shape decide.
  std::string convAlgorithm;
  /// The int8 dot product of the target's int8 kernels: "vnni" (x86
  /// AVX-512 VNNI), "sdot" (Arm dot product) or "generic".
  std::string int8Dot = "generic";
};

/// The first passes of the import stage, which leave every edge.conv as
/// the kernel it will be: the point where the autotuner reads workloads and
/// edgec-apply-tuning matches them.
void addGraphCleanupPasses(mlir::OpPassManager &pm);

/// Adds the passes that take a module from the end of `stage` to the end of
/// the next MLIR stage. Import and the LLVM IR stages have no passes.
void addStagePasses(mlir::OpPassManager &pm, Stage stage,
                    const PipelineOptions &options);

/// Registers the dialects and LLVM translations the pipeline needs.
void registerPipelineDialects(mlir::DialectRegistry &registry);

} // namespace edgec::codegen

#endif // EDGEC_CODEGEN_PIPELINE_H
