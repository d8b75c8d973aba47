//===- edgec.cpp - The edgec command line driver --------------------------===//
//
//   edgec MODEL.onnx --target=T -o OUT     compile (the default subcommand)
//   edgec run MODEL.onnx --target=T --input NAME=FILE.npy --output-dir DIR
//   edgec --list-targets
//
// Every failure is one `error: ...` line on stderr and exit status 1.
//
//===----------------------------------------------------------------------===//

#include "edgec/Driver/Compiler.h"
#include "edgec/Support/Diagnostics.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace edgec;

namespace {

cl::OptionCategory category("edgec options");
cl::SubCommand runCommand("run",
                          "Compile a model and execute it on .npy inputs");

cl::opt<std::string> modelPath(cl::Positional, cl::desc("<model.onnx>"),
                               cl::sub(cl::SubCommand::getTopLevel()),
                               cl::sub(runCommand), cl::cat(category));
cl::opt<std::string> target("target", cl::desc("Device to compile for"),
                            cl::value_desc("name"), cl::init("host"),
                            cl::sub(cl::SubCommand::getTopLevel()),
                            cl::sub(runCommand), cl::cat(category));
cl::opt<std::string> modelName("name",
                               cl::desc("C identifier for the model's symbols"),
                               cl::sub(cl::SubCommand::getTopLevel()),
                               cl::sub(runCommand), cl::cat(category));
cl::list<std::string> inputShapes(
    "input-shape",
    cl::desc("Static shape of a graph input, e.g. input=1x3x224x224"),
    cl::value_desc("name=DIMS"), cl::sub(cl::SubCommand::getTopLevel()),
    cl::sub(runCommand), cl::cat(category));

// Compile.
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
cl::opt<bool> listTargets("list-targets",
                          cl::desc("List the devices and what each supports"),
                          cl::sub(cl::SubCommand::getTopLevel()),
                          cl::cat(category));

// Run.
cl::list<std::string> inputs("input",
                             cl::desc("Input value: NAME=FILE.npy, or "
                                      "FILE.npy for a single-input model"),
                             cl::value_desc("NAME=FILE"), cl::sub(runCommand),
                             cl::cat(category));
cl::opt<std::string> outputDir("output-dir",
                               cl::desc("Write <output>.npy files here"),
                               cl::value_desc("dir"), cl::sub(runCommand),
                               cl::cat(category));
cl::opt<unsigned> repeat("repeat", cl::desc("Timed inferences"), cl::init(1),
                         cl::sub(runCommand), cl::cat(category));
cl::opt<int> warmup("warmup", cl::desc("Untimed inferences first"),
                    cl::init(-1), cl::sub(runCommand), cl::cat(category));
cl::opt<bool> printOutputs("print", cl::desc("Print output values and latency"),
                           cl::sub(runCommand), cl::cat(category));
cl::opt<bool> json("json", cl::desc("Print timings and outputs as JSON"),
                   cl::sub(runCommand), cl::cat(category));

int fail(const Twine &message) {
  errs() << "error: " << message << "\n";
  return 1;
}

int listAllTargets() {
  outs() << "target            family   status\n";
  for (const DeviceDescription &d : allDevices()) {
    outs() << format("%-17s %-8s %s\n", d.name.c_str(),
                     deviceFamilyName(d.family).str().c_str(),
                     d.available ? "available" : "not yet");
    outs() << "    " << d.summary << "\n    " << d.status << "\n";
  }
  return 0;
}

/// Parses --input-shape NAME=D0xD1x...
bool parseInputShapes(CompileOptions &options, std::string &error) {
  for (const std::string &spec : inputShapes) {
    auto [name, dims] = StringRef(spec).rsplit('=');
    SmallVector<StringRef> parts;
    dims.split(parts, 'x');
    SmallVector<int64_t> shape;
    for (StringRef part : parts) {
      int64_t dim;
      if (part.getAsInteger(10, dim) || dim < 1) {
        error = "--input-shape '" + spec +
                "' is not NAME=DIMS with positive DIMS such as 1x3x224x224";
        return false;
      }
      shape.push_back(dim);
    }
    if (name.empty() || dims.empty()) {
      error = "--input-shape '" + spec + "' is not NAME=DIMS";
      return false;
    }
    if (!options.import.inputShapes.try_emplace(name, shape).second) {
      error = "--input-shape names '" + name.str() + "' twice";
      return false;
    }
  }
  return true;
}

bool isIdentifier(StringRef name) {
  return !name.empty() && !isDigit(name[0]) &&
         all_of(name, [](char c) { return isAlnum(c) || c == '_'; });
}

} // namespace

int main(int argc, char **argv) {
  sys::PrintStackTraceOnErrorSignal(argv[0]);
  cl::HideUnrelatedOptions(category);
  std::string parseErrors;
  raw_string_ostream parseStream(parseErrors);
  if (!cl::ParseCommandLineOptions(
          argc, argv,
          "edgec: a deep-learning compiler for edge devices\n\n"
          "  edgec MODEL.onnx --target=T -o OUT\n"
          "  edgec run MODEL.onnx --target=T --input NAME=FILE.npy "
          "--output-dir DIR\n"
          "  edgec --list-targets\n",
          &parseStream)) {
    // LLVM says "edgec: <problem>"; keep the first line, in our form.
    StringRef first = StringRef(parseErrors).split('\n').first.trim();
    first.consume_front("edgec: ");
    return fail(first);
  }

  if (listTargets)
    return listAllTargets();
  if (modelPath.empty())
    return fail("no model given; usage: edgec MODEL.onnx --target=T -o OUT "
                "(see --help)");

  CompileOptions options;
  options.target = target;
  options.modelName = modelName;
  options.printConstants = printConstants;
  std::string error;
  if (!parseInputShapes(options, error))
    return fail(error);
  if (!modelName.empty() && !isIdentifier(modelName))
    return fail("--name '" + modelName + "' is not a C identifier");
  // A bad --target is a command-line problem, whatever the model holds.
  if (!resolveTarget(target, error))
    return fail(error);
  bool running = static_cast<bool>(runCommand);
  if (!running && !emit.empty()) {
    for (auto [name, stage] : edgec::codegen::stageNames())
      if (name == emit)
        options.emit = stage;
    if (!options.emit)
      return fail("unknown --emit stage '" + emit +
                  "'; stages: import, graph, linalg, buffers, kernels, "
                  "llvm-dialect, llvm, asm");
  }
  if (!running && !options.emit && outDir.empty())
    return fail("no output directory; give one with -o OUT");
  options.runnerAlias = running;
  if (running && outputDir.empty() && !printOutputs && !json)
    return fail("nothing to do with the outputs; give --output-dir, --print "
                "or --json");

  mlir::MLIRContext context;
  prepareContext(context);
  FirstErrorHandler diagnostics(context);
  mlir::FailureOr<cpu::CpuModel> model =
      compileModel(context, modelPath, options, outs());
  if (failed(model)) {
    if (!diagnostics.hadError())
      return fail(modelPath + ": compilation failed");
    return 1;
  }
  if (options.emit)
    return 0;

  if (!running) {
    if (failed(cpu::writeArtifact(*model, outDir, error)))
      return fail(error);
    return 0;
  }

  std::vector<std::string> runnerArgs;
  for (const std::string &input : inputs) {
    runnerArgs.push_back("--input");
    runnerArgs.push_back(input);
  }
  if (!outputDir.empty())
    runnerArgs.insert(runnerArgs.end(), {"--output-dir", outputDir});
  runnerArgs.insert(runnerArgs.end(), {"--repeat", std::to_string(repeat)});
  if (warmup >= 0)
    runnerArgs.insert(runnerArgs.end(), {"--warmup", std::to_string(warmup)});
  if (printOutputs)
    runnerArgs.push_back("--print");
  if (json)
    runnerArgs.push_back("--json");
  int status = cpu::runModel(*model, runnerArgs, error);
  if (status < 0)
    return fail(error);
  return status;
}
