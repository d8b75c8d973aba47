// RUN: edgec-opt %s -split-input-file -edge-fold-batch-norm | FileCheck %s
// An inference batch norm with constant parameters after a conv with a
// constant filter (and no other user) folds into the conv's filter and
// bias; any other constant batch norm becomes x * scale + shift.
//
// The parameters below give s = gamma / sqrt(var + eps) = [4 / 2, 1.5 / 3]
// = [2, 0.5] and shift = beta - mean * s = [0.5 - 2, 0.25 - 1] =
// [-1.5, -0.75], all exact in f32.

// Filter f is scaled by s[f]: [1, 2] -> [2, 1]. The bias [1, -1] becomes
// bias * s + shift = [0.5, -1.25].
// CHECK-LABEL: func.func @fold_with_bias
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x3x3xf32>)
// CHECK-DAG: %[[W:.*]] = edge.constant dense<{{\[\[\[\[}}2.000000e+00]]], {{\[\[\[}}1.000000e+00]]]]> : tensor<2x1x1x1xf32>
// CHECK-DAG: %[[B:.*]] = edge.constant dense<[5.000000e-01, -1.250000e+00]> : tensor<2xf32>
// CHECK: %[[Y:.*]] = edge.conv %[[X]], %[[W]], %[[B]] {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>}
// CHECK-NOT: edge.batch_norm
// CHECK: return %[[Y]]
func.func @fold_with_bias(%x: tensor<1x1x3x3xf32>) -> tensor<1x2x3x3xf32> {
  %w = edge.constant dense<[[[[1.0]]], [[[2.0]]]]> : tensor<2x1x1x1xf32>
  %b = edge.constant dense<[1.0, -1.0]> : tensor<2xf32>
  %gamma = edge.constant dense<[4.0, 1.5]> : tensor<2xf32>
  %beta = edge.constant dense<[0.5, 0.25]> : tensor<2xf32>
  %mean = edge.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %var = edge.constant dense<[3.0, 8.0]> : tensor<2xf32>
  %0 = edge.conv %x, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x1x3x3xf32>, tensor<2x1x1x1xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32>
  %1 = edge.batch_norm %0, %gamma, %beta, %mean, %var {epsilon = 1.0 : f32} : (tensor<1x2x3x3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32>
  return %1 : tensor<1x2x3x3xf32>
}

// -----

// Without a bias, the shift is the bias. Every weight of a filter is
// scaled (two channels, 1x2 kernel: 4 weights per filter), and the conv's
// window attributes are kept.
// CHECK-LABEL: func.func @fold_without_bias
// CHECK-DAG: %[[W:.*]] = edge.constant dense<{{\[\[\[\[}}2.000000e+00, 4.000000e+00]], {{\[\[}}6.000000e+00, 8.000000e+00]]], {{\[\[\[}}5.000000e-01, 1.000000e+00]], {{\[\[}}1.500000e+00, 2.000000e+00]]]]> : tensor<2x2x1x2xf32>
// CHECK-DAG: %[[B:.*]] = edge.constant dense<[-1.500000e+00, -7.500000e-01]> : tensor<2xf32>
// CHECK: %[[Y:.*]] = edge.conv %{{.*}}, %[[W]], %[[B]] {dilations = array<i64: 1, 2>, group = 1 : i64, pads = array<i64: 0, 1, 0, 1>, strides = array<i64: 1, 2>}
// CHECK-NOT: edge.batch_norm
// CHECK: return %[[Y]]
func.func @fold_without_bias(%x: tensor<1x2x3x5xf32>) -> tensor<1x2x3x3xf32> {
  %w = edge.constant dense<[[[[1.0, 2.0]], [[3.0, 4.0]]], [[[1.0, 2.0]], [[3.0, 4.0]]]]> : tensor<2x2x1x2xf32>
  %gamma = edge.constant dense<[4.0, 1.5]> : tensor<2xf32>
  %beta = edge.constant dense<[0.5, 0.25]> : tensor<2xf32>
  %mean = edge.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %var = edge.constant dense<[3.0, 8.0]> : tensor<2xf32>
  %0 = edge.conv %x, %w {strides = array<i64: 1, 2>, dilations = array<i64: 1, 2>, pads = array<i64: 0, 1, 0, 1>, group = 1} : (tensor<1x2x3x5xf32>, tensor<2x2x1x2xf32>) -> tensor<1x2x3x3xf32>
  %1 = edge.batch_norm %0, %gamma, %beta, %mean, %var {epsilon = 1.0 : f32} : (tensor<1x2x3x3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32>
  return %1 : tensor<1x2x3x3xf32>
}

// -----

// A depthwise conv (one input channel per filter) folds the same way and
// keeps its group.
// CHECK-LABEL: func.func @fold_depthwise
// CHECK-DAG: %[[W:.*]] = edge.constant dense<{{\[\[\[\[}}2.000000e+00, 2.000000e+00]]], {{\[\[\[}}5.000000e-01, 5.000000e-01]]]]> : tensor<2x1x1x2xf32>
// CHECK: edge.conv %{{.*}}, %[[W]], %{{.*}} {{{.*}}group = 2 : i64
// CHECK-NOT: edge.batch_norm
func.func @fold_depthwise(%x: tensor<1x2x3x3xf32>) -> tensor<1x2x3x2xf32> {
  %w = edge.constant dense<1.0> : tensor<2x1x1x2xf32>
  %gamma = edge.constant dense<[4.0, 1.5]> : tensor<2xf32>
  %beta = edge.constant dense<[0.5, 0.25]> : tensor<2xf32>
  %mean = edge.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %var = edge.constant dense<[3.0, 8.0]> : tensor<2xf32>
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 2} : (tensor<1x2x3x3xf32>, tensor<2x1x1x2xf32>) -> tensor<1x2x3x2xf32>
  %1 = edge.batch_norm %0, %gamma, %beta, %mean, %var {epsilon = 1.0 : f32} : (tensor<1x2x3x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x2xf32>
  return %1 : tensor<1x2x3x2xf32>
}

// -----

// The conv result is also returned: folding would change it. The batch
// norm becomes a multiply and an add by [C, 1, 1] constants instead.
// CHECK-LABEL: func.func @conv_with_another_user
// CHECK-DAG: %[[W:.*]] = edge.constant dense<{{\[\[\[\[}}1.000000e+00]]], {{\[\[\[}}2.000000e+00]]]]> : tensor<2x1x1x1xf32>
// CHECK-DAG: %[[S:.*]] = edge.constant dense<{{\[\[\[}}2.000000e+00]], {{\[\[}}5.000000e-01]]]> : tensor<2x1x1xf32>
// CHECK-DAG: %[[T:.*]] = edge.constant dense<{{\[\[\[}}-1.500000e+00]], {{\[\[}}-7.500000e-01]]]> : tensor<2x1x1xf32>
// CHECK: %[[Y:.*]] = edge.conv %{{.*}}, %[[W]] {
// CHECK: %[[M:.*]] = edge.mul %[[Y]], %[[S]] : (tensor<1x2x3x3xf32>, tensor<2x1x1xf32>) -> tensor<1x2x3x3xf32>
// CHECK: %[[A:.*]] = edge.add %[[M]], %[[T]] : (tensor<1x2x3x3xf32>, tensor<2x1x1xf32>) -> tensor<1x2x3x3xf32>
// CHECK: return %[[A]], %[[Y]]
func.func @conv_with_another_user(%x: tensor<1x1x3x3xf32>) -> (tensor<1x2x3x3xf32>, tensor<1x2x3x3xf32>) {
  %w = edge.constant dense<[[[[1.0]]], [[[2.0]]]]> : tensor<2x1x1x1xf32>
  %gamma = edge.constant dense<[4.0, 1.5]> : tensor<2xf32>
  %beta = edge.constant dense<[0.5, 0.25]> : tensor<2xf32>
  %mean = edge.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %var = edge.constant dense<[3.0, 8.0]> : tensor<2xf32>
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x1x3x3xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x3x3xf32>
  %1 = edge.batch_norm %0, %gamma, %beta, %mean, %var {epsilon = 1.0 : f32} : (tensor<1x2x3x3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32>
  return %1, %0 : tensor<1x2x3x3xf32>, tensor<1x2x3x3xf32>
}

// -----

// A filter known only at run time cannot be scaled at compile time.
// CHECK-LABEL: func.func @runtime_filter
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x3x3xf32>, %[[W:.*]]: tensor<2x1x1x1xf32>)
// CHECK: %[[Y:.*]] = edge.conv %[[X]], %[[W]] {
// CHECK: %[[M:.*]] = edge.mul %[[Y]], %{{.*}}
// CHECK: edge.add %[[M]], %{{.*}}
// CHECK-NOT: edge.batch_norm
func.func @runtime_filter(%x: tensor<1x1x3x3xf32>, %w: tensor<2x1x1x1xf32>) -> tensor<1x2x3x3xf32> {
  %gamma = edge.constant dense<[4.0, 1.5]> : tensor<2xf32>
  %beta = edge.constant dense<[0.5, 0.25]> : tensor<2xf32>
  %mean = edge.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %var = edge.constant dense<[3.0, 8.0]> : tensor<2xf32>
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x1x3x3xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x3x3xf32>
  %1 = edge.batch_norm %0, %gamma, %beta, %mean, %var {epsilon = 1.0 : f32} : (tensor<1x2x3x3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32>
  return %1 : tensor<1x2x3x3xf32>
}

// -----

// Nor can a bias known only at run time.
// CHECK-LABEL: func.func @runtime_bias
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x3x3xf32>, %[[B:.*]]: tensor<2xf32>)
// CHECK: %[[Y:.*]] = edge.conv %[[X]], %{{.*}}, %[[B]] {
// CHECK: edge.mul %[[Y]]
// CHECK-NOT: edge.batch_norm
func.func @runtime_bias(%x: tensor<1x1x3x3xf32>, %b: tensor<2xf32>) -> tensor<1x2x3x3xf32> {
  %w = edge.constant dense<[[[[1.0]]], [[[2.0]]]]> : tensor<2x1x1x1xf32>
  %gamma = edge.constant dense<[4.0, 1.5]> : tensor<2xf32>
  %beta = edge.constant dense<[0.5, 0.25]> : tensor<2xf32>
  %mean = edge.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %var = edge.constant dense<[3.0, 8.0]> : tensor<2xf32>
  %0 = edge.conv %x, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x1x3x3xf32>, tensor<2x1x1x1xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32>
  %1 = edge.batch_norm %0, %gamma, %beta, %mean, %var {epsilon = 1.0 : f32} : (tensor<1x2x3x3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32>
  return %1 : tensor<1x2x3x3xf32>
}

// -----

// Parameters known only at run time: the batch norm stays.
// CHECK-LABEL: func.func @runtime_parameters
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x3x3xf32>, %[[VAR:.*]]: tensor<2xf32>)
// CHECK: %[[Y:.*]] = edge.conv
// CHECK: %[[BN:.*]] = edge.batch_norm %[[Y]], %{{.*}}, %{{.*}}, %{{.*}}, %[[VAR]]
// CHECK-NOT: edge.mul
// CHECK: return %[[BN]]
func.func @runtime_parameters(%x: tensor<1x1x3x3xf32>, %var: tensor<2xf32>) -> tensor<1x2x3x3xf32> {
  %w = edge.constant dense<[[[[1.0]]], [[[2.0]]]]> : tensor<2x1x1x1xf32>
  %gamma = edge.constant dense<[4.0, 1.5]> : tensor<2xf32>
  %beta = edge.constant dense<[0.5, 0.25]> : tensor<2xf32>
  %mean = edge.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x1x3x3xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x3x3xf32>
  %1 = edge.batch_norm %0, %gamma, %beta, %mean, %var {epsilon = 1.0 : f32} : (tensor<1x2x3x3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32>
  return %1 : tensor<1x2x3x3xf32>
}

// -----

// A batch norm of anything else: x * s + shift, the constants shaped
// [C, 1, ..., 1] to line up with dimension 1. Epsilon counts: var + eps =
// [4, 9] here too.
// CHECK-LABEL: func.func @decompose
// CHECK-SAME: (%[[X:.*]]: tensor<2x2x4x4xf32>)
// CHECK-DAG: %[[S:.*]] = edge.constant dense<{{\[\[\[}}2.000000e+00]], {{\[\[}}5.000000e-01]]]> : tensor<2x1x1xf32>
// CHECK-DAG: %[[T:.*]] = edge.constant dense<{{\[\[\[}}-1.500000e+00]], {{\[\[}}-7.500000e-01]]]> : tensor<2x1x1xf32>
// CHECK: %[[M:.*]] = edge.mul %[[X]], %[[S]] : (tensor<2x2x4x4xf32>, tensor<2x1x1xf32>) -> tensor<2x2x4x4xf32>
// CHECK: %[[A:.*]] = edge.add %[[M]], %[[T]] : (tensor<2x2x4x4xf32>, tensor<2x1x1xf32>) -> tensor<2x2x4x4xf32>
// CHECK-NOT: edge.batch_norm
// CHECK: return %[[A]]
func.func @decompose(%x: tensor<2x2x4x4xf32>) -> tensor<2x2x4x4xf32> {
  %gamma = edge.constant dense<[4.0, 1.5]> : tensor<2xf32>
  %beta = edge.constant dense<[0.5, 0.25]> : tensor<2xf32>
  %mean = edge.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %var = edge.constant dense<[3.5, 8.5]> : tensor<2xf32>
  %0 = edge.batch_norm %x, %gamma, %beta, %mean, %var {epsilon = 0.5 : f32} : (tensor<2x2x4x4xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2x2x4x4xf32>
  return %0 : tensor<2x2x4x4xf32>
}

// -----

// [N, C] input: the constants are [C].
// CHECK-LABEL: func.func @decompose_rank_2
// CHECK-DAG: %[[S:.*]] = edge.constant dense<[2.000000e+00, 5.000000e-01]> : tensor<2xf32>
// CHECK: edge.mul %{{.*}}, %[[S]] : (tensor<3x2xf32>, tensor<2xf32>) -> tensor<3x2xf32>
// CHECK: edge.add
func.func @decompose_rank_2(%x: tensor<3x2xf32>) -> tensor<3x2xf32> {
  %gamma = edge.constant dense<[4.0, 1.5]> : tensor<2xf32>
  %beta = edge.constant dense<[0.5, 0.25]> : tensor<2xf32>
  %mean = edge.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %var = edge.constant dense<[3.0, 8.0]> : tensor<2xf32>
  %0 = edge.batch_norm %x, %gamma, %beta, %mean, %var {epsilon = 1.0 : f32} : (tensor<3x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}
