//===- Run.cpp - edgec run: compile and execute on .npy inputs ------------===//

#include "Common.h"

#include "mlir/IR/MLIRContext.h"

using namespace llvm;

namespace edgec::tool {
namespace {

cl::list<std::string> inputs("input",
                             cl::desc("Input value: NAME=FILE.npy, or "
                                      "FILE.npy for a single-input model"),
                             cl::value_desc("NAME=FILE"), cl::sub(runCommand()),
                             cl::cat(category));
cl::opt<std::string> outputDir("output-dir",
                               cl::desc("Write <output>.npy files here"),
                               cl::value_desc("dir"), cl::sub(runCommand()),
                               cl::cat(category));
cl::opt<unsigned> repeat("repeat", cl::desc("Timed inferences"), cl::init(1),
                         cl::sub(runCommand()), cl::cat(category));
cl::opt<int> warmup("warmup", cl::desc("Untimed inferences first"),
                    cl::init(-1), cl::sub(runCommand()), cl::cat(category));
cl::opt<unsigned> threads("threads",
                          cl::desc("Threads per inference (default 1)"),
                          cl::init(1), cl::sub(runCommand()),
                          cl::cat(category));
cl::opt<bool> printOutputs("print", cl::desc("Print output values and latency"),
                           cl::sub(runCommand()), cl::cat(category));
cl::opt<bool> json("json", cl::desc("Print timings and outputs as JSON"),
                   cl::sub(runCommand()), cl::cat(category));

} // namespace

int runMain() {
  CompileOptions options;
  if (!buildCompileOptions(options))
    return 1;
  if (outputDir.empty() && !printOutputs && !json)
    return fail("nothing to do with the outputs; give --output-dir, --print "
                "or --json");
  mlir::MLIRContext context;
  mlir::FailureOr<cpu::CpuModel> model =
      compileForCommand(context, options, outs());
  if (failed(model))
    return 1;
  std::vector<std::string> runnerArgs;
  for (const std::string &input : inputs)
    runnerArgs.insert(runnerArgs.end(), {"--input", input});
  if (!outputDir.empty())
    runnerArgs.insert(runnerArgs.end(), {"--output-dir", outputDir});
  runnerArgs.insert(runnerArgs.end(), {"--repeat", std::to_string(repeat)});
  runnerArgs.insert(runnerArgs.end(), {"--threads", std::to_string(threads)});
  if (warmup >= 0)
    runnerArgs.insert(runnerArgs.end(), {"--warmup", std::to_string(warmup)});
  if (printOutputs)
    runnerArgs.push_back("--print");
  if (json)
    runnerArgs.push_back("--json");
  std::string error;
  int status = cpu::runModel(*model, runnerArgs, error);
  if (status < 0)
    return fail(error);
  return status;
}

} // namespace edgec::tool
