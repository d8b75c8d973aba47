//===- RuntimeDir.cpp - Where the prebuilt runtimes live ------------------===//

#include "edgec/Targets/CpuTarget.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

namespace edgec::cpu {

std::string findRuntimeDir() {
  // An explicit override first (tests, unusual installs).
  if (std::optional<std::string> dir =
          llvm::sys::Process::GetEnv("EDGEC_RUNTIME_DIR"))
    return *dir;
  // bin/edgec next to lib/edgec, in the build tree and when installed.
  static int anchor;
  std::string exe = llvm::sys::fs::getMainExecutable(nullptr, &anchor);
  llvm::SmallString<256> dir(llvm::sys::path::parent_path(exe));
  llvm::sys::path::append(dir, "..", "lib", "edgec");
  if (llvm::sys::fs::is_directory(dir))
    return std::string(dir);
  // Embedders (the Python module) fall back on the build tree.
  return EDGEC_BUILD_RUNTIME_DIR;
}

} // namespace edgec::cpu
