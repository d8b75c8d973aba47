// RUN: edgec-opt %s | edgec-opt | FileCheck %s
// RUN: edgec-opt %s --mlir-print-op-generic | edgec-opt | FileCheck %s
// Lp and global max pooling print in a form that parses back to itself.

// CHECK-LABEL: func.func @pools
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>)
func.func @pools(%x: tensor<1x3x8x8xf32>) {
  // CHECK: edge.lp_pool %[[X]] {kernel_shape = array<i64: 3, 3>, p = 2 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
  %0 = edge.lp_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, p = 2} : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
  // CHECK: edge.global_max_pool %[[X]] : (tensor<1x3x8x8xf32>) -> tensor<1x3x1x1xf32>
  %1 = edge.global_max_pool %x : (tensor<1x3x8x8xf32>) -> tensor<1x3x1x1xf32>
  // CHECK: edge.global_lp_pool %[[X]] {p = 3 : i64} : (tensor<1x3x8x8xf32>) -> tensor<1x3x1x1xf32>
  %2 = edge.global_lp_pool %x {p = 3} : (tensor<1x3x8x8xf32>) -> tensor<1x3x1x1xf32>
  return
}
