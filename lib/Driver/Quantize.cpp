//===- Quantize.cpp - Post-training int8 quantization ---------------------===//
//
// Calibration runs the float model itself: a copy of the module returns
// every convolution's input as an extra result, is compiled for this
// machine and run on each calibration sample; the range the calibrator
// chooses per tensor (Calibration.h) gives its int8 scale and zero point.
// The quantize/dequantize pairs then go on the model as a QDQ model would
// carry them, so that everything after (qtensor-fuse-integer-ops and the
// int8 kernels) treats both alike.
//
// Mixed precision and the report measure the quantized model against the
// float one on the same samples: quantized copies are compiled and run too.
//
//===----------------------------------------------------------------------===//

#include "edgec/Driver/Quantize.h"

#include "SampleRunner.h"

#include "codegen/Pipeline.h"
#include "dialects/graph/IR/GraphOps.h"
#include "dialects/qtensor/IR/QTensorOps.h"
#include "edgec/Driver/Calibration.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

using namespace mlir;
namespace graph = edgec::graph;
namespace qtensor = edgec::qtensor;

namespace edgec {
namespace {

/// The convolutions that get quantized: those with constant filters, in
/// walk order (the same in the module and its copies).
SmallVector<graph::ConvOp> quantizableConvs(ModuleOp module) {
  SmallVector<graph::ConvOp> convs;
  module.walk([&](graph::ConvOp op) {
    if (op.getWeight().getDefiningOp<graph::ConstantOp>())
      convs.push_back(op);
  });
  return convs;
}

std::vector<float> floatsOf(Value constant) {
  auto values = cast<DenseElementsAttr>(
      constant.getDefiningOp<graph::ConstantOp>().getValue());
  return std::vector<float>(values.value_begin<float>(),
                            values.value_end<float>());
}

/// How one convolution is quantized.
struct ConvQuantization {
  double inputScale = 0;
  int64_t inputZero = 0;
  SmallVector<double> filterScales; ///< one per output channel
};

/// Asymmetric int8 input over `range` (widened to hold 0, so that zero
/// padding is exact), symmetric int8 filters per output channel.
std::optional<ConvQuantization>
chooseParameters(graph::ConvOp op, std::pair<double, double> range) {
  double lo = std::min(0.0, range.first), hi = std::max(0.0, range.second);
  if (!(hi > lo) || !std::isfinite(hi - lo))
    return std::nullopt;
  ConvQuantization q;
  q.inputScale = static_cast<float>((hi - lo) / 255.0);
  q.inputZero =
      std::clamp<int64_t>(std::llround(-lo / q.inputScale) - 128, -128, 127);
  std::vector<float> w = floatsOf(op.getWeight());
  int64_t channels = op.getWeight().getType().getDimSize(0);
  int64_t perChannel = w.size() / channels;
  for (int64_t c = 0; c < channels; ++c) {
    float maxAbs = 0;
    for (int64_t k = 0; k < perChannel; ++k)
      maxAbs = std::max(maxAbs, std::fabs(w[c * perChannel + k]));
    q.filterScales.push_back(maxAbs > 0 ? static_cast<float>(maxAbs / 127.0)
                                        : 1.0);
  }
  return q;
}

/// x as ONNX's QuantizeLinear then DequantizeLinear give it back.
double fakeQuantize(double x, double scale, int64_t zero) {
  float q = std::nearbyint(static_cast<float>(x) / static_cast<float>(scale));
  double clamped = std::clamp<double>(q + zero, -128, 127);
  return static_cast<float>((clamped - zero) * scale);
}

/// The bias on the int32 grid of input scale x filter scale, as integer
/// kernels add it to their accumulators.
std::vector<float> roundBias(const std::vector<float> &bias,
                             const ConvQuantization &q) {
  std::vector<float> rounded;
  for (size_t c = 0; c < bias.size(); ++c) {
    double step = q.inputScale * q.filterScales[c];
    double steps =
        std::clamp(std::nearbyint(bias[c] / step), -2147483648.0, 2147483647.0);
    rounded.push_back(static_cast<float>(steps * step));
  }
  return rounded;
}

/// quantize then dequantize `value` as `element` describes.
Value fakeQuantize(OpBuilder &b, Location loc, Value value,
                   quant::QuantizedType element) {
  auto type = cast<RankedTensorType>(value.getType());
  Value q = b.create<qtensor::QuantizeOp>(
      loc, RankedTensorType::get(type.getShape(), element), value);
  return b.create<qtensor::DequantizeOp>(loc, type, q);
}

/// Puts the quantize/dequantize pairs of `q` on `op`.
void applyQuantization(graph::ConvOp op, const ConvQuantization &q) {
  MLIRContext *context = op.getContext();
  OpBuilder b(op);
  Location loc = op.getLoc();
  Type i8 = IntegerType::get(context, 8);
  Type f32 = Float32Type::get(context);
  auto activation = quant::UniformQuantizedType::get(
      quant::QuantizationFlags::Signed, i8, f32, q.inputScale, q.inputZero,
      -128, 127);
  op.getInputMutable().assign(fakeQuantize(b, loc, op.getInput(), activation));
  auto weights = quant::UniformQuantizedPerAxisType::get(
      quant::QuantizationFlags::Signed, i8, f32, q.filterScales,
      SmallVector<int64_t>(q.filterScales.size(), 0), 0, -128, 127);
  op.getWeightMutable().assign(fakeQuantize(b, loc, op.getWeight(), weights));
  if (Value bias = op.getBias())
    if (bias.getDefiningOp<graph::ConstantOp>()) {
      std::vector<float> rounded = roundBias(floatsOf(bias), q);
      op.getBiasMutable().assign(b.create<graph::ConstantOp>(
          loc, DenseElementsAttr::get(cast<ShapedType>(bias.getType()),
                                      ArrayRef<float>(rounded))));
    }
}

/// The SQNR (dB) of `op`'s output on `input` when its input and filter are
/// quantized by `q`: plain loops in double over both versions at once.
double localSqnr(graph::ConvOp op, const ConvQuantization &q,
                 ArrayRef<float> input) {
  ArrayRef<int64_t> xs = op.getInput().getType().getShape();
  ArrayRef<int64_t> ws = op.getWeight().getType().getShape();
  ArrayRef<int64_t> ys = op.getType().getShape();
  bool oneD = xs.size() == 3;
  int64_t n = xs[0], c = xs[1], h = oneD ? 1 : xs[2], w = xs.back();
  int64_t f = ws[0], kh = oneD ? 1 : ws[2], kw = ws.back();
  int64_t oh = oneD ? 1 : ys[2], ow = ys.back();
  auto lift = [&](ArrayRef<int64_t> v, int64_t one) {
    return oneD ? SmallVector<int64_t>{one, v[0]} : SmallVector<int64_t>(v);
  };
  SmallVector<int64_t> stride = lift(op.getStrides(), 1);
  SmallVector<int64_t> dilation = lift(op.getDilations(), 1);
  ArrayRef<int64_t> p = op.getPads();
  int64_t padTop = oneD ? 0 : p[0], padLeft = oneD ? p[0] : p[1];
  auto group = static_cast<int64_t>(op.getGroup());
  int64_t cg = c / group, fg = f / group;

  std::vector<float> weights = floatsOf(op.getWeight());
  std::vector<double> xq(input.size()), wq(weights.size());
  for (size_t i = 0; i < input.size(); ++i)
    xq[i] = fakeQuantize(input[i], q.inputScale, q.inputZero);
  int64_t perFilter = weights.size() / f;
  for (size_t i = 0; i < weights.size(); ++i)
    wq[i] = fakeQuantize(weights[i], q.filterScales[i / perFilter], 0);
  std::vector<float> bias, biasQ;
  if (op.getBias() && op.getBias().getDefiningOp<graph::ConstantOp>()) {
    bias = floatsOf(op.getBias());
    biasQ = roundBias(bias, q);
  }

  double signal = 0, noise = 0;
  std::vector<double> exact(ow), quantized(ow);
  for (int64_t b = 0; b < n; ++b)
    for (int64_t o = 0; o < f; ++o)
      for (int64_t y = 0; y < oh; ++y) {
        std::fill(exact.begin(), exact.end(), bias.empty() ? 0.0 : bias[o]);
        std::fill(quantized.begin(), quantized.end(),
                  biasQ.empty() ? 0.0 : biasQ[o]);
        int64_t g = o / fg;
        for (int64_t ci = 0; ci < cg; ++ci)
          for (int64_t i = 0; i < kh; ++i) {
            int64_t row = y * stride[0] + i * dilation[0] - padTop;
            if (row < 0 || row >= h)
              continue;
            for (int64_t j = 0; j < kw; ++j) {
              int64_t k = ((o * cg + ci) * kh + i) * kw + j;
              double wv = weights[k], wqv = wq[k];
              int64_t base = ((b * c + g * cg + ci) * h + row) * w;
              for (int64_t x = 0; x < ow; ++x) {
                int64_t col = x * stride[1] + j * dilation[1] - padLeft;
                if (col < 0 || col >= w)
                  continue;
                exact[x] += wv * input[base + col];
                quantized[x] += wqv * xq[base + col];
              }
            }
          }
        for (int64_t x = 0; x < ow; ++x) {
          signal += exact[x] * exact[x];
          noise += (exact[x] - quantized[x]) * (exact[x] - quantized[x]);
        }
      }
  if (noise == 0)
    return INFINITY;
  return 10 * std::log10(signal / noise);
}

/// What one calibration pass learns: the float model's outputs per sample
/// and every convolution input's statistics, plus the first sample's
/// convolution inputs (for the SQNR).
struct Calibration {
  std::vector<std::vector<float>> outputs; ///< per sample, all outputs
  std::vector<ActivationStatistics> statistics;
  std::vector<std::vector<float>> firstInputs;
};

/// Runs the copy of `module` that also returns every convolution input:
/// one pass for the extremes, for histogram calibrators a second.
LogicalResult calibrate(MLIRContext &context, ModuleOp module,
                        const CompileOptions &options,
                        ArrayRef<std::string> files, Calibration &result) {
  OwningOpRef<ModuleOp> copy = module.clone();
  auto main = copy->lookupSymbol<func::FuncOp>("main");
  if (!main)
    return module.emitError("the model has no entry function");
  auto ret = cast<func::ReturnOp>(main.getBody().front().getTerminator());
  size_t first = ret.getNumOperands();
  SmallVector<Value> results(ret.getOperands());
  for (graph::ConvOp op : quantizableConvs(*copy))
    results.push_back(op.getInput());
  OpBuilder b(ret);
  b.create<func::ReturnOp>(ret.getLoc(), results);
  ret.erase();
  main.setType(FunctionType::get(&context, main.getArgumentTypes(),
                                 ValueRange(results).getTypes()));
  for (size_t i = first; i < results.size(); ++i)
    main.setResultAttr(
        i, "edgec.name",
        b.getStringAttr("calibration_" + std::to_string(i - first)));

  FailureOr<std::unique_ptr<SampleRunner>> runner =
      SampleRunner::create(context, std::move(copy), options, module);
  if (failed(runner))
    return failure();
  size_t convs = results.size() - first;
  result.statistics.assign(convs, {});
  result.outputs.assign(files.size(), {});
  result.firstInputs.assign(convs, {});
  if (failed((*runner)->run(files, [&](size_t sample, size_t output,
                                       const float *values, int64_t count) {
        if (output < first) {
          result.outputs[sample].insert(result.outputs[sample].end(), values,
                                        values + count);
          return;
        }
        result.statistics[output - first].observeRange(values, count);
        if (sample == 0)
          result.firstInputs[output - first].assign(values, values + count);
      })))
    return failure();
  if (options.calibrator == "minmax")
    return success();
  return (*runner)->run(
      files, [&](size_t, size_t output, const float *values, int64_t count) {
        if (output >= first)
          result.statistics[output - first].observeHistogram(values, count);
      });
}

struct Agreement {
  double cosineMin = 1, cosineMean = 1;
  int top1 = 0;
};

/// The quantized model (QDQ on the convolutions `int8` marks) against the
/// float outputs, on the samples.
FailureOr<Agreement>
measure(MLIRContext &context, ModuleOp module, const CompileOptions &options,
        ArrayRef<std::string> files, const Calibration &calibration,
        ArrayRef<std::optional<ConvQuantization>> plan, ArrayRef<bool> int8) {
  OwningOpRef<ModuleOp> copy = module.clone();
  for (auto [op, q, on] : llvm::zip(quantizableConvs(*copy), plan, int8))
    if (q && on)
      applyQuantization(op, *q);
  FailureOr<std::unique_ptr<SampleRunner>> runner =
      SampleRunner::create(context, std::move(copy), options, module);
  if (failed(runner))
    return failure();
  std::vector<std::vector<float>> outputs(files.size());
  if (failed((*runner)->run(
          files, [&](size_t sample, size_t, const float *v, int64_t count) {
            outputs[sample].insert(outputs[sample].end(), v, v + count);
          })))
    return failure();
  Agreement agreement;
  double sum = 0;
  for (size_t s = 0; s < files.size(); ++s) {
    const std::vector<float> &a = outputs[s], &r = calibration.outputs[s];
    double dot = 0, na = 0, nr = 0;
    for (size_t i = 0; i < a.size() && i < r.size(); ++i) {
      dot += double(a[i]) * r[i];
      na += double(a[i]) * a[i];
      nr += double(r[i]) * r[i];
    }
    double cosine = na > 0 && nr > 0 ? dot / std::sqrt(na * nr) : 1.0;
    agreement.cosineMin = std::min(agreement.cosineMin, cosine);
    sum += cosine;
    agreement.top1 += std::max_element(a.begin(), a.end()) - a.begin() ==
                      std::max_element(r.begin(), r.end()) - r.begin();
  }
  agreement.cosineMean = files.empty() ? 1.0 : sum / files.size();
  return agreement;
}

/// The node name of the importer's location.
std::string nodeName(Location loc) {
  if (auto name = dyn_cast<NameLoc>(loc))
    return name.getName().str();
  std::string text;
  llvm::raw_string_ostream os(text);
  loc.print(os);
  return text;
}

} // namespace

LogicalResult quantizeAfterCalibration(MLIRContext &context, ModuleOp module,
                                       const CompileOptions &options,
                                       QuantizationReport *report) {
  PassManager pm(&context);
  codegen::addGraphCleanupPasses(pm);
  if (failed(pm.run(module)))
    return failure();
  std::vector<std::string> files = npySamples(options.calibrationData);
  if (files.empty())
    return module.emitError()
           << "--calibration-data '" << options.calibrationData
           << "' holds no .npy files";
  Calibration calibration;
  if (failed(calibrate(context, module, options, files, calibration)))
    return failure();

  SmallVector<graph::ConvOp> convs = quantizableConvs(module);
  SmallVector<std::optional<ConvQuantization>> plan;
  for (auto [op, s] : llvm::zip(convs, calibration.statistics))
    plan.push_back(chooseParameters(op, s.range(options.calibrator)));
  SmallVector<bool> int8(convs.size(), true);

  bool budget = options.accuracyBudget >= 0;
  SmallVector<double> sqnr(convs.size(), INFINITY);
  if (budget || report)
    for (size_t i = 0; i < convs.size(); ++i)
      if (plan[i])
        sqnr[i] = localSqnr(convs[i], *plan[i], calibration.firstInputs[i]);

  std::optional<Agreement> agreement;
  if (budget) {
    // Keep the k lowest-SQNR convolutions float, for the smallest k whose
    // model fits the budget (a binary search: k = all always fits).
    SmallVector<size_t> order(convs.size());
    std::iota(order.begin(), order.end(), 0);
    llvm::stable_sort(order,
                      [&](size_t a, size_t b) { return sqnr[a] < sqnr[b]; });
    auto withFloat = [&](size_t k) {
      SmallVector<bool> mask(convs.size(), true);
      for (size_t i = 0; i < k; ++i)
        mask[order[i]] = false;
      return mask;
    };
    std::map<size_t, Agreement> measured;
    size_t lo = 0, hi = convs.size();
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      FailureOr<Agreement> a = measure(context, module, options, files,
                                       calibration, plan, withFloat(mid));
      if (failed(a))
        return failure();
      measured[mid] = *a;
      if (1 - a->cosineMin <= options.accuracyBudget)
        hi = mid;
      else
        lo = mid + 1;
    }
    int8 = withFloat(lo);
    if (measured.count(lo))
      agreement = measured[lo];
    module.emitRemark() << "--accuracy-budget="
                        << llvm::formatv(
                               "{0}",
                               llvm::format("%g", options.accuracyBudget))
                               .str()
                        << ": " << lo << " of " << convs.size()
                        << " convolutions stay float32 (lowest SQNR first)";
  }
  if (report && !agreement) {
    FailureOr<Agreement> a =
        measure(context, module, options, files, calibration, plan, int8);
    if (failed(a))
      return failure();
    agreement = *a;
  }

  for (auto [op, q, on] : llvm::zip(convs, plan, int8))
    if (q && on)
      applyQuantization(op, *q);

  if (report) {
    report->calibrator = options.calibrator;
    report->budget = options.accuracyBudget;
    report->layers.clear();
    for (size_t i = 0; i < convs.size(); ++i)
      report->layers.push_back(
          {nodeName(convs[i].getLoc()), sqnr[i], plan[i] && int8[i]});
    report->cosineMin = agreement->cosineMin;
    report->cosineMean = agreement->cosineMean;
    report->top1Agreement = agreement->top1;
    report->samples = files.size();
  }
  return success();
}

llvm::json::Value toJSON(const QuantizationReport &r) {
  llvm::json::Array layers;
  for (const LayerQuantization &l : r.layers)
    layers.push_back(llvm::json::Object{
        {"node", l.node},
        {"sqnr_db", std::isfinite(l.sqnrDb) ? llvm::json::Value(l.sqnrDb)
                                            : llvm::json::Value(nullptr)},
        {"precision", l.int8 ? "int8" : "float32"}});
  llvm::json::Object out{
      {"calibrator", r.calibrator},        {"layers", std::move(layers)},
      {"cosine_min", r.cosineMin},         {"cosine_mean", r.cosineMean},
      {"top1_agreement", r.top1Agreement}, {"samples", r.samples}};
  if (r.budget >= 0)
    out["accuracy_budget"] = r.budget;
  return out;
}

void printReport(const QuantizationReport &r, llvm::raw_ostream &os) {
  os << "quantization (int8, " << r.calibrator << " calibration";
  if (r.budget >= 0)
    os << ", accuracy budget " << llvm::format("%g", r.budget);
  os << "):\n";
  os << llvm::formatv("  {0,-50} {1,10} {2,10}\n", "convolution", "SQNR (dB)",
                      "precision");
  for (const LayerQuantization &l : r.layers)
    os << llvm::formatv("  {0,-50} {1,10} {2,10}\n", l.node.substr(0, 50),
                        std::isfinite(l.sqnrDb)
                            ? std::string(llvm::formatv("{0:F1}", l.sqnrDb))
                            : std::string("exact"),
                        l.int8 ? "int8" : "float32");
  os << llvm::formatv("  against float32 on {0} calibration samples: cosine "
                      "similarity {1:F5} min, {2:F5} mean; top-1 agreement "
                      "{3} of {0}\n",
                      r.samples, r.cosineMin, r.cosineMean, r.top1Agreement);
}

} // namespace edgec
