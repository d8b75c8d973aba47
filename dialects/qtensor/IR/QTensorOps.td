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

def QTensor_ConvOp : QTensor_Op<"conv", [Pure]> {
  let summary = "Integer convolution: int8 operands, int32 accumulators";
  let description = [{
    ONNX `ConvInteger` plus an int32 bias, on storage integers in
    channels-first layout (`input` `[N, C, H, W]`, `filter`
    `[F, C / group, KH, KW]`, result `[N, F, OH, OW]`):

        out[n, f, y, x] = bias[f] + sum over c, kh, kw of
            (in[n, c, y*sh + kh*dh - pt, x*sw + kw*dw - pl] - input_zero_point)
            * filter[f, c, kh, kw]

    Padding stands for `input_zero_point`, the real value 0. Filters are
    symmetric (zero point 0), as the TFLite int8 scheme has them; the sums
    are exact in int32. `qtensor-fuse-integer-ops` makes these from
    dequantize -> conv -> quantize chains.

    ```mlir
    %acc = qtensor.conv %x, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, group = 1, input_zero_point = -3} : (tensor<1x8x16x16xi8>, tensor<16x8x3x3xi8>, tensor<16xi32>) -> tensor<1x16x16x16xi32>
    ```
  }];
  let arguments = (ins StaticShapeTensorOf<[I8]>:$input,
                   StaticShapeTensorOf<[I8]>:$filter,
                   Optional<StaticShapeTensorOf<[I32]>>:$bias,
                   DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$dilations,
                   DenseI64ArrayAttr:$pads,
                   ConfinedAttr<I64Attr, [IntPositive]>:$group,
                   DefaultValuedAttr<I64Attr, "0">:$input_zero_point);
  let results = (outs StaticShapeTensorOf<[I32]>:$output);
  let assemblyFormat =
      "operands attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def QTensor_RescaleOp : QTensor_Op<"rescale", [Pure, SameOperandsAndResultShape]> {
  let summary = "int32 accumulators to int8 by fixed-point multiplier and shift";
  let description = [{
    Integer-only requantization (the TFLite int8 scheme, single rounding):

        out = clamp(output_zero_point + ((in * multiplier + 2^(shift-1)) >> shift),
                    output_min, output_max)

    computed in 64 bits, with an arithmetic shift: the product is rounded
    half up. `multipliers` and `shifts` have one entry, or one per index
    of dimension `axis`; a multiplier `m` with shift `s` stands for the
    real factor `m * 2^-s`, with `m < 2^31` and `1 <= s <= 62`. The clamp
    bounds carry a fused ReLU or ReLU6 in the integer domain.

    ```mlir
    %y = qtensor.rescale %acc {multipliers = array<i32: 1518500250>, shifts = array<i32: 38>, axis = 1, output_zero_point = -128, output_min = -128, output_max = 127} : tensor<1x16x8x8xi32> -> tensor<1x16x8x8xi8>
    ```
  }];
  let arguments = (ins StaticShapeTensorOf<[I32]>:$input,
                   DenseI32ArrayAttr:$multipliers, DenseI32ArrayAttr:$shifts,
                   DefaultValuedAttr<I64Attr, "1">:$axis,
                   I64Attr:$output_zero_point,
                   DefaultValuedAttr<I64Attr, "-128">:$output_min,
                   DefaultValuedAttr<I64Attr, "127">:$output_max);
  let results = (outs StaticShapeTensorOf<[I8]>:$output);
  let assemblyFormat =
      "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

#endif // EDGEC_QTENSOR_OPS
