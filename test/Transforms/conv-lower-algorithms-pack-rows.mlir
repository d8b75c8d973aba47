// RUN: edgec-opt %s -split-input-file -conv-lower-algorithms | FileCheck %s
// The conv.direct that conv.pointwise and conv.im2col lower to keeps their
// schedule, and conv-lower-algorithms packs the filters of the direct convs
// it produces ("Padding and packing last: the rewrites above produce direct
// convs"), so a constant filter should reach the kernel packed.

// CHECK-LABEL: func.func @pointwise_constant_filter
// CHECK: %[[W:.*]] = arith.constant {{.*}} : tensor<1x2x1x1x3x2xf32>
// CHECK: conv.direct ins(%{{.*}}, %[[W]] : tensor<1x1x16x3xf32>, tensor<1x2x1x1x3x2xf32>)
// CHECK-SAME: packed
func.func @pointwise_constant_filter(%x: tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32> {
  %w = arith.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]> : tensor<3x3xf32>
  %i = tensor.empty() : tensor<1x4x4x3xf32>
  %0 = conv.pointwise ins(%x, %w : tensor<1x4x4x3xf32>, tensor<3x3xf32>) outs(%i : tensor<1x4x4x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, edgec.schedule = {lanes = 2 : i64, rows = 2 : i64, vectors = 1 : i64}} -> tensor<1x4x4x3xf32>
  return %0 : tensor<1x4x4x3xf32>
}

// -----

// CHECK-LABEL: func.func @im2col_constant_filter
// CHECK: %[[W:.*]] = arith.constant {{.*}} : tensor<1x2x1x1x18x2xf32>
// CHECK: conv.direct ins(%{{.*}}, %[[W]] : tensor<1x1x9x18xf32>, tensor<1x2x1x1x18x2xf32>)
// CHECK-SAME: packed
func.func @im2col_constant_filter(%x: tensor<1x5x5x2xf32>) -> tensor<1x3x3x4xf32> {
  %w = arith.constant dense<1.0> : tensor<3x3x2x4xf32>
  %i = tensor.empty() : tensor<1x3x3x4xf32>
  %0 = conv.im2col ins(%x, %w : tensor<1x5x5x2xf32>, tensor<3x3x2x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, edgec.schedule = {lanes = 2 : i64, rows = 2 : i64, vectors = 1 : i64}} -> tensor<1x3x3x4xf32>
  return %0 : tensor<1x3x3x4xf32>
}
