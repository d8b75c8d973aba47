//===- ElementwiseOps.cpp - Importing elementwise ONNX ops ----------------===//

#include "NodeContext.h"

#include "dialects/graph/IR/GraphOps.h"

#include <limits>

using namespace mlir;
using namespace edgec::onnx_import;
namespace graph = edgec::graph;

template <typename OpTy> static LogicalResult importBinary(NodeContext &ctx) {
  Value lhs = ctx.floatInput(0), rhs = ctx.floatInput(1);
  Value result = ctx.create<OpTy>(lhs, rhs);
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

template <typename OpTy> static LogicalResult importUnary(NodeContext &ctx) {
  Value result = ctx.create<OpTy>(ctx.floatInput(0));
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

static LogicalResult importClip(NodeContext &ctx) {
  Value x = ctx.floatInput(0);
  constexpr float kInf = std::numeric_limits<float>::infinity();
  float lo, hi;
  if (ctx.version() < 11) {
    lo = ctx.floatAttr("min", std::numeric_limits<float>::lowest());
    hi = ctx.floatAttr("max", std::numeric_limits<float>::max());
  } else {
    lo = ctx.constantFloatScalar(1, "min", -kInf);
    hi = ctx.constantFloatScalar(2, "max", kInf);
  }
  Builder b(ctx.context());
  Value result = ctx.create<graph::ClipOp>(x, b.getF32FloatAttr(lo),
                                           b.getF32FloatAttr(hi));
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

void edgec::onnx_import::registerElementwiseOps(OpTable &table) {
  const char *binary = "float32, int32, int64; numpy broadcasting";
  table["Add"] = {{7, 13, 14}, binary, importBinary<graph::AddOp>};
  table["Sub"] = {{7, 13, 14}, binary, importBinary<graph::SubOp>};
  table["Mul"] = {{7, 13, 14}, binary, importBinary<graph::MulOp>};
  table["Div"] = {{7, 13, 14}, binary, importBinary<graph::DivOp>};
  table["Relu"] = {{6, 13, 14}, "float32", importUnary<graph::ReluOp>};
  table["Sigmoid"] = {{6, 13}, "float32", importUnary<graph::SigmoidOp>};
  table["Clip"] = {
      {6, 11, 12, 13}, "float32; min and max must be constants", importClip};
}
