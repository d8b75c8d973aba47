// RUN: edgec-opt %s -edgec-convert-graph-to-linalg -split-input-file -verify-diagnostics
// Windows over three spatial dimensions are valid edge IR but have no CPU
// lowering yet: the conversion reports them and fails.

func.func @conv_3d(%x: tensor<1x1x4x4x4xf32>, %w: tensor<1x1x2x2x2xf32>) -> tensor<1x1x3x3x3xf32> {
  // expected-error @+2 {{3-D windows are not supported by the CPU code generator yet}}
  // expected-error @+1 {{failed to legalize operation 'edge.conv' that was explicitly marked illegal}}
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1, 1>, dilations = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, group = 1} : (tensor<1x1x4x4x4xf32>, tensor<1x1x2x2x2xf32>) -> tensor<1x1x3x3x3xf32>
  return %0 : tensor<1x1x3x3x3xf32>
}
