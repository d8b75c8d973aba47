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
#include "dialects/graph/IR/ShapeHelpers.h"
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

/// A zero point input: absent is 0; otherwise a constant scalar, or one
/// per index of a dimension of `perAxis` entries when that is not 0.
std::optional<SmallVector<int64_t>>
zeroPoints(NodeContext &ctx, size_t index, StringRef role, int64_t perAxis) {
  if (!ctx.input(index))
    return SmallVector<int64_t>{0};
  DenseElementsAttr values = ctx.constantInput(index, role);
  if (!values)
    return std::nullopt;
  int64_t count = values.getNumElements();
  if (!values.getElementType().isInteger(8) ||
      !(count == 1 || (perAxis && count == perAxis))) {
    ctx.error() << role << " must be an int8 or uint8 scalar"
                << (perAxis ? " or one per output channel" : "") << ", not "
                << values.getType();
    return std::nullopt;
  }
  SmallVector<int64_t> zeros;
  bool isUnsigned = values.getElementType().isUnsignedInteger();
  for (const APInt &v : values.getValues<APInt>())
    zeros.push_back(isUnsigned ? v.getZExtValue() : v.getSExtValue());
  return zeros;
}

/// `x` as int8: uint8 values less 128 (exact in float32), their zero
/// point with them.
Value signedStorage(NodeContext &ctx, Value x, int64_t &zero) {
  auto element =
      cast<IntegerType>(cast<RankedTensorType>(x.getType()).getElementType());
  if (!element.isUnsigned())
    return x;
  auto f32 = Float32Type::get(ctx.context());
  Value real = ctx.create<graph::CastOp>(x, TypeAttr::get(f32));
  Value offset = ctx.builder().create<graph::ConstantOp>(
      ctx.loc(),
      DenseElementsAttr::get(RankedTensorType::get({}, f32), -128.0f));
  zero -= 128;
  return ctx.create<graph::CastOp>(
      ctx.create<graph::AddOp>(real, offset),
      TypeAttr::get(IntegerType::get(ctx.context(), 8)));
}

/// The int8 filter values of a constant 8-bit tensor less its zero points
/// (one, or one per index of dimension `axis`); null after an error when
/// one does not fit int8.
std::optional<SmallVector<int8_t>>
filterLessZeroPoint(NodeContext &ctx, DenseElementsAttr filter,
                    ArrayRef<int64_t> zeros, int64_t axis, StringRef role) {
  ArrayRef<int64_t> shape = filter.getType().getShape();
  int64_t inner = 1;
  for (int64_t d : shape.drop_front(axis + 1))
    inner *= d;
  bool isUnsigned = filter.getElementType().isUnsignedInteger();
  SmallVector<int8_t> values;
  int64_t i = 0;
  for (const APInt &v : filter.getValues<APInt>()) {
    int64_t zero = zeros[zeros.size() == 1 ? 0 : (i / inner) % shape[axis]];
    int64_t value = (isUnsigned ? v.getZExtValue() : v.getSExtValue()) - zero;
    ++i;
    if (value < -128 || value > 127) {
      ctx.error() << role << " less its zero point reaches " << value
                  << ", outside int8 (the integer kernels' filter type)";
      return std::nullopt;
    }
    values.push_back(static_cast<int8_t>(value));
  }
  return values;
}

/// ConvInteger: the exact int32 sums of (x - x_zero_point) * (w -
/// w_zero_point), as qtensor.conv. uint8 inputs shift to int8 (exact graph
/// arithmetic, zero point with them); the filter must be a constant whose
/// values less their zero point fit int8, the integer kernels' operand.
LogicalResult importConvInteger(NodeContext &ctx) {
  Value x = ctx.tensorInput(0);
  DenseElementsAttr filter = ctx.constantInput(1, "w");
  if (ctx.failed())
    return failure();
  auto xType = cast<RankedTensorType>(x.getType());
  auto xElement = dyn_cast<IntegerType>(xType.getElementType());
  if (!xElement || xElement.getWidth() != 8 ||
      !filter.getElementType().isInteger(8))
    return ctx.error() << "x and w must be int8 or uint8, not "
                       << xType.getElementType() << " and "
                       << filter.getElementType();
  ArrayRef<int64_t> wShape = filter.getType().getShape();
  if (xType.getRank() != 4 || wShape.size() != 4)
    return ctx.error() << "only 2-D ConvInteger is supported (input " << xType
                       << ")";
  std::optional<SmallVector<int64_t>> xZero =
      zeroPoints(ctx, 2, "x_zero_point", 0);
  std::optional<SmallVector<int64_t>> wZero =
      zeroPoints(ctx, 3, "w_zero_point", wShape[0]);
  if (!xZero || !wZero)
    return failure();

  std::optional<SmallVector<int8_t>> weights =
      filterLessZeroPoint(ctx, filter, *wZero, 0, "w");
  if (!weights)
    return failure();
  auto i8 = IntegerType::get(ctx.context(), 8);
  Value w = ctx.builder().create<graph::ConstantOp>(
      ctx.loc(), DenseElementsAttr::get(RankedTensorType::get(wShape, i8),
                                        ArrayRef<int8_t>(*weights)));

  int64_t zero = (*xZero)[0];
  x = signedStorage(ctx, x, zero);
  std::optional<ConvWindow> window = readConvWindow(ctx, x, w);
  if (!window)
    return failure();
  bool depthwise = window->group == xType.getDimSize(1) &&
                   wShape[0] == window->group && wShape[1] == 1;
  if (window->group != 1 && !depthwise)
    return ctx.error() << "group " << window->group
                       << " is neither 1 nor depthwise; integer kernels "
                          "exist for those only";
  SmallVector<int64_t> outShape = {xType.getDimSize(0), wShape[0]};
  if (failed(graph::inferWindowShape(ctx.loc(), xType.getShape().drop_front(2),
                                     wShape.drop_front(2), window->strides,
                                     window->dilations, window->pads,
                                     /*ceilMode=*/false, outShape)))
    return failure();
  OpBuilder &b = ctx.builder();
  Value y = ctx.createWithType<qtensor::ConvOp>(
      RankedTensorType::get(outShape, IntegerType::get(ctx.context(), 32)), x,
      w, Value(), b.getDenseI64ArrayAttr(window->strides),
      b.getDenseI64ArrayAttr(window->dilations),
      b.getDenseI64ArrayAttr(window->pads), b.getI64IntegerAttr(window->group),
      b.getI64IntegerAttr(zero));
  if (!y)
    return failure();
  ctx.setResults(y);
  return success();
}

/// MatMulInteger with a constant B: A [..., M, K] times B [K, N] as a 1x1
/// qtensor.conv over the rows of A (input [1, K, 1, rows], filter
/// [N, K, 1, 1]), exact in int32.
LogicalResult importMatMulInteger(NodeContext &ctx) {
  Value a = ctx.tensorInput(0);
  DenseElementsAttr b = ctx.constantInput(1, "B");
  if (ctx.failed())
    return failure();
  auto aType = cast<RankedTensorType>(a.getType());
  auto aElement = dyn_cast<IntegerType>(aType.getElementType());
  ArrayRef<int64_t> bShape = b.getType().getShape();
  if (!aElement || aElement.getWidth() != 8 || !b.getElementType().isInteger(8))
    return ctx.error() << "A and B must be int8 or uint8, not "
                       << aType.getElementType() << " and "
                       << b.getElementType();
  if (aType.getRank() < 2 || bShape.size() != 2 ||
      aType.getShape().back() != bShape[0])
    return ctx.error() << "A " << aType << " and a 2-D B " << b.getType()
                       << " do not multiply";
  std::optional<SmallVector<int64_t>> aZero =
      zeroPoints(ctx, 2, "a_zero_point", 0);
  std::optional<SmallVector<int64_t>> bZero =
      zeroPoints(ctx, 3, "b_zero_point", bShape[1]);
  if (!aZero || !bZero)
    return failure();
  std::optional<SmallVector<int8_t>> values =
      filterLessZeroPoint(ctx, b, *bZero, 1, "B");
  if (!values)
    return failure();
  int64_t k = bShape[0], n = bShape[1];
  // The filter: B transposed, [N, K, 1, 1].
  SmallVector<int8_t> filter(n * k);
  for (int64_t i = 0; i < k; ++i)
    for (int64_t j = 0; j < n; ++j)
      filter[j * k + i] = (*values)[i * n + j];
  auto i8 = IntegerType::get(ctx.context(), 8);
  Value w = ctx.builder().create<graph::ConstantOp>(
      ctx.loc(), DenseElementsAttr::get(RankedTensorType::get({n, k, 1, 1}, i8),
                                        ArrayRef<int8_t>(filter)));
  int64_t zero = (*aZero)[0];
  a = signedStorage(ctx, a, zero);
  int64_t rows = aType.getNumElements() / k;
  Value x = ctx.create<graph::ReshapeOp>(a, SmallVector<int64_t>{rows, k});
  x = ctx.create<graph::TransposeOp>(x, SmallVector<int64_t>{1, 0});
  x = ctx.create<graph::ReshapeOp>(x, SmallVector<int64_t>{1, k, 1, rows});
  OpBuilder &builder = ctx.builder();
  Value y = ctx.createWithType<qtensor::ConvOp>(
      RankedTensorType::get({1, n, 1, rows},
                            IntegerType::get(ctx.context(), 32)),
      x, w, Value(), builder.getDenseI64ArrayAttr({1, 1}),
      builder.getDenseI64ArrayAttr({1, 1}),
      builder.getDenseI64ArrayAttr({0, 0, 0, 0}), builder.getI64IntegerAttr(1),
      builder.getI64IntegerAttr(zero));
  y = ctx.create<graph::ReshapeOp>(y, SmallVector<int64_t>{n, rows});
  y = ctx.create<graph::TransposeOp>(y, SmallVector<int64_t>{1, 0});
  SmallVector<int64_t> shape(aType.getShape());
  shape.back() = n;
  y = ctx.create<graph::ReshapeOp>(y, shape);
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
  table["ConvInteger"] = {
      {10},
      "2-D, dense or depthwise; constant filter whose values less "
      "w_zero_point fit int8; exact int32 results (integer kernels)",
      importConvInteger};
  table["MatMulInteger"] = {
      {10},
      "constant 2-D B whose values less b_zero_point fit int8; scalar "
      "a_zero_point; exact int32 results (integer kernels)",
      importMatMulInteger};
  table["QLinearMatMul"] = {
      {10},
      "as MatMul on int8/uint8 operands, per-tensor scales; computed as "
      "DequantizeLinear, MatMul, QuantizeLinear",
      importQLinearMatMul};
}
