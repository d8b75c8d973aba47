// RUN: edgec-opt %s -edgec-convert-graph-to-linalg -split-input-file | FileCheck %s
// Pooling becomes linalg.pooling_nchw_{max,sum} over an explicitly padded
// input; averages divide by a constant tensor of per-position counts.

// Max pooling pads with -inf, and ceil_mode adds the trailing padding the
// last window reads: 5 columns, kernel 2, stride 2 -> 3 windows over 6.
// CHECK-LABEL: func.func @max_pool_ceil_mode
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x5x5xf32>)
func.func @max_pool_ceil_mode(%x: tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32> {
  // CHECK: %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
  // CHECK: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 0, 0, 0] high[0, 0, 1, 1]
  // CHECK: tensor.yield %[[NEG_INF]]
  // CHECK: } : tensor<1x2x5x5xf32> to tensor<1x2x6x6xf32>
  // CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<1x2x3x3xf32>
  // CHECK: %[[NEG_INF2:.*]] = arith.constant 0xFF800000 : f32
  // CHECK: %[[INIT:.*]] = linalg.fill ins(%[[NEG_INF2]] : f32) outs(%[[EMPTY]] : tensor<1x2x3x3xf32>)
  // CHECK: %[[WINDOW:.*]] = tensor.empty() : tensor<2x2xf32>
  // CHECK: %[[R:.*]] = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
  // CHECK-SAME: ins(%[[PAD]], %[[WINDOW]] : tensor<1x2x6x6xf32>, tensor<2x2xf32>) outs(%[[INIT]] : tensor<1x2x3x3xf32>)
  // CHECK: return %[[R]]
  %0 = edge.max_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, ceil_mode = true} : (tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32>
  return %0 : tensor<1x2x3x3xf32>
}

// -----

// Explicit pads and dilation pass through; without ceil_mode nothing is
// added.
// CHECK-LABEL: func.func @max_pool_pads_dilation
func.func @max_pool_pads_dilation(%x: tensor<1x1x6x6xf32>) -> tensor<1x1x6x4xf32> {
  // CHECK: tensor.pad %{{.*}} low[0, 0, 1, 0] high[0, 0, 1, 0]
  // CHECK: } : tensor<1x1x6x6xf32> to tensor<1x1x8x6xf32>
  // CHECK: linalg.pooling_nchw_max {dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
  // CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<1x1x8x6xf32>, tensor<3x2xf32>) outs(%{{.*}} : tensor<1x1x6x4xf32>)
  %0 = edge.max_pool %x {kernel_shape = array<i64: 3, 2>, strides = array<i64: 1, 1>, dilations = array<i64: 1, 2>, pads = array<i64: 1, 0, 1, 0>, ceil_mode = false} : (tensor<1x1x6x6xf32>) -> tensor<1x1x6x4xf32>
  return %0 : tensor<1x1x6x4xf32>
}

// -----

// CHECK-LABEL: func.func @max_pool_1d
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x6xf32>)
func.func @max_pool_1d(%x: tensor<1x2x6xf32>) -> tensor<1x2x3xf32> {
  // CHECK: %[[XF:.*]] = tensor.collapse_shape %[[X]]
  // CHECK: %[[X4:.*]] = tensor.expand_shape %[[XF]] {{.*}} into tensor<1x2x1x6xf32>
  // CHECK: %[[R4:.*]] = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<[1, 2]> : tensor<2xi64>}
  // CHECK-SAME: ins(%[[X4]], %{{.*}} : tensor<1x2x1x6xf32>, tensor<1x2xf32>) outs(%{{.*}} : tensor<1x2x1x3xf32>)
  // CHECK: %[[RF:.*]] = tensor.collapse_shape %[[R4]]
  // CHECK: %[[R:.*]] = tensor.expand_shape %[[RF]] {{.*}} into tensor<1x2x3xf32>
  // CHECK: return %[[R]]
  %0 = edge.max_pool %x {kernel_shape = array<i64: 2>, strides = array<i64: 2>, dilations = array<i64: 1>, pads = array<i64: 0, 0>, ceil_mode = false} : (tensor<1x2x6xf32>) -> tensor<1x2x3xf32>
  return %0 : tensor<1x2x3xf32>
}

// -----

// Without count_include_pad, a 3x3 window over a 3x3 input padded by 1
// counts 4 elements at the corners, 6 on the edges and 9 in the middle.
// CHECK-DAG: #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[HW:.*]] = affine_map<(d0, d1, d2, d3) -> (d2, d3)>
// CHECK-LABEL: func.func @avg_pool_exclude_pad
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x3x3xf32>)
func.func @avg_pool_exclude_pad(%x: tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32> {
  // CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
  // CHECK: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 1]
  // CHECK: tensor.yield %[[ZERO]]
  // CHECK: %[[INIT:.*]] = linalg.fill
  // CHECK: %[[SUM:.*]] = linalg.pooling_nchw_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
  // CHECK-SAME: ins(%[[PAD]], %{{.*}} : tensor<1x2x5x5xf32>, tensor<3x3xf32>) outs(%[[INIT]] : tensor<1x2x3x3xf32>)
  // CHECK: %[[COUNTS:.*]] = arith.constant dense<{{\[}}[4.000000e+00, 6.000000e+00, 4.000000e+00], [6.000000e+00, 9.000000e+00, 6.000000e+00], [4.000000e+00, 6.000000e+00, 4.000000e+00]]> : tensor<3x3xf32>
  // CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#[[ID4]], #[[HW]], #[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
  // CHECK-SAME: ins(%[[SUM]], %[[COUNTS]] : tensor<1x2x3x3xf32>, tensor<3x3xf32>)
  // CHECK: ^bb0(%[[S:.*]]: f32, %[[N:.*]]: f32, %{{.*}}: f32):
  // CHECK-NEXT: %[[Q:.*]] = arith.divf %[[S]], %[[N]] : f32
  // CHECK-NEXT: linalg.yield %[[Q]]
  // CHECK: return %[[R]]
  %0 = edge.avg_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, ceil_mode = false, count_include_pad = false} : (tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  return %0 : tensor<1x2x3x3xf32>
}

// -----

// With count_include_pad every window counts all 9 elements.
// CHECK-LABEL: func.func @avg_pool_include_pad
func.func @avg_pool_include_pad(%x: tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32> {
  // CHECK: linalg.pooling_nchw_sum
  // CHECK: %[[COUNTS:.*]] = arith.constant dense<9.000000e+00> : tensor<3x3xf32>
  // CHECK: linalg.generic
  // CHECK-SAME: ins(%{{.*}}, %[[COUNTS]] : tensor<1x2x3x3xf32>, tensor<3x3xf32>)
  %0 = edge.avg_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, ceil_mode = false, count_include_pad = true} : (tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  return %0 : tensor<1x2x3x3xf32>
}

// -----

// ceil_mode: the last window along each dimension covers 1 real element
// plus 1 of the added padding, which never counts, even with
// count_include_pad (it is not one of the op's pads).
// CHECK-LABEL: func.func @avg_pool_ceil_mode
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x5x5xf32>)
func.func @avg_pool_ceil_mode(%x: tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32> {
  // CHECK: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 0, 0, 0] high[0, 0, 1, 1]
  // CHECK: } : tensor<1x1x5x5xf32> to tensor<1x1x6x6xf32>
  // CHECK: linalg.pooling_nchw_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
  // CHECK-SAME: ins(%[[PAD]], %{{.*}} : tensor<1x1x6x6xf32>, tensor<2x2xf32>)
  // CHECK: arith.constant dense<{{\[}}[4.000000e+00, 4.000000e+00, 2.000000e+00], [4.000000e+00, 4.000000e+00, 2.000000e+00], [2.000000e+00, 2.000000e+00, 1.000000e+00]]> : tensor<3x3xf32>
  %0 = edge.avg_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, ceil_mode = true, count_include_pad = true} : (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>
  return %0 : tensor<1x1x3x3xf32>
}

// -----

// ceil_mode with explicit pads and count_include_pad: 4 rows padded by 1 on
// both sides, kernel 3, stride 2 -> windows [-1, 2), [1, 4), [3, 6). The
// last one reaches past the trailing pad (index 5): the op's pads count
// (3, 3, then 2 for [3, 5)), the ceil padding does not.
// CHECK-LABEL: func.func @avg_pool_ceil_mode_pads
func.func @avg_pool_ceil_mode_pads(%x: tensor<1x1x4x1xf32>) -> tensor<1x1x3x1xf32> {
  // CHECK: tensor.pad %{{.*}} low[0, 0, 1, 0] high[0, 0, 2, 0]
  // CHECK: } : tensor<1x1x4x1xf32> to tensor<1x1x7x1xf32>
  // CHECK: arith.constant dense<{{\[}}[3.000000e+00], [3.000000e+00], [2.000000e+00]]> : tensor<3x1xf32>
  %0 = edge.avg_pool %x {kernel_shape = array<i64: 3, 1>, strides = array<i64: 2, 1>, pads = array<i64: 1, 0, 1, 0>, ceil_mode = true, count_include_pad = true} : (tensor<1x1x4x1xf32>) -> tensor<1x1x3x1xf32>
  return %0 : tensor<1x1x3x1xf32>
}

// -----

// The same without count_include_pad: [-1, 2) holds 2 real rows, [1, 4) 3,
// [3, 6) 1.
// CHECK-LABEL: func.func @avg_pool_ceil_mode_pads_exclude
func.func @avg_pool_ceil_mode_pads_exclude(%x: tensor<1x1x4x1xf32>) -> tensor<1x1x3x1xf32> {
  // CHECK: arith.constant dense<{{\[}}[2.000000e+00], [3.000000e+00], [1.000000e+00]]> : tensor<3x1xf32>
  %0 = edge.avg_pool %x {kernel_shape = array<i64: 3, 1>, strides = array<i64: 2, 1>, pads = array<i64: 1, 0, 1, 0>, ceil_mode = true, count_include_pad = false} : (tensor<1x1x4x1xf32>) -> tensor<1x1x3x1xf32>
  return %0 : tensor<1x1x3x1xf32>
}

// -----

// The mean over all spatial positions: a sum reduction to [N, C], a
// division by H * W = 12, and a reshape to [N, C, 1, 1].
// CHECK-DAG: #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[NC:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
// CHECK-LABEL: func.func @global_avg_pool
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x3x4xf32>)
func.func @global_avg_pool(%x: tensor<1x2x3x4xf32>) -> tensor<1x2x1x1xf32> {
  // CHECK: %[[INIT:.*]] = linalg.fill {{.*}} -> tensor<1x2xf32>
  // CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID4]], #[[NC]]], iterator_types = ["parallel", "parallel", "reduction", "reduction"]}
  // CHECK-SAME: ins(%[[X]] : tensor<1x2x3x4xf32>) outs(%[[INIT]] : tensor<1x2xf32>)
  // CHECK: arith.addf
  // CHECK: %[[MEAN:.*]] = linalg.generic
  // CHECK-SAME: ins(%[[SUM]] : tensor<1x2xf32>)
  // CHECK: %[[COUNT:.*]] = arith.constant 1.200000e+01 : f32
  // CHECK: arith.divf %{{.*}}, %[[COUNT]] : f32
  // CHECK: %[[FLAT:.*]] = tensor.collapse_shape %[[MEAN]]
  // CHECK: %[[R:.*]] = tensor.expand_shape %[[FLAT]] {{.*}} into tensor<1x2x1x1xf32>
  // CHECK: return %[[R]]
  %0 = edge.global_avg_pool %x : (tensor<1x2x3x4xf32>) -> tensor<1x2x1x1xf32>
  return %0 : tensor<1x2x1x1xf32>
}
