// RUN: edgec-opt %s -split-input-file -qtensor-fuse-integer-ops -canonicalize | FileCheck %s
// qtensor-fuse-integer-ops: a convolution of dequantized int8 values
// becomes qtensor.conv on the storage integers, followed by qtensor.rescale
// where its result is quantized, or by a per-channel dequantization.

// Quantized output through a ReLU: filters quantized at compile time
// (1.0 / 0.0078125 saturates to 127), the bias on the int32 grid of
// 0.5 x filter scale (1.0 / 0.00390625 = 256), multipliers 2^30 with
// shifts giving 0.5 x filter scale / 0.25, the ReLU as the clamp at the
// output zero point, and the uint8 output shifted from int8 by 128.
// CHECK-LABEL: func @requantized
// CHECK-DAG: %[[B:.*]] = edge.constant dense<[256, -256, 0]> : tensor<3xi32>
// CHECK-DAG: %[[W:.*]] = edge.constant dense<{{\[\[\[\[}}127, -128, 64]], {{\[\[}}64, 64, 64]]], {{\[\[\[}}16, 127, -32]], {{\[\[}}64, 64, 64]]], {{\[\[\[}}0, 51, 102]], {{\[\[}}102, 51, 0]]]]> : tensor<3x2x1x3xi8>
// CHECK: %[[ACC:.*]] = qtensor.conv %arg0, %[[W]], %[[B]] {dilations = array<i64: 1, 1>, group = 1 : i64, input_zero_point = -3 : i64, pads = array<i64: 0, 1, 0, 1>, strides = array<i64: 1, 1>}
// CHECK: %[[Y:.*]] = qtensor.rescale %[[ACC]] {multipliers = array<i32: 1073741824, 1073741824, 1073741824>, output_min = -118 : i64, output_zero_point = -118 : i64, shifts = array<i32: 36, 35, 38>}
// CHECK: %[[F:.*]] = edge.cast %[[Y]] to f32
// CHECK: %[[U:.*]] = edge.add %[[F]], %{{.*}} : (tensor<1x3x4x4xf32>, tensor<f32>)
// CHECK: %[[OUT:.*]] = edge.cast %[[U]] to ui8
// CHECK: return %[[OUT]]
// CHECK-NOT: edge.conv
// CHECK-NOT: qtensor.quantize
func.func @requantized(%x: tensor<1x2x4x4xi8>) -> tensor<1x3x4x4xui8> {
  %xq = qtensor.storage_cast %x : tensor<1x2x4x4xi8> -> tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5:-3>>
  %xd = qtensor.dequantize %xq : tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5:-3>> -> tensor<1x2x4x4xf32>
  %w = edge.constant dense<[[[[1.0, -1.0, 0.5]], [[0.5, 0.5, 0.5]]], [[[0.25, 2.0, -0.5]], [[1.0, 1.0, 1.0]]], [[[0.0, 0.1, 0.2]], [[0.2, 0.1, 0.0]]]]> : tensor<3x2x1x3xf32>
  %wq = qtensor.quantize %w : tensor<3x2x1x3xf32> -> tensor<3x2x1x3x!quant.uniform<i8:f32:0, {0.0078125, 0.015625, 0.001953125}>>
  %wd = qtensor.dequantize %wq : tensor<3x2x1x3x!quant.uniform<i8:f32:0, {0.0078125, 0.015625, 0.001953125}>> -> tensor<3x2x1x3xf32>
  %b = edge.constant dense<[1.0, -2.0, 0.0]> : tensor<3xf32>
  %y = edge.conv %xd, %wd, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 1, 0, 1>, group = 1} : (tensor<1x2x4x4xf32>, tensor<3x2x1x3xf32>, tensor<3xf32>) -> tensor<1x3x4x4xf32>
  %r = edge.relu %y : tensor<1x3x4x4xf32>
  %yq = qtensor.quantize %r : tensor<1x3x4x4xf32> -> tensor<1x3x4x4x!quant.uniform<u8:f32, 0.25:10>>
  %ys = qtensor.storage_cast %yq : tensor<1x3x4x4x!quant.uniform<u8:f32, 0.25:10>> -> tensor<1x3x4x4xui8>
  return %ys : tensor<1x3x4x4xui8>
}

// -----

// ReLU6 clamps at the quantized 0 and 6: zero point 2 + 6 / 0.1 = 62.
// CHECK-LABEL: func @relu6
// CHECK: qtensor.rescale {{.*}}output_max = 62 : i64, output_min = 2 : i64, output_zero_point = 2 : i64
func.func @relu6(%x: tensor<1x1x2x2xi8>) -> tensor<1x1x2x2xi8> {
  %xq = qtensor.storage_cast %x : tensor<1x1x2x2xi8> -> tensor<1x1x2x2x!quant.uniform<i8:f32, 0.5>>
  %xd = qtensor.dequantize %xq : tensor<1x1x2x2x!quant.uniform<i8:f32, 0.5>> -> tensor<1x1x2x2xf32>
  %w = edge.constant dense<[[[[1]]]]> : tensor<1x1x1x1xi8>
  %wq = qtensor.storage_cast %w : tensor<1x1x1x1xi8> -> tensor<1x1x1x1x!quant.uniform<i8:f32, 0.25>>
  %wd = qtensor.dequantize %wq : tensor<1x1x1x1x!quant.uniform<i8:f32, 0.25>> -> tensor<1x1x1x1xf32>
  %y = edge.conv %xd, %wd {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x1x2x2xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x2x2xf32>
  %r = edge.clip %y {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x1x2x2xf32>
  %yq = qtensor.quantize %r : tensor<1x1x2x2xf32> -> tensor<1x1x2x2x!quant.uniform<i8:f32, 0.1:2>>
  %ys = qtensor.storage_cast %yq : tensor<1x1x2x2x!quant.uniform<i8:f32, 0.1:2>> -> tensor<1x1x2x2xi8>
  return %ys : tensor<1x1x2x2xi8>
}

// -----

// A result the float graph goes on with (here a residual addition) is
// dequantized: int32 to float, times input scale x filter scale per
// channel. A uint8 input enters as int8 with its zero point less 128.
// CHECK-LABEL: func @float_output
// CHECK-DAG: %[[S:.*]] = edge.constant dense<{{\[\[\[}}1.250000e-01]], {{\[\[}}2.500000e-01]]]> : tensor<2x1x1xf32>
// CHECK: %[[X8:.*]] = edge.cast %{{.*}} to i8
// CHECK: %[[ACC:.*]] = qtensor.conv %[[X8]], %{{.*}} {{{.*}}input_zero_point = -128 : i64
// CHECK: %[[F:.*]] = edge.cast %[[ACC]] to f32
// CHECK: %[[Y:.*]] = edge.mul %[[F]], %[[S]]
// CHECK: edge.add %[[Y]], %arg1
func.func @float_output(%x: tensor<1x1x2x2xui8>, %skip: tensor<1x2x2x2xf32>) -> tensor<1x2x2x2xf32> {
  %xq = qtensor.storage_cast %x : tensor<1x1x2x2xui8> -> tensor<1x1x2x2x!quant.uniform<u8:f32, 0.5>>
  %xd = qtensor.dequantize %xq : tensor<1x1x2x2x!quant.uniform<u8:f32, 0.5>> -> tensor<1x1x2x2xf32>
  %w = edge.constant dense<[[[[3]]], [[[-4]]]]> : tensor<2x1x1x1xi8>
  %wq = qtensor.storage_cast %w : tensor<2x1x1x1xi8> -> tensor<2x1x1x1x!quant.uniform<i8:f32:0, {0.25, 0.5}>>
  %wd = qtensor.dequantize %wq : tensor<2x1x1x1x!quant.uniform<i8:f32:0, {0.25, 0.5}>> -> tensor<2x1x1x1xf32>
  %y = edge.conv %xd, %wd {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x1x2x2xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x2x2xf32>
  %z = edge.add %y, %skip : (tensor<1x2x2x2xf32>, tensor<1x2x2x2xf32>) -> tensor<1x2x2x2xf32>
  return %z : tensor<1x2x2x2xf32>
}

// -----

// Filters with a zero point other than 0 have no integer kernel: the
// convolution keeps its float form.
// CHECK-LABEL: func @asymmetric_filter
// CHECK: edge.conv
// CHECK-NOT: qtensor.conv
func.func @asymmetric_filter(%x: tensor<1x1x2x2xi8>) -> tensor<1x1x2x2xf32> {
  %xq = qtensor.storage_cast %x : tensor<1x1x2x2xi8> -> tensor<1x1x2x2x!quant.uniform<i8:f32, 0.5>>
  %xd = qtensor.dequantize %xq : tensor<1x1x2x2x!quant.uniform<i8:f32, 0.5>> -> tensor<1x1x2x2xf32>
  %w = edge.constant dense<[[[[1]]]]> : tensor<1x1x1x1xi8>
  %wq = qtensor.storage_cast %w : tensor<1x1x1x1xi8> -> tensor<1x1x1x1x!quant.uniform<i8:f32, 0.25:1>>
  %wd = qtensor.dequantize %wq : tensor<1x1x1x1x!quant.uniform<i8:f32, 0.25:1>> -> tensor<1x1x1x1xf32>
  %y = edge.conv %xd, %wd {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x1x2x2xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x2x2xf32>
  return %y : tensor<1x1x2x2xf32>
}

// -----

// Grouped convolutions other than depthwise keep their float form too.
// CHECK-LABEL: func @grouped
// CHECK: edge.conv
// CHECK-NOT: qtensor.conv
func.func @grouped(%x: tensor<1x4x2x2xi8>) -> tensor<1x2x2x2xf32> {
  %xq = qtensor.storage_cast %x : tensor<1x4x2x2xi8> -> tensor<1x4x2x2x!quant.uniform<i8:f32, 0.5>>
  %xd = qtensor.dequantize %xq : tensor<1x4x2x2x!quant.uniform<i8:f32, 0.5>> -> tensor<1x4x2x2xf32>
  %w = edge.constant dense<1> : tensor<2x2x1x1xi8>
  %wq = qtensor.storage_cast %w : tensor<2x2x1x1xi8> -> tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>
  %wd = qtensor.dequantize %wq : tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>> -> tensor<2x2x1x1xf32>
  %y = edge.conv %xd, %wd {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 2} : (tensor<1x4x2x2xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x2x2xf32>
  return %y : tensor<1x2x2x2xf32>
}
