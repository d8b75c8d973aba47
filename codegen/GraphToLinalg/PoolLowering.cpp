//===- PoolLowering.cpp - Pooling to linalg -------------------------------===//
//
// Windowed pooling becomes linalg's NCHW pooling ops over an explicitly
// padded input; averages divide by a per-position count computed at compile
// time. Global pooling is a reduction over the spatial dimensions.
//
//===----------------------------------------------------------------------===//

#include "codegen/GraphToLinalg/Builders.h"
#include "codegen/GraphToLinalg/Patterns.h"
#include "codegen/GraphToLinalg/Window.h"

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

void populatePoolLowering(RewritePatternSet &patterns) {
  patterns.add<MaxPoolLowering, AveragePoolLowering, GlobalAveragePoolLowering>(
      patterns.getContext());
}

} // namespace edgec::codegen
