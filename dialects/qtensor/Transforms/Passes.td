//===- Passes.td - Transforms of the qtensor dialect --------*- tablegen -*-===//

#ifndef EDGEC_QTENSOR_TRANSFORMS
#define EDGEC_QTENSOR_TRANSFORMS

include "mlir/Pass/PassBase.td"

def FuseIntegerOps : Pass<"qtensor-fuse-integer-ops", "mlir::func::FuncOp"> {
  let summary = "Fold dequantize -> conv -> quantize chains into integer ops";
  let description = [{
    A 2-D `edge.conv` whose input and filter are dequantized int8/uint8
    tensors (per-tensor input, symmetric per-tensor or per-output-channel
    int8 filter held in a constant) becomes `qtensor.conv`: int8 x int8
    products summed in int32, the float bias moved onto the int32 grid of
    input scale x filter scale.

    Where the convolution's only use is a `quantize` (through an optional
    `edge.relu` or constant `edge.clip`, also single-use), a
    `qtensor.rescale` with fixed-point multipliers (input scale x filter
    scale / output scale per channel) produces the quantized result
    directly, and the activation becomes its clamp bounds: the layer runs
    as integer code from end to end. Otherwise the accumulators are
    dequantized (`cast`, then one multiply per channel) for the float ops
    that follow.

    Integer ops take signed int8; uint8 tensors pass through an exact shift
    by 128 (zero points shifted alike). Anything else (grouped convolutions
    other than depthwise, non-zero filter zero points, filters computed at
    run time, 1-D or 3-D convolutions) keeps its float form, which
    `convert-qtensor-to-graph` expands.
  }];
  let dependentDialects = ["::edgec::graph::GraphDialect"];
}

#endif // EDGEC_QTENSOR_TRANSFORMS
