//===- Common.h - What every edgec subcommand shares ------------*- C++ -*-===//

#ifndef EDGEC_TOOLS_EDGEC_COMMON_H
#define EDGEC_TOOLS_EDGEC_COMMON_H

#include "edgec/Driver/Compiler.h"

#include "llvm/Support/CommandLine.h"

namespace edgec::tool {

extern llvm::cl::OptionCategory category;
// Function-local statics: options in other files name them during static
// initialization, whose order across files is unspecified.
llvm::cl::SubCommand &runCommand();
llvm::cl::SubCommand &benchCommand();
llvm::cl::SubCommand &inspectCommand();
llvm::cl::SubCommand &tuneCommand();

/// The model and the options every subcommand compiles with.
extern llvm::cl::opt<std::string> modelPath;

/// The --target flag's value, for subcommands that compile no model.
std::string targetFlag();

/// Prints `error: <message>` and returns the exit status 1.
int fail(const llvm::Twine &message);

/// Checks the shared flags into `options`; false after reporting.
bool buildCompileOptions(CompileOptions &options);

/// A fresh context set up for the compiler, and compiles the model; null
/// after the error has been printed.
mlir::FailureOr<cpu::CpuModel> compileForCommand(mlir::MLIRContext &context,
                                                 const CompileOptions &options,
                                                 llvm::raw_ostream &emitOut);

int compileMain();
int runMain();
int benchMain();
int inspectMain();
int tuneMain();
int listTargetsMain();
int listOpsMain();

} // namespace edgec::tool

#endif // EDGEC_TOOLS_EDGEC_COMMON_H
