//===- ConvOps.td - Convolutions of the edge dialect -------*- tablegen -*-===//

#ifndef EDGEC_GRAPH_CONV_OPS
#define EDGEC_GRAPH_CONV_OPS

include "dialects/graph/IR/GraphBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Convolution
//===----------------------------------------------------------------------===//

def Graph_ConvOp : Graph_Op<"conv", [Pure, InferTypeOpAdaptor]> {
  let summary = "Grouped, strided, dilated, padded convolution (NC[D]HW)";
  let description = [{
    The convolution of ONNX `Conv`, in channels-first layout:
    `input` is `[N, C, spatial...]`, `weight` is `[F, C / group, kernel...]`,
    the optional `bias` is `[F]`, and the result is `[N, F, out...]` with

        out[i] = floor((in[i] + pads[i] + pads[i + r] - dilations[i] *
                        (kernel[i] - 1) - 1) / strides[i]) + 1

    for `r` spatial dimensions. `pads` lists the leading pads of every
    spatial dimension, then the trailing ones, as ONNX does.
  }];
  let arguments = (ins Graph_FloatTensor:$input, Graph_FloatTensor:$weight,
                   Optional<Graph_FloatTensor>:$bias,
                   DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$dilations,
                   DenseI64ArrayAttr:$pads,
                   ConfinedAttr<I64Attr, [IntPositive]>:$group);
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let extraClassDeclaration = [{
    /// Number of spatial dimensions (1 for 1-D, 2 for 2-D convolution).
    int64_t getNumSpatialDims() {
      return getInput().getType().getRank() - 2;
    }
    /// True when every input channel has a filter of its own.
    bool isDepthwise();
  }];
}

def Graph_ConvTransposeOp
    : Graph_Op<"conv_transpose", [Pure, InferTypeOpAdaptor]> {
  let summary = "Transposed (fractionally strided) convolution (NC[D]HW)";
  let description = [{
    ONNX `ConvTranspose`, the gradient of `edge.conv` with respect to its
    input: every input value scatters `value * weight` into the output
    window it maps to. `input` is `[N, C, spatial...]`, `weight` is
    `[C, F / group, kernel...]`, the optional `bias` is `[F]`, and the
    result is `[N, F, out...]` with

        out[i] = strides[i] * (in[i] - 1) + output_padding[i] +
                 dilations[i] * (kernel[i] - 1) + 1 - pads[i] - pads[i + r]

    for `r` spatial dimensions. `pads` crop the full result (leading pads of
    every spatial dimension, then the trailing ones; a negative pad extends
    it instead); `output_padding` adds rows and columns at the end. What
    extends the result is reached by the bias alone. The importer
    resolves ONNX's `output_shape` and `auto_pad` into `pads`.
  }];
  let arguments = (ins Graph_FloatTensor:$input, Graph_FloatTensor:$weight,
                   Optional<Graph_FloatTensor>:$bias,
                   DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$dilations,
                   DenseI64ArrayAttr:$pads, DenseI64ArrayAttr:$output_padding,
                   ConfinedAttr<I64Attr, [IntPositive]>:$group);
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let extraClassDeclaration = [{
    int64_t getNumSpatialDims() {
      return getInput().getType().getRank() - 2;
    }
  }];
}

#endif // EDGEC_GRAPH_CONV_OPS
