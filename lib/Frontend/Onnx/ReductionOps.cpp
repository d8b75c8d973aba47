//===- ReductionOps.cpp - Importing reductions ----------------------------===//

#include "NodeContext.h"

#include "dialects/graph/IR/GraphOps.h"

using namespace mlir;
using namespace edgec::onnx_import;
namespace graph = edgec::graph;

namespace {

int64_t rankOf(Value value) {
  return cast<RankedTensorType>(value.getType()).getRank();
}

/// Normalizes ONNX axes for a rank-`rank` input: non-negative, increasing.
/// Reports out-of-range and repeated axes.
bool normalizeAxes(NodeContext &ctx, int64_t rank,
                   SmallVectorImpl<int64_t> &axes) {
  for (int64_t &axis : axes) {
    if (axis < -rank || axis >= rank) {
      ctx.error() << "axis " << axis << " is out of range for rank " << rank;
      return false;
    }
    if (axis < 0)
      axis += rank;
  }
  llvm::sort(axes);
  for (size_t i = 1; i < axes.size(); ++i) {
    if (axes[i] == axes[i - 1]) {
      ctx.error() << "axis " << axes[i] << " is listed twice";
      return false;
    }
  }
  return true;
}

/// A scalar input (a tensor of one element) that must be a constant, e.g.
/// TopK's K or CumSum's axis.
std::optional<int64_t> constantScalarInt(NodeContext &ctx, size_t i,
                                         StringRef role) {
  SmallVector<int64_t> values = ctx.constantInts(i, role);
  if (ctx.failed())
    return std::nullopt;
  if (values.size() != 1) {
    ctx.error() << role << " (input " << i << ") must hold one integer, not "
                << values.size();
    return std::nullopt;
  }
  return values[0];
}

/// ReduceSum, ReduceMean, ...: `axes` is an attribute, except for
/// ReduceSum from version 13, where it is the optional input 1 (then a
/// constant) and `noop_with_empty_axes` makes an empty list an identity.
template <typename OpTy, bool FloatOnly>
LogicalResult importReduce(NodeContext &ctx) {
  Value x = FloatOnly ? ctx.floatInput(0) : ctx.tensorInput(0);
  if (ctx.failed())
    return failure();
  int64_t rank = rankOf(x);
  bool axesInput = ctx.node().op_type() == "ReduceSum" && ctx.version() >= 13;
  SmallVector<int64_t> axes;
  if (!axesInput)
    axes = ctx.intsAttr("axes", {});
  else if (ctx.input(1))
    axes = ctx.constantInts(1, "axes");
  if (ctx.failed())
    return failure();
  if (axes.empty()) {
    if (axesInput && ctx.intAttr("noop_with_empty_axes", 0) != 0) {
      ctx.setResults(x);
      return success(!ctx.failed());
    }
    for (int64_t d = 0; d < rank; ++d)
      axes.push_back(d);
  }
  if (!normalizeAxes(ctx, rank, axes))
    return failure();
  bool keepdims = ctx.intAttr("keepdims", 1) != 0;
  Value result = ctx.create<OpTy>(x, axes, keepdims);
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

template <typename OpTy> LogicalResult importArgReduce(NodeContext &ctx) {
  Value x = ctx.tensorInput(0);
  if (ctx.failed())
    return failure();
  int64_t axis = ctx.axisAttr("axis", 0, rankOf(x));
  bool keepdims = ctx.intAttr("keepdims", 1) != 0;
  bool lastIndex = ctx.intAttr("select_last_index", 0) != 0;
  Value result =
      ctx.create<OpTy>(x, static_cast<uint64_t>(axis), keepdims, lastIndex);
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

/// TopK-1 takes `k` as an attribute, later versions as input 1, which must
/// be a constant: the result shape depends on it.
LogicalResult importTopK(NodeContext &ctx) {
  Value x = ctx.tensorInput(0);
  if (ctx.failed())
    return failure();
  std::optional<int64_t> k;
  if (ctx.version() < 10) {
    if (!ctx.hasAttr("k"))
      return ctx.error() << "attribute 'k' is required";
    k = ctx.intAttr("k", 0);
  } else {
    k = constantScalarInt(ctx, 1, "K");
  }
  int64_t axis = ctx.axisAttr("axis", -1, rankOf(x));
  bool largest = ctx.intAttr("largest", 1) != 0;
  bool sorted = ctx.intAttr("sorted", 1) != 0;
  if (ctx.failed())
    return failure();
  if (*k < 1)
    return ctx.error() << "K = " << *k
                       << " is not supported; it must be at least 1";
  Value values = ctx.create<graph::TopKOp>(x, *k, static_cast<uint64_t>(axis),
                                           largest, sorted);
  if (!values)
    return failure();
  Operation *op = values.getDefiningOp();
  ctx.setResults({op->getResult(0), op->getResult(1)});
  return success();
}

LogicalResult importCumSum(NodeContext &ctx) {
  Value x = ctx.tensorInput(0);
  std::optional<int64_t> axis = constantScalarInt(ctx, 1, "axis");
  if (ctx.failed())
    return failure();
  int64_t rank = rankOf(x);
  if (*axis < -rank || *axis >= rank)
    return ctx.error() << "axis " << *axis << " is out of range for rank "
                       << rank;
  int64_t normalized = *axis < 0 ? *axis + rank : *axis;
  bool exclusive = ctx.intAttr("exclusive", 0) != 0;
  bool reverse = ctx.intAttr("reverse", 0) != 0;
  Value result = ctx.create<graph::CumSumOp>(
      x, static_cast<uint64_t>(normalized), exclusive, reverse);
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

} // namespace

void edgec::onnx_import::registerReductionOps(OpTable &table) {
  const char *numeric = "float32, int32, int64";
  const char *floats = "float32";
  table["ReduceSum"] = {
      {1, 11, 13},
      "float32, int32, int64; the axes input (opset 13) must be a constant",
      importReduce<graph::ReduceSumOp, false>};
  table["ReduceMean"] = {
      {1, 11, 13}, floats, importReduce<graph::ReduceMeanOp, true>};
  table["ReduceMax"] = {
      {1, 11, 12, 13}, numeric, importReduce<graph::ReduceMaxOp, false>};
  table["ReduceMin"] = {
      {1, 11, 12, 13}, numeric, importReduce<graph::ReduceMinOp, false>};
  table["ReduceProd"] = {
      {1, 11, 13}, numeric, importReduce<graph::ReduceProdOp, false>};
  table["ReduceL1"] = {
      {1, 11, 13}, numeric, importReduce<graph::ReduceL1Op, false>};
  table["ReduceL2"] = {
      {1, 11, 13}, floats, importReduce<graph::ReduceL2Op, true>};
  table["ReduceLogSum"] = {
      {1, 11, 13}, floats, importReduce<graph::ReduceLogSumOp, true>};
  table["ReduceLogSumExp"] = {
      {1, 11, 13}, floats, importReduce<graph::ReduceLogSumExpOp, true>};
  table["ReduceSumSquare"] = {
      {1, 11, 13}, numeric, importReduce<graph::ReduceSumSquareOp, false>};
  const char *arg = "float32, int32, int64 input; int64 output";
  table["ArgMax"] = {{1, 11, 12, 13}, arg, importArgReduce<graph::ArgMaxOp>};
  table["ArgMin"] = {{1, 11, 12, 13}, arg, importArgReduce<graph::ArgMinOp>};
  table["TopK"] = {{1, 10, 11},
                   "float32, int32, int64; K must be a constant; the result "
                   "is always sorted",
                   importTopK};
  table["CumSum"] = {
      {11, 14}, "float32, int32, int64; axis must be a constant", importCumSum};
}
