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
    `edge.conv_transpose` becomes stride-1 `edge.conv`s, which then get an
    algorithm and a kernel like any other. Each group's filters have their
    input and output channels swapped (reshape, transpose, reshape) and are
    read backwards in space (a slice with stride -1); all of it folds for
    constant weights.

    Strided ops take the sub-pixel form: output phase `p` (the results at
    `stride * q + p` in each spatial dimension) is a stride-1 convolution of
    the input with the kernel taps `p, p + stride, ...`, padded to a common
    length; the phases interleave through a concatenation on unit
    dimensions and a reshape, and the op's pads crop. No multiplication
    meets an inserted zero.

    Where that does not apply (dilation, a stride above the kernel, or a
    negative pad from an `output_shape` beyond the full result), the input
    gets `stride - 1` zeros between its elements (a unit dimension after
    each spatial one, zero-padded to the stride, merged back) and one
    convolution runs over it, padded by `dilation * (kernel - 1)` minus the
    crop on each side (crops beyond that become a negative `edge.pad`).
  }];
}

#endif // EDGEC_GRAPH_PASSES
