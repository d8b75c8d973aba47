//===- ConvOps.cpp - Operations of the conv dialect -----------------------===//

#include "dialects/conv/IR/ConvOps.h"

#include "dialects/graph/IR/GraphOps.h"
#include "dialects/graph/IR/ShapeHelpers.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace edgec::conv;
using edgec::graph::formatShape;

#include "dialects/conv/IR/ConvDialect.cpp.inc"

void ConvDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "dialects/conv/IR/ConvOps.cpp.inc"
      >();
}

bool edgec::conv::isKnownActivation(StringRef name) {
  return llvm::is_contained(
      {"none", "relu", "clip", "hardswish", "sigmoid", "silu"}, name);
}

namespace {

ArrayRef<int64_t> shapeOf(Value v) {
  return cast<ShapedType>(v.getType()).getShape();
}

/// Shared by every algorithm; `op` is any conv op.
template <typename OpTy>
LogicalResult verifyAlgorithm(OpTy op, int64_t kernelH, int64_t kernelW,
                              int64_t channels, int64_t filters) {
  for (Value v : op->getOperands()) {
    auto type = cast<ShapedType>(v.getType());
    if (!type.hasStaticShape() || !type.getElementType().isF32())
      return op.emitOpError("operands must be statically shaped float32, not ")
             << v.getType();
  }
  bool tensors = isa<RankedTensorType>(op.getInit().getType());
  for (Value v : op->getOperands())
    if (isa<RankedTensorType>(v.getType()) != tensors)
      return op.emitOpError("operands must be all tensors or all memrefs");
  if (tensors != (op.getResult().size() == 1) ||
      (tensors && op.getResult()[0].getType() != op.getInit().getType()))
    return op.emitOpError("has one result, of the init's type, exactly when "
                          "it works on tensors");
  ArrayRef<int64_t> in = shapeOf(op.getInput());
  ArrayRef<int64_t> out = shapeOf(op.getInit());
  if (in.size() != 4 || out.size() != 4)
    return op.emitOpError("input and init must be NHWC (rank 4)");
  if (in[3] != channels)
    return op.emitOpError("the filter expects ")
           << channels << " input channels but the input " << formatShape(in)
           << " has " << in[3];
  SmallVector<int64_t> expected = {in[0]};
  ArrayRef<int64_t> pads = op.getPads();
  if (op.getStrides().size() != 2 || op.getDilations().size() != 2 ||
      pads.size() != 4)
    return op.emitOpError("needs 2 strides, 2 dilations and 4 pads");
  if (failed(edgec::graph::inferWindowShape(
          op.getLoc(), in.slice(1, 2), {kernelH, kernelW}, op.getStrides(),
          op.getDilations(), pads, /*ceilMode=*/false, expected)))
    return failure();
  expected.push_back(filters);
  if (ArrayRef<int64_t>(expected) != out)
    return op.emitOpError("init of shape ")
           << formatShape(out) << " should be " << formatShape(expected);
  if (Value bias = op.getBias())
    if (shapeOf(bias) != ArrayRef<int64_t>{filters})
      return op.emitOpError("bias of shape ")
             << formatShape(shapeOf(bias)) << " should be [" << filters << "]";
  if (Value residual = op.getResidual())
    if (shapeOf(residual) != out)
      return op.emitOpError("residual of shape ")
             << formatShape(shapeOf(residual)) << " should be "
             << formatShape(out);
  StringRef activation = op.getActivation();
  if (!isKnownActivation(activation))
    return op.emitOpError("unknown activation '") << activation << "'";
  if ((activation == "clip") !=
      (op.getClipMin().has_value() && op.getClipMax().has_value()))
    return op.emitOpError("clip_min and clip_max go with activation 'clip'");
  return success();
}

template <typename OpTy>
void addEffects(
    OpTy op, SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>
                 &effects) {
  if (!op.hasBufferSemantics())
    return;
  for (OpOperand &operand : op->getOpOperands()) {
    effects.emplace_back(MemoryEffects::Read::get(), &operand,
                         SideEffects::DefaultResource::get());
    if (&operand == &op.getInitMutable())
      effects.emplace_back(MemoryEffects::Write::get(), &operand,
                           SideEffects::DefaultResource::get());
  }
}

} // namespace

#define EDGEC_CONV_EFFECTS(OP)                                                 \
  void OP::getEffects(                                                         \
      SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>      \
          &effects) {                                                          \
    addEffects(*this, effects);                                                \
  }
EDGEC_CONV_EFFECTS(DirectOp)
EDGEC_CONV_EFFECTS(DepthwiseOp)
EDGEC_CONV_EFFECTS(PointwiseOp)
EDGEC_CONV_EFFECTS(Im2colOp)
EDGEC_CONV_EFFECTS(WinogradOp)
EDGEC_CONV_EFFECTS(IntegerOp)
#undef EDGEC_CONV_EFFECTS

LogicalResult DirectOp::verify() {
  ArrayRef<int64_t> w = shapeOf(getFilter());
  int64_t group = static_cast<int64_t>(getGroup());
  if (getPacked()) {
    int64_t filters = shapeOf(getInit()).back();
    if (w.size() != 6 || w[5] < 1 || w[0] != group || filters % group != 0 ||
        w[1] != (filters / group + w[5] - 1) / w[5])
      return emitOpError("packed filter ")
             << formatShape(w) << " is not [group, ceil(F / group / T), KH, "
             << "KW, C / group, T] for " << filters << " filters";
    return verifyAlgorithm(*this, w[2], w[3], w[4] * group, filters);
  }
  if (w.size() != 4)
    return emitOpError("filter must be [KH, KW, C / group, F]");
  if (w[3] % group != 0)
    return emitOpError("group ")
           << group << " does not divide the " << w[3] << " filters";
  return verifyAlgorithm(*this, w[0], w[1], w[2] * group, w[3]);
}

LogicalResult DepthwiseOp::verify() {
  ArrayRef<int64_t> w = shapeOf(getFilter());
  if (w.size() != 3)
    return emitOpError("filter must be [KH, KW, C]");
  return verifyAlgorithm(*this, w[0], w[1], w[2], w[2]);
}

LogicalResult PointwiseOp::verify() {
  ArrayRef<int64_t> w = shapeOf(getFilter());
  if (w.size() != 2)
    return emitOpError("filter must be [C, F]");
  if (llvm::any_of(getStrides(), [](int64_t s) { return s != 1; }) ||
      llvm::any_of(getDilations(), [](int64_t d) { return d != 1; }) ||
      llvm::any_of(getPads(), [](int64_t p) { return p != 0; }))
    return emitOpError("has unit strides and dilations and no padding");
  return verifyAlgorithm(*this, 1, 1, w[0], w[1]);
}

LogicalResult Im2colOp::verify() {
  ArrayRef<int64_t> w = shapeOf(getFilter());
  if (w.size() != 4)
    return emitOpError("filter must be [KH, KW, C, F]");
  return verifyAlgorithm(*this, w[0], w[1], w[2], w[3]);
}

LogicalResult WinogradOp::verify() {
  ArrayRef<int64_t> w = shapeOf(getFilter());
  if (w.size() != 4 || w[0] != 3 || w[1] != 3)
    return emitOpError("filter must be [3, 3, C, F]");
  if (getTile() != 2 && getTile() != 4)
    return emitOpError("tile must be 2 or 4, not ") << getTile();
  if (llvm::any_of(getStrides(), [](int64_t s) { return s != 1; }) ||
      llvm::any_of(getDilations(), [](int64_t d) { return d != 1; }))
    return emitOpError("needs unit strides and dilations");
  return verifyAlgorithm(*this, 3, 3, w[2], w[3]);
}

LogicalResult IntegerOp::verify() {
  auto elementIs = [](Value v, unsigned width) {
    auto type = cast<ShapedType>(v.getType());
    return type.hasStaticShape() &&
           type.getElementType().isSignlessInteger(width);
  };
  bool requantizes = getMultiplier() != nullptr;
  if (requantizes != (getShift() != nullptr))
    return emitOpError("takes a multiplier and a shift together");
  if (!elementIs(getInput(), 8) || !elementIs(getFilter(), 8) ||
      (getBias() && !elementIs(getBias(), 32)) ||
      (requantizes &&
       (!elementIs(getMultiplier(), 32) || !elementIs(getShift(), 32))) ||
      !elementIs(getInit(), requantizes ? 8 : 32))
    return emitOpError("needs int8 input and filter, int32 bias and "
                       "requantization vectors, and an init of ")
           << (requantizes ? "int8 (requantized)" : "int32 (accumulators)");
  bool tensors = isa<RankedTensorType>(getInit().getType());
  for (Value v : getOperands())
    if (isa<RankedTensorType>(v.getType()) != tensors)
      return emitOpError("operands must be all tensors or all memrefs");
  if (tensors != (getResult().size() == 1))
    return emitOpError("has one result exactly when it works on tensors");
  ArrayRef<int64_t> in = shapeOf(getInput()), out = shapeOf(getInit());
  ArrayRef<int64_t> w = shapeOf(getFilter());
  if (in.size() != 4 || out.size() != 4)
    return emitOpError("input and init must be NHWC (rank 4)");
  int64_t kernelH, kernelW;
  bool packedDense = getPacked() && !getDepthwise();
  if (packedDense ? w.size() != 6 : w.size() != (getDepthwise() ? 3u : 4u))
    return emitOpError("filter ")
           << formatShape(w) << " does not have the layout its attributes "
           << "describe";
  kernelH = w[packedDense ? 1 : 0];
  kernelW = w[packedDense ? 2 : 1];
  int64_t channels = in[3], filters = out[3];
  bool fits =
      getDepthwise()
          ? filters == channels && w[2] >= channels
          : (packedDense ? w[3] * 4 >= channels && w[0] * w[4] >= filters
                         : w[2] == channels && w[3] == filters);
  if (!fits)
    return emitOpError("filter ")
           << formatShape(w) << " does not fit input " << formatShape(in)
           << " and init " << formatShape(out);
  SmallVector<int64_t> expected = {in[0]};
  if (getStrides().size() != 2 || getDilations().size() != 2 ||
      getPads().size() != 4)
    return emitOpError("needs 2 strides, 2 dilations and 4 pads");
  if (failed(edgec::graph::inferWindowShape(
          getLoc(), in.slice(1, 2), {kernelH, kernelW}, getStrides(),
          getDilations(), getPads(), /*ceilMode=*/false, expected)))
    return failure();
  expected.push_back(filters);
  if (ArrayRef<int64_t>(expected) != out)
    return emitOpError("init of shape ")
           << formatShape(out) << " should be " << formatShape(expected);
  for (Value v : {getBias(), getMultiplier(), getShift()})
    if (v && (shapeOf(v).size() != 1 || shapeOf(v)[0] < filters))
      return emitOpError("bias and requantization vectors need ")
             << filters << " entries";
  return success();
}

#define GET_OP_CLASSES
#include "dialects/conv/IR/ConvOps.cpp.inc"
