// RUN: edgec-opt %s | edgec-opt | FileCheck %s
// RUN: edgec-opt %s --mlir-print-op-generic | edgec-opt | FileCheck %s
// Every elementwise op of the edge dialect prints in a form that parses back
// to itself, with its attributes and inferred result type.

// CHECK-LABEL: func.func @unary_math
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @unary_math(%x: tensor<2x3xf32>) {
  // CHECK: edge.abs %[[X]] : tensor<2x3xf32>
  %0 = edge.abs %x : tensor<2x3xf32>
  // CHECK: edge.neg %[[X]] : tensor<2x3xf32>
  %1 = edge.neg %x : tensor<2x3xf32>
  // CHECK: edge.sign %[[X]] : tensor<2x3xf32>
  %2 = edge.sign %x : tensor<2x3xf32>
  // CHECK: edge.exp %[[X]] : tensor<2x3xf32>
  %3 = edge.exp %x : tensor<2x3xf32>
  // CHECK: edge.log %[[X]] : tensor<2x3xf32>
  %4 = edge.log %x : tensor<2x3xf32>
  // CHECK: edge.sqrt %[[X]] : tensor<2x3xf32>
  %5 = edge.sqrt %x : tensor<2x3xf32>
  // CHECK: edge.reciprocal %[[X]] : tensor<2x3xf32>
  %6 = edge.reciprocal %x : tensor<2x3xf32>
  // CHECK: edge.tanh %[[X]] : tensor<2x3xf32>
  %7 = edge.tanh %x : tensor<2x3xf32>
  // CHECK: edge.erf %[[X]] : tensor<2x3xf32>
  %8 = edge.erf %x : tensor<2x3xf32>
  // CHECK: edge.sin %[[X]] : tensor<2x3xf32>
  %9 = edge.sin %x : tensor<2x3xf32>
  // CHECK: edge.cos %[[X]] : tensor<2x3xf32>
  %10 = edge.cos %x : tensor<2x3xf32>
  // CHECK: edge.tan %[[X]] : tensor<2x3xf32>
  %11 = edge.tan %x : tensor<2x3xf32>
  // CHECK: edge.asin %[[X]] : tensor<2x3xf32>
  %12 = edge.asin %x : tensor<2x3xf32>
  // CHECK: edge.acos %[[X]] : tensor<2x3xf32>
  %13 = edge.acos %x : tensor<2x3xf32>
  // CHECK: edge.atan %[[X]] : tensor<2x3xf32>
  %14 = edge.atan %x : tensor<2x3xf32>
  // CHECK: edge.sinh %[[X]] : tensor<2x3xf32>
  %15 = edge.sinh %x : tensor<2x3xf32>
  // CHECK: edge.cosh %[[X]] : tensor<2x3xf32>
  %16 = edge.cosh %x : tensor<2x3xf32>
  // CHECK: edge.asinh %[[X]] : tensor<2x3xf32>
  %17 = edge.asinh %x : tensor<2x3xf32>
  // CHECK: edge.acosh %[[X]] : tensor<2x3xf32>
  %18 = edge.acosh %x : tensor<2x3xf32>
  // CHECK: edge.atanh %[[X]] : tensor<2x3xf32>
  %19 = edge.atanh %x : tensor<2x3xf32>
  // CHECK: edge.floor %[[X]] : tensor<2x3xf32>
  %20 = edge.floor %x : tensor<2x3xf32>
  // CHECK: edge.ceil %[[X]] : tensor<2x3xf32>
  %21 = edge.ceil %x : tensor<2x3xf32>
  // CHECK: edge.round %[[X]] : tensor<2x3xf32>
  %22 = edge.round %x : tensor<2x3xf32>
  return
}

// Abs, Neg, Sign and Relu also take integers.
// CHECK-LABEL: func.func @unary_integers
// CHECK-SAME: (%[[I:.*]]: tensor<4xi64>, %[[J:.*]]: tensor<4xi32>)
func.func @unary_integers(%i: tensor<4xi64>, %j: tensor<4xi32>) {
  // CHECK: edge.abs %[[I]] : tensor<4xi64>
  %0 = edge.abs %i : tensor<4xi64>
  // CHECK: edge.neg %[[J]] : tensor<4xi32>
  %1 = edge.neg %j : tensor<4xi32>
  // CHECK: edge.sign %[[I]] : tensor<4xi64>
  %2 = edge.sign %i : tensor<4xi64>
  // CHECK: edge.relu %[[J]] : tensor<4xi32>
  %3 = edge.relu %j : tensor<4xi32>
  return
}

// CHECK-LABEL: func.func @activations
// CHECK-SAME: (%[[X:.*]]: tensor<1x8xf32>, %[[S:.*]]: tensor<8xf32>)
func.func @activations(%x: tensor<1x8xf32>, %s: tensor<8xf32>) {
  // CHECK: edge.softplus %[[X]] : tensor<1x8xf32>
  %0 = edge.softplus %x : tensor<1x8xf32>
  // CHECK: edge.softsign %[[X]] : tensor<1x8xf32>
  %1 = edge.softsign %x : tensor<1x8xf32>
  // CHECK: edge.hard_sigmoid %[[X]] {alpha = 2.000000e-01 : f32, beta = 5.000000e-01 : f32} : tensor<1x8xf32>
  %2 = edge.hard_sigmoid %x {alpha = 0.2 : f32, beta = 0.5 : f32} : tensor<1x8xf32>
  // CHECK: edge.hard_swish %[[X]] : tensor<1x8xf32>
  %3 = edge.hard_swish %x : tensor<1x8xf32>
  // CHECK: edge.leaky_relu %[[X]] {alpha = 0.00999999977 : f32} : tensor<1x8xf32>
  %4 = edge.leaky_relu %x {alpha = 0.01 : f32} : tensor<1x8xf32>
  // CHECK: edge.elu %[[X]] {alpha = 1.000000e+00 : f32} : tensor<1x8xf32>
  %5 = edge.elu %x {alpha = 1.0 : f32} : tensor<1x8xf32>
  // CHECK: edge.selu %[[X]] {alpha = 1.67326319 : f32, gamma = 1.05070102 : f32} : tensor<1x8xf32>
  %6 = edge.selu %x {alpha = 1.67326319 : f32, gamma = 1.05070102 : f32} : tensor<1x8xf32>
  // CHECK: edge.celu %[[X]] {alpha = 2.000000e+00 : f32} : tensor<1x8xf32>
  %7 = edge.celu %x {alpha = 2.0 : f32} : tensor<1x8xf32>
  // CHECK: edge.thresholded_relu %[[X]] {alpha = 1.000000e+00 : f32} : tensor<1x8xf32>
  %8 = edge.thresholded_relu %x {alpha = 1.0 : f32} : tensor<1x8xf32>
  // CHECK: edge.shrink %[[X]] {bias = 0.000000e+00 : f32, lambd = 5.000000e-01 : f32} : tensor<1x8xf32>
  %9 = edge.shrink %x {bias = 0.0 : f32, lambd = 0.5 : f32} : tensor<1x8xf32>
  // CHECK: edge.prelu %[[X]], %[[S]] : (tensor<1x8xf32>, tensor<8xf32>) -> tensor<1x8xf32>
  %10 = edge.prelu %x, %s : (tensor<1x8xf32>, tensor<8xf32>) -> tensor<1x8xf32>
  return
}

// CHECK-LABEL: func.func @binary
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3xf32>, %[[I:.*]]: tensor<3xi64>)
func.func @binary(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %i: tensor<3xi64>) {
  // CHECK: edge.max %[[A]], %[[B]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %0 = edge.max %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: edge.min %[[B]], %[[A]] : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = edge.min %b, %a : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // The default fmod = false is not printed.
  // CHECK: edge.mod %[[I]], %[[I]] : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
  %2 = edge.mod %i, %i : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
  // CHECK: edge.mod %[[A]], %[[B]] {fmod = true} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %3 = edge.mod %a, %b {fmod = true} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // The exponent may have another element type than the base.
  // CHECK: edge.pow %[[A]], %[[I]] : (tensor<2x3xf32>, tensor<3xi64>) -> tensor<2x3xf32>
  %4 = edge.pow %a, %i : (tensor<2x3xf32>, tensor<3xi64>) -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @logic
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3xf32>, %[[P:.*]]: tensor<2x3xi1>, %[[Q:.*]]: tensor<1x3xi1>)
func.func @logic(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %p: tensor<2x3xi1>, %q: tensor<1x3xi1>) {
  // CHECK: edge.equal %[[A]], %[[B]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  %0 = edge.equal %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  // CHECK: edge.equal %[[P]], %[[Q]] : (tensor<2x3xi1>, tensor<1x3xi1>) -> tensor<2x3xi1>
  %1 = edge.equal %p, %q : (tensor<2x3xi1>, tensor<1x3xi1>) -> tensor<2x3xi1>
  // CHECK: edge.less %[[A]], %[[B]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  %2 = edge.less %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  // CHECK: edge.less_equal %[[A]], %[[B]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  %3 = edge.less_equal %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  // CHECK: edge.greater %[[A]], %[[B]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  %4 = edge.greater %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  // CHECK: edge.greater_equal %[[A]], %[[B]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  %5 = edge.greater_equal %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  // CHECK: edge.and %[[P]], %[[Q]] : (tensor<2x3xi1>, tensor<1x3xi1>) -> tensor<2x3xi1>
  %6 = edge.and %p, %q : (tensor<2x3xi1>, tensor<1x3xi1>) -> tensor<2x3xi1>
  // CHECK: edge.or %[[P]], %[[Q]] : (tensor<2x3xi1>, tensor<1x3xi1>) -> tensor<2x3xi1>
  %7 = edge.or %p, %q : (tensor<2x3xi1>, tensor<1x3xi1>) -> tensor<2x3xi1>
  // CHECK: edge.xor %[[P]], %[[Q]] : (tensor<2x3xi1>, tensor<1x3xi1>) -> tensor<2x3xi1>
  %8 = edge.xor %p, %q : (tensor<2x3xi1>, tensor<1x3xi1>) -> tensor<2x3xi1>
  // CHECK: edge.not %[[P]] : tensor<2x3xi1>
  %9 = edge.not %p : tensor<2x3xi1>
  // CHECK: edge.where %[[Q]], %[[A]], %[[B]] : (tensor<1x3xi1>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %10 = edge.where %q, %a, %b : (tensor<1x3xi1>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: edge.is_nan %[[A]] : tensor<2x3xf32>
  %11 = edge.is_nan %a : tensor<2x3xf32>
  // The default detect_negative = detect_positive = true is not printed.
  // CHECK: edge.is_inf %[[A]] : tensor<2x3xf32>
  %12 = edge.is_inf %a : tensor<2x3xf32>
  // CHECK: edge.is_inf %[[A]] {detect_negative = false} : tensor<2x3xf32>
  %13 = edge.is_inf %a {detect_negative = false} : tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @casts
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[U:.*]]: tensor<4xui8>)
func.func @casts(%a: tensor<2x3xf32>, %u: tensor<4xui8>) -> (tensor<2x3xi64>, tensor<4xf16>, tensor<2x3xi1>) {
  // CHECK: %[[I:.*]] = edge.cast %[[A]] to i64 : tensor<2x3xf32>
  %0 = edge.cast %a to i64 : tensor<2x3xf32>
  // CHECK: %[[H:.*]] = edge.cast %[[U]] to f16 : tensor<4xui8>
  %1 = edge.cast %u to f16 : tensor<4xui8>
  // CHECK: %[[B:.*]] = edge.cast %[[A]] to i1 : tensor<2x3xf32>
  %2 = edge.cast %a to i1 : tensor<2x3xf32>
  // CHECK: return %[[I]], %[[H]], %[[B]] : tensor<2x3xi64>, tensor<4xf16>, tensor<2x3xi1>
  return %0, %1, %2 : tensor<2x3xi64>, tensor<4xf16>, tensor<2x3xi1>
}
