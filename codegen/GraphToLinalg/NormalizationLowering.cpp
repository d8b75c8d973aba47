//===- NormalizationLowering.cpp - BatchNorm and Softmax to linalg --------===//

#include "codegen/GraphToLinalg/Builders.h"
#include "codegen/GraphToLinalg/Patterns.h"

#include "dialects/graph/IR/GraphOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Transforms/DialectConversion.h"

#include <limits>

using namespace mlir;
namespace graph = edgec::graph;

namespace edgec::codegen {
namespace {

struct BatchNormLowering : OpConversionPattern<graph::BatchNormOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::BatchNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = op.getType();
    MLIRContext *ctx = rewriter.getContext();
    int64_t rank = type.getRank();
    AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, ctx);
    AffineMap channel =
        AffineMap::get(rank, 0, rewriter.getAffineDimExpr(1), ctx);
    double epsilon = op.getEpsilon().convertToDouble();
    Value result = buildGeneric(
        rewriter, op.getLoc(), type,
        ValueRange{adaptor.getInput(), adaptor.getScale(), adaptor.getBias(),
                   adaptor.getMean(), adaptor.getVariance()},
        {identity, channel, channel, channel, channel},
        [&](OpBuilder &b, Location loc, ValueRange args) -> Value {
          Value x = args[0], scale = args[1], bias = args[2], mean = args[3],
                var = args[4];
          Value eps = b.create<arith::ConstantOp>(
              loc, b.getFloatAttr(x.getType(), epsilon));
          Value stddev = b.create<math::SqrtOp>(
              loc, b.create<arith::AddFOp>(loc, var, eps));
          Value normalized = b.create<arith::DivFOp>(
              loc, b.create<arith::SubFOp>(loc, x, mean), stddev);
          return b.create<arith::AddFOp>(
              loc, b.create<arith::MulFOp>(loc, normalized, scale), bias);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// softmax(x) = exp(x - max) / sum(exp(x - max)) along one axis.
struct SoftmaxLowering : OpConversionPattern<graph::SoftmaxOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::SoftmaxOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    MLIRContext *ctx = rewriter.getContext();
    int64_t rank = type.getRank();
    int64_t axis = static_cast<int64_t>(op.getAxis());
    SmallVector<int64_t> reducedShape;
    SmallVector<AffineExpr> reducedExprs;
    for (int64_t i = 0; i < rank; ++i) {
      if (i == axis)
        continue;
      reducedShape.push_back(type.getDimSize(i));
      reducedExprs.push_back(rewriter.getAffineDimExpr(i));
    }
    auto reducedType =
        RankedTensorType::get(reducedShape, type.getElementType());
    AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, ctx);
    AffineMap reduced = AffineMap::get(rank, 0, reducedExprs, ctx);
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    iterators[axis] = utils::IteratorType::reduction;

    auto reduce = [&](Value input, double initial, auto combine) {
      Value init = buildFilled(rewriter, loc, reducedType, initial);
      return rewriter
          .create<linalg::GenericOp>(
              loc, TypeRange{reducedType}, ValueRange{input}, ValueRange{init},
              ArrayRef<AffineMap>{identity, reduced}, iterators,
              [&](OpBuilder &b, Location l, ValueRange args) {
                b.create<linalg::YieldOp>(l, combine(b, l, args[0], args[1]));
              })
          .getResult(0);
    };
    Value max =
        reduce(adaptor.getInput(), -std::numeric_limits<double>::infinity(),
               [](OpBuilder &b, Location l, Value x, Value acc) {
                 return b.create<arith::MaximumFOp>(l, x, acc).getResult();
               });
    Value exps = buildGeneric(
        rewriter, loc, type, ValueRange{adaptor.getInput(), max},
        {identity, reduced}, [](OpBuilder &b, Location l, ValueRange args) {
          return b
              .create<math::ExpOp>(l,
                                   b.create<arith::SubFOp>(l, args[0], args[1]))
              .getResult();
        });
    Value sum =
        reduce(exps, 0.0, [](OpBuilder &b, Location l, Value x, Value acc) {
          return b.create<arith::AddFOp>(l, x, acc).getResult();
        });
    Value result = buildGeneric(
        rewriter, loc, type, ValueRange{exps, sum}, {identity, reduced},
        [](OpBuilder &b, Location l, ValueRange args) {
          return b.create<arith::DivFOp>(l, args[0], args[1]).getResult();
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void populateNormalizationLowering(RewritePatternSet &patterns) {
  patterns.add<BatchNormLowering, SoftmaxLowering>(patterns.getContext());
}

} // namespace edgec::codegen
