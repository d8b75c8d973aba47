//===- MachineCode.h - LLVM dialect to object code --------------*- C++ -*-===//
//
// The last steps of every LLVM-based target: translate the LLVM dialect to
// LLVM IR for a target machine, optimize it, and emit assembly or an object.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_CODEGEN_LLVM_MACHINECODE_H
#define EDGEC_CODEGEN_LLVM_MACHINECODE_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>
#include <string>

namespace edgec::codegen {

/// What the LLVM backend needs to know about a CPU.
struct CpuSpec {
  std::string triple;   ///< e.g. "aarch64-unknown-linux-gnu"
  std::string cpu;      ///< e.g. "cortex-a72"
  std::string features; ///< e.g. "+neon,+crc"
};

/// A target machine for `spec`, or null with `error` set.
std::unique_ptr<llvm::TargetMachine> createTargetMachine(const CpuSpec &spec,
                                                         std::string &error);

/// Translates an LLVM-dialect module for `machine`; reports failures as MLIR
/// errors and returns null.
std::unique_ptr<llvm::Module> translateToLLVMIR(mlir::ModuleOp module,
                                                llvm::LLVMContext &context,
                                                llvm::TargetMachine &machine);

/// Runs LLVM's O3 pipeline tuned for `machine`.
void optimizeLLVMIR(llvm::Module &module, llvm::TargetMachine &machine);

/// Emits assembly text or an ELF object into `out`; false with `error` set.
bool emitMachineCode(llvm::Module &module, llvm::TargetMachine &machine,
                     bool assembly, std::string &out, std::string &error);

} // namespace edgec::codegen

#endif // EDGEC_CODEGEN_LLVM_MACHINECODE_H
