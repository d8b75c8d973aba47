//===- Runner.cpp - edgec run: link the artifact and execute it -----------===//
//
// `edgec run` tests what users deploy: the same artifact directory, linked
// with the generic runner by the device's C compiler, executed natively for
// the host and under qemu-aarch64 for Arm boards.
//
//===----------------------------------------------------------------------===//

#include "Process.h"
#include "edgec/Targets/CpuTarget.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"

using namespace mlir;

namespace edgec::cpu {

bool runsNatively(const DeviceDescription &device) {
  return llvm::Triple(device.triple).getArch() ==
         llvm::Triple(llvm::sys::getProcessTriple()).getArch();
}

bool linkRunner(const CpuModel &model, StringRef dir, bool staticLink,
                RunnerProgram &linked, std::string &error) {
  llvm::SmallString<256> artifact(dir);
  llvm::sys::path::append(artifact, "artifact");
  if (failed(writeArtifact(model, artifact, error)))
    return false;

  llvm::Triple triple(model.device->triple);
  bool native = runsNatively(*model.device);
  std::string compiler;
  if (!findTool(native ? "cc" : triple.getArchName().str() + "-linux-gnu-gcc",
                compiler, error))
    return false;

  llvm::SmallString<256> runner(findRuntimeDir()), library(artifact),
      program(dir), weights(artifact);
  llvm::sys::path::append(runner, triple.getArchName(), "libedgec_runner.a");
  llvm::sys::path::append(library, "lib" + model.name + ".a");
  llvm::sys::path::append(program, "runner");
  llvm::sys::path::append(weights, "weights.bin");
  // The runner reads the model through one name, whatever the model's.
  std::vector<std::string> link = {
      "-o",
      std::string(program),
      "-Wl,--undefined=edgec_model_" + model.name,
      "-Wl,--defsym=edgec_runner_model=edgec_model_" + model.name,
      std::string(runner),
      std::string(library),
      "-lm",
      "-lpthread"};
  if (staticLink)
    link.push_back("-static");
  int status = execute(compiler, link, error);
  if (status != 0) {
    if (error.empty())
      error = "linking the model with the runner failed (" + compiler + ")";
    return false;
  }
  linked.program = std::string(program);
  linked.weights = std::string(weights);
  return true;
}

int executeRunner(const DeviceDescription &device, const RunnerProgram &linked,
                  const std::vector<std::string> &runnerArgs,
                  std::string &error, std::optional<StringRef> stdoutFile,
                  std::optional<StringRef> stderrFile) {
  std::vector<std::string> args = {"--weights", linked.weights};
  args.insert(args.end(), runnerArgs.begin(), runnerArgs.end());
  if (runsNatively(device))
    return execute(linked.program, args, error, stdoutFile, stderrFile);
  llvm::Triple triple(device.triple);
  std::string emulator;
  if (!findTool("qemu-" + triple.getArchName().str(), emulator, error))
    return -1;
  std::vector<std::string> emulated;
  if (!device.qemuCpu.empty())
    emulated = {"-cpu", device.qemuCpu};
  emulated.push_back(linked.program);
  emulated.insert(emulated.end(), args.begin(), args.end());
  return execute(emulator, emulated, error, stdoutFile, stderrFile);
}

int runModel(const CpuModel &model, const std::vector<std::string> &runnerArgs,
             std::string &error, std::string *output) {
  TempDir temp;
  if (!temp.create("edgec-run", error))
    return -1;
  // Emulated programs are static: qemu then needs no target sysroot.
  RunnerProgram linked;
  if (!linkRunner(model, temp.path,
                  /*staticLink=*/!runsNatively(*model.device), linked, error))
    return -1;
  std::optional<StringRef> stdoutFile;
  llvm::SmallString<256> captured(temp.path);
  llvm::sys::path::append(captured, "stdout");
  if (output)
    stdoutFile = captured.str();
  int status =
      executeRunner(*model.device, linked, runnerArgs, error, stdoutFile);
  if (output) {
    auto buffer = llvm::MemoryBuffer::getFile(captured);
    if (buffer)
      *output = (*buffer)->getBuffer().str();
  }
  return status;
}

} // namespace edgec::cpu
