// RUN: edgec-opt %s -split-input-file -edge-propagate-transposes | FileCheck %s
// Layout transposes move down through elementwise ops and concatenations
// (constants are transposed at compile time instead) until they meet their
// inverse and both disappear. A transpose moves when the op is its one
// user, or when every path from it meets its inverse: then every transpose
// a rewrite adds moves on until it cancels, and the pass terminates.

// The NHWC -> NCHW transpose after a conv sinks through relu and meets the
// NCHW -> NHWC transpose before the next conv: none is left.
// CHECK-LABEL: func.func @cancel_through_unary
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x5x3xf32>)
// CHECK-NEXT: %[[R:.*]] = edge.relu %[[X]] : tensor<1x4x5x3xf32>
// CHECK-NEXT: %[[S:.*]] = edge.sigmoid %[[R]] : tensor<1x4x5x3xf32>
// CHECK-NEXT: %[[C:.*]] = edge.clip %[[S]] {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32} : tensor<1x4x5x3xf32>
// CHECK-NEXT: return %[[C]]
func.func @cancel_through_unary(%x: tensor<1x4x5x3xf32>) -> tensor<1x4x5x3xf32> {
  %0 = edge.transpose %x {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x4x5x3xf32>) -> tensor<1x3x4x5xf32>
  %1 = edge.relu %0 : tensor<1x3x4x5xf32>
  %2 = edge.sigmoid %1 : tensor<1x3x4x5xf32>
  %3 = edge.clip %2 {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x3x4x5xf32>
  %4 = edge.transpose %3 {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x3x4x5xf32>) -> tensor<1x4x5x3xf32>
  return %4 : tensor<1x4x5x3xf32>
}

// -----

// Without an inverse to meet, the transpose ends up after the ops.
// CHECK-LABEL: func.func @sink_to_the_end
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x5x3xf32>)
// CHECK-NEXT: %[[R:.*]] = edge.relu %[[X]] : tensor<1x4x5x3xf32>
// CHECK-NEXT: %[[T:.*]] = edge.transpose %[[R]] {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x4x5x3xf32>) -> tensor<1x3x4x5xf32>
// CHECK-NEXT: return %[[T]]
func.func @sink_to_the_end(%x: tensor<1x4x5x3xf32>) -> tensor<1x3x4x5xf32> {
  %0 = edge.transpose %x {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x4x5x3xf32>) -> tensor<1x3x4x5xf32>
  %1 = edge.relu %0 : tensor<1x3x4x5xf32>
  return %1 : tensor<1x3x4x5xf32>
}

// -----

// Binary ops whose operands are transposed alike; operand order is kept
// (sub and div do not commute).
// CHECK-LABEL: func.func @binary_both_transposed
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x5x3xf32>, %[[Y:.*]]: tensor<1x4x5x3xf32>)
// CHECK-NEXT: %[[S:.*]] = edge.sub %[[Y]], %[[X]] : (tensor<1x4x5x3xf32>, tensor<1x4x5x3xf32>) -> tensor<1x4x5x3xf32>
// CHECK-NEXT: %[[D:.*]] = edge.div %[[S]], %[[X]] : (tensor<1x4x5x3xf32>, tensor<1x4x5x3xf32>) -> tensor<1x4x5x3xf32>
// CHECK-NEXT: %[[T:.*]] = edge.transpose %[[D]] {perm = array<i64: 0, 3, 1, 2>}
// CHECK-NEXT: return %[[T]]
func.func @binary_both_transposed(%x: tensor<1x4x5x3xf32>, %y: tensor<1x4x5x3xf32>) -> tensor<1x3x4x5xf32> {
  %tx = edge.transpose %x {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x4x5x3xf32>) -> tensor<1x3x4x5xf32>
  %ty = edge.transpose %y {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x4x5x3xf32>) -> tensor<1x3x4x5xf32>
  %tx2 = edge.transpose %x {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x4x5x3xf32>) -> tensor<1x3x4x5xf32>
  %0 = edge.sub %ty, %tx : (tensor<1x3x4x5xf32>, tensor<1x3x4x5xf32>) -> tensor<1x3x4x5xf32>
  %1 = edge.div %0, %tx2 : (tensor<1x3x4x5xf32>, tensor<1x3x4x5xf32>) -> tensor<1x3x4x5xf32>
  return %1 : tensor<1x3x4x5xf32>
}

// -----

// A full-rank constant operand is transposed at compile time (and, mul
// being commutative, canonicalized to the right):
// c[0][ch][h][w] = 1 + 4ch + 2h + w in NHWC is [h][w] -> c[0][0..2][h][w].
// CHECK-LABEL: func.func @constant_operand
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x2x3xf32>)
// CHECK: %[[C:.*]] = edge.constant dense<{{\[\[\[}}[1.000000e+00, 5.000000e+00, 9.000000e+00], [2.000000e+00, 6.000000e+00, 1.000000e+01]], {{\[}}[3.000000e+00, 7.000000e+00, 1.100000e+01], [4.000000e+00, 8.000000e+00, 1.200000e+01]]]]> : tensor<1x2x2x3xf32>
// CHECK: %[[M:.*]] = edge.mul %[[X]], %[[C]] : (tensor<1x2x2x3xf32>, tensor<1x2x2x3xf32>) -> tensor<1x2x2x3xf32>
// CHECK: %[[T:.*]] = edge.transpose %[[M]] {perm = array<i64: 0, 3, 1, 2>}
// CHECK: return %[[T]]
func.func @constant_operand(%x: tensor<1x2x2x3xf32>) -> tensor<1x3x2x2xf32> {
  %t = edge.transpose %x {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x2x2x3xf32>) -> tensor<1x3x2x2xf32>
  %c = edge.constant dense<[[[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]], [[9.0, 10.0], [11.0, 12.0]]]]> : tensor<1x3x2x2xf32>
  %0 = edge.mul %c, %t : (tensor<1x3x2x2xf32>, tensor<1x3x2x2xf32>) -> tensor<1x3x2x2xf32>
  return %0 : tensor<1x3x2x2xf32>
}

// -----

// A broadcast constant (a per-channel [C, 1, 1] in NCHW) is first given the
// full rank, then transposed: a [1, 1, 1, C] row in NHWC.
// CHECK-LABEL: func.func @broadcast_constant
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x2x3xf32>)
// CHECK: %[[C:.*]] = edge.constant dense<{{\[\[\[}}[1.000000e+00, 2.000000e+00, 3.000000e+00]]]]> : tensor<1x1x1x3xf32>
// CHECK: %[[A:.*]] = edge.add %[[X]], %[[C]] : (tensor<1x2x2x3xf32>, tensor<1x1x1x3xf32>) -> tensor<1x2x2x3xf32>
// CHECK-NOT: edge.transpose
// CHECK: return %[[A]]
func.func @broadcast_constant(%x: tensor<1x2x2x3xf32>) -> tensor<1x2x2x3xf32> {
  %t = edge.transpose %x {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x2x2x3xf32>) -> tensor<1x3x2x2xf32>
  %c = edge.constant dense<[[[1.0]], [[2.0]], [[3.0]]]> : tensor<3x1x1xf32>
  %0 = edge.add %t, %c : (tensor<1x3x2x2xf32>, tensor<3x1x1xf32>) -> tensor<1x3x2x2xf32>
  %1 = edge.transpose %0 {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x3x2x2xf32>) -> tensor<1x2x2x3xf32>
  return %1 : tensor<1x2x2x3xf32>
}

// -----

// An operand that is neither transposed, nor constant, nor transposed back
// elsewhere would need a transpose of its own: nothing moves.
// CHECK-LABEL: func.func @other_operand
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x5x3xf32>, %[[Y:.*]]: tensor<1x3x4x5xf32>)
// CHECK-NEXT: %[[T:.*]] = edge.transpose %[[X]]
// CHECK-NEXT: %[[A:.*]] = edge.add %[[T]], %[[Y]] : (tensor<1x3x4x5xf32>, tensor<1x3x4x5xf32>)
// CHECK-NEXT: return %[[A]]
func.func @other_operand(%x: tensor<1x4x5x3xf32>, %y: tensor<1x3x4x5xf32>) -> tensor<1x3x4x5xf32> {
  %t = edge.transpose %x {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x4x5x3xf32>) -> tensor<1x3x4x5xf32>
  %0 = edge.add %t, %y : (tensor<1x3x4x5xf32>, tensor<1x3x4x5xf32>) -> tensor<1x3x4x5xf32>
  return %0 : tensor<1x3x4x5xf32>
}

// -----

// Nor does a lower-rank operand that is not a constant.
// CHECK-LABEL: func.func @broadcast_runtime_operand
// CHECK-NEXT: edge.transpose
// CHECK-NEXT: edge.add
// CHECK-NEXT: return
func.func @broadcast_runtime_operand(%x: tensor<1x4x5x3xf32>, %y: tensor<5xf32>) -> tensor<1x3x4x5xf32> {
  %t = edge.transpose %x {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x4x5x3xf32>) -> tensor<1x3x4x5xf32>
  %0 = edge.add %t, %y : (tensor<1x3x4x5xf32>, tensor<5xf32>) -> tensor<1x3x4x5xf32>
  return %0 : tensor<1x3x4x5xf32>
}

// -----

// Operands transposed by different permutations do not move.
// CHECK-LABEL: func.func @different_perms
// CHECK: %[[A:.*]] = edge.transpose %{{.*}} {perm = array<i64: 0, 3, 1, 2>}
// CHECK: %[[B:.*]] = edge.transpose %{{.*}} {perm = array<i64: 0, 1, 3, 2>}
// CHECK: edge.add %[[A]], %[[B]] : (tensor<1x3x4x5xf32>, tensor<1x3x4x5xf32>)
func.func @different_perms(%x: tensor<1x4x5x3xf32>, %y: tensor<1x3x5x4xf32>) -> tensor<1x3x4x5xf32> {
  %tx = edge.transpose %x {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x4x5x3xf32>) -> tensor<1x3x4x5xf32>
  %ty = edge.transpose %y {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x3x5x4xf32>) -> tensor<1x3x4x5xf32>
  %0 = edge.add %tx, %ty : (tensor<1x3x4x5xf32>, tensor<1x3x4x5xf32>) -> tensor<1x3x4x5xf32>
  return %0 : tensor<1x3x4x5xf32>
}

// -----

// The existing-inverse rule: x is transposed to NHWC anyway (for a conv,
// say), so add(T(y), x) becomes T(add(y, T⁻¹(x))) reusing that transpose,
// moved up before the add. The transposes then cancel against the one
// after the relu. This is the shape of a residual block; it used to loop
// forever.
// CHECK-LABEL: func.func @existing_inverse
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x4x5xf32>, %[[Y:.*]]: tensor<1x4x5x3xf32>)
// CHECK-NEXT: %[[XT:.*]] = edge.transpose %[[X]] {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x3x4x5xf32>) -> tensor<1x4x5x3xf32>
// CHECK-NEXT: %[[A:.*]] = edge.add %[[Y]], %[[XT]] : (tensor<1x4x5x3xf32>, tensor<1x4x5x3xf32>) -> tensor<1x4x5x3xf32>
// CHECK-NEXT: %[[R:.*]] = edge.relu %[[A]] : tensor<1x4x5x3xf32>
// CHECK-NEXT: return %[[R]], %[[XT]]
func.func @existing_inverse(%x: tensor<1x3x4x5xf32>, %y: tensor<1x4x5x3xf32>) -> (tensor<1x4x5x3xf32>, tensor<1x4x5x3xf32>) {
  %t = edge.transpose %y {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x4x5x3xf32>) -> tensor<1x3x4x5xf32>
  %a = edge.add %t, %x : (tensor<1x3x4x5xf32>, tensor<1x3x4x5xf32>) -> tensor<1x3x4x5xf32>
  %r = edge.relu %a : tensor<1x3x4x5xf32>
  %xt = edge.transpose %x {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x3x4x5xf32>) -> tensor<1x4x5x3xf32>
  %rt = edge.transpose %r {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x3x4x5xf32>) -> tensor<1x4x5x3xf32>
  return %rt, %xt : tensor<1x4x5x3xf32>, tensor<1x4x5x3xf32>
}

// -----

// The same with the add's result left in NCHW: the transpose stays after
// the add, and the pass still terminates.
// CHECK-LABEL: func.func @existing_inverse_no_cancel
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x4x5xf32>, %[[Y:.*]]: tensor<1x4x5x3xf32>)
// CHECK-NEXT: %[[XT:.*]] = edge.transpose %[[X]] {perm = array<i64: 0, 2, 3, 1>}
// CHECK-NEXT: %[[A:.*]] = edge.add %[[Y]], %[[XT]]
// CHECK-NEXT: %[[T:.*]] = edge.transpose %[[A]] {perm = array<i64: 0, 3, 1, 2>}
// CHECK-NEXT: return %[[T]], %[[XT]]
func.func @existing_inverse_no_cancel(%x: tensor<1x3x4x5xf32>, %y: tensor<1x4x5x3xf32>) -> (tensor<1x3x4x5xf32>, tensor<1x4x5x3xf32>) {
  %t = edge.transpose %y {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x4x5x3xf32>) -> tensor<1x3x4x5xf32>
  %a = edge.add %t, %x : (tensor<1x3x4x5xf32>, tensor<1x3x4x5xf32>) -> tensor<1x3x4x5xf32>
  %xt = edge.transpose %x {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x3x4x5xf32>) -> tensor<1x4x5x3xf32>
  return %a, %xt : tensor<1x3x4x5xf32>, tensor<1x4x5x3xf32>
}

// -----

// Two residual blocks in a row, each add reading the previous block's
// output in NCHW and in NHWC: everything ends up channels-last with the
// existing transposes reused.
// CHECK-LABEL: func.func @chained_residuals
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x4x5xf32>, %[[Y:.*]]: tensor<1x4x5x3xf32>, %[[Z:.*]]: tensor<1x4x5x3xf32>)
// CHECK-NEXT: %[[XT:.*]] = edge.transpose %[[X]] {perm = array<i64: 0, 2, 3, 1>}
// CHECK-NEXT: %[[A:.*]] = edge.add %[[Y]], %[[XT]]
// CHECK-NEXT: %[[B:.*]] = edge.add %[[Z]], %[[A]]
// CHECK-NEXT: return %[[B]], %[[XT]], %[[A]]
func.func @chained_residuals(%x: tensor<1x3x4x5xf32>, %y: tensor<1x4x5x3xf32>, %z: tensor<1x4x5x3xf32>) -> (tensor<1x4x5x3xf32>, tensor<1x4x5x3xf32>, tensor<1x4x5x3xf32>) {
  %xt = edge.transpose %x {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x3x4x5xf32>) -> tensor<1x4x5x3xf32>
  %ty = edge.transpose %y {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x4x5x3xf32>) -> tensor<1x3x4x5xf32>
  %a = edge.add %ty, %x : (tensor<1x3x4x5xf32>, tensor<1x3x4x5xf32>) -> tensor<1x3x4x5xf32>
  %at = edge.transpose %a {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x3x4x5xf32>) -> tensor<1x4x5x3xf32>
  %tz = edge.transpose %z {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x4x5x3xf32>) -> tensor<1x3x4x5xf32>
  %b = edge.add %tz, %a : (tensor<1x3x4x5xf32>, tensor<1x3x4x5xf32>) -> tensor<1x3x4x5xf32>
  %bt = edge.transpose %b {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x3x4x5xf32>) -> tensor<1x4x5x3xf32>
  return %bt, %xt, %at : tensor<1x4x5x3xf32>, tensor<1x4x5x3xf32>, tensor<1x4x5x3xf32>
}

// -----

// The single-user rule: a transpose that something else also reads stays
// where it is, and the relu stays in NCHW (moving it would add a transpose
// without removing one).
// CHECK-LABEL: func.func @shared_transpose
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x5x3xf32>)
// CHECK-NEXT: %[[T:.*]] = edge.transpose %[[X]] {perm = array<i64: 0, 3, 1, 2>}
// CHECK-NEXT: %[[R:.*]] = edge.relu %[[T]] : tensor<1x3x4x5xf32>
// CHECK-NEXT: %[[S:.*]] = edge.sigmoid %[[T]] : tensor<1x3x4x5xf32>
// CHECK-NEXT: return %[[R]], %[[S]]
func.func @shared_transpose(%x: tensor<1x4x5x3xf32>) -> (tensor<1x3x4x5xf32>, tensor<1x3x4x5xf32>) {
  %t = edge.transpose %x {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x4x5x3xf32>) -> tensor<1x3x4x5xf32>
  %0 = edge.relu %t : tensor<1x3x4x5xf32>
  %1 = edge.sigmoid %t : tensor<1x3x4x5xf32>
  return %0, %1 : tensor<1x3x4x5xf32>, tensor<1x3x4x5xf32>
}

// -----

// Ops that are not elementwise stop the transposes.
// CHECK-LABEL: func.func @not_elementwise
// CHECK-NEXT: %[[T:.*]] = edge.transpose
// CHECK-NEXT: edge.softmax %[[T]]
func.func @not_elementwise(%x: tensor<1x4x5x3xf32>) -> tensor<1x3x4x5xf32> {
  %t = edge.transpose %x {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x4x5x3xf32>) -> tensor<1x3x4x5xf32>
  %0 = edge.softmax %t {axis = 1} : tensor<1x3x4x5xf32>
  return %0 : tensor<1x3x4x5xf32>
}

// -----

// concat(T(x), T(y)) on NCHW channels is T(concat(x, y)) on axis perm[1].
// CHECK-LABEL: func.func @concat
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x2x3xf32>, %[[Y:.*]]: tensor<1x2x2x5xf32>)
// CHECK-NEXT: %[[C:.*]] = edge.concat %[[X]], %[[Y]] {axis = 3 : i64} : (tensor<1x2x2x3xf32>, tensor<1x2x2x5xf32>) -> tensor<1x2x2x8xf32>
// CHECK-NEXT: %[[T:.*]] = edge.transpose %[[C]] {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x2x2x8xf32>) -> tensor<1x8x2x2xf32>
// CHECK-NEXT: return %[[T]]
func.func @concat(%x: tensor<1x2x2x3xf32>, %y: tensor<1x2x2x5xf32>) -> tensor<1x8x2x2xf32> {
  %t = edge.transpose %x {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x2x2x3xf32>) -> tensor<1x3x2x2xf32>
  %u = edge.transpose %y {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x2x2x5xf32>) -> tensor<1x5x2x2xf32>
  %0 = edge.concat %t, %u {axis = 1} : (tensor<1x3x2x2xf32>, tensor<1x5x2x2xf32>) -> tensor<1x8x2x2xf32>
  return %0 : tensor<1x8x2x2xf32>
}

// -----

// One input that is not transposed: the concat stays.
// CHECK-LABEL: func.func @concat_mixed
// CHECK: %[[T:.*]] = edge.transpose
// CHECK: edge.concat %[[T]], %{{.*}} {axis = 1 : i64} : (tensor<1x3x2x2xf32>, tensor<1x5x2x2xf32>)
func.func @concat_mixed(%x: tensor<1x2x2x3xf32>, %y: tensor<1x5x2x2xf32>) -> tensor<1x8x2x2xf32> {
  %t = edge.transpose %x {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x2x2x3xf32>) -> tensor<1x3x2x2xf32>
  %0 = edge.concat %t, %y {axis = 1} : (tensor<1x3x2x2xf32>, tensor<1x5x2x2xf32>) -> tensor<1x8x2x2xf32>
  return %0 : tensor<1x8x2x2xf32>
}

// -----

// A transpose that only moves unit dimensions is a reshape.
// CHECK-LABEL: func.func @unit_dims
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x1x16xf32>)
// CHECK-NEXT: %[[R:.*]] = edge.reshape %[[X]] {shape = array<i64: 1, 16, 1, 1>} : (tensor<1x1x1x16xf32>) -> tensor<1x16x1x1xf32>
// CHECK-NEXT: return %[[R]]
func.func @unit_dims(%x: tensor<1x1x1x16xf32>) -> tensor<1x16x1x1xf32> {
  %t = edge.transpose %x {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x1x1x16xf32>) -> tensor<1x16x1x1xf32>
  return %t : tensor<1x16x1x1xf32>
}

// -----

// Two dimensions larger than 1 change order: a real transpose.
// CHECK-LABEL: func.func @not_unit_dims
// CHECK-NEXT: edge.transpose
// CHECK-NOT: edge.reshape
func.func @not_unit_dims(%x: tensor<1x1x2x16xf32>) -> tensor<1x16x1x2xf32> {
  %t = edge.transpose %x {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x1x2x16xf32>) -> tensor<1x16x1x2xf32>
  return %t : tensor<1x16x1x2xf32>
}

// -----

// SiLU reads its input twice: the transpose moves through both users and
// cancels with the one after.
// CHECK-LABEL: func.func @silu
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x8xf32>)
// CHECK-NEXT: %[[S:.*]] = edge.sigmoid %[[X]] : tensor<1x4x4x8xf32>
// CHECK-NEXT: %[[M:.*]] = edge.mul %[[X]], %[[S]]
// CHECK-NEXT: return %[[M]]
func.func @silu(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %t = edge.transpose %x {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x4x4x8xf32>) -> tensor<1x8x4x4xf32>
  %s = edge.sigmoid %t : tensor<1x8x4x4xf32>
  %m = edge.mul %t, %s : (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  %o = edge.transpose %m {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x8x4x4xf32>) -> tensor<1x4x4x8xf32>
  return %o : tensor<1x4x4x8xf32>
}

// -----

// Global average pooling of a channels-last tensor seen as NCHW is a mean
// over its spatial dimensions; the [1,1,1,C] -> [1,C,1,1] transpose left is
// a reshape.
// CHECK-LABEL: func.func @global_avg_pool
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x8xf32>)
// CHECK-NEXT: %[[R:.*]] = edge.reduce_mean %[[X]] {axes = array<i64: 1, 2>, keepdims = true} : (tensor<1x4x4x8xf32>) -> tensor<1x1x1x8xf32>
// CHECK-NEXT: %[[S:.*]] = edge.reshape %[[R]] {shape = array<i64: 1, 8, 1, 1>}
// CHECK-NEXT: return %[[S]]
func.func @global_avg_pool(%x: tensor<1x4x4x8xf32>) -> tensor<1x8x1x1xf32> {
  %t = edge.transpose %x {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x4x4x8xf32>) -> tensor<1x8x4x4xf32>
  %g = edge.global_avg_pool %t : (tensor<1x8x4x4xf32>) -> tensor<1x8x1x1xf32>
  return %g : tensor<1x8x1x1xf32>
}

// -----

// A transpose with a user that does not let it through (here the return)
// stays, and its other users stay after it: moving them would add a
// transpose rather than remove one.
// CHECK-LABEL: func.func @escaping_user
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x8xf32>)
// CHECK: %[[T:.*]] = edge.transpose %[[X]]
// CHECK: %[[R:.*]] = edge.relu %[[T]]
// CHECK: return %[[R]], %[[T]]
func.func @escaping_user(%x: tensor<1x4x4x8xf32>) -> (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) {
  %t = edge.transpose %x {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x4x4x8xf32>) -> tensor<1x8x4x4xf32>
  %r = edge.relu %t : tensor<1x8x4x4xf32>
  return %r, %t : tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>
}

// -----

// A residual branch that also feeds a quantized layer: the transpose has two
// users, each with an output of its own, but every path from it meets the
// inverse transpose (the next layer's input, the block's output), so it
// moves through both and none is left.
// CHECK-LABEL: func.func @residual_and_quantized
// CHECK-NOT: edge.transpose
// CHECK: return
func.func @residual_and_quantized(%x: tensor<1x4x4x8xf32>, %y: tensor<1x4x4x8xf32>) -> (tensor<1x4x4x8xi8>, tensor<1x4x4x8xf32>) {
  %t = edge.transpose %x {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x4x4x8xf32>) -> tensor<1x8x4x4xf32>
  %u = edge.transpose %y {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x4x4x8xf32>) -> tensor<1x8x4x4xf32>
  %s = edge.constant dense<0.5> : tensor<f32>
  %d = edge.div %t, %s : (tensor<1x8x4x4xf32>, tensor<f32>) -> tensor<1x8x4x4xf32>
  %q = edge.cast %d to i8 : tensor<1x8x4x4xf32>
  %qn = edge.transpose %q {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x8x4x4xi8>) -> tensor<1x4x4x8xi8>
  %a = edge.add %t, %u : (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  %an = edge.transpose %a {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x8x4x4xf32>) -> tensor<1x4x4x8xf32>
  return %qn, %an : tensor<1x4x4x8xi8>, tensor<1x4x4x8xf32>
}

// -----

// The same with one path ending in NCHW (a model output): moving would add
// a transpose there, so the transpose stays.
// CHECK-LABEL: func.func @one_path_stays_nchw
// CHECK: %[[T:.*]] = edge.transpose %arg0
// CHECK: edge.div %[[T]]
// CHECK: edge.relu %[[T]]
func.func @one_path_stays_nchw(%x: tensor<1x4x4x8xf32>) -> (tensor<1x4x4x8xf32>, tensor<1x8x4x4xf32>) {
  %t = edge.transpose %x {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x4x4x8xf32>) -> tensor<1x8x4x4xf32>
  %s = edge.constant dense<0.5> : tensor<f32>
  %d = edge.div %t, %s : (tensor<1x8x4x4xf32>, tensor<f32>) -> tensor<1x8x4x4xf32>
  %dn = edge.transpose %d {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x8x4x4xf32>) -> tensor<1x4x4x8xf32>
  %r = edge.relu %t : tensor<1x8x4x4xf32>
  return %dn, %r : tensor<1x4x4x8xf32>, tensor<1x8x4x4xf32>
}
