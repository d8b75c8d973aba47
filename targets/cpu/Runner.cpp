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

int runModel(const CpuModel &model, const std::vector<std::string> &runnerArgs,
             std::string &error, std::string *output) {
  TempDir temp;
  if (!temp.create("edgec-run", error))
    return -1;
  llvm::SmallString<256> artifact(temp.path);
  llvm::sys::path::append(artifact, "artifact");
  if (failed(writeArtifact(model, artifact, error)))
    return -1;

  llvm::Triple triple(model.device->triple);
  bool native = runsNatively(*model.device);
  std::string compiler, emulator;
  if (!findTool(native ? "cc" : triple.getArchName().str() + "-linux-gnu-gcc",
                compiler, error))
    return -1;
  if (!native &&
      !findTool("qemu-" + triple.getArchName().str(), emulator, error))
    return -1;

  llvm::SmallString<256> runner(findRuntimeDir()), library(artifact),
      program(temp.path);
  llvm::sys::path::append(runner, triple.getArchName(), "libedgec_runner.a");
  llvm::sys::path::append(library, "lib" + model.name + ".a");
  llvm::sys::path::append(program, "runner");
  // Emulated programs are static: qemu then needs no target sysroot.
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
  if (!native)
    link.push_back("-static");
  int status = execute(compiler, link, error);
  if (status != 0) {
    if (error.empty())
      error = "linking the model with the runner failed (" + compiler + ")";
    return -1;
  }

  llvm::SmallString<256> weights(artifact);
  llvm::sys::path::append(weights, "weights.bin");
  std::vector<std::string> args = {"--weights", std::string(weights)};
  args.insert(args.end(), runnerArgs.begin(), runnerArgs.end());
  std::optional<StringRef> stdoutFile;
  llvm::SmallString<256> captured(temp.path);
  llvm::sys::path::append(captured, "stdout");
  if (output)
    stdoutFile = captured.str();
  if (native) {
    status = execute(program, args, error, stdoutFile);
  } else {
    std::vector<std::string> emulated;
    if (!model.device->qemuCpu.empty())
      emulated = {"-cpu", model.device->qemuCpu};
    emulated.push_back(std::string(program));
    emulated.insert(emulated.end(), args.begin(), args.end());
    status = execute(emulator, emulated, error, stdoutFile);
  }
  if (output) {
    auto buffer = llvm::MemoryBuffer::getFile(captured);
    if (buffer)
      *output = (*buffer)->getBuffer().str();
  }
  return status;
}

} // namespace edgec::cpu
