//===- ElementwiseOps.cpp - Elementwise ops of the edge dialect -----------===//
//
// Shape inference (numpy broadcasting) and constant folding of the
// elementwise ops. Shape computations that exporters emit (Cast, Equal,
// Where, Max, Mod on shape vectors) are folded at import, so every folder
// handles integers as well as floats. Floats are evaluated in double
// precision from their float32 values and rounded once to float32.
//
//===----------------------------------------------------------------------===//

#include "dialects/graph/IR/ConstantFolding.h"
#include "dialects/graph/IR/GraphOps.h"
#include "dialects/graph/IR/ShapeHelpers.h"
#include "mlir/Dialect/CommonFolders.h"
#include "mlir/Dialect/Traits.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace mlir;
using namespace edgec::graph;

namespace {

/// The numpy broadcast of the shapes of `operands`, with `elementType`.
LogicalResult inferBroadcast(std::optional<Location> loc, ValueRange operands,
                             Type elementType, SmallVectorImpl<Type> &types) {
  SmallVector<int64_t> shape;
  for (Value operand : operands) {
    auto type = cast<RankedTensorType>(operand.getType());
    SmallVector<int64_t> next;
    if (!OpTrait::util::getBroadcastedShape(shape, type.getShape(), next)) {
      std::string shapes;
      for (Value v : operands)
        shapes += (shapes.empty() ? "" : " and ") +
                  formatShape(cast<RankedTensorType>(v.getType()).getShape());
      return emitOptionalError(loc, "operands of shapes ", shapes,
                               " do not broadcast");
    }
    shape = std::move(next);
  }
  types.push_back(RankedTensorType::get(shape, elementType));
  return success();
}

Type elementTypeOf(Value value) {
  return cast<RankedTensorType>(value.getType()).getElementType();
}

/// True when `attr` is a splat constant equal to `value`.
bool isSplatOf(Attribute attr, double value) {
  auto splat = dyn_cast_if_present<SplatElementsAttr>(attr);
  return splat && isa<FloatType>(splat.getElementType()) &&
         splat.getSplatValue<APFloat>().convertToDouble() == value;
}

/// Folds a float op whose element is `fn(x)`.
template <typename Fn>
OpFoldResult foldFloat(ArrayRef<Attribute> operands, Type resultType, Fn fn) {
  return foldElementwise(operands, cast<RankedTensorType>(resultType),
                         [&](ArrayRef<Scalar> x) -> std::optional<Scalar> {
                           if (!x[0].isFloat)
                             return std::nullopt;
                           return Scalar::ofFloat(fn(x[0].f));
                         });
}

/// Folds an op of floats or integers; `ints` may decline an element.
template <typename FloatFn, typename IntFn>
OpFoldResult foldNumeric(ArrayRef<Attribute> operands, Type resultType,
                         FloatFn floats, IntFn ints) {
  return foldElementwise(operands, cast<RankedTensorType>(resultType),
                         [&](ArrayRef<Scalar> x) -> std::optional<Scalar> {
                           if (x[0].isFloat) {
                             if (x.size() == 1)
                               return Scalar::ofFloat(floats(x[0].f, 0.0));
                             return Scalar::ofFloat(floats(x[0].f, x[1].f));
                           }
                           std::optional<int64_t> v = ints(
                               x[0].i, x.size() == 1 ? int64_t(0) : x[1].i);
                           if (!v)
                             return std::nullopt;
                           return Scalar::ofInt(*v);
                         });
}

/// Folds a comparison to booleans.
template <typename Fn>
OpFoldResult foldCompare(ArrayRef<Attribute> operands, Type resultType, Fn fn) {
  return foldElementwise(operands, cast<RankedTensorType>(resultType),
                         [&](ArrayRef<Scalar> x) -> std::optional<Scalar> {
                           if (x[0].isFloat)
                             return Scalar::ofInt(fn(x[0].f, x[1].f));
                           return Scalar::ofInt(fn(x[0].i, x[1].i));
                         });
}

/// Two's-complement wrapping negation (numpy's -INT_MIN is INT_MIN).
int64_t wrapNeg(int64_t v) {
  return static_cast<int64_t>(0 - static_cast<uint64_t>(v));
}

} // namespace

//===----------------------------------------------------------------------===//
// Shape inference
//===----------------------------------------------------------------------===//

#define EDGEC_BROADCAST_INFER(OP)                                              \
  LogicalResult OP::inferReturnTypes(                                          \
      MLIRContext *, std::optional<Location> loc, Adaptor adaptor,             \
      SmallVectorImpl<Type> &types) {                                          \
    return inferBroadcast(loc, {adaptor.getLhs(), adaptor.getRhs()},           \
                          elementTypeOf(adaptor.getLhs()), types);             \
  }
EDGEC_BROADCAST_INFER(AddOp)
EDGEC_BROADCAST_INFER(SubOp)
EDGEC_BROADCAST_INFER(MulOp)
EDGEC_BROADCAST_INFER(DivOp)
EDGEC_BROADCAST_INFER(MaxOp)
EDGEC_BROADCAST_INFER(MinOp)
EDGEC_BROADCAST_INFER(ModOp)
EDGEC_BROADCAST_INFER(AndOp)
EDGEC_BROADCAST_INFER(OrOp)
EDGEC_BROADCAST_INFER(XorOp)
EDGEC_BROADCAST_INFER(PowOp)
#undef EDGEC_BROADCAST_INFER

#define EDGEC_COMPARE_INFER(OP)                                                \
  LogicalResult OP::inferReturnTypes(                                          \
      MLIRContext *context, std::optional<Location> loc, Adaptor adaptor,      \
      SmallVectorImpl<Type> &types) {                                          \
    return inferBroadcast(loc, {adaptor.getLhs(), adaptor.getRhs()},           \
                          IntegerType::get(context, 1), types);                \
  }
EDGEC_COMPARE_INFER(EqualOp)
EDGEC_COMPARE_INFER(LessOp)
EDGEC_COMPARE_INFER(LessEqualOp)
EDGEC_COMPARE_INFER(GreaterOp)
EDGEC_COMPARE_INFER(GreaterEqualOp)
#undef EDGEC_COMPARE_INFER

LogicalResult WhereOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &types) {
  Type lhs = elementTypeOf(adaptor.getLhs());
  if (lhs != elementTypeOf(adaptor.getRhs()))
    return emitOptionalError(loc, "operands of element types ", lhs, " and ",
                             elementTypeOf(adaptor.getRhs()), " differ");
  return inferBroadcast(
      loc, {adaptor.getCondition(), adaptor.getLhs(), adaptor.getRhs()},
      elementTypeOf(adaptor.getLhs()), types);
}

LogicalResult PReluOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &types) {
  auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
  auto slopeType = cast<RankedTensorType>(adaptor.getSlope().getType());
  SmallVector<int64_t> shape;
  // Unidirectional: the slope stretches to the input, never the reverse.
  if (!OpTrait::util::getBroadcastedShape(inputType.getShape(),
                                          slopeType.getShape(), shape) ||
      ArrayRef<int64_t>(shape) != inputType.getShape())
    return emitOptionalError(loc, "slope of shape ",
                             formatShape(slopeType.getShape()),
                             " does not broadcast to input of shape ",
                             formatShape(inputType.getShape()));
  types.push_back(inputType);
  return success();
}

#define EDGEC_PREDICATE_INFER(OP)                                              \
  LogicalResult OP::inferReturnTypes(MLIRContext *context,                     \
                                     std::optional<Location>, Adaptor adaptor, \
                                     SmallVectorImpl<Type> &types) {           \
    auto type = cast<RankedTensorType>(adaptor.getInput().getType());          \
    types.push_back(type.clone(IntegerType::get(context, 1)));                 \
    return success();                                                          \
  }
EDGEC_PREDICATE_INFER(IsNaNOp)
EDGEC_PREDICATE_INFER(IsInfOp)
#undef EDGEC_PREDICATE_INFER

LogicalResult CastOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &types) {
  Type to = adaptor.getTo();
  bool supported = to.isF32() || to.isF16() || to.isF64() ||
                   to.isSignlessInteger(1) || to.isSignlessInteger(8) ||
                   to.isUnsignedInteger(8) || to.isSignlessInteger(32) ||
                   to.isSignlessInteger(64);
  if (!supported)
    return emitOptionalError(loc, "cannot cast to ", to,
                             "; graph tensors hold f32, f16, f64, i1, i8, "
                             "ui8, i32 or i64");
  auto type = cast<RankedTensorType>(adaptor.getInput().getType());
  types.push_back(type.clone(to));
  return success();
}

//===----------------------------------------------------------------------===//
// Arithmetic
//===----------------------------------------------------------------------===//

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
      [](int64_t a, int64_t b) -> std::optional<int64_t> {
        return static_cast<int64_t>(static_cast<uint64_t>(a) +
                                    static_cast<uint64_t>(b));
      });
}

OpFoldResult SubOp::fold(FoldAdaptor adaptor) {
  return foldArithmetic(
      adaptor.getOperands(), getType(),
      [](APFloat &a, const APFloat &b) { a.subtract(b, kNearest); },
      [](int64_t a, int64_t b) -> std::optional<int64_t> {
        return static_cast<int64_t>(static_cast<uint64_t>(a) -
                                    static_cast<uint64_t>(b));
      });
}

OpFoldResult MulOp::fold(FoldAdaptor adaptor) {
  // x * 1 is x exactly, but only where no broadcast changes the shape.
  if (isSplatOf(adaptor.getRhs(), 1.0) && getLhs().getType() == getType())
    return getLhs();
  return foldArithmetic(
      adaptor.getOperands(), getType(),
      [](APFloat &a, const APFloat &b) { a.multiply(b, kNearest); },
      [](int64_t a, int64_t b) -> std::optional<int64_t> {
        return static_cast<int64_t>(static_cast<uint64_t>(a) *
                                    static_cast<uint64_t>(b));
      });
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

OpFoldResult MaxOp::fold(FoldAdaptor adaptor) {
  return foldNumeric(
      adaptor.getOperands(), getType(),
      [](double a, double b) { return std::isnan(a) || a > b ? a : b; },
      [](int64_t a, int64_t b) -> std::optional<int64_t> {
        return std::max(a, b);
      });
}

OpFoldResult MinOp::fold(FoldAdaptor adaptor) {
  return foldNumeric(
      adaptor.getOperands(), getType(),
      [](double a, double b) { return std::isnan(a) || a < b ? a : b; },
      [](int64_t a, int64_t b) -> std::optional<int64_t> {
        return std::min(a, b);
      });
}

OpFoldResult ModOp::fold(FoldAdaptor adaptor) {
  bool cStyle = getFmod();
  // The remainder of a truncating division, moved by one divisor when
  // Python's rule (the sign of the divisor) differs from C's.
  return foldNumeric(
      adaptor.getOperands(), getType(),
      [&](double a, double b) {
        double r = std::fmod(a, b);
        if (!cStyle && r != 0 && (r < 0) != (b < 0))
          r += b;
        return r;
      },
      [&](int64_t a, int64_t b) -> std::optional<int64_t> {
        if (b == 0)
          return std::nullopt;
        int64_t r = b == -1 ? 0 : a % b;
        if (!cStyle && r != 0 && (r < 0) != (b < 0))
          r += b;
        return r;
      });
}

OpFoldResult PowOp::fold(FoldAdaptor adaptor) {
  bool intBase = isa<IntegerType>(getType().getElementType());
  return foldElementwise(adaptor.getOperands(), getType(),
                         [&](ArrayRef<Scalar> x) -> std::optional<Scalar> {
                           double r =
                               std::pow(x[0].asDouble(), x[1].asDouble());
                           if (!intBase)
                             return Scalar::ofFloat(r);
                           if (!std::isfinite(r) || std::abs(r) >= 9.2e18)
                             return std::nullopt;
                           return Scalar::ofInt(static_cast<int64_t>(r));
                         });
}

OpFoldResult PReluOp::fold(FoldAdaptor adaptor) {
  return foldNumeric(
      adaptor.getOperands(), getType(),
      [](double x, double slope) { return x < 0 ? slope * x : x; },
      [](int64_t, int64_t) -> std::optional<int64_t> { return std::nullopt; });
}

//===----------------------------------------------------------------------===//
// Logic, comparisons, selection
//===----------------------------------------------------------------------===//

OpFoldResult AndOp::fold(FoldAdaptor adaptor) {
  return foldNumeric(
      adaptor.getOperands(), getType(), [](double, double) { return 0.0; },
      [](int64_t a, int64_t b) -> std::optional<int64_t> { return a && b; });
}

OpFoldResult OrOp::fold(FoldAdaptor adaptor) {
  return foldNumeric(
      adaptor.getOperands(), getType(), [](double, double) { return 0.0; },
      [](int64_t a, int64_t b) -> std::optional<int64_t> { return a || b; });
}

OpFoldResult XorOp::fold(FoldAdaptor adaptor) {
  return foldNumeric(
      adaptor.getOperands(), getType(), [](double, double) { return 0.0; },
      [](int64_t a, int64_t b) -> std::optional<int64_t> {
        return (a != 0) != (b != 0);
      });
}

OpFoldResult NotOp::fold(FoldAdaptor adaptor) {
  // not(not(x)) is x.
  if (auto inner = getInput().getDefiningOp<NotOp>())
    return inner.getInput();
  return foldNumeric(
      adaptor.getOperands(), getType(), [](double, double) { return 0.0; },
      [](int64_t a, int64_t) -> std::optional<int64_t> { return a == 0; });
}

OpFoldResult EqualOp::fold(FoldAdaptor adaptor) {
  return foldCompare(adaptor.getOperands(), getType(),
                     [](auto a, auto b) { return a == b; });
}

OpFoldResult LessOp::fold(FoldAdaptor adaptor) {
  return foldCompare(adaptor.getOperands(), getType(),
                     [](auto a, auto b) { return a < b; });
}

OpFoldResult LessEqualOp::fold(FoldAdaptor adaptor) {
  return foldCompare(adaptor.getOperands(), getType(),
                     [](auto a, auto b) { return a <= b; });
}

OpFoldResult GreaterOp::fold(FoldAdaptor adaptor) {
  return foldCompare(adaptor.getOperands(), getType(),
                     [](auto a, auto b) { return a > b; });
}

OpFoldResult GreaterEqualOp::fold(FoldAdaptor adaptor) {
  return foldCompare(adaptor.getOperands(), getType(),
                     [](auto a, auto b) { return a >= b; });
}

OpFoldResult WhereOp::fold(FoldAdaptor adaptor) {
  // A uniform condition picks one operand, where that needs no broadcast.
  if (auto splat =
          dyn_cast_if_present<SplatElementsAttr>(adaptor.getCondition())) {
    Value picked = splat.getSplatValue<bool>() ? getLhs() : getRhs();
    if (picked.getType() == getType())
      return picked;
  }
  return foldElementwise(adaptor.getOperands(), getType(),
                         [](ArrayRef<Scalar> x) -> std::optional<Scalar> {
                           return x[0].i ? x[1] : x[2];
                         });
}

OpFoldResult IsNaNOp::fold(FoldAdaptor adaptor) {
  return foldElementwise(adaptor.getOperands(), getType(),
                         [](ArrayRef<Scalar> x) -> std::optional<Scalar> {
                           return Scalar::ofInt(std::isnan(x[0].f));
                         });
}

OpFoldResult IsInfOp::fold(FoldAdaptor adaptor) {
  bool negative = getDetectNegative(), positive = getDetectPositive();
  return foldElementwise(adaptor.getOperands(), getType(),
                         [&](ArrayRef<Scalar> x) -> std::optional<Scalar> {
                           double v = x[0].f;
                           return Scalar::ofInt(std::isinf(v) &&
                                                (v > 0 ? positive : negative));
                         });
}

//===----------------------------------------------------------------------===//
// Casts
//===----------------------------------------------------------------------===//

OpFoldResult CastOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType())
    return getInput();
  Type to = getTo();
  return foldElementwise(adaptor.getOperands(), getType(),
                         [&](ArrayRef<Scalar> x) -> std::optional<Scalar> {
                           if (to.isInteger(1))
                             return Scalar::ofInt(x[0].isFloat ? x[0].f != 0
                                                               : x[0].i != 0);
                           if (isa<FloatType>(to))
                             return Scalar::ofFloat(x[0].asDouble());
                           if (!x[0].isFloat)
                             return Scalar::ofInt(x[0].i); // makeConstant wraps
                           // Truncation towards zero; out of range is left to
                           // run time.
                           double v = std::trunc(x[0].f);
                           if (!(std::abs(v) < 9.2e18))
                             return std::nullopt;
                           return Scalar::ofInt(static_cast<int64_t>(v));
                         });
}

//===----------------------------------------------------------------------===//
// Unary math and activations
//===----------------------------------------------------------------------===//

#define EDGEC_FLOAT_FOLD(OP, EXPR)                                             \
  OpFoldResult OP::fold(FoldAdaptor adaptor) {                                 \
    return foldFloat(adaptor.getOperands(), getType(),                         \
                     [&](double x) -> double { return EXPR; });                \
  }
EDGEC_FLOAT_FOLD(ExpOp, std::exp(x))
EDGEC_FLOAT_FOLD(LogOp, std::log(x))
EDGEC_FLOAT_FOLD(SqrtOp, std::sqrt(x))
EDGEC_FLOAT_FOLD(ReciprocalOp, 1.0 / x)
EDGEC_FLOAT_FOLD(TanhOp, std::tanh(x))
EDGEC_FLOAT_FOLD(ErfOp, std::erf(x))
EDGEC_FLOAT_FOLD(SinOp, std::sin(x))
EDGEC_FLOAT_FOLD(CosOp, std::cos(x))
EDGEC_FLOAT_FOLD(TanOp, std::tan(x))
EDGEC_FLOAT_FOLD(AsinOp, std::asin(x))
EDGEC_FLOAT_FOLD(AcosOp, std::acos(x))
EDGEC_FLOAT_FOLD(AtanOp, std::atan(x))
EDGEC_FLOAT_FOLD(SinhOp, std::sinh(x))
EDGEC_FLOAT_FOLD(CoshOp, std::cosh(x))
EDGEC_FLOAT_FOLD(AsinhOp, std::asinh(x))
EDGEC_FLOAT_FOLD(AcoshOp, std::acosh(x))
EDGEC_FLOAT_FOLD(AtanhOp, std::atanh(x))
EDGEC_FLOAT_FOLD(FloorOp, std::floor(x))
EDGEC_FLOAT_FOLD(CeilOp, std::ceil(x))
// The default rounding mode rounds halves to even.
EDGEC_FLOAT_FOLD(RoundOp, std::nearbyint(x))
#undef EDGEC_FLOAT_FOLD

OpFoldResult SoftplusOp::fold(FoldAdaptor adaptor) {
  // log(1 + exp(x)) = max(x, 0) + log1p(exp(-|x|)), which never overflows.
  return foldFloat(adaptor.getOperands(), getType(), [](double x) {
    if (std::isnan(x))
      return x;
    return std::max(x, 0.0) + std::log1p(std::exp(-std::abs(x)));
  });
}

OpFoldResult SoftsignOp::fold(FoldAdaptor adaptor) {
  return foldFloat(adaptor.getOperands(), getType(),
                   [](double x) { return x / (1 + std::abs(x)); });
}

OpFoldResult HardSwishOp::fold(FoldAdaptor adaptor) {
  return foldFloat(adaptor.getOperands(), getType(), [](double x) {
    return x * std::clamp(x / 6 + 0.5, 0.0, 1.0);
  });
}

OpFoldResult LeakyReluOp::fold(FoldAdaptor adaptor) {
  double alpha = getAlpha().convertToDouble();
  return foldFloat(adaptor.getOperands(), getType(),
                   [&](double x) { return x < 0 ? alpha * x : x; });
}

OpFoldResult EluOp::fold(FoldAdaptor adaptor) {
  double alpha = getAlpha().convertToDouble();
  return foldFloat(adaptor.getOperands(), getType(),
                   [&](double x) { return x < 0 ? alpha * std::expm1(x) : x; });
}

OpFoldResult SeluOp::fold(FoldAdaptor adaptor) {
  double alpha = getAlpha().convertToDouble();
  double gamma = getGamma().convertToDouble();
  return foldFloat(adaptor.getOperands(), getType(), [&](double x) {
    return gamma * (x <= 0 ? alpha * std::expm1(x) : x);
  });
}

OpFoldResult CeluOp::fold(FoldAdaptor adaptor) {
  // max(0, x) + min(0, alpha * (exp(x / alpha) - 1)) is one term or the
  // other by the sign of x, whatever the sign of alpha.
  double alpha = getAlpha().convertToDouble();
  return foldFloat(adaptor.getOperands(), getType(), [&](double x) {
    return x < 0 ? alpha * std::expm1(x / alpha) : x;
  });
}

OpFoldResult ThresholdedReluOp::fold(FoldAdaptor adaptor) {
  double alpha = getAlpha().convertToDouble();
  return foldFloat(adaptor.getOperands(), getType(),
                   [&](double x) { return x > alpha ? x : 0.0; });
}

OpFoldResult ShrinkOp::fold(FoldAdaptor adaptor) {
  double bias = getBias().convertToDouble();
  double lambd = getLambd().convertToDouble();
  return foldFloat(adaptor.getOperands(), getType(), [&](double x) {
    if (x < -lambd)
      return x + bias;
    return x > lambd ? x - bias : 0.0;
  });
}

OpFoldResult HardSigmoidOp::fold(FoldAdaptor adaptor) {
  double alpha = getAlpha().convertToDouble();
  double beta = getBeta().convertToDouble();
  // NaN stays NaN, as in numpy.clip.
  return foldFloat(adaptor.getOperands(), getType(), [&](double x) {
    double y = alpha * x + beta;
    return y < 0 ? 0.0 : y > 1 ? 1.0 : y;
  });
}

OpFoldResult AbsOp::fold(FoldAdaptor adaptor) {
  return foldNumeric(
      adaptor.getOperands(), getType(),
      [](double x, double) { return std::abs(x); },
      [](int64_t x, int64_t) -> std::optional<int64_t> {
        return x < 0 ? wrapNeg(x) : x;
      });
}

OpFoldResult NegOp::fold(FoldAdaptor adaptor) {
  // -(-x) is x, for floats and wrapping integers alike.
  if (auto inner = getInput().getDefiningOp<NegOp>())
    return inner.getInput();
  return foldNumeric(
      adaptor.getOperands(), getType(), [](double x, double) { return -x; },
      [](int64_t x, int64_t) -> std::optional<int64_t> { return wrapNeg(x); });
}

OpFoldResult SignOp::fold(FoldAdaptor adaptor) {
  return foldNumeric(
      adaptor.getOperands(), getType(),
      [](double x, double) { return x > 0   ? 1.0
                                    : x < 0 ? -1.0
                                            : x; },
      [](int64_t x, int64_t) -> std::optional<int64_t> {
        return (x > 0) - (x < 0);
      });
}

OpFoldResult ReluOp::fold(FoldAdaptor adaptor) {
  // relu is idempotent.
  if (getInput().getDefiningOp<ReluOp>())
    return getInput();
  // NaN stays NaN, as in numpy.maximum.
  return foldNumeric(
      adaptor.getOperands(), getType(),
      [](double x, double) { return x < 0 ? 0.0 : x; },
      [](int64_t x, int64_t) -> std::optional<int64_t> {
        return std::max<int64_t>(x, 0);
      });
}

OpFoldResult SigmoidOp::fold(FoldAdaptor adaptor) {
  // In float32, as the lowering computes it: large negative inputs give 0.
  return foldFloat(adaptor.getOperands(), getType(), [](double x) {
    return 1.0f / (1.0f + std::exp(-static_cast<float>(x)));
  });
}

OpFoldResult ClipOp::fold(FoldAdaptor adaptor) {
  double lo = getMin().convertToDouble(), hi = getMax().convertToDouble();
  // numpy.clip semantics: the lower bound first, then the upper one (so
  // min > max gives max everywhere, as the lowering does), and NaN stays NaN.
  return foldFloat(adaptor.getOperands(), getType(), [&](double x) {
    double raised = x < lo ? lo : x;
    return raised > hi ? hi : raised;
  });
}
