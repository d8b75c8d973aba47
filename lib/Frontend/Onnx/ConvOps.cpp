//===- ConvOps.cpp - Importing Conv ---------------------------------------===//

#include "NodeContext.h"

#include "dialects/graph/IR/GraphOps.h"
#include "dialects/graph/IR/ShapeHelpers.h"

#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace edgec::onnx_import;
namespace graph = edgec::graph;

namespace {

/// What Conv and ConvTranspose read alike: the filter's window (checked
/// against kernel_shape), strides, dilations, pads and group.
struct Window {
  SmallVector<int64_t> kernel, strides, dilations, pads;
  int64_t group = 1;
};

/// Reads the window of a node whose input and filter are `x` and `w`, both
/// `layout` ("[N, C, spatial...]"); false after reporting an error.
bool readWindow(NodeContext &ctx, Value x, Value w, StringRef layout,
                Window &window) {
  auto xType = cast<RankedTensorType>(x.getType());
  auto wType = cast<RankedTensorType>(w.getType());
  if (xType.getRank() < 3 || wType.getRank() != xType.getRank()) {
    ctx.error() << "input " << xType << " and weight " << wType
                << " must both be " << layout << " of one rank";
    return false;
  }
  size_t spatial = xType.getRank() - 2;
  ArrayRef<int64_t> kernel = wType.getShape().drop_front(2);
  window.kernel.assign(kernel.begin(), kernel.end());
  SmallVector<int64_t> kernelAttr = ctx.intsAttr("kernel_shape", kernel);
  if (!ctx.failed() && ArrayRef<int64_t>(kernelAttr) != kernel) {
    ctx.error() << "kernel_shape " << graph::formatShape(kernelAttr)
                << " does not match weight shape "
                << graph::formatShape(wType.getShape());
    return false;
  }
  SmallVector<int64_t> ones(spatial, 1);
  window.strides = ctx.intsAttr("strides", ones);
  window.dilations = ctx.intsAttr("dilations", ones);
  window.pads = ctx.intsAttr("pads", {});
  window.group = ctx.intAttr("group", 1);
  return !ctx.failed();
}

} // namespace

std::optional<ConvWindow> edgec::onnx_import::readConvWindow(NodeContext &ctx,
                                                             Value x, Value w) {
  Window window;
  if (ctx.failed() ||
      !readWindow(ctx, x, w, "[N or F, C, spatial...]", window) ||
      !resolveAutoPad(
          ctx, cast<RankedTensorType>(x.getType()).getShape().drop_front(2),
          window.kernel, window.strides, window.dilations, window.pads))
    return std::nullopt;
  return ConvWindow{window.strides, window.dilations, window.pads,
                    window.group};
}

Value edgec::onnx_import::buildConv(NodeContext &ctx, Value x, Value w,
                                    Value bias) {
  std::optional<ConvWindow> window = readConvWindow(ctx, x, w);
  if (!window)
    return {};
  return ctx.create<graph::ConvOp>(x, w, bias, window->strides,
                                   window->dilations, window->pads,
                                   static_cast<uint64_t>(window->group));
}

static LogicalResult importConv(NodeContext &ctx) {
  Value x = ctx.floatInput(0), w = ctx.floatInput(1);
  Value bias = ctx.optionalFloatInput(2);
  Value result = buildConv(ctx, x, w, bias);
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

/// ConvTranspose's pads from `output_shape` or `auto_pad` (the ONNX rule:
/// the total padding that gives the requested size, split with the odd
/// element at the end for SAME_UPPER and at the start otherwise; negative
/// when the requested size exceeds the full result).
static bool resolveTransposePads(NodeContext &ctx, ArrayRef<int64_t> input,
                                 ArrayRef<int64_t> kernel,
                                 ArrayRef<int64_t> strides,
                                 ArrayRef<int64_t> dilations,
                                 ArrayRef<int64_t> outputPadding,
                                 SmallVectorImpl<int64_t> &pads) {
  size_t rank = input.size();
  std::string mode = ctx.stringAttr("auto_pad", "NOTSET");
  SmallVector<int64_t> outputShape = ctx.intsAttr("output_shape", {});
  if (ctx.failed())
    return false;
  if (mode != "NOTSET" && mode != "VALID" && mode != "SAME_UPPER" &&
      mode != "SAME_LOWER") {
    ctx.error() << "auto_pad '" << mode << "' is not one of NOTSET, "
                << "SAME_UPPER, SAME_LOWER, VALID";
    return false;
  }
  if (strides.size() != rank || dilations.size() != rank ||
      outputPadding.size() != rank || kernel.size() != rank) {
    ctx.error() << "expected one stride, dilation, output padding and kernel "
                << "size per spatial dimension (" << rank << ")";
    return false;
  }
  if (outputShape.size() == rank + 2)
    outputShape.erase(outputShape.begin(), outputShape.begin() + 2);
  if (!outputShape.empty() && outputShape.size() != rank) {
    ctx.error() << "output_shape " << graph::formatShape(outputShape)
                << " must list " << rank << " spatial sizes";
    return false;
  }
  if (outputShape.empty() && (mode == "SAME_UPPER" || mode == "SAME_LOWER"))
    for (size_t i = 0; i < rank; ++i)
      outputShape.push_back(input[i] * strides[i]);
  if (outputShape.empty()) {
    if (mode == "VALID" || pads.empty())
      pads.assign(2 * rank, 0);
    return true;
  }
  pads.assign(2 * rank, 0);
  for (size_t i = 0; i < rank; ++i) {
    int64_t full = strides[i] * (input[i] - 1) + outputPadding[i] +
                   dilations[i] * (kernel[i] - 1) + 1;
    // A negative total extends the result; the split rounds down, as in
    // ONNX's reference implementation.
    int64_t total = full - outputShape[i];
    int64_t half = llvm::divideFloorSigned(total, 2);
    pads[i] = mode == "SAME_UPPER" ? half : total - half;
    pads[i + rank] = total - pads[i];
  }
  return true;
}

static LogicalResult importConvTranspose(NodeContext &ctx) {
  Value x = ctx.floatInput(0), w = ctx.floatInput(1);
  Value bias = ctx.optionalFloatInput(2);
  Window window;
  if (ctx.failed() ||
      !readWindow(ctx, x, w, "[N or C, C or F, spatial...]", window))
    return failure();
  ArrayRef<int64_t> inputSpatial =
      cast<RankedTensorType>(x.getType()).getShape().drop_front(2);
  SmallVector<int64_t> outputPadding = ctx.intsAttr(
      "output_padding", SmallVector<int64_t>(inputSpatial.size(), 0));
  if (ctx.failed() ||
      !resolveTransposePads(ctx, inputSpatial, window.kernel, window.strides,
                            window.dilations, outputPadding, window.pads))
    return failure();
  Value result = ctx.create<graph::ConvTransposeOp>(
      x, w, bias, window.strides, window.dilations, window.pads, outputPadding,
      static_cast<uint64_t>(window.group));
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

void edgec::onnx_import::registerConvOps(OpTable &table) {
  table["Conv"] = {{1, 11}, "1-D and 2-D; float32", importConv};
  table["ConvTranspose"] = {
      {1, 11}, "1-D and 2-D; float32", importConvTranspose};
}
