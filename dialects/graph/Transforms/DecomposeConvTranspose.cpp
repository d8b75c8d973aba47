//===- DecomposeConvTranspose.cpp - Transposed conv as a conv -------------===//
//
// A transposed convolution is a stride-1 convolution of the input with
// (stride - 1) zeros inserted between its elements, padded by the dilated
// kernel's extent minus the crop, with each group's filters transposed
// (input and output channels swapped) and flipped in space. Expressed in
// edge ops, the convolution then gets an algorithm and a fast kernel like
// any other, and the filter transform folds away for constant weights.
//
//===----------------------------------------------------------------------===//

#include "dialects/graph/IR/GraphOps.h"
#include "dialects/graph/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace edgec::graph {
#define GEN_PASS_DEF_DECOMPOSECONVTRANSPOSE
#include "dialects/graph/Transforms/Passes.h.inc"
} // namespace edgec::graph

using namespace mlir;
using namespace edgec::graph;

namespace {

/// [N, C, S0, S1, ...] with stride - 1 zeros after every element of each
/// spatial dimension i: [N, C, S0 * s0, S1 * s1, ...]. (The trailing zeros
/// of the last element are extra; the caller's padding accounts for them.)
Value insertZeros(PatternRewriter &rewriter, Location loc, Value input,
                  ArrayRef<int64_t> strides) {
  auto type = cast<RankedTensorType>(input.getType());
  ArrayRef<int64_t> shape = type.getShape();
  size_t r = strides.size();
  // Interleave a unit dimension after each spatial one, pad it to the
  // stride with zeros, and merge it back.
  SmallVector<int64_t> interleaved = {shape[0], shape[1]}, merged = interleaved;
  SmallVector<int64_t> pads(2 * (2 + 2 * r), 0);
  for (size_t i = 0; i < r; ++i) {
    interleaved.append({shape[2 + i], 1});
    merged.push_back(shape[2 + i] * strides[i]);
    pads[interleaved.size() + 2 + 2 * r - 1] = strides[i] - 1;
  }
  Value expanded = rewriter.create<ReshapeOp>(loc, input, interleaved);
  Attribute zero = rewriter.getZeroAttr(type.getElementType());
  Value padded = rewriter.create<PadOp>(loc, expanded, pads, "constant",
                                        cast<TypedAttr>(zero));
  return rewriter.create<ReshapeOp>(loc, padded, merged);
}

/// [C, F / g, K...] to the equivalent convolution's [F, C / g, K...],
/// flipped in every spatial dimension.
Value convFilter(PatternRewriter &rewriter, Location loc, Value weight,
                 int64_t group) {
  ArrayRef<int64_t> w = cast<RankedTensorType>(weight.getType()).getShape();
  size_t rank = w.size();
  SmallVector<int64_t> grouped = {group, w[0] / group, w[1]};
  grouped.append(w.begin() + 2, w.end());
  SmallVector<int64_t> perm = {0, 2, 1};
  for (size_t i = 3; i < rank + 1; ++i)
    perm.push_back(i);
  SmallVector<int64_t> filters = {w[1] * group, w[0] / group};
  filters.append(w.begin() + 2, w.end());
  Value split = rewriter.create<ReshapeOp>(loc, weight, grouped);
  Value swapped = rewriter.create<TransposeOp>(loc, split, perm);
  Value merged = rewriter.create<ReshapeOp>(loc, swapped, filters);
  SmallVector<int64_t> offsets(rank, 0), strides(rank, 1);
  for (size_t i = 2; i < rank; ++i) {
    offsets[i] = filters[i] - 1;
    strides[i] = -1;
  }
  return rewriter.create<SliceOp>(loc, merged, offsets, filters, strides);
}

struct DecomposeToConv : OpRewritePattern<ConvTransposeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ConvTransposeOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    size_t r = op.getNumSpatialDims();
    ArrayRef<int64_t> strides = op.getStrides(), dilations = op.getDilations(),
                      pads = op.getPads(), extra = op.getOutputPadding();
    ArrayRef<int64_t> kernel =
        op.getWeight().getType().getShape().drop_front(2);
    int64_t group = static_cast<int64_t>(op.getGroup());

    Value input = op.getInput();
    bool strided = llvm::any_of(strides, [](int64_t s) { return s > 1; });
    if (strided)
      input = insertZeros(rewriter, loc, input, strides);
    // The full result needs the dilated kernel's extent minus one on both
    // sides; `pads` crop it, `output_padding` extends its end, and the
    // zeros after the last element already stand for stride - 1 of it.
    SmallVector<int64_t> convPads(2 * r), crop(2 * (2 + r), 0);
    bool cropped = false;
    for (size_t i = 0; i < r; ++i) {
      int64_t extent = dilations[i] * (kernel[i] - 1);
      int64_t begin = extent - pads[i];
      int64_t end = extent - pads[i + r] + extra[i] - (strides[i] - 1);
      convPads[i] = std::max<int64_t>(begin, 0);
      convPads[i + r] = std::max<int64_t>(end, 0);
      crop[2 + i] = std::min<int64_t>(begin, 0);
      crop[2 + r + 2 + i] = std::min<int64_t>(end, 0);
      cropped |= begin < 0 || end < 0;
    }
    if (cropped) {
      Attribute zero = rewriter.getZeroAttr(
          cast<RankedTensorType>(input.getType()).getElementType());
      input = rewriter.create<PadOp>(loc, input, crop, "constant",
                                     cast<TypedAttr>(zero));
    }
    Value filter = convFilter(rewriter, loc, op.getWeight(), group);
    SmallVector<int64_t> ones(r, 1);
    rewriter.replaceOpWithNewOp<ConvOp>(op, input, filter, op.getBias(), ones,
                                        dilations, convPads,
                                        static_cast<uint64_t>(group));
    return success();
  }
};

struct DecomposeConvTransposePass
    : edgec::graph::impl::DecomposeConvTransposeBase<
          DecomposeConvTransposePass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<DecomposeToConv>(&getContext());
    if (failed(
            applyPatternsAndFoldGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
