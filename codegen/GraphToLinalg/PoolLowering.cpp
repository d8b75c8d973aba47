//===- PoolLowering.cpp - Pooling to linalg -------------------------------===//
//
// Windowed pooling becomes linalg's NCHW pooling ops over an explicitly
// padded input (3-D windows: a generic with the same structure); averages
// divide by a per-position count computed at compile time. Lp pooling sums
// |x| ^ p. Global pooling is a reduction over the spatial dimensions.
//
//===----------------------------------------------------------------------===//

#include "codegen/GraphToLinalg/Builders.h"
#include "codegen/GraphToLinalg/Patterns.h"
#include "codegen/GraphToLinalg/Reduce.h"
#include "codegen/GraphToLinalg/Window.h"

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

/// Pools `window` (widened for ceil_mode) with padding and initial value
/// `identity`, the reduction's neutral element.
template <typename PoolOp>
Value buildPool(OpBuilder &b, Location loc, Window2D &window, double identity) {
  addCeilPadding(window);
  Value input =
      buildPad(b, loc, window.input, window.padLow, window.padHigh, identity);
  Value init = buildFilled(b, loc, window.resultType, identity);
  Value shape = b.create<tensor::EmptyOp>(loc, window.kernel,
                                          window.resultType.getElementType());
  return b
      .create<PoolOp>(loc, TypeRange{window.resultType},
                      ValueRange{input, shape}, ValueRange{init},
                      i64Elements(b, window.strides),
                      i64Elements(b, window.dilations))
      .getResult(0);
}

/// Pools windows of any rank (here: 3-D, which linalg's named NCHW pooling
/// ops do not cover) with one generic over [N, C, out..., window...] that
/// reads the padded input at out * stride + window * dilation. `pads` are
/// the op's (leading, then trailing); the trailing ones grow to the room the
/// last ceil_mode window needs.
Value buildPoolND(OpBuilder &b, Location loc, Value input,
                  RankedTensorType resultType, ArrayRef<int64_t> kernel,
                  ArrayRef<int64_t> strides, ArrayRef<int64_t> dilations,
                  ArrayRef<int64_t> pads, double identity, bool isMax) {
  auto type = cast<RankedTensorType>(input.getType());
  MLIRContext *ctx = b.getContext();
  int64_t spatial = kernel.size(), rank = spatial + 2;
  SmallVector<int64_t> low(rank, 0), high(rank, 0);
  for (int64_t i = 0; i < spatial; ++i) {
    low[2 + i] = pads[i];
    high[2 + i] = pads[i + spatial];
    int64_t needed = (resultType.getDimSize(2 + i) - 1) * strides[i] +
                     (kernel[i] - 1) * dilations[i] + 1;
    int64_t have = type.getDimSize(2 + i) + low[2 + i] + high[2 + i];
    high[2 + i] += std::max<int64_t>(0, needed - have);
  }
  Value padded = buildPad(b, loc, input, low, high, identity);
  SmallVector<AffineExpr> in{getAffineDimExpr(0, ctx),
                             getAffineDimExpr(1, ctx)};
  SmallVector<AffineExpr> window, out;
  for (int64_t i = 0; i < spatial; ++i) {
    in.push_back(getAffineDimExpr(2 + i, ctx) * strides[i] +
                 getAffineDimExpr(rank + i, ctx) * dilations[i]);
    window.push_back(getAffineDimExpr(rank + i, ctx));
  }
  for (int64_t d = 0; d < rank; ++d)
    out.push_back(getAffineDimExpr(d, ctx));
  int64_t dims = rank + spatial;
  SmallVector<utils::IteratorType> iterators(dims,
                                             utils::IteratorType::parallel);
  for (int64_t i = rank; i < dims; ++i)
    iterators[i] = utils::IteratorType::reduction;
  // The window operand only gives the window dimensions their extents.
  Value shape =
      b.create<tensor::EmptyOp>(loc, kernel, resultType.getElementType());
  Value init = buildFilled(b, loc, resultType, identity);
  return b
      .create<linalg::GenericOp>(
          loc, TypeRange{resultType}, ValueRange{padded, shape},
          ValueRange{init},
          ArrayRef<AffineMap>{AffineMap::get(dims, 0, in, ctx),
                              AffineMap::get(dims, 0, window, ctx),
                              AffineMap::get(dims, 0, out, ctx)},
          iterators,
          [&](OpBuilder &nb, Location l, ValueRange args) {
            Value combined =
                isMax
                    ? nb.create<arith::MaximumFOp>(l, args[2], args[0])
                          .getResult()
                    : nb.create<arith::AddFOp>(l, args[2], args[0]).getResult();
            nb.create<linalg::YieldOp>(l, combined);
          })
      .getResult(0);
}

struct MaxPoolLowering : OpConversionPattern<graph::MaxPoolOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::MaxPoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    double lowest = -std::numeric_limits<double>::infinity();
    if (op.getKernelShape().size() > 2) {
      rewriter.replaceOp(op, buildPoolND(rewriter, loc, adaptor.getInput(),
                                         op.getType(), op.getKernelShape(),
                                         op.getStrides(), op.getDilations(),
                                         op.getPads(), lowest,
                                         /*isMax=*/true));
      return success();
    }
    Window2D window;
    if (failed(makeWindow2D(op, adaptor.getInput(), op.getType(),
                            op.getKernelShape(), op.getStrides(),
                            op.getDilations(), op.getPads(), rewriter, window)))
      return failure();
    Value result =
        buildPool<linalg::PoolingNchwMaxOp>(rewriter, loc, window, lowest);
    rewriter.replaceOp(op, buildReshape(rewriter, loc, result, op.getType()));
    return success();
  }
};

/// Number of window elements of output position `o` that count towards the
/// average along one dimension.
int64_t windowCount(int64_t o, int64_t stride, int64_t kernel, int64_t padLow,
                    int64_t extent, int64_t padHigh, bool countPad) {
  int64_t start = o * stride - padLow, end = start + kernel;
  int64_t lo = countPad ? -padLow : 0;
  int64_t hi = countPad ? extent + padHigh : extent;
  return std::max<int64_t>(0, std::min(end, hi) - std::max(start, lo));
}

/// Average pooling over windows of any rank: the N-D sum divided by a
/// constant tensor of per-position counts.
Value averagePoolND(OpBuilder &b, Location loc, graph::AveragePoolOp op,
                    graph::AveragePoolOp::Adaptor adaptor) {
  RankedTensorType type = op.getType();
  auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
  ArrayRef<int64_t> kernel = op.getKernelShape(), strides = op.getStrides(),
                    pads = op.getPads();
  int64_t spatial = kernel.size();
  SmallVector<int64_t> ones(spatial, 1);
  Value sum = buildPoolND(b, loc, adaptor.getInput(), type, kernel, strides,
                          ones, pads, 0.0, /*isMax=*/false);
  ArrayRef<int64_t> outShape = type.getShape().drop_front(2);
  SmallVector<float> counts;
  SmallVector<int64_t> index(spatial, 0);
  for (int64_t n = 0, e = ShapedType::getNumElements(outShape); n < e; ++n) {
    int64_t count = 1;
    for (int64_t i = 0; i < spatial; ++i)
      count *= windowCount(index[i], strides[i], kernel[i], pads[i],
                           inputType.getDimSize(2 + i), pads[i + spatial],
                           op.getCountIncludePad());
    counts.push_back(static_cast<float>(count));
    for (int64_t i = spatial - 1; i >= 0; --i) {
      if (++index[i] < outShape[i])
        break;
      index[i] = 0;
    }
  }
  auto countType = RankedTensorType::get(outShape, b.getF32Type());
  Value divisor = b.create<arith::ConstantOp>(
      loc, DenseElementsAttr::get(countType, ArrayRef<float>(counts)));
  return buildBroadcastElementwise(
      b, loc, type, ValueRange{sum, divisor},
      [](OpBuilder &nb, Location l, ValueRange args) {
        return nb.create<arith::DivFOp>(l, args[0], args[1]).getResult();
      });
}

struct AveragePoolLowering : OpConversionPattern<graph::AveragePoolOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::AveragePoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    SmallVector<int64_t> ones(op.getKernelShape().size(), 1);
    if (op.getKernelShape().size() > 2) {
      rewriter.replaceOp(op, averagePoolND(rewriter, loc, op, adaptor));
      return success();
    }
    Window2D window;
    if (failed(makeWindow2D(op, adaptor.getInput(), op.getType(),
                            op.getKernelShape(), op.getStrides(), ones,
                            op.getPads(), rewriter, window)))
      return failure();
    // The divisor per output position, before ceil padding widens the input.
    auto inputType = cast<RankedTensorType>(window.input.getType());
    int64_t outH = window.resultType.getDimSize(2);
    int64_t outW = window.resultType.getDimSize(3);
    SmallVector<float> counts;
    bool countPad = op.getCountIncludePad();
    for (int64_t oh = 0; oh < outH; ++oh)
      for (int64_t ow = 0; ow < outW; ++ow)
        counts.push_back(static_cast<float>(
            windowCount(oh, window.strides[0], window.kernel[0],
                        window.padLow[2], inputType.getDimSize(2),
                        window.padHigh[2], countPad) *
            windowCount(ow, window.strides[1], window.kernel[1],
                        window.padLow[3], inputType.getDimSize(3),
                        window.padHigh[3], countPad)));
    Value sum = buildPool<linalg::PoolingNchwSumOp>(rewriter, loc, window, 0.0);
    auto countType = RankedTensorType::get({outH, outW}, rewriter.getF32Type());
    Value divisor = rewriter.create<arith::ConstantOp>(
        loc, DenseElementsAttr::get(countType, ArrayRef<float>(counts)));
    MLIRContext *ctx = rewriter.getContext();
    AffineMap identity = AffineMap::getMultiDimIdentityMap(4, ctx);
    AffineMap spatial = AffineMap::get(
        4, 0, {rewriter.getAffineDimExpr(2), rewriter.getAffineDimExpr(3)},
        ctx);
    Value result = buildGeneric(
        rewriter, loc, window.resultType, ValueRange{sum, divisor},
        {identity, spatial}, [](OpBuilder &b, Location l, ValueRange args) {
          return b.create<arith::DivFOp>(l, args[0], args[1]).getResult();
        });
    rewriter.replaceOp(op, buildReshape(rewriter, loc, result, op.getType()));
    return success();
  }
};

struct GlobalAveragePoolLowering
    : OpConversionPattern<graph::GlobalAveragePoolOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::GlobalAveragePoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto type = cast<RankedTensorType>(input.getType());
    int64_t rank = type.getRank();
    auto reducedType = RankedTensorType::get(type.getShape().take_front(2),
                                             type.getElementType());
    Value init = buildFilled(rewriter, loc, reducedType, 0.0);
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::reduction);
    iterators[0] = iterators[1] = utils::IteratorType::parallel;
    MLIRContext *ctx = rewriter.getContext();
    AffineMap inMap = AffineMap::getMultiDimIdentityMap(rank, ctx);
    AffineMap outMap = AffineMap::get(
        rank, 0, {rewriter.getAffineDimExpr(0), rewriter.getAffineDimExpr(1)},
        ctx);
    Value sum =
        rewriter
            .create<linalg::GenericOp>(
                loc, TypeRange{reducedType}, ValueRange{input},
                ValueRange{init}, ArrayRef<AffineMap>{inMap, outMap}, iterators,
                [](OpBuilder &b, Location l, ValueRange args) {
                  b.create<linalg::YieldOp>(
                      l,
                      b.create<arith::AddFOp>(l, args[0], args[1]).getResult());
                })
            .getResult(0);
    double count = static_cast<double>(type.getNumElements()) /
                   (type.getDimSize(0) * type.getDimSize(1));
    Value mean = buildBroadcastElementwise(
        rewriter, loc, reducedType, ValueRange{sum},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value n = b.create<arith::ConstantOp>(
              l, b.getFloatAttr(args[0].getType(), count));
          return b.create<arith::DivFOp>(l, args[0], n);
        });
    rewriter.replaceOp(op, buildReshape(rewriter, loc, mean, op.getType()));
    return success();
  }
};

/// |x| ^ p, with multiplications for the common p = 1 and p = 2.
Value powerOfAbs(OpBuilder &b, Location loc, Value x, int64_t p) {
  if (p == 2)
    return b.create<arith::MulFOp>(loc, x, x);
  Value magnitude = b.create<math::AbsFOp>(loc, x);
  if (p == 1)
    return magnitude;
  return b.create<math::PowFOp>(loc, magnitude,
                                buildScalar(b, loc, x.getType(), p));
}

/// s ^ (1 / p), the inverse of powerOfAbs on sums.
Value rootOf(OpBuilder &b, Location loc, Value s, int64_t p) {
  if (p == 1)
    return s;
  if (p == 2)
    return b.create<math::SqrtOp>(loc, s);
  return b.create<math::PowFOp>(loc, s,
                                buildScalar(b, loc, s.getType(), 1.0 / p));
}

/// Applies `fn` to every element of `input`.
Value mapElements(OpBuilder &b, Location loc, Value input,
                  function_ref<Value(OpBuilder &, Location, Value)> fn) {
  return buildBroadcastElementwise(
      b, loc, cast<RankedTensorType>(input.getType()), ValueRange{input},
      [&](OpBuilder &nb, Location l, ValueRange args) {
        return fn(nb, l, args[0]);
      });
}

/// Reduces the spatial dimensions of an [N, C, spatial...] tensor.
Value reduceSpatial(OpBuilder &b, Location loc, Value input, double init,
                    ReduceBody body) {
  auto type = cast<RankedTensorType>(input.getType());
  SmallVector<int64_t> dims;
  for (int64_t d = 2; d < type.getRank(); ++d)
    dims.push_back(d);
  return buildReduction(b, loc, input, dims,
                        b.getFloatAttr(type.getElementType(), init),
                        ValueRange{}, body);
}

struct GlobalMaxPoolLowering : OpConversionPattern<graph::GlobalMaxPoolOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::GlobalMaxPoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value max = reduceSpatial(
        rewriter, loc, adaptor.getInput(),
        -std::numeric_limits<double>::infinity(),
        [](OpBuilder &b, Location l, ValueRange args) {
          return b.create<arith::MaximumFOp>(l, args[1], args[0]).getResult();
        });
    rewriter.replaceOp(op, buildReshape(rewriter, loc, max, op.getType()));
    return success();
  }
};

struct GlobalLpPoolLowering : OpConversionPattern<graph::GlobalLpPoolOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::GlobalLpPoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    int64_t p = op.getP();
    Value sum = reduceSpatial(
        rewriter, loc, adaptor.getInput(), 0.0,
        [&](OpBuilder &b, Location l, ValueRange args) {
          return buildAccumulate(b, l, args[1], powerOfAbs(b, l, args[0], p));
        });
    Value norm =
        mapElements(rewriter, loc, sum, [&](OpBuilder &b, Location l, Value s) {
          return rootOf(b, l, s, p);
        });
    rewriter.replaceOp(op, buildReshape(rewriter, loc, norm, op.getType()));
    return success();
  }
};

/// Lp pooling: sum pooling of |x| ^ p (padding adds zeros), then the root.
struct LpPoolLowering : OpConversionPattern<graph::LpPoolOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::LpPoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    int64_t p = op.getP();
    SmallVector<int64_t> ones(op.getKernelShape().size(), 1);
    Value powers = mapElements(rewriter, loc, adaptor.getInput(),
                               [&](OpBuilder &b, Location l, Value x) {
                                 return powerOfAbs(b, l, x, p);
                               });
    Value sum;
    if (op.getKernelShape().size() > 2) {
      sum = buildPoolND(rewriter, loc, powers, op.getType(),
                        op.getKernelShape(), op.getStrides(), ones,
                        op.getPads(), 0.0, /*isMax=*/false);
    } else {
      Window2D window;
      if (failed(makeWindow2D(op, powers, op.getType(), op.getKernelShape(),
                              op.getStrides(), ones, op.getPads(), rewriter,
                              window)))
        return failure();
      sum = buildPool<linalg::PoolingNchwSumOp>(rewriter, loc, window, 0.0);
    }
    Value result =
        mapElements(rewriter, loc, sum, [&](OpBuilder &b, Location l, Value s) {
          return rootOf(b, l, s, p);
        });
    rewriter.replaceOp(op, buildReshape(rewriter, loc, result, op.getType()));
    return success();
  }
};

} // namespace

void populatePoolLowering(RewritePatternSet &patterns) {
  patterns.add<MaxPoolLowering, AveragePoolLowering, GlobalAveragePoolLowering,
               GlobalMaxPoolLowering, GlobalLpPoolLowering, LpPoolLowering>(
      patterns.getContext());
}

} // namespace edgec::codegen
