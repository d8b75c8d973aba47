//===- ExpandMath.cpp - Inline polynomial exp -----------------------------===//

#include "codegen/Passes.h"
#include "dialects/conv/IR/Epilogue.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace edgec::codegen {
#define GEN_PASS_DEF_EXPANDMATH
#include "codegen/Passes.h.inc"
} // namespace edgec::codegen

using namespace mlir;

namespace {

Value splat(OpBuilder &b, Location loc, Type type, float value) {
  return b.create<arith::ConstantOp>(
      loc, type,
      isa<VectorType>(type)
          ? cast<TypedAttr>(DenseElementsAttr::get(cast<ShapedType>(type),
                                                   b.getF32FloatAttr(value)))
          : cast<TypedAttr>(b.getF32FloatAttr(value)));
}

/// math.exp on f32 (scalar or vector) as Cephes' polynomial, with IEEE
/// results outside its range: +inf above ln(FLT_MAX), 0 below the smallest
/// denormal's log, NaN for NaN.
struct ExpandExp : OpRewritePattern<math::ExpOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(math::ExpOp op,
                                PatternRewriter &rewriter) const override {
    Type type = op.getType();
    if (!getElementTypeOrSelf(type).isF32())
      return failure();
    Location loc = op.getLoc();
    Value x = op.getOperand();
    Value y = edgec::conv::buildExp(rewriter, loc, x);
    auto select = [&](arith::CmpFPredicate predicate, float bound,
                      float result) {
      Value outside = rewriter.create<arith::CmpFOp>(
          loc, predicate, x, splat(rewriter, loc, type, bound));
      y = rewriter.create<arith::SelectOp>(
          loc, outside, splat(rewriter, loc, type, result), y);
    };
    select(arith::CmpFPredicate::OGT, 88.7228391f,
           std::numeric_limits<float>::infinity());
    select(arith::CmpFPredicate::OLT, -103.972084f, 0.0f);
    Value nan =
        rewriter.create<arith::CmpFOp>(loc, arith::CmpFPredicate::UNO, x, x);
    rewriter.replaceOpWithNewOp<arith::SelectOp>(op, nan, x, y);
    return success();
  }
};

struct ExpandMathPass : edgec::codegen::impl::ExpandMathBase<ExpandMathPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<ExpandExp>(&getContext());
    if (failed(
            applyPatternsAndFoldGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
