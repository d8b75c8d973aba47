// RUN: edgec-opt %s | edgec-opt | FileCheck %s
// RUN: edgec-opt %s --mlir-print-op-generic | edgec-opt | FileCheck %s
// Every op of the edge dialect prints in a form that parses back to itself.

// CHECK-LABEL: func.func @constant
func.func @constant() -> (tensor<2x2xf32>, tensor<3xi64>) {
  // CHECK: edge.constant dense<{{\[}}[1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
  %0 = edge.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  // Non-float constants (shapes, indices) are allowed too.
  // CHECK: edge.constant dense<[1, 2, 3]> : tensor<3xi64>
  %1 = edge.constant dense<[1, 2, 3]> : tensor<3xi64>
  return %0, %1 : tensor<2x2xf32>, tensor<3xi64>
}

// CHECK-LABEL: func.func @binary
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3xf32>)
func.func @binary(%a: tensor<2x3xf32>, %b: tensor<3xf32>)
    -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  // CHECK: edge.add %[[A]], %[[B]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %0 = edge.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: edge.sub %[[B]], %[[A]] : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = edge.sub %b, %a : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: edge.mul %[[A]], %[[A]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %2 = edge.mul %a, %a : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: edge.div %[[A]], %[[B]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %3 = edge.div %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0, %1, %2, %3 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

// CHECK-LABEL: func.func @unary
// CHECK-SAME: (%[[X:.*]]: tensor<1x8xf32>)
func.func @unary(%x: tensor<1x8xf32>)
    -> (tensor<1x8xf32>, tensor<1x8xf32>, tensor<1x8xf32>) {
  // CHECK: edge.relu %[[X]] : tensor<1x8xf32>
  %0 = edge.relu %x : tensor<1x8xf32>
  // CHECK: edge.sigmoid %[[X]] : tensor<1x8xf32>
  %1 = edge.sigmoid %x : tensor<1x8xf32>
  // CHECK: edge.clip %[[X]] {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32} : tensor<1x8xf32>
  %2 = edge.clip %x {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x8xf32>
  return %0, %1, %2 : tensor<1x8xf32>, tensor<1x8xf32>, tensor<1x8xf32>
}

// CHECK-LABEL: func.func @conv_bias
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>, %[[W:.*]]: tensor<4x3x3x3xf32>, %[[B:.*]]: tensor<4xf32>)
func.func @conv_bias(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>,
                     %b: tensor<4xf32>) -> tensor<1x4x4x4xf32> {
  // CHECK: edge.conv %[[X]], %[[W]], %[[B]]
  // CHECK-SAME: dilations = array<i64: 1, 1>
  // CHECK-SAME: group = 1 : i64
  // CHECK-SAME: pads = array<i64: 1, 1, 1, 1>
  // CHECK-SAME: strides = array<i64: 2, 2>
  // CHECK-SAME: : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
  %0 = edge.conv %x, %w, %b {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, group = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// The bias is optional.
// CHECK-LABEL: func.func @conv_depthwise_no_bias
// CHECK-SAME: (%[[X:.*]]: tensor<1x6x5x5xf32>, %[[W:.*]]: tensor<6x1x3x3xf32>)
func.func @conv_depthwise_no_bias(%x: tensor<1x6x5x5xf32>,
                                  %w: tensor<6x1x3x3xf32>) -> tensor<1x6x3x3xf32> {
  // CHECK: edge.conv %[[X]], %[[W]] {dilations = array<i64: 1, 1>, group = 6 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>}
  // CHECK-SAME: : (tensor<1x6x5x5xf32>, tensor<6x1x3x3xf32>) -> tensor<1x6x3x3xf32>
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 6} : (tensor<1x6x5x5xf32>, tensor<6x1x3x3xf32>) -> tensor<1x6x3x3xf32>
  return %0 : tensor<1x6x3x3xf32>
}

// CHECK-LABEL: func.func @conv_1d
func.func @conv_1d(%x: tensor<1x2x10xf32>, %w: tensor<4x2x3xf32>) -> tensor<1x4x3xf32> {
  // CHECK: edge.conv
  // CHECK-SAME: dilations = array<i64: 2>
  // CHECK-SAME: pads = array<i64: 0, 0>
  // CHECK-SAME: strides = array<i64: 2>
  // CHECK-SAME: : (tensor<1x2x10xf32>, tensor<4x2x3xf32>) -> tensor<1x4x3xf32>
  %0 = edge.conv %x, %w {strides = array<i64: 2>, dilations = array<i64: 2>, pads = array<i64: 0, 0>, group = 1} : (tensor<1x2x10xf32>, tensor<4x2x3xf32>) -> tensor<1x4x3xf32>
  return %0 : tensor<1x4x3xf32>
}

// CHECK-LABEL: func.func @gemm
// CHECK-SAME: (%[[A:.*]]: tensor<3x2xf32>, %[[B:.*]]: tensor<4x3xf32>, %[[C:.*]]: tensor<4xf32>)
func.func @gemm(%a: tensor<3x2xf32>, %b: tensor<4x3xf32>, %c: tensor<4xf32>)
    -> (tensor<2x4xf32>, tensor<2x4xf32>) {
  // CHECK: edge.gemm %[[A]], %[[B]], %[[C]] {alpha = 5.000000e-01 : f32, beta = 2.000000e+00 : f32, transA = true, transB = true}
  // CHECK-SAME: : (tensor<3x2xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  %0 = edge.gemm %a, %b, %c {alpha = 0.5 : f32, beta = 2.0 : f32, transA = true, transB = true} : (tensor<3x2xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  // CHECK: edge.gemm %[[A]], %[[B]] {alpha = 1.000000e+00 : f32, beta = 1.000000e+00 : f32, transA = true, transB = true}
  // CHECK-SAME: : (tensor<3x2xf32>, tensor<4x3xf32>) -> tensor<2x4xf32>
  %1 = edge.gemm %a, %b {alpha = 1.0 : f32, beta = 1.0 : f32, transA = true, transB = true} : (tensor<3x2xf32>, tensor<4x3xf32>) -> tensor<2x4xf32>
  return %0, %1 : tensor<2x4xf32>, tensor<2x4xf32>
}

// CHECK-LABEL: func.func @matmul
func.func @matmul(%a: tensor<5x2x3xf32>, %b: tensor<3x4xf32>, %v: tensor<3xf32>)
    -> (tensor<5x2x4xf32>, tensor<5x2xf32>, tensor<4xf32>) {
  // CHECK: edge.matmul %{{.*}}, %{{.*}} : (tensor<5x2x3xf32>, tensor<3x4xf32>) -> tensor<5x2x4xf32>
  %0 = edge.matmul %a, %b : (tensor<5x2x3xf32>, tensor<3x4xf32>) -> tensor<5x2x4xf32>
  // CHECK: edge.matmul %{{.*}}, %{{.*}} : (tensor<5x2x3xf32>, tensor<3xf32>) -> tensor<5x2xf32>
  %1 = edge.matmul %a, %v : (tensor<5x2x3xf32>, tensor<3xf32>) -> tensor<5x2xf32>
  // CHECK: edge.matmul %{{.*}}, %{{.*}} : (tensor<3xf32>, tensor<3x4xf32>) -> tensor<4xf32>
  %2 = edge.matmul %v, %b : (tensor<3xf32>, tensor<3x4xf32>) -> tensor<4xf32>
  return %0, %1, %2 : tensor<5x2x4xf32>, tensor<5x2xf32>, tensor<4xf32>
}

// CHECK-LABEL: func.func @batch_norm
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4x4xf32>, %[[P:.*]]: tensor<3xf32>)
func.func @batch_norm(%x: tensor<2x3x4x4xf32>, %p: tensor<3xf32>) -> tensor<2x3x4x4xf32> {
  // CHECK: edge.batch_norm %[[X]], %[[P]], %[[P]], %[[P]], %[[P]] {epsilon = 9.99999974E-6 : f32}
  // CHECK-SAME: : (tensor<2x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4x4xf32>
  %0 = edge.batch_norm %x, %p, %p, %p, %p {epsilon = 1.0e-5 : f32} : (tensor<2x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4x4xf32>
  return %0 : tensor<2x3x4x4xf32>
}

// CHECK-LABEL: func.func @softmax
func.func @softmax(%x: tensor<2x10xf32>) -> tensor<2x10xf32> {
  // CHECK: edge.softmax %{{.*}} {axis = 1 : i64} : tensor<2x10xf32>
  %0 = edge.softmax %x {axis = 1} : tensor<2x10xf32>
  return %0 : tensor<2x10xf32>
}

// CHECK-LABEL: func.func @max_pool
func.func @max_pool(%x: tensor<1x2x8x8xf32>) -> tensor<1x2x4x4xf32> {
  // CHECK: edge.max_pool %{{.*}} {ceil_mode = true, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 3, 3>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>}
  // CHECK-SAME: : (tensor<1x2x8x8xf32>) -> tensor<1x2x4x4xf32>
  %0 = edge.max_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, ceil_mode = true} : (tensor<1x2x8x8xf32>) -> tensor<1x2x4x4xf32>
  return %0 : tensor<1x2x4x4xf32>
}

// CHECK-LABEL: func.func @avg_pool
func.func @avg_pool(%x: tensor<1x2x8x8xf32>) -> tensor<1x2x8x8xf32> {
  // CHECK: edge.avg_pool %{{.*}} {ceil_mode = false, count_include_pad = true, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>}
  // CHECK-SAME: : (tensor<1x2x8x8xf32>) -> tensor<1x2x8x8xf32>
  %0 = edge.avg_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, ceil_mode = false, count_include_pad = true} : (tensor<1x2x8x8xf32>) -> tensor<1x2x8x8xf32>
  return %0 : tensor<1x2x8x8xf32>
}

// CHECK-LABEL: func.func @global_avg_pool
func.func @global_avg_pool(%x: tensor<1x16x7x7xf32>) -> tensor<1x16x1x1xf32> {
  // CHECK: edge.global_avg_pool %{{.*}} : (tensor<1x16x7x7xf32>) -> tensor<1x16x1x1xf32>
  %0 = edge.global_avg_pool %x : (tensor<1x16x7x7xf32>) -> tensor<1x16x1x1xf32>
  return %0 : tensor<1x16x1x1xf32>
}

// CHECK-LABEL: func.func @reshape
func.func @reshape(%x: tensor<1x16x1x1xf32>) -> tensor<1x16xf32> {
  // CHECK: edge.reshape %{{.*}} {shape = array<i64: 1, 16>} : (tensor<1x16x1x1xf32>) -> tensor<1x16xf32>
  %0 = edge.reshape %x {shape = array<i64: 1, 16>} : (tensor<1x16x1x1xf32>) -> tensor<1x16xf32>
  return %0 : tensor<1x16xf32>
}

// CHECK-LABEL: func.func @transpose
func.func @transpose(%x: tensor<1x2x3x4xf32>) -> tensor<1x3x4x2xf32> {
  // CHECK: edge.transpose %{{.*}} {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x2x3x4xf32>) -> tensor<1x3x4x2xf32>
  %0 = edge.transpose %x {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x2x3x4xf32>) -> tensor<1x3x4x2xf32>
  return %0 : tensor<1x3x4x2xf32>
}

// CHECK-LABEL: func.func @concat
// CHECK-SAME: (%[[A:.*]]: tensor<1x2x4xf32>, %[[B:.*]]: tensor<1x3x4xf32>)
func.func @concat(%a: tensor<1x2x4xf32>, %b: tensor<1x3x4xf32>) -> tensor<1x7x4xf32> {
  // CHECK: edge.concat %[[A]], %[[B]], %[[A]] {axis = 1 : i64} : (tensor<1x2x4xf32>, tensor<1x3x4xf32>, tensor<1x2x4xf32>) -> tensor<1x7x4xf32>
  %0 = edge.concat %a, %b, %a {axis = 1} : (tensor<1x2x4xf32>, tensor<1x3x4xf32>, tensor<1x2x4xf32>) -> tensor<1x7x4xf32>
  return %0 : tensor<1x7x4xf32>
}
