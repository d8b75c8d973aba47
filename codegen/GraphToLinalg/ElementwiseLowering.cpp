//===- ElementwiseLowering.cpp - Elementwise edge ops to linalg.generic ---===//
//
// Every elementwise op becomes one parallel linalg.generic over the result
// (operands broadcast through its indexing maps) whose body computes one
// element. Bodies use arith ops and only the math ops that lower to LLVM
// intrinsics (exp, log, sqrt, sin, cos, pow, floor, ceil, roundeven, abs):
// tanh, erf, atan and the other functions LLVM has no intrinsic for are
// written here with polynomials and those primitives, so that the loops
// vectorize and link against nothing but libm.
//
//===----------------------------------------------------------------------===//

#include "codegen/GraphToLinalg/Builders.h"
#include "codegen/GraphToLinalg/Patterns.h"

#include "dialects/graph/IR/GraphOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Transforms/DialectConversion.h"

#include <cmath>
#include <limits>

using namespace mlir;
namespace graph = edgec::graph;

namespace edgec::codegen {
namespace {

using arith::CmpFPredicate;
using arith::CmpIPredicate;

/// Builds the scalar computation of one element: constants of the element
/// type, arithmetic, comparisons, and the math functions the CPU lacks.
class Element {
public:
  Element(OpBuilder &b, Location loc, Type type) : b(b), loc(loc), type(type) {}

  OpBuilder &builder() { return b; }
  Location location() { return loc; }
  bool isFloat() const { return isa<FloatType>(type); }

  Value c(double v) {
    if (isFloat())
      return b.create<arith::ConstantOp>(loc, b.getFloatAttr(type, v));
    return b.create<arith::ConstantOp>(
        loc, b.getIntegerAttr(type, static_cast<int64_t>(v)));
  }
  Value inf() { return c(std::numeric_limits<double>::infinity()); }

  Value add(Value x, Value y) { return b.create<arith::AddFOp>(loc, x, y); }
  Value sub(Value x, Value y) { return b.create<arith::SubFOp>(loc, x, y); }
  Value mul(Value x, Value y) { return b.create<arith::MulFOp>(loc, x, y); }
  Value div(Value x, Value y) { return b.create<arith::DivFOp>(loc, x, y); }
  Value neg(Value x) { return b.create<arith::NegFOp>(loc, x); }
  Value abs(Value x) { return b.create<math::AbsFOp>(loc, x); }
  Value copysign(Value x, Value sign) {
    return b.create<math::CopySignOp>(loc, x, sign);
  }
  Value exp(Value x) { return b.create<math::ExpOp>(loc, x); }
  Value log(Value x) { return b.create<math::LogOp>(loc, x); }
  Value sqrt(Value x) { return b.create<math::SqrtOp>(loc, x); }
  Value sin(Value x) { return b.create<math::SinOp>(loc, x); }
  Value cos(Value x) { return b.create<math::CosOp>(loc, x); }

  Value cmp(CmpFPredicate p, Value x, Value y) {
    return b.create<arith::CmpFOp>(loc, p, x, y);
  }
  Value cmp(CmpIPredicate p, Value x, Value y) {
    return b.create<arith::CmpIOp>(loc, p, x, y);
  }
  Value lt(Value x, Value y) { return cmp(CmpFPredicate::OLT, x, y); }
  Value gt(Value x, Value y) { return cmp(CmpFPredicate::OGT, x, y); }
  Value eq(Value x, Value y) { return cmp(CmpFPredicate::OEQ, x, y); }
  Value select(Value cond, Value x, Value y) {
    return b.create<arith::SelectOp>(loc, cond, x, y);
  }

  /// x < lo ? lo : x, then > hi ? hi : that: numpy.clip, NaN stays NaN.
  Value clamp(Value x, Value lo, Value hi) {
    Value raised = select(lt(x, lo), lo, x);
    return select(gt(raised, hi), hi, raised);
  }

  /// coeffs[0] + x * (coeffs[1] + x * (...)), in Horner's order.
  Value poly(Value x, ArrayRef<double> coeffs) {
    Value result = c(coeffs.back());
    for (double k : llvm::reverse(coeffs.drop_back()))
      result = add(mul(result, x), c(k));
    return result;
  }

  /// log(1 + x) without losing the digits of a small x (Kahan's trick: the
  /// rounding of 1 + x cancels between the logarithm and the quotient).
  Value log1p(Value x) {
    Value u = add(c(1), x);
    Value d = sub(u, c(1));
    Value r = mul(log(u), div(x, d));
    return select(eq(d, c(0)), x, select(eq(u, inf()), u, r));
  }

  /// exp(x) - 1 without losing the digits of a small x (the same trick).
  Value expm1(Value x) {
    Value u = exp(x);
    Value um1 = sub(u, c(1));
    Value r = mul(um1, div(x, log(u)));
    return select(eq(u, c(1)), x,
                  select(eq(um1, c(-1)), c(-1), select(eq(u, inf()), u, r)));
  }

  /// atan on [0, inf]: atan(a) = pi/2 - atan(1/a) above 1, and a polynomial
  /// in a^2 below (relative error under 2 ulp).
  Value atanNonNegative(Value a) {
    static const double kAtan[] = {1.0,
                                   -0.3333304524421692,
                                   0.1999201774597168,
                                   -0.14198920130729675,
                                   0.10622653365135193,
                                   -0.07465779036283493,
                                   0.042241036891937256,
                                   -0.01579383574426174,
                                   0.0027817077934741974};
    Value inverted = gt(a, c(1));
    Value r = select(inverted, div(c(1), a), a);
    Value p = mul(r, poly(mul(r, r), kAtan));
    return select(inverted, sub(c(M_PI_2), p), p);
  }

private:
  OpBuilder &b;
  Location loc;
  Type type;
};

template <typename OpTy>
using BodyFn = Value (*)(OpTy op, Element &e, ValueRange args);

/// Lowers `OpTy` to an elementwise generic over its result whose body is
/// `body` (operands broadcast numpy-style). `Element` takes the element type
/// of the first operand.
template <typename OpTy, BodyFn<OpTy> body>
struct ElementwiseLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value result = buildBroadcastElementwise(
        rewriter, op.getLoc(), op.getType(), adaptor.getOperands(),
        [&](OpBuilder &b, Location loc, ValueRange args) {
          Element e(b, loc, args[0].getType());
          return body(op, e, args);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Arithmetic
//===----------------------------------------------------------------------===//

/// FloatOp on floats, IntOp on integers.
template <typename OpTy, typename FloatOp, typename IntOp>
Value arithmetic(OpTy, Element &e, ValueRange x) {
  if (e.isFloat())
    return e.builder().create<FloatOp>(e.location(), x[0], x[1]);
  return e.builder().create<IntOp>(e.location(), x[0], x[1]);
}

/// ONNX integer division truncates, as divsi does. Dividing by zero gives 0
/// and INT_MIN / -1 wraps (numpy's answers) instead of trapping.
Value lowerDiv(graph::DivOp op, Element &e, ValueRange x) {
  if (e.isFloat())
    return e.div(x[0], x[1]);
  OpBuilder &b = e.builder();
  Location loc = e.location();
  Value zero = e.c(0), minusOne = e.c(-1);
  Value byZero = e.cmp(CmpIPredicate::eq, x[1], zero);
  Value byMinusOne = e.cmp(CmpIPredicate::eq, x[1], minusOne);
  Value safe =
      e.select(b.create<arith::OrIOp>(loc, byZero, byMinusOne), e.c(1), x[1]);
  Value quotient = b.create<arith::DivSIOp>(loc, x[0], safe);
  Value negated = b.create<arith::SubIOp>(loc, zero, x[0]);
  return e.select(byZero, zero, e.select(byMinusOne, negated, quotient));
}

/// NaN in either operand gives NaN (IEEE maximum, like numpy.maximum).
Value lowerMax(graph::MaxOp op, Element &e, ValueRange x) {
  return arithmetic<graph::MaxOp, arith::MaximumFOp, arith::MaxSIOp>(op, e, x);
}

Value lowerMin(graph::MinOp op, Element &e, ValueRange x) {
  return arithmetic<graph::MinOp, arith::MinimumFOp, arith::MinSIOp>(op, e, x);
}

/// The remainder of truncating division (C's fmod), moved by one divisor
/// when its sign differs from the divisor's unless `fmod` is set (Python's
/// %). Integer remainders by 0 are 0 (numpy's answer) instead of trapping.
Value lowerMod(graph::ModOp op, Element &e, ValueRange x) {
  OpBuilder &b = e.builder();
  Location loc = e.location();
  Value rem, remNegative, divisorNegative, nonZero;
  if (e.isFloat()) {
    rem = b.create<arith::RemFOp>(loc, x[0], x[1]);
    remNegative = e.lt(rem, e.c(0));
    divisorNegative = e.lt(x[1], e.c(0));
    nonZero = e.cmp(CmpFPredicate::ONE, rem, e.c(0));
  } else {
    // x % -1 is 0, and INT_MIN % -1 would trap.
    Value trivial =
        b.create<arith::OrIOp>(loc, e.cmp(CmpIPredicate::eq, x[1], e.c(0)),
                               e.cmp(CmpIPredicate::eq, x[1], e.c(-1)));
    rem = b.create<arith::RemSIOp>(loc, x[0], e.select(trivial, e.c(1), x[1]));
    remNegative = e.cmp(CmpIPredicate::slt, rem, e.c(0));
    divisorNegative = e.cmp(CmpIPredicate::slt, x[1], e.c(0));
    nonZero = e.cmp(CmpIPredicate::ne, rem, e.c(0));
  }
  if (op.getFmod())
    return rem;
  Value signsDiffer =
      b.create<arith::XOrIOp>(loc, remNegative, divisorNegative);
  Value adjust = b.create<arith::AndIOp>(loc, nonZero, signsDiffer);
  Value moved = e.isFloat()
                    ? e.add(rem, x[1])
                    : b.create<arith::AddIOp>(loc, rem, x[1]).getResult();
  return e.select(adjust, moved, rem);
}

/// powf in the base's float type; an integer base is raised in double
/// precision and truncated back.
Value lowerPow(graph::PowOp op, Element &e, ValueRange x) {
  OpBuilder &b = e.builder();
  Location loc = e.location();
  Type resultType = op.getType().getElementType();
  Type computeType = e.isFloat() ? resultType : b.getF64Type();
  auto toCompute = [&](Value v) -> Value {
    Type t = v.getType();
    if (t == computeType)
      return v;
    if (isa<FloatType>(t))
      return b.create<arith::ExtFOp>(loc, computeType, v);
    return b.create<arith::SIToFPOp>(loc, computeType, v);
  };
  Value pow = b.create<math::PowFOp>(loc, toCompute(x[0]), toCompute(x[1]));
  if (computeType == resultType)
    return pow;
  return b.create<arith::FPToSIOp>(loc, resultType, pow);
}

Value lowerPRelu(graph::PReluOp, Element &e, ValueRange x) {
  return e.select(e.lt(x[0], e.c(0)), e.mul(x[1], x[0]), x[0]);
}

//===----------------------------------------------------------------------===//
// Comparisons, logic, selection
//===----------------------------------------------------------------------===//

/// Ordered float predicates (false with NaN), signed integer ones.
template <typename OpTy, CmpFPredicate floatPredicate,
          CmpIPredicate intPredicate>
Value compare(OpTy, Element &e, ValueRange x) {
  if (e.isFloat())
    return e.cmp(floatPredicate, x[0], x[1]);
  return e.cmp(intPredicate, x[0], x[1]);
}

Value lowerWhere(graph::WhereOp, Element &e, ValueRange x) {
  return e.select(x[0], x[1], x[2]);
}

Value lowerNot(graph::NotOp, Element &e, ValueRange x) {
  return e.builder().create<arith::XOrIOp>(e.location(), x[0], e.c(1));
}

Value lowerIsNaN(graph::IsNaNOp, Element &e, ValueRange x) {
  return e.cmp(CmpFPredicate::UNO, x[0], x[0]);
}

Value lowerIsInf(graph::IsInfOp op, Element &e, ValueRange x) {
  OpBuilder &b = e.builder();
  Value result =
      b.create<arith::ConstantOp>(e.location(), b.getBoolAttr(false));
  if (op.getDetectPositive())
    result = b.create<arith::OrIOp>(e.location(), result, e.eq(x[0], e.inf()));
  if (op.getDetectNegative())
    result = b.create<arith::OrIOp>(e.location(), result,
                                    e.eq(x[0], e.neg(e.inf())));
  return result;
}

//===----------------------------------------------------------------------===//
// Unary math
//===----------------------------------------------------------------------===//

Value lowerAbs(graph::AbsOp, Element &e, ValueRange x) {
  if (e.isFloat())
    return e.abs(x[0]);
  return e.builder().create<math::AbsIOp>(e.location(), x[0]);
}

Value lowerNeg(graph::NegOp, Element &e, ValueRange x) {
  if (e.isFloat())
    return e.neg(x[0]);
  return e.builder().create<arith::SubIOp>(e.location(), e.c(0), x[0]);
}

/// 1 or -1 by the sign; zeros and NaN stay as they are.
Value lowerSign(graph::SignOp, Element &e, ValueRange x) {
  if (e.isFloat())
    return e.select(e.gt(x[0], e.c(0)), e.c(1),
                    e.select(e.lt(x[0], e.c(0)), e.c(-1), x[0]));
  return e.select(
      e.cmp(CmpIPredicate::sgt, x[0], e.c(0)), e.c(1),
      e.select(e.cmp(CmpIPredicate::slt, x[0], e.c(0)), e.c(-1), e.c(0)));
}

/// One math dialect op on the element.
template <typename OpTy, typename MathOp>
Value mathOp(OpTy, Element &e, ValueRange x) {
  return e.builder().create<MathOp>(e.location(), x[0]);
}

Value lowerReciprocal(graph::ReciprocalOp, Element &e, ValueRange x) {
  return e.div(e.c(1), x[0]);
}

Value lowerTan(graph::TanOp, Element &e, ValueRange x) {
  return e.div(e.sin(x[0]), e.cos(x[0]));
}

/// A polynomial near 0, where 1 - 2 / (exp(2|x|) + 1) would cancel.
Value lowerTanh(graph::TanhOp, Element &e, ValueRange x) {
  static const double kTanh[] = {1.0,
                                 -0.3333325982093811,
                                 0.13331091403961182,
                                 -0.053718484938144684,
                                 0.020583488047122955,
                                 -0.005652355030179024};
  Value a = e.abs(x[0]);
  Value small = e.mul(x[0], e.poly(e.mul(x[0], x[0]), kTanh));
  Value large = e.sub(e.c(1), e.div(e.c(2), e.add(e.exp(e.add(a, a)), e.c(1))));
  return e.select(e.lt(a, e.c(0.625)), small, e.copysign(large, x[0]));
}

/// Piecewise polynomials: x * P(x^2) below 1, a polynomial in |x| up to
/// 3.92, and 1 beyond (erf(3.92) rounds to 1 in float32). Error under 3 ulp.
Value lowerErf(graph::ErfOp, Element &e, ValueRange x) {
  static const double kSmall[] = {1.1283791065216064,   -0.37612318992614746,
                                  0.11280130594968796,  -0.02670994959771633,
                                  0.004916023463010788, -0.0005625396152026951};
  // In u = (|x| - 2.46) / 1.46, which spans [-1, 1] over [1, 3.92].
  static const double kLarge[] = {
      0.9994966983795166,    0.0038780649192631245, -0.013931602239608765,
      0.030601097270846367,  -0.045005373656749725, 0.04509779065847397,
      -0.02869897335767746,  0.00652690464630723,   0.008065709844231606,
      -0.009083879180252552, 0.002283840673044324,  0.001629612990655005,
      -0.0008599194115959108};
  Value a = e.abs(x[0]);
  Value small = e.mul(x[0], e.poly(e.mul(x[0], x[0]), kSmall));
  Value u = e.mul(e.sub(a, e.c(2.46)), e.c(1 / 1.46));
  Value large = e.select(e.cmp(CmpFPredicate::OGE, a, e.c(3.92)), e.c(1),
                         e.poly(u, kLarge));
  return e.select(e.lt(a, e.c(1)), small, e.copysign(large, x[0]));
}

Value lowerAtan(graph::AtanOp, Element &e, ValueRange x) {
  return e.copysign(e.atanNonNegative(e.abs(x[0])), x[0]);
}

/// asin(x) = atan(x / sqrt(1 - x^2)), with (1 - x)(1 + x) exact near 1.
Value lowerAsin(graph::AsinOp, Element &e, ValueRange x) {
  Value root = e.sqrt(e.mul(e.sub(e.c(1), x[0]), e.add(e.c(1), x[0])));
  Value ratio = e.div(x[0], root);
  return e.copysign(e.atanNonNegative(e.abs(ratio)), ratio);
}

/// acos(x) = 2 atan(sqrt((1 - x) / (1 + x))), accurate at both ends.
Value lowerAcos(graph::AcosOp, Element &e, ValueRange x) {
  Value ratio = e.div(e.sub(e.c(1), x[0]), e.add(e.c(1), x[0]));
  Value half = e.atanNonNegative(e.sqrt(ratio));
  return e.add(half, half);
}

/// Below 1, its Taylor series (no cancellation); above, from h = exp(|x|/2)
/// so that e^|x| / 2 = (h / 2) h does not overflow before sinh does.
Value lowerSinh(graph::SinhOp, Element &e, ValueRange x) {
  static const double kSinh[] = {1.0,        1.0 / 6,      1.0 / 120,
                                 1.0 / 5040, 1.0 / 362880, 1.0 / 39916800};
  Value a = e.abs(x[0]);
  Value small = e.mul(x[0], e.poly(e.mul(x[0], x[0]), kSinh));
  Value h = e.exp(e.mul(a, e.c(0.5)));
  Value large =
      e.sub(e.mul(e.mul(h, e.c(0.5)), h), e.div(e.c(0.5), e.mul(h, h)));
  return e.select(e.lt(a, e.c(1)), small, e.copysign(large, x[0]));
}

Value lowerCosh(graph::CoshOp, Element &e, ValueRange x) {
  Value h = e.exp(e.mul(e.abs(x[0]), e.c(0.5)));
  return e.add(e.mul(e.mul(h, e.c(0.5)), h), e.div(e.c(0.5), e.mul(h, h)));
}

/// asinh(a) = log1p(a + a^2 / (1 + sqrt(1 + a^2))), or log(2a) where a^2
/// would lose the 1 (and overflow later).
Value lowerAsinh(graph::AsinhOp, Element &e, ValueRange x) {
  Value a = e.abs(x[0]);
  Value square = e.mul(a, a);
  Value moderate = e.log1p(
      e.add(a, e.div(square, e.add(e.c(1), e.sqrt(e.add(e.c(1), square))))));
  Value large = e.add(e.log(a), e.c(M_LN2));
  return e.copysign(e.select(e.gt(a, e.c(4096)), large, moderate), x[0]);
}

/// acosh(x) = log1p(t + sqrt(t (t + 2))) with t = x - 1 exact near 1, or
/// log(2x) for large x; NaN below 1.
Value lowerAcosh(graph::AcoshOp, Element &e, ValueRange x) {
  Value t = e.sub(x[0], e.c(1));
  Value moderate = e.log1p(e.add(t, e.sqrt(e.mul(t, e.add(t, e.c(2))))));
  Value large = e.add(e.log(x[0]), e.c(M_LN2));
  Value result = e.select(e.gt(x[0], e.c(4096)), large, moderate);
  return e.select(e.lt(x[0], e.c(1)),
                  e.c(std::numeric_limits<double>::quiet_NaN()), result);
}

/// atanh(x) = log1p(2x / (1 - x)) / 2 on |x|, which is +inf at 1.
Value lowerAtanh(graph::AtanhOp, Element &e, ValueRange x) {
  Value a = e.abs(x[0]);
  Value r = e.log1p(e.div(e.add(a, a), e.sub(e.c(1), a)));
  return e.copysign(e.mul(r, e.c(0.5)), x[0]);
}

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

/// relu is x < 0 ? 0 : x, which keeps NaN.
Value lowerRelu(graph::ReluOp, Element &e, ValueRange x) {
  if (!e.isFloat())
    return e.builder().create<arith::MaxSIOp>(e.location(), x[0], e.c(0));
  Value zero = e.c(0);
  return e.select(e.lt(x[0], zero), zero, x[0]);
}

Value lowerClip(graph::ClipOp op, Element &e, ValueRange x) {
  return e.clamp(x[0], e.c(op.getMin().convertToDouble()),
                 e.c(op.getMax().convertToDouble()));
}

/// 1 / (1 + exp(-x)).
Value lowerSigmoid(graph::SigmoidOp, Element &e, ValueRange x) {
  Value one = e.c(1);
  return e.div(one, e.add(one, e.exp(e.neg(x[0]))));
}

/// max(x, 0) + log1p(exp(-|x|)): neither term overflows.
Value lowerSoftplus(graph::SoftplusOp, Element &e, ValueRange x) {
  Value positive = e.select(e.lt(x[0], e.c(0)), e.c(0), x[0]);
  return e.add(positive, e.log1p(e.exp(e.neg(e.abs(x[0])))));
}

Value lowerSoftsign(graph::SoftsignOp, Element &e, ValueRange x) {
  return e.div(x[0], e.add(e.c(1), e.abs(x[0])));
}

Value lowerHardSigmoid(graph::HardSigmoidOp op, Element &e, ValueRange x) {
  Value y = e.add(e.mul(e.c(op.getAlpha().convertToDouble()), x[0]),
                  e.c(op.getBeta().convertToDouble()));
  return e.clamp(y, e.c(0), e.c(1));
}

Value lowerHardSwish(graph::HardSwishOp, Element &e, ValueRange x) {
  Value y = e.add(e.mul(e.c(1.0 / 6), x[0]), e.c(0.5));
  return e.mul(x[0], e.clamp(y, e.c(0), e.c(1)));
}

Value lowerLeakyRelu(graph::LeakyReluOp op, Element &e, ValueRange x) {
  Value scaled = e.mul(e.c(op.getAlpha().convertToDouble()), x[0]);
  return e.select(e.lt(x[0], e.c(0)), scaled, x[0]);
}

Value lowerElu(graph::EluOp op, Element &e, ValueRange x) {
  Value negative = e.mul(e.c(op.getAlpha().convertToDouble()), e.expm1(x[0]));
  return e.select(e.lt(x[0], e.c(0)), negative, x[0]);
}

Value lowerSelu(graph::SeluOp op, Element &e, ValueRange x) {
  double gamma = op.getGamma().convertToDouble();
  double alpha = op.getAlpha().convertToDouble();
  Value negative = e.mul(e.c(gamma * alpha), e.expm1(x[0]));
  Value positive = e.mul(e.c(gamma), x[0]);
  return e.select(e.cmp(CmpFPredicate::OLE, x[0], e.c(0)), negative, positive);
}

/// max(0, x) + min(0, alpha (exp(x / alpha) - 1)) is one term or the other
/// by the sign of x, whatever the sign of alpha.
Value lowerCelu(graph::CeluOp op, Element &e, ValueRange x) {
  Value alpha = e.c(op.getAlpha().convertToDouble());
  Value negative = e.mul(alpha, e.expm1(e.div(x[0], alpha)));
  return e.select(e.lt(x[0], e.c(0)), negative, x[0]);
}

Value lowerThresholdedRelu(graph::ThresholdedReluOp op, Element &e,
                           ValueRange x) {
  return e.select(e.gt(x[0], e.c(op.getAlpha().convertToDouble())), x[0],
                  e.c(0));
}

Value lowerShrink(graph::ShrinkOp op, Element &e, ValueRange x) {
  double lambd = op.getLambd().convertToDouble();
  Value bias = e.c(op.getBias().convertToDouble());
  return e.select(e.lt(x[0], e.c(-lambd)), e.add(x[0], bias),
                  e.select(e.gt(x[0], e.c(lambd)), e.sub(x[0], bias), e.c(0)));
}

//===----------------------------------------------------------------------===//
// Casts
//===----------------------------------------------------------------------===//

/// arith computes on signless integers: uint8 elements are viewed as i8
/// through an unrealized cast, which the LLVM lowering (where both are i8)
/// folds away. The cast is built without notifying the conversion driver,
/// whose target does not list it as legal.
Value castUnrealized(OpBuilder &b, Location loc, Value v, Type type) {
  if (v.getType() == type)
    return v;
  OpBuilder plain(b.getContext());
  plain.setInsertionPoint(b.getInsertionBlock(), b.getInsertionPoint());
  return plain.create<UnrealizedConversionCastOp>(loc, type, v).getResult(0);
}

Value toSignless(OpBuilder &b, Location loc, Value v) {
  auto intType = dyn_cast<IntegerType>(v.getType());
  if (!intType || intType.isSignless())
    return v;
  return castUnrealized(b, loc, v, b.getIntegerType(intType.getWidth()));
}

/// Floats truncate towards zero into integers and compare with zero into
/// booleans; booleans and uint8 extend without sign. Integers narrower than
/// 32 bits are reached through i32, so that out-of-range floats wrap as
/// numpy's conversions do on x86 instead of being poison.
Value lowerCast(graph::CastOp op, Element &e, ValueRange x) {
  OpBuilder &b = e.builder();
  Location loc = e.location();
  Type from = x[0].getType(), to = op.getTo();
  bool fromUnsigned = from.isUnsignedInteger() || from.isInteger(1);
  Value v = toSignless(b, loc, x[0]);
  Type target = to;
  if (auto intType = dyn_cast<IntegerType>(to))
    target = b.getIntegerType(intType.getWidth());
  Value result;
  if (v.getType() == target) {
    result = v;
  } else if (isa<FloatType>(from) && isa<FloatType>(target)) {
    unsigned fromWidth = from.getIntOrFloatBitWidth();
    unsigned toWidth = target.getIntOrFloatBitWidth();
    result = fromWidth < toWidth
                 ? b.create<arith::ExtFOp>(loc, target, v).getResult()
                 : b.create<arith::TruncFOp>(loc, target, v).getResult();
  } else if (isa<FloatType>(from)) {
    if (target.isInteger(1)) {
      Value zero = b.create<arith::ConstantOp>(loc, b.getFloatAttr(from, 0));
      result = b.create<arith::CmpFOp>(loc, CmpFPredicate::UNE, v, zero);
    } else if (target.getIntOrFloatBitWidth() < 32) {
      Value wide = b.create<arith::FPToSIOp>(loc, b.getI32Type(), v);
      result = b.create<arith::TruncIOp>(loc, target, wide);
    } else {
      result = b.create<arith::FPToSIOp>(loc, target, v);
    }
  } else if (isa<FloatType>(target)) {
    result = fromUnsigned
                 ? b.create<arith::UIToFPOp>(loc, target, v).getResult()
                 : b.create<arith::SIToFPOp>(loc, target, v).getResult();
  } else if (target.isInteger(1)) {
    Value zero =
        b.create<arith::ConstantOp>(loc, b.getIntegerAttr(v.getType(), 0));
    result = b.create<arith::CmpIOp>(loc, CmpIPredicate::ne, v, zero);
  } else {
    unsigned fromWidth = from.getIntOrFloatBitWidth();
    unsigned toWidth = target.getIntOrFloatBitWidth();
    if (fromWidth == toWidth)
      result = v;
    else if (fromWidth > toWidth)
      result = b.create<arith::TruncIOp>(loc, target, v);
    else if (fromUnsigned)
      result = b.create<arith::ExtUIOp>(loc, target, v);
    else
      result = b.create<arith::ExtSIOp>(loc, target, v);
  }
  return castUnrealized(b, loc, result, to);
}

} // namespace

void populateElementwiseLowering(RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  using namespace graph;
  // Arithmetic, comparisons, logic.
  patterns.add<
      ElementwiseLowering<AddOp,
                          arithmetic<AddOp, arith::AddFOp, arith::AddIOp>>,
      ElementwiseLowering<SubOp,
                          arithmetic<SubOp, arith::SubFOp, arith::SubIOp>>,
      ElementwiseLowering<MulOp,
                          arithmetic<MulOp, arith::MulFOp, arith::MulIOp>>,
      ElementwiseLowering<DivOp, lowerDiv>,
      ElementwiseLowering<MaxOp, lowerMax>,
      ElementwiseLowering<MinOp, lowerMin>,
      ElementwiseLowering<ModOp, lowerMod>,
      ElementwiseLowering<PowOp, lowerPow>,
      ElementwiseLowering<PReluOp, lowerPRelu>,
      ElementwiseLowering<AndOp,
                          arithmetic<AndOp, arith::AndIOp, arith::AndIOp>>,
      ElementwiseLowering<OrOp, arithmetic<OrOp, arith::OrIOp, arith::OrIOp>>,
      ElementwiseLowering<XorOp,
                          arithmetic<XorOp, arith::XOrIOp, arith::XOrIOp>>,
      ElementwiseLowering<
          EqualOp, compare<EqualOp, CmpFPredicate::OEQ, CmpIPredicate::eq>>,
      ElementwiseLowering<
          LessOp, compare<LessOp, CmpFPredicate::OLT, CmpIPredicate::slt>>,
      ElementwiseLowering<LessEqualOp, compare<LessEqualOp, CmpFPredicate::OLE,
                                               CmpIPredicate::sle>>,
      ElementwiseLowering<GreaterOp, compare<GreaterOp, CmpFPredicate::OGT,
                                             CmpIPredicate::sgt>>,
      ElementwiseLowering<
          GreaterEqualOp,
          compare<GreaterEqualOp, CmpFPredicate::OGE, CmpIPredicate::sge>>,
      ElementwiseLowering<WhereOp, lowerWhere>,
      ElementwiseLowering<NotOp, lowerNot>,
      ElementwiseLowering<IsNaNOp, lowerIsNaN>,
      ElementwiseLowering<IsInfOp, lowerIsInf>,
      ElementwiseLowering<CastOp, lowerCast>>(context);
  // Unary math.
  patterns.add<ElementwiseLowering<AbsOp, lowerAbs>,
               ElementwiseLowering<NegOp, lowerNeg>,
               ElementwiseLowering<SignOp, lowerSign>,
               ElementwiseLowering<ExpOp, mathOp<ExpOp, math::ExpOp>>,
               ElementwiseLowering<LogOp, mathOp<LogOp, math::LogOp>>,
               ElementwiseLowering<SqrtOp, mathOp<SqrtOp, math::SqrtOp>>,
               ElementwiseLowering<SinOp, mathOp<SinOp, math::SinOp>>,
               ElementwiseLowering<CosOp, mathOp<CosOp, math::CosOp>>,
               ElementwiseLowering<FloorOp, mathOp<FloorOp, math::FloorOp>>,
               ElementwiseLowering<CeilOp, mathOp<CeilOp, math::CeilOp>>,
               ElementwiseLowering<RoundOp, mathOp<RoundOp, math::RoundEvenOp>>,
               ElementwiseLowering<ReciprocalOp, lowerReciprocal>,
               ElementwiseLowering<TanOp, lowerTan>,
               ElementwiseLowering<TanhOp, lowerTanh>,
               ElementwiseLowering<ErfOp, lowerErf>,
               ElementwiseLowering<AtanOp, lowerAtan>,
               ElementwiseLowering<AsinOp, lowerAsin>,
               ElementwiseLowering<AcosOp, lowerAcos>,
               ElementwiseLowering<SinhOp, lowerSinh>,
               ElementwiseLowering<CoshOp, lowerCosh>,
               ElementwiseLowering<AsinhOp, lowerAsinh>,
               ElementwiseLowering<AcoshOp, lowerAcosh>,
               ElementwiseLowering<AtanhOp, lowerAtanh>>(context);
  // Activations.
  patterns.add<ElementwiseLowering<ReluOp, lowerRelu>,
               ElementwiseLowering<ClipOp, lowerClip>,
               ElementwiseLowering<SigmoidOp, lowerSigmoid>,
               ElementwiseLowering<SoftplusOp, lowerSoftplus>,
               ElementwiseLowering<SoftsignOp, lowerSoftsign>,
               ElementwiseLowering<HardSigmoidOp, lowerHardSigmoid>,
               ElementwiseLowering<HardSwishOp, lowerHardSwish>,
               ElementwiseLowering<LeakyReluOp, lowerLeakyRelu>,
               ElementwiseLowering<EluOp, lowerElu>,
               ElementwiseLowering<SeluOp, lowerSelu>,
               ElementwiseLowering<CeluOp, lowerCelu>,
               ElementwiseLowering<ThresholdedReluOp, lowerThresholdedRelu>,
               ElementwiseLowering<ShrinkOp, lowerShrink>>(context);
}

} // namespace edgec::codegen
