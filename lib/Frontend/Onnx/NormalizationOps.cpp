//===- NormalizationOps.cpp - Importing normalization ops -----------------===//

#include "NodeContext.h"

#include "dialects/graph/IR/GraphOps.h"

using namespace mlir;
using namespace edgec::onnx_import;
namespace graph = edgec::graph;

static LogicalResult importBatchNorm(NodeContext &ctx) {
  Value x = ctx.floatInput(0), scale = ctx.floatInput(1);
  Value bias = ctx.floatInput(2), mean = ctx.floatInput(3);
  Value variance = ctx.floatInput(4);
  if (ctx.intAttr("training_mode", 0) != 0)
    return ctx.error() << "training_mode = 1 is not supported; export the "
                          "model in inference mode";
  // Version 6 says "inference" with is_test = 1 instead.
  if (ctx.version() < 7 && ctx.intAttr("is_test", 0) != 1)
    return ctx.error() << "is_test = 0 is not supported; export the model "
                          "in inference mode";
  if (ctx.intAttr("spatial", 1) != 1)
    return ctx.error() << "spatial = 0 is not supported";
  Builder b(ctx.context());
  Value result = ctx.create<graph::BatchNormOp>(
      x, scale, bias, mean, variance,
      b.getF32FloatAttr(ctx.floatAttr("epsilon", 1e-5f)));
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

/// Softmax, LogSoftmax and Hardmax. From version 13 they work along one
/// axis (default -1). Before, they flattened the input to 2-D at `axis`
/// (default 1) and worked along the second dimension; that is a reshape to
/// [outer, inner], the op along axis 1, and a reshape back.
template <typename OpTy> static LogicalResult importAxisOp(NodeContext &ctx) {
  Value x = ctx.floatInput(0);
  if (ctx.failed())
    return failure();
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank();
  bool coerced = ctx.version() < 13;
  int64_t axis = ctx.axisAttr("axis", coerced ? 1 : -1, rank);
  if (ctx.failed())
    return failure();
  bool trailingOnes = llvm::all_of(type.getShape().drop_front(axis + 1),
                                   [](int64_t d) { return d == 1; });
  if (!coerced || trailingOnes) {
    Value result = ctx.create<OpTy>(x, static_cast<uint64_t>(axis));
    if (!result)
      return failure();
    ctx.setResults(result);
    return success();
  }
  ArrayRef<int64_t> shape = type.getShape();
  int64_t outer = 1, inner = 1;
  for (int64_t d = 0; d < rank; ++d)
    (d < axis ? outer : inner) *= shape[d];
  Value flat = ctx.create<graph::ReshapeOp>(x, ArrayRef<int64_t>{outer, inner});
  Value result = ctx.create<OpTy>(flat, uint64_t{1});
  Value restored = ctx.create<graph::ReshapeOp>(result, shape);
  if (!restored)
    return failure();
  ctx.setResults(restored);
  return success();
}

/// LayerNormalization-17. Mean and InvStdDev, the optional outputs, are
/// computed along the way.
static LogicalResult importLayerNorm(NodeContext &ctx) {
  Value x = ctx.floatInput(0), scale = ctx.floatInput(1);
  Value bias = ctx.optionalFloatInput(2);
  if (ctx.failed())
    return failure();
  int64_t axis =
      ctx.axisAttr("axis", -1, cast<RankedTensorType>(x.getType()).getRank());
  float epsilon = ctx.floatAttr("epsilon", 1e-5f);
  int64_t stash = ctx.intAttr("stash_type", 1);
  if (ctx.failed())
    return failure();
  if (stash != 1)
    return ctx.error() << "stash_type = " << stash
                       << " is not supported; statistics are computed in "
                          "float32 (stash_type = 1)";
  Builder b(ctx.context());
  Value result = ctx.create<graph::LayerNormOp>(
      x, scale, bias, b.getI64IntegerAttr(axis), b.getF32FloatAttr(epsilon));
  if (!result)
    return failure();
  ctx.setResults(SmallVector<Value>(result.getDefiningOp()->getResults()));
  return success();
}

static LogicalResult importInstanceNorm(NodeContext &ctx) {
  Value x = ctx.floatInput(0), scale = ctx.floatInput(1);
  Value bias = ctx.floatInput(2);
  Builder b(ctx.context());
  Value result = ctx.create<graph::InstanceNormOp>(
      x, scale, bias, b.getF32FloatAttr(ctx.floatAttr("epsilon", 1e-5f)));
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

static LogicalResult importLRN(NodeContext &ctx) {
  Value x = ctx.floatInput(0);
  if (!ctx.failed() && !ctx.hasAttr("size"))
    return ctx.error() << "attribute 'size' is required";
  int64_t size = ctx.intAttr("size", 1);
  if (!ctx.failed() && size < 1)
    return ctx.error() << "size = " << size << " must be positive";
  Builder b(ctx.context());
  Value result = ctx.create<graph::LRNOp>(
      x, b.getF32FloatAttr(ctx.floatAttr("alpha", 1e-4f)),
      b.getF32FloatAttr(ctx.floatAttr("beta", 0.75f)),
      b.getF32FloatAttr(ctx.floatAttr("bias", 1.0f)),
      b.getI64IntegerAttr(size));
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

static LogicalResult importMeanVarianceNorm(NodeContext &ctx) {
  Value x = ctx.floatInput(0);
  if (ctx.failed())
    return failure();
  int64_t rank = cast<RankedTensorType>(x.getType()).getRank();
  SmallVector<int64_t> axes = ctx.intsAttr("axes", {0, 2, 3});
  if (ctx.failed())
    return failure();
  for (int64_t &axis : axes) {
    if (axis < -rank || axis >= rank)
      return ctx.error() << "axis " << axis << " is out of range for rank "
                         << rank;
    if (axis < 0)
      axis += rank;
  }
  llvm::sort(axes);
  if (std::adjacent_find(axes.begin(), axes.end()) != axes.end())
    return ctx.error() << "axis "
                       << *std::adjacent_find(axes.begin(), axes.end())
                       << " is listed twice";
  Value result = ctx.create<graph::MeanVarianceNormOp>(x, axes);
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

static LogicalResult importLpNorm(NodeContext &ctx) {
  Value x = ctx.floatInput(0);
  if (ctx.failed())
    return failure();
  int64_t axis =
      ctx.axisAttr("axis", -1, cast<RankedTensorType>(x.getType()).getRank());
  int64_t p = ctx.intAttr("p", 2);
  if (ctx.failed())
    return failure();
  if (p != 1 && p != 2)
    return ctx.error() << "p = " << p << " is not supported; it must be 1 or 2";
  Value result = ctx.create<graph::LpNormOp>(x, static_cast<uint64_t>(axis),
                                             static_cast<uint64_t>(p));
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

void edgec::onnx_import::registerNormalizationOps(OpTable &table) {
  table["BatchNormalization"] = {
      {6, 7, 9, 14, 15}, "inference mode; float32", importBatchNorm};
  const char *axisOp = "float32; before version 13 over the dimensions "
                       "from axis on, as ONNX defined it";
  table["Softmax"] = {{1, 11, 13}, axisOp, importAxisOp<graph::SoftmaxOp>};
  table["LogSoftmax"] = {
      {1, 11, 13}, axisOp, importAxisOp<graph::LogSoftmaxOp>};
  table["Hardmax"] = {{1, 11, 13}, axisOp, importAxisOp<graph::HardmaxOp>};
  table["LayerNormalization"] = {
      {17}, "float32; stash_type 1 (float32 statistics)", importLayerNorm};
  table["InstanceNormalization"] = {{1, 6}, "float32", importInstanceNorm};
  table["LRN"] = {{1, 13}, "float32", importLRN};
  table["MeanVarianceNormalization"] = {
      {9, 13}, "float32", importMeanVarianceNorm};
  table["LpNormalization"] = {{1}, "float32; p = 1 or 2", importLpNorm};
}
