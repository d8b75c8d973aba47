//===- Compiler.cpp - From an ONNX file to a compiled model ---------------===//

#include "edgec/Driver/Compiler.h"

#include "autotuner/ConvSchedule.h"
#include "autotuner/Transforms/Passes.h"
#include "autotuner/TuningDb.h"
#include "codegen/LLVM/RuntimeEntry.h"
#include "dialects/conv/Transforms/Algorithms.h"
#include "edgec/Driver/Calibration.h"
#include "edgec/Driver/Quantize.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Timer.h"

#include <chrono>

using namespace mlir;

namespace edgec {

void prepareContext(MLIRContext &context) {
  DialectRegistry registry;
  codegen::registerPipelineDialects(registry);
  context.appendDialectRegistry(registry);
  context.loadAllAvailableDialects();
}

const DeviceDescription *resolveTarget(StringRef name, std::string &error) {
  const DeviceDescription *device = findDevice(name);
  if (!device) {
    error = "unknown target '" + name.str() + "' (--target); known targets:";
    for (const DeviceDescription &d : allDevices())
      error += " " + d.name;
    return nullptr;
  }
  if (!device->available) {
    error = "target '" + name.str() + "' (" + device->summary +
            ") is not supported yet: " + device->status;
    return nullptr;
  }
  return device;
}

std::string checkCompileOptions(const CompileOptions &options) {
  std::string error;
  // A bad --target is a command-line problem, whatever the model holds.
  if (!resolveTarget(options.target, error))
    return error;
  StringRef algorithm = options.convAlgorithm;
  if (!algorithm.empty() &&
      !llvm::is_contained(conv::convAlgorithms(), algorithm))
    return "unknown --conv-algorithm '" + algorithm.str() +
           "'; algorithms: " + llvm::join(conv::convAlgorithms(), ", ");
  if (!options.tuningDb.empty() && !llvm::sys::fs::exists(options.tuningDb))
    return "--tuning-db '" + options.tuningDb +
           "' does not exist (edgec tune creates it)";
  if (!options.quantize.empty() && options.quantize != "int8")
    return "unknown --quantize '" + options.quantize + "'; only int8";
  if (options.quantize.empty() != options.calibrationData.empty())
    return options.quantize.empty()
               ? "--calibration-data needs --quantize=int8"
               : "--quantize=int8 needs --calibration-data DIR (a folder of "
                 ".npy inputs)";
  if (!llvm::is_contained(calibrators(), options.calibrator))
    return "unknown --calibrator '" + options.calibrator +
           "'; calibrators: " + llvm::join(calibrators(), ", ");
  if (options.calibrator != "minmax" && options.quantize.empty())
    return "--calibrator needs --quantize=int8";
  if (options.accuracyBudget != -1 &&
      !(options.accuracyBudget >= 0 && options.accuracyBudget <= 1))
    return "--accuracy-budget " + std::to_string(options.accuracyBudget) +
           " is not in [0, 1] (the largest 1 - cosine similarity allowed)";
  if (options.accuracyBudget != -1 && options.quantize.empty())
    return "--accuracy-budget needs --quantize=int8";
  if (!options.calibrationData.empty() &&
      !llvm::sys::fs::is_directory(options.calibrationData))
    return "--calibration-data '" + options.calibrationData +
           "' is not a directory";
  StringRef name = options.modelName;
  if (!name.empty() &&
      (llvm::isDigit(name[0]) || !llvm::all_of(name, [](char c) {
         return llvm::isAlnum(c) || c == '_';
       })))
    return "--name '" + name.str() + "' is not a C identifier";
  return "";
}

std::optional<codegen::Stage> parseStage(StringRef name, std::string &error) {
  std::string names;
  for (auto [spelling, stage] : codegen::stageNames()) {
    if (spelling == name)
      return stage;
    names += (names.empty() ? "" : ", ") + spelling.str();
  }
  error = "unknown --emit stage '" + name.str() + "'; stages: " + names;
  return std::nullopt;
}

std::string defaultModelName(StringRef path) {
  std::string name = llvm::sys::path::stem(path).str();
  for (char &c : name)
    if (!llvm::isAlnum(c))
      c = '_';
  if (name.empty() || llvm::isDigit(name[0]))
    name = "m_" + name;
  return name;
}

namespace {

/// Puts the fastest record of each workload on `device` into the module's
/// edgec.tuning table, for edgec-apply-tuning.
LogicalResult attachTuning(ModuleOp module, StringRef dbPath,
                           const DeviceDescription &device) {
  std::string error;
  std::unique_ptr<tuning::TuningDb> db = tuning::TuningDb::open(dbPath, error);
  if (!db)
    return module.emitError() << error << " (--tuning-db)";
  SmallVector<NamedAttribute> table;
  for (const tuning::Measurement &record : db->best(device.name)) {
    // The default's record means the compiler's own choice was fastest.
    auto schedule = tuning::ConvSchedule::parse(record.schedule);
    if (!schedule)
      continue;
    table.push_back(NamedAttribute(
        StringAttr::get(module.getContext(), record.workload),
        schedule->toAttr(module.getContext(), device.vectorLanes())));
  }
  module->setAttr(tuning::kTuningAttrName,
                  DictionaryAttr::get(module.getContext(), table));
  return success();
}

} // namespace

FailureOr<cpu::CpuModel> compileModel(MLIRContext &context, StringRef path,
                                      const CompileOptions &options,
                                      llvm::raw_ostream &emitOut) {
  auto start = std::chrono::steady_clock::now();
  Location fileLoc = FileLineColLoc::get(&context, path, 0, 0);
  std::string error;
  if (!resolveTarget(options.target, error))
    return emitError(fileLoc) << error;
  OwningOpRef<ModuleOp> module = importOnnxFile(context, path, options.import);
  if (!module)
    return failure();
  if (!options.quantize.empty() &&
      failed(quantizeAfterCalibration(context, *module, options)))
    return failure();
  std::string name =
      options.modelName.empty() ? defaultModelName(path) : options.modelName;
  FailureOr<cpu::CpuModel> model =
      compileModule(context, std::move(module), name,
                    llvm::sys::path::filename(path), options, emitOut);
  // From the start of the import, not only of the pipeline.
  if (succeeded(model))
    model->compileSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
  return model;
}

FailureOr<cpu::CpuModel> compileModule(MLIRContext &context,
                                       OwningOpRef<ModuleOp> module,
                                       StringRef name, StringRef source,
                                       const CompileOptions &options,
                                       llvm::raw_ostream &emitOut) {
  auto start = std::chrono::steady_clock::now();
  std::string error;
  cpu::CpuModel model;
  model.device = resolveTarget(options.target, error);
  if (!model.device)
    return module->emitError() << error;
  model.name = name.str();
  model.source = source.str();
  if (!options.tuningDb.empty() &&
      failed(attachTuning(*module, options.tuningDb, *model.device)))
    return failure();

  OpPrintingFlags flags;
  if (!options.printConstants)
    flags.elideLargeElementsAttrs(16).elideLargeResourceString(64);
  auto emitHere = [&](codegen::Stage stage) {
    if (options.emit != stage)
      return false;
    module->print(emitOut, flags);
    return true;
  };

  codegen::PipelineOptions pipeline;
  pipeline.vectorLength = model.device->vectorLanes();
  pipeline.int8Dot = model.device->int8DotProduct();
  pipeline.symbol = "edgec_" + model.name + "_forward";
  pipeline.convAlgorithm = options.convAlgorithm;
  for (auto [stageName, stage] : codegen::stageNames()) {
    if (stage == codegen::Stage::LLVMIR)
      break;
    if (emitHere(stage))
      return model;
    PassManager pm(&context);
    codegen::addStagePasses(pm, stage, pipeline);
    if (failed(pm.run(*module)))
      return failure();
    if (stage == codegen::Stage::Linalg) {
      // The entry function now has the runtime's calling convention.
      FailureOr<codegen::ModelInterface> interface =
          codegen::readModelInterface(*module);
      if (failed(interface))
        return failure();
      model.interface = std::move(*interface);
    }
  }
  codegen::Stage last = options.emit.value_or(codegen::Stage::Object);
  if (failed(cpu::generateCode(*module, model, last, emitOut)))
    return failure();
  model.compileSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  return model;
}

} // namespace edgec
