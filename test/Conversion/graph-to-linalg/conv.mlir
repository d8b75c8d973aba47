// RUN: edgec-opt %s -edgec-convert-graph-to-linalg -split-input-file | FileCheck %s
// edge.conv becomes the linalg named convolution the kernel generator knows:
// dense, depthwise or grouped; padding is an explicit tensor.pad and the bias
// initializes the accumulator.

// CHECK-DAG: #[[CHAN:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-DAG: #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @conv_dense_bias_pad
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>, %[[W:.*]]: tensor<4x3x3x3xf32>, %[[B:.*]]: tensor<4xf32>)
func.func @conv_dense_bias_pad(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>,
                               %b: tensor<4xf32>) -> tensor<1x4x4x4xf32> {
  // ONNX pads are [top, left, bottom, right].
  // CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
  // CHECK: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 0, 2, 1] high[0, 0, 0, 0]
  // CHECK: tensor.yield %[[ZERO]]
  // CHECK: } : tensor<1x3x8x8xf32> to tensor<1x3x10x9xf32>
  // CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<1x4x4x4xf32>
  // CHECK: %[[INIT:.*]] = linalg.generic {indexing_maps = [#[[CHAN]], #[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
  // CHECK-SAME: ins(%[[B]] : tensor<4xf32>) outs(%[[EMPTY]] : tensor<1x4x4x4xf32>)
  // CHECK: %[[R:.*]] = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
  // CHECK-SAME: ins(%[[PAD]], %[[W]] : tensor<1x3x10x9xf32>, tensor<4x3x3x3xf32>) outs(%[[INIT]] : tensor<1x4x4x4xf32>)
  // CHECK: return %[[R]]
  %0 = edge.conv %x, %w, %b {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 2, 1, 0, 0>, group = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

// Without bias the accumulator starts at zero; without padding there is no
// tensor.pad.
// CHECK-LABEL: func.func @conv_dense_no_bias
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>, %[[W:.*]]: tensor<4x3x3x3xf32>)
func.func @conv_dense_no_bias(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x4x4xf32> {
  // CHECK-NOT: tensor.pad
  // CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<1x4x4x4xf32>
  // CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
  // CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<1x4x4x4xf32>)
  // CHECK: %[[R:.*]] = linalg.conv_2d_nchw_fchw {dilations = dense<2> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
  // CHECK-SAME: ins(%[[X]], %[[W]] : tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) outs(%[[INIT]] : tensor<1x4x4x4xf32>)
  // CHECK: return %[[R]]
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

// One filter per channel: the [C, 1, KH, KW] weight is reshaped to
// [C, KH, KW] for linalg.depthwise_conv_2d_nchw_chw.
// CHECK-LABEL: func.func @conv_depthwise
// CHECK-SAME: (%[[X:.*]]: tensor<1x6x5x5xf32>, %[[W:.*]]: tensor<6x1x3x3xf32>)
func.func @conv_depthwise(%x: tensor<1x6x5x5xf32>, %w: tensor<6x1x3x3xf32>) -> tensor<1x6x3x3xf32> {
  // CHECK: %[[INIT:.*]] = linalg.fill
  // CHECK: %[[FLAT:.*]] = tensor.collapse_shape %[[W]] {{\[}}[0, 1, 2, 3]] : tensor<6x1x3x3xf32> into tensor<54xf32>
  // CHECK: %[[W3:.*]] = tensor.expand_shape %[[FLAT]] {{\[}}[0, 1, 2]] output_shape [6, 3, 3] : tensor<54xf32> into tensor<6x3x3xf32>
  // CHECK: %[[R:.*]] = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
  // CHECK-SAME: ins(%[[X]], %[[W3]] : tensor<1x6x5x5xf32>, tensor<6x3x3xf32>) outs(%[[INIT]] : tensor<1x6x3x3xf32>)
  // CHECK: return %[[R]]
  // CHECK-NOT: linalg.conv_2d_ngchw_gfchw
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 6} : (tensor<1x6x5x5xf32>, tensor<6x1x3x3xf32>) -> tensor<1x6x3x3xf32>
  return %0 : tensor<1x6x3x3xf32>
}

// -----

// Two filters per channel (a channel multiplier) is not depthwise in the
// linalg sense: it runs as a grouped convolution with one channel per group.
// CHECK-LABEL: func.func @conv_depthwise_multiplier
func.func @conv_depthwise_multiplier(%x: tensor<1x2x5x5xf32>, %w: tensor<4x1x3x3xf32>) -> tensor<1x4x3x3xf32> {
  // CHECK-NOT: linalg.depthwise_conv_2d_nchw_chw
  // CHECK: linalg.conv_2d_ngchw_gfchw
  // CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<1x2x1x5x5xf32>, tensor<2x2x1x3x3xf32>) outs(%{{.*}} : tensor<1x2x2x3x3xf32>)
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 2} : (tensor<1x2x5x5xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x3x3xf32>
  return %0 : tensor<1x4x3x3xf32>
}

// -----

// Grouped: input [N, C, H, W] -> [N, G, C/G, H, W], weight [F, C/G, KH, KW]
// -> [G, F/G, C/G, KH, KW], and the bias-initialized accumulator likewise.
// CHECK-LABEL: func.func @conv_grouped
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x5x5xf32>, %[[W:.*]]: tensor<6x2x3x3xf32>, %[[B:.*]]: tensor<6xf32>)
func.func @conv_grouped(%x: tensor<1x4x5x5xf32>, %w: tensor<6x2x3x3xf32>,
                        %b: tensor<6xf32>) -> tensor<1x6x3x3xf32> {
  // CHECK: %[[INIT:.*]] = linalg.generic {{.*}} ins(%[[B]] : tensor<6xf32>)
  // CHECK: %[[XF:.*]] = tensor.collapse_shape %[[X]]
  // CHECK: %[[XG:.*]] = tensor.expand_shape %[[XF]] {{.*}} output_shape [1, 2, 2, 5, 5]
  // CHECK: %[[WF:.*]] = tensor.collapse_shape %[[W]]
  // CHECK: %[[WG:.*]] = tensor.expand_shape %[[WF]] {{.*}} output_shape [2, 3, 2, 3, 3]
  // CHECK: %[[IF:.*]] = tensor.collapse_shape %[[INIT]]
  // CHECK: %[[IG:.*]] = tensor.expand_shape %[[IF]] {{.*}} output_shape [1, 2, 3, 3, 3]
  // CHECK: %[[RG:.*]] = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
  // CHECK-SAME: ins(%[[XG]], %[[WG]] : tensor<1x2x2x5x5xf32>, tensor<2x3x2x3x3xf32>) outs(%[[IG]] : tensor<1x2x3x3x3xf32>)
  // CHECK: %[[RF:.*]] = tensor.collapse_shape %[[RG]] {{\[}}[0, 1, 2, 3, 4]] : tensor<1x2x3x3x3xf32> into tensor<54xf32>
  // CHECK: %[[R:.*]] = tensor.expand_shape %[[RF]] {{\[}}[0, 1, 2, 3]] output_shape [1, 6, 3, 3] : tensor<54xf32> into tensor<1x6x3x3xf32>
  // CHECK: return %[[R]]
  %0 = edge.conv %x, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 2} : (tensor<1x4x5x5xf32>, tensor<6x2x3x3xf32>, tensor<6xf32>) -> tensor<1x6x3x3xf32>
  return %0 : tensor<1x6x3x3xf32>
}

// -----

// A grouped convolution pads before it splits the channels into groups.
// CHECK-LABEL: func.func @conv_grouped_pad
func.func @conv_grouped_pad(%x: tensor<1x4x5x5xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x4x5x5xf32> {
  // CHECK: %[[PAD:.*]] = tensor.pad %{{.*}} low[0, 0, 1, 1] high[0, 0, 1, 1]
  // CHECK: } : tensor<1x4x5x5xf32> to tensor<1x4x7x7xf32>
  // CHECK: tensor.collapse_shape %[[PAD]]
  // CHECK: linalg.conv_2d_ngchw_gfchw
  // CHECK-SAME: tensor<1x2x2x7x7xf32>, tensor<2x2x2x3x3xf32>
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, group = 2} : (tensor<1x4x5x5xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x5x5xf32>
  return %0 : tensor<1x4x5x5xf32>
}

// -----

// 1-D runs as 2-D with height 1: input, weight and result gain a unit
// dimension, and the attributes a leading 1 (pads only on the width).
// CHECK-LABEL: func.func @conv_1d
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x10xf32>, %[[W:.*]]: tensor<4x2x3xf32>)
func.func @conv_1d(%x: tensor<1x2x10xf32>, %w: tensor<4x2x3xf32>) -> tensor<1x4x5xf32> {
  // CHECK: %[[XF:.*]] = tensor.collapse_shape %[[X]]
  // CHECK: %[[X4:.*]] = tensor.expand_shape %[[XF]] {{.*}} into tensor<1x2x1x10xf32>
  // CHECK: %[[WF:.*]] = tensor.collapse_shape %[[W]]
  // CHECK: %[[W4:.*]] = tensor.expand_shape %[[WF]] {{.*}} into tensor<4x2x1x3xf32>
  // CHECK: %[[PAD:.*]] = tensor.pad %[[X4]] low[0, 0, 0, 1] high[0, 0, 0, 2]
  // CHECK: } : tensor<1x2x1x10xf32> to tensor<1x2x1x13xf32>
  // CHECK: %[[R4:.*]] = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<[1, 2]> : tensor<2xi64>}
  // CHECK-SAME: ins(%[[PAD]], %[[W4]] : tensor<1x2x1x13xf32>, tensor<4x2x1x3xf32>) outs(%{{.*}} : tensor<1x4x1x5xf32>)
  // CHECK: %[[RF:.*]] = tensor.collapse_shape %[[R4]]
  // CHECK: %[[R:.*]] = tensor.expand_shape %[[RF]] {{.*}} into tensor<1x4x5xf32>
  // CHECK: return %[[R]]
  %0 = edge.conv %x, %w {strides = array<i64: 2>, dilations = array<i64: 2>, pads = array<i64: 1, 2>, group = 1} : (tensor<1x2x10xf32>, tensor<4x2x3xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

// CHECK-LABEL: func.func @conv_1d_depthwise
func.func @conv_1d_depthwise(%x: tensor<1x3x8xf32>, %w: tensor<3x1x3xf32>) -> tensor<1x3x6xf32> {
  // CHECK: linalg.depthwise_conv_2d_nchw_chw
  // CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<1x3x1x8xf32>, tensor<3x1x3xf32>) outs(%{{.*}} : tensor<1x3x1x6xf32>)
  %0 = edge.conv %x, %w {strides = array<i64: 1>, dilations = array<i64: 1>, pads = array<i64: 0, 0>, group = 3} : (tensor<1x3x8xf32>, tensor<3x1x3xf32>) -> tensor<1x3x6xf32>
  return %0 : tensor<1x3x6xf32>
}
