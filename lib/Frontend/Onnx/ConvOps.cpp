//===- ConvOps.cpp - Importing Conv ---------------------------------------===//

#include "NodeContext.h"

#include "dialects/graph/IR/GraphOps.h"
#include "dialects/graph/IR/ShapeHelpers.h"

using namespace mlir;
using namespace edgec::onnx_import;
namespace graph = edgec::graph;

static LogicalResult importConv(NodeContext &ctx) {
  Value x = ctx.floatInput(0), w = ctx.floatInput(1);
  Value bias = ctx.optionalFloatInput(2);
  if (ctx.failed())
    return failure();
  auto xType = cast<RankedTensorType>(x.getType());
  auto wType = cast<RankedTensorType>(w.getType());
  if (xType.getRank() < 3 || wType.getRank() != xType.getRank())
    return ctx.error() << "input " << xType << " and weight " << wType
                       << " must both be [N or F, C, spatial...] of one rank";
  size_t spatial = xType.getRank() - 2;
  ArrayRef<int64_t> kernel = wType.getShape().drop_front(2);
  SmallVector<int64_t> kernelAttr = ctx.intsAttr("kernel_shape", kernel);
  if (!ctx.failed() && ArrayRef<int64_t>(kernelAttr) != kernel)
    return ctx.error() << "kernel_shape " << graph::formatShape(kernelAttr)
                       << " does not match weight shape "
                       << graph::formatShape(wType.getShape());
  SmallVector<int64_t> ones(spatial, 1);
  SmallVector<int64_t> strides = ctx.intsAttr("strides", ones);
  SmallVector<int64_t> dilations = ctx.intsAttr("dilations", ones);
  SmallVector<int64_t> pads = ctx.intsAttr("pads", {});
  int64_t group = ctx.intAttr("group", 1);
  if (!resolveAutoPad(ctx, xType.getShape().drop_front(2), kernel, strides,
                      dilations, pads))
    return failure();
  Value result = ctx.create<graph::ConvOp>(x, w, bias, strides, dilations, pads,
                                           static_cast<uint64_t>(group));
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

void edgec::onnx_import::registerConvOps(OpTable &table) {
  table["Conv"] = {{1, 11}, "1-D and 2-D; float32", importConv};
}
