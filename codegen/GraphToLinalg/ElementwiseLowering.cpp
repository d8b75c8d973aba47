//===- ElementwiseLowering.cpp - Elementwise edge ops to linalg.generic ---===//

#include "codegen/GraphToLinalg/Builders.h"
#include "codegen/GraphToLinalg/Patterns.h"

#include "dialects/graph/IR/GraphOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
namespace graph = edgec::graph;

namespace edgec::codegen {
namespace {

/// Lowers a binary op to FloatOp on floats and IntOp on integers.
template <typename OpTy, typename FloatOp, typename IntOp>
struct BinaryLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value result = buildBroadcastElementwise(
        rewriter, op.getLoc(), op.getType(),
        ValueRange{adaptor.getLhs(), adaptor.getRhs()},
        [](OpBuilder &b, Location loc, ValueRange args) -> Value {
          if (isa<FloatType>(args[0].getType()))
            return b.create<FloatOp>(loc, args[0], args[1]);
          return b.create<IntOp>(loc, args[0], args[1]);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Lowers a unary op whose scalar body `build` computes from the input.
template <typename OpTy> struct UnaryLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  virtual Value build(OpTy op, OpBuilder &b, Location loc, Value x) const = 0;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value result = buildBroadcastElementwise(
        rewriter, op.getLoc(), op.getType(), ValueRange{adaptor.getInput()},
        [&](OpBuilder &b, Location loc, ValueRange args) {
          return build(op, b, loc, args[0]);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

Value floatConstant(OpBuilder &b, Location loc, Type type, double value) {
  return b.create<arith::ConstantOp>(loc, b.getFloatAttr(type, value));
}

/// x < lo ? lo : x, keeping NaN (numpy.maximum would too).
Value lowerBound(OpBuilder &b, Location loc, Value x, Value lo) {
  Value below = b.create<arith::CmpFOp>(loc, arith::CmpFPredicate::OLT, x, lo);
  return b.create<arith::SelectOp>(loc, below, lo, x);
}

struct ReluLowering : UnaryLowering<graph::ReluOp> {
  using UnaryLowering::UnaryLowering;
  Value build(graph::ReluOp, OpBuilder &b, Location loc,
              Value x) const override {
    return lowerBound(b, loc, x, floatConstant(b, loc, x.getType(), 0.0));
  }
};

struct ClipLowering : UnaryLowering<graph::ClipOp> {
  using UnaryLowering::UnaryLowering;
  Value build(graph::ClipOp op, OpBuilder &b, Location loc,
              Value x) const override {
    Value lo =
        floatConstant(b, loc, x.getType(), op.getMin().convertToDouble());
    Value hi =
        floatConstant(b, loc, x.getType(), op.getMax().convertToDouble());
    Value clamped = lowerBound(b, loc, x, lo);
    Value above =
        b.create<arith::CmpFOp>(loc, arith::CmpFPredicate::OGT, clamped, hi);
    return b.create<arith::SelectOp>(loc, above, hi, clamped);
  }
};

struct SigmoidLowering : UnaryLowering<graph::SigmoidOp> {
  using UnaryLowering::UnaryLowering;
  Value build(graph::SigmoidOp, OpBuilder &b, Location loc,
              Value x) const override {
    Value one = floatConstant(b, loc, x.getType(), 1.0);
    Value negated = b.create<arith::NegFOp>(loc, x);
    Value denom =
        b.create<arith::AddFOp>(loc, one, b.create<math::ExpOp>(loc, negated));
    return b.create<arith::DivFOp>(loc, one, denom);
  }
};

} // namespace

void populateElementwiseLowering(RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  // ONNX integer division truncates towards zero, as divsi does.
  patterns.add<BinaryLowering<graph::AddOp, arith::AddFOp, arith::AddIOp>,
               BinaryLowering<graph::SubOp, arith::SubFOp, arith::SubIOp>,
               BinaryLowering<graph::MulOp, arith::MulFOp, arith::MulIOp>,
               BinaryLowering<graph::DivOp, arith::DivFOp, arith::DivSIOp>,
               ReluLowering, ClipLowering, SigmoidLowering>(context);
}

} // namespace edgec::codegen
