//===- QTensorOps.td - Operations of the qtensor dialect ---*- tablegen -*-===//

#ifndef EDGEC_QTENSOR_OPS
#define EDGEC_QTENSOR_OPS

include "dialects/qtensor/IR/QTensorBase.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def QTensor_QuantizeOp : QTensor_Op<"quantize",
    [Pure, SameOperandsAndResultShape]> {
  let summary = "Real numbers to a quantized tensor";
  let description = [{
    Every element becomes

        q = saturate(round(x / scale) + zero_point)

    with the scale and zero point of the result's element type (per axis:
    those of the element's index along the quantized dimension). `round`
    takes halves to even, and `saturate` clamps to the storage type's range
    (-128..127 for int8, 0..255 for uint8): ONNX's QuantizeLinear.

    ```mlir
    %q = qtensor.quantize %x : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.5:1>>
    ```
  }];
  let arguments = (ins QTensor_RealTensor:$input);
  let results = (outs QTensor_QuantizedTensor:$output);
  let assemblyFormat =
      "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def QTensor_DequantizeOp : QTensor_Op<"dequantize",
    [Pure, SameOperandsAndResultShape]> {
  let summary = "A quantized tensor to the real numbers it stands for";
  let description = [{
    Every element becomes `(q - zero_point) * scale`, computed in float32
    (exact for the difference, one rounding for the product): ONNX's
    DequantizeLinear.

    ```mlir
    %x = qtensor.dequantize %q : tensor<4x!quant.uniform<i8:f32, 0.5:1>> -> tensor<4xf32>
    ```
  }];
  let arguments = (ins QTensor_QuantizedTensor:$input);
  let results = (outs QTensor_RealTensor:$output);
  let assemblyFormat =
      "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

def QTensor_RequantizeOp : QTensor_Op<"requantize",
    [Pure, SameOperandsAndResultShape]> {
  let summary = "A quantized tensor under other scales and zero points";
  let description = [{
    Quantizes the real numbers the input stands for with the result's
    parameters: `quantize(dequantize(input))`, the two steps as their ops
    define them. This is the op the canonicalizer makes of such a pair;
    integer kernels will compute it with a fixed-point multiplier and shift
    instead (the TFLite scheme), within one unit of the last place.

    ```mlir
    %r = qtensor.requantize %q : tensor<4x!quant.uniform<i8:f32, 0.5:1>> -> tensor<4x!quant.uniform<u8:f32, 0.25:128>>
    ```
  }];
  let arguments = (ins QTensor_QuantizedTensor:$input);
  let results = (outs QTensor_QuantizedTensor:$output);
  let assemblyFormat =
      "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def QTensor_StorageCastOp : QTensor_Op<"storage_cast",
    [Pure, SameOperandsAndResultShape]> {
  let summary = "Views integers as a quantized tensor, or back";
  let description = [{
    Between a quantized tensor and a tensor of its storage type (int8 for
    `i8`, uint8 for `u8` storage), the same integers either way: how
    quantized values enter and leave code that knows nothing of their
    scales, such as a model's inputs, outputs and int8 initializers.

    ```mlir
    %q = qtensor.storage_cast %w : tensor<4xi8> -> tensor<4x!quant.uniform<i8:f32, 0.5>>
    ```
  }];
  let arguments = (ins AnyTypeOf<[QTensor_StorageTensor,
                                  QTensor_QuantizedTensor]>:$input);
  let results = (outs AnyTypeOf<[QTensor_StorageTensor,
                                 QTensor_QuantizedTensor]>:$output);
  let assemblyFormat =
      "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

#endif // EDGEC_QTENSOR_OPS
