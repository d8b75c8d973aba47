//===- Bench.cpp - edgec bench: time a model on this machine --------------===//
//
// Compiles the model for the host, links it with the runner and times
// --repeat inferences on seeded random inputs after --warmup untimed ones.
// Compilation is not timed. With --json, one JSON object with at least
// median_ms (a contract of the benchmark harness in bench/).
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

using namespace llvm;

namespace edgec::tool {
namespace {

cl::opt<unsigned> threads("threads",
                          cl::desc("Threads per inference (default 1)"),
                          cl::init(1), cl::sub(benchCommand()),
                          cl::cat(category));
cl::opt<unsigned> repeat("repeat",
                         cl::desc("Timed inferences (at least 20, default 50)"),
                         cl::init(50), cl::sub(benchCommand()),
                         cl::cat(category));
cl::opt<unsigned> warmup("warmup", cl::desc("Untimed inferences first"),
                         cl::init(5), cl::sub(benchCommand()),
                         cl::cat(category));
cl::opt<bool> json("json", cl::desc("Print one JSON object"),
                   cl::sub(benchCommand()), cl::cat(category));

} // namespace

int benchMain() {
  CompileOptions options;
  if (!buildCompileOptions(options))
    return 1;
  std::string error;
  const DeviceDescription *device = resolveTarget(options.target, error);
  if (device->emulated)
    return fail("edgec bench times this machine: use --target=host ('" +
                device->name +
                "' code runs under qemu here, whose timings "
                "say nothing about the board)");
  if (repeat < 20)
    return fail("--repeat " + Twine(repeat) +
                " is too few for a median; give at least 20");
  if (threads < 1)
    return fail("--threads must be at least 1");
  mlir::MLIRContext context;
  mlir::FailureOr<cpu::CpuModel> model =
      compileForCommand(context, options, outs());
  if (failed(model))
    return 1;
  std::vector<std::string> args = {"--random-inputs", "--json",
                                   "--repeat",        std::to_string(repeat),
                                   "--warmup",        std::to_string(warmup),
                                   "--threads",       std::to_string(threads)};
  std::string output;
  int status = cpu::runModel(*model, args, error, &output);
  if (status < 0)
    return fail(error);
  if (status != 0)
    return status; // the runner said why on stderr
  Expected<json::Value> parsed = json::parse(output);
  json::Object *timings = parsed ? parsed->getAsObject() : nullptr;
  if (!timings)
    return fail("the runner's timings are not JSON: " + output);
  timings->erase("outputs");
  (*timings)["model"] = model->name;
  (*timings)["target"] = device->name;
  (*timings)["cpu"] = device->cpu;
  (*timings)["threads"] = static_cast<int64_t>(threads);
  (*timings)["compile_ms"] = static_cast<int64_t>(model->compileSeconds * 1000);
  if (json) {
    outs() << json::Value(std::move(*timings)) << "\n";
    return 0;
  }
  outs() << formatv(
      "{0} on {1} ({2}), {3} thread{4}: median {5:F3} ms, "
      "min {6:F3} ms, mean {7:F3} ms over {8} runs\n",
      model->name, device->name, device->cpu, unsigned(threads),
      threads == 1 ? "" : "s", timings->getNumber("median_ms").value_or(0),
      timings->getNumber("min_ms").value_or(0),
      timings->getNumber("mean_ms").value_or(0), unsigned(repeat));
  return 0;
}

} // namespace edgec::tool
