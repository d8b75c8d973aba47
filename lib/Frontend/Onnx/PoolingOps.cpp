//===- PoolingOps.cpp - Importing pooling ops -----------------------------===//

#include "NodeContext.h"

#include "dialects/graph/IR/GraphOps.h"

#include <cmath>
#include <sstream>

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

LogicalResult importGlobalMaxPool(NodeContext &ctx) {
  Value result = ctx.create<graph::GlobalMaxPoolOp>(ctx.floatInput(0));
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

/// LpPool and GlobalLpPool: version 1 has a float `p`, later ones an int;
/// both default to 2. Only positive integers are supported.
std::optional<int64_t> readP(NodeContext &ctx) {
  if (ctx.failed())
    return std::nullopt;
  if (ctx.version() >= 2) {
    int64_t p = ctx.intAttr("p", 2);
    if (!ctx.failed() && p < 1) {
      ctx.error() << "p = " << p << " must be positive";
      return std::nullopt;
    }
    return ctx.failed() ? std::nullopt : std::optional<int64_t>(p);
  }
  float p = ctx.floatAttr("p", 2.0f);
  if (ctx.failed())
    return std::nullopt;
  if (!(p >= 1.0f && p < 1e9f) || p != std::floor(p)) {
    std::ostringstream text; // "1.5" rather than the diagnostic's "1.5e+00"
    text << p;
    ctx.error() << "p = " << text.str()
                << " is not supported; it must be a positive integer";
    return std::nullopt;
  }
  return static_cast<int64_t>(p);
}

LogicalResult importLpPool(NodeContext &ctx) {
  Value x = ctx.floatInput(0);
  Window w;
  if (!readWindow(ctx, x, w))
    return failure();
  std::optional<int64_t> p = readP(ctx);
  if (!p)
    return failure();
  Value result = ctx.create<graph::LpPoolOp>(x, w.kernel, w.strides, w.pads,
                                             static_cast<uint64_t>(*p));
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

LogicalResult importGlobalLpPool(NodeContext &ctx) {
  Value x = ctx.floatInput(0);
  std::optional<int64_t> p = readP(ctx);
  if (!p)
    return failure();
  Value result =
      ctx.create<graph::GlobalLpPoolOp>(x, static_cast<uint64_t>(*p));
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
  table["GlobalMaxPool"] = {{1}, "float32", importGlobalMaxPool};
  table["LpPool"] = {{1, 2, 11}, "float32; p a positive integer", importLpPool};
  table["GlobalLpPool"] = {
      {1, 2}, "float32; p a positive integer", importGlobalLpPool};
}
