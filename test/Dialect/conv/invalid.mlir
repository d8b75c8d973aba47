// RUN: edgec-opt %s -split-input-file -verify-diagnostics
// Every diagnostic of the conv dialect's verifiers (ConvOps.cpp), and the
// window shape rule they share with edge.conv.

//===----------------------------------------------------------------------===//
// Shared by every algorithm
//===----------------------------------------------------------------------===//

func.func @dynamic_shape(%x: tensor<?x5x5x3xf32>, %w: tensor<3x3x3x4xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{'conv.direct' op operands must be statically shaped float32, not 'tensor<?x5x5x3xf32>'}}
  %0 = conv.direct ins(%x, %w : tensor<?x5x5x3xf32>, tensor<3x3x3x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} -> tensor<1x3x3x4xf32>
  return
}

// -----

func.func @not_f32(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf16>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{'conv.im2col' op operands must be statically shaped float32, not 'tensor<3x3x3x4xf16>'}}
  %0 = conv.im2col ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3x4xf16>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} -> tensor<1x3x3x4xf32>
  return
}

// -----

func.func @mixed_tensor_memref(%x: tensor<1x5x5x3xf32>, %w: memref<3x3x3x4xf32>, %o: memref<1x3x3x4xf32>) {
  // expected-error @+1 {{'conv.direct' op operands must be all tensors or all memrefs}}
  conv.direct ins(%x, %w : tensor<1x5x5x3xf32>, memref<3x3x3x4xf32>) outs(%o : memref<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1}
  return
}

// -----

func.func @tensor_without_result(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{'conv.direct' op has one result, of the init's type, exactly when it works on tensors}}
  conv.direct ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1}
  return
}

// -----

func.func @memref_with_result(%x: memref<1x5x5x3xf32>, %w: memref<3x3x3xf32>, %o: memref<1x3x3x3xf32>) {
  // expected-error @+1 {{'conv.depthwise' op has one result, of the init's type, exactly when it works on tensors}}
  %0 = conv.depthwise ins(%x, %w : memref<1x5x5x3xf32>, memref<3x3x3xf32>) outs(%o : memref<1x3x3x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} -> tensor<1x3x3x3xf32>
  return
}

// -----

func.func @result_type(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{'conv.direct' op has one result, of the init's type, exactly when it works on tensors}}
  %0 = conv.direct ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} -> tensor<1x3x3x5xf32>
  return
}

// -----

func.func @not_nhwc(%x: tensor<5x5x3xf32>, %w: tensor<3x3x3x4xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{'conv.direct' op input and init must be NHWC (rank 4)}}
  %0 = conv.direct ins(%x, %w : tensor<5x5x3xf32>, tensor<3x3x3x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} -> tensor<1x3x3x4xf32>
  return
}

// -----

func.func @channels(%x: tensor<1x5x5x2xf32>, %w: tensor<3x3x3x4xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{'conv.direct' op the filter expects 3 input channels but the input [1, 5, 5, 2] has 2}}
  %0 = conv.direct ins(%x, %w : tensor<1x5x5x2xf32>, tensor<3x3x3x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} -> tensor<1x3x3x4xf32>
  return
}

// -----

// The group multiplies the filter's channels per group.
func.func @channels_grouped(%x: tensor<1x5x5x4xf32>, %w: tensor<3x3x1x4xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{'conv.direct' op the filter expects 2 input channels but the input [1, 5, 5, 4] has 4}}
  %0 = conv.direct ins(%x, %w : tensor<1x5x5x4xf32>, tensor<3x3x1x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 2} -> tensor<1x3x3x4xf32>
  return
}

// -----

func.func @window_attribute_sizes(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{'conv.direct' op needs 2 strides, 2 dilations and 4 pads}}
  %0 = conv.direct ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0>, group = 1} -> tensor<1x3x3x4xf32>
  return
}

// -----

func.func @kernel_size(%x: tensor<1x5x5x3xf32>, %w: tensor<0x3x3x4xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{kernel size 0 is not positive}}
  %0 = conv.im2col ins(%x, %w : tensor<1x5x5x3xf32>, tensor<0x3x3x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} -> tensor<1x3x3x4xf32>
  return
}

// -----

func.func @stride(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{stride 0 is not positive}}
  %0 = conv.direct ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 0>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} -> tensor<1x3x3x4xf32>
  return
}

// -----

func.func @dilation(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3xf32>, %i: tensor<1x3x3x3xf32>) {
  // expected-error @+1 {{dilation -1 is not positive}}
  %0 = conv.depthwise ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3xf32>) outs(%i : tensor<1x3x3x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: -1, 1>, pads = array<i64: 0, 0, 0, 0>} -> tensor<1x3x3x3xf32>
  return
}

// -----

func.func @negative_pads(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{pads [0, 0, -1, 0] must not be negative}}
  %0 = conv.direct ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, -1, 0>, group = 1} -> tensor<1x3x3x4xf32>
  return
}

// -----

func.func @window_too_large(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{window of size 3 (dilation 3) does not fit spatial dimension 1 of size 5 with pads 0 and 1}}
  %0 = conv.direct ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 3>, pads = array<i64: 0, 0, 0, 1>, group = 1} -> tensor<1x3x3x4xf32>
  return
}

// -----

func.func @init_shape(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf32>, %i: tensor<1x5x5x4xf32>) {
  // expected-error @+1 {{'conv.direct' op init of shape [1, 5, 5, 4] should be [1, 3, 3, 4]}}
  %0 = conv.direct ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) outs(%i : tensor<1x5x5x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} -> tensor<1x5x5x4xf32>
  return
}

// -----

// Strides, dilations and pads all enter the expected output shape.
func.func @init_shape_window(%x: tensor<2x9x9x3xf32>, %w: tensor<3x3x3x4xf32>, %i: tensor<2x4x4x4xf32>) {
  // expected-error @+1 {{'conv.im2col' op init of shape [2, 4, 4, 4] should be [2, 4, 3, 4]}}
  %0 = conv.im2col ins(%x, %w : tensor<2x9x9x3xf32>, tensor<3x3x3x4xf32>) outs(%i : tensor<2x4x4x4xf32>) {strides = array<i64: 2, 3>, dilations = array<i64: 1, 2>, pads = array<i64: 1, 1, 0, 1>} -> tensor<2x4x4x4xf32>
  return
}

// -----

func.func @bias_shape(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf32>, %b: tensor<3xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{'conv.direct' op bias of shape [3] should be [4]}}
  %0 = conv.direct ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) bias(%b : tensor<3xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} -> tensor<1x3x3x4xf32>
  return
}

// -----

func.func @residual_shape(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf32>, %r: tensor<1x3x3x1xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{'conv.winograd' op residual of shape [1, 3, 3, 1] should be [1, 3, 3, 4]}}
  %0 = conv.winograd ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) residual(%r : tensor<1x3x3x1xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, tile = 2} -> tensor<1x3x3x4xf32>
  return
}

// -----

func.func @unknown_activation(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{'conv.direct' op unknown activation 'gelu'}}
  %0 = conv.direct ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1, activation = "gelu"} -> tensor<1x3x3x4xf32>
  return
}

// -----

func.func @clip_without_bounds(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{'conv.direct' op clip_min and clip_max go with activation 'clip'}}
  %0 = conv.direct ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1, activation = "clip"} -> tensor<1x3x3x4xf32>
  return
}

// -----

func.func @clip_one_bound(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{'conv.direct' op clip_min and clip_max go with activation 'clip'}}
  %0 = conv.direct ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1, activation = "clip", clip_max = 6.0 : f32} -> tensor<1x3x3x4xf32>
  return
}

// -----

func.func @bounds_without_clip(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{'conv.direct' op clip_min and clip_max go with activation 'clip'}}
  %0 = conv.direct ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1, activation = "relu", clip_min = 0.0 : f32, clip_max = 6.0 : f32} -> tensor<1x3x3x4xf32>
  return
}

//===----------------------------------------------------------------------===//
// conv.direct
//===----------------------------------------------------------------------===//

// -----

func.func @direct_group_positive(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{attribute 'group' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0 = conv.direct ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 0} -> tensor<1x3x3x4xf32>
  return
}

// -----

func.func @direct_filter_rank(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3xf32>, %i: tensor<1x3x3x3xf32>) {
  // expected-error @+1 {{'conv.direct' op filter must be [KH, KW, C / group, F]}}
  %0 = conv.direct ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3xf32>) outs(%i : tensor<1x3x3x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} -> tensor<1x3x3x3xf32>
  return
}

// -----

func.func @direct_group_filters(%x: tensor<1x5x5x4xf32>, %w: tensor<3x3x2x5xf32>, %i: tensor<1x3x3x5xf32>) {
  // expected-error @+1 {{'conv.direct' op group 2 does not divide the 5 filters}}
  %0 = conv.direct ins(%x, %w : tensor<1x5x5x4xf32>, tensor<3x3x2x5xf32>) outs(%i : tensor<1x3x3x5xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 2} -> tensor<1x3x3x5xf32>
  return
}

// -----

// A packed filter must have rank 6.
func.func @packed_rank(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{'conv.direct' op packed filter [3, 3, 3, 4] is not [group, ceil(F / group / T), KH, KW, C / group, T] for 4 filters}}
  %0 = conv.direct ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1, packed} -> tensor<1x3x3x4xf32>
  return
}

// -----

// Its leading dimension is the group.
func.func @packed_group(%x: tensor<1x5x5x4xf32>, %w: tensor<1x1x3x3x2x4xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{'conv.direct' op packed filter [1, 1, 3, 3, 2, 4] is not [group, ceil(F / group / T), KH, KW, C / group, T] for 4 filters}}
  %0 = conv.direct ins(%x, %w : tensor<1x5x5x4xf32>, tensor<1x1x3x3x2x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 2, packed} -> tensor<1x3x3x4xf32>
  return
}

// -----

// The group must divide the output channels.
func.func @packed_group_filters(%x: tensor<1x5x5x4xf32>, %w: tensor<2x1x3x3x2x4xf32>, %i: tensor<1x3x3x5xf32>) {
  // expected-error @+1 {{'conv.direct' op packed filter [2, 1, 3, 3, 2, 4] is not [group, ceil(F / group / T), KH, KW, C / group, T] for 5 filters}}
  %0 = conv.direct ins(%x, %w : tensor<1x5x5x4xf32>, tensor<2x1x3x3x2x4xf32>) outs(%i : tensor<1x3x3x5xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 2, packed} -> tensor<1x3x3x5xf32>
  return
}

// -----

// 10 filters in tiles of 4 take ceil(10 / 4) = 3 tiles, not 2.
func.func @packed_tiles(%x: tensor<1x5x5x3xf32>, %w: tensor<1x2x3x3x3x4xf32>, %i: tensor<1x3x3x10xf32>) {
  // expected-error @+1 {{'conv.direct' op packed filter [1, 2, 3, 3, 3, 4] is not [group, ceil(F / group / T), KH, KW, C / group, T] for 10 filters}}
  %0 = conv.direct ins(%x, %w : tensor<1x5x5x3xf32>, tensor<1x2x3x3x3x4xf32>) outs(%i : tensor<1x3x3x10xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1, packed} -> tensor<1x3x3x10xf32>
  return
}

// -----

// A well-formed packed filter still goes through the shared checks, with
// its channels per group times the group as the input's channels.
func.func @packed_channels(%x: tensor<1x5x5x3xf32>, %w: tensor<2x1x3x3x2x4xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{'conv.direct' op the filter expects 4 input channels but the input [1, 5, 5, 3] has 3}}
  %0 = conv.direct ins(%x, %w : tensor<1x5x5x3xf32>, tensor<2x1x3x3x2x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 2, packed} -> tensor<1x3x3x4xf32>
  return
}

//===----------------------------------------------------------------------===//
// conv.depthwise, conv.pointwise, conv.im2col
//===----------------------------------------------------------------------===//

// -----

func.func @depthwise_filter_rank(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x1x3xf32>, %i: tensor<1x3x3x3xf32>) {
  // expected-error @+1 {{'conv.depthwise' op filter must be [KH, KW, C]}}
  %0 = conv.depthwise ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x1x3xf32>) outs(%i : tensor<1x3x3x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} -> tensor<1x3x3x3xf32>
  return
}

// -----

// One filter per channel: the output has the input's channels.
func.func @depthwise_channels(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3xf32>, %i: tensor<1x3x3x6xf32>) {
  // expected-error @+1 {{'conv.depthwise' op init of shape [1, 3, 3, 6] should be [1, 3, 3, 3]}}
  %0 = conv.depthwise ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3xf32>) outs(%i : tensor<1x3x3x6xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} -> tensor<1x3x3x6xf32>
  return
}

// -----

func.func @pointwise_filter_rank(%x: tensor<1x5x5x3xf32>, %w: tensor<1x1x3x4xf32>, %i: tensor<1x5x5x4xf32>) {
  // expected-error @+1 {{'conv.pointwise' op filter must be [C, F]}}
  %0 = conv.pointwise ins(%x, %w : tensor<1x5x5x3xf32>, tensor<1x1x3x4xf32>) outs(%i : tensor<1x5x5x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} -> tensor<1x5x5x4xf32>
  return
}

// -----

func.func @pointwise_stride(%x: tensor<1x5x5x3xf32>, %w: tensor<3x4xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{'conv.pointwise' op has unit strides and dilations and no padding}}
  %0 = conv.pointwise ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} -> tensor<1x3x3x4xf32>
  return
}

// -----

func.func @pointwise_dilation(%x: tensor<1x5x5x3xf32>, %w: tensor<3x4xf32>, %i: tensor<1x5x5x4xf32>) {
  // expected-error @+1 {{'conv.pointwise' op has unit strides and dilations and no padding}}
  %0 = conv.pointwise ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x4xf32>) outs(%i : tensor<1x5x5x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 2>, pads = array<i64: 0, 0, 0, 0>} -> tensor<1x5x5x4xf32>
  return
}

// -----

func.func @pointwise_pads(%x: tensor<1x5x5x3xf32>, %w: tensor<3x4xf32>, %i: tensor<1x7x7x4xf32>) {
  // expected-error @+1 {{'conv.pointwise' op has unit strides and dilations and no padding}}
  %0 = conv.pointwise ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x4xf32>) outs(%i : tensor<1x7x7x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>} -> tensor<1x7x7x4xf32>
  return
}

// -----

func.func @im2col_filter_rank(%x: tensor<1x5x5x3xf32>, %w: tensor<1x3x3x3x4xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{'conv.im2col' op filter must be [KH, KW, C, F]}}
  %0 = conv.im2col ins(%x, %w : tensor<1x5x5x3xf32>, tensor<1x3x3x3x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} -> tensor<1x3x3x4xf32>
  return
}

//===----------------------------------------------------------------------===//
// conv.winograd
//===----------------------------------------------------------------------===//

// -----

func.func @winograd_filter(%x: tensor<1x5x5x3xf32>, %w: tensor<5x5x3x4xf32>, %i: tensor<1x1x1x4xf32>) {
  // expected-error @+1 {{'conv.winograd' op filter must be [3, 3, C, F]}}
  %0 = conv.winograd ins(%x, %w : tensor<1x5x5x3xf32>, tensor<5x5x3x4xf32>) outs(%i : tensor<1x1x1x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, tile = 2} -> tensor<1x1x1x4xf32>
  return
}

// -----

func.func @winograd_tile(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{'conv.winograd' op tile must be 2 or 4, not 6}}
  %0 = conv.winograd ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, tile = 6} -> tensor<1x3x3x4xf32>
  return
}

// -----

func.func @winograd_tile_positive(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf32>, %i: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{attribute 'tile' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0 = conv.winograd ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, tile = 0} -> tensor<1x3x3x4xf32>
  return
}

// -----

func.func @winograd_stride(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf32>, %i: tensor<1x2x2x4xf32>) {
  // expected-error @+1 {{'conv.winograd' op needs unit strides and dilations}}
  %0 = conv.winograd ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) outs(%i : tensor<1x2x2x4xf32>) {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, tile = 2} -> tensor<1x2x2x4xf32>
  return
}

// -----

func.func @winograd_dilation(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf32>, %i: tensor<1x1x1x4xf32>) {
  // expected-error @+1 {{'conv.winograd' op needs unit strides and dilations}}
  %0 = conv.winograd ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) outs(%i : tensor<1x1x1x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, tile = 2} -> tensor<1x1x1x4xf32>
  return
}
