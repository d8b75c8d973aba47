// RUN: edgec-opt %s | edgec-opt | FileCheck %s
// RUN: edgec-opt %s --mlir-print-op-generic | edgec-opt | FileCheck %s
// The normalization ops print in a form that parses back to itself.

// CHECK-LABEL: func.func @layer_norm
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>, %[[W:.*]]: tensor<4xf32>, %[[B:.*]]: tensor<3x1xf32>)
func.func @layer_norm(%x: tensor<2x3x4xf32>, %w: tensor<4xf32>, %b: tensor<3x1xf32>) {
  // CHECK: edge.layer_norm %[[X]], %[[W]], %[[B]] {axis = 1 : i64, epsilon = 9.99999974E-6 : f32} : (tensor<2x3x4xf32>, tensor<4xf32>, tensor<3x1xf32>) -> (tensor<2x3x4xf32>, tensor<2x1x1xf32>, tensor<2x1x1xf32>)
  %0:3 = edge.layer_norm %x, %w, %b {axis = 1, epsilon = 1.0e-5 : f32} : (tensor<2x3x4xf32>, tensor<4xf32>, tensor<3x1xf32>) -> (tensor<2x3x4xf32>, tensor<2x1x1xf32>, tensor<2x1x1xf32>)
  // The bias is optional.
  // CHECK: edge.layer_norm %[[X]], %[[W]] {axis = 2 : i64, epsilon = 1.000000e-03 : f32} : (tensor<2x3x4xf32>, tensor<4xf32>) -> (tensor<2x3x4xf32>, tensor<2x3x1xf32>, tensor<2x3x1xf32>)
  %1:3 = edge.layer_norm %x, %w {axis = 2, epsilon = 1.0e-3 : f32} : (tensor<2x3x4xf32>, tensor<4xf32>) -> (tensor<2x3x4xf32>, tensor<2x3x1xf32>, tensor<2x3x1xf32>)
  return
}

// CHECK-LABEL: func.func @others
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x4x4xf32>, %[[P:.*]]: tensor<3xf32>)
func.func @others(%x: tensor<1x3x4x4xf32>, %p: tensor<3xf32>) {
  // CHECK: edge.instance_norm %[[X]], %[[P]], %[[P]] {epsilon = 9.99999974E-6 : f32} : (tensor<1x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x4x4xf32>
  %0 = edge.instance_norm %x, %p, %p {epsilon = 1.0e-5 : f32} : (tensor<1x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x4x4xf32>
  // CHECK: edge.lrn %[[X]] {alpha = 9.99999974E-5 : f32, beta = 7.500000e-01 : f32, bias = 1.000000e+00 : f32, size = 3 : i64} : tensor<1x3x4x4xf32>
  %1 = edge.lrn %x {alpha = 1.0e-4 : f32, beta = 0.75 : f32, bias = 1.0 : f32, size = 3} : tensor<1x3x4x4xf32>
  // CHECK: edge.log_softmax %[[X]] {axis = 1 : i64} : tensor<1x3x4x4xf32>
  %2 = edge.log_softmax %x {axis = 1} : tensor<1x3x4x4xf32>
  // CHECK: edge.hardmax %[[X]] {axis = 3 : i64} : tensor<1x3x4x4xf32>
  %3 = edge.hardmax %x {axis = 3} : tensor<1x3x4x4xf32>
  // CHECK: edge.mean_variance_norm %[[X]] {axes = array<i64: 0, 2, 3>} : tensor<1x3x4x4xf32>
  %4 = edge.mean_variance_norm %x {axes = array<i64: 0, 2, 3>} : tensor<1x3x4x4xf32>
  // CHECK: edge.lp_norm %[[X]] {axis = 1 : i64, p = 1 : i64} : tensor<1x3x4x4xf32>
  %5 = edge.lp_norm %x {axis = 1, p = 1} : tensor<1x3x4x4xf32>
  return
}
