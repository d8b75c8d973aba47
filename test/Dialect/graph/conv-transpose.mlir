// RUN: edgec-opt %s -split-input-file | FileCheck %s
// RUN: edgec-opt %s -split-input-file | edgec-opt -split-input-file | FileCheck %s

// The result shape follows strides, dilations, crops and output padding:
// 2 * (5 - 1) + 1 + 1 * (3 - 1) + 1 - 1 - 1 = 10.
// CHECK-LABEL: func.func @conv_transpose
// CHECK: edge.conv_transpose %{{.*}}, %{{.*}}, %{{.*}} {dilations = array<i64: 1, 1>, group = 1 : i64, output_padding = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}
// CHECK-SAME: -> tensor<1x4x10x10xf32>
func.func @conv_transpose(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x10x10xf32> {
  %0 = edge.conv_transpose %x, %w, %b {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, output_padding = array<i64: 1, 1>, group = 1} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>, tensor<4xf32>) -> tensor<1x4x10x10xf32>
  return %0 : tensor<1x4x10x10xf32>
}

// -----

// Groups multiply the filters of the weight's second dimension.
// CHECK-LABEL: func.func @conv_transpose_grouped
// CHECK: -> tensor<1x6x7xf32>
func.func @conv_transpose_grouped(%x: tensor<1x4x5xf32>, %w: tensor<4x3x3xf32>) -> tensor<1x6x7xf32> {
  %0 = edge.conv_transpose %x, %w {strides = array<i64: 1>, dilations = array<i64: 1>, pads = array<i64: 0, 0>, output_padding = array<i64: 0>, group = 2} : (tensor<1x4x5xf32>, tensor<4x3x3xf32>) -> tensor<1x6x7xf32>
  return %0 : tensor<1x6x7xf32>
}
