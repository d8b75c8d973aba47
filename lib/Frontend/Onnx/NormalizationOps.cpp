//===- NormalizationOps.cpp - Importing BatchNormalization and Softmax ----===//

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

static LogicalResult importSoftmax(NodeContext &ctx) {
  Value x = ctx.floatInput(0);
  if (ctx.failed())
    return failure();
  int64_t rank = cast<RankedTensorType>(x.getType()).getRank();
  bool coerced = ctx.version() < 13;
  int64_t axis = ctx.axisAttr("axis", coerced ? 1 : -1, rank);
  // Before opset 13, Softmax flattened its input to 2-D at `axis`; that is
  // the same computation only when `axis` is the last dimension.
  if (!ctx.failed() && coerced && axis != rank - 1)
    return ctx.error() << "Softmax-" << ctx.version() << " with axis " << axis
                       << " on a rank-" << rank
                       << " input normalizes over several dimensions; only "
                          "the last axis is supported";
  Value result = ctx.create<graph::SoftmaxOp>(x, static_cast<uint64_t>(axis));
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

void edgec::onnx_import::registerNormalizationOps(OpTable &table) {
  table["BatchNormalization"] = {
      {6, 7, 9, 14, 15}, "inference mode; float32", importBatchNorm};
  table["Softmax"] = {{1, 11, 13},
                      "float32; before opset 13 only along the last axis",
                      importSoftmax};
}
