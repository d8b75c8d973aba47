//===- ConstantOps.cpp - edge.constant ------------------------------------===//

#include "dialects/graph/IR/GraphOps.h"

using namespace mlir;
using namespace edgec::graph;

LogicalResult ConstantOp::inferReturnTypes(MLIRContext *,
                                           std::optional<Location>,
                                           Adaptor adaptor,
                                           SmallVectorImpl<Type> &types) {
  types.push_back(adaptor.getValue().getType());
  return success();
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }
