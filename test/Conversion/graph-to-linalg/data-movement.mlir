// RUN: edgec-opt %s -edgec-convert-graph-to-linalg -split-input-file | FileCheck %s

// CHECK-LABEL: func.func @constant
func.func @constant() -> tensor<2xf32> {
  // CHECK-NEXT: %[[C:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
  // CHECK-NEXT: return %[[C]]
  %0 = edge.constant dense<[1.0, 2.0]> : tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// A reshape is a collapse to one dimension and an expand: both bufferize to
// views.
// CHECK-LABEL: func.func @reshape
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @reshape(%x: tensor<2x3x4xf32>) -> tensor<6x4xf32> {
  // CHECK-NEXT: %[[F:.*]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1, 2]] : tensor<2x3x4xf32> into tensor<24xf32>
  // CHECK-NEXT: %[[R:.*]] = tensor.expand_shape %[[F]] {{\[}}[0, 1]] output_shape [6, 4] : tensor<24xf32> into tensor<6x4xf32>
  // CHECK-NEXT: return %[[R]]
  %0 = edge.reshape %x {shape = array<i64: 6, 4>} : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_to_vector
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x1x1xf32>)
func.func @reshape_to_vector(%x: tensor<1x16x1x1xf32>) -> tensor<16xf32> {
  // CHECK-NEXT: %[[R:.*]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1, 2, 3]] : tensor<1x16x1x1xf32> into tensor<16xf32>
  // CHECK-NEXT: return %[[R]]
  %0 = edge.reshape %x {shape = array<i64: 16>} : (tensor<1x16x1x1xf32>) -> tensor<16xf32>
  return %0 : tensor<16xf32>
}

// -----

// CHECK-LABEL: func.func @transpose
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @transpose(%x: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {
  // CHECK-NEXT: %[[E:.*]] = tensor.empty() : tensor<4x2x3xf32>
  // CHECK-NEXT: %[[R:.*]] = linalg.transpose ins(%[[X]] : tensor<2x3x4xf32>) outs(%[[E]] : tensor<4x2x3xf32>) permutation = [2, 0, 1]
  // CHECK-NEXT: return %[[R]]
  %0 = edge.transpose %x {perm = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  return %0 : tensor<4x2x3xf32>
}

// -----

// A transposed constant is permuted at compile time.
// CHECK-LABEL: func.func @transpose_constant
func.func @transpose_constant() -> tensor<2x1x3xi32> {
  // CHECK-NOT: linalg.transpose
  // CHECK: %[[C:.*]] = arith.constant dense<{{\[}}{{\[}}[0, 2, 4]], {{\[}}[1, 3, 5]]]> : tensor<2x1x3xi32>
  // CHECK-NEXT: return %[[C]]
  %a = edge.constant dense<[[[0, 1], [2, 3], [4, 5]]]> : tensor<1x3x2xi32>
  %0 = edge.transpose %a {perm = array<i64: 2, 0, 1>} : (tensor<1x3x2xi32>) -> tensor<2x1x3xi32>
  return %0 : tensor<2x1x3xi32>
}

// -----

// Each input is inserted at its running offset along the axis.
// CHECK-LABEL: func.func @concat
// CHECK-SAME: (%[[A:.*]]: tensor<1x2x4xf32>, %[[B:.*]]: tensor<1x3x4xf32>)
func.func @concat(%a: tensor<1x2x4xf32>, %b: tensor<1x3x4xf32>) -> tensor<1x7x4xf32> {
  // CHECK-NEXT: %[[E:.*]] = tensor.empty() : tensor<1x7x4xf32>
  // CHECK-NEXT: %[[S0:.*]] = tensor.insert_slice %[[A]] into %[[E]][0, 0, 0] [1, 2, 4] [1, 1, 1] : tensor<1x2x4xf32> into tensor<1x7x4xf32>
  // CHECK-NEXT: %[[S1:.*]] = tensor.insert_slice %[[B]] into %[[S0]][0, 2, 0] [1, 3, 4] [1, 1, 1] : tensor<1x3x4xf32> into tensor<1x7x4xf32>
  // CHECK-NEXT: %[[S2:.*]] = tensor.insert_slice %[[A]] into %[[S1]][0, 5, 0] [1, 2, 4] [1, 1, 1] : tensor<1x2x4xf32> into tensor<1x7x4xf32>
  // CHECK-NEXT: return %[[S2]]
  %0 = edge.concat %a, %b, %a {axis = 1} : (tensor<1x2x4xf32>, tensor<1x3x4xf32>, tensor<1x2x4xf32>) -> tensor<1x7x4xf32>
  return %0 : tensor<1x7x4xf32>
}

// -----

// Rank 0 expands and collapses directly, with no reassociation groups.
// CHECK-LABEL: func.func @reshape_from_scalar
// CHECK-SAME: (%[[X:.*]]: tensor<f32>)
func.func @reshape_from_scalar(%x: tensor<f32>) -> tensor<1x1xf32> {
  // CHECK-NEXT: %[[R:.*]] = tensor.expand_shape %[[X]] [] output_shape [1, 1] : tensor<f32> into tensor<1x1xf32>
  // CHECK-NEXT: return %[[R]]
  %0 = edge.reshape %x {shape = array<i64: 1, 1>} : (tensor<f32>) -> tensor<1x1xf32>
  return %0 : tensor<1x1xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_to_scalar
// CHECK-SAME: (%[[X:.*]]: tensor<1xf32>)
func.func @reshape_to_scalar(%x: tensor<1xf32>) -> tensor<f32> {
  // CHECK-NEXT: %[[R:.*]] = tensor.collapse_shape %[[X]] [] : tensor<1xf32> into tensor<f32>
  // CHECK-NEXT: return %[[R]]
  %0 = edge.reshape %x {shape = array<i64>} : (tensor<1xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}
