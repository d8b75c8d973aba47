//===- GraphCanonicalize.td - Rewrites ---------------------*- tablegen -*-===//

#ifndef EDGEC_GRAPH_CANONICALIZE
#define EDGEC_GRAPH_CANONICALIZE

include "mlir/IR/PatternBase.td"
include "dialects/graph/IR/GraphOps.td"

// transpose(transpose(x, inner), outer) reads x through inner[outer[i]].
def ComposePermutations
    : NativeCodeCall<"composePermutations($_builder, $0, $1)">;

def TransposeOfTranspose : Pat<
    (Graph_TransposeOp (Graph_TransposeOp $x, $inner), $outer),
    (Graph_TransposeOp $x, (ComposePermutations $inner, $outer))>;

// Only the last reshape decides the shape.
def ReshapeOfReshape : Pat<
    (Graph_ReshapeOp (Graph_ReshapeOp $x, $inner), $outer),
    (Graph_ReshapeOp $x, $outer)>;

#endif // EDGEC_GRAPH_CANONICALIZE
