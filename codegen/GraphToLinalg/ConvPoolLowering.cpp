//===- ConvPoolLowering.cpp - Convolution and pooling to linalg -----------===//
//
// Convolutions become the linalg named ops the kernel generator knows:
// conv_2d_nchw_fchw (dense), depthwise_conv_2d_nchw_chw (one filter per
// channel) and conv_2d_ngchw_gfchw (grouped). 1-D windows run as 2-D ones of
// height 1. Padding is an explicit tensor.pad.
//
//===----------------------------------------------------------------------===//

#include "codegen/GraphToLinalg/Builders.h"
#include "codegen/GraphToLinalg/Patterns.h"

#include "dialects/graph/IR/GraphOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

#include <limits>

using namespace mlir;
namespace graph = edgec::graph;

namespace edgec::codegen {
namespace {

/// A sliding-window op seen as 2-D: 1-D inputs get a height of 1.
struct Window2D {
  Value input;
  RankedTensorType resultType; ///< the 2-D result
  SmallVector<int64_t> kernel, strides, dilations, padLow, padHigh;
  bool oneD = false;
};

/// Fills `window` from 1-D or 2-D attributes; reports 3-D windows.
LogicalResult makeWindow2D(Operation *op, Value input,
                           RankedTensorType resultType,
                           ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
                           ArrayRef<int64_t> dilations, ArrayRef<int64_t> pads,
                           OpBuilder &b, Window2D &window) {
  size_t spatial = kernel.size();
  if (spatial > 2)
    return op->emitError() << spatial
                           << "-D windows are not supported by the CPU code "
                              "generator yet";
  window.oneD = spatial == 1;
  auto inputType = cast<RankedTensorType>(input.getType());
  if (window.oneD) {
    auto lift = [](ArrayRef<int64_t> v, int64_t fill) {
      return SmallVector<int64_t>{fill, v[0]};
    };
    window.kernel = lift(kernel, 1);
    window.strides = lift(strides, 1);
    window.dilations = lift(dilations, 1);
    window.padLow = {0, 0, 0, pads[0]};
    window.padHigh = {0, 0, 0, pads[1]};
    ArrayRef<int64_t> s = inputType.getShape();
    window.input =
        buildReshape(b, op->getLoc(), input,
                     RankedTensorType::get({s[0], s[1], 1, s[2]},
                                           inputType.getElementType()));
    ArrayRef<int64_t> r = resultType.getShape();
    window.resultType = RankedTensorType::get({r[0], r[1], 1, r[2]},
                                              resultType.getElementType());
    return success();
  }
  window.kernel.assign(kernel.begin(), kernel.end());
  window.strides.assign(strides.begin(), strides.end());
  window.dilations.assign(dilations.begin(), dilations.end());
  window.padLow = {0, 0, pads[0], pads[1]};
  window.padHigh = {0, 0, pads[2], pads[3]};
  window.input = input;
  window.resultType = resultType;
  return success();
}

/// Extra trailing padding so the last (ceil_mode) window reads only padding
/// instead of past the tensor.
void addCeilPadding(Window2D &window) {
  auto inputType = cast<RankedTensorType>(window.input.getType());
  for (int i = 0; i < 2; ++i) {
    int64_t out = window.resultType.getDimSize(i + 2);
    int64_t needed = (out - 1) * window.strides[i] +
                     (window.kernel[i] - 1) * window.dilations[i] + 1;
    int64_t have = inputType.getDimSize(i + 2) + window.padLow[i + 2] +
                   window.padHigh[i + 2];
    window.padHigh[i + 2] += std::max<int64_t>(0, needed - have);
  }
}

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

struct ConvLowering : OpConversionPattern<graph::ConvOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::ConvOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Window2D window;
    auto weightType = cast<RankedTensorType>(adaptor.getWeight().getType());
    if (failed(makeWindow2D(op, adaptor.getInput(), op.getType(),
                            weightType.getShape().drop_front(2),
                            op.getStrides(), op.getDilations(), op.getPads(),
                            rewriter, window)))
      return failure();
    Value weight = adaptor.getWeight();
    ArrayRef<int64_t> k = window.kernel;
    int64_t filters = weightType.getDimSize(0);
    int64_t perGroup = weightType.getDimSize(1);
    if (window.oneD)
      weight = buildReshape(rewriter, loc, weight,
                            RankedTensorType::get({filters, perGroup, 1, k[1]},
                                                  weightType.getElementType()));
    Value input = buildPad(rewriter, loc, window.input, window.padLow,
                           window.padHigh, 0.0);
    RankedTensorType resultType = window.resultType;
    Value init = adaptor.getBias()
                     ? buildBroadcastAlong(rewriter, loc, adaptor.getBias(), 1,
                                           resultType)
                     : buildFilled(rewriter, loc, resultType, 0.0);
    auto strides = i64Elements(rewriter, window.strides);
    auto dilations = i64Elements(rewriter, window.dilations);
    int64_t group = static_cast<int64_t>(op.getGroup());
    int64_t channels = perGroup * group;
    Value result;
    if (group == 1) {
      result = rewriter
                   .create<linalg::Conv2DNchwFchwOp>(
                       loc, TypeRange{resultType}, ValueRange{input, weight},
                       ValueRange{init}, strides, dilations)
                   .getResult(0);
    } else if (group == channels && filters == channels) {
      Value depthwise =
          buildReshape(rewriter, loc, weight,
                       RankedTensorType::get({channels, k[0], k[1]},
                                             weightType.getElementType()));
      result = rewriter
                   .create<linalg::DepthwiseConv2DNchwChwOp>(
                       loc, TypeRange{resultType}, ValueRange{input, depthwise},
                       ValueRange{init}, strides, dilations)
                   .getResult(0);
    } else {
      // [N, C, H, W] -> [N, G, C/G, H, W]; filters likewise per group.
      auto inType = cast<RankedTensorType>(input.getType());
      ArrayRef<int64_t> in = inType.getShape();
      ArrayRef<int64_t> out = resultType.getShape();
      Type f32 = inType.getElementType();
      Value groupedIn = buildReshape(
          rewriter, loc, input,
          RankedTensorType::get({in[0], group, perGroup, in[2], in[3]}, f32));
      Value groupedW = buildReshape(
          rewriter, loc, weight,
          RankedTensorType::get({group, filters / group, perGroup, k[0], k[1]},
                                f32));
      auto groupedOutType = RankedTensorType::get(
          {out[0], group, filters / group, out[2], out[3]}, f32);
      Value groupedInit = buildReshape(rewriter, loc, init, groupedOutType);
      Value grouped = rewriter
                          .create<linalg::Conv2DNgchwGfchwOp>(
                              loc, TypeRange{groupedOutType},
                              ValueRange{groupedIn, groupedW},
                              ValueRange{groupedInit}, strides, dilations)
                          .getResult(0);
      result = buildReshape(rewriter, loc, grouped, resultType);
    }
    rewriter.replaceOp(op, buildReshape(rewriter, loc, result, op.getType()));
    return success();
  }
};

struct MaxPoolLowering : OpConversionPattern<graph::MaxPoolOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::MaxPoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Window2D window;
    if (failed(makeWindow2D(op, adaptor.getInput(), op.getType(),
                            op.getKernelShape(), op.getStrides(),
                            op.getDilations(), op.getPads(), rewriter, window)))
      return failure();
    Value result = buildPool<linalg::PoolingNchwMaxOp>(
        rewriter, loc, window, -std::numeric_limits<double>::infinity());
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

struct AveragePoolLowering : OpConversionPattern<graph::AveragePoolOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::AveragePoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    SmallVector<int64_t> ones(op.getKernelShape().size(), 1);
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

} // namespace

void populateConvPoolLowering(RewritePatternSet &patterns) {
  patterns.add<ConvLowering, MaxPoolLowering, AveragePoolLowering,
               GlobalAveragePoolLowering>(patterns.getContext());
}

} // namespace edgec::codegen
