//===- Quantize.cpp - Post-training int8 quantization ---------------------===//
//
// Calibration runs the float model itself: a copy of the module returns
// every convolution's input as an extra result, is compiled for this
// machine and run on each calibration sample; the smallest and largest
// value seen per tensor (the minmax calibrator) give its uint8 scale and
// zero point. The quantize/dequantize pairs then go on the model as a QDQ
// model would carry them, so that everything after (the float lowering of
// today, integer kernels later) treats both alike.
//
//===----------------------------------------------------------------------===//

#include "edgec/Driver/Compiler.h"

#include "codegen/Pipeline.h"
#include "dialects/graph/IR/GraphOps.h"
#include "dialects/qtensor/IR/QTensorOps.h"
#include "edgec/Targets/LoadedModel.h"

#include "npy.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cmath>

using namespace mlir;
namespace graph = edgec::graph;
namespace qtensor = edgec::qtensor;

namespace edgec {
namespace {

/// The convolutions that get quantized: those with constant filters, in
/// walk order (the same in the module and its calibration copy).
SmallVector<graph::ConvOp> quantizableConvs(ModuleOp module) {
  SmallVector<graph::ConvOp> convs;
  module.walk([&](graph::ConvOp op) {
    if (op.getWeight().getDefiningOp<graph::ConstantOp>())
      convs.push_back(op);
  });
  return convs;
}

func::FuncOp entry(ModuleOp module) {
  return module.lookupSymbol<func::FuncOp>("main");
}

/// The calibration samples: DIR's .npy files, sorted by name.
std::vector<std::string> samples(StringRef dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
       it.increment(ec))
    if (llvm::sys::path::extension(it->path()) == ".npy")
      files.push_back(it->path());
  llvm::sort(files);
  return files;
}

/// The minimum and maximum of every convolution input over the samples.
LogicalResult calibrate(MLIRContext &context, ModuleOp module,
                        const CompileOptions &options,
                        SmallVectorImpl<std::pair<float, float>> &ranges) {
  func::FuncOp main = entry(module);
  if (!main || main.getNumArguments() != 1)
    return module.emitError()
           << "--calibration-data supports models with one input; this one "
              "has "
           << (main ? main.getNumArguments() : 0);
  auto inputType = cast<RankedTensorType>(main.getArgumentTypes()[0]);
  if (!inputType.getElementType().isF32())
    return module.emitError() << "--calibration-data needs a float32 input, "
                                 "not "
                              << inputType;

  // The copy returns each convolution's input after the model's results.
  OwningOpRef<ModuleOp> copy = module.clone();
  func::FuncOp copyMain = entry(*copy);
  auto ret = cast<func::ReturnOp>(copyMain.getBody().front().getTerminator());
  unsigned originalResults = ret.getNumOperands();
  SmallVector<Value> results(ret.getOperands());
  for (graph::ConvOp op : quantizableConvs(*copy))
    results.push_back(op.getInput());
  OpBuilder b(ret);
  b.create<func::ReturnOp>(ret.getLoc(), results);
  ret.erase();
  copyMain.setType(FunctionType::get(&context, copyMain.getArgumentTypes(),
                                     ValueRange(results).getTypes()));
  for (unsigned i = originalResults; i < results.size(); ++i)
    copyMain.setResultAttr(
        i, "edgec.name",
        b.getStringAttr("calibration_" + std::to_string(i - originalResults)));

  CompileOptions host = options;
  host.target = "host";
  host.quantize.clear();
  host.calibrationData.clear();
  host.emit.reset();
  host.tuningDb.clear();
  FailureOr<cpu::CpuModel> model =
      compileModule(context, std::move(copy), "calibration", "calibration",
                    host, llvm::nulls());
  if (failed(model))
    return failure();
  std::string error;
  std::unique_ptr<cpu::LoadedModel> loaded =
      cpu::LoadedModel::load(*model, error);
  if (!loaded)
    return module.emitError() << "calibration: " << error;

  std::vector<std::vector<char>> outputs;
  std::vector<void *> pointers;
  for (const codegen::TensorInterface &t : model->interface.outputs) {
    int64_t count = 1;
    for (int64_t d : t.shape)
      count *= d;
    outputs.emplace_back(count * 8);
  }
  for (auto &o : outputs)
    pointers.push_back(o.data());

  std::vector<std::string> files = samples(options.calibrationData);
  if (files.empty())
    return module.emitError()
           << "--calibration-data '" << options.calibrationData
           << "' holds no .npy files";
  ranges.assign(results.size() - originalResults, {INFINITY, -INFINITY});
  for (const std::string &file : files) {
    edgec_npy sample{};
    char message[512] = "";
    if (edgec_npy_read(file.c_str(), &sample, message, sizeof message) != 0)
      return module.emitError() << "--calibration-data: " << message;
    bool fits =
        sample.dtype == EDGEC_DTYPE_F32 &&
        ArrayRef<int64_t>(sample.shape, sample.rank) == inputType.getShape();
    if (!fits) {
      edgec_npy_free(&sample);
      return module.emitError()
             << "--calibration-data: '" << file << "' is not a " << inputType
             << " (the model's input)";
    }
    const void *inputs[] = {sample.data};
    edgec_status status = loaded->run(inputs, pointers.data());
    edgec_npy_free(&sample);
    if (status != EDGEC_OK)
      return module.emitError()
             << "calibration: " << loaded->statusString(status);
    for (size_t i = 0; i < ranges.size(); ++i) {
      const codegen::TensorInterface &t =
          model->interface.outputs[originalResults + i];
      int64_t count = 1;
      for (int64_t d : t.shape)
        count *= d;
      const float *values =
          reinterpret_cast<const float *>(outputs[originalResults + i].data());
      for (int64_t k = 0; k < count; ++k) {
        ranges[i].first = std::min(ranges[i].first, values[k]);
        ranges[i].second = std::max(ranges[i].second, values[k]);
      }
    }
  }
  return success();
}

/// quantize then dequantize `value` as `element` describes.
Value fakeQuantize(OpBuilder &b, Location loc, Value value,
                   quant::QuantizedType element) {
  auto type = cast<RankedTensorType>(value.getType());
  Value q = b.create<qtensor::QuantizeOp>(
      loc, RankedTensorType::get(type.getShape(), element), value);
  return b.create<qtensor::DequantizeOp>(loc, type, q);
}

} // namespace

LogicalResult quantizeAfterCalibration(MLIRContext &context, ModuleOp module,
                                       const CompileOptions &options) {
  PassManager pm(&context);
  codegen::addGraphCleanupPasses(pm);
  if (failed(pm.run(module)))
    return failure();
  SmallVector<std::pair<float, float>> ranges;
  if (failed(calibrate(context, module, options, ranges)))
    return failure();

  Type i8 = IntegerType::get(&context, 8);
  Type f32 = Float32Type::get(&context);
  for (auto [op, range] : llvm::zip(quantizableConvs(module), ranges)) {
    OpBuilder b(op);
    Location loc = op.getLoc();
    // Activations: uint8 over the observed range, widened to hold 0 so
    // that zero (padding) is exact.
    double lo = std::min(0.0f, range.first), hi = std::max(0.0f, range.second);
    if (!(hi > lo) || !std::isfinite(hi - lo))
      continue;
    double inputScale = static_cast<float>((hi - lo) / 255.0);
    int64_t zero = std::clamp<int64_t>(std::llround(-lo / inputScale), 0, 255);
    auto activation =
        quant::UniformQuantizedType::get(0, i8, f32, inputScale, zero, 0, 255);
    op.getInputMutable().assign(
        fakeQuantize(b, loc, op.getInput(), activation));

    // Filters: int8, symmetric, one scale per output channel.
    auto filter = op.getWeight().getDefiningOp<graph::ConstantOp>();
    auto values = cast<DenseElementsAttr>(filter.getValue());
    auto filterType = cast<RankedTensorType>(values.getType());
    int64_t channels = filterType.getDimSize(0);
    int64_t perChannel = filterType.getNumElements() / channels;
    SmallVector<double> scales(channels, 0.0);
    auto floats = values.getValues<float>();
    for (int64_t c = 0; c < channels; ++c) {
      float maxAbs = 0;
      for (int64_t k = 0; k < perChannel; ++k)
        maxAbs = std::max(maxAbs, std::fabs(floats[c * perChannel + k]));
      scales[c] = maxAbs > 0 ? static_cast<float>(maxAbs / 127.0) : 1.0;
    }
    auto weights = quant::UniformQuantizedPerAxisType::get(
        quant::QuantizationFlags::Signed, i8, f32, scales,
        SmallVector<int64_t>(channels, 0), 0, -128, 127);
    op.getWeightMutable().assign(fakeQuantize(b, loc, op.getWeight(), weights));

    // Bias: on the int32 grid of input scale x filter scale, as integer
    // kernels add it to their accumulators.
    if (Value bias = op.getBias())
      if (auto constant = bias.getDefiningOp<graph::ConstantOp>()) {
        auto biasValues = cast<DenseElementsAttr>(constant.getValue());
        SmallVector<float> rounded;
        int64_t c = 0;
        for (float v : biasValues.getValues<float>()) {
          double step = inputScale * scales[c++];
          double steps =
              std::clamp(std::nearbyint(v / step), -2147483648.0, 2147483647.0);
          rounded.push_back(static_cast<float>(steps * step));
        }
        op.getBiasMutable().assign(b.create<graph::ConstantOp>(
            loc, DenseElementsAttr::get(biasValues.getType(),
                                        ArrayRef<float>(rounded))));
      }
  }
  return success();
}

} // namespace edgec
