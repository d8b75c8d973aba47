//===- FoldBatchNorm.cpp - Batch normalization into convolutions ----------===//

#include "dialects/graph/IR/GraphOps.h"
#include "dialects/graph/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <cmath>

namespace edgec::graph {
#define GEN_PASS_DEF_FOLDBATCHNORM
#include "dialects/graph/Transforms/Passes.h.inc"
} // namespace edgec::graph

using namespace mlir;
using namespace edgec::graph;

namespace {

std::optional<std::vector<float>> constantFloats(Value v) {
  DenseElementsAttr attr;
  if (!v || !matchPattern(v, m_Constant(&attr)) ||
      !attr.getElementType().isF32())
    return std::nullopt;
  auto values = attr.getValues<float>();
  return std::vector<float>(values.begin(), values.end());
}

/// The per-channel affine map a batch norm applies: y = x * scale + shift.
struct Affine {
  std::vector<float> scale, shift;
};

std::optional<Affine> affineOf(BatchNormOp op) {
  auto gamma = constantFloats(op.getScale());
  auto beta = constantFloats(op.getBias());
  auto mean = constantFloats(op.getMean());
  auto variance = constantFloats(op.getVariance());
  if (!gamma || !beta || !mean || !variance)
    return std::nullopt;
  double epsilon = op.getEpsilon().convertToDouble();
  Affine affine;
  for (size_t c = 0; c < gamma->size(); ++c) {
    double s = (*gamma)[c] / std::sqrt(double((*variance)[c]) + epsilon);
    affine.scale.push_back(static_cast<float>(s));
    affine.shift.push_back(
        static_cast<float>((*beta)[c] - double((*mean)[c]) * s));
  }
  return affine;
}

Value floatConstant(PatternRewriter &rewriter, Location loc,
                    ArrayRef<int64_t> shape, ArrayRef<float> values) {
  auto type = RankedTensorType::get(shape, rewriter.getF32Type());
  return rewriter.create<ConstantOp>(
      loc, cast<ElementsAttr>(DenseElementsAttr::get(type, values)));
}

/// conv -> batch_norm with constants: scale the filters, shift the bias.
struct FoldIntoConv : OpRewritePattern<BatchNormOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BatchNormOp op,
                                PatternRewriter &rewriter) const override {
    auto conv = op.getInput().getDefiningOp<ConvOp>();
    if (!conv || !conv->hasOneUse())
      return failure();
    std::optional<Affine> affine = affineOf(op);
    std::optional<std::vector<float>> filter = constantFloats(conv.getWeight());
    if (!affine || !filter)
      return failure();
    size_t filters = affine->scale.size();
    std::vector<float> bias(filters, 0.0f);
    if (Value b = conv.getBias()) {
      std::optional<std::vector<float>> values = constantFloats(b);
      if (!values)
        return failure();
      bias = *values;
    }
    size_t perFilter = filter->size() / filters;
    for (size_t f = 0; f < filters; ++f) {
      for (size_t i = 0; i < perFilter; ++i)
        (*filter)[f * perFilter + i] *= affine->scale[f];
      bias[f] = bias[f] * affine->scale[f] + affine->shift[f];
    }
    Location loc = conv.getLoc();
    Value weight = floatConstant(
        rewriter, loc, conv.getWeight().getType().getShape(), *filter);
    Value shifted =
        floatConstant(rewriter, loc, {static_cast<int64_t>(filters)}, bias);
    rewriter.replaceOpWithNewOp<ConvOp>(
        op, conv.getType(), conv.getInput(), weight, shifted,
        conv.getStridesAttr(), conv.getDilationsAttr(), conv.getPadsAttr(),
        conv.getGroupAttr());
    rewriter.eraseOp(conv);
    return success();
  }
};

/// Any other constant batch norm: x * scale + shift, broadcast per channel.
struct DecomposeBatchNorm : OpRewritePattern<BatchNormOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BatchNormOp op,
                                PatternRewriter &rewriter) const override {
    std::optional<Affine> affine = affineOf(op);
    if (!affine)
      return failure();
    // [C, 1, ..., 1] lines the parameters up with dimension 1.
    SmallVector<int64_t> shape(op.getType().getRank() - 1, 1);
    shape[0] = static_cast<int64_t>(affine->scale.size());
    Location loc = op.getLoc();
    Value scale = floatConstant(rewriter, loc, shape, affine->scale);
    Value shift = floatConstant(rewriter, loc, shape, affine->shift);
    Value scaled = rewriter.create<MulOp>(loc, op.getInput(), scale);
    rewriter.replaceOpWithNewOp<AddOp>(op, scaled, shift);
    return success();
  }
};

struct FoldBatchNormPass
    : edgec::graph::impl::FoldBatchNormBase<FoldBatchNormPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<FoldIntoConv>(&getContext(), /*benefit=*/2);
    patterns.add<DecomposeBatchNorm>(&getContext(), /*benefit=*/1);
    if (failed(
            applyPatternsAndFoldGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
