// RUN: edgec-opt %s -canonicalize -split-input-file | FileCheck %s
// Folders of the edge dialect: constant folding (values checked against
// numpy in float32) and the identities that return an operand.

// CHECK-LABEL: func.func @fold_add
func.func @fold_add() -> tensor<4xf32> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<[1.500000e+00, 2.000000e+00, 2.000000e+00, 0.000000e+00]> : tensor<4xf32>
  // CHECK-NEXT: return %[[C]]
  %a = edge.constant dense<[1.0, -2.0, 3.5, 0.0]> : tensor<4xf32>
  %b = edge.constant dense<[0.5, 4.0, -1.5, 0.0]> : tensor<4xf32>
  %0 = edge.add %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @fold_sub
func.func @fold_sub() -> tensor<4xf32> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<[5.000000e-01, -6.000000e+00, 5.000000e+00, 0.000000e+00]> : tensor<4xf32>
  // CHECK-NEXT: return %[[C]]
  %a = edge.constant dense<[1.0, -2.0, 3.5, 0.0]> : tensor<4xf32>
  %b = edge.constant dense<[0.5, 4.0, -1.5, 0.0]> : tensor<4xf32>
  %0 = edge.sub %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @fold_mul
func.func @fold_mul() -> tensor<2x2xf32> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<{{\[}}[5.000000e-01, -8.000000e+00], [-5.250000e+00, 0.000000e+00]]> : tensor<2x2xf32>
  // CHECK-NEXT: return %[[C]]
  %a = edge.constant dense<[[1.0, -2.0], [3.5, 0.0]]> : tensor<2x2xf32>
  %b = edge.constant dense<[[0.5, 4.0], [-1.5, 0.0]]> : tensor<2x2xf32>
  %0 = edge.mul %a, %b : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// IEEE division: 0 / 0 is NaN and 1 / 0 is +inf.
// CHECK-LABEL: func.func @fold_div
func.func @fold_div() -> tensor<5xf32> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<[2.000000e+00, -5.000000e-01, -2.33333325, 0x7FC00000, 0x7F800000]> : tensor<5xf32>
  // CHECK-NEXT: return %[[C]]
  %a = edge.constant dense<[1.0, -2.0, 3.5, 0.0, 1.0]> : tensor<5xf32>
  %b = edge.constant dense<[0.5, 4.0, -1.5, 0.0, 0.0]> : tensor<5xf32>
  %0 = edge.div %a, %b : (tensor<5xf32>, tensor<5xf32>) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

// CHECK-LABEL: func.func @fold_splats
func.func @fold_splats() -> tensor<2x3xf32> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<5.000000e+00> : tensor<2x3xf32>
  // CHECK-NEXT: return %[[C]]
  %a = edge.constant dense<2.0> : tensor<2x3xf32>
  %b = edge.constant dense<3.0> : tensor<2x3xf32>
  %0 = edge.add %a, %b : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Constants of different shapes fold with numpy broadcasting (the shape
// computations exporters emit need it).
// CHECK-LABEL: func.func @fold_broadcast_constants
func.func @fold_broadcast_constants() -> tensor<2x2xf32> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<{{\[}}[1.100000e+01, 2.200000e+01], [1.300000e+01, 2.400000e+01]]> : tensor<2x2xf32>
  // CHECK-NEXT: return %[[C]]
  %a = edge.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %b = edge.constant dense<[10.0, 20.0]> : tensor<2xf32>
  %0 = edge.add %a, %b : (tensor<2x2xf32>, tensor<2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// relu keeps NaN (numpy.maximum would too).
// CHECK-LABEL: func.func @fold_relu
func.func @fold_relu() -> tensor<4xf32> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<[0.000000e+00, 0.000000e+00, 2.500000e+00, 0x7FC00000]> : tensor<4xf32>
  // CHECK-NEXT: return %[[C]]
  %a = edge.constant dense<[-1.0, 0.0, 2.5, 0x7FC00000]> : tensor<4xf32>
  %0 = edge.relu %a : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// sigmoid(0) = 0.5, sigmoid(2) = 0.880797, and a large negative input
// underflows to 0 without producing NaN.
// CHECK-LABEL: func.func @fold_sigmoid
func.func @fold_sigmoid() -> tensor<3xf32> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<[5.000000e-01, 8.807970e-01, 0.000000e+00]> : tensor<3xf32>
  // CHECK-NEXT: return %[[C]]
  %a = edge.constant dense<[0.0, 2.0, -100.0]> : tensor<3xf32>
  %0 = edge.sigmoid %a : tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @fold_clip
func.func @fold_clip() -> tensor<5xf32> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<[1.000000e+00, 0.000000e+00, 6.000000e+00, 0.000000e+00, 0x7FC00000]> : tensor<5xf32>
  // CHECK-NEXT: return %[[C]]
  %a = edge.constant dense<[1.0, -2.0, 7.5, 0.0, 0x7FC00000]> : tensor<5xf32>
  %0 = edge.clip %a {min = 0.0 : f32, max = 6.0 : f32} : tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

// numpy.clip with min > max: minimum(maximum(x, min), max) is max everywhere
// (NaN aside), and the lowering computes the same.
// CHECK-LABEL: func.func @fold_clip_min_above_max
func.func @fold_clip_min_above_max() -> tensor<4xf32> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<[1.000000e+00, 1.000000e+00, 1.000000e+00, 0x7FC00000]> : tensor<4xf32>
  // CHECK-NEXT: return %[[C]]
  %a = edge.constant dense<[0.0, 1.5, 3.0, 0x7FC00000]> : tensor<4xf32>
  %0 = edge.clip %a {min = 2.0 : f32, max = 1.0 : f32} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @fold_reshape_constant
func.func @fold_reshape_constant() -> tensor<3x2xf32> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<{{\[}}[1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00], [5.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>
  // CHECK-NEXT: return %[[C]]
  %a = edge.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %0 = edge.reshape %a {shape = array<i64: 3, 2>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// CHECK-LABEL: func.func @fold_transpose_constant
func.func @fold_transpose_constant() -> tensor<3x2xf32> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<{{\[}}[1.000000e+00, 4.000000e+00], [2.000000e+00, 5.000000e+00], [3.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>
  // CHECK-NEXT: return %[[C]]
  %a = edge.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %0 = edge.transpose %a {perm = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// A rank-3 permutation: out[i][j][k] = in[j][k][i] (numpy.transpose(a, (2, 0, 1))).
// CHECK-LABEL: func.func @fold_transpose_constant_3d
func.func @fold_transpose_constant_3d() -> tensor<2x1x3xi32> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<{{\[}}{{\[}}[0, 2, 4]], {{\[}}[1, 3, 5]]]> : tensor<2x1x3xi32>
  // CHECK-NEXT: return %[[C]]
  %a = edge.constant dense<[[[0, 1], [2, 3], [4, 5]]]> : tensor<1x3x2xi32>
  %0 = edge.transpose %a {perm = array<i64: 2, 0, 1>} : (tensor<1x3x2xi32>) -> tensor<2x1x3xi32>
  return %0 : tensor<2x1x3xi32>
}

// -----

// CHECK-LABEL: func.func @fold_transpose_splat
func.func @fold_transpose_splat() -> tensor<3x2xf32> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<7.000000e+00> : tensor<3x2xf32>
  // CHECK-NEXT: return %[[C]]
  %a = edge.constant dense<7.0> : tensor<2x3xf32>
  %0 = edge.transpose %a {perm = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// CHECK-LABEL: func.func @transpose_identity
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @transpose_identity(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK-NEXT: return %[[X]]
  %0 = edge.transpose %x {perm = array<i64: 0, 1>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// A permutation that keeps the shape is still a transpose.
// CHECK-LABEL: func.func @transpose_same_shape_not_identity
func.func @transpose_same_shape_not_identity(%x: tensor<3x3xf32>) -> tensor<3x3xf32> {
  // CHECK-NEXT: %[[T:.*]] = edge.transpose %{{.*}} {perm = array<i64: 1, 0>}
  // CHECK-NEXT: return %[[T]]
  %0 = edge.transpose %x {perm = array<i64: 1, 0>} : (tensor<3x3xf32>) -> tensor<3x3xf32>
  return %0 : tensor<3x3xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_same_type
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @reshape_same_type(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK-NEXT: return %[[X]]
  %0 = edge.reshape %x {shape = array<i64: 2, 3>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @concat_single
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @concat_single(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK-NEXT: return %[[X]]
  %0 = edge.concat %x {axis = 1} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @concat_two_kept
func.func @concat_two_kept(%x: tensor<2x3xf32>) -> tensor<2x6xf32> {
  // CHECK-NEXT: %[[C:.*]] = edge.concat
  // CHECK-NEXT: return %[[C]]
  %0 = edge.concat %x, %x {axis = 1} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// -----

// CHECK-LABEL: func.func @mul_by_one
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @mul_by_one(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK-NEXT: return %[[X]]
  %one = edge.constant dense<1.0> : tensor<2x3xf32>
  %0 = edge.mul %x, %one : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// mul commutes: the folder sees the constant on the right.
// CHECK-LABEL: func.func @one_times_x
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @one_times_x(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK-NEXT: return %[[X]]
  %one = edge.constant dense<1.0> : tensor<2x3xf32>
  %0 = edge.mul %one, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// A smaller 1 that broadcasts into x leaves x's shape alone: still x.
// CHECK-LABEL: func.func @mul_by_broadcast_one
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @mul_by_broadcast_one(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK-NEXT: return %[[X]]
  %one = edge.constant dense<1.0> : tensor<3xf32>
  %0 = edge.mul %x, %one : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// A 1 that broadcasts x to a larger shape must stay: the result is not x.
// CHECK-LABEL: func.func @mul_by_one_changes_shape
func.func @mul_by_one_changes_shape(%x: tensor<3xf32>) -> tensor<2x3xf32> {
  // CHECK: %[[ONE:.*]] = edge.constant dense<1.000000e+00> : tensor<2x3xf32>
  // CHECK-NEXT: %[[R:.*]] = edge.mul %{{.*}}, %[[ONE]] : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: return %[[R]]
  %one = edge.constant dense<1.0> : tensor<2x3xf32>
  %0 = edge.mul %x, %one : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @mul_by_two_kept
func.func @mul_by_two_kept(%x: tensor<3xf32>) -> tensor<3xf32> {
  // CHECK: edge.mul
  %two = edge.constant dense<2.0> : tensor<3xf32>
  %0 = edge.mul %x, %two : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @div_by_one
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @div_by_one(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK-NEXT: return %[[X]]
  %one = edge.constant dense<1.0> : tensor<1xf32>
  %0 = edge.div %x, %one : (tensor<2x3xf32>, tensor<1xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// 1 / x is not x: div does not commute.
// CHECK-LABEL: func.func @one_over_x_kept
func.func @one_over_x_kept(%x: tensor<3xf32>) -> tensor<3xf32> {
  // CHECK: %[[ONE:.*]] = edge.constant dense<1.000000e+00>
  // CHECK-NEXT: %[[R:.*]] = edge.div %[[ONE]], %{{.*}}
  // CHECK-NEXT: return %[[R]]
  %one = edge.constant dense<1.0> : tensor<3xf32>
  %0 = edge.div %one, %x : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @div_by_one_changes_shape
func.func @div_by_one_changes_shape(%x: tensor<1xf32>) -> tensor<4xf32> {
  // CHECK: %[[R:.*]] = edge.div
  // CHECK-NEXT: return %[[R]]
  %one = edge.constant dense<1.0> : tensor<4xf32>
  %0 = edge.div %x, %one : (tensor<1xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// relu is idempotent.
// CHECK-LABEL: func.func @relu_relu
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
func.func @relu_relu(%x: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK-NEXT: %[[R:.*]] = edge.relu %[[X]]
  // CHECK-NEXT: return %[[R]]
  %0 = edge.relu %x : tensor<4xf32>
  %1 = edge.relu %0 : tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// Folding chains: the transposed constant feeds an add of constants.
// CHECK-LABEL: func.func @fold_chain
func.func @fold_chain() -> tensor<2x2xf32> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<{{\[}}[2.000000e+00, 5.000000e+00], [5.000000e+00, 8.000000e+00]]> : tensor<2x2xf32>
  // CHECK-NEXT: return %[[C]]
  %a = edge.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %t = edge.transpose %a {perm = array<i64: 1, 0>} : (tensor<2x2xf32>) -> tensor<2x2xf32>
  %0 = edge.add %a, %t : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}
