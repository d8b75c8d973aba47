// RUN: edgec-opt %s -canonicalize -split-input-file | FileCheck %s
// The declarative rewrites of GraphCanonicalize.td and what they leave
// behind once the folders run.

// transpose(transpose(x, [1, 2, 0]), [1, 2, 0]) reads x through
// inner[outer[i]] = [2, 0, 1].
// CHECK-LABEL: func.func @transpose_of_transpose
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @transpose_of_transpose(%x: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {
  // CHECK-NEXT: %[[T:.*]] = edge.transpose %[[X]] {perm = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  // CHECK-NEXT: return %[[T]]
  %0 = edge.transpose %x {perm = array<i64: 1, 2, 0>} : (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>
  %1 = edge.transpose %0 {perm = array<i64: 1, 2, 0>} : (tensor<3x4x2xf32>) -> tensor<4x2x3xf32>
  return %1 : tensor<4x2x3xf32>
}

// -----

// The composition is not symmetric: [0, 2, 1] after [1, 0, 2] is
// [1, 2, 0], not [2, 0, 1].
// CHECK-LABEL: func.func @transpose_composition_order
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @transpose_composition_order(%x: tensor<2x3x4xf32>) -> tensor<3x4x2xf32> {
  // CHECK-NEXT: %[[T:.*]] = edge.transpose %[[X]] {perm = array<i64: 1, 2, 0>} : (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>
  // CHECK-NEXT: return %[[T]]
  %0 = edge.transpose %x {perm = array<i64: 1, 0, 2>} : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  %1 = edge.transpose %0 {perm = array<i64: 0, 2, 1>} : (tensor<3x2x4xf32>) -> tensor<3x4x2xf32>
  return %1 : tensor<3x4x2xf32>
}

// -----

// A permutation followed by its inverse composes to the identity, which
// folds away.
// CHECK-LABEL: func.func @transpose_inverse
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>)
func.func @transpose_inverse(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32> {
  // CHECK-NEXT: return %[[X]]
  %0 = edge.transpose %x {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x3x8x8xf32>) -> tensor<1x8x8x3xf32>
  %1 = edge.transpose %0 {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x8x8x3xf32>) -> tensor<1x3x8x8xf32>
  return %1 : tensor<1x3x8x8xf32>
}

// -----

// The inner transpose stays while something else reads it.
// CHECK-LABEL: func.func @transpose_of_transpose_shared
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @transpose_of_transpose_shared(%x: tensor<2x3xf32>) -> (tensor<3x2xf32>, tensor<2x3xf32>) {
  // CHECK-NEXT: %[[T:.*]] = edge.transpose %[[X]] {perm = array<i64: 1, 0>}
  // CHECK-NEXT: return %[[T]], %[[X]]
  %0 = edge.transpose %x {perm = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %1 = edge.transpose %0 {perm = array<i64: 1, 0>} : (tensor<3x2xf32>) -> tensor<2x3xf32>
  return %0, %1 : tensor<3x2xf32>, tensor<2x3xf32>
}

// -----

// Three transposes collapse into one.
// CHECK-LABEL: func.func @transpose_chain
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @transpose_chain(%x: tensor<2x3x4xf32>) -> tensor<4x3x2xf32> {
  // CHECK-NEXT: %[[T:.*]] = edge.transpose %[[X]] {perm = array<i64: 2, 1, 0>} : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
  // CHECK-NEXT: return %[[T]]
  %0 = edge.transpose %x {perm = array<i64: 1, 0, 2>} : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  %1 = edge.transpose %0 {perm = array<i64: 0, 2, 1>} : (tensor<3x2x4xf32>) -> tensor<3x4x2xf32>
  %2 = edge.transpose %1 {perm = array<i64: 1, 0, 2>} : (tensor<3x4x2xf32>) -> tensor<4x3x2xf32>
  return %2 : tensor<4x3x2xf32>
}

// -----

// Only the last reshape decides the shape.
// CHECK-LABEL: func.func @reshape_of_reshape
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @reshape_of_reshape(%x: tensor<2x3x4xf32>) -> tensor<4x6xf32> {
  // CHECK-NEXT: %[[R:.*]] = edge.reshape %[[X]] {shape = array<i64: 4, 6>} : (tensor<2x3x4xf32>) -> tensor<4x6xf32>
  // CHECK-NEXT: return %[[R]]
  %0 = edge.reshape %x {shape = array<i64: 24>} : (tensor<2x3x4xf32>) -> tensor<24xf32>
  %1 = edge.reshape %0 {shape = array<i64: 4, 6>} : (tensor<24xf32>) -> tensor<4x6xf32>
  return %1 : tensor<4x6xf32>
}

// -----

// Reshaping back to the original shape leaves nothing.
// CHECK-LABEL: func.func @reshape_round_trip
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x1x1xf32>)
func.func @reshape_round_trip(%x: tensor<1x16x1x1xf32>) -> tensor<1x16x1x1xf32> {
  // CHECK-NEXT: return %[[X]]
  %0 = edge.reshape %x {shape = array<i64: 1, 16>} : (tensor<1x16x1x1xf32>) -> tensor<1x16xf32>
  %1 = edge.reshape %0 {shape = array<i64: 1, 16, 1, 1>} : (tensor<1x16xf32>) -> tensor<1x16x1x1xf32>
  return %1 : tensor<1x16x1x1xf32>
}

// -----

// A reshape of a transpose is not a reshape of the input: both stay.
// CHECK-LABEL: func.func @reshape_of_transpose
func.func @reshape_of_transpose(%x: tensor<2x3xf32>) -> tensor<6xf32> {
  // CHECK-NEXT: %[[T:.*]] = edge.transpose
  // CHECK-NEXT: %[[R:.*]] = edge.reshape %[[T]]
  // CHECK-NEXT: return %[[R]]
  %0 = edge.transpose %x {perm = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %1 = edge.reshape %0 {shape = array<i64: 6>} : (tensor<3x2xf32>) -> tensor<6xf32>
  return %1 : tensor<6xf32>
}

// -----

// Canonicalization also removes pure ops whose results are unused.
// CHECK-LABEL: func.func @dead_ops
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
func.func @dead_ops(%x: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK-NEXT: return %[[X]]
  %0 = edge.relu %x : tensor<4xf32>
  %1 = edge.sigmoid %0 : tensor<4xf32>
  return %x : tensor<4xf32>
}
