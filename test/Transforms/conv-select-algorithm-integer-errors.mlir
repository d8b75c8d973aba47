// RUN: edgec-opt %s -split-input-file -conv-select-algorithm -verify-diagnostics
// Integer ops without an int8 kernel are named, not left for a later pass
// to trip over.

func.func @grouped(%x: tensor<1x4x4x4xi8>) -> tensor<1x2x4x4xi32> {
  %w = edge.constant dense<1> : tensor<2x2x1x1xi8>
  // expected-error @+1 {{integer convolutions with 2 groups have no kernel (only dense and depthwise)}}
  %acc = qtensor.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 2} : (tensor<1x4x4x4xi8>, tensor<2x2x1x1xi8>) -> tensor<1x2x4x4xi32>
  return %acc : tensor<1x2x4x4xi32>
}

// -----

func.func @rescale_alone(%acc: tensor<1x2x2x2xi32>) -> tensor<1x2x2x2xi8> {
  // expected-error @+1 {{qtensor.rescale has a kernel only as the requantization of the qtensor.conv it follows}}
  %y = qtensor.rescale %acc {multipliers = array<i32: 1073741824>, shifts = array<i32: 40>, output_zero_point = 0} : tensor<1x2x2x2xi32> -> tensor<1x2x2x2xi8>
  return %y : tensor<1x2x2x2xi8>
}
