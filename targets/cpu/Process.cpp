//===- Process.cpp - Temporary directories and child processes ------------===//

#include "Process.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"

namespace edgec::cpu {

bool TempDir::create(llvm::StringRef prefix, std::string &error) {
  if (std::error_code ec = llvm::sys::fs::createUniqueDirectory(prefix, path)) {
    path.clear();
    error = "cannot create a temporary directory: " + ec.message();
    return false;
  }
  return true;
}

TempDir::~TempDir() {
  if (!path.empty())
    llvm::sys::fs::remove_directories(path);
}

bool findTool(llvm::StringRef name, std::string &path, std::string &error) {
  auto found = llvm::sys::findProgramByName(name);
  if (!found) {
    error = "'" + name.str() + "' is not installed (needed to run the model)";
    return false;
  }
  path = *found;
  return true;
}

int execute(llvm::StringRef program, llvm::ArrayRef<std::string> args,
            std::string &error, std::optional<llvm::StringRef> stdoutFile,
            std::optional<llvm::StringRef> stderrFile) {
  llvm::SmallVector<llvm::StringRef> argv = {program};
  for (const std::string &arg : args)
    argv.push_back(arg);
  std::string message;
  llvm::SmallVector<std::optional<llvm::StringRef>, 3> redirects;
  if (stdoutFile || stderrFile)
    redirects = {std::nullopt, stdoutFile, stderrFile};
  int status = llvm::sys::ExecuteAndWait(program, argv, std::nullopt, redirects,
                                         0, 0, &message);
  if (status < 0)
    error = "cannot execute " + program.str() + ": " + message;
  return status;
}

} // namespace edgec::cpu
