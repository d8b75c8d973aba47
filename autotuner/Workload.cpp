//===- Workload.cpp - What the autotuner tunes and the database keys ------===//

#include "autotuner/Workload.h"

#include "dialects/graph/IR/GraphOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/StringExtras.h"

#include <random>

using namespace mlir;

namespace edgec::tuning {
namespace {

std::string dims(ArrayRef<int64_t> values) {
  return llvm::join(
      llvm::map_range(values, [](int64_t v) { return std::to_string(v); }),
      "x");
}

/// Parses "AxBxC" into `out`; false when it is not positive integers
/// (pads may be zero).
bool parseDims(StringRef text, SmallVectorImpl<int64_t> &out,
               int64_t least = 1) {
  SmallVector<StringRef> parts;
  text.split(parts, 'x');
  for (StringRef part : parts) {
    int64_t v;
    if (part.getAsInteger(10, v) || v < least)
      return false;
    out.push_back(v);
  }
  return true;
}

} // namespace

ConvWorkload ConvWorkload::fromOp(graph::ConvOp op) {
  ConvWorkload w;
  w.input.assign(op.getInput().getType().getShape().begin(),
                 op.getInput().getType().getShape().end());
  w.weight.assign(op.getWeight().getType().getShape().begin(),
                  op.getWeight().getType().getShape().end());
  w.strides.assign(op.getStrides().begin(), op.getStrides().end());
  w.dilations.assign(op.getDilations().begin(), op.getDilations().end());
  w.pads.assign(op.getPads().begin(), op.getPads().end());
  w.group = static_cast<int64_t>(op.getGroup());
  w.bias = static_cast<bool>(op.getBias());
  return w;
}

std::string ConvWorkload::key() const {
  return "conv in=" + dims(input) + " w=" + dims(weight) +
         " s=" + dims(strides) + " d=" + dims(dilations) + " p=" + dims(pads) +
         " g=" + std::to_string(group) + (bias ? " bias" : "");
}

std::optional<ConvWorkload> ConvWorkload::parse(StringRef key) {
  SmallVector<StringRef> fields;
  key.split(fields, ' ', -1, /*KeepEmpty=*/false);
  if (fields.size() < 7 || fields[0] != "conv")
    return std::nullopt;
  ConvWorkload w;
  if (!fields[1].consume_front("in=") || !parseDims(fields[1], w.input) ||
      !fields[2].consume_front("w=") || !parseDims(fields[2], w.weight) ||
      !fields[3].consume_front("s=") || !parseDims(fields[3], w.strides) ||
      !fields[4].consume_front("d=") || !parseDims(fields[4], w.dilations) ||
      !fields[5].consume_front("p=") || !parseDims(fields[5], w.pads, 0) ||
      !fields[6].consume_front("g=") || fields[6].getAsInteger(10, w.group) ||
      w.group < 1)
    return std::nullopt;
  w.bias = fields.size() == 8 && fields[7] == "bias";
  if (fields.size() > 8 || (fields.size() == 8 && !w.bias))
    return std::nullopt;
  // Shapes that fit together: rank 3 or 4, the channels and groups agree,
  // and every output extent is positive.
  size_t spatial = w.input.size() - 2;
  if ((w.input.size() != 3 && w.input.size() != 4) ||
      w.weight.size() != w.input.size() || w.strides.size() != spatial ||
      w.dilations.size() != spatial || w.pads.size() != 2 * spatial ||
      w.input[1] % w.group || w.weight[0] % w.group ||
      w.weight[1] * w.group != w.input[1])
    return std::nullopt;
  for (int64_t extent : w.outputShape())
    if (extent < 1)
      return std::nullopt;
  return w;
}

std::string ConvWorkload::family() const {
  SmallVector<int64_t> kernel(weight.begin() + 2, weight.end());
  std::string grouping = group == 1 ? "dense"
                         : group == input[1] && weight[0] == input[1]
                             ? "depthwise"
                             : "grouped";
  return "conv k=" + dims(kernel) + " s=" + dims(strides) +
         " d=" + dims(dilations) + " " + grouping;
}

SmallVector<int64_t, 4> ConvWorkload::outputShape() const {
  SmallVector<int64_t, 4> out = {input[0], weight[0]};
  size_t spatial = input.size() - 2;
  for (size_t i = 0; i < spatial; ++i) {
    int64_t window = dilations[i] * (weight[2 + i] - 1) + 1;
    int64_t padded = input[2 + i] + pads[i] + pads[i + spatial];
    out.push_back(padded < window ? 0 : (padded - window) / strides[i] + 1);
  }
  return out;
}

int64_t ConvWorkload::macs() const {
  int64_t perOutput = 1;
  for (size_t i = 1; i < weight.size(); ++i)
    perOutput *= weight[i];
  int64_t outputs = 1;
  for (int64_t d : outputShape())
    outputs *= d;
  return outputs * perOutput;
}

int64_t ConvWorkload::bytes() const {
  auto count = [](ArrayRef<int64_t> shape) {
    int64_t n = 1;
    for (int64_t d : shape)
      n *= d;
    return n;
  };
  return 4 * (count(input) + count(weight) + count(outputShape()));
}

std::pair<std::vector<float>, std::vector<float>>
ConvWorkload::seededWeights() const {
  // Seeded, so every measurement of a workload runs the same filter.
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> uniform(-0.5f, 0.5f);
  int64_t count = 1;
  for (int64_t d : weight)
    count *= d;
  std::vector<float> filter(count), biasValues(bias ? weight[0] : 0);
  for (float &v : filter)
    v = uniform(rng);
  for (float &v : biasValues)
    v = uniform(rng);
  return {std::move(filter), std::move(biasValues)};
}

OwningOpRef<ModuleOp> ConvWorkload::buildModule(MLIRContext &context,
                                                DictionaryAttr schedule) const {
  OpBuilder b(&context);
  Location loc = NameLoc::get(b.getStringAttr(key()));
  OwningOpRef<ModuleOp> module = ModuleOp::create(loc);
  Type f32 = b.getF32Type();
  // 2-D workloads take and give channels-last tensors, so that the layout
  // transposes conv-select-algorithm adds cancel against these and the
  // model times the convolution alone, as it runs inside a network.
  bool channelsLast = input.size() == 4;
  auto toNHWC = [](ArrayRef<int64_t> s) {
    return SmallVector<int64_t>{s[0], s[2], s[3], s[1]};
  };
  SmallVector<int64_t> outShape(outputShape());
  auto inputType = RankedTensorType::get(
      channelsLast ? toNHWC(input)
                   : SmallVector<int64_t>(input.begin(), input.end()),
      f32);
  auto outputType =
      RankedTensorType::get(channelsLast ? toNHWC(outShape) : outShape, f32);
  b.setInsertionPointToEnd(module->getBody());
  auto func = b.create<func::FuncOp>(
      loc, "main", b.getFunctionType({inputType}, {outputType}));
  func.setArgAttr(0, "edgec.name", b.getStringAttr("x"));
  func.setResultAttr(0, "edgec.name", b.getStringAttr("y"));
  b.setInsertionPointToStart(func.addEntryBlock());

  auto [filterValues, biasValues] = seededWeights();
  auto constant = [&](ArrayRef<int64_t> shape, ArrayRef<float> values) {
    return b.create<graph::ConstantOp>(
        loc, DenseElementsAttr::get(RankedTensorType::get(shape, f32), values));
  };
  Value x = func.getArgument(0);
  if (channelsLast)
    x = b.create<graph::TransposeOp>(loc, x, ArrayRef<int64_t>{0, 3, 1, 2});
  Value filter = constant(weight, filterValues);
  Value biasValue = bias ? constant({weight[0]}, biasValues) : Value();
  auto conv = b.create<graph::ConvOp>(
      loc, RankedTensorType::get(outShape, f32), x, filter, biasValue,
      b.getDenseI64ArrayAttr(strides), b.getDenseI64ArrayAttr(dilations),
      b.getDenseI64ArrayAttr(pads), b.getI64IntegerAttr(group));
  if (schedule)
    conv->setAttr("edgec.schedule", schedule);
  Value y = conv.getResult();
  if (channelsLast)
    y = b.create<graph::TransposeOp>(loc, y, ArrayRef<int64_t>{0, 2, 3, 1});
  b.create<func::ReturnOp>(loc, y);
  return module;
}

} // namespace edgec::tuning
