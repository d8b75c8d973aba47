//===- Passes.td - Passes of the qtensor dialect ------------*- tablegen -*-===//

#ifndef EDGEC_QTENSOR_PASSES
#define EDGEC_QTENSOR_PASSES

include "mlir/Pass/PassBase.td"

def ConvertQTensorToGraph : Pass<"convert-qtensor-to-graph", "mlir::ModuleOp"> {
  let summary = "Expand quantize, dequantize and requantize into graph arithmetic";
  let description = [{
    Replaces every quantized tensor by a tensor of its storage type (int8
    or uint8) and every qtensor op by the graph arithmetic that defines it,
    with the scales and zero points as float32 constants (per axis: shaped
    to broadcast along the quantized dimension):

        quantize:   cast(clip(round(x / scale) + zero_point, qmin, qmax))
        dequantize: (cast(q) - zero_point) * scale
        requantize: quantize(dequantize(q))

    `edge.round` takes halves to even and `edge.clip` saturates before the
    cast, so the integers are ONNX's exactly. Zero points of 0 add nothing.
    Dequantized constants (QDQ models' int8 weights) then fold into float32
    constants.

    A function whose signature holds a quantized tensor is rejected: the
    importer gives models storage-typed inputs and outputs.
  }];
  let dependentDialects = ["::edgec::graph::GraphDialect"];
}

#endif // EDGEC_QTENSOR_PASSES
