//===- DataMovementLowering.cpp - Data movement to tensor and linalg ------===//
//
// Views where the data moves regularly (tensor.extract_slice, collapse and
// expand, insert_slice, pad), and linalg.generic with linalg.index and
// tensor.extract where an element's source is computed (gathers, reflect
// pads, resizes). Every pattern keeps the element type: data movement does
// not compute.
//
//===----------------------------------------------------------------------===//

#include "codegen/GraphToLinalg/Builders.h"
#include "codegen/GraphToLinalg/Patterns.h"

#include "dialects/graph/IR/GraphOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Transforms/DialectConversion.h"

#include <array>
#include <cmath>
#include <functional>

using namespace mlir;
namespace graph = edgec::graph;

namespace edgec::codegen {
namespace {

struct ConstantLowering : OpConversionPattern<graph::ConstantOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::ConstantOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto value = dyn_cast<TypedAttr>(op.getValue());
    if (!value)
      return op.emitError("constant of kind ")
             << op.getValue() << " cannot be lowered";
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, value);
    return success();
  }
};

struct ReshapeLowering : OpConversionPattern<graph::ReshapeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::ReshapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, buildReshape(rewriter, op.getLoc(),
                                        adaptor.getInput(), op.getType()));
    return success();
  }
};

struct TransposeLowering : OpConversionPattern<graph::TransposeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::TransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, buildTranspose(rewriter, op.getLoc(),
                                          adaptor.getInput(), op.getPerm()));
    return success();
  }
};

struct ConcatLowering : OpConversionPattern<graph::ConcatOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::ConcatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    int64_t axis = static_cast<int64_t>(op.getAxis());
    Value result = rewriter.create<tensor::EmptyOp>(loc, type.getShape(),
                                                    type.getElementType());
    int64_t offset = 0;
    for (Value input : adaptor.getInputs()) {
      auto inputType = cast<RankedTensorType>(input.getType());
      SmallVector<OpFoldResult> offsets(type.getRank(),
                                        rewriter.getIndexAttr(0));
      SmallVector<OpFoldResult> sizes,
          strides(type.getRank(), rewriter.getIndexAttr(1));
      for (int64_t dim : inputType.getShape())
        sizes.push_back(rewriter.getIndexAttr(dim));
      offsets[axis] = rewriter.getIndexAttr(offset);
      result = rewriter.create<tensor::InsertSliceOp>(loc, input, result,
                                                      offsets, sizes, strides);
      offset += inputType.getDimSize(axis);
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

SmallVector<OpFoldResult> indexAttrs(OpBuilder &b, ArrayRef<int64_t> values) {
  SmallVector<OpFoldResult> attrs;
  for (int64_t v : values)
    attrs.push_back(b.getIndexAttr(v));
  return attrs;
}

/// A scalar constant of `value`'s type. arith.constant takes signless
/// integers only, so an unsigned one is read out of a 0-D tensor.
Value scalarConstant(OpBuilder &b, Location loc, TypedAttr value) {
  Type type = value.getType();
  if (!type.isUnsignedInteger())
    return b.create<arith::ConstantOp>(loc, value);
  auto tensorType = RankedTensorType::get({}, type);
  Value tensor = b.create<arith::ConstantOp>(
      loc, DenseElementsAttr::get(tensorType, value));
  return b.create<tensor::ExtractOp>(loc, tensor, ValueRange{});
}

TypedAttr zeroAttr(OpBuilder &b, Type type) {
  if (isa<FloatType>(type))
    return b.getFloatAttr(type, 0.0);
  return b.getIntegerAttr(type, 0);
}

Value indexConstant(OpBuilder &b, Location loc, int64_t value) {
  return b.create<arith::ConstantIndexOp>(loc, value);
}

/// `index` (an integer element of an index tensor) as an index into a
/// dimension of `size`: a negative one counts from the end, and the result
/// is clamped into range so that a bad index never reads outside memory.
Value resolveIndex(OpBuilder &b, Location loc, Value index, int64_t size) {
  Value i = index.getType().isIndex()
                ? index
                : b.create<arith::IndexCastOp>(loc, b.getIndexType(), index);
  Value zero = indexConstant(b, loc, 0);
  Value negative =
      b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::slt, i, zero);
  Value wrapped = b.create<arith::AddIOp>(loc, i, indexConstant(b, loc, size));
  i = b.create<arith::SelectOp>(loc, negative, wrapped, i);
  i = b.create<arith::MaxSIOp>(loc, i, zero);
  return b.create<arith::MinSIOp>(loc, i, indexConstant(b, loc, size - 1));
}

/// A linalg.generic producing `resultType` whose body computes each
/// element from its position (linalg.index) and the scalars of `operands`
/// read through `maps`.
Value buildIndexedGeneric(
    OpBuilder &b, Location loc, RankedTensorType resultType,
    ValueRange operands, ArrayRef<AffineMap> maps,
    function_ref<Value(OpBuilder &, Location, ValueRange, ValueRange)> body) {
  return buildGeneric(b, loc, resultType, operands, maps,
                      [&](OpBuilder &nb, Location nloc, ValueRange args) {
                        SmallVector<Value> position;
                        for (int64_t d = 0; d < resultType.getRank(); ++d)
                          position.push_back(
                              nb.create<linalg::IndexOp>(nloc, d));
                        return body(nb, nloc, position, args);
                      });
}

//===----------------------------------------------------------------------===//
// Slices, broadcasts, tiles and pads
//===----------------------------------------------------------------------===//

struct SliceLowering : OpConversionPattern<graph::SliceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::SliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    ArrayRef<int64_t> offsets = op.getOffsets(), strides = op.getStrides();
    if (type.getNumElements() == 0) {
      rewriter.replaceOpWithNewOp<tensor::EmptyOp>(op, type.getShape(),
                                                   type.getElementType());
      return success();
    }
    if (llvm::all_of(strides, [](int64_t s) { return s > 0; })) {
      rewriter.replaceOpWithNewOp<tensor::ExtractSliceOp>(
          op, type, adaptor.getInput(), indexAttrs(rewriter, offsets),
          indexAttrs(rewriter, type.getShape()), indexAttrs(rewriter, strides));
      return success();
    }
    // A negative stride reads backwards: input index offset + stride * i.
    SmallVector<AffineExpr> exprs;
    for (int64_t d = 0; d < type.getRank(); ++d)
      exprs.push_back(rewriter.getAffineConstantExpr(offsets[d]) +
                      rewriter.getAffineDimExpr(d) * strides[d]);
    AffineMap map =
        AffineMap::get(type.getRank(), 0, exprs, rewriter.getContext());
    rewriter.replaceOp(
        op, buildGeneric(rewriter, loc, type, adaptor.getInput(), map,
                         [](OpBuilder &, Location, ValueRange args) {
                           return args[0];
                         }));
    return success();
  }
};

struct ExpandLowering : OpConversionPattern<graph::ExpandOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::ExpandOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(
        op,
        buildBroadcastElementwise(
            rewriter, op.getLoc(), op.getType(), adaptor.getInput(),
            [](OpBuilder &, Location, ValueRange args) { return args[0]; }));
    return success();
  }
};

/// Tile: a broadcast to [r0, d0, r1, d1, ...] collapsed to [r0 d0, r1 d1].
struct TileLowering : OpConversionPattern<graph::TileOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::TileOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
    SmallVector<int64_t> shape;
    SmallVector<AffineExpr> exprs;
    SmallVector<ReassociationIndices> groups;
    for (auto [d, repeat] : llvm::enumerate(op.getRepeats())) {
      int64_t at = static_cast<int64_t>(shape.size());
      shape.append({repeat, inputType.getDimSize(d)});
      exprs.push_back(rewriter.getAffineDimExpr(at + 1));
      groups.push_back({at, at + 1});
    }
    auto expandedType = RankedTensorType::get(shape, type.getElementType());
    AffineMap map =
        AffineMap::get(shape.size(), 0, exprs, rewriter.getContext());
    Value tiled = buildGeneric(
        rewriter, loc, expandedType, adaptor.getInput(), map,
        [](OpBuilder &, Location, ValueRange args) { return args[0]; });
    rewriter.replaceOpWithNewOp<tensor::CollapseShapeOp>(op, type, tiled,
                                                         groups);
    return success();
  }
};

struct PadLowering : OpConversionPattern<graph::PadOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::PadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    Value input = adaptor.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());
    int64_t rank = type.getRank();
    ArrayRef<int64_t> pads = op.getPads();
    // Negative pads crop: a view of what is left.
    SmallVector<int64_t> cropOffsets, croppedShape, low, high;
    for (int64_t d = 0; d < rank; ++d) {
      cropOffsets.push_back(std::max<int64_t>(-pads[d], 0));
      croppedShape.push_back(inputType.getDimSize(d) - cropOffsets.back() -
                             std::max<int64_t>(-pads[d + rank], 0));
      low.push_back(std::max<int64_t>(pads[d], 0));
      high.push_back(std::max<int64_t>(pads[d + rank], 0));
    }
    if (croppedShape != inputType.getShape()) {
      auto croppedType =
          RankedTensorType::get(croppedShape, type.getElementType());
      input = rewriter.create<tensor::ExtractSliceOp>(
          loc, croppedType, input, indexAttrs(rewriter, cropOffsets),
          indexAttrs(rewriter, croppedShape),
          indexAttrs(rewriter, SmallVector<int64_t>(rank, 1)));
    }
    if (llvm::all_of(low, [](int64_t p) { return p == 0; }) &&
        llvm::all_of(high, [](int64_t p) { return p == 0; })) {
      rewriter.replaceOp(op, input);
      return success();
    }
    if (type.getNumElements() == 0) {
      rewriter.replaceOpWithNewOp<tensor::EmptyOp>(op, type.getShape(),
                                                   type.getElementType());
      return success();
    }
    if (op.getMode() == "constant") {
      Value value = scalarConstant(rewriter, loc, op.getValue());
      rewriter.replaceOpWithNewOp<tensor::PadOp>(
          op, type, input, indexAttrs(rewriter, low),
          indexAttrs(rewriter, high), value);
      return success();
    }
    // reflect and edge read the input at a computed position.
    bool reflect = op.getMode() == "reflect";
    Value source = input;
    Value result = buildIndexedGeneric(
        rewriter, loc, type, ValueRange{}, {},
        [&](OpBuilder &b, Location nloc, ValueRange position, ValueRange) {
          SmallVector<Value> at;
          for (int64_t d = 0; d < rank; ++d) {
            int64_t n = croppedShape[d];
            if (low[d] == 0 && high[d] == 0) {
              at.push_back(position[d]);
              continue;
            }
            Value i = b.create<arith::SubIOp>(nloc, position[d],
                                              indexConstant(b, nloc, low[d]));
            Value zero = indexConstant(b, nloc, 0);
            Value last = indexConstant(b, nloc, n - 1);
            if (reflect && n > 1) {
              // The mirrored input repeats with a period of 2 (n - 1).
              Value period = indexConstant(b, nloc, 2 * (n - 1));
              Value m = b.create<arith::RemSIOp>(nloc, i, period);
              Value negative = b.create<arith::CmpIOp>(
                  nloc, arith::CmpIPredicate::slt, m, zero);
              m = b.create<arith::SelectOp>(
                  nloc, negative, b.create<arith::AddIOp>(nloc, m, period), m);
              Value beyond = b.create<arith::CmpIOp>(
                  nloc, arith::CmpIPredicate::sgt, m, last);
              i = b.create<arith::SelectOp>(
                  nloc, beyond, b.create<arith::SubIOp>(nloc, period, m), m);
            } else {
              i = b.create<arith::MinSIOp>(
                  nloc, b.create<arith::MaxSIOp>(nloc, i, zero), last);
            }
            at.push_back(i);
          }
          return b.create<tensor::ExtractOp>(nloc, source, at);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Gathers
//===----------------------------------------------------------------------===//

struct GatherLowering : OpConversionPattern<graph::GatherOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::GatherOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    Value data = adaptor.getData(), indices = adaptor.getIndices();
    auto dataType = cast<RankedTensorType>(data.getType());
    auto indicesType = cast<RankedTensorType>(indices.getType());
    int64_t axis = static_cast<int64_t>(op.getAxis());
    int64_t q = indicesType.getRank(), r = dataType.getRank();
    int64_t size = dataType.getDimSize(axis);
    // One constant index (x[:, 0] in PyTorch) is a view of the data.
    DenseElementsAttr constant;
    if (q == 0 && matchPattern(op.getIndices(), m_Constant(&constant))) {
      int64_t i = (*constant.getValues<APInt>().begin()).getSExtValue();
      i = std::clamp<int64_t>(i < 0 ? i + size : i, 0, size - 1);
      SmallVector<int64_t> offsets(r, 0), sizes(dataType.getShape());
      offsets[axis] = i;
      sizes[axis] = 1;
      rewriter.replaceOpWithNewOp<tensor::ExtractSliceOp>(
          op, type, data, indexAttrs(rewriter, offsets),
          indexAttrs(rewriter, sizes),
          indexAttrs(rewriter, SmallVector<int64_t>(r, 1)));
      return success();
    }
    SmallVector<AffineExpr> exprs;
    for (int64_t i = 0; i < q; ++i)
      exprs.push_back(rewriter.getAffineDimExpr(axis + i));
    AffineMap map =
        AffineMap::get(type.getRank(), 0, exprs, rewriter.getContext());
    Value result = buildIndexedGeneric(
        rewriter, loc, type, indices, map,
        [&](OpBuilder &b, Location nloc, ValueRange position,
            ValueRange args) -> Value {
          SmallVector<Value> at(position.take_front(axis));
          at.push_back(resolveIndex(b, nloc, args[0], size));
          llvm::append_range(at, position.drop_front(axis + q));
          return b.create<tensor::ExtractOp>(nloc, data, at);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct GatherElementsLowering : OpConversionPattern<graph::GatherElementsOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::GatherElementsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = op.getType();
    Value data = adaptor.getData();
    int64_t axis = static_cast<int64_t>(op.getAxis());
    int64_t size = cast<RankedTensorType>(data.getType()).getDimSize(axis);
    Value result = buildIndexedGeneric(
        rewriter, op.getLoc(), type, adaptor.getIndices(),
        rewriter.getMultiDimIdentityMap(type.getRank()),
        [&](OpBuilder &b, Location nloc, ValueRange position,
            ValueRange args) -> Value {
          SmallVector<Value> at(position);
          at[axis] = resolveIndex(b, nloc, args[0], size);
          return b.create<tensor::ExtractOp>(nloc, data, at);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct GatherNDLowering : OpConversionPattern<graph::GatherNDOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::GatherNDOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = op.getType();
    Value data = adaptor.getData(), indices = adaptor.getIndices();
    auto dataType = cast<RankedTensorType>(data.getType());
    auto indicesType = cast<RankedTensorType>(indices.getType());
    int64_t batch = static_cast<int64_t>(op.getBatchDims());
    int64_t q = indicesType.getRank(), k = indicesType.getShape().back();
    Value result = buildIndexedGeneric(
        rewriter, op.getLoc(), type, ValueRange{}, {},
        [&](OpBuilder &b, Location nloc, ValueRange position,
            ValueRange) -> Value {
          // The tuple is indices[position[0 .. q-1), j].
          SmallVector<Value> tupleAt(position.take_front(q - 1));
          tupleAt.push_back(Value());
          SmallVector<Value> at(position.take_front(batch));
          for (int64_t j = 0; j < k; ++j) {
            tupleAt.back() = indexConstant(b, nloc, j);
            Value index = b.create<tensor::ExtractOp>(nloc, indices, tupleAt);
            at.push_back(
                resolveIndex(b, nloc, index, dataType.getDimSize(batch + j)));
          }
          llvm::append_range(at, position.drop_front(q - 1));
          return b.create<tensor::ExtractOp>(nloc, data, at);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Triangles and one-hot vectors
//===----------------------------------------------------------------------===//

struct TriluLowering : OpConversionPattern<graph::TriluOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::TriluOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    int64_t rank = type.getRank();
    Value zero = scalarConstant(rewriter, loc,
                                zeroAttr(rewriter, type.getElementType()));
    Value k = rewriter.create<arith::IndexCastOp>(
        loc, rewriter.getIndexType(),
        rewriter.create<tensor::ExtractOp>(loc, adaptor.getK(), ValueRange{}));
    auto predicate =
        op.getUpper() ? arith::CmpIPredicate::sge : arith::CmpIPredicate::sle;
    Value result = buildIndexedGeneric(
        rewriter, loc, type, adaptor.getInput(),
        rewriter.getMultiDimIdentityMap(rank),
        [&](OpBuilder &b, Location nloc, ValueRange position,
            ValueRange args) -> Value {
          // Keep (i, j) when j - i >= k (upper) or j - i <= k (lower).
          Value diff = b.create<arith::SubIOp>(nloc, position[rank - 1],
                                               position[rank - 2]);
          Value keep = b.create<arith::CmpIOp>(nloc, predicate, diff, k);
          return b.create<arith::SelectOp>(nloc, keep, args[0], zero);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct OneHotLowering : OpConversionPattern<graph::OneHotOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::OneHotOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    int64_t axis = static_cast<int64_t>(op.getAxis());
    int64_t depth = static_cast<int64_t>(op.getDepth());
    Value values = adaptor.getValues();
    Value off = rewriter.create<tensor::ExtractOp>(
        loc, values, ValueRange{indexConstant(rewriter, loc, 0)});
    Value on = rewriter.create<tensor::ExtractOp>(
        loc, values, ValueRange{indexConstant(rewriter, loc, 1)});
    SmallVector<AffineExpr> exprs;
    for (int64_t d = 0; d < type.getRank(); ++d)
      if (d != axis)
        exprs.push_back(rewriter.getAffineDimExpr(d));
    AffineMap map =
        AffineMap::get(type.getRank(), 0, exprs, rewriter.getContext());
    Value result = buildIndexedGeneric(
        rewriter, loc, type, adaptor.getIndices(), map,
        [&](OpBuilder &b, Location nloc, ValueRange position,
            ValueRange args) -> Value {
          // Float indices truncate towards zero, as ONNX casts them.
          Value index = args[0];
          if (isa<FloatType>(index.getType()))
            index = b.create<arith::FPToSIOp>(nloc, b.getI64Type(), index);
          index = b.create<arith::IndexCastOp>(nloc, b.getIndexType(), index);
          Value zero = indexConstant(b, nloc, 0);
          Value negative = b.create<arith::CmpIOp>(
              nloc, arith::CmpIPredicate::slt, index, zero);
          index = b.create<arith::SelectOp>(
              nloc, negative,
              b.create<arith::AddIOp>(nloc, index,
                                      indexConstant(b, nloc, depth)),
              index);
          Value hit = b.create<arith::CmpIOp>(nloc, arith::CmpIPredicate::eq,
                                              index, position[axis]);
          return b.create<arith::SelectOp>(nloc, hit, on, off);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Resize
//===----------------------------------------------------------------------===//

/// How one dimension of a resize reads its input, worked out at compile
/// time: for each result position, `taps` input positions (clamped into the
/// input) with their weights, and whether the position maps inside the
/// input (tf_crop_and_resize extrapolates outside it).
struct ResizeAxis {
  int64_t taps = 1;
  SmallVector<int64_t> index; // [position * taps + tap]
  SmallVector<double> weight; // [position * taps + tap]
  SmallVector<bool> inside;   // [position]
  bool extrapolates = false;

  bool isIdentity(int64_t inputSize) const {
    if (taps != 1 || extrapolates ||
        static_cast<int64_t>(index.size()) != inputSize)
      return false;
    for (int64_t i = 0; i < inputSize; ++i)
      if (index[i] != i || weight[i] != 1.0)
        return false;
    return true;
  }
};

/// Drops the taps of weight zero (an exact input position, a dimension
/// that is not resized), so that each dimension reads no more elements
/// than some position needs; positions that need fewer repeat a tap with
/// weight zero.
void compactTaps(ResizeAxis &axis) {
  int64_t positions = static_cast<int64_t>(axis.inside.size());
  int64_t needed = 1;
  for (int64_t i = 0; i < positions; ++i) {
    int64_t count = 0;
    for (int64_t t = 0; t < axis.taps; ++t)
      count += axis.weight[i * axis.taps + t] != 0;
    needed = std::max(needed, count);
  }
  if (needed == axis.taps)
    return;
  SmallVector<int64_t> index;
  SmallVector<double> weight;
  for (int64_t i = 0; i < positions; ++i) {
    int64_t kept = 0, base = i * axis.taps;
    for (int64_t t = 0; t < axis.taps; ++t) {
      if (axis.weight[base + t] == 0)
        continue;
      index.push_back(axis.index[base + t]);
      weight.push_back(axis.weight[base + t]);
      ++kept;
    }
    for (; kept < needed; ++kept) {
      index.push_back(axis.index[base]);
      weight.push_back(0.0);
    }
  }
  axis.taps = needed;
  axis.index = std::move(index);
  axis.weight = std::move(weight);
}

/// Keys' cubic convolution weights of the four taps around a position
/// `ratio` past the second one (ONNX's formula).
std::array<double, 4> cubicWeights(double ratio, double a) {
  auto near = [&](double x) { return ((a + 2) * x - (a + 3)) * x * x + 1; };
  auto far = [&](double x) {
    return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;
  };
  return {far(ratio + 1), near(ratio), near(1 - ratio), far(2 - ratio)};
}

/// The positions and weights of dimension `d`, following the ONNX
/// reference implementation's coordinate rules.
ResizeAxis resizeAxis(graph::ResizeOp op, int64_t d) {
  int64_t in = op.getInput().getType().getDimSize(d);
  int64_t out = op.getType().getDimSize(d);
  int64_t rank = op.getType().getRank();
  double scale = op.getScales()[d];
  // The reference takes the result length as scale * input, unrounded
  // (align_corners and tf_crop_and_resize divide by it); with sizes given
  // the scale is their ratio and this is the size again.
  double length = scale * static_cast<double>(in);
  if (std::abs(length - static_cast<double>(out)) < 1e-9 * out)
    length = static_cast<double>(out);
  StringRef coordinates = op.getCoordinateMode();
  StringRef mode = op.getMode();
  ResizeAxis axis;
  axis.taps = mode == "nearest" ? 1 : mode == "linear" ? 2 : 4;
  for (int64_t i = 0; i < out; ++i) {
    double x = static_cast<double>(i), original;
    bool inside = true;
    if (coordinates == "half_pixel") {
      original = (x + 0.5) / scale - 0.5;
    } else if (coordinates == "pytorch_half_pixel") {
      original = out > 1 ? (x + 0.5) / scale - 0.5 : 0.0;
    } else if (coordinates == "align_corners") {
      original = length == 1 ? 0.0 : x * (in - 1) / (length - 1);
    } else if (coordinates == "asymmetric") {
      original = x / scale;
    } else if (coordinates == "tf_half_pixel_for_nn") {
      original = (x + 0.5) / scale;
    } else { // tf_crop_and_resize
      double start = op.getRoi()[d], end = op.getRoi()[d + rank];
      original = length == 1 ? (end - start) * (in - 1) / 2
                             : x * (end - start) * (in - 1) / (length - 1);
      original += start * (in - 1);
      inside = original >= 0 && original <= static_cast<double>(in - 1);
    }
    axis.inside.push_back(inside);
    axis.extrapolates |= !inside;
    if (mode == "nearest") {
      double floor = std::floor(original), frac = original - floor;
      StringRef rounding = op.getNearestMode();
      bool up = frac > 0 && (rounding == "ceil" ||
                             (rounding == "round_prefer_ceil" && frac >= 0.5) ||
                             (rounding == "round_prefer_floor" && frac > 0.5));
      auto at = static_cast<int64_t>(floor) + (up ? 1 : 0);
      axis.index.push_back(std::clamp<int64_t>(at, 0, in - 1));
      axis.weight.push_back(1.0);
      continue;
    }
    // The taps straddle the position, which lies `ratio` in (0, 1] past
    // tap `first` (an exact input position takes the tap before it).
    int64_t first = static_cast<int64_t>(std::ceil(original)) - 1;
    double ratio = original - static_cast<double>(first);
    SmallVector<double> weights;
    if (mode == "linear") {
      weights = {1 - ratio, ratio};
    } else {
      std::array<double, 4> cubic =
          cubicWeights(ratio, op.getCubicCoeffA().convertToDouble());
      weights.assign(cubic.begin(), cubic.end());
      first -= 1;
    }
    if (op.getExcludeOutside()) {
      double sum = 0;
      for (int64_t t = 0; t < axis.taps; ++t) {
        if (first + t < 0 || first + t >= in)
          weights[t] = 0;
        sum += weights[t];
      }
      for (double &w : weights)
        w /= sum;
    }
    for (int64_t t = 0; t < axis.taps; ++t) {
      axis.index.push_back(std::clamp<int64_t>(first + t, 0, in - 1));
      axis.weight.push_back(weights[t]);
    }
  }
  compactTaps(axis);
  return axis;
}

/// Resize: one linalg.generic over the result. Each resized dimension reads
/// its taps' positions and weights from compile-time tables (one 1-D table
/// per tap, read at the result position), and the body sums the weighted
/// input elements, the last dimension innermost.
struct ResizeLowering : OpConversionPattern<graph::ResizeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::ResizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    Value input = adaptor.getInput();
    int64_t rank = type.getRank();
    auto inputType = cast<RankedTensorType>(input.getType());
    SmallVector<int64_t> resized;
    SmallVector<ResizeAxis> axes;
    for (int64_t d = 0; d < rank; ++d) {
      ResizeAxis axis = resizeAxis(op, d);
      if (type.getDimSize(d) == inputType.getDimSize(d) &&
          axis.isIdentity(inputType.getDimSize(d)))
        continue;
      resized.push_back(d);
      axes.push_back(std::move(axis));
    }
    if (resized.empty()) {
      rewriter.replaceOp(op, input);
      return success();
    }
    // The tables, read at the result position of their dimension, and
    // where each one sits among the generic's operands.
    SmallVector<Value> tables;
    SmallVector<AffineMap> maps;
    struct Slots {
      SmallVector<int64_t> index, weight; // one per tap; no weights if all 1
      int64_t inside = -1;
    };
    SmallVector<Slots> slots;
    auto addTable = [&](int64_t d, DenseElementsAttr values) {
      tables.push_back(rewriter.create<arith::ConstantOp>(loc, values));
      maps.push_back(AffineMap::get(rank, 0, rewriter.getAffineDimExpr(d)));
      return static_cast<int64_t>(tables.size()) - 1;
    };
    for (auto [d, axis] : llvm::zip(resized, axes)) {
      int64_t out = type.getDimSize(d);
      bool weighted =
          llvm::any_of(axis.weight, [](double w) { return w != 1; });
      Slots slot;
      for (int64_t t = 0; t < axis.taps; ++t) {
        SmallVector<int32_t> index;
        SmallVector<float> weight;
        for (int64_t i = 0; i < out; ++i) {
          index.push_back(static_cast<int32_t>(axis.index[i * axis.taps + t]));
          weight.push_back(static_cast<float>(axis.weight[i * axis.taps + t]));
        }
        slot.index.push_back(
            addTable(d, DenseElementsAttr::get(
                            RankedTensorType::get({out}, rewriter.getI32Type()),
                            ArrayRef<int32_t>(index))));
        if (weighted)
          slot.weight.push_back(addTable(
              d, DenseElementsAttr::get(
                     RankedTensorType::get({out}, rewriter.getF32Type()),
                     ArrayRef<float>(weight))));
      }
      if (axis.extrapolates) {
        SmallVector<int8_t> inside(axis.inside.begin(), axis.inside.end());
        slot.inside =
            addTable(d, DenseElementsAttr::get(
                            RankedTensorType::get({out}, rewriter.getI8Type()),
                            ArrayRef<int8_t>(inside)));
      }
      slots.push_back(slot);
    }
    Type elementType = type.getElementType();
    double extrapolation = op.getExtrapolationValue().convertToDouble();
    Value result = buildIndexedGeneric(
        rewriter, loc, type, tables, maps,
        [&](OpBuilder &b, Location nloc, ValueRange position,
            ValueRange args) -> Value {
          SmallVector<Value> at(position);
          std::function<Value(size_t)> interpolate = [&](size_t level) {
            if (level == resized.size())
              return Value(b.create<tensor::ExtractOp>(nloc, input, at));
            const Slots &slot = slots[level];
            Value sum;
            for (auto [t, index] : llvm::enumerate(slot.index)) {
              at[resized[level]] = b.create<arith::IndexCastOp>(
                  nloc, b.getIndexType(), args[index]);
              Value v = interpolate(level + 1);
              if (slot.weight.empty())
                return v;
              v = b.create<arith::MulFOp>(nloc, args[slot.weight[t]], v);
              sum = sum ? b.create<arith::AddFOp>(nloc, sum, v) : v;
            }
            return sum;
          };
          Value value = interpolate(0);
          // tf_crop_and_resize: positions outside the input on any
          // dimension take the extrapolation value.
          for (const Slots &slot : slots) {
            if (slot.inside < 0)
              continue;
            Value zero =
                b.create<arith::ConstantOp>(nloc, b.getI8IntegerAttr(0));
            Value outside = b.create<arith::CmpIOp>(
                nloc, arith::CmpIPredicate::eq, args[slot.inside], zero);
            TypedAttr fill =
                isa<FloatType>(elementType)
                    ? TypedAttr(b.getFloatAttr(elementType, extrapolation))
                    : TypedAttr(b.getIntegerAttr(
                          elementType, static_cast<int64_t>(extrapolation)));
            value = b.create<arith::SelectOp>(
                nloc, outside, scalarConstant(b, nloc, fill), value);
          }
          return value;
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Scatters
//===----------------------------------------------------------------------===//

/// A scatter as a linalg.generic that starts from `data` and, for every
/// data position, reduces over the updates in order: an update whose target
/// (`matches`) is the position replaces the element or combines with it.
/// The updates are read with tensor.extract at `updateAt`. Its cost is
/// the data's size times the number of updates a position can receive.
Value buildScatter(
    OpBuilder &b, Location loc, Value data, Value updates,
    ArrayRef<int64_t> reductionShape, StringRef reduction,
    function_ref<Value(OpBuilder &, Location, ValueRange, ValueRange)> matches,
    function_ref<SmallVector<Value>(OpBuilder &, ValueRange, ValueRange)>
        updateAt) {
  auto type = cast<RankedTensorType>(data.getType());
  int64_t rank = type.getRank();
  int64_t loops = rank + static_cast<int64_t>(reductionShape.size());
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  iterators.append(reductionShape.size(), utils::IteratorType::reduction);
  // An operand spanning the reduction loops gives them their extents.
  Value extents = b.create<tensor::EmptyOp>(loc, reductionShape, b.getI8Type());
  SmallVector<AffineExpr> reductionExprs, outputExprs;
  for (int64_t d = 0; d < loops; ++d)
    (d < rank ? outputExprs : reductionExprs).push_back(b.getAffineDimExpr(d));
  SmallVector<AffineMap> maps = {
      AffineMap::get(loops, 0, reductionExprs, b.getContext()),
      AffineMap::get(loops, 0, outputExprs, b.getContext())};
  auto generic = b.create<linalg::GenericOp>(
      loc, TypeRange{type}, ValueRange{extents}, ValueRange{data}, maps,
      iterators, [&](OpBuilder &nb, Location nloc, ValueRange args) {
        SmallVector<Value> position, update;
        for (int64_t d = 0; d < loops; ++d)
          (d < rank ? position : update)
              .push_back(nb.create<linalg::IndexOp>(nloc, d));
        Value hit = matches(nb, nloc, position, update);
        Value value = nb.create<tensor::ExtractOp>(
            nloc, updates, updateAt(nb, position, update));
        Value acc = args[1];
        if (reduction == "add")
          value = isa<FloatType>(acc.getType())
                      ? nb.create<arith::AddFOp>(nloc, acc, value).getResult()
                      : nb.create<arith::AddIOp>(nloc, acc, value).getResult();
        else if (reduction == "mul")
          value = isa<FloatType>(acc.getType())
                      ? nb.create<arith::MulFOp>(nloc, acc, value).getResult()
                      : nb.create<arith::MulIOp>(nloc, acc, value).getResult();
        nb.create<linalg::YieldOp>(nloc, ValueRange{nb.create<arith::SelectOp>(
                                             nloc, hit, value, acc)});
      });
  return generic.getResult(0);
}

/// a && b, for i1 values that may be null (true).
Value andAll(OpBuilder &b, Location loc, Value a, Value c) {
  return a ? b.create<arith::AndIOp>(loc, a, c) : c;
}

struct ScatterElementsLowering : OpConversionPattern<graph::ScatterElementsOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::ScatterElementsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value indices = adaptor.getIndices();
    auto indicesType = cast<RankedTensorType>(indices.getType());
    auto dataType = op.getData().getType();
    int64_t axis = static_cast<int64_t>(op.getAxis());
    int64_t size = dataType.getDimSize(axis);
    // Only updates in the position's own row along the axis can reach it:
    // the reduction runs over that row of the indices.
    int64_t row = indicesType.getDimSize(axis);
    // indices[position with the axis at u], where the position lies inside
    // the indices (which may be smaller than the data).
    auto indexAt = [&](OpBuilder &b, ValueRange position, ValueRange u) {
      SmallVector<Value> at(position);
      at[axis] = u[0];
      return at;
    };
    Value result = buildScatter(
        rewriter, op.getLoc(), adaptor.getData(), adaptor.getUpdates(), {row},
        op.getReduction(),
        [&](OpBuilder &b, Location loc, ValueRange position,
            ValueRange u) -> Value {
          Value inside;
          SmallVector<Value> at = indexAt(b, position, u);
          for (int64_t d = 0; d < dataType.getRank(); ++d) {
            if (d == axis ||
                indicesType.getDimSize(d) == dataType.getDimSize(d))
              continue;
            Value limit = indexConstant(b, loc, indicesType.getDimSize(d));
            inside = andAll(b, loc, inside,
                            b.create<arith::CmpIOp>(
                                loc, arith::CmpIPredicate::slt, at[d], limit));
            // Stay in bounds where the position is outside the indices.
            at[d] = b.create<arith::MinSIOp>(
                loc, at[d],
                indexConstant(b, loc, indicesType.getDimSize(d) - 1));
          }
          Value target = resolveIndex(
              b, loc, b.create<tensor::ExtractOp>(loc, indices, at), size);
          Value hit = b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::eq,
                                              target, position[axis]);
          return andAll(b, loc, inside, hit);
        },
        [&](OpBuilder &b, ValueRange position, ValueRange u) {
          SmallVector<Value> at = indexAt(b, position, u);
          for (int64_t d = 0; d < dataType.getRank(); ++d)
            if (d != axis &&
                indicesType.getDimSize(d) != dataType.getDimSize(d))
              at[d] = b.create<arith::MinSIOp>(
                  op.getLoc(), at[d],
                  indexConstant(b, op.getLoc(), indicesType.getDimSize(d) - 1));
          return at;
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct ScatterNDLowering : OpConversionPattern<graph::ScatterNDOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::ScatterNDOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value indices = adaptor.getIndices();
    auto indicesType = cast<RankedTensorType>(indices.getType());
    auto dataType = op.getData().getType();
    int64_t k = indicesType.getShape().back();
    // The reduction runs over the tuples.
    ArrayRef<int64_t> tuples = indicesType.getShape().drop_back();
    Value result = buildScatter(
        rewriter, op.getLoc(), adaptor.getData(), adaptor.getUpdates(), tuples,
        op.getReduction(),
        [&](OpBuilder &b, Location loc, ValueRange position,
            ValueRange u) -> Value {
          SmallVector<Value> at(u);
          at.push_back(Value());
          Value hit;
          for (int64_t j = 0; j < k; ++j) {
            at.back() = indexConstant(b, loc, j);
            Value target = resolveIndex(
                b, loc, b.create<tensor::ExtractOp>(loc, indices, at),
                dataType.getDimSize(j));
            hit = andAll(b, loc, hit,
                         b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::eq,
                                                 target, position[j]));
          }
          return hit;
        },
        [&](OpBuilder &, ValueRange position, ValueRange u) {
          SmallVector<Value> at(u);
          llvm::append_range(at, position.drop_front(k));
          return at;
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void populateDataMovementLowering(RewritePatternSet &patterns) {
  patterns.add<ConstantLowering, ReshapeLowering, TransposeLowering,
               ConcatLowering, SliceLowering, ExpandLowering, TileLowering,
               PadLowering, GatherLowering, GatherElementsLowering,
               GatherNDLowering, TriluLowering, OneHotLowering, ResizeLowering,
               ScatterElementsLowering, ScatterNDLowering>(
      patterns.getContext());
}

} // namespace edgec::codegen
