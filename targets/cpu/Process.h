//===- Process.h - Temporary directories and child processes ----*- C++ -*-===//
//
// What running a compiled model needs from the operating system: a scratch
// directory that disappears, and the device's C compiler and emulator.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_TARGETS_CPU_PROCESS_H
#define EDGEC_TARGETS_CPU_PROCESS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallString.h"

#include <optional>
#include <string>

namespace edgec::cpu {

/// A fresh directory, removed with its contents when this goes out of scope.
struct TempDir {
  llvm::SmallString<256> path;
  /// Creates it; false with `error` set when that fails.
  bool create(llvm::StringRef prefix, std::string &error);
  ~TempDir();
};

/// The full path of program `name` on PATH; false with `error` saying that
/// it is needed when it is missing.
bool findTool(llvm::StringRef name, std::string &path, std::string &error);

/// Runs `program` with `args` and returns its exit status, or -1 with
/// `error` set when it could not start. Its stdout and stderr go to
/// `stdoutFile` and `stderrFile` when given.
int execute(llvm::StringRef program, llvm::ArrayRef<std::string> args,
            std::string &error,
            std::optional<llvm::StringRef> stdoutFile = std::nullopt,
            std::optional<llvm::StringRef> stderrFile = std::nullopt);

} // namespace edgec::cpu

#endif // EDGEC_TARGETS_CPU_PROCESS_H
