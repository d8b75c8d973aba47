// RUN: edgec-opt %s | edgec-opt | FileCheck %s
// Every op prints in a form that parses back to itself.

// CHECK-LABEL: func.func @conv_block
func.func @conv_block(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>,
                      %b: tensor<4xf32>) -> tensor<1x4x4x4xf32> {
  // CHECK: edgec.graph
  %0 = edge.conv %x, %w, %b {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, group = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}
