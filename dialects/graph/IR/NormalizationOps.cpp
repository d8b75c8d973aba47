//===- NormalizationOps.cpp - edge.batch_norm and edge.softmax ------------===//

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
