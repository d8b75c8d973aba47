//===- ElementwiseOps.cpp - Elementwise ops of the edge dialect -----------===//
//
// Shape inference (numpy broadcasting) and constant folding of add, sub,
// mul, div, relu, sigmoid and clip.
//
//===----------------------------------------------------------------------===//

#include "dialects/graph/IR/ConstantFolding.h"
#include "dialects/graph/IR/GraphOps.h"
#include "dialects/graph/IR/ShapeHelpers.h"
#include "mlir/Dialect/CommonFolders.h"
#include "mlir/Dialect/Traits.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"

#include <cmath>

using namespace mlir;
using namespace edgec::graph;

namespace {

LogicalResult inferBroadcast(std::optional<Location> loc, Value lhs, Value rhs,
                             SmallVectorImpl<Type> &types) {
  auto lhsType = cast<RankedTensorType>(lhs.getType());
  auto rhsType = cast<RankedTensorType>(rhs.getType());
  SmallVector<int64_t> shape;
  if (!OpTrait::util::getBroadcastedShape(lhsType.getShape(),
                                          rhsType.getShape(), shape))
    return emitOptionalError(
        loc, "operands of shapes ", formatShape(lhsType.getShape()), " and ",
        formatShape(rhsType.getShape()), " do not broadcast");
  types.push_back(RankedTensorType::get(shape, lhsType.getElementType()));
  return success();
}

/// True when `attr` is a splat constant equal to `value`.
bool isSplatOf(Attribute attr, double value) {
  auto splat = dyn_cast_if_present<SplatElementsAttr>(attr);
  return splat && splat.getSplatValue<APFloat>().convertToDouble() == value;
}

template <typename Fn> OpFoldResult foldUnary(Attribute operand, Fn fn) {
  auto dense = dyn_cast_if_present<DenseElementsAttr>(operand);
  if (!dense)
    return {};
  return constFoldUnaryOp<FloatAttr, APFloat, void>(
      ArrayRef<Attribute>{dense}, [&](const APFloat &a) {
        return APFloat(static_cast<float>(fn(a.convertToFloat())));
      });
}

} // namespace

#define EDGEC_BINARY_INFER(OP)                                                 \
  LogicalResult OP::inferReturnTypes(                                          \
      MLIRContext *, std::optional<Location> loc, Adaptor adaptor,             \
      SmallVectorImpl<Type> &types) {                                          \
    return inferBroadcast(loc, adaptor.getLhs(), adaptor.getRhs(), types);     \
  }
EDGEC_BINARY_INFER(AddOp)
EDGEC_BINARY_INFER(SubOp)
EDGEC_BINARY_INFER(MulOp)
EDGEC_BINARY_INFER(DivOp)
#undef EDGEC_BINARY_INFER

/// Folds a binary op on constants (broadcast as the op does): `floats` in
/// IEEE single precision (APFloat, so the result does not depend on the
/// compiling machine), `ints` on integers (nullopt declines, e.g. x / 0).
template <typename FloatFn, typename IntFn>
OpFoldResult foldArithmetic(ArrayRef<Attribute> operands, Type resultType,
                            FloatFn floats, IntFn ints) {
  return foldElementwise(operands, cast<RankedTensorType>(resultType),
                         [&](ArrayRef<Scalar> x) -> std::optional<Scalar> {
                           if (x[0].isFloat) {
                             APFloat a(static_cast<float>(x[0].f)),
                                 b(static_cast<float>(x[1].f));
                             floats(a, b);
                             return Scalar::ofFloat(a.convertToDouble());
                           }
                           std::optional<int64_t> v = ints(x[0].i, x[1].i);
                           if (!v)
                             return std::nullopt;
                           return Scalar::ofInt(*v);
                         });
}

constexpr APFloat::roundingMode kNearest = APFloat::rmNearestTiesToEven;

OpFoldResult AddOp::fold(FoldAdaptor adaptor) {
  return foldArithmetic(
      adaptor.getOperands(), getType(),
      [](APFloat &a, const APFloat &b) { a.add(b, kNearest); },
      [](int64_t a, int64_t b) -> std::optional<int64_t> { return a + b; });
}

OpFoldResult SubOp::fold(FoldAdaptor adaptor) {
  return foldArithmetic(
      adaptor.getOperands(), getType(),
      [](APFloat &a, const APFloat &b) { a.subtract(b, kNearest); },
      [](int64_t a, int64_t b) -> std::optional<int64_t> { return a - b; });
}

OpFoldResult MulOp::fold(FoldAdaptor adaptor) {
  // x * 1 is x exactly, but only where no broadcast changes the shape.
  if (isSplatOf(adaptor.getRhs(), 1.0) && getLhs().getType() == getType())
    return getLhs();
  return foldArithmetic(
      adaptor.getOperands(), getType(),
      [](APFloat &a, const APFloat &b) { a.multiply(b, kNearest); },
      [](int64_t a, int64_t b) -> std::optional<int64_t> { return a * b; });
}

OpFoldResult DivOp::fold(FoldAdaptor adaptor) {
  if (isSplatOf(adaptor.getRhs(), 1.0) && getLhs().getType() == getType())
    return getLhs();
  // Integer division truncates; dividing by zero is left to run time.
  return foldArithmetic(
      adaptor.getOperands(), getType(),
      [](APFloat &a, const APFloat &b) { a.divide(b, kNearest); },
      [](int64_t a, int64_t b) -> std::optional<int64_t> {
        if (b == 0 || (a == INT64_MIN && b == -1))
          return std::nullopt;
        return a / b;
      });
}

OpFoldResult ReluOp::fold(FoldAdaptor adaptor) {
  // relu is idempotent.
  if (getInput().getDefiningOp<ReluOp>())
    return getInput();
  // NaN stays NaN, as in numpy.maximum.
  return foldUnary(adaptor.getInput(),
                   [](float x) { return x < 0.0f ? 0.0f : x; });
}

OpFoldResult SigmoidOp::fold(FoldAdaptor adaptor) {
  return foldUnary(adaptor.getInput(),
                   [](float x) { return 1.0f / (1.0f + std::exp(-x)); });
}

OpFoldResult ClipOp::fold(FoldAdaptor adaptor) {
  float lo = getMin().convertToFloat(), hi = getMax().convertToFloat();
  // numpy.clip semantics: the lower bound first, then the upper one (so
  // min > max gives max everywhere, as the lowering does), and NaN stays NaN.
  return foldUnary(adaptor.getInput(), [&](float x) {
    float raised = x < lo ? lo : x;
    return raised > hi ? hi : raised;
  });
}
