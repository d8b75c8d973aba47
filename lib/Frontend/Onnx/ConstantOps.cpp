//===- ConstantOps.cpp - Importing Constant -------------------------------===//

#include "NodeContext.h"
#include "Tensors.h"

#include "dialects/graph/IR/GraphOps.h"

using namespace mlir;
using namespace edgec::onnx_import;
namespace graph = edgec::graph;

static LogicalResult importConstant(NodeContext &ctx) {
  Builder b(ctx.context());
  DenseElementsAttr value;
  int given = 0;
  for (const auto &attr : ctx.node().attribute())
    given +=
        attr.name().rfind("value", 0) == 0 || attr.name() == "sparse_value";
  if (given != 1)
    return ctx.error() << "needs exactly one value attribute, has " << given;
  if (const onnx::TensorProto *tensor = ctx.tensorAttr("value")) {
    value =
        convertTensor(*tensor, ctx.loc(), "attribute 'value'", ctx.baseDir());
    if (!value)
      return failure();
  } else if (ctx.hasAttr("value_float")) {
    value = DenseElementsAttr::get(RankedTensorType::get({}, b.getF32Type()),
                                   ctx.floatAttr("value_float", 0.0f));
  } else if (ctx.hasAttr("value_floats")) {
    SmallVector<float> values = ctx.floatsAttr("value_floats");
    value = DenseElementsAttr::get(
        RankedTensorType::get({static_cast<int64_t>(values.size())},
                              b.getF32Type()),
        ArrayRef<float>(values));
  } else if (ctx.hasAttr("value_int")) {
    value = DenseElementsAttr::get(RankedTensorType::get({}, b.getI64Type()),
                                   ctx.intAttr("value_int", 0));
  } else if (ctx.hasAttr("value_ints")) {
    SmallVector<int64_t> values = ctx.intsAttr("value_ints", {});
    value = DenseElementsAttr::get(
        RankedTensorType::get({static_cast<int64_t>(values.size())},
                              b.getI64Type()),
        ArrayRef<int64_t>(values));
  } else {
    return ctx.error() << "sparse and string constants are not supported";
  }
  if (ctx.failed())
    return failure();
  Value result = ctx.create<graph::ConstantOp>(cast<ElementsAttr>(value));
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

void edgec::onnx_import::registerConstantOps(OpTable &table) {
  table["Constant"] = {{1, 9, 11, 12, 13},
                       "dense tensors, floats and ints; not sparse or string",
                       importConstant};
}
