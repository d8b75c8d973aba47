//===- ReductionLowering.cpp - Reductions to linalg -----------------------===//
//
// Reductions become linalg.generic ops with reduction iterators that
// accumulate in the element type (float32, as ONNX specifies), then an
// elementwise step (mean, sqrt, log) and a reshape for keepdims. arg-max/min
// carry the best value and its position; topk ranks every element; cumsum
// masks a reduction over the whole axis.
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

//===----------------------------------------------------------------------===//
// Shared builders (Reduce.h)
//===----------------------------------------------------------------------===//

Value buildScalar(OpBuilder &b, Location loc, Type type, double value) {
  if (isa<FloatType>(type))
    return b.create<arith::ConstantOp>(loc, b.getFloatAttr(type, value));
  return b.create<arith::ConstantOp>(
      loc, b.getIntegerAttr(type, static_cast<int64_t>(value)));
}

Value buildAccumulate(OpBuilder &b, Location loc, Value acc, Value x) {
  if (isa<FloatType>(x.getType()))
    return b.create<arith::AddFOp>(loc, acc, x, arith::FastMathFlags::reassoc);
  return b.create<arith::AddIOp>(loc, acc, x);
}

RankedTensorType keepDimsType(RankedTensorType type, ArrayRef<int64_t> dims) {
  SmallVector<int64_t> shape(type.getShape());
  for (int64_t d : dims)
    shape[d] = 1;
  return RankedTensorType::get(shape, type.getElementType());
}

namespace {

/// The map from the iteration space of `input` to the result of reducing
/// `dims` away, and the iterator types.
AffineMap reducedMap(MLIRContext *ctx, int64_t rank, ArrayRef<int64_t> dims,
                     SmallVectorImpl<utils::IteratorType> &iterators) {
  SmallVector<AffineExpr> exprs;
  iterators.assign(rank, utils::IteratorType::parallel);
  for (int64_t d = 0; d < rank; ++d) {
    if (llvm::is_contained(dims, d))
      iterators[d] = utils::IteratorType::reduction;
    else
      exprs.push_back(getAffineDimExpr(d, ctx));
  }
  return AffineMap::get(rank, 0, exprs, ctx);
}

RankedTensorType droppedType(RankedTensorType type, ArrayRef<int64_t> dims,
                             Type elementType) {
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (!llvm::is_contained(dims, d))
      shape.push_back(type.getDimSize(d));
  return RankedTensorType::get(shape, elementType);
}

Value filledWith(OpBuilder &b, Location loc, RankedTensorType type,
                 Value scalar) {
  Value empty =
      b.create<tensor::EmptyOp>(loc, type.getShape(), type.getElementType());
  return b.create<linalg::FillOp>(loc, ValueRange{scalar}, ValueRange{empty})
      .getResult(0);
}

} // namespace

Value buildReduction(OpBuilder &b, Location loc, Value input,
                     ArrayRef<int64_t> dims, TypedAttr init, ValueRange extras,
                     ReduceBody body) {
  auto type = cast<RankedTensorType>(input.getType());
  MLIRContext *ctx = b.getContext();
  int64_t rank = type.getRank();
  SmallVector<utils::IteratorType> iterators;
  AffineMap reduced = reducedMap(ctx, rank, dims, iterators);
  auto resultType = droppedType(type, dims, init.getType());
  Value acc =
      filledWith(b, loc, resultType, b.create<arith::ConstantOp>(loc, init));
  SmallVector<Value> inputs{input};
  inputs.append(extras.begin(), extras.end());
  SmallVector<AffineMap> maps{AffineMap::getMultiDimIdentityMap(rank, ctx)};
  maps.append(extras.size() + 1, reduced);
  return b
      .create<linalg::GenericOp>(
          loc, TypeRange{resultType}, inputs, ValueRange{acc}, maps, iterators,
          [&](OpBuilder &nb, Location nloc, ValueRange args) {
            nb.create<linalg::YieldOp>(nloc, body(nb, nloc, args));
          })
      .getResult(0);
}

Value buildArgReduce(OpBuilder &b, Location loc, Value input, int64_t axis,
                     bool smallest, bool lastIndex) {
  auto type = cast<RankedTensorType>(input.getType());
  MLIRContext *ctx = b.getContext();
  int64_t rank = type.getRank();
  Type element = type.getElementType();
  bool isFloat = isa<FloatType>(element);
  SmallVector<utils::IteratorType> iterators;
  AffineMap reduced = reducedMap(ctx, rank, {axis}, iterators);
  // The best value so far starts at the far end of the order, so that the
  // first element (or, with lastIndex, every equal one) replaces it.
  TypedAttr start;
  if (isFloat)
    start = b.getFloatAttr(element,
                           smallest ? std::numeric_limits<double>::infinity()
                                    : -std::numeric_limits<double>::infinity());
  else
    start = b.getIntegerAttr(
        element,
        smallest ? APInt::getSignedMaxValue(element.getIntOrFloatBitWidth())
                 : APInt::getSignedMinValue(element.getIntOrFloatBitWidth()));
  Value bestInit = filledWith(b, loc, droppedType(type, {axis}, element),
                              b.create<arith::ConstantOp>(loc, start));
  auto indexType = droppedType(type, {axis}, b.getI64Type());
  Value indexInit =
      filledWith(b, loc, indexType, buildScalar(b, loc, b.getI64Type(), 0));
  AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, ctx);
  auto generic = b.create<linalg::GenericOp>(
      loc, TypeRange{bestInit.getType(), indexType}, ValueRange{input},
      ValueRange{bestInit, indexInit},
      ArrayRef<AffineMap>{identity, reduced, reduced}, iterators,
      [&](OpBuilder &nb, Location l, ValueRange args) {
        Value x = args[0], best = args[1], bestIndex = args[2];
        Value better;
        if (isFloat) {
          using P = arith::CmpFPredicate;
          P order = smallest ? (lastIndex ? P::OLE : P::OLT)
                             : (lastIndex ? P::OGE : P::OGT);
          Value ordered = nb.create<arith::CmpFOp>(l, order, x, best);
          Value xNaN = nb.create<arith::CmpFOp>(l, P::UNO, x, x);
          // A NaN replaces a number; with lastIndex, also a NaN.
          Value takeNaN = xNaN;
          if (!lastIndex) {
            Value bestNumber = nb.create<arith::CmpFOp>(l, P::ORD, best, best);
            takeNaN = nb.create<arith::AndIOp>(l, xNaN, bestNumber);
          }
          better = nb.create<arith::OrIOp>(l, ordered, takeNaN);
        } else {
          using P = arith::CmpIPredicate;
          P order = smallest ? (lastIndex ? P::sle : P::slt)
                             : (lastIndex ? P::sge : P::sgt);
          better = nb.create<arith::CmpIOp>(l, order, x, best);
        }
        Value position = nb.create<arith::IndexCastOp>(
            l, nb.getI64Type(), nb.create<linalg::IndexOp>(l, axis));
        nb.create<linalg::YieldOp>(
            l, ValueRange{
                   nb.create<arith::SelectOp>(l, better, x, best),
                   nb.create<arith::SelectOp>(l, better, position, bestIndex)});
      });
  return generic.getResult(1);
}

namespace {

//===----------------------------------------------------------------------===//
// Reductions over axes
//===----------------------------------------------------------------------===//

/// Lowers a reduction: `prepare` maps each element before it is combined
/// (identity when null), `combine` adds it into the accumulator, `finish`
/// maps each result (identity when null; it also gets the element count).
template <typename OpTy> struct ReduceLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  /// The accumulator's start: the combination's neutral element.
  virtual double identity(Type element) const { return 0.0; }
  virtual Value combine(OpBuilder &b, Location loc, Value acc, Value x) const {
    return buildAccumulate(b, loc, acc, x);
  }
  virtual Value prepare(OpBuilder &, Location, Value x) const { return x; }
  virtual Value finish(OpBuilder &, Location, Value r, int64_t) const {
    return r;
  }
  virtual bool hasFinish() const { return false; }

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto type = cast<RankedTensorType>(input.getType());
    Type element = type.getElementType();
    ArrayRef<int64_t> axes = op.getAxes();
    int64_t count = 1;
    for (int64_t d : axes)
      count *= type.getDimSize(d);
    TypedAttr init;
    double start = identity(element);
    if (isa<FloatType>(element))
      init = rewriter.getFloatAttr(element, start);
    else if (std::isinf(start))
      init = rewriter.getIntegerAttr(
          element,
          start < 0
              ? APInt::getSignedMinValue(element.getIntOrFloatBitWidth())
              : APInt::getSignedMaxValue(element.getIntOrFloatBitWidth()));
    else
      init = rewriter.getIntegerAttr(element, static_cast<int64_t>(start));
    Value result =
        buildReduction(rewriter, loc, input, axes, init, ValueRange{},
                       [&](OpBuilder &b, Location l, ValueRange args) {
                         return combine(b, l, args[1], prepare(b, l, args[0]));
                       });
    if (hasFinish())
      result = buildBroadcastElementwise(
          rewriter, loc, cast<RankedTensorType>(result.getType()),
          ValueRange{result}, [&](OpBuilder &b, Location l, ValueRange args) {
            return finish(b, l, args[0], count);
          });
    rewriter.replaceOp(op, buildReshape(rewriter, loc, result, op.getType()));
    return success();
  }
};

Value absolute(OpBuilder &b, Location loc, Value x) {
  if (isa<FloatType>(x.getType()))
    return b.create<math::AbsFOp>(loc, x);
  return b.create<math::AbsIOp>(loc, x);
}

Value square(OpBuilder &b, Location loc, Value x) {
  if (isa<FloatType>(x.getType()))
    return b.create<arith::MulFOp>(loc, x, x);
  return b.create<arith::MulIOp>(loc, x, x);
}

struct ReduceSumLowering : ReduceLowering<graph::ReduceSumOp> {
  using ReduceLowering::ReduceLowering;
};

struct ReduceMeanLowering : ReduceLowering<graph::ReduceMeanOp> {
  using ReduceLowering::ReduceLowering;
  bool hasFinish() const override { return true; }
  Value finish(OpBuilder &b, Location loc, Value sum,
               int64_t count) const override {
    return b.create<arith::DivFOp>(loc, sum,
                                   buildScalar(b, loc, sum.getType(), count));
  }
};

struct ReduceMaxLowering : ReduceLowering<graph::ReduceMaxOp> {
  using ReduceLowering::ReduceLowering;
  double identity(Type) const override {
    return -std::numeric_limits<double>::infinity();
  }
  // maximumf propagates NaN, as numpy's max does.
  Value combine(OpBuilder &b, Location loc, Value acc, Value x) const override {
    if (isa<FloatType>(x.getType()))
      return b.create<arith::MaximumFOp>(loc, acc, x);
    return b.create<arith::MaxSIOp>(loc, acc, x);
  }
};

struct ReduceMinLowering : ReduceLowering<graph::ReduceMinOp> {
  using ReduceLowering::ReduceLowering;
  double identity(Type) const override {
    return std::numeric_limits<double>::infinity();
  }
  Value combine(OpBuilder &b, Location loc, Value acc, Value x) const override {
    if (isa<FloatType>(x.getType()))
      return b.create<arith::MinimumFOp>(loc, acc, x);
    return b.create<arith::MinSIOp>(loc, acc, x);
  }
};

struct ReduceProdLowering : ReduceLowering<graph::ReduceProdOp> {
  using ReduceLowering::ReduceLowering;
  double identity(Type) const override { return 1.0; }
  Value combine(OpBuilder &b, Location loc, Value acc, Value x) const override {
    if (isa<FloatType>(x.getType()))
      return b.create<arith::MulFOp>(loc, acc, x,
                                     arith::FastMathFlags::reassoc);
    return b.create<arith::MulIOp>(loc, acc, x);
  }
};

struct ReduceL1Lowering : ReduceLowering<graph::ReduceL1Op> {
  using ReduceLowering::ReduceLowering;
  Value prepare(OpBuilder &b, Location loc, Value x) const override {
    return absolute(b, loc, x);
  }
};

struct ReduceL2Lowering : ReduceLowering<graph::ReduceL2Op> {
  using ReduceLowering::ReduceLowering;
  Value prepare(OpBuilder &b, Location loc, Value x) const override {
    return square(b, loc, x);
  }
  bool hasFinish() const override { return true; }
  Value finish(OpBuilder &b, Location loc, Value sum, int64_t) const override {
    return b.create<math::SqrtOp>(loc, sum);
  }
};

struct ReduceLogSumLowering : ReduceLowering<graph::ReduceLogSumOp> {
  using ReduceLowering::ReduceLowering;
  bool hasFinish() const override { return true; }
  Value finish(OpBuilder &b, Location loc, Value sum, int64_t) const override {
    return b.create<math::LogOp>(loc, sum);
  }
};

struct ReduceSumSquareLowering : ReduceLowering<graph::ReduceSumSquareOp> {
  using ReduceLowering::ReduceLowering;
  Value prepare(OpBuilder &b, Location loc, Value x) const override {
    return square(b, loc, x);
  }
};

/// log(sum(exp(x))) = shift + log(sum(exp(x - shift))) with the maximum as
/// the shift, so that exp cannot overflow; an infinite maximum shifts by 0
/// (all -inf: log(0) = -inf; any +inf: +inf).
struct ReduceLogSumExpLowering : OpConversionPattern<graph::ReduceLogSumExpOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::ReduceLogSumExpOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    Type element = op.getType().getElementType();
    ArrayRef<int64_t> axes = op.getAxes();
    Value max = buildReduction(
        rewriter, loc, input, axes,
        rewriter.getFloatAttr(element,
                              -std::numeric_limits<double>::infinity()),
        ValueRange{}, [](OpBuilder &b, Location l, ValueRange args) {
          return b.create<arith::MaximumFOp>(l, args[1], args[0]).getResult();
        });
    auto reducedType = cast<RankedTensorType>(max.getType());
    Value shift = buildBroadcastElementwise(
        rewriter, loc, reducedType, ValueRange{max},
        [](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value inf = buildScalar(b, l, args[0].getType(),
                                  std::numeric_limits<double>::infinity());
          Value magnitude = b.create<math::AbsFOp>(l, args[0]);
          Value finite = b.create<arith::CmpFOp>(l, arith::CmpFPredicate::OLT,
                                                 magnitude, inf);
          return b.create<arith::SelectOp>(
              l, finite, args[0], buildScalar(b, l, args[0].getType(), 0.0));
        });
    Value sum = buildReduction(
        rewriter, loc, input, axes, rewriter.getFloatAttr(element, 0.0),
        ValueRange{shift}, [](OpBuilder &b, Location l, ValueRange args) {
          Value e = b.create<math::ExpOp>(
              l, b.create<arith::SubFOp>(l, args[0], args[1]));
          return buildAccumulate(b, l, args[2], e);
        });
    Value result = buildBroadcastElementwise(
        rewriter, loc, reducedType, ValueRange{shift, sum},
        [](OpBuilder &b, Location l, ValueRange args) -> Value {
          return b.create<arith::AddFOp>(l, args[0],
                                         b.create<math::LogOp>(l, args[1]));
        });
    rewriter.replaceOp(op, buildReshape(rewriter, loc, result, op.getType()));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Arg-reductions, topk, cumsum
//===----------------------------------------------------------------------===//

template <typename OpTy, bool Smallest>
struct ArgReduceLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value index =
        buildArgReduce(rewriter, op.getLoc(), adaptor.getInput(), op.getAxis(),
                       Smallest, op.getSelectLastIndex());
    rewriter.replaceOp(
        op, buildReshape(rewriter, op.getLoc(), index, op.getType()));
    return success();
  }
};

/// The affine map of `rank` dimensions plus one extra (dimension `rank`)
/// reading a rank-`rank` tensor with dimension `axis` replaced by the extra
/// one.
AffineMap alongExtra(MLIRContext *ctx, int64_t rank, int64_t axis) {
  SmallVector<AffineExpr> exprs;
  for (int64_t d = 0; d < rank; ++d)
    exprs.push_back(getAffineDimExpr(d == axis ? rank : d, ctx));
  return AffineMap::get(rank + 1, 0, exprs, ctx);
}

/// The first `rank` of `rank + 1` dimensions.
AffineMap leading(MLIRContext *ctx, int64_t rank) {
  SmallVector<AffineExpr> exprs;
  for (int64_t d = 0; d < rank; ++d)
    exprs.push_back(getAffineDimExpr(d, ctx));
  return AffineMap::get(rank + 1, 0, exprs, ctx);
}

SmallVector<utils::IteratorType> extraReduction(int64_t rank) {
  SmallVector<utils::IteratorType> iterators(rank + 1,
                                             utils::IteratorType::parallel);
  iterators[rank] = utils::IteratorType::reduction;
  return iterators;
}

Value indexAsI64(OpBuilder &b, Location loc, int64_t dim) {
  return b.create<arith::IndexCastOp>(loc, b.getI64Type(),
                                      b.create<linalg::IndexOp>(loc, dim));
}

/// TopK by ranking, O(n^2 + k n) per line of n elements along the axis:
///   1. rank[i] = #{m : x[m] comes before x[i]}, where x[m] comes before
///      x[i] when it is larger (smaller without `largest`; NaN counts as the
///      largest) or equal with m < i. The ranks are a permutation of 0..n-1.
///   2. values[j] and indices[j] select the element of rank j (j < k).
/// Simple and correct; TopK lines in classification models are short.
struct TopKLowering : OpConversionPattern<graph::TopKOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::TopKOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = rewriter.getContext();
    Value input = adaptor.getInput();
    auto type = cast<RankedTensorType>(input.getType());
    int64_t rank = type.getRank(), axis = op.getAxis();
    bool largest = op.getLargest();
    bool isFloat = isa<FloatType>(type.getElementType());
    Type i64 = rewriter.getI64Type();

    // x[m] comes before x[i] (m is the extra dimension).
    auto before = [&](OpBuilder &b, Location l, Value xm, Value xi, Value m,
                      Value i) -> Value {
      Value prefer, tie;
      if (isFloat) {
        using P = arith::CmpFPredicate;
        Value nanM = b.create<arith::CmpFOp>(l, P::UNO, xm, xm);
        Value nanI = b.create<arith::CmpFOp>(l, P::UNO, xi, xi);
        Value numM = b.create<arith::CmpFOp>(l, P::ORD, xm, xm);
        Value numI = b.create<arith::CmpFOp>(l, P::ORD, xi, xi);
        // Ordered comparison of numbers, then NaN above numbers.
        Value ordered =
            b.create<arith::CmpFOp>(l, largest ? P::OGT : P::OLT, xm, xi);
        Value nanOrder = largest ? b.create<arith::AndIOp>(l, nanM, numI)
                                 : b.create<arith::AndIOp>(l, numM, nanI);
        prefer = b.create<arith::OrIOp>(l, ordered, nanOrder);
        Value bothNaN = b.create<arith::AndIOp>(l, nanM, nanI);
        tie = b.create<arith::OrIOp>(
            l, b.create<arith::CmpFOp>(l, P::OEQ, xm, xi), bothNaN);
      } else {
        using P = arith::CmpIPredicate;
        prefer = b.create<arith::CmpIOp>(l, largest ? P::sgt : P::slt, xm, xi);
        tie = b.create<arith::CmpIOp>(l, P::eq, xm, xi);
      }
      Value earlier =
          b.create<arith::CmpIOp>(l, arith::CmpIPredicate::slt, m, i);
      return b.create<arith::OrIOp>(l, prefer,
                                    b.create<arith::AndIOp>(l, tie, earlier));
    };

    // 1. Ranks, in the input's shape.
    auto rankType = RankedTensorType::get(type.getShape(), i64);
    Value zeroRanks =
        filledWith(rewriter, loc, rankType, buildScalar(rewriter, loc, i64, 0));
    AffineMap atI = leading(ctx, rank);
    AffineMap atM = alongExtra(ctx, rank, axis);
    Value ranks =
        rewriter
            .create<linalg::GenericOp>(
                loc, TypeRange{rankType}, ValueRange{input, input},
                ValueRange{zeroRanks}, ArrayRef<AffineMap>{atI, atM, atI},
                extraReduction(rank),
                [&](OpBuilder &b, Location l, ValueRange args) {
                  Value i = indexAsI64(b, l, axis);
                  Value m = indexAsI64(b, l, rank);
                  Value one = b.create<arith::ExtUIOp>(
                      l, b.getI64Type(), before(b, l, args[1], args[0], m, i));
                  b.create<linalg::YieldOp>(
                      l, ValueRange{b.create<arith::AddIOp>(l, args[2], one)});
                })
            .getResult(0);

    // 2. Selection: the output position j (along axis) takes the element of
    // rank j; the extra dimension runs over the input positions.
    RankedTensorType valuesType = op.getValues().getType();
    RankedTensorType indicesType = op.getIndices().getType();
    Value valuesInit =
        filledWith(rewriter, loc, valuesType,
                   buildScalar(rewriter, loc, valuesType.getElementType(), 0));
    Value indicesInit = filledWith(rewriter, loc, indicesType,
                                   buildScalar(rewriter, loc, i64, 0));
    auto select = rewriter.create<linalg::GenericOp>(
        loc, TypeRange{valuesType, indicesType}, ValueRange{input, ranks},
        ValueRange{valuesInit, indicesInit},
        ArrayRef<AffineMap>{atM, atM, atI, atI}, extraReduction(rank),
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value j = indexAsI64(b, l, axis);
          Value i = indexAsI64(b, l, rank);
          Value hit =
              b.create<arith::CmpIOp>(l, arith::CmpIPredicate::eq, args[1], j);
          b.create<linalg::YieldOp>(
              l, ValueRange{b.create<arith::SelectOp>(l, hit, args[0], args[2]),
                            b.create<arith::SelectOp>(l, hit, i, args[3])});
        });
    rewriter.replaceOp(op, select.getResults());
    return success();
  }
};

/// cumsum as a masked reduction over the whole axis, O(n^2) per line of n
/// elements: output[i] adds input[m] for the m the mode includes (m <= i,
/// m < i, m >= i or m > i), in increasing m. Adding a masked-out element is
/// adding 0, so the sum of a forward cumsum is the sequential one.
struct CumSumLowering : OpConversionPattern<graph::CumSumOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::CumSumOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = rewriter.getContext();
    RankedTensorType type = op.getType();
    int64_t rank = type.getRank(), axis = op.getAxis();
    using P = arith::CmpIPredicate;
    P include = op.getReverse() ? (op.getExclusive() ? P::sgt : P::sge)
                                : (op.getExclusive() ? P::slt : P::sle);
    Value init =
        filledWith(rewriter, loc, type,
                   buildScalar(rewriter, loc, type.getElementType(), 0.0));
    Value result =
        rewriter
            .create<linalg::GenericOp>(
                loc, TypeRange{type}, ValueRange{adaptor.getInput()},
                ValueRange{init},
                ArrayRef<AffineMap>{alongExtra(ctx, rank, axis),
                                    leading(ctx, rank)},
                extraReduction(rank),
                [&](OpBuilder &b, Location l, ValueRange args) {
                  Value i = b.create<linalg::IndexOp>(l, axis);
                  Value m = b.create<linalg::IndexOp>(l, rank);
                  Value included = b.create<arith::CmpIOp>(l, include, m, i);
                  Value term = b.create<arith::SelectOp>(
                      l, included, args[0],
                      buildScalar(b, l, args[0].getType(), 0.0));
                  Value sum = isa<FloatType>(term.getType())
                                  ? b.create<arith::AddFOp>(l, args[1], term)
                                        .getResult()
                                  : b.create<arith::AddIOp>(l, args[1], term)
                                        .getResult();
                  b.create<linalg::YieldOp>(l, sum);
                })
            .getResult(0);
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void populateReductionLowering(RewritePatternSet &patterns) {
  patterns
      .add<ReduceSumLowering, ReduceMeanLowering, ReduceMaxLowering,
           ReduceMinLowering, ReduceProdLowering, ReduceL1Lowering,
           ReduceL2Lowering, ReduceLogSumLowering, ReduceSumSquareLowering,
           ReduceLogSumExpLowering, ArgReduceLowering<graph::ArgMaxOp, false>,
           ArgReduceLowering<graph::ArgMinOp, true>, TopKLowering,
           CumSumLowering>(patterns.getContext());
}

} // namespace edgec::codegen
