// RUN: edgec-opt %s | edgec-opt | FileCheck %s
// RUN: edgec-opt %s --mlir-print-op-generic | edgec-opt | FileCheck %s
// The reductions, arg-reductions, topk and cumsum print in a form that
// parses back to itself.

// CHECK-LABEL: func.func @reduce
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>, %[[I:.*]]: tensor<2x3xi64>)
func.func @reduce(%x: tensor<2x3x4xf32>, %i: tensor<2x3xi64>) {
  // CHECK: edge.reduce_sum %[[X]] {axes = array<i64: 1>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
  %0 = edge.reduce_sum %x {axes = array<i64: 1>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
  // CHECK: edge.reduce_mean %[[X]] {axes = array<i64: 0, 2>, keepdims = false} : (tensor<2x3x4xf32>) -> tensor<3xf32>
  %1 = edge.reduce_mean %x {axes = array<i64: 0, 2>, keepdims = false} : (tensor<2x3x4xf32>) -> tensor<3xf32>
  // CHECK: edge.reduce_max %[[X]] {axes = array<i64: 0, 1, 2>, keepdims = false} : (tensor<2x3x4xf32>) -> tensor<f32>
  %2 = edge.reduce_max %x {axes = array<i64: 0, 1, 2>, keepdims = false} : (tensor<2x3x4xf32>) -> tensor<f32>
  // CHECK: edge.reduce_min %[[I]] {axes = array<i64: 1>, keepdims = true} : (tensor<2x3xi64>) -> tensor<2x1xi64>
  %3 = edge.reduce_min %i {axes = array<i64: 1>, keepdims = true} : (tensor<2x3xi64>) -> tensor<2x1xi64>
  // CHECK: edge.reduce_prod %[[I]] {axes = array<i64: 0, 1>, keepdims = false} : (tensor<2x3xi64>) -> tensor<i64>
  %4 = edge.reduce_prod %i {axes = array<i64: 0, 1>, keepdims = false} : (tensor<2x3xi64>) -> tensor<i64>
  // CHECK: edge.reduce_l1 %[[X]] {axes = array<i64: 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
  %5 = edge.reduce_l1 %x {axes = array<i64: 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
  // CHECK: edge.reduce_l2 %[[X]] {axes = array<i64: 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
  %6 = edge.reduce_l2 %x {axes = array<i64: 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
  // CHECK: edge.reduce_log_sum %[[X]] {axes = array<i64: 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
  %7 = edge.reduce_log_sum %x {axes = array<i64: 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
  // CHECK: edge.reduce_log_sum_exp %[[X]] {axes = array<i64: 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
  %8 = edge.reduce_log_sum_exp %x {axes = array<i64: 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
  // CHECK: edge.reduce_sum_square %[[X]] {axes = array<i64: 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
  %9 = edge.reduce_sum_square %x {axes = array<i64: 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
  // An empty axes list reduces nothing.
  // CHECK: edge.reduce_sum %[[X]] {axes = array<i64>, keepdims = false} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %10 = edge.reduce_sum %x {axes = array<i64>, keepdims = false} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return
}

// CHECK-LABEL: func.func @positions
// CHECK-SAME: (%[[X:.*]]: tensor<2x5xf32>, %[[I:.*]]: tensor<2x5xi32>)
func.func @positions(%x: tensor<2x5xf32>, %i: tensor<2x5xi32>) {
  // CHECK: edge.argmax %[[X]] {axis = 1 : i64, keepdims = true, select_last_index = false} : (tensor<2x5xf32>) -> tensor<2x1xi64>
  %0 = edge.argmax %x {axis = 1, keepdims = true, select_last_index = false} : (tensor<2x5xf32>) -> tensor<2x1xi64>
  // CHECK: edge.argmin %[[I]] {axis = 0 : i64, keepdims = false, select_last_index = true} : (tensor<2x5xi32>) -> tensor<5xi64>
  %1 = edge.argmin %i {axis = 0, keepdims = false, select_last_index = true} : (tensor<2x5xi32>) -> tensor<5xi64>
  // CHECK: edge.topk %[[X]] {axis = 1 : i64, k = 3 : i64, largest = true, sorted = true} : (tensor<2x5xf32>) -> (tensor<2x3xf32>, tensor<2x3xi64>)
  %2:2 = edge.topk %x {axis = 1, k = 3, largest = true, sorted = true} : (tensor<2x5xf32>) -> (tensor<2x3xf32>, tensor<2x3xi64>)
  // CHECK: edge.cumsum %[[I]] {axis = 1 : i64, exclusive = true, reverse = false} : tensor<2x5xi32>
  %3 = edge.cumsum %i {axis = 1, exclusive = true, reverse = false} : tensor<2x5xi32>
  return
}
