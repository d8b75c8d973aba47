// RUN: edgec-opt %s -canonicalize -split-input-file | FileCheck %s
// Folders of the data movement ops: the identities that return their
// input, and evaluation on constants of any element type (the shape
// computations exporters emit, and weights).

// CHECK-LABEL: func.func @slice_identity
// CHECK-SAME: (%[[X:.*]]: tensor<4x5xf32>)
func.func @slice_identity(%x: tensor<4x5xf32>) -> tensor<4x5xf32> {
  // CHECK-NEXT: return %[[X]]
  %0 = edge.slice %x {offsets = array<i64: 0, 0>, sizes = array<i64: 4, 5>, strides = array<i64: 1, 1>} : (tensor<4x5xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

// Rows 2 and 0 (backwards from 2 by 2), columns 1 and 2.
// CHECK-LABEL: func.func @slice_constant
func.func @slice_constant() -> tensor<2x2xi64> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<{{\[}}[7, 8], [1, 2]]> : tensor<2x2xi64>
  // CHECK-NEXT: return %[[C]]
  %a = edge.constant dense<[[0, 1, 2], [3, 4, 5], [6, 7, 8]]> : tensor<3x3xi64>
  %0 = edge.slice %a {offsets = array<i64: 2, 1>, sizes = array<i64: 2, 2>, strides = array<i64: -2, 1>} : (tensor<3x3xi64>) -> tensor<2x2xi64>
  return %0 : tensor<2x2xi64>
}

// -----

// A splat stays a splat.
// CHECK-LABEL: func.func @slice_splat
func.func @slice_splat() -> tensor<1x2xf32> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<1.500000e+00> : tensor<1x2xf32>
  %a = edge.constant dense<1.5> : tensor<3x3xf32>
  %0 = edge.slice %a {offsets = array<i64: 0, 1>, sizes = array<i64: 1, 2>, strides = array<i64: 1, 1>} : (tensor<3x3xf32>) -> tensor<1x2xf32>
  return %0 : tensor<1x2xf32>
}

// -----

// Shape[-1] the way PyTorch exports it: a scalar index, counted from the
// end.
// CHECK-LABEL: func.func @gather_shape
func.func @gather_shape() -> tensor<i64> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<224> : tensor<i64>
  // CHECK-NEXT: return %[[C]]
  %shape = edge.constant dense<[1, 3, 224]> : tensor<3xi64>
  %i = edge.constant dense<-1> : tensor<i64>
  %0 = edge.gather %shape, %i {axis = 0 : i64} : (tensor<3xi64>, tensor<i64>) -> tensor<i64>
  return %0 : tensor<i64>
}

// -----

// CHECK-LABEL: func.func @gather_axis1
func.func @gather_axis1() -> tensor<2x2x2xf32> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<{{\[}}{{\[}}[2.000000e+00, 0.000000e+00], [1.000000e+00, 1.000000e+00]], {{\[}}[5.000000e+00, 3.000000e+00], [4.000000e+00, 4.000000e+00]]]> : tensor<2x2x2xf32>
  %a = edge.constant dense<[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]> : tensor<2x3xf32>
  %i = edge.constant dense<[[2, 0], [1, -2]]> : tensor<2x2xi32>
  %0 = edge.gather %a, %i {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x2xi32>) -> tensor<2x2x2xf32>
  return %0 : tensor<2x2x2xf32>
}

// -----

// CHECK-LABEL: func.func @gather_elements
func.func @gather_elements() -> tensor<2x2xi32> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<{{\[}}[1, 1], [4, 3]]> : tensor<2x2xi32>
  %a = edge.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>
  %i = edge.constant dense<[[0, 0], [1, 0]]> : tensor<2x2xi64>
  %0 = edge.gather_elements %a, %i {axis = 1 : i64} : (tensor<2x2xi32>, tensor<2x2xi64>) -> tensor<2x2xi32>
  return %0 : tensor<2x2xi32>
}

// -----

// CHECK-LABEL: func.func @gather_nd
func.func @gather_nd() -> tensor<2x2xi1> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<{{\[}}[false, true], [true, true]]> : tensor<2x2xi1>
  %a = edge.constant dense<[[true, true], [false, true]]> : tensor<2x2xi1>
  %i = edge.constant dense<[[1], [0]]> : tensor<2x1xi64>
  %0 = edge.gather_nd %a, %i {batch_dims = 0 : i64} : (tensor<2x2xi1>, tensor<2x1xi64>) -> tensor<2x2xi1>
  return %0 : tensor<2x2xi1>
}

// -----

// CHECK-LABEL: func.func @expand
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @expand(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xi64>) {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<{{\[}}[5, 5, 5], [6, 6, 6]]> : tensor<2x3xi64>
  // CHECK-NEXT: return %[[X]], %[[C]]
  %0 = edge.expand %x {shape = array<i64: 2, 3>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %a = edge.constant dense<[[5], [6]]> : tensor<2x1xi64>
  %1 = edge.expand %a {shape = array<i64: 2, 3>} : (tensor<2x1xi64>) -> tensor<2x3xi64>
  return %0, %1 : tensor<2x3xf32>, tensor<2x3xi64>
}

// -----

// CHECK-LABEL: func.func @tile
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @tile(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x4xi8>) {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<{{\[}}[1, 2, 1, 2], [1, 2, 1, 2]]> : tensor<2x4xi8>
  // CHECK-NEXT: return %[[X]], %[[C]]
  %0 = edge.tile %x {repeats = array<i64: 1, 1>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %a = edge.constant dense<[[1, 2]]> : tensor<1x2xi8>
  %1 = edge.tile %a {repeats = array<i64: 2, 2>} : (tensor<1x2xi8>) -> tensor<2x4xi8>
  return %0, %1 : tensor<2x3xf32>, tensor<2x4xi8>
}

// -----

// CHECK-LABEL: func.func @pad
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @pad(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<1x6xi64>, tensor<1x6xi64>, tensor<1x6xi64>, tensor<1x2xi64>) {
  // CHECK-DAG: %[[CONSTANT:.*]] = edge.constant dense<{{\[}}[-1, 1, 2, 3, -1, -1]]> : tensor<1x6xi64>
  // CHECK-DAG: %[[EDGE:.*]] = edge.constant dense<{{\[}}[1, 1, 2, 3, 3, 3]]> : tensor<1x6xi64>
  // CHECK-DAG: %[[REFLECT:.*]] = edge.constant dense<{{\[}}[2, 1, 2, 3, 2, 1]]> : tensor<1x6xi64>
  // CHECK-DAG: %[[CROP:.*]] = edge.constant dense<{{\[}}[2, 3]]> : tensor<1x2xi64>
  // CHECK: return %[[X]], %[[CONSTANT]], %[[EDGE]], %[[REFLECT]], %[[CROP]]
  %0 = edge.pad %x {mode = "constant", pads = array<i64: 0, 0, 0, 0>, value = 0.0 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %a = edge.constant dense<[[1, 2, 3]]> : tensor<1x3xi64>
  %1 = edge.pad %a {mode = "constant", pads = array<i64: 0, 1, 0, 2>, value = -1 : i64} : (tensor<1x3xi64>) -> tensor<1x6xi64>
  %2 = edge.pad %a {mode = "edge", pads = array<i64: 0, 1, 0, 2>, value = 0 : i64} : (tensor<1x3xi64>) -> tensor<1x6xi64>
  %3 = edge.pad %a {mode = "reflect", pads = array<i64: 0, 1, 0, 2>, value = 0 : i64} : (tensor<1x3xi64>) -> tensor<1x6xi64>
  %4 = edge.pad %a {mode = "constant", pads = array<i64: 0, -1, 0, 0>, value = 0 : i64} : (tensor<1x3xi64>) -> tensor<1x2xi64>
  return %0, %1, %2, %3, %4 : tensor<2x3xf32>, tensor<1x6xi64>, tensor<1x6xi64>, tensor<1x6xi64>, tensor<1x2xi64>
}

// -----

// CHECK-LABEL: func.func @trilu
func.func @trilu() -> tensor<2x3xf32> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<{{\[}}[0.000000e+00, 2.000000e+00, 3.000000e+00], [0.000000e+00, 0.000000e+00, 6.000000e+00]]> : tensor<2x3xf32>
  %a = edge.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %k = edge.constant dense<1> : tensor<i64>
  %0 = edge.trilu %a, %k {upper = true} : (tensor<2x3xf32>, tensor<i64>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @one_hot
func.func @one_hot() -> tensor<3x2xi64> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<{{\[}}[5, 0], [0, 0], [0, 5]]> : tensor<3x2xi64>
  %i = edge.constant dense<[0, -1]> : tensor<2xi32>
  %v = edge.constant dense<[0, 5]> : tensor<2xi64>
  %0 = edge.one_hot %i, %v {axis = 0 : i64, depth = 3 : i64} : (tensor<2xi32>, tensor<2xi64>) -> tensor<3x2xi64>
  return %0 : tensor<3x2xi64>
}

// -----

// The later of two updates of one element wins; add accumulates.
// CHECK-LABEL: func.func @scatters
func.func @scatters() -> (tensor<4xf32>, tensor<4xf32>, tensor<2x2xi32>) {
  // CHECK-DAG: %[[NONE:.*]] = edge.constant dense<[0.000000e+00, 3.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<4xf32>
  // CHECK-DAG: %[[ADD:.*]] = edge.constant dense<[0.000000e+00, 5.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<4xf32>
  // CHECK-DAG: %[[ND:.*]] = edge.constant dense<{{\[}}[7, 8], [0, 0]]> : tensor<2x2xi32>
  // CHECK: return %[[NONE]], %[[ADD]], %[[ND]]
  %d = edge.constant dense<0.0> : tensor<4xf32>
  %i = edge.constant dense<[1, -3]> : tensor<2xi64>
  %u = edge.constant dense<[2.0, 3.0]> : tensor<2xf32>
  %0 = edge.scatter_elements %d, %i, %u {axis = 0 : i64} : (tensor<4xf32>, tensor<2xi64>, tensor<2xf32>) -> tensor<4xf32>
  %1 = edge.scatter_elements %d, %i, %u {axis = 0 : i64, reduction = "add"} : (tensor<4xf32>, tensor<2xi64>, tensor<2xf32>) -> tensor<4xf32>
  %d2 = edge.constant dense<0> : tensor<2x2xi32>
  %i2 = edge.constant dense<[[0]]> : tensor<1x1xi64>
  %u2 = edge.constant dense<[[7, 8]]> : tensor<1x2xi32>
  %2 = edge.scatter_nd %d2, %i2, %u2 : (tensor<2x2xi32>, tensor<1x1xi64>, tensor<1x2xi32>) -> tensor<2x2xi32>
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<2x2xi32>
}

// -----

// Concat and transpose of constants, booleans included.
// CHECK-LABEL: func.func @concat_transpose
func.func @concat_transpose() -> (tensor<4xi64>, tensor<3x1xi1>) {
  // CHECK-DAG: %[[CAT:.*]] = edge.constant dense<[1, 2, -1, 7]> : tensor<4xi64>
  // CHECK-DAG: %[[T:.*]] = edge.constant dense<{{\[}}[true], [false], [true]]> : tensor<3x1xi1>
  // CHECK: return %[[CAT]], %[[T]]
  %a = edge.constant dense<[1, 2]> : tensor<2xi64>
  %b = edge.constant dense<-1> : tensor<1xi64>
  %c = edge.constant dense<7> : tensor<1xi64>
  %0 = edge.concat %a, %b, %c {axis = 0 : i64} : (tensor<2xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<4xi64>
  %m = edge.constant dense<[[true, false, true]]> : tensor<1x3xi1>
  %1 = edge.transpose %m {perm = array<i64: 1, 0>} : (tensor<1x3xi1>) -> tensor<3x1xi1>
  return %0, %1 : tensor<4xi64>, tensor<3x1xi1>
}

// -----

// Concat on the inner axis interleaves the rows of its inputs.
// CHECK-LABEL: func.func @concat_inner_axis
func.func @concat_inner_axis() -> tensor<2x3xf32> {
  // CHECK-NEXT: %[[C:.*]] = edge.constant dense<{{\[}}[1.000000e+00, 2.000000e+00, 0.000000e+00], [3.000000e+00, 4.000000e+00, 0.000000e+00]]> : tensor<2x3xf32>
  %a = edge.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %b = edge.constant dense<0.0> : tensor<2x1xf32>
  %0 = edge.concat %a, %b {axis = 1 : i64} : (tensor<2x2xf32>, tensor<2x1xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
