//===- ReductionOps.td - Reductions ------------------------*- tablegen -*-===//

#ifndef EDGEC_GRAPH_REDUCTION_OPS
#define EDGEC_GRAPH_REDUCTION_OPS

include "dialects/graph/IR/GraphBase.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

#endif // EDGEC_GRAPH_REDUCTION_OPS
