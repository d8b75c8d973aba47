//===- PoolingOps.cpp - Importing pooling ops -----------------------------===//

#include "NodeContext.h"

#include "dialects/graph/IR/GraphOps.h"

using namespace mlir;
using namespace edgec::onnx_import;
namespace graph = edgec::graph;

namespace {

/// The window attributes shared by MaxPool and AveragePool.
struct Window {
  SmallVector<int64_t> kernel, strides, dilations, pads;
  bool ceilMode = false;
};

bool readWindow(NodeContext &ctx, Value x, Window &window) {
  if (ctx.failed())
    return false;
  auto type = cast<RankedTensorType>(x.getType());
  if (type.getRank() < 3) {
    ctx.error() << "input " << type << " must be [N, C, spatial...]";
    return false;
  }
  size_t spatial = type.getRank() - 2;
  SmallVector<int64_t> ones(spatial, 1);
  if (!ctx.hasAttr("kernel_shape")) {
    ctx.error() << "attribute 'kernel_shape' is required";
    return false;
  }
  window.kernel = ctx.intsAttr("kernel_shape", {});
  window.strides = ctx.intsAttr("strides", ones);
  window.dilations = ctx.intsAttr("dilations", ones);
  window.pads = ctx.intsAttr("pads", {});
  window.ceilMode = ctx.intAttr("ceil_mode", 0) != 0;
  return resolveAutoPad(ctx, type.getShape().drop_front(2), window.kernel,
                        window.strides, window.dilations, window.pads);
}

LogicalResult importMaxPool(NodeContext &ctx) {
  Value x = ctx.floatInput(0);
  Window w;
  if (!readWindow(ctx, x, w))
    return failure();
  if (ctx.intAttr("storage_order", 0) != 0)
    return ctx.error() << "storage_order = 1 is not supported";
  Builder b(ctx.context());
  Value result = ctx.create<graph::MaxPoolOp>(x, w.kernel, w.strides,
                                              w.dilations, w.pads, w.ceilMode);
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

LogicalResult importAveragePool(NodeContext &ctx) {
  Value x = ctx.floatInput(0);
  Window w;
  if (!readWindow(ctx, x, w))
    return failure();
  if (llvm::any_of(w.dilations, [](int64_t d) { return d != 1; }))
    return ctx.error() << "dilations are not supported";
  bool countPad = ctx.intAttr("count_include_pad", 0) != 0;
  Value result = ctx.create<graph::AveragePoolOp>(x, w.kernel, w.strides,
                                                  w.pads, w.ceilMode, countPad);
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

LogicalResult importGlobalAveragePool(NodeContext &ctx) {
  Value result = ctx.create<graph::GlobalAveragePoolOp>(ctx.floatInput(0));
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

} // namespace

void edgec::onnx_import::registerPoolingOps(OpTable &table) {
  table["MaxPool"] = {{1, 8, 10, 11, 12},
                      "float32; the Indices output is not supported",
                      importMaxPool};
  table["AveragePool"] = {{1, 7, 10, 11}, "float32", importAveragePool};
  table["GlobalAveragePool"] = {{1}, "float32", importGlobalAveragePool};
}
