//===- Passes.td - Passes of the edge graph dialect --------*- tablegen -*-===//

#ifndef EDGEC_GRAPH_PASSES
#define EDGEC_GRAPH_PASSES

include "mlir/Pass/PassBase.td"

def FoldBatchNorm : Pass<"edge-fold-batch-norm", "mlir::func::FuncOp"> {
  let summary = "Fold inference batch normalization into convolutions";
  let description = [{
    A `edge.batch_norm` with constant parameters that follows an `edge.conv`
    with a constant filter (and no other user) disappears into the conv:
    filter `f` is scaled by `s = scale / sqrt(variance + epsilon)` and the
    bias becomes `(bias - mean) * s + beta`. Any other constant batch norm
    becomes a multiply and an add by per-channel constants, which fuse with
    their neighbours.
  }];
}

def PropagateTransposes : Pass<"edge-propagate-transposes",
                               "mlir::func::FuncOp"> {
  let summary = "Move layout transposes through elementwise ops to cancel";
  let description = [{
    Kernels that want channels-last data sit between `edge.transpose` ops
    that restore the model's layout. This pass moves those transposes down
    through elementwise ops (transposing constant operands at compile time)
    and concatenations, until a transpose meets its inverse and both vanish:
    a chain of convolutions then stays channels-last from end to end.
  }];
}

def DecomposeConvTranspose : Pass<"edge-decompose-conv-transpose",
                                  "mlir::func::FuncOp"> {
  let summary = "Express transposed convolutions as convolutions";
  let description = [{
    `edge.conv_transpose` becomes an `edge.conv` with stride 1 over its
    input with `stride - 1` zeros inserted between elements (a reshape that
    adds a unit dimension after each spatial one, a zero pad of it to the
    stride, and a reshape back), padded by `dilation * (kernel - 1)` minus
    the op's crop on each side (crops beyond that become a negative
    `edge.pad`), with each group's filters transposed and flipped in space
    (reshape, transpose, reshape and a slice with stride -1, which fold for
    constant weights). The convolution then gets its algorithm and kernel
    like any other. The inserted zeros cost `stride^2` times the MACs of a
    sub-pixel decomposition for strided ops; that is a later refinement.
  }];
}

#endif // EDGEC_GRAPH_PASSES
