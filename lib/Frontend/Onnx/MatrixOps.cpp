//===- MatrixOps.cpp - Importing Gemm and MatMul --------------------------===//

#include "NodeContext.h"

#include "dialects/graph/IR/GraphOps.h"

using namespace mlir;
using namespace edgec::onnx_import;
namespace graph = edgec::graph;

static LogicalResult importGemm(NodeContext &ctx) {
  Value a = ctx.floatInput(0), b = ctx.floatInput(1);
  Value c = ctx.optionalFloatInput(2);
  Builder builder(ctx.context());
  Value result = ctx.create<graph::GemmOp>(
      a, b, c, builder.getF32FloatAttr(ctx.floatAttr("alpha", 1.0f)),
      builder.getF32FloatAttr(ctx.floatAttr("beta", 1.0f)),
      builder.getBoolAttr(ctx.intAttr("transA", 0) != 0),
      builder.getBoolAttr(ctx.intAttr("transB", 0) != 0));
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

static LogicalResult importMatMul(NodeContext &ctx) {
  Value result =
      ctx.create<graph::MatMulOp>(ctx.floatInput(0), ctx.floatInput(1));
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

void edgec::onnx_import::registerMatrixOps(OpTable &table) {
  table["Gemm"] = {{7, 9, 11, 13}, "float32", importGemm};
  table["MatMul"] = {
      {1, 9, 13}, "float32; numpy batch broadcasting", importMatMul};
}
