// RUN: edgec-opt %s -edgec-convert-graph-to-linalg -split-input-file | FileCheck %s

// lp_pool: |x| ^ p elementwise (x * x for p = 2), sum pooling over the
// zero-padded result, then the root.
// CHECK-LABEL: func.func @lp_pool_p2
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x5x5xf32>)
func.func @lp_pool_p2(%x: tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32> {
  // CHECK: %[[SQ:.*]] = linalg.generic {{.*}} ins(%[[X]] : tensor<1x2x5x5xf32>)
  // CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
  // CHECK-NEXT: arith.mulf %[[IN]], %[[IN]] : f32
  // CHECK: %[[PAD:.*]] = tensor.pad %[[SQ]] low[0, 0, 1, 1] high[0, 0, 1, 1]
  // CHECK: %[[SUM:.*]] = linalg.pooling_nchw_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
  // CHECK-SAME: ins(%[[PAD]], %{{.*}} : tensor<1x2x7x7xf32>, tensor<3x3xf32>)
  // CHECK: linalg.generic {{.*}} ins(%[[SUM]] : tensor<1x2x3x3xf32>)
  // CHECK: math.sqrt
  %0 = edge.lp_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, p = 2} : (tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32>
  return %0 : tensor<1x2x3x3xf32>
}

// -----

// p = 1 is a sum of absolute values; other p use powf both ways.
// CHECK-LABEL: func.func @lp_pool_p1_p3
func.func @lp_pool_p1_p3(%x: tensor<1x1x4x4xf32>) -> (tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>) {
  // CHECK: math.absf
  // CHECK-NOT: math.powf
  // CHECK: linalg.pooling_nchw_sum
  // CHECK: %[[A:.*]] = math.absf
  // CHECK-NEXT: %[[P:.*]] = arith.constant 3.000000e+00 : f32
  // CHECK-NEXT: math.powf %[[A]], %[[P]] : f32
  // CHECK: linalg.pooling_nchw_sum
  // CHECK: %[[INV:.*]] = arith.constant 0.333333343 : f32
  // CHECK-NEXT: math.powf %{{.*}}, %[[INV]] : f32
  %0 = edge.lp_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, p = 1} : (tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32>
  %1 = edge.lp_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, p = 3} : (tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32>
  return %0, %1 : tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>
}

// -----

// Global max pooling reduces the spatial dimensions from -inf.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[NC:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
// CHECK-LABEL: func.func @global_max_pool
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4x5xf32>)
func.func @global_max_pool(%x: tensor<2x3x4x5xf32>) -> tensor<2x3x1x1xf32> {
  // CHECK: %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
  // CHECK: %[[INIT:.*]] = linalg.fill ins(%[[NEG_INF]] : f32) outs(%{{.*}} : tensor<2x3xf32>)
  // CHECK: %[[MAX:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[NC]]], iterator_types = ["parallel", "parallel", "reduction", "reduction"]}
  // CHECK-SAME: ins(%[[X]] : tensor<2x3x4x5xf32>) outs(%[[INIT]] : tensor<2x3xf32>)
  // CHECK: arith.maximumf
  // CHECK: %[[R:.*]] = tensor.expand_shape {{.*}} into tensor<2x3x1x1xf32>
  // CHECK: return %[[R]]
  %0 = edge.global_max_pool %x : (tensor<2x3x4x5xf32>) -> tensor<2x3x1x1xf32>
  return %0 : tensor<2x3x1x1xf32>
}

// -----

// Global Lp pooling: sum of x * x, then sqrt.
// CHECK-LABEL: func.func @global_lp_pool
func.func @global_lp_pool(%x: tensor<1x3x4xf32>) -> tensor<1x3x1xf32> {
  // CHECK: iterator_types = ["parallel", "parallel", "reduction"]
  // CHECK: arith.mulf
  // CHECK-NEXT: arith.addf
  // CHECK: math.sqrt
  %0 = edge.global_lp_pool %x {p = 2} : (tensor<1x3x4xf32>) -> tensor<1x3x1xf32>
  return %0 : tensor<1x3x1xf32>
}
