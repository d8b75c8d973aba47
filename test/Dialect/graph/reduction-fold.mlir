// RUN: edgec-opt %s -canonicalize -split-input-file | FileCheck %s
// Folders of the reductions: constants (exporters' element counts from
// Shape, values checked against numpy) and reductions over no axis.

// The element count of a [2, 3, 5] shape, and the sum of its extents.
// CHECK-LABEL: func.func @fold_shape_arithmetic
func.func @fold_shape_arithmetic() -> (tensor<i64>, tensor<1xi64>) {
  // CHECK-DAG: %[[PROD:.*]] = edge.constant dense<30> : tensor<i64>
  // CHECK-DAG: %[[SUM:.*]] = edge.constant dense<10> : tensor<1xi64>
  // CHECK: return %[[PROD]], %[[SUM]]
  %shape = edge.constant dense<[2, 3, 5]> : tensor<3xi64>
  %0 = edge.reduce_prod %shape {axes = array<i64: 0>, keepdims = false} : (tensor<3xi64>) -> tensor<i64>
  %1 = edge.reduce_sum %shape {axes = array<i64: 0>, keepdims = true} : (tensor<3xi64>) -> tensor<1xi64>
  return %0, %1 : tensor<i64>, tensor<1xi64>
}

// -----

// Groups follow the result's row-major order; each reduces its own column.
// CHECK-LABEL: func.func @fold_integer_axes
func.func @fold_integer_axes() -> (tensor<3xi32>, tensor<2x1xi32>, tensor<3xi32>, tensor<2xi32>) {
  // CHECK-DAG: %[[SUM:.*]] = edge.constant dense<[3, 1, 5]> : tensor<3xi32>
  // CHECK-DAG: %[[MIN1:.*]] = edge.constant dense<{{\[}}[-3], [0]]> : tensor<2x1xi32>
  // CHECK-DAG: %[[MIN0:.*]] = edge.constant dense<[1, -3, 0]> : tensor<3xi32>
  // CHECK-DAG: %[[SQ:.*]] = edge.constant dense<[35, 20]> : tensor<2xi32>
  // CHECK: return %[[SUM]], %[[MIN1]], %[[MIN0]], %[[SQ]]
  %c = edge.constant dense<[[1, -3, 5], [2, 4, 0]]> : tensor<2x3xi32>
  %0 = edge.reduce_sum %c {axes = array<i64: 0>, keepdims = false} : (tensor<2x3xi32>) -> tensor<3xi32>
  %1 = edge.reduce_min %c {axes = array<i64: 1>, keepdims = true} : (tensor<2x3xi32>) -> tensor<2x1xi32>
  %2 = edge.reduce_min %c {axes = array<i64: 0>, keepdims = false} : (tensor<2x3xi32>) -> tensor<3xi32>
  %3 = edge.reduce_sum_square %c {axes = array<i64: 1>, keepdims = false} : (tensor<2x3xi32>) -> tensor<2xi32>
  return %0, %1, %2, %3 : tensor<3xi32>, tensor<2x1xi32>, tensor<3xi32>, tensor<2xi32>
}

// -----

// CHECK-LABEL: func.func @fold_floats
func.func @fold_floats() -> (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) {
  // mean: 6 / 3 and 4.25 / 3
  // CHECK-DAG: %[[MEAN:.*]] = edge.constant dense<[2.000000e+00, 1.41666663]> : tensor<2xf32>
  // CHECK-DAG: %[[L1:.*]] = edge.constant dense<[6.000000e+00, 3.250000e+00]> : tensor<2xf32>
  // CHECK-DAG: %[[PROD:.*]] = edge.constant dense<[-4.000000e+00, -1.125000e+00]> : tensor<2xf32>
  // CHECK-DAG: %[[MAX:.*]] = edge.constant dense<[4.000000e+00, 1.500000e+00]> : tensor<2xf32>
  // sqrt(1 + 1 + 16) and sqrt(2.25 + 1 + 0.5625)
  // CHECK-DAG: %[[L2:.*]] = edge.constant dense<[4.2426405, 1.95256245]> : tensor<2xf32>
  // log(1 + 1 + 4) and log(2 + 1.5 + 0.75)
  // CHECK-DAG: %[[LOG:.*]] = edge.constant dense<[1.79175949, 1.44691896]> : tensor<2xf32>
  // log(exp(-1) + exp(1) + exp(4)), log(exp(1.5) + exp(-1) + exp(0.75))
  // CHECK-DAG: %[[LSE:.*]] = edge.constant dense<[4.05498505, 1.94112277]> : tensor<2xf32>
  // CHECK: return %[[MEAN]], %[[L1]], %[[PROD]], %[[MAX]], %[[L2]], %[[LOG]], %[[LSE]]
  %c = edge.constant dense<[[-1.0, 1.0, 4.0], [1.5, -1.0, 0.75]]> : tensor<2x3xf32>
  %pos = edge.constant dense<[[1.0, 1.0, 4.0], [2.0, 1.5, 0.75]]> : tensor<2x3xf32>
  %0 = edge.reduce_mean %pos {axes = array<i64: 1>, keepdims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  %1 = edge.reduce_l1 %c {axes = array<i64: 1>, keepdims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  %2 = edge.reduce_prod %c {axes = array<i64: 1>, keepdims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  %3 = edge.reduce_max %c {axes = array<i64: 1>, keepdims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  %4 = edge.reduce_l2 %c {axes = array<i64: 1>, keepdims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  %5 = edge.reduce_log_sum %pos {axes = array<i64: 1>, keepdims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  %6 = edge.reduce_log_sum_exp %c {axes = array<i64: 1>, keepdims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0, %1, %2, %3, %4, %5, %6 : tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>
}

// -----

// NaN wins a max, as in numpy.
// CHECK-LABEL: func.func @fold_max_nan
func.func @fold_max_nan() -> tensor<2xf32> {
  // CHECK: edge.constant dense<[0x7FC00000, 3.000000e+00]> : tensor<2xf32>
  %c = edge.constant dense<[[1.0, 0x7FC00000], [3.0, -1.0]]> : tensor<2x2xf32>
  %0 = edge.reduce_max %c {axes = array<i64: 1>, keepdims = false} : (tensor<2x2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// Summing (or taking the max of) single elements changes nothing; the L1
// norm of one element is its absolute value, so it stays.
// CHECK-LABEL: func.func @fold_no_axes
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @fold_no_axes(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  // CHECK: %[[L1:.*]] = edge.reduce_l1 %[[X]]
  // CHECK: return %[[X]], %[[X]], %[[L1]]
  %0 = edge.reduce_sum %x {axes = array<i64>, keepdims = true} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = edge.reduce_max %x {axes = array<i64>, keepdims = false} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %2 = edge.reduce_l1 %x {axes = array<i64>, keepdims = false} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0, %1, %2 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// A reduction of a value computed at run time stays.
// CHECK-LABEL: func.func @no_fold_runtime
func.func @no_fold_runtime(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  // CHECK: edge.reduce_sum
  %0 = edge.reduce_sum %x {axes = array<i64: 1>, keepdims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// argmax/argmin: the first of equal elements, or the last with
// select_last_index; NaN is chosen over numbers, by argmin too (numpy).
// CHECK-LABEL: func.func @fold_arg_reduce
func.func @fold_arg_reduce() -> (tensor<3xi64>, tensor<3xi64>, tensor<3xi64>, tensor<1x3xi64>) {
  // CHECK-DAG: %[[FIRST:.*]] = edge.constant dense<[1, 0, 2]> : tensor<3xi64>
  // CHECK-DAG: %[[LAST:.*]] = edge.constant dense<[3, 3, 2]> : tensor<3xi64>
  // CHECK-DAG: %[[MIN:.*]] = edge.constant dense<[0, 1, 2]> : tensor<3xi64>
  // CHECK-DAG: %[[COL:.*]] = edge.constant dense<{{\[}}[1, 0, 0]]> : tensor<1x3xi64>
  // CHECK: return %[[FIRST]], %[[LAST]], %[[MIN]], %[[COL]]
  %c = edge.constant dense<[[1.0, 5.0, 5.0, 5.0], [2.0, 0.0, 1.0, 2.0], [0.0, -1.0, 0x7FC00000, 3.0]]> : tensor<3x4xf32>
  %0 = edge.argmax %c {axis = 1, keepdims = false, select_last_index = false} : (tensor<3x4xf32>) -> tensor<3xi64>
  %1 = edge.argmax %c {axis = 1, keepdims = false, select_last_index = true} : (tensor<3x4xf32>) -> tensor<3xi64>
  %2 = edge.argmin %c {axis = 1, keepdims = false, select_last_index = false} : (tensor<3x4xf32>) -> tensor<3xi64>
  %i = edge.constant dense<[[7, 1, 2], [9, 1, 2]]> : tensor<2x3xi64>
  %3 = edge.argmax %i {axis = 0, keepdims = true, select_last_index = false} : (tensor<2x3xi64>) -> tensor<1x3xi64>
  return %0, %1, %2, %3 : tensor<3xi64>, tensor<3xi64>, tensor<3xi64>, tensor<1x3xi64>
}

// -----

// CHECK-LABEL: func.func @fold_cumsum
func.func @fold_cumsum() -> (tensor<2x3xi64>, tensor<2x3xi64>, tensor<2x3xf32>) {
  // CHECK-DAG: %[[FWD:.*]] = edge.constant dense<{{\[}}[1, 3, 6], [4, 9, 15]]> : tensor<2x3xi64>
  // CHECK-DAG: %[[REV_EX:.*]] = edge.constant dense<{{\[}}[5, 3, 0], [11, 6, 0]]> : tensor<2x3xi64>
  // CHECK-DAG: %[[AXIS0:.*]] = edge.constant dense<{{\[}}[5.000000e-01, 1.000000e+00, 1.500000e+00], [4.500000e+00, 6.000000e+00, 7.500000e+00]]> : tensor<2x3xf32>
  // CHECK: return %[[FWD]], %[[REV_EX]], %[[AXIS0]]
  %c = edge.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi64>
  %0 = edge.cumsum %c {axis = 1, exclusive = false, reverse = false} : tensor<2x3xi64>
  %1 = edge.cumsum %c {axis = 1, exclusive = true, reverse = true} : tensor<2x3xi64>
  %f = edge.constant dense<[[0.5, 1.0, 1.5], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %2 = edge.cumsum %f {axis = 0, exclusive = false, reverse = false} : tensor<2x3xf32>
  return %0, %1, %2 : tensor<2x3xi64>, tensor<2x3xi64>, tensor<2x3xf32>
}
