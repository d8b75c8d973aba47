//===- NormalizationOps.cpp - Normalization ops of the edge dialect -------===//

#include "dialects/graph/IR/GraphOps.h"
#include "dialects/graph/IR/ShapeHelpers.h"
#include "mlir/IR/Diagnostics.h"

using namespace mlir;
using namespace edgec::graph;

LogicalResult BatchNormOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  auto type = cast<RankedTensorType>(adaptor.getInput().getType());
  if (type.getRank() < 2)
    return emitOptionalError(loc, "input must be [N, C, ...], got rank ",
                             type.getRank());
  int64_t channels = type.getDimSize(1);
  const char *names[] = {"scale", "bias", "mean", "variance"};
  Value params[] = {adaptor.getScale(), adaptor.getBias(), adaptor.getMean(),
                    adaptor.getVariance()};
  for (auto [name, param] : llvm::zip(names, params)) {
    ArrayRef<int64_t> shape =
        cast<RankedTensorType>(param.getType()).getShape();
    if (shape.size() != 1 || shape[0] != channels)
      return emitOptionalError(loc, name, " of shape ", formatShape(shape),
                               " does not match ", channels, " channels");
  }
  types.push_back(type);
  return success();
}

LogicalResult SoftmaxOp::verify() {
  if (static_cast<int64_t>(getAxis()) >= getInput().getType().getRank())
    return emitOpError("axis ") << getAxis() << " is out of range for rank "
                                << getInput().getType().getRank();
  return success();
}

namespace {

LogicalResult verifyAxis(Operation *op, uint64_t axis, Type type) {
  int64_t rank = cast<RankedTensorType>(type).getRank();
  if (static_cast<int64_t>(axis) >= rank)
    return op->emitOpError("axis ")
           << axis << " is out of range for rank " << rank;
  return success();
}

/// Whether `param` broadcasts to `shape` (numpy rules) without growing it.
bool broadcastsTo(Value param, ArrayRef<int64_t> shape) {
  ArrayRef<int64_t> own = cast<RankedTensorType>(param.getType()).getShape();
  if (own.size() > shape.size())
    return false;
  size_t offset = shape.size() - own.size();
  for (size_t i = 0; i < own.size(); ++i)
    if (own[i] != 1 && own[i] != shape[offset + i])
      return false;
  return true;
}

} // namespace

LogicalResult LogSoftmaxOp::verify() {
  return verifyAxis(*this, getAxis(), getInput().getType());
}

LogicalResult HardmaxOp::verify() {
  return verifyAxis(*this, getAxis(), getInput().getType());
}

LogicalResult LpNormOp::verify() {
  return verifyAxis(*this, getAxis(), getInput().getType());
}

LogicalResult LayerNormOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  auto type = cast<RankedTensorType>(adaptor.getInput().getType());
  int64_t axis = adaptor.getAxis(), rank = type.getRank();
  if (axis >= rank)
    return emitOptionalError(loc, "axis ", axis, " is out of range for rank ",
                             rank);
  ArrayRef<int64_t> normalized = type.getShape().drop_front(axis);
  for (auto [name, param] : {std::pair{"scale", adaptor.getScale()},
                             std::pair{"bias", adaptor.getBias()}}) {
    if (param && !broadcastsTo(param, normalized))
      return emitOptionalError(
          loc, name, " of shape ",
          formatShape(cast<RankedTensorType>(param.getType()).getShape()),
          " does not broadcast to the normalized shape ",
          formatShape(normalized));
  }
  SmallVector<int64_t> statShape(type.getShape());
  std::fill(statShape.begin() + axis, statShape.end(), 1);
  auto statType = RankedTensorType::get(statShape, type.getElementType());
  types.append({type, statType, statType});
  return success();
}

LogicalResult InstanceNormOp::inferReturnTypes(MLIRContext *,
                                               std::optional<Location> loc,
                                               Adaptor adaptor,
                                               SmallVectorImpl<Type> &types) {
  auto type = cast<RankedTensorType>(adaptor.getInput().getType());
  if (type.getRank() < 3)
    return emitOptionalError(loc, "input must be [N, C, spatial...], got rank ",
                             type.getRank());
  int64_t channels = type.getDimSize(1);
  for (auto [name, param] : {std::pair{"scale", adaptor.getScale()},
                             std::pair{"bias", adaptor.getBias()}}) {
    ArrayRef<int64_t> shape =
        cast<RankedTensorType>(param.getType()).getShape();
    if (shape.size() != 1 || shape[0] != channels)
      return emitOptionalError(loc, name, " of shape ", formatShape(shape),
                               " does not match ", channels, " channels");
  }
  types.push_back(type);
  return success();
}

LogicalResult MeanVarianceNormOp::verify() {
  ArrayRef<int64_t> axes = getAxes();
  int64_t rank = getInput().getType().getRank();
  for (size_t i = 0, e = axes.size(); i < e; ++i) {
    if (axes[i] < 0 || axes[i] >= rank)
      return emitOpError("axis ")
             << axes[i] << " is out of range for rank " << rank;
    if (i > 0 && axes[i] <= axes[i - 1])
      return emitOpError("axes ")
             << formatShape(axes) << " must be strictly increasing";
  }
  return success();
}

LogicalResult LRNOp::verify() {
  if (getInput().getType().getRank() < 2)
    return emitOpError("input must be [N, C, ...], got rank ")
           << getInput().getType().getRank();
  return success();
}
