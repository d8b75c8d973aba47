//===- RuntimeEntry.h - The model as the C runtime sees it ------*- C++ -*-===//
//
// A compiled model is called through edgec_model_desc (edgec_runtime.h).
// This file reads the model's interface off the entry function and emits,
// into the LLVM module, the `void entry(void **args)` trampoline and the
// description constant that the runtime reads.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_CODEGEN_LLVM_RUNTIMEENTRY_H
#define EDGEC_CODEGEN_LLVM_RUNTIMEENTRY_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/IR/Module.h"

#include <string>
#include <vector>

namespace edgec::codegen {

struct TensorInterface {
  std::string name;
  int32_t dtype = 0; ///< an edgec_dtype
  std::vector<int64_t> shape;
};

struct ModelInterface {
  std::string symbol; ///< the entry function
  std::vector<TensorInterface> inputs, outputs;
  std::vector<char> weights; ///< the blob the runtime loads
  /// Bytes of the activation arena (edgec-plan-memory), and what separate
  /// buffers would need.
  int64_t scratchBytes = 0, naiveBytes = 0;
};

/// Reads the interface of a module after the `edgec-entry-abi` pass.
mlir::FailureOr<ModelInterface> readModelInterface(mlir::ModuleOp module);

/// The edgec_dtype of an element type, or 0.
int32_t runtimeDType(mlir::Type elementType);
/// numpy's name for an edgec_dtype ("float32").
llvm::StringRef runtimeDTypeName(int32_t dtype);

/// FNV-1a 64, as edgec_fnv1a64 computes it.
uint64_t fnv1a64(llvm::ArrayRef<char> data);

struct EntryOptions {
  std::string modelName; ///< C identifier; the descriptor is edgec_model_<name>
  std::string target;    ///< device name recorded in the descriptor
};

/// Adds the trampoline and the descriptor to `module`, which holds the
/// translated entry function.
void emitRuntimeEntry(llvm::Module &module, const ModelInterface &interface,
                      const EntryOptions &options);

} // namespace edgec::codegen

#endif // EDGEC_CODEGEN_LLVM_RUNTIMEENTRY_H
