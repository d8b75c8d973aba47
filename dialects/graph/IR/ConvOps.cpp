//===- ConvOps.cpp - edge.conv and the window shape rule ------------------===//

#include "dialects/graph/IR/GraphOps.h"
#include "dialects/graph/IR/ShapeHelpers.h"
#include "mlir/IR/Diagnostics.h"

using namespace mlir;
using namespace edgec::graph;

int64_t edgec::graph::windowOutputSize(int64_t input, int64_t kernel,
                                       int64_t stride, int64_t dilation,
                                       int64_t padBegin, int64_t padEnd,
                                       bool ceilMode) {
  int64_t span = dilation * (kernel - 1) + 1;
  int64_t room = input + padBegin + padEnd - span;
  if (room < 0)
    return -1;
  int64_t out = (ceilMode ? (room + stride - 1) / stride : room / stride) + 1;
  // A window may not start in the trailing padding (the rule of PyTorch and
  // ONNX Runtime for ceil_mode).
  if (ceilMode && (out - 1) * stride >= input + padBegin)
    --out;
  return out;
}

std::string edgec::graph::formatShape(ArrayRef<int64_t> shape) {
  std::string text = "[";
  for (size_t i = 0; i < shape.size(); ++i)
    text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + "]";
}

LogicalResult edgec::graph::inferWindowShape(
    std::optional<Location> loc, ArrayRef<int64_t> inputSpatial,
    ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
    ArrayRef<int64_t> dilations, ArrayRef<int64_t> pads, bool ceilMode,
    SmallVectorImpl<int64_t> &outShape) {
  size_t rank = inputSpatial.size();
  if (kernel.size() != rank || strides.size() != rank ||
      dilations.size() != rank || pads.size() != 2 * rank)
    return emitOptionalError(
        loc, "expected ", rank, " kernel sizes, strides and dilations and ",
        2 * rank, " pads for ", rank, " spatial dimensions, got ",
        kernel.size(), ", ", strides.size(), ", ", dilations.size(), " and ",
        pads.size());
  for (size_t i = 0; i < rank; ++i) {
    if (kernel[i] < 1)
      return emitOptionalError(loc, "kernel size ", kernel[i],
                               " is not positive");
    if (strides[i] < 1)
      return emitOptionalError(loc, "stride ", strides[i], " is not positive");
    if (dilations[i] < 1)
      return emitOptionalError(loc, "dilation ", dilations[i],
                               " is not positive");
    if (pads[i] < 0 || pads[i + rank] < 0)
      return emitOptionalError(loc, "pads ", formatShape(pads),
                               " must not be negative");
    int64_t out =
        windowOutputSize(inputSpatial[i], kernel[i], strides[i], dilations[i],
                         pads[i], pads[i + rank], ceilMode);
    if (out < 1)
      return emitOptionalError(
          loc, "window of size ", kernel[i], " (dilation ", dilations[i],
          ") does not fit spatial dimension ", i, " of size ", inputSpatial[i],
          " with pads ", pads[i], " and ", pads[i + rank]);
    outShape.push_back(out);
  }
  return success();
}

/// What edge.conv and edge.conv_transpose ask of their operands: an input
/// [N, C, spatial...] with 1 to 3 spatial dimensions and a weight of its
/// rank.
static LogicalResult checkWindowOperands(std::optional<Location> loc,
                                         RankedTensorType input,
                                         RankedTensorType weight) {
  int64_t rank = input.getRank();
  if (rank < 3 || rank > 5)
    return emitOptionalError(loc,
                             "input must be [N, C, spatial...] with 1 "
                             "to 3 spatial dimensions, got rank ",
                             rank);
  if (weight.getRank() != rank)
    return emitOptionalError(loc, "weight of rank ", weight.getRank(),
                             " does not match input of rank ", rank);
  return success();
}

/// A bias, where there is one, holds one value per filter.
static LogicalResult checkBias(std::optional<Location> loc, Value bias,
                               int64_t filters) {
  if (!bias)
    return success();
  auto biasType = cast<RankedTensorType>(bias.getType());
  if (biasType.getRank() != 1 || biasType.getDimSize(0) != filters)
    return emitOptionalError(loc, "bias shape ",
                             formatShape(biasType.getShape()),
                             " does not match ", filters, " filters");
  return success();
}

LogicalResult ConvOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &types) {
  auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
  auto weightType = cast<RankedTensorType>(adaptor.getWeight().getType());
  if (failed(checkWindowOperands(loc, inputType, weightType)))
    return failure();
  int64_t rank = inputType.getRank();
  ArrayRef<int64_t> in = inputType.getShape(), w = weightType.getShape();
  int64_t group = static_cast<int64_t>(adaptor.getGroup());
  if (group < 1)
    return emitOptionalError(loc, "group ", group, " is not positive");
  if (in[1] % group != 0 || w[0] % group != 0)
    return emitOptionalError(loc, "group ", group,
                             " does not divide the input channels ", in[1],
                             " and the filters ", w[0]);
  if (w[1] * group != in[1])
    return emitOptionalError(
        loc, "weight shape ", formatShape(w), " takes ", w[1],
        " input channels per group, so ", w[1] * group, " with group = ", group,
        ", but the input ", formatShape(in), " has ", in[1]);
  if (failed(checkBias(loc, adaptor.getBias(), w[0])))
    return failure();
  SmallVector<int64_t> shape = {in[0], w[0]};
  if (failed(inferWindowShape(loc, in.drop_front(2), w.drop_front(2),
                              adaptor.getStrides(), adaptor.getDilations(),
                              adaptor.getPads(), /*ceilMode=*/false, shape)))
    return failure();
  types.push_back(RankedTensorType::get(shape, inputType.getElementType()));
  return success();
}

bool ConvOp::isDepthwise() {
  int64_t channels = getInput().getType().getDimSize(1);
  return static_cast<int64_t>(getGroup()) == channels &&
         getWeight().getType().getDimSize(1) == 1;
}

LogicalResult ConvTransposeOp::inferReturnTypes(MLIRContext *,
                                                std::optional<Location> loc,
                                                Adaptor adaptor,
                                                SmallVectorImpl<Type> &types) {
  auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
  auto weightType = cast<RankedTensorType>(adaptor.getWeight().getType());
  if (failed(checkWindowOperands(loc, inputType, weightType)))
    return failure();
  int64_t rank = inputType.getRank();
  ArrayRef<int64_t> in = inputType.getShape(), w = weightType.getShape();
  int64_t group = static_cast<int64_t>(adaptor.getGroup());
  if (group < 1 || in[1] % group != 0)
    return emitOptionalError(loc, "group ", group,
                             " does not divide the input channels ", in[1]);
  if (w[0] != in[1])
    return emitOptionalError(loc, "weight shape ", formatShape(w), " is for ",
                             w[0], " input channels, but the input ",
                             formatShape(in), " has ", in[1]);
  int64_t filters = w[1] * group;
  if (failed(checkBias(loc, adaptor.getBias(), filters)))
    return failure();
  size_t r = rank - 2;
  ArrayRef<int64_t> strides = adaptor.getStrides(),
                    dilations = adaptor.getDilations(),
                    pads = adaptor.getPads(),
                    outputPadding = adaptor.getOutputPadding();
  if (strides.size() != r || dilations.size() != r || pads.size() != 2 * r ||
      outputPadding.size() != r)
    return emitOptionalError(loc, "expected ", r,
                             " strides, dilations and output paddings and ",
                             2 * r, " pads for ", r, " spatial dimensions");
  SmallVector<int64_t> shape = {in[0], filters};
  for (size_t i = 0; i < r; ++i) {
    if (strides[i] < 1 || dilations[i] < 1)
      return emitOptionalError(loc, "strides ", formatShape(strides),
                               " and dilations ", formatShape(dilations),
                               " must be positive");
    // ONNX: output padding below the stride (or the dilation), so that it
    // only completes a last partial step.
    if (outputPadding[i] < 0 ||
        outputPadding[i] >= std::max(strides[i], dilations[i]))
      return emitOptionalError(loc, "output_padding ",
                               formatShape(outputPadding),
                               " must be below the strides ",
                               formatShape(strides), " or the dilations");
    int64_t out = strides[i] * (in[2 + i] - 1) + outputPadding[i] +
                  dilations[i] * (w[2 + i] - 1) + 1 - pads[i] - pads[i + r];
    if (out < 1)
      return emitOptionalError(loc, "pads ", formatShape(pads),
                               " crop spatial dimension ", i, " to nothing");
    shape.push_back(out);
  }
  types.push_back(RankedTensorType::get(shape, inputType.getElementType()));
  return success();
}
