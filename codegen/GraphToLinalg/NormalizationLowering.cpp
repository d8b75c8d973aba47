//===- NormalizationLowering.cpp - Normalizations to linalg ---------------===//
//
// Statistics are reductions (Reduce.h) computed in float32 in two passes:
// the mean, then the mean of squared deviations from it, which keeps the
// variance accurate when the mean is large against the spread. The
// normalization itself is one broadcasting elementwise generic.
//
//===----------------------------------------------------------------------===//

#include "codegen/GraphToLinalg/Builders.h"
#include "codegen/GraphToLinalg/Patterns.h"
#include "codegen/GraphToLinalg/Reduce.h"

#include "dialects/graph/IR/GraphOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
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

/// log_softmax(x) = x - max - log(sum(exp(x - max))) along one axis.
struct LogSoftmaxLowering : OpConversionPattern<graph::LogSoftmaxOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::LogSoftmaxOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    Type element = type.getElementType();
    int64_t axis = op.getAxis();
    Value input = adaptor.getInput();
    Value max = buildReduction(
        rewriter, loc, input, {axis},
        rewriter.getFloatAttr(element,
                              -std::numeric_limits<double>::infinity()),
        ValueRange{}, [](OpBuilder &b, Location l, ValueRange args) {
          return b.create<arith::MaximumFOp>(l, args[1], args[0]).getResult();
        });
    Value sum = buildReduction(
        rewriter, loc, input, {axis}, rewriter.getFloatAttr(element, 0.0),
        ValueRange{max}, [](OpBuilder &b, Location l, ValueRange args) {
          Value e = b.create<math::ExpOp>(
              l, b.create<arith::SubFOp>(l, args[0], args[1]));
          return buildAccumulate(b, l, args[2], e);
        });
    auto keptType = keepDimsType(type, {axis});
    Value result = buildBroadcastElementwise(
        rewriter, loc, type,
        ValueRange{input, buildReshape(rewriter, loc, max, keptType),
                   buildReshape(rewriter, loc, sum, keptType)},
        [](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value shifted = b.create<arith::SubFOp>(l, args[0], args[1]);
          return b.create<arith::SubFOp>(l, shifted,
                                         b.create<math::LogOp>(l, args[2]));
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// hardmax: 1 where the position along the axis is the arg-max's.
struct HardmaxLowering : OpConversionPattern<graph::HardmaxOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::HardmaxOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    int64_t axis = op.getAxis();
    Value argmax = buildArgReduce(rewriter, loc, adaptor.getInput(), axis,
                                  /*smallest=*/false, /*lastIndex=*/false);
    auto indexType =
        RankedTensorType::get(type.getShape(), rewriter.getI64Type());
    Value result = buildBroadcastElementwise(
        rewriter, loc, type,
        ValueRange{buildReshape(rewriter, loc, argmax,
                                keepDimsType(indexType, {axis}))},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value position = b.create<arith::IndexCastOp>(
              l, b.getI64Type(), b.create<linalg::IndexOp>(l, axis));
          Value hit = b.create<arith::CmpIOp>(l, arith::CmpIPredicate::eq,
                                              position, args[0]);
          return b.create<arith::UIToFPOp>(l, type.getElementType(), hit);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// x / ||x|| along one axis.
struct LpNormLowering : OpConversionPattern<graph::LpNormOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::LpNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    int64_t axis = op.getAxis();
    bool l1 = op.getP() == 1;
    Value input = adaptor.getInput();
    Value sum = buildReduction(
        rewriter, loc, input, {axis},
        rewriter.getFloatAttr(type.getElementType(), 0.0), ValueRange{},
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value term =
              l1 ? b.create<math::AbsFOp>(l, args[0]).getResult()
                 : b.create<arith::MulFOp>(l, args[0], args[0]).getResult();
          return buildAccumulate(b, l, args[1], term);
        });
    Value norm = buildReshape(rewriter, loc, sum, keepDimsType(type, {axis}));
    Value result = buildBroadcastElementwise(
        rewriter, loc, type, ValueRange{input, norm},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value n = l1 ? args[1] : b.create<math::SqrtOp>(l, args[1]);
          return b.create<arith::DivFOp>(l, args[0], n);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// The mean and population variance of `input` over `dims`, shaped as
/// `input` with those dimensions of extent 1.
std::pair<Value, Value> buildMoments(OpBuilder &b, Location loc, Value input,
                                     ArrayRef<int64_t> dims) {
  auto type = cast<RankedTensorType>(input.getType());
  Type element = type.getElementType();
  double count = 1;
  for (int64_t d : dims)
    count *= type.getDimSize(d);
  auto perElement = [&](Value sum) {
    return buildBroadcastElementwise(
        b, loc, cast<RankedTensorType>(sum.getType()), ValueRange{sum},
        [&](OpBuilder &nb, Location l, ValueRange args) -> Value {
          return nb.create<arith::DivFOp>(
              l, args[0], buildScalar(nb, l, args[0].getType(), count));
        });
  };
  Value mean = perElement(buildReduction(
      b, loc, input, dims, b.getFloatAttr(element, 0.0), ValueRange{},
      [](OpBuilder &nb, Location l, ValueRange args) {
        return buildAccumulate(nb, l, args[1], args[0]);
      }));
  Value variance = perElement(buildReduction(
      b, loc, input, dims, b.getFloatAttr(element, 0.0), ValueRange{mean},
      [](OpBuilder &nb, Location l, ValueRange args) {
        Value d = nb.create<arith::SubFOp>(l, args[0], args[1]);
        return buildAccumulate(nb, l, args[2],
                               nb.create<arith::MulFOp>(l, d, d));
      }));
  auto keptType = keepDimsType(type, dims);
  return {buildReshape(b, loc, mean, keptType),
          buildReshape(b, loc, variance, keptType)};
}

/// 1 / sqrt(variance + epsilon), elementwise.
Value buildInvStdDev(OpBuilder &b, Location loc, Value variance,
                     double epsilon) {
  return buildBroadcastElementwise(
      b, loc, cast<RankedTensorType>(variance.getType()), ValueRange{variance},
      [&](OpBuilder &nb, Location l, ValueRange args) -> Value {
        Type t = args[0].getType();
        Value sd = nb.create<math::SqrtOp>(
            l, nb.create<arith::AddFOp>(l, args[0],
                                        buildScalar(nb, l, t, epsilon)));
        return nb.create<arith::DivFOp>(l, buildScalar(nb, l, t, 1.0), sd);
      });
}

/// (x - mean) * inv_std_dev * scale (+ bias), all broadcast to x.
Value buildNormalized(OpBuilder &b, Location loc, RankedTensorType type,
                      Value x, Value mean, Value invStdDev, Value scale,
                      Value bias) {
  SmallVector<Value> operands{x, mean, invStdDev, scale};
  if (bias)
    operands.push_back(bias);
  return buildBroadcastElementwise(
      b, loc, type, operands,
      [&](OpBuilder &nb, Location l, ValueRange args) -> Value {
        Value centered = nb.create<arith::SubFOp>(l, args[0], args[1]);
        Value scaled = nb.create<arith::MulFOp>(
            l, nb.create<arith::MulFOp>(l, centered, args[2]), args[3]);
        if (args.size() < 5)
          return scaled;
        return nb.create<arith::AddFOp>(l, scaled, args[4]);
      });
}

struct LayerNormLowering : OpConversionPattern<graph::LayerNormOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::LayerNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getOutput().getType();
    SmallVector<int64_t> dims;
    for (int64_t d = op.getAxis(); d < type.getRank(); ++d)
      dims.push_back(d);
    auto [mean, variance] =
        buildMoments(rewriter, loc, adaptor.getInput(), dims);
    Value invStdDev = buildInvStdDev(rewriter, loc, variance,
                                     op.getEpsilon().convertToDouble());
    Value result =
        buildNormalized(rewriter, loc, type, adaptor.getInput(), mean,
                        invStdDev, adaptor.getScale(), adaptor.getBias());
    rewriter.replaceOp(op, ValueRange{result, mean, invStdDev});
    return success();
  }
};

struct InstanceNormLowering : OpConversionPattern<graph::InstanceNormOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::InstanceNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    int64_t rank = type.getRank();
    SmallVector<int64_t> dims;
    for (int64_t d = 2; d < rank; ++d)
      dims.push_back(d);
    auto [mean, variance] =
        buildMoments(rewriter, loc, adaptor.getInput(), dims);
    Value invStdDev = buildInvStdDev(rewriter, loc, variance,
                                     op.getEpsilon().convertToDouble());
    // [C] parameters as [C, 1...], which broadcasts along dimension 1.
    SmallVector<int64_t> paramShape(rank - 1, 1);
    paramShape[0] = type.getDimSize(1);
    auto paramType = RankedTensorType::get(paramShape, type.getElementType());
    Value result = buildNormalized(
        rewriter, loc, type, adaptor.getInput(), mean, invStdDev,
        buildReshape(rewriter, loc, adaptor.getScale(), paramType),
        buildReshape(rewriter, loc, adaptor.getBias(), paramType));
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// (x - mean) / (sqrt(variance) + 1e-9), ONNX's definition.
struct MeanVarianceNormLowering
    : OpConversionPattern<graph::MeanVarianceNormOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::MeanVarianceNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto [mean, variance] =
        buildMoments(rewriter, loc, adaptor.getInput(), op.getAxes());
    Value result = buildBroadcastElementwise(
        rewriter, loc, op.getType(),
        ValueRange{adaptor.getInput(), mean, variance},
        [](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value centered = b.create<arith::SubFOp>(l, args[0], args[1]);
          Value sd = b.create<arith::AddFOp>(
              l, b.create<math::SqrtOp>(l, args[2]),
              buildScalar(b, l, args[0].getType(), 1e-9));
          return b.create<arith::DivFOp>(l, centered, sd);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// LRN: the squares summed over a window of `size` channels (a reduction
/// over an extra dimension reading the zero-padded input at c + k), then
/// x / (bias + alpha / size * sum) ^ beta.
struct LRNLowering : OpConversionPattern<graph::LRNOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::LRNOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = rewriter.getContext();
    RankedTensorType type = op.getType();
    int64_t rank = type.getRank(), size = op.getSize();
    SmallVector<int64_t> low(rank, 0), high(rank, 0);
    low[1] = (size - 1) / 2;
    high[1] = size - 1 - low[1];
    Value padded = buildPad(rewriter, loc, adaptor.getInput(), low, high, 0.0);
    SmallVector<AffineExpr> exprs;
    for (int64_t d = 0; d < rank; ++d)
      exprs.push_back(d == 1 ? getAffineDimExpr(1, ctx) +
                                   getAffineDimExpr(rank, ctx)
                             : getAffineDimExpr(d, ctx));
    AffineMap window = AffineMap::get(rank + 1, 0, exprs, ctx);
    AffineMap kernel =
        AffineMap::get(rank + 1, 0, getAffineDimExpr(rank, ctx), ctx);
    SmallVector<AffineExpr> outExprs;
    for (int64_t d = 0; d < rank; ++d)
      outExprs.push_back(getAffineDimExpr(d, ctx));
    AffineMap out = AffineMap::get(rank + 1, 0, outExprs, ctx);
    SmallVector<utils::IteratorType> iterators(rank + 1,
                                               utils::IteratorType::parallel);
    iterators[rank] = utils::IteratorType::reduction;
    Value zeros = buildFilled(rewriter, loc, type, 0.0);
    // The kernel operand only gives the window dimension its extent.
    Value extent = rewriter.create<tensor::EmptyOp>(
        loc, ArrayRef<int64_t>{size}, type.getElementType());
    Value sums =
        rewriter
            .create<linalg::GenericOp>(
                loc, TypeRange{type}, ValueRange{padded, extent},
                ValueRange{zeros}, ArrayRef<AffineMap>{window, kernel, out},
                iterators,
                [](OpBuilder &b, Location l, ValueRange args) {
                  Value sq = b.create<arith::MulFOp>(l, args[0], args[0]);
                  b.create<linalg::YieldOp>(
                      l, ValueRange{b.create<arith::AddFOp>(l, args[2], sq)});
                })
            .getResult(0);
    double alpha = op.getAlpha().convertToDouble() / size;
    double beta = op.getBeta().convertToDouble();
    double bias = op.getBias().convertToDouble();
    Value result = buildBroadcastElementwise(
        rewriter, loc, type, ValueRange{adaptor.getInput(), sums},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Type t = args[0].getType();
          Value base = b.create<arith::AddFOp>(
              l, buildScalar(b, l, t, bias),
              b.create<arith::MulFOp>(l, buildScalar(b, l, t, alpha), args[1]));
          Value denom =
              b.create<math::PowFOp>(l, base, buildScalar(b, l, t, beta));
          return b.create<arith::DivFOp>(l, args[0], denom);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void populateNormalizationLowering(RewritePatternSet &patterns) {
  patterns.add<BatchNormLowering, SoftmaxLowering, LogSoftmaxLowering,
               HardmaxLowering, LpNormLowering, LayerNormLowering,
               InstanceNormLowering, MeanVarianceNormLowering, LRNLowering>(
      patterns.getContext());
}

} // namespace edgec::codegen
