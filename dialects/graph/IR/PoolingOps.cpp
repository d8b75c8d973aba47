//===- PoolingOps.cpp - Pooling ops of the edge dialect -------------------===//

#include "dialects/graph/IR/GraphOps.h"
#include "dialects/graph/IR/ShapeHelpers.h"
#include "mlir/IR/Diagnostics.h"

using namespace mlir;
using namespace edgec::graph;

namespace {

LogicalResult inferPool(std::optional<Location> loc, Value input,
                        ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
                        ArrayRef<int64_t> dilations, ArrayRef<int64_t> pads,
                        bool ceilMode, SmallVectorImpl<Type> &types) {
  auto type = cast<RankedTensorType>(input.getType());
  if (type.getRank() < 3)
    return emitOptionalError(loc, "input must be [N, C, spatial...], got rank ",
                             type.getRank());
  ArrayRef<int64_t> shape = type.getShape();
  SmallVector<int64_t> result(shape.take_front(2));
  if (failed(inferWindowShape(loc, shape.drop_front(2), kernel, strides,
                              dilations, pads, ceilMode, result)))
    return failure();
  // A window lying wholly in the padding would have nothing to reduce. This
  // comes after the attribute checks, so that a kernel size of 0 is reported
  // as such rather than as a window smaller than its pads.
  for (size_t i = 0, e = kernel.size(); i < e; ++i) {
    int64_t span = dilations[i] * (kernel[i] - 1) + 1;
    if (pads[i] >= span || pads[i + e] >= span)
      return emitOptionalError(loc, "pads ", formatShape(pads),
                               " must be smaller than the window ",
                               formatShape(kernel));
  }
  types.push_back(RankedTensorType::get(result, type.getElementType()));
  return success();
}

} // namespace

LogicalResult MaxPoolOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &types) {
  return inferPool(loc, adaptor.getInput(), adaptor.getKernelShape(),
                   adaptor.getStrides(), adaptor.getDilations(),
                   adaptor.getPads(), adaptor.getCeilMode(), types);
}

LogicalResult AveragePoolOp::inferReturnTypes(MLIRContext *,
                                              std::optional<Location> loc,
                                              Adaptor adaptor,
                                              SmallVectorImpl<Type> &types) {
  SmallVector<int64_t> dilations(adaptor.getKernelShape().size(), 1);
  return inferPool(loc, adaptor.getInput(), adaptor.getKernelShape(),
                   adaptor.getStrides(), dilations, adaptor.getPads(),
                   adaptor.getCeilMode(), types);
}

LogicalResult LpPoolOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  SmallVector<int64_t> dilations(adaptor.getKernelShape().size(), 1);
  return inferPool(loc, adaptor.getInput(), adaptor.getKernelShape(),
                   adaptor.getStrides(), dilations, adaptor.getPads(),
                   /*ceilMode=*/false, types);
}

static LogicalResult inferGlobalPool(std::optional<Location> loc, Value input,
                                     SmallVectorImpl<Type> &types) {
  auto type = cast<RankedTensorType>(input.getType());
  if (type.getRank() < 3)
    return emitOptionalError(loc, "input must be [N, C, spatial...], got rank ",
                             type.getRank());
  SmallVector<int64_t> shape(type.getShape());
  std::fill(shape.begin() + 2, shape.end(), 1);
  types.push_back(RankedTensorType::get(shape, type.getElementType()));
  return success();
}

LogicalResult GlobalAveragePoolOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<Type> &types) {
  return inferGlobalPool(loc, adaptor.getInput(), types);
}

LogicalResult GlobalMaxPoolOp::inferReturnTypes(MLIRContext *,
                                                std::optional<Location> loc,
                                                Adaptor adaptor,
                                                SmallVectorImpl<Type> &types) {
  return inferGlobalPool(loc, adaptor.getInput(), types);
}

LogicalResult GlobalLpPoolOp::inferReturnTypes(MLIRContext *,
                                               std::optional<Location> loc,
                                               Adaptor adaptor,
                                               SmallVectorImpl<Type> &types) {
  return inferGlobalPool(loc, adaptor.getInput(), types);
}
