//===- QTensorOps.cpp - Operations of the qtensor dialect -----------------===//

#include "dialects/qtensor/IR/QTensorOps.h"

#include "dialects/graph/IR/ShapeHelpers.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace edgec::qtensor;
using edgec::graph::formatShape;

#include "dialects/qtensor/IR/QTensorDialect.cpp.inc"

void QTensorDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "dialects/qtensor/IR/QTensorOps.cpp.inc"
      >();
}

quant::QuantizedType edgec::qtensor::quantizedElement(Type type) {
  auto tensor = dyn_cast<ShapedType>(type);
  return tensor ? dyn_cast<quant::QuantizedType>(tensor.getElementType())
                : nullptr;
}

RankedTensorType edgec::qtensor::storageTensorType(RankedTensorType type) {
  auto element = cast<quant::QuantizedType>(type.getElementType());
  unsigned width = element.getStorageTypeIntegralWidth();
  auto storage = IntegerType::get(type.getContext(), width,
                                  element.isSigned() ? IntegerType::Signless
                                                     : IntegerType::Unsigned);
  return RankedTensorType::get(type.getShape(), storage);
}

namespace {

/// What every quantized operand and result must be: float32 real values,
/// 8-bit storage, and for per-axis types a quantized dimension of the
/// tensor with one scale per index. (Upstream's types check the scales'
/// signs and the zero points' ranges themselves.)
LogicalResult verifyQuantized(Operation *op, Type type, StringRef role) {
  auto tensor = cast<RankedTensorType>(type);
  auto element = cast<quant::QuantizedType>(tensor.getElementType());
  if (!element.getExpressedType().isF32())
    return op->emitOpError()
           << role << " stands for " << element.getExpressedType()
           << " values; only f32 is supported";
  if (element.getStorageTypeIntegralWidth() != 8)
    return op->emitOpError()
           << role << " has " << element.getStorageTypeIntegralWidth()
           << "-bit storage; only 8-bit storage (int8, uint8) is supported";
  if (element.getStorageTypeMin() !=
          quant::QuantizedType::getDefaultMinimumForInteger(element.isSigned(),
                                                            8) ||
      element.getStorageTypeMax() !=
          quant::QuantizedType::getDefaultMaximumForInteger(element.isSigned(),
                                                            8))
    return op->emitOpError() << role
                             << " narrows its storage range; ONNX saturates "
                                "to the whole int8 or uint8 range";
  if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(element)) {
    int64_t axis = perAxis.getQuantizedDimension();
    if (axis >= tensor.getRank())
      return op->emitOpError()
             << role << " is quantized along dimension " << axis
             << " of a rank-" << tensor.getRank() << " tensor";
    if (static_cast<int64_t>(perAxis.getScales().size()) !=
        tensor.getDimSize(axis))
      return op->emitOpError() << role << " has " << perAxis.getScales().size()
                               << " scales for dimension " << axis
                               << " of size " << tensor.getDimSize(axis);
  }
  return success();
}

} // namespace

LogicalResult QuantizeOp::verify() {
  return verifyQuantized(*this, getType(), "result");
}

OpFoldResult QuantizeOp::fold(FoldAdaptor) {
  // Quantizing dequantized values under their own parameters gives them
  // back: (q - z) * s / s is within far less than half a step of q - z.
  if (auto dequantize = getInput().getDefiningOp<DequantizeOp>())
    if (dequantize.getInput().getType() == getType())
      return dequantize.getInput();
  return {};
}

LogicalResult DequantizeOp::verify() {
  return verifyQuantized(*this, getInput().getType(), "operand");
}

LogicalResult RequantizeOp::verify() {
  if (failed(verifyQuantized(*this, getInput().getType(), "operand")))
    return failure();
  return verifyQuantized(*this, getType(), "result");
}

OpFoldResult RequantizeOp::fold(FoldAdaptor) {
  if (getInput().getType() == getType())
    return getInput();
  return {};
}

LogicalResult StorageCastOp::verify() {
  auto from = cast<RankedTensorType>(getInput().getType());
  auto to = cast<RankedTensorType>(getType());
  bool fromQuantized = quantizedElement(from) != nullptr;
  if (fromQuantized == (quantizedElement(to) != nullptr))
    return emitOpError("casts between a quantized tensor and its storage type; "
                       "both sides "
                       "are ")
           << (fromQuantized ? "quantized" : "integers");
  RankedTensorType quantized = fromQuantized ? from : to;
  RankedTensorType storage = fromQuantized ? to : from;
  if (failed(verifyQuantized(*this, quantized,
                             fromQuantized ? "operand" : "result")))
    return failure();
  if (storageTensorType(quantized) != storage)
    return emitOpError("the storage type of ")
           << quantized << " is " << storageTensorType(quantized) << ", not "
           << storage;
  return success();
}

OpFoldResult StorageCastOp::fold(FoldAdaptor) {
  if (auto inner = getInput().getDefiningOp<StorageCastOp>())
    if (inner.getInput().getType() == getType())
      return inner.getInput();
  return {};
}

namespace {
#include "dialects/qtensor/IR/QTensorCanonicalize.inc"
} // namespace

void QuantizeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                             MLIRContext *context) {
  results.add<QuantizeOfDequantize>(context);
}

#define GET_OP_CLASSES
#include "dialects/qtensor/IR/QTensorOps.cpp.inc"

LogicalResult ConvOp::verify() {
  ArrayRef<int64_t> x = getInput().getType().getShape();
  ArrayRef<int64_t> w = getFilter().getType().getShape();
  ArrayRef<int64_t> y = getType().getShape();
  if (x.size() != 4 || w.size() != 4 || y.size() != 4)
    return emitOpError("takes 2-D convolutions: input, filter and result of "
                       "rank 4");
  if (getStrides().size() != 2 || getDilations().size() != 2 ||
      getPads().size() != 4)
    return emitOpError("needs 2 strides, 2 dilations and 4 pads");
  int64_t group = static_cast<int64_t>(getGroup());
  if (x[1] % group || w[0] % group || w[1] * group != x[1])
    return emitOpError("filter ")
           << formatShape(w) << " does not split input " << formatShape(x)
           << " into " << group << " groups";
  SmallVector<int64_t> expected = {x[0], w[0]};
  if (failed(edgec::graph::inferWindowShape(getLoc(), x.drop_front(2),
                                            w.drop_front(2), getStrides(),
                                            getDilations(), getPads(),
                                            /*ceilMode=*/false, expected)))
    return failure();
  if (ArrayRef<int64_t>(expected) != y)
    return emitOpError("result of shape ")
           << formatShape(y) << " should be " << formatShape(expected);
  if (Value bias = getBias())
    if (cast<RankedTensorType>(bias.getType()).getShape() !=
        ArrayRef<int64_t>{w[0]})
      return emitOpError("bias should be [") << w[0] << "]";
  auto zero = static_cast<int64_t>(getInputZeroPoint());
  if (zero < -128 || zero > 127)
    return emitOpError("input_zero_point ") << zero << " is outside int8";
  return success();
}

LogicalResult RescaleOp::verify() {
  auto type = getInput().getType();
  auto axis = static_cast<int64_t>(getAxis());
  size_t count = getMultipliers().size();
  if (count != getShifts().size())
    return emitOpError("has ")
           << count << " multipliers but " << getShifts().size() << " shifts";
  if (count != 1) {
    if (axis < 0 || axis >= type.getRank())
      return emitOpError("axis ") << axis << " is not a dimension of " << type;
    if (static_cast<int64_t>(count) != type.getDimSize(axis))
      return emitOpError("needs 1 or ")
             << type.getDimSize(axis) << " multipliers, not " << count;
  }
  for (auto [m, s] : llvm::zip(getMultipliers(), getShifts()))
    if (m < 0 || s < 1 || s > 62)
      return emitOpError("multiplier ")
             << m << " with shift " << s
             << " is not a non-negative multiplier with a shift in [1, 62]";
  auto lo = static_cast<int64_t>(getOutputMin());
  auto hi = static_cast<int64_t>(getOutputMax());
  if (lo < -128 || hi > 127 || lo > hi)
    return emitOpError("clamp [") << lo << ", " << hi << "] is not in int8";
  auto zero = static_cast<int64_t>(getOutputZeroPoint());
  if (zero < -128 || zero > 127)
    return emitOpError("output_zero_point ") << zero << " is outside int8";
  return success();
}
