//===- ConvLowering.cpp - Convolutions to linalg --------------------------===//
//
// Convolutions become the linalg named ops the kernel generator knows:
// conv_2d_nchw_fchw (dense), depthwise_conv_2d_nchw_chw (one filter per
// channel) and conv_2d_ngchw_gfchw (grouped). 1-D windows run as 2-D ones of
// height 1. Padding is an explicit tensor.pad.
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

using namespace mlir;
namespace graph = edgec::graph;

namespace edgec::codegen {
namespace {

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

} // namespace

void populateConvLowering(RewritePatternSet &patterns) {
  patterns.add<ConvLowering>(patterns.getContext());
}

} // namespace edgec::codegen
