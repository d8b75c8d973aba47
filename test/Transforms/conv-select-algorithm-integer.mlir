// RUN: edgec-opt %s -split-input-file -conv-select-algorithm | FileCheck %s
// qtensor.conv becomes conv.integer on NHWC int8 data between transposes,
// its filter in HWIO (or [KH, KW, C] for depthwise) at compile time.

// A rescale that is the conv's only use becomes its requantization, with
// one multiplier and shift per channel, and the result stays int8.
// CHECK-LABEL: func.func @requantized
// CHECK-DAG: %[[M:.*]] = edge.constant dense<1073741824> : tensor<3xi32>
// CHECK-DAG: %[[S:.*]] = edge.constant dense<36> : tensor<3xi32>
// CHECK-DAG: %[[X:.*]] = edge.transpose %arg0 {perm = array<i64: 0, 2, 3, 1>}
// CHECK-DAG: %[[INIT:.*]] = tensor.empty() : tensor<1x4x4x3xi8>
// CHECK: %[[Y:.*]] = conv.integer ins(%[[X]], %{{.*}} : tensor<1x4x4x2xi8>, tensor<1x1x2x3xi8>) bias(%arg1 : tensor<3xi32>) requantize(%[[M]], %[[S]] : tensor<3xi32>, tensor<3xi32>) outs(%[[INIT]] : tensor<1x4x4x3xi8>)
// CHECK-SAME: input_zero_point = -3 : i64, output_max = 100 : i64, output_min = -7 : i64, output_zero_point = -7 : i64
// CHECK: %[[NCHW:.*]] = edge.transpose %[[Y]] {perm = array<i64: 0, 3, 1, 2>}
// CHECK: return %[[NCHW]] : tensor<1x3x4x4xi8>
func.func @requantized(%x: tensor<1x2x4x4xi8>, %b: tensor<3xi32>) -> tensor<1x3x4x4xi8> {
  %w = edge.constant dense<1> : tensor<3x2x1x1xi8>
  %acc = qtensor.conv %x, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1, input_zero_point = -3} : (tensor<1x2x4x4xi8>, tensor<3x2x1x1xi8>, tensor<3xi32>) -> tensor<1x3x4x4xi32>
  %y = qtensor.rescale %acc {multipliers = array<i32: 1073741824>, shifts = array<i32: 36>, output_zero_point = -7, output_min = -7, output_max = 100} : tensor<1x3x4x4xi32> -> tensor<1x3x4x4xi8>
  return %y : tensor<1x3x4x4xi8>
}

// -----

// Without a rescale the accumulators leave as int32. One filter per
// channel is the depthwise form.
// CHECK-LABEL: func.func @depthwise_accumulators
// CHECK: conv.integer ins(%{{.*}}, %{{.*}} : tensor<1x4x4x2xi8>, tensor<3x3x2xi8>) outs(%{{.*}} : tensor<1x2x2x2xi32>) {depthwise
// CHECK: edge.transpose %{{.*}} {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x2x2x2xi32>) -> tensor<1x2x2x2xi32>
func.func @depthwise_accumulators(%x: tensor<1x2x4x4xi8>, %w: tensor<2x1x3x3xi8>) -> tensor<1x2x2x2xi32> {
  %acc = qtensor.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 2} : (tensor<1x2x4x4xi8>, tensor<2x1x3x3xi8>) -> tensor<1x2x2x2xi32>
  return %acc : tensor<1x2x2x2xi32>
}
