//===- DecomposeConvTranspose.cpp - Transposed conv as a conv -------------===//
//
// A transposed convolution becomes stride-1 convolutions in edge ops, which
// then get an algorithm and a fast kernel like any other; the filter
// transforms fold away for constant weights. Strided ones split into one
// convolution per output phase (sub-pixel form); where that does not apply
// (dilation, stride above the kernel, crops that extend the result), the
// input gets stride - 1 zeros between its elements and one convolution
// runs over it.
//
//===----------------------------------------------------------------------===//

#include "dialects/graph/IR/GraphOps.h"
#include "dialects/graph/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/Support/MathExtras.h"

#include <functional>

namespace edgec::graph {
#define GEN_PASS_DEF_DECOMPOSECONVTRANSPOSE
#include "dialects/graph/Transforms/Passes.h.inc"
} // namespace edgec::graph

using namespace mlir;
using namespace edgec::graph;

namespace {

Value zeroPad(PatternRewriter &rewriter, Location loc, Value input,
              ArrayRef<int64_t> pads) {
  Attribute zero = rewriter.getZeroAttr(
      cast<RankedTensorType>(input.getType()).getElementType());
  return rewriter.create<PadOp>(loc, input, pads, "constant",
                                cast<TypedAttr>(zero));
}

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
  Value padded = zeroPad(rewriter, loc, expanded, pads);
  return rewriter.create<ReshapeOp>(loc, padded, merged);
}

/// [C, F / g, K...] to the equivalent convolution's [F, C / g, K...]: per
/// group, input and output channels swapped (not yet flipped).
Value swapChannels(PatternRewriter &rewriter, Location loc, Value weight,
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
  return rewriter.create<ReshapeOp>(loc, swapped, filters);
}

/// The taps `first`, `first + step`, ... (`count` of them in each spatial
/// dimension) of a [F, C / g, K...] filter, read backwards: the filter of
/// the convolution that scatters with those taps.
Value flippedTaps(PatternRewriter &rewriter, Location loc, Value filter,
                  ArrayRef<int64_t> first, ArrayRef<int64_t> step,
                  ArrayRef<int64_t> count) {
  ArrayRef<int64_t> f = cast<RankedTensorType>(filter.getType()).getShape();
  SmallVector<int64_t> offsets = {0, 0}, sizes = {f[0], f[1]}, strides = {1, 1};
  for (size_t i = 0; i < first.size(); ++i) {
    offsets.push_back(first[i] + step[i] * (count[i] - 1));
    sizes.push_back(count[i]);
    strides.push_back(-step[i]);
  }
  return rewriter.create<SliceOp>(loc, filter, offsets, sizes, strides);
}

/// Whether the sub-pixel form applies: every output phase gets at least one
/// kernel tap (stride <= kernel), no dilation, and no negative crop (which
/// would need the bias beyond the phases' results).
bool subPixelApplies(ConvTransposeOp op) {
  ArrayRef<int64_t> kernel = op.getWeight().getType().getShape().drop_front(2);
  for (size_t i = 0; i < kernel.size(); ++i)
    if (op.getStrides()[i] > kernel[i] || op.getDilations()[i] != 1)
      return false;
  return llvm::all_of(op.getPads(), [](int64_t p) { return p >= 0; }) &&
         llvm::any_of(op.getStrides(), [](int64_t s) { return s > 1; });
}

/// Sub-pixel form: output phase (p0, p1, ...) of a stride-s transposed
/// convolution, the result elements at s * q + p, is the stride-1
/// transposed convolution of the input with the taps p, p + s, ... of the
/// kernel. Each phase is one stride-1 convolution of the input (no inserted
/// zeros: s^r times fewer multiplications than the zero-inserting form),
/// padded at the end to a common length Q; the phases interleave by a
/// concatenation on unit dimensions and a reshape, and the pads crop.
Value subPixel(PatternRewriter &rewriter, Location loc, ConvTransposeOp op) {
  auto inType = op.getInput().getType();
  ArrayRef<int64_t> in = inType.getShape();
  ArrayRef<int64_t> kernel = op.getWeight().getType().getShape().drop_front(2);
  ArrayRef<int64_t> strides = op.getStrides(), pads = op.getPads(),
                    extra = op.getOutputPadding();
  size_t r = strides.size();
  int64_t group = static_cast<int64_t>(op.getGroup());
  Value filter = swapChannels(rewriter, loc, op.getWeight(), group);
  int64_t filters = cast<RankedTensorType>(filter.getType()).getDimSize(0);

  // Full length s * (in - 1) + k + output_padding, as Q phases of s.
  SmallVector<int64_t> full(r), phases(r);
  for (size_t i = 0; i < r; ++i) {
    full[i] = strides[i] * (in[2 + i] - 1) + kernel[i] + extra[i];
    phases[i] = llvm::divideCeil(full[i], strides[i]);
  }
  // [N, F, Q0, 1, Q1, 1, ...]: each phase's result with a unit dimension
  // after every spatial one, concatenated there, phase index innermost.
  SmallVector<int64_t> unitShape = {in[0], filters};
  for (size_t i = 0; i < r; ++i)
    unitShape.append({phases[i], 1});
  std::function<Value(size_t, SmallVector<int64_t> &)> phaseBlock =
      [&](size_t dim, SmallVector<int64_t> &phase) -> Value {
    if (dim == r) {
      SmallVector<int64_t> taps(r), convPads(2 * r);
      for (size_t i = 0; i < r; ++i) {
        taps[i] = llvm::divideCeil(kernel[i] - phase[i], strides[i]);
        convPads[i] = taps[i] - 1;
        convPads[i + r] = phases[i] - in[2 + i];
      }
      Value w = flippedTaps(rewriter, loc, filter, phase, strides, taps);
      SmallVector<int64_t> ones(r, 1);
      Value y =
          rewriter.create<ConvOp>(loc, op.getInput(), w, op.getBias(), ones,
                                  ones, convPads, static_cast<uint64_t>(group));
      return rewriter.create<ReshapeOp>(loc, y, unitShape);
    }
    SmallVector<Value> parts;
    for (int64_t p = 0; p < strides[dim]; ++p) {
      phase.push_back(p);
      parts.push_back(phaseBlock(dim + 1, phase));
      phase.pop_back();
    }
    if (parts.size() == 1)
      return parts.front();
    return rewriter.create<ConcatOp>(loc, parts, 3 + 2 * dim);
  };
  SmallVector<int64_t> phase;
  Value blocks = phaseBlock(0, phase);
  SmallVector<int64_t> merged = {in[0], filters}, crop(2 * (2 + r), 0);
  for (size_t i = 0; i < r; ++i) {
    merged.push_back(phases[i] * strides[i]);
    crop[2 + i] = -pads[i];
    crop[2 + r + 2 + i] = -(phases[i] * strides[i] - full[i] + pads[i + r]);
  }
  Value interleaved = rewriter.create<ReshapeOp>(loc, blocks, merged);
  if (llvm::all_of(crop, [](int64_t c) { return c == 0; }))
    return interleaved;
  return zeroPad(rewriter, loc, interleaved, crop);
}

struct DecomposeToConv : OpRewritePattern<ConvTransposeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ConvTransposeOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    if (subPixelApplies(op)) {
      rewriter.replaceOp(op, subPixel(rewriter, loc, op));
      return success();
    }
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
    if (cropped)
      input = zeroPad(rewriter, loc, input, crop);
    SmallVector<int64_t> zeros(r, 0), ones(r, 1);
    Value filter = flippedTaps(
        rewriter, loc, swapChannels(rewriter, loc, op.getWeight(), group),
        zeros, ones, kernel);
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
