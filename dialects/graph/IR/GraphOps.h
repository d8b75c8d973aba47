//===- GraphOps.h - Operations of the edge graph dialect --------*- C++ -*-===//

#ifndef EDGEC_DIALECTS_GRAPH_IR_GRAPHOPS_H
#define EDGEC_DIALECTS_GRAPH_IR_GRAPHOPS_H

#include "dialects/graph/IR/GraphDialect.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace edgec::graph {
/// See Graph_BroadcastElementwise in GraphBase.td.
template <typename ConcreteType>
class BroadcastElementwise
    : public mlir::OpTrait::TraitBase<ConcreteType, BroadcastElementwise> {};
} // namespace edgec::graph

#define GET_OP_CLASSES
#include "dialects/graph/IR/GraphOps.h.inc"

namespace edgec::graph {

/// Output extent of one spatial dimension of a sliding window (convolution
/// or pooling), or a negative number when the window does not fit.
int64_t windowOutputSize(int64_t input, int64_t kernel, int64_t stride,
                         int64_t dilation, int64_t padBegin, int64_t padEnd,
                         bool ceilMode);

/// The elements of `input` with dimensions permuted (result dimension i is
/// input dimension perm[i]); null for booleans, which are bit-packed.
mlir::DenseElementsAttr permuteConstant(mlir::DenseElementsAttr input,
                                        llvm::ArrayRef<int64_t> perm);

} // namespace edgec::graph

#endif // EDGEC_DIALECTS_GRAPH_IR_GRAPHOPS_H
