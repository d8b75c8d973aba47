//===- Inspect.cpp - edgec inspect: ops, MACs, parameters, memory ---------===//

#include "Common.h"

#include "edgec/Driver/Inspect.h"
#include "edgec/Support/Diagnostics.h"

#include "mlir/IR/MLIRContext.h"

using namespace llvm;

namespace edgec::tool {
namespace {

cl::opt<bool> json("json", cl::desc("Print the report as one JSON object"),
                   cl::sub(inspectCommand()), cl::cat(category));

} // namespace

int inspectMain() {
  CompileOptions options;
  if (!buildCompileOptions(options))
    return 1;
  mlir::MLIRContext context;
  prepareContext(context);
  FirstErrorHandler diagnostics(context);
  mlir::FailureOr<ModelReport> report =
      inspectModel(context, modelPath, options);
  if (failed(report))
    return diagnostics.hadError() ? 1 : fail(modelPath + ": inspection failed");
  if (json)
    outs() << formatv("{0:2}", toJSON(*report)) << "\n";
  else
    printReport(*report, outs());
  return 0;
}

} // namespace edgec::tool
