//===- CpuTarget.h - Code, artifacts and runs for CPU devices ---*- C++ -*-===//
//
// The back end of `host`, `rpi4` and `rpi5`: LLVM-dialect module to object
// code, the artifact directory users deploy, and `edgec run`, which links
// the artifact with the generic runner and executes it natively or under
// qemu-aarch64.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_TARGETS_CPUTARGET_H
#define EDGEC_TARGETS_CPUTARGET_H

#include "codegen/LLVM/RuntimeEntry.h"
#include "codegen/Pipeline.h"
#include "edgec/Targets/Device.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>
#include <vector>

namespace edgec::cpu {

/// A model compiled for one CPU device, held in memory.
struct CpuModel {
  std::string name;   ///< C identifier of the model
  std::string source; ///< the ONNX file it came from
  const DeviceDescription *device = nullptr;
  codegen::ModelInterface interface;
  std::string object; ///< ELF object of the model and its entry
  double compileSeconds = 0;
};

/// Translates an LLVM-dialect module for `model.device`, adds the runtime
/// entry and emits the object into `model.object`. With `stage` LLVMIR or
/// Asm, prints that instead and leaves the object empty.
mlir::LogicalResult generateCode(mlir::ModuleOp module, CpuModel &model,
                                 codegen::Stage stage,
                                 llvm::raw_ostream &emitOut);

/// Writes the artifact directory `outDir` (static library, headers, weights,
/// manifest, CMakeLists.txt, example main.c) through a temporary directory
/// renamed into place, so that a failure leaves nothing behind.
mlir::LogicalResult writeArtifact(const CpuModel &model, llvm::StringRef outDir,
                                  std::string &error);

/// A model linked with the generic runner: the program and the weights file
/// it reads (`--weights`).
struct RunnerProgram {
  std::string program, weights;
};

/// Writes the artifact into `dir` and links it with the generic runner by
/// the device's C compiler, statically when asked (for emulators and boards,
/// which then need no matching C library).
bool linkRunner(const CpuModel &model, llvm::StringRef dir, bool staticLink,
                RunnerProgram &linked, std::string &error);

/// Runs a linked runner with `runnerArgs` (after its --weights), natively or
/// under qemu; returns its exit status, or -1 with `error` set. Its stdout
/// and stderr go to `stdoutFile` and `stderrFile` when given.
int executeRunner(const DeviceDescription &device, const RunnerProgram &linked,
                  const std::vector<std::string> &runnerArgs,
                  std::string &error,
                  std::optional<llvm::StringRef> stdoutFile = std::nullopt,
                  std::optional<llvm::StringRef> stderrFile = std::nullopt);

/// Links the model with the generic runner and executes it with
/// `runnerArgs`; returns the runner's exit status, or -1 with `error` set.
/// With `output`, the runner's stdout goes there instead of the terminal.
int runModel(const CpuModel &model, const std::vector<std::string> &runnerArgs,
             std::string &error, std::string *output = nullptr);

/// Whether code for `device` runs on this machine without an emulator.
bool runsNatively(const DeviceDescription &device);

/// Where the prebuilt runtimes and templates live (lib/edgec beside bin/).
std::string findRuntimeDir();

} // namespace edgec::cpu

#endif // EDGEC_TARGETS_CPUTARGET_H
