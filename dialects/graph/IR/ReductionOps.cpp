//===- ReductionOps.cpp - Reductions of the edge dialect ------------------===//
//
// Shape rules of the reductions, arg-reductions, topk and cumsum, and their
// folders: exporters compute element counts with ReduceProd/ReduceSum of
// Shape outputs, which are constants here.
//
//===----------------------------------------------------------------------===//

#include "dialects/graph/IR/ConstantFolding.h"
#include "dialects/graph/IR/GraphOps.h"
#include "dialects/graph/IR/ShapeHelpers.h"
#include "mlir/IR/Diagnostics.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace edgec::graph;

namespace {

/// Folding reads every element; larger constants are left to the kernels.
constexpr int64_t kMaxFoldElements = int64_t(1) << 20;

LogicalResult inferReduced(std::optional<Location> loc, Value input,
                           ArrayRef<int64_t> axes, bool keepdims,
                           SmallVectorImpl<Type> &types) {
  auto type = cast<RankedTensorType>(input.getType());
  int64_t rank = type.getRank();
  for (size_t i = 0, e = axes.size(); i < e; ++i) {
    if (axes[i] < 0 || axes[i] >= rank)
      return emitOptionalError(loc, "axis ", axes[i],
                               " is out of range for rank ", rank);
    if (i > 0 && axes[i] <= axes[i - 1])
      return emitOptionalError(loc, "axes ", formatShape(axes),
                               " must be strictly increasing");
  }
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < rank; ++d) {
    if (!llvm::is_contained(axes, d))
      shape.push_back(type.getDimSize(d));
    else if (keepdims)
      shape.push_back(1);
  }
  types.push_back(RankedTensorType::get(shape, type.getElementType()));
  return success();
}

/// The elements of constant `input` grouped by the result element they
/// reduce into: groups in the result's row-major order, each group's
/// elements in the input's. Empty when `input` is not a foldable constant.
SmallVector<SmallVector<Scalar>> groupByResult(Attribute input,
                                               ArrayRef<int64_t> axes) {
  auto dense = dyn_cast_if_present<DenseElementsAttr>(input);
  if (!dense || dense.getNumElements() > kMaxFoldElements)
    return {};
  SmallVector<Scalar> values = readScalars(dense);
  if (values.empty())
    return {};
  ArrayRef<int64_t> shape = dense.getType().getShape();
  int64_t rank = shape.size();
  // Stride of each input dimension in the result (0 for reduced ones).
  SmallVector<int64_t> outStride(rank, 0);
  int64_t groups = 1;
  for (int64_t d = rank - 1; d >= 0; --d) {
    if (llvm::is_contained(axes, d))
      continue;
    outStride[d] = groups;
    groups *= shape[d];
  }
  SmallVector<SmallVector<Scalar>> grouped(groups);
  SmallVector<int64_t> index(rank, 0);
  for (const Scalar &value : values) {
    int64_t out = 0;
    for (int64_t d = 0; d < rank; ++d)
      out += index[d] * outStride[d];
    grouped[out].push_back(value);
    for (int64_t d = rank - 1; d >= 0; --d) {
      if (++index[d] < shape[d])
        break;
      index[d] = 0;
    }
  }
  return grouped;
}

/// Folds a reduction: `reduce` maps each group of elements to one result
/// element.
OpFoldResult
foldReduction(Attribute input, ArrayRef<int64_t> axes, Type resultType,
              function_ref<Scalar(ArrayRef<Scalar>, bool isFloat)> reduce) {
  SmallVector<SmallVector<Scalar>> groups = groupByResult(input, axes);
  if (groups.empty())
    return {};
  auto type = cast<RankedTensorType>(resultType);
  bool isFloat = isa<FloatType>(type.getElementType());
  SmallVector<Scalar> results;
  for (ArrayRef<Scalar> group : groups)
    results.push_back(reduce(group, isFloat));
  return makeConstant(type, results);
}

/// Integer arithmetic wraps, as the kernels' does.
int64_t wrapAdd(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) +
                              static_cast<uint64_t>(b));
}
int64_t wrapMul(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) *
                              static_cast<uint64_t>(b));
}

/// sum(map(x)) in double for floats, wrapping int64 for integers.
template <typename Map>
Scalar sumOf(ArrayRef<Scalar> group, bool isFloat, Map map) {
  if (isFloat) {
    double sum = 0;
    for (const Scalar &s : group)
      sum += map(s.f);
    return Scalar::ofFloat(sum);
  }
  int64_t sum = 0;
  for (const Scalar &s : group)
    sum = wrapAdd(sum, static_cast<int64_t>(map(s.i)));
  return Scalar::ofInt(sum);
}

/// max (or min with `smallest`); NaN wins, as numpy's does.
Scalar extremeOf(ArrayRef<Scalar> group, bool isFloat, bool smallest) {
  if (isFloat) {
    double best = smallest ? INFINITY : -INFINITY;
    for (const Scalar &s : group) {
      if (std::isnan(s.f))
        return Scalar::ofFloat(NAN);
      best = smallest ? std::min(best, s.f) : std::max(best, s.f);
    }
    return Scalar::ofFloat(best);
  }
  int64_t best = smallest ? std::numeric_limits<int64_t>::max()
                          : std::numeric_limits<int64_t>::min();
  for (const Scalar &s : group)
    best = smallest ? std::min(best, s.i) : std::max(best, s.i);
  return Scalar::ofInt(best);
}

/// Whether argmax (argmin with `smallest`) prefers `a` to `b`; NaN is
/// preferred to every number, as numpy has it.
bool ranksAbove(const Scalar &a, const Scalar &b, bool smallest) {
  if (a.isFloat) {
    if (std::isnan(a.f) || std::isnan(b.f))
      return std::isnan(a.f) && !std::isnan(b.f);
    return smallest ? a.f < b.f : a.f > b.f;
  }
  return smallest ? a.i < b.i : a.i > b.i;
}

} // namespace

//===----------------------------------------------------------------------===//
// Reductions over axes
//===----------------------------------------------------------------------===//

#define EDGEC_REDUCE_INFER(OP)                                                 \
  LogicalResult OP::inferReturnTypes(                                          \
      MLIRContext *, std::optional<Location> loc, Adaptor adaptor,             \
      SmallVectorImpl<Type> &types) {                                          \
    return inferReduced(loc, adaptor.getInput(), adaptor.getAxes(),            \
                        adaptor.getKeepdims(), types);                         \
  }
EDGEC_REDUCE_INFER(ReduceSumOp)
EDGEC_REDUCE_INFER(ReduceMeanOp)
EDGEC_REDUCE_INFER(ReduceMaxOp)
EDGEC_REDUCE_INFER(ReduceMinOp)
EDGEC_REDUCE_INFER(ReduceProdOp)
EDGEC_REDUCE_INFER(ReduceL1Op)
EDGEC_REDUCE_INFER(ReduceL2Op)
EDGEC_REDUCE_INFER(ReduceLogSumOp)
EDGEC_REDUCE_INFER(ReduceLogSumExpOp)
EDGEC_REDUCE_INFER(ReduceSumSquareOp)
#undef EDGEC_REDUCE_INFER

OpFoldResult ReduceSumOp::fold(FoldAdaptor adaptor) {
  // Summing single elements changes nothing.
  if (getInput().getType() == getType() && getAxes().empty())
    return getInput();
  return foldReduction(adaptor.getInput(), getAxes(), getType(),
                       [](ArrayRef<Scalar> g, bool isFloat) {
                         return sumOf(g, isFloat, [](auto v) { return v; });
                       });
}

OpFoldResult ReduceMeanOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType() && getAxes().empty())
    return getInput();
  return foldReduction(
      adaptor.getInput(), getAxes(), getType(),
      [](ArrayRef<Scalar> g, bool isFloat) {
        double sum = sumOf(g, isFloat, [](auto v) { return v; }).asDouble();
        return Scalar::ofFloat(sum / g.size());
      });
}

OpFoldResult ReduceMaxOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType() && getAxes().empty())
    return getInput();
  return foldReduction(adaptor.getInput(), getAxes(), getType(),
                       [](ArrayRef<Scalar> g, bool isFloat) {
                         return extremeOf(g, isFloat, /*smallest=*/false);
                       });
}

OpFoldResult ReduceMinOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType() && getAxes().empty())
    return getInput();
  return foldReduction(adaptor.getInput(), getAxes(), getType(),
                       [](ArrayRef<Scalar> g, bool isFloat) {
                         return extremeOf(g, isFloat, /*smallest=*/true);
                       });
}

OpFoldResult ReduceProdOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType() && getAxes().empty())
    return getInput();
  return foldReduction(adaptor.getInput(), getAxes(), getType(),
                       [](ArrayRef<Scalar> g, bool isFloat) {
                         if (isFloat) {
                           double prod = 1;
                           for (const Scalar &s : g)
                             prod *= s.f;
                           return Scalar::ofFloat(prod);
                         }
                         int64_t prod = 1;
                         for (const Scalar &s : g)
                           prod = wrapMul(prod, s.i);
                         return Scalar::ofInt(prod);
                       });
}

OpFoldResult ReduceL1Op::fold(FoldAdaptor adaptor) {
  return foldReduction(adaptor.getInput(), getAxes(), getType(),
                       [](ArrayRef<Scalar> g, bool isFloat) {
                         return sumOf(g, isFloat,
                                      [](auto v) { return v < 0 ? -v : v; });
                       });
}

OpFoldResult ReduceL2Op::fold(FoldAdaptor adaptor) {
  return foldReduction(adaptor.getInput(), getAxes(), getType(),
                       [](ArrayRef<Scalar> g, bool) {
                         double sum = 0;
                         for (const Scalar &s : g)
                           sum += s.f * s.f;
                         return Scalar::ofFloat(std::sqrt(sum));
                       });
}

OpFoldResult ReduceLogSumOp::fold(FoldAdaptor adaptor) {
  return foldReduction(adaptor.getInput(), getAxes(), getType(),
                       [](ArrayRef<Scalar> g, bool) {
                         double sum = 0;
                         for (const Scalar &s : g)
                           sum += s.f;
                         return Scalar::ofFloat(std::log(sum));
                       });
}

OpFoldResult ReduceLogSumExpOp::fold(FoldAdaptor adaptor) {
  return foldReduction(
      adaptor.getInput(), getAxes(), getType(), [](ArrayRef<Scalar> g, bool) {
        double max = extremeOf(g, /*isFloat=*/true, /*smallest=*/false).f;
        double shift = std::isfinite(max) ? max : 0.0;
        double sum = 0;
        for (const Scalar &s : g)
          sum += std::exp(s.f - shift);
        return Scalar::ofFloat(shift + std::log(sum));
      });
}

OpFoldResult ReduceSumSquareOp::fold(FoldAdaptor adaptor) {
  return foldReduction(adaptor.getInput(), getAxes(), getType(),
                       [](ArrayRef<Scalar> g, bool isFloat) {
                         if (isFloat)
                           return sumOf(g, true,
                                        [](double v) { return v * v; });
                         int64_t sum = 0;
                         for (const Scalar &s : g)
                           sum = wrapAdd(sum, wrapMul(s.i, s.i));
                         return Scalar::ofInt(sum);
                       });
}

//===----------------------------------------------------------------------===//
// ArgMaxOp, ArgMinOp
//===----------------------------------------------------------------------===//

namespace {

LogicalResult inferArgReduce(std::optional<Location> loc, Value input,
                             int64_t axis, bool keepdims,
                             SmallVectorImpl<Type> &types) {
  auto type = cast<RankedTensorType>(input.getType());
  if (axis >= type.getRank())
    return emitOptionalError(loc, "axis ", axis, " is out of range for rank ",
                             type.getRank());
  SmallVector<Type> reduced;
  if (failed(inferReduced(loc, input, {axis}, keepdims, reduced)))
    return failure();
  types.push_back(
      RankedTensorType::get(cast<RankedTensorType>(reduced[0]).getShape(),
                            IntegerType::get(input.getContext(), 64)));
  return success();
}

OpFoldResult foldArgReduce(Attribute input, int64_t axis, bool lastIndex,
                           bool smallest, Type resultType) {
  return foldReduction(
      input, {axis}, resultType, [&](ArrayRef<Scalar> g, bool) {
        size_t best = 0;
        for (size_t i = 1; i < g.size(); ++i) {
          bool above = ranksAbove(g[i], g[best], smallest);
          bool tie = !above && !ranksAbove(g[best], g[i], smallest);
          if (above || (tie && lastIndex))
            best = i;
        }
        return Scalar::ofInt(static_cast<int64_t>(best));
      });
}

} // namespace

LogicalResult ArgMaxOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  return inferArgReduce(loc, adaptor.getInput(), adaptor.getAxis(),
                        adaptor.getKeepdims(), types);
}

LogicalResult ArgMinOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  return inferArgReduce(loc, adaptor.getInput(), adaptor.getAxis(),
                        adaptor.getKeepdims(), types);
}

OpFoldResult ArgMaxOp::fold(FoldAdaptor adaptor) {
  return foldArgReduce(adaptor.getInput(), getAxis(), getSelectLastIndex(),
                       /*smallest=*/false, getType());
}

OpFoldResult ArgMinOp::fold(FoldAdaptor adaptor) {
  return foldArgReduce(adaptor.getInput(), getAxis(), getSelectLastIndex(),
                       /*smallest=*/true, getType());
}

//===----------------------------------------------------------------------===//
// TopKOp
//===----------------------------------------------------------------------===//

LogicalResult TopKOp::inferReturnTypes(MLIRContext *context,
                                       std::optional<Location> loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &types) {
  auto type = cast<RankedTensorType>(adaptor.getInput().getType());
  int64_t axis = adaptor.getAxis(), k = adaptor.getK();
  if (axis >= type.getRank())
    return emitOptionalError(loc, "axis ", axis, " is out of range for rank ",
                             type.getRank());
  if (k > type.getDimSize(axis))
    return emitOptionalError(loc, "k = ", k, " exceeds the extent ",
                             type.getDimSize(axis), " of axis ", axis,
                             " in shape ", formatShape(type.getShape()));
  SmallVector<int64_t> shape(type.getShape());
  shape[axis] = k;
  types.push_back(RankedTensorType::get(shape, type.getElementType()));
  types.push_back(RankedTensorType::get(shape, IntegerType::get(context, 64)));
  return success();
}

//===----------------------------------------------------------------------===//
// CumSumOp
//===----------------------------------------------------------------------===//

LogicalResult CumSumOp::verify() {
  if (static_cast<int64_t>(getAxis()) >= getInput().getType().getRank())
    return emitOpError("axis ") << getAxis() << " is out of range for rank "
                                << getInput().getType().getRank();
  return success();
}

OpFoldResult CumSumOp::fold(FoldAdaptor adaptor) {
  auto dense = dyn_cast_if_present<DenseElementsAttr>(adaptor.getInput());
  if (!dense || dense.getNumElements() > kMaxFoldElements)
    return {};
  SmallVector<Scalar> values = readScalars(dense);
  if (values.empty())
    return {};
  ArrayRef<int64_t> shape = getType().getShape();
  int64_t axis = getAxis(), extent = shape[axis], inner = 1;
  for (int64_t d = axis + 1, e = shape.size(); d < e; ++d)
    inner *= shape[d];
  bool exclusive = getExclusive(), reverse = getReverse();
  SmallVector<Scalar> results;
  for (int64_t n = 0, e = values.size(); n < e; ++n) {
    int64_t i = (n / inner) % extent, base = n - i * inner;
    Scalar sum = values[n].isFloat ? Scalar::ofFloat(0) : Scalar::ofInt(0);
    for (int64_t j = 0; j < extent; ++j) {
      bool included =
          reverse ? (exclusive ? j > i : j >= i) : (exclusive ? j < i : j <= i);
      if (!included)
        continue;
      const Scalar &v = values[base + j * inner];
      if (sum.isFloat)
        sum.f += v.f;
      else
        sum.i = wrapAdd(sum.i, v.i);
    }
    results.push_back(sum);
  }
  return makeConstant(getType(), results);
}
