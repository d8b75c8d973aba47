//===- GraphOps.td - Operations of the edge graph dialect --*- tablegen -*-===//
//
// One file per op family; each has a C++ file of the same name holding what
// ODS cannot say (shape rules, verifiers, folders).
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_GRAPH_OPS
#define EDGEC_GRAPH_OPS

include "dialects/graph/IR/ConstantOps.td"
include "dialects/graph/IR/ConvOps.td"
include "dialects/graph/IR/DataMovementOps.td"
include "dialects/graph/IR/ElementwiseOps.td"
include "dialects/graph/IR/MatrixOps.td"
include "dialects/graph/IR/NormalizationOps.td"
include "dialects/graph/IR/PoolingOps.td"
include "dialects/graph/IR/ReductionOps.td"

#endif // EDGEC_GRAPH_OPS
