// RUN: edgec-opt %s -split-input-file | edgec-opt -split-input-file | FileCheck %s
// RUN: edgec-opt %s -split-input-file -canonicalize | FileCheck %s --check-prefix=CANON
// The qtensor ops print and parse back, with upstream's quant types.

// CHECK-LABEL: func @round_trip
// CHECK: qtensor.quantize %{{.*}} : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 5.000000e-01:1>>
// CHECK: qtensor.requantize %{{.*}} : tensor<4x!quant.uniform<i8:f32, 5.000000e-01:1>> -> tensor<4x!quant.uniform<u8:f32, 2.500000e-01:128>>
// CHECK: qtensor.storage_cast %{{.*}} : tensor<4x!quant.uniform<u8:f32, 2.500000e-01:128>> -> tensor<4xui8>
// CHECK: qtensor.storage_cast %{{.*}} : tensor<2x3xi8> -> tensor<2x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01}>>
// CHECK: qtensor.dequantize %{{.*}} : tensor<2x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01}>> -> tensor<2x3xf32>
func.func @round_trip(%x: tensor<4xf32>, %w: tensor<2x3xi8>) -> (tensor<4xui8>, tensor<2x3xf32>) {
  %q = qtensor.quantize %x : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.5:1>>
  %r = qtensor.requantize %q : tensor<4x!quant.uniform<i8:f32, 0.5:1>> -> tensor<4x!quant.uniform<u8:f32, 0.25:128>>
  %s = qtensor.storage_cast %r : tensor<4x!quant.uniform<u8:f32, 0.25:128>> -> tensor<4xui8>
  %p = qtensor.storage_cast %w : tensor<2x3xi8> -> tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>
  %d = qtensor.dequantize %p : tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>> -> tensor<2x3xf32>
  return %s, %d : tensor<4xui8>, tensor<2x3xf32>
}

// -----

// Storage casts there and back cancel; quantizing dequantized values
// under their own parameters gives them back.
// CANON-LABEL: func @cancel
// CANON-NEXT: return %arg0 : tensor<4xi8>
func.func @cancel(%x: tensor<4xi8>) -> tensor<4xi8> {
  %q = qtensor.storage_cast %x : tensor<4xi8> -> tensor<4x!quant.uniform<i8:f32, 0.5:1>>
  %d = qtensor.dequantize %q : tensor<4x!quant.uniform<i8:f32, 0.5:1>> -> tensor<4xf32>
  %r = qtensor.quantize %d : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.5:1>>
  %s = qtensor.storage_cast %r : tensor<4x!quant.uniform<i8:f32, 0.5:1>> -> tensor<4xi8>
  return %s : tensor<4xi8>
}

// -----

// Under other parameters the pair is one requantize.
// CANON-LABEL: func @requantize
// CANON-NEXT: %[[Q:.*]] = qtensor.storage_cast %arg0
// CANON-NEXT: %[[R:.*]] = qtensor.requantize %[[Q]] : tensor<4x!quant.uniform<i8:f32, 5.000000e-01:1>> -> tensor<4x!quant.uniform<i8:f32, 2.500000e-01>>
// CANON-NEXT: qtensor.storage_cast %[[R]]
func.func @requantize(%x: tensor<4xi8>) -> tensor<4xi8> {
  %q = qtensor.storage_cast %x : tensor<4xi8> -> tensor<4x!quant.uniform<i8:f32, 0.5:1>>
  %d = qtensor.dequantize %q : tensor<4x!quant.uniform<i8:f32, 0.5:1>> -> tensor<4xf32>
  %r = qtensor.quantize %d : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.25>>
  %s = qtensor.storage_cast %r : tensor<4x!quant.uniform<i8:f32, 0.25>> -> tensor<4xi8>
  return %s : tensor<4xi8>
}

// -----

// The integer ops: a convolution summing int8 products in int32 (the
// padding stands for the input's zero point), and requantization by
// fixed-point multipliers per channel with a fused ReLU's clamp.
// CHECK-LABEL: func @integer_ops
// CHECK: %[[ACC:.*]] = qtensor.conv %arg0, %arg1, %arg2 {dilations = array<i64: 1, 1>, group = 1 : i64, input_zero_point = -3 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x2x4x4xi8>, tensor<3x2x3x3xi8>, tensor<3xi32>) -> tensor<1x3x4x4xi32>
// CHECK: qtensor.rescale %[[ACC]] {multipliers = array<i32: 1073741824, 1518500250, 2147483647>, output_min = -5 : i64, output_zero_point = -5 : i64, shifts = array<i32: 36, 40, 31>} : tensor<1x3x4x4xi32> -> tensor<1x3x4x4xi8>
func.func @integer_ops(%x: tensor<1x2x4x4xi8>, %w: tensor<3x2x3x3xi8>, %b: tensor<3xi32>) -> tensor<1x3x4x4xi8> {
  %acc = qtensor.conv %x, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, group = 1, input_zero_point = -3} : (tensor<1x2x4x4xi8>, tensor<3x2x3x3xi8>, tensor<3xi32>) -> tensor<1x3x4x4xi32>
  %y = qtensor.rescale %acc {multipliers = array<i32: 1073741824, 1518500250, 2147483647>, shifts = array<i32: 36, 40, 31>, output_zero_point = -5, output_min = -5} : tensor<1x3x4x4xi32> -> tensor<1x3x4x4xi8>
  return %y : tensor<1x3x4x4xi8>
}
