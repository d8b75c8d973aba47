//===- QuantizationOps.cpp - Importing QuantizeLinear/DequantizeLinear ----===//
//
// ONNX quantized values are plain int8 or uint8 tensors; their scales and
// zero points are inputs of the QDQ nodes. Each node becomes a qtensor op
// whose quantized type carries those parameters, and a storage_cast between
// that type and ONNX's integers (see the qtensor dialect).
//
//===----------------------------------------------------------------------===//

#include "NodeContext.h"

#include "dialects/graph/IR/GraphOps.h"
#include "dialects/qtensor/IR/QTensorOps.h"

#include <cmath>
#include <optional>

using namespace mlir;
using namespace edgec::onnx_import;
namespace graph = edgec::graph;
namespace qtensor = edgec::qtensor;

namespace {

/// The quantized type of a QDQ node's tensor of `shape`: scale input
/// `scaleIndex` and optional zero point `scaleIndex + 1` (which decides
/// int8 or uint8; uint8 when absent, unless `storage` is given), per tensor
/// for a single scale, else per axis along `axis` (the `axis` attribute
/// when none is given).
Type quantizedType(NodeContext &ctx, ArrayRef<int64_t> shape, size_t scaleIndex,
                   StringRef scaleName, Type storage,
                   std::optional<int64_t> axis = std::nullopt) {
  DenseElementsAttr scales = ctx.constantInput(scaleIndex, scaleName);
  if (ctx.failed())
    return {};
  if (!scales.getElementType().isF32()) {
    ctx.error() << scaleName << " must be float32, not "
                << scales.getElementType();
    return {};
  }
  if (scales.getType().getRank() > 1) {
    ctx.error() << scaleName << " must be a scalar or 1-D, not rank "
                << scales.getType().getRank();
    return {};
  }
  SmallVector<double> scaleValues;
  for (const APFloat &v : scales.getValues<APFloat>())
    scaleValues.push_back(v.convertToDouble());
  for (size_t i = 0; i < scaleValues.size(); ++i)
    if (!(scaleValues[i] > 0) || !std::isfinite(scaleValues[i])) {
      ctx.error() << scaleName << " must be positive and finite; element " << i
                  << " is " << scaleValues[i];
      return {};
    }

  SmallVector<int64_t> zeroPoints(scaleValues.size(), 0);
  std::string zeroName = (scaleName.drop_back(5) + "zero_point").str();
  if (ctx.input(scaleIndex + 1)) {
    DenseElementsAttr zeros = ctx.constantInput(scaleIndex + 1, zeroName);
    if (ctx.failed())
      return {};
    auto zeroType = dyn_cast<IntegerType>(zeros.getElementType());
    if (!zeroType || zeroType.getWidth() != 8) {
      ctx.error() << zeroName << " must be int8 or uint8, not "
                  << zeros.getElementType()
                  << " (other storage types are not supported)";
      return {};
    }
    if (zeros.getType().getShape() != scales.getType().getShape()) {
      ctx.error() << zeroName << " has shape " << zeros.getType().getShape()
                  << " but " << scaleName << " has "
                  << scales.getType().getShape();
      return {};
    }
    if (storage && storage != zeroType) {
      ctx.error() << zeroName << " is " << zeroType
                  << " but the quantized input is " << storage;
      return {};
    }
    storage = zeroType;
    size_t i = 0;
    for (const APInt &v : zeros.getValues<APInt>())
      zeroPoints[i++] =
          zeroType.isUnsigned() ? v.getZExtValue() : v.getSExtValue();
  }
  if (!storage)
    storage = IntegerType::get(ctx.context(), 8, IntegerType::Unsigned);
  bool isSigned = !cast<IntegerType>(storage).isUnsigned();
  unsigned flags = isSigned ? quant::QuantizationFlags::Signed : 0;
  Type storage8 = IntegerType::get(ctx.context(), 8);
  Type f32 = Float32Type::get(ctx.context());
  int64_t qmin = quant::QuantizedType::getDefaultMinimumForInteger(isSigned, 8);
  int64_t qmax = quant::QuantizedType::getDefaultMaximumForInteger(isSigned, 8);

  if (ctx.intAttr("block_size", 0) != 0) {
    ctx.error() << "blocked quantization (block_size "
                << ctx.intAttr("block_size", 0) << ") is not supported";
    return {};
  }
  if (scales.getType().getRank() == 0 || scaleValues.size() == 1)
    return quant::UniformQuantizedType::get(
        flags, storage8, f32, scaleValues[0], zeroPoints[0], qmin, qmax);
  int64_t rank = static_cast<int64_t>(shape.size());
  int64_t dim = axis ? *axis : ctx.axisAttr("axis", 1, rank);
  if (ctx.failed())
    return {};
  if (static_cast<int64_t>(scaleValues.size()) != shape[dim]) {
    ctx.error() << scaleName << " has " << scaleValues.size()
                << " scales for axis " << dim << " of size " << shape[dim];
    return {};
  }
  return quant::UniformQuantizedPerAxisType::get(
      flags, storage8, f32, scaleValues, zeroPoints, static_cast<int32_t>(dim),
      qmin, qmax);
}

/// Input `index` (`role`, int8 or uint8) dequantized with scale `index + 1`
/// and zero point `index + 2`: the float32 values it stands for.
Value dequantizedInput(NodeContext &ctx, size_t index, StringRef role,
                       StringRef scaleName,
                       std::optional<int64_t> axis = std::nullopt) {
  Value x = ctx.tensorInput(index);
  if (ctx.failed())
    return {};
  auto xType = cast<RankedTensorType>(x.getType());
  auto storage = dyn_cast<IntegerType>(xType.getElementType());
  if (!storage || storage.getWidth() != 8) {
    ctx.error() << role << " must be int8 or uint8, not "
                << xType.getElementType()
                << " (other quantized types are not supported)";
    return {};
  }
  Type element =
      quantizedType(ctx, xType.getShape(), index + 1, scaleName, storage, axis);
  if (!element)
    return {};
  auto type = RankedTensorType::get(xType.getShape(), element);
  Value q = ctx.createWithType<qtensor::StorageCastOp>(type, x);
  return ctx.createWithType<qtensor::DequantizeOp>(
      RankedTensorType::get(xType.getShape(), Float32Type::get(ctx.context())),
      q);
}

/// `real` quantized with scale input `scaleIndex` and zero point
/// `scaleIndex + 1`, as ONNX's integers: per tensor, unless `perAxis` lets
/// the `axis` attribute choose; `storage` when no zero point decides it.
Value quantizedOutput(NodeContext &ctx, Value real, size_t scaleIndex,
                      StringRef scaleName, Type storage = Type(),
                      bool perAxis = false) {
  if (!real)
    return {};
  auto shape = cast<RankedTensorType>(real.getType()).getShape();
  Type element =
      quantizedType(ctx, shape, scaleIndex, scaleName, storage,
                    perAxis ? std::nullopt : std::optional<int64_t>(0));
  if (!element)
    return {};
  if (!perAxis && isa<quant::UniformQuantizedPerAxisType>(element)) {
    ctx.error() << scaleName << " must be a single scale";
    return {};
  }
  auto type = RankedTensorType::get(shape, element);
  Value q = ctx.createWithType<qtensor::QuantizeOp>(type, real);
  return ctx.createWithType<qtensor::StorageCastOp>(
      qtensor::storageTensorType(type), q);
}

/// The scale of a QDQ operand that quantizedType accepted: one per tensor,
/// or one per index of its axis.
SmallVector<double> scalesOf(Value dequantized) {
  auto q = cast<qtensor::DequantizeOp>(dequantized.getDefiningOp());
  Type element = qtensor::quantizedElement(q.getInput().getType());
  if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(element))
    return SmallVector<double>(perAxis.getScales());
  return {cast<quant::UniformQuantizedType>(element).getScale()};
}

LogicalResult importQuantizeLinear(NodeContext &ctx) {
  Value x = ctx.floatInput(0);
  if (ctx.failed())
    return failure();
  // Opset 21 may ask for the output type instead of giving a zero point.
  Type storage;
  if (int64_t dtype = ctx.intAttr("output_dtype", 0)) {
    if (dtype != 2 && dtype != 3)
      return ctx.error() << "output_dtype " << dtype
                         << " is not supported (int8 or uint8 only)";
    storage = IntegerType::get(ctx.context(), 8,
                               dtype == 2 ? IntegerType::Unsigned
                                          : IntegerType::Signless);
  }
  Value integers =
      quantizedOutput(ctx, x, 1, "y_scale", storage, /*perAxis=*/true);
  if (!integers)
    return failure();
  ctx.setResults(integers);
  return success();
}

LogicalResult importDequantizeLinear(NodeContext &ctx) {
  Value real = dequantizedInput(ctx, 0, "x", "x_scale");
  if (!real)
    return failure();
  ctx.setResults(real);
  return success();
}

/// QLinearConv is Conv between a DequantizeLinear of each operand (the
/// filter per output channel) and a QuantizeLinear of the result; the int32
/// bias, in units of x_scale * w_scale, becomes float32 here. Integer
/// kernels will take the same pattern from QDQ models and from this.
LogicalResult importQLinearConv(NodeContext &ctx) {
  Value x = dequantizedInput(ctx, 0, "x", "x_scale");
  Value w = dequantizedInput(ctx, 3, "w", "w_scale", /*axis=*/0);
  if (!x || !w)
    return failure();
  Value bias;
  if (ctx.input(8)) {
    DenseElementsAttr b = ctx.constantInput(8, "B");
    if (!b)
      return failure();
    int64_t filters = cast<RankedTensorType>(w.getType()).getDimSize(0);
    if (!b.getElementType().isSignlessInteger(32) ||
        b.getType().getShape() != ArrayRef<int64_t>{filters})
      return ctx.error() << "B must be int32 of shape [" << filters << "], not "
                         << b.getType();
    double xScale = scalesOf(x).front();
    SmallVector<double> wScales = scalesOf(w);
    SmallVector<float> values;
    int64_t m = 0;
    for (const APInt &v : b.getValues<APInt>()) {
      double scale = xScale * wScales[wScales.size() == 1 ? 0 : m++];
      values.push_back(static_cast<float>(v.getSExtValue() * scale));
    }
    auto type =
        RankedTensorType::get({filters}, Float32Type::get(ctx.context()));
    bias = ctx.builder().create<graph::ConstantOp>(
        ctx.loc(), DenseElementsAttr::get(type, ArrayRef<float>(values)));
  }
  Value y = quantizedOutput(ctx, buildConv(ctx, x, w, bias), 6, "y_scale");
  if (!y)
    return failure();
  ctx.setResults(y);
  return success();
}

/// QLinearMatMul likewise: MatMul between DequantizeLinear and
/// QuantizeLinear, every scale per tensor.
LogicalResult importQLinearMatMul(NodeContext &ctx) {
  Value a = dequantizedInput(ctx, 0, "a", "a_scale");
  Value b = dequantizedInput(ctx, 3, "b", "b_scale");
  if (!a || !b)
    return failure();
  for (Value v : {a, b})
    if (scalesOf(v).size() != 1)
      return ctx.error() << "a_scale and b_scale must be single scales "
                            "(per-axis QLinearMatMul is not supported)";
  Value y =
      quantizedOutput(ctx, ctx.create<graph::MatMulOp>(a, b), 6, "y_scale");
  if (!y)
    return failure();
  ctx.setResults(y);
  return success();
}

} // namespace

void edgec::onnx_import::registerQuantizationOps(OpTable &table) {
  table["QuantizeLinear"] = {
      {10, 13, 19, 21},
      "float32 to int8/uint8, per tensor or per axis; constant scale and "
      "zero point; halves round to even; no blocks",
      importQuantizeLinear};
  table["DequantizeLinear"] = {
      {10, 13, 19, 21},
      "int8/uint8 to float32, per tensor or per axis; constant scale and "
      "zero point; no blocks",
      importDequantizeLinear};
  table["QLinearConv"] = {
      {10},
      "as Conv on int8/uint8 operands: per-tensor input and output, "
      "per-tensor or per-output-channel filter, int32 bias; computed as "
      "DequantizeLinear, Conv, QuantizeLinear",
      importQLinearConv};
  table["QLinearMatMul"] = {
      {10},
      "as MatMul on int8/uint8 operands, per-tensor scales; computed as "
      "DequantizeLinear, MatMul, QuantizeLinear",
      importQLinearMatMul};
}
