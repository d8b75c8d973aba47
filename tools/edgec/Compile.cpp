//===- Compile.cpp - edgec MODEL -o OUT -----------------------------------===//

#include "Common.h"

#include "mlir/IR/MLIRContext.h"

using namespace llvm;

namespace edgec::tool {
namespace {

cl::opt<std::string> outDir("o", cl::desc("Artifact directory to write"),
                            cl::value_desc("dir"),
                            cl::sub(cl::SubCommand::getTopLevel()),
                            cl::cat(category));
cl::opt<std::string>
    emit("emit",
         cl::desc("Print the IR after a stage and stop: import, graph, linalg, "
                  "buffers, kernels, llvm-dialect, llvm, asm"),
         cl::value_desc("stage"), cl::sub(cl::SubCommand::getTopLevel()),
         cl::cat(category));
cl::opt<bool> printConstants("print-constants",
                             cl::desc("Print large constants in full with "
                                      "--emit"),
                             cl::sub(cl::SubCommand::getTopLevel()),
                             cl::cat(category));

} // namespace

int compileMain() {
  CompileOptions options;
  if (!buildCompileOptions(options))
    return 1;
  options.printConstants = printConstants;
  if (!emit.empty()) {
    std::string error;
    options.emit = parseStage(emit, error);
    if (!options.emit)
      return fail(error);
  }
  if (!options.emit && outDir.empty())
    return fail("no output directory; give one with -o OUT");
  mlir::MLIRContext context;
  mlir::FailureOr<cpu::CpuModel> model =
      compileForCommand(context, options, outs());
  if (failed(model))
    return 1;
  if (options.emit)
    return 0;
  std::string error;
  if (failed(cpu::writeArtifact(*model, outDir, error)))
    return fail(error);
  return 0;
}

} // namespace edgec::tool
