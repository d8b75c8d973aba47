//===- Epilogue.cpp - The activations a conv epilogue applies -------------===//

#include "dialects/conv/IR/Epilogue.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/BuiltinTypes.h"

#include <limits>

using namespace mlir;

namespace edgec::conv {
namespace {

/// A splat of `value` shaped like `like` (scalar or vector) of `elementType`.
Value splat(OpBuilder &b, Location loc, Type like, Type elementType,
            Attribute value) {
  if (auto vector = dyn_cast<VectorType>(like))
    return b.create<arith::ConstantOp>(
        loc, DenseElementsAttr::get(vector.clone(elementType), value));
  return b.create<arith::ConstantOp>(loc, cast<TypedAttr>(value));
}

Value f32(OpBuilder &b, Location loc, Type like, float v) {
  return splat(b, loc, like, b.getF32Type(), b.getF32FloatAttr(v));
}

Value i32(OpBuilder &b, Location loc, Type like, int32_t v) {
  return splat(b, loc, like, b.getI32Type(), b.getI32IntegerAttr(v));
}

Type intLike(Type like, OpBuilder &b) {
  if (auto vector = dyn_cast<VectorType>(like))
    return vector.clone(b.getI32Type());
  return b.getI32Type();
}

/// x < lo ? lo : x, keeping NaN.
Value lowerBound(OpBuilder &b, Location loc, Value x, Value lo) {
  Value below = b.create<arith::CmpFOp>(loc, arith::CmpFPredicate::OLT, x, lo);
  return b.create<arith::SelectOp>(loc, below, lo, x);
}

Value upperBound(OpBuilder &b, Location loc, Value x, Value hi) {
  Value above = b.create<arith::CmpFOp>(loc, arith::CmpFPredicate::OGT, x, hi);
  return b.create<arith::SelectOp>(loc, above, hi, x);
}

} // namespace

Value buildExp(OpBuilder &b, Location loc, Value x) {
  Type type = x.getType();
  auto c = [&](float v) { return f32(b, loc, type, v); };
  auto mul = [&](Value l, Value r) {
    return b.create<arith::MulFOp>(loc, l, r);
  };
  auto add = [&](Value l, Value r) {
    return b.create<arith::AddFOp>(loc, l, r);
  };
  // Range reduction: x = n ln2 + r with |r| <= ln2 / 2, over the whole
  // range where exp(x) is a finite non-zero float (denormals included).
  Value input = x;
  x = upperBound(b, loc, lowerBound(b, loc, x, c(-103.972084f)),
                 c(88.7228391f));
  Value n = b.create<math::FloorOp>(
      loc, add(mul(x, c(1.44269504088896341f)), c(0.5f)));
  Value r = b.create<arith::SubFOp>(loc, x, mul(n, c(0.693359375f)));
  r = b.create<arith::SubFOp>(loc, r, mul(n, c(-2.12194440e-4f)));
  // exp(r) = 1 + r + r^2 * P(r).
  Value p = c(1.9875691500e-4f);
  for (float coefficient :
       {1.3981999507e-3f, 8.3334519073e-3f, 4.1665795894e-2f, 1.6666665459e-1f,
        5.0000001201e-1f})
    p = add(mul(p, r), c(coefficient));
  Value y = add(add(mul(mul(p, r), r), r), c(1.0f));
  // 2^n as 2^(n/2) * 2^(n - n/2) from exponent bits: n spans [-150, 128],
  // beyond one normal float's exponent, each half does not.
  Type ints = intLike(type, b);
  Value ni = b.create<arith::FPToSIOp>(loc, ints, n);
  Value half = b.create<arith::ShRSIOp>(loc, ni, i32(b, loc, type, 1));
  auto pow2 = [&](Value e) {
    Value bits = b.create<arith::ShLIOp>(
        loc, b.create<arith::AddIOp>(loc, e, i32(b, loc, type, 127)),
        i32(b, loc, type, 23));
    return b.create<arith::BitcastOp>(loc, type, bits);
  };
  y = mul(mul(y, pow2(half)), pow2(b.create<arith::SubIOp>(loc, ni, half)));
  // IEEE results outside the range: +inf above ln(FLT_MAX), 0 below the
  // smallest denormal's log, NaN for NaN (whose integer conversion above
  // is undefined).
  auto outside = [&](arith::CmpFPredicate predicate, float bound,
                     Value result) {
    Value out = b.create<arith::CmpFOp>(loc, predicate, input, c(bound));
    y = b.create<arith::SelectOp>(loc, out, result, y);
  };
  outside(arith::CmpFPredicate::OGT, 88.7228391f,
          c(std::numeric_limits<float>::infinity()));
  outside(arith::CmpFPredicate::OLT, -103.972084f, c(0.0f));
  Value nan =
      b.create<arith::CmpFOp>(loc, arith::CmpFPredicate::UNO, input, input);
  return b.create<arith::SelectOp>(loc, nan, input, y);
}

Value buildActivation(OpBuilder &b, Location loc, Value x, StringRef activation,
                      float clipMin, float clipMax) {
  Type type = x.getType();
  auto c = [&](float v) { return f32(b, loc, type, v); };
  auto sigmoid = [&](Value v) {
    Value e = buildExp(b, loc, b.create<arith::NegFOp>(loc, v));
    return b.create<arith::DivFOp>(loc, c(1.0f),
                                   b.create<arith::AddFOp>(loc, c(1.0f), e));
  };
  if (activation == "relu")
    return lowerBound(b, loc, x, c(0.0f));
  if (activation == "clip")
    return upperBound(b, loc, lowerBound(b, loc, x, c(clipMin)), c(clipMax));
  if (activation == "hardswish") {
    Value gate = upperBound(
        b, loc,
        lowerBound(b, loc, b.create<arith::AddFOp>(loc, x, c(3.0f)), c(0.0f)),
        c(6.0f));
    return b.create<arith::DivFOp>(loc, b.create<arith::MulFOp>(loc, x, gate),
                                   c(6.0f));
  }
  if (activation == "sigmoid")
    return sigmoid(x);
  if (activation == "silu")
    return b.create<arith::MulFOp>(loc, x, sigmoid(x));
  return x;
}

} // namespace edgec::conv
