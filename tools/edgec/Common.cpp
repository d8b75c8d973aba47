//===- Common.cpp - What every edgec subcommand shares --------------------===//

#include "Common.h"

#include "edgec/Support/Diagnostics.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace edgec::tool {

cl::OptionCategory category("edgec options");
cl::SubCommand &runCommand() {
  static cl::SubCommand command(
      "run", "Compile a model and execute it on .npy inputs");
  return command;
}
cl::SubCommand &benchCommand() {
  static cl::SubCommand command("bench",
                                "Compile a model and time it on this machine");
  return command;
}
cl::SubCommand &inspectCommand() {
  static cl::SubCommand command(
      "inspect", "Report a model's ops, MACs, parameters and memory");
  return command;
}

cl::SubCommand &tuneCommand() {
  static cl::SubCommand command(
      "tune", "Measure schedules for a model's kernels into a tuning database");
  return command;
}

#define EDGEC_ALL_COMMANDS                                                     \
  cl::sub(cl::SubCommand::getTopLevel()), cl::sub(runCommand()),               \
      cl::sub(benchCommand()), cl::sub(inspectCommand()),                      \
      cl::sub(tuneCommand())

cl::opt<std::string> modelPath(cl::Positional, cl::desc("<model.onnx>"),
                               EDGEC_ALL_COMMANDS, cl::cat(category));

namespace {

cl::opt<std::string> target("target", cl::desc("Device to compile for"),
                            cl::value_desc("name"), cl::init("host"),
                            EDGEC_ALL_COMMANDS, cl::cat(category));
cl::opt<std::string> modelName("name",
                               cl::desc("C identifier for the model's symbols"),
                               EDGEC_ALL_COMMANDS, cl::cat(category));
cl::list<std::string> inputShapes(
    "input-shape",
    cl::desc("Static shape of a graph input, e.g. input=1x3x224x224"),
    cl::value_desc("name=DIMS"), EDGEC_ALL_COMMANDS, cl::cat(category));
cl::opt<std::string> convAlgorithm(
    "conv-algorithm",
    cl::desc("Compute convolutions with this algorithm wherever it applies: "
             "direct, depthwise, pointwise, im2col, winograd2, winograd4"),
    cl::value_desc("name"), EDGEC_ALL_COMMANDS, cl::cat(category));

cl::opt<std::string> tuningDb(
    "tuning-db",
    cl::desc("Use the fastest schedules this tuning database holds for the "
             "target (see edgec tune)"),
    cl::value_desc("file"), cl::sub(cl::SubCommand::getTopLevel()),
    cl::sub(runCommand()), cl::sub(benchCommand()), cl::cat(category));

// Quantization flags also reach `inspect`, which then reports what
// quantization costs.
#define EDGEC_QUANTIZE_COMMANDS                                                \
  cl::sub(cl::SubCommand::getTopLevel()), cl::sub(runCommand()),               \
      cl::sub(benchCommand()), cl::sub(inspectCommand())

cl::opt<std::string> quantize(
    "quantize",
    cl::desc("Post-training quantization: int8 (needs --calibration-data)"),
    cl::value_desc("int8"), EDGEC_QUANTIZE_COMMANDS, cl::cat(category));
cl::opt<std::string> calibrator(
    "calibrator",
    cl::desc("How --quantize=int8 chooses activation ranges: minmax, "
             "percentile (99.99% of |x|) or entropy (least KL divergence)"),
    cl::value_desc("name"), cl::init("minmax"), EDGEC_QUANTIZE_COMMANDS,
    cl::cat(category));
cl::opt<double> accuracyBudget(
    "accuracy-budget",
    cl::desc("Mixed precision for --quantize=int8: the largest 1 - cosine "
             "similarity to the float model allowed on the calibration "
             "samples; the most sensitive convolutions stay float32"),
    cl::value_desc("x"), cl::init(-1.0), EDGEC_QUANTIZE_COMMANDS,
    cl::cat(category));
cl::opt<std::string> calibrationData(
    "calibration-data",
    cl::desc("Folder of .npy inputs (one sample each) to calibrate "
             "--quantize=int8 on"),
    cl::value_desc("dir"), EDGEC_QUANTIZE_COMMANDS, cl::cat(category));

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

} // namespace

std::string targetFlag() { return target; }

int fail(const Twine &message) {
  errs() << "error: " << message << "\n";
  return 1;
}

bool buildCompileOptions(CompileOptions &options) {
  if (modelPath.empty()) {
    fail("no model given; usage: edgec MODEL.onnx --target=T -o OUT "
         "(see --help)");
    return false;
  }
  options.target = target;
  options.modelName = modelName;
  options.convAlgorithm = convAlgorithm;
  options.tuningDb = tuningDb;
  options.quantize = quantize;
  options.calibrationData = calibrationData;
  options.calibrator = calibrator;
  if (accuracyBudget.getNumOccurrences())
    options.accuracyBudget = accuracyBudget;
  std::string error;
  if (!parseInputShapes(options, error)) {
    fail(error);
    return false;
  }
  error = checkCompileOptions(options);
  if (!error.empty()) {
    fail(error);
    return false;
  }
  return true;
}

mlir::FailureOr<cpu::CpuModel> compileForCommand(mlir::MLIRContext &context,
                                                 const CompileOptions &options,
                                                 raw_ostream &emitOut) {
  prepareContext(context);
  FirstErrorHandler diagnostics(context);
  mlir::FailureOr<cpu::CpuModel> model =
      compileModel(context, modelPath, options, emitOut);
  if (failed(model) && !diagnostics.hadError())
    fail(modelPath + ": compilation failed");
  return model;
}

} // namespace edgec::tool
