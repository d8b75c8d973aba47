// RUN: edgec-opt %s -edgec-convert-graph-to-linalg -split-input-file | FileCheck %s
// Pooling over 3-D windows, which linalg's named NCHW pooling ops do not
// cover: one generic over [N, C, out..., window...] reading the padded input
// at out * stride + window * dilation.

// ceil_mode: 5 planes, kernel 2, stride 2 -> 3 windows over 6 planes, so one
// plane of -inf is added at the end.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d2 * 2 + d5, d3 * 2 + d6, d4 * 2 + d7)>
// CHECK-DAG: #[[WIN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d5, d6, d7)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d2, d3, d4)>
// CHECK-LABEL: func.func @max_pool_3d_ceil
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x5x4x4xf32>)
func.func @max_pool_3d_ceil(%x: tensor<1x1x5x4x4xf32>) -> tensor<1x1x3x2x2xf32> {
  // CHECK: %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
  // CHECK: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 0, 0, 0, 0] high[0, 0, 1, 0, 0]
  // CHECK: tensor.yield %[[NEG_INF]]
  // CHECK: %[[WINDOW:.*]] = tensor.empty() : tensor<2x2x2xf32>
  // CHECK: %[[INIT:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x1x3x2x2xf32>)
  // CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#[[IN]], #[[WIN]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]}
  // CHECK-SAME: ins(%[[PAD]], %[[WINDOW]] : tensor<1x1x6x4x4xf32>, tensor<2x2x2xf32>) outs(%[[INIT]] : tensor<1x1x3x2x2xf32>)
  // CHECK: arith.maximumf
  // CHECK: return %[[R]]
  %0 = edge.max_pool %x {kernel_shape = array<i64: 2, 2, 2>, strides = array<i64: 2, 2, 2>, dilations = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, ceil_mode = true} : (tensor<1x1x5x4x4xf32>) -> tensor<1x1x3x2x2xf32>
  return %0 : tensor<1x1x3x2x2xf32>
}

// -----

// Dilation multiplies the window index.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d2 + d5 * 2, d3 + d6, d4 + d7 * 3)>
// CHECK-LABEL: func.func @max_pool_3d_dilation
func.func @max_pool_3d_dilation(%x: tensor<1x1x4x4x4xf32>) -> tensor<1x1x2x3x1xf32> {
  // CHECK: linalg.generic {indexing_maps = [#[[IN]],
  %0 = edge.max_pool %x {kernel_shape = array<i64: 2, 2, 2>, strides = array<i64: 1, 1, 1>, dilations = array<i64: 2, 1, 3>, pads = array<i64: 0, 0, 0, 0, 0, 0>, ceil_mode = false} : (tensor<1x1x4x4x4xf32>) -> tensor<1x1x2x3x1xf32>
  return %0 : tensor<1x1x2x3x1xf32>
}

// -----

// Averages: a sum over the zero-padded input divided by per-position counts
// (pads excluded: 1 at the corner, 8 for the window wholly inside).
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>
// CHECK-DAG: #[[SPATIAL:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d2, d3, d4)>
// CHECK-LABEL: func.func @avg_pool_3d
func.func @avg_pool_3d(%x: tensor<1x1x2x2x2xf32>) -> tensor<1x1x2x2x2xf32> {
  // CHECK: %[[PAD:.*]] = tensor.pad %{{.*}} low[0, 0, 1, 1, 1] high[0, 0, 0, 0, 0]
  // CHECK: %[[SUM:.*]] = linalg.generic {{.*}} ins(%[[PAD]], %{{.*}} : tensor<1x1x3x3x3xf32>, tensor<2x2x2xf32>)
  // CHECK: arith.addf
  // CHECK: %[[COUNTS:.*]] = arith.constant dense<{{\[}}{{\[}}[1.000000e+00, 2.000000e+00], [2.000000e+00, 4.000000e+00]], {{\[}}[2.000000e+00, 4.000000e+00], [4.000000e+00, 8.000000e+00]]]> : tensor<2x2x2xf32>
  // CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[SPATIAL]], #[[ID]]], {{.*}} ins(%[[SUM]], %[[COUNTS]] :
  // CHECK: arith.divf
  %0 = edge.avg_pool %x {kernel_shape = array<i64: 2, 2, 2>, strides = array<i64: 1, 1, 1>, pads = array<i64: 1, 1, 1, 0, 0, 0>, ceil_mode = false, count_include_pad = false} : (tensor<1x1x2x2x2xf32>) -> tensor<1x1x2x2x2xf32>
  return %0 : tensor<1x1x2x2x2xf32>
}

// -----

// Lp pooling over 3-D windows sums x * x the same way, then takes sqrt.
// CHECK-LABEL: func.func @lp_pool_3d
func.func @lp_pool_3d(%x: tensor<1x1x4x4x4xf32>) -> tensor<1x1x2x2x2xf32> {
  // CHECK: arith.mulf
  // CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]
  // CHECK: arith.addf
  // CHECK: math.sqrt
  %0 = edge.lp_pool %x {kernel_shape = array<i64: 2, 2, 2>, strides = array<i64: 2, 2, 2>, pads = array<i64: 0, 0, 0, 0, 0, 0>, p = 2} : (tensor<1x1x4x4x4xf32>) -> tensor<1x1x2x2x2xf32>
  return %0 : tensor<1x1x2x2x2xf32>
}
