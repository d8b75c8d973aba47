//===- SampleRunner.cpp - A model run on a folder of samples --------------===//

#include "SampleRunner.h"

#include "npy.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace edgec {

std::vector<std::string> npySamples(StringRef dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
       it.increment(ec))
    if (llvm::sys::path::extension(it->path()) == ".npy")
      files.push_back(it->path());
  llvm::sort(files);
  return files;
}

FailureOr<std::unique_ptr<SampleRunner>>
SampleRunner::create(MLIRContext &context, OwningOpRef<ModuleOp> module,
                     const CompileOptions &options, Operation *diagnose) {
  auto main = module->lookupSymbol<func::FuncOp>("main");
  if (!main || main.getNumArguments() != 1)
    return diagnose->emitError()
           << "--calibration-data supports models with one input; this one "
              "has "
           << (main ? main.getNumArguments() : 0);
  auto inputType = cast<RankedTensorType>(main.getArgumentTypes()[0]);
  if (!inputType.getElementType().isF32())
    return diagnose->emitError()
           << "--calibration-data needs a float32 input, not " << inputType;
  auto runner = std::make_unique<SampleRunner>();
  runner->diagnose_ = diagnose;
  runner->inputShape_.assign(inputType.getShape().begin(),
                             inputType.getShape().end());
  CompileOptions host = options;
  host.target = "host";
  host.quantize.clear();
  host.calibrationData.clear();
  host.emit.reset();
  host.tuningDb.clear();
  FailureOr<cpu::CpuModel> model =
      compileModule(context, std::move(module), "calibration", "calibration",
                    host, llvm::nulls());
  if (failed(model))
    return failure();
  runner->model_ = std::move(*model);
  std::string error;
  runner->loaded_ = cpu::LoadedModel::load(runner->model_, error);
  if (!runner->loaded_)
    return diagnose->emitError() << "calibration: " << error;
  return runner;
}

LogicalResult SampleRunner::run(ArrayRef<std::string> files, Visitor visit) {
  auto countOf = [](const codegen::TensorInterface &t) {
    int64_t count = 1;
    for (int64_t d : t.shape)
      count *= d;
    return count;
  };
  const auto &outputs = model_.interface.outputs;
  // Room for the widest element (8 bytes) of every output.
  std::vector<std::vector<double>> buffers;
  std::vector<void *> pointers;
  for (const codegen::TensorInterface &t : outputs)
    buffers.emplace_back(countOf(t));
  for (auto &buffer : buffers)
    pointers.push_back(buffer.data());
  for (auto [index, file] : llvm::enumerate(files)) {
    edgec_npy sample{};
    char message[512] = "";
    if (edgec_npy_read(file.c_str(), &sample, message, sizeof message) != 0)
      return diagnose_->emitError() << "--calibration-data: " << message;
    bool fits = sample.dtype == EDGEC_DTYPE_F32 &&
                ArrayRef<int64_t>(sample.shape, sample.rank) ==
                    ArrayRef<int64_t>(inputShape_);
    if (!fits) {
      edgec_npy_free(&sample);
      return diagnose_->emitError()
             << "--calibration-data: '" << file << "' is not a "
             << RankedTensorType::get(inputShape_,
                                      Float32Type::get(diagnose_->getContext()))
             << " (the model's input)";
    }
    const void *inputs[] = {sample.data};
    edgec_status status = loaded_->run(inputs, pointers.data());
    edgec_npy_free(&sample);
    if (status != EDGEC_OK)
      return diagnose_->emitError()
             << "calibration: " << loaded_->statusString(status);
    for (size_t o = 0; o < outputs.size(); ++o)
      if (outputs[o].dtype == EDGEC_DTYPE_F32)
        visit(index, o, reinterpret_cast<const float *>(buffers[o].data()),
              countOf(outputs[o]));
  }
  return success();
}

} // namespace edgec
