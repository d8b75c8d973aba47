//===- ConvBase.td - The conv dialect ----------------------*- tablegen -*-===//
//
// Convolutions as the algorithms that compute them. Where the graph dialect
// says *what* a model computes (ONNX's NCHW convolution), this dialect says
// *how*: a direct loop nest, a depthwise one, a pointwise GEMM, im2col plus
// GEMM, or Winograd, on channels-last (NHWC) tensors, with the bias,
// residual addition and activation that follow folded into the kernel.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_CONV_BASE
#define EDGEC_CONV_BASE

include "mlir/IR/OpBase.td"

def Conv_Dialect : Dialect {
  let name = "conv";
  let cppNamespace = "::edgec::conv";
  let summary = "Convolution algorithms on channels-last tensors";
  let description = [{
    Every op of this dialect is one way of computing a 2-D convolution with
    a fused epilogue:

        output = activation(conv(input, filter) + bias + residual)

    on an NHWC `input`, written into `init` (destination-passing style, like
    linalg: on tensors the op returns the result, on memrefs it writes
    `init`). The algorithm is the op; its tile sizes are the op's
    `edgec.schedule`. `conv-select-algorithm` picks an op per convolution and
    per target, and an autotuner may change that choice.

    Activations: `none`, `relu`, `clip` (between `clip_min` and `clip_max`;
    ReLU6 is `clip` 0..6), `hardswish`, `sigmoid` and `silu` (x * sigmoid(x)).
  }];
  let dependentDialects = ["::mlir::tensor::TensorDialect"];
}

#endif // EDGEC_CONV_BASE
