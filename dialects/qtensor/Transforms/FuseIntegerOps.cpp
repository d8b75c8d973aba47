//===- FuseIntegerOps.cpp - Quantized convolutions as integer ops ---------===//
//
// dequantize(x), dequantize(w) -> edge.conv [-> relu | clip] [-> quantize]
// becomes qtensor.conv on the storage integers, then either qtensor.rescale
// (quantized output) or a per-channel dequantization (float output). The
// scales leave the types here: what follows sees integers and constants.
//
//===----------------------------------------------------------------------===//

#include "dialects/qtensor/Transforms/Passes.h"

#include "dialects/graph/IR/GraphOps.h"
#include "dialects/qtensor/IR/FixedPoint.h"
#include "dialects/qtensor/IR/QTensorOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Matchers.h"

#include <cmath>

namespace edgec::qtensor {
#define GEN_PASS_DEF_FUSEINTEGEROPS
#include "dialects/qtensor/Transforms/Passes.h.inc"
} // namespace edgec::qtensor

using namespace mlir;
namespace graph = edgec::graph;
namespace qtensor = edgec::qtensor;

namespace {

/// A per-tensor 8-bit quantized type, or null.
quant::UniformQuantizedType perTensor(Type type) {
  auto element = dyn_cast_or_null<quant::UniformQuantizedType>(
      qtensor::quantizedElement(type));
  if (!element || element.getStorageTypeIntegralWidth() != 8)
    return nullptr;
  return element;
}

/// Integers shifted between uint8 and int8 storage: x - 128 into `to`
/// (int8) or x + 128 (uint8), as graph arithmetic that is exact.
Value shiftStorage(OpBuilder &b, Location loc, Value v, Type to) {
  bool toSigned = to.isSignlessInteger();
  Value f = b.create<graph::CastOp>(loc, v, TypeAttr::get(b.getF32Type()));
  auto scalar = RankedTensorType::get({}, b.getF32Type());
  Value offset = b.create<graph::ConstantOp>(
      loc, DenseElementsAttr::get(scalar, toSigned ? -128.0f : 128.0f));
  return b.create<graph::CastOp>(loc, b.create<graph::AddOp>(loc, f, offset),
                                 TypeAttr::get(to));
}

/// The quantized value `q` as signed int8 storage, and its zero point.
std::pair<Value, int64_t> signedStorage(OpBuilder &b, Location loc, Value q) {
  auto type = cast<RankedTensorType>(q.getType());
  quant::UniformQuantizedType element = perTensor(type);
  RankedTensorType storage = qtensor::storageTensorType(type);
  Value v = b.createOrFold<qtensor::StorageCastOp>(loc, storage, q);
  if (element.isSigned())
    return {v, element.getZeroPoint()};
  return {shiftStorage(b, loc, v, b.getI8Type()), element.getZeroPoint() - 128};
}

/// Scale of filter `f` under a per-tensor or per-axis (axis 0) type.
struct FilterScales {
  SmallVector<double> scales;
  double operator[](int64_t f) const {
    return scales.size() == 1 ? scales[0] : scales[f];
  }
};

/// Symmetric int8 filter parameters, when `type` has them.
std::optional<FilterScales> filterScales(Type type) {
  quant::QuantizedType element = qtensor::quantizedElement(type);
  if (!element || !element.isSigned() ||
      element.getStorageTypeIntegralWidth() != 8)
    return std::nullopt;
  FilterScales s;
  if (auto uniform = dyn_cast<quant::UniformQuantizedType>(element)) {
    if (uniform.getZeroPoint() != 0)
      return std::nullopt;
    s.scales.push_back(uniform.getScale());
    return s;
  }
  auto axis = cast<quant::UniformQuantizedPerAxisType>(element);
  if (axis.getQuantizedDimension() != 0 ||
      llvm::any_of(axis.getZeroPoints(), [](int64_t z) { return z != 0; }))
    return std::nullopt;
  s.scales.assign(axis.getScales().begin(), axis.getScales().end());
  return s;
}

/// The int8 values of a constant quantized filter: int8 storage cast to
/// the quantized type, or float constants quantized (as ONNX's
/// QuantizeLinear: float32 division, halves to even, saturation).
std::optional<SmallVector<int8_t>> constantFilter(Value q,
                                                  const FilterScales &scales) {
  SmallVector<int8_t> values;
  if (auto cast = q.getDefiningOp<qtensor::StorageCastOp>()) {
    DenseIntElementsAttr storage;
    if (!matchPattern(cast.getInput(), m_Constant(&storage)))
      return std::nullopt;
    for (const APInt &v : storage.getValues<APInt>())
      values.push_back(static_cast<int8_t>(v.getSExtValue()));
    return values;
  }
  auto quantize = q.getDefiningOp<qtensor::QuantizeOp>();
  DenseFPElementsAttr real;
  if (!quantize || !matchPattern(quantize.getInput(), m_Constant(&real)))
    return std::nullopt;
  int64_t perFilter = real.getNumElements() / real.getType().getDimSize(0);
  int64_t i = 0;
  for (float v : real.getValues<float>()) {
    float step = static_cast<float>(scales[i++ / perFilter]);
    float rounded = std::nearbyint(v / step);
    values.push_back(static_cast<int8_t>(std::clamp(rounded, -128.0f, 127.0f)));
  }
  return values;
}

/// The bias on the int32 grid of input scale x filter scale.
std::optional<SmallVector<int32_t>> integerBias(Value bias, double inputScale,
                                                const FilterScales &filter) {
  DenseFPElementsAttr values;
  if (!matchPattern(bias, m_Constant(&values)))
    return std::nullopt;
  SmallVector<int32_t> result;
  int64_t f = 0;
  for (float v : values.getValues<float>()) {
    double steps = std::nearbyint(v / (inputScale * filter[f++]));
    result.push_back(
        static_cast<int32_t>(std::clamp(steps, -2147483648.0, 2147483647.0)));
  }
  return result;
}

/// Where a convolution's result goes: through an optional ReLU or constant
/// clip into one quantize, when it does.
struct QuantizedUse {
  Operation *activation = nullptr;
  qtensor::QuantizeOp quantize;
  double lo = -INFINITY, hi = INFINITY; ///< the activation's real bounds
};

std::optional<QuantizedUse> quantizedUse(graph::ConvOp op) {
  QuantizedUse use;
  Value v = op.getResult();
  if (!v.hasOneUse())
    return std::nullopt;
  Operation *user = *v.getUsers().begin();
  if (auto relu = dyn_cast<graph::ReluOp>(user)) {
    use.activation = relu;
    use.lo = 0;
  } else if (auto clip = dyn_cast<graph::ClipOp>(user)) {
    use.activation = clip;
    use.lo = clip.getMin().convertToDouble();
    use.hi = clip.getMax().convertToDouble();
  }
  if (use.activation) {
    v = use.activation->getResult(0);
    if (!v.hasOneUse())
      return std::nullopt;
    user = *v.getUsers().begin();
  }
  use.quantize = dyn_cast<qtensor::QuantizeOp>(user);
  if (!use.quantize || !perTensor(use.quantize.getType()))
    return std::nullopt;
  return use;
}

template <typename T>
Value constant(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
               Type element, ArrayRef<T> values) {
  auto type = RankedTensorType::get(shape, element);
  return b.create<graph::ConstantOp>(loc, DenseElementsAttr::get(type, values));
}

LogicalResult fuse(graph::ConvOp op) {
  if (op.getNumSpatialDims() != 2)
    return failure();
  // Dense and depthwise convolutions have integer kernels.
  ArrayRef<int64_t> xShape = op.getInput().getType().getShape();
  auto group = static_cast<int64_t>(op.getGroup());
  if (group != 1 &&
      (group != xShape[1] || op.getWeight().getType().getDimSize(0) != group))
    return failure();
  auto dqx = op.getInput().getDefiningOp<qtensor::DequantizeOp>();
  auto dqw = op.getWeight().getDefiningOp<qtensor::DequantizeOp>();
  if (!dqx || !dqw || !perTensor(dqx.getInput().getType()))
    return failure();
  std::optional<FilterScales> scales = filterScales(dqw.getInput().getType());
  if (!scales)
    return failure();
  std::optional<SmallVector<int8_t>> filter =
      constantFilter(dqw.getInput(), *scales);
  if (!filter)
    return failure();
  double inputScale = perTensor(dqx.getInput().getType()).getScale();
  ArrayRef<int64_t> wShape = op.getWeight().getType().getShape();
  int64_t filters = wShape[0];
  std::optional<SmallVector<int32_t>> bias;
  if (Value b = op.getBias()) {
    bias = integerBias(b, inputScale, *scales);
    if (!bias)
      return failure();
  }

  // A quantized output needs every channel's factor as a fixed point.
  std::optional<QuantizedUse> use = quantizedUse(op);
  SmallVector<int32_t> multipliers, shifts;
  if (use) {
    double outputScale = perTensor(use->quantize.getType()).getScale();
    for (int64_t f = 0; f < filters; ++f) {
      std::optional<qtensor::FixedPoint> factor =
          qtensor::toFixedPoint(inputScale * (*scales)[f] / outputScale);
      if (!factor) {
        use.reset();
        break;
      }
      multipliers.push_back(factor->multiplier);
      shifts.push_back(factor->shift);
    }
  }

  OpBuilder b(op);
  Location loc = op.getLoc();
  auto [x, zeroPoint] = signedStorage(b, loc, dqx.getInput());
  Value w = constant<int8_t>(b, loc, wShape, b.getI8Type(), *filter);
  Value biasValue =
      bias ? constant<int32_t>(b, loc, {filters}, b.getI32Type(), *bias)
           : Value();
  ArrayRef<int64_t> yShape = op.getType().getShape();
  Value acc = b.create<qtensor::ConvOp>(
      loc, RankedTensorType::get(yShape, b.getI32Type()), x, w, biasValue,
      op.getStridesAttr(), op.getDilationsAttr(), op.getPadsAttr(),
      op.getGroupAttr(), b.getI64IntegerAttr(zeroPoint));

  if (!use) {
    // Float output: acc * (input scale x filter scale), per channel.
    SmallVector<float> factors;
    for (int64_t f = 0; f < filters; ++f)
      factors.push_back(static_cast<float>(inputScale * (*scales)[f]));
    Value real =
        b.create<graph::CastOp>(loc, acc, TypeAttr::get(b.getF32Type()));
    Value y = b.create<graph::MulOp>(
        loc, real,
        constant<float>(b, loc, {filters, 1, 1}, b.getF32Type(), factors));
    op.replaceAllUsesWith(y);
    op.erase();
    return success();
  }

  auto outType = cast<RankedTensorType>(use->quantize.getType());
  quant::UniformQuantizedType out = perTensor(outType);
  int64_t shift = out.isSigned() ? 0 : -128;
  int64_t zero = out.getZeroPoint() + shift;
  int64_t lo = out.getStorageTypeMin() + shift;
  int64_t hi = out.getStorageTypeMax() + shift;
  // The activation's bounds, quantized, clamp the integers.
  auto bound = [&](double real) {
    return zero + static_cast<int64_t>(std::nearbyint(real / out.getScale()));
  };
  if (std::isfinite(use->lo))
    lo = std::clamp(bound(use->lo), lo, hi);
  if (std::isfinite(use->hi))
    hi = std::clamp(bound(use->hi), lo, hi);
  Value y = b.create<qtensor::RescaleOp>(
      loc, RankedTensorType::get(yShape, b.getI8Type()), acc,
      b.getDenseI32ArrayAttr(multipliers), b.getDenseI32ArrayAttr(shifts),
      b.getI64IntegerAttr(1), b.getI64IntegerAttr(zero),
      b.getI64IntegerAttr(lo), b.getI64IntegerAttr(hi));
  RankedTensorType storage = qtensor::storageTensorType(outType);
  if (!out.isSigned())
    y = shiftStorage(b, loc, y, storage.getElementType());
  y = b.create<qtensor::StorageCastOp>(loc, outType, y);
  use->quantize.replaceAllUsesWith(y);
  use->quantize.erase();
  if (use->activation)
    use->activation->erase();
  op.erase();
  return success();
}

struct FuseIntegerOpsPass
    : qtensor::impl::FuseIntegerOpsBase<FuseIntegerOpsPass> {
  void runOnOperation() override {
    SmallVector<graph::ConvOp> convs;
    getOperation().walk([&](graph::ConvOp op) { convs.push_back(op); });
    for (graph::ConvOp op : convs)
      (void)fuse(op);
  }
};

} // namespace
