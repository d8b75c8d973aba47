// RUN: edgec-opt %s -split-input-file -verify-diagnostics

func.func @weight_channels(%x: tensor<1x3x5x5xf32>, %w: tensor<4x4x3x3xf32>) {
  // expected-error @+2 {{weight shape [4, 4, 3, 3] is for 4 input channels, but the input [1, 3, 5, 5] has 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.conv_transpose %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, output_padding = array<i64: 0, 0>, group = 1} : (tensor<1x3x5x5xf32>, tensor<4x4x3x3xf32>) -> tensor<1x4x7x7xf32>
  return
}

// -----

func.func @group_divides(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) {
  // expected-error @+2 {{group 2 does not divide the input channels 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.conv_transpose %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, output_padding = array<i64: 0, 0>, group = 2} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x8x7x7xf32>
  return
}

// -----

func.func @bias_size(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+2 {{bias shape [3] does not match 4 filters}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.conv_transpose %x, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, output_padding = array<i64: 0, 0>, group = 1} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>, tensor<3xf32>) -> tensor<1x4x7x7xf32>
  return
}

// -----

func.func @output_padding_too_large(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) {
  // expected-error @+2 {{output_padding [2, 0] must be below the strides [2, 2] or the dilations}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.conv_transpose %x, %w {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, output_padding = array<i64: 2, 0>, group = 1} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x13x11xf32>
  return
}

// -----

func.func @cropped_to_nothing(%x: tensor<1x3x1x1xf32>, %w: tensor<3x4x1x1xf32>) {
  // expected-error @+2 {{pads [1, 0, 0, 0] crop spatial dimension 0 to nothing}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.conv_transpose %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 0, 0, 0>, output_padding = array<i64: 0, 0>, group = 1} : (tensor<1x3x1x1xf32>, tensor<3x4x1x1xf32>) -> tensor<1x4x1x1xf32>
  return
}

// -----

func.func @wrong_result(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) {
  // expected-error @+2 {{inferred type(s) 'tensor<1x4x7x7xf32>' are incompatible with return type(s) of operation 'tensor<1x4x5x5xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.conv_transpose %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, output_padding = array<i64: 0, 0>, group = 1} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x5x5xf32>
  return
}
