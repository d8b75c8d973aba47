// RUN: edgec-opt %s -split-input-file -edgec-generate-kernels -verify-diagnostics
// The diagnostics of edgec-generate-kernels for conv ops it cannot emit.

// The kernels read the input unpadded: conv-lower-algorithms must have made
// the padding a tensor.pad.
func.func @padded_direct(%x: memref<1x4x4x1xf32>, %w: memref<3x3x1x2xf32>, %o: memref<1x4x4x2xf32>) {
  // expected-error @+1 {{conv-lower-algorithms makes padding explicit before kernels are generated}}
  conv.direct ins(%x, %w : memref<1x4x4x1xf32>, memref<3x3x1x2xf32>) outs(%o : memref<1x4x4x2xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, group = 1}
  return
}

// -----

func.func @padded_depthwise(%x: memref<1x4x4x2xf32>, %w: memref<3x3x2xf32>, %o: memref<1x4x2x2xf32>) {
  // expected-error @+1 {{conv-lower-algorithms makes padding explicit before kernels are generated}}
  conv.depthwise ins(%x, %w : memref<1x4x4x2xf32>, memref<3x3x2xf32>) outs(%o : memref<1x4x2x2xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 0, 1, 0>}
  return
}

// -----

// Vector loads along channels need a unit innermost stride.
func.func @strided_channels(%x: memref<1x4x4x2xf32, strided<[64, 16, 4, 2]>>, %w: memref<1x1x2x2xf32>, %o: memref<1x4x4x2xf32>) {
  // expected-error @+1 {{conv kernels need bufferized float32 operands with a unit innermost stride}}
  conv.direct ins(%x, %w : memref<1x4x4x2xf32, strided<[64, 16, 4, 2]>>, memref<1x1x2x2xf32>) outs(%o : memref<1x4x4x2xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1}
  return
}

// -----

// Kernels are emitted after bufferization only.
func.func @tensors(%x: tensor<1x4x4x2xf32>, %w: tensor<1x1x2x2xf32>, %i: tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32> {
  // expected-error @+1 {{conv kernels need bufferized float32 operands with a unit innermost stride}}
  %0 = conv.direct ins(%x, %w : tensor<1x4x4x2xf32>, tensor<1x1x2x2xf32>) outs(%i : tensor<1x4x4x2xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} -> tensor<1x4x4x2xf32>
  return %0 : tensor<1x4x4x2xf32>
}
