// RUN: edgec-opt %s -canonicalize -split-input-file | FileCheck %s
// Constant folding of the elementwise ops (values checked against numpy in
// float32 when this file was written) and the identities that return an
// operand. Exporters' shape computations (Cast, Equal, Where, Max, Mod on
// shape vectors) fold this way at import.

// Sign keeps zero and NaN; neg flips the sign of NaN too.
// CHECK-LABEL: func.func @fold_abs_neg_sign
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[2.500000e+00, 5.000000e-01, 0.000000e+00, 5.000000e-01, 1.500000e+00, 0x7FC00000]> : tensor<6xf32>
// CHECK-NEXT: %[[V1:.*]] = edge.constant dense<[2.500000e+00, 5.000000e-01, -0.000000e+00, -5.000000e-01, -1.500000e+00, 0xFFC00000]> : tensor<6xf32>
// CHECK-NEXT: %[[V2:.*]] = edge.constant dense<[-1.000000e+00, -1.000000e+00, 0.000000e+00, 1.000000e+00, 1.000000e+00, 0x7FC00000]> : tensor<6xf32>
// CHECK-NEXT: return %[[V0]], %[[V1]], %[[V2]] : tensor<6xf32>, tensor<6xf32>, tensor<6xf32>
func.func @fold_abs_neg_sign() -> (tensor<6xf32>, tensor<6xf32>, tensor<6xf32>) {
  %x = edge.constant dense<[-2.5, -0.5, 0.0, 0.5, 1.5, 0x7FC00000]> : tensor<6xf32>
  %0 = edge.abs %x : tensor<6xf32>
  %1 = edge.neg %x : tensor<6xf32>
  %2 = edge.sign %x : tensor<6xf32>
  return %0, %1, %2 : tensor<6xf32>, tensor<6xf32>, tensor<6xf32>
}

// -----

// CHECK-LABEL: func.func @fold_exp_reciprocal_tanh
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[8.208500e-02, 0.606530666, 1.000000e+00, 1.64872122, 4.48168898, 0x7FC00000]> : tensor<6xf32>
// CHECK-NEXT: %[[V1:.*]] = edge.constant dense<[-4.000000e-01, -2.000000e+00, 0x7F800000, 2.000000e+00, 0.666666686, 0x7FC00000]> : tensor<6xf32>
// CHECK-NEXT: %[[V2:.*]] = edge.constant dense<[-0.986614286, -0.462117165, 0.000000e+00, 0.462117165, 0.905148268, 0x7FC00000]> : tensor<6xf32>
// CHECK-NEXT: return %[[V0]], %[[V1]], %[[V2]] : tensor<6xf32>, tensor<6xf32>, tensor<6xf32>
func.func @fold_exp_reciprocal_tanh() -> (tensor<6xf32>, tensor<6xf32>, tensor<6xf32>) {
  %x = edge.constant dense<[-2.5, -0.5, 0.0, 0.5, 1.5, 0x7FC00000]> : tensor<6xf32>
  %0 = edge.exp %x : tensor<6xf32>
  %1 = edge.reciprocal %x : tensor<6xf32>
  %2 = edge.tanh %x : tensor<6xf32>
  return %0, %1, %2 : tensor<6xf32>, tensor<6xf32>, tensor<6xf32>
}

// -----

// log(0) is -inf; positive inputs only (the sign of NaN from
// log(-1) depends on the C library).
// CHECK-LABEL: func.func @fold_log_sqrt
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[0xFF800000, -1.38629436, 0.000000e+00, 0.693147182, 69.0775528, 0x7F800000]> : tensor<6xf32>
// CHECK-NEXT: %[[V1:.*]] = edge.constant dense<[0.000000e+00, 5.000000e-01, 1.000000e+00, 1.41421354, 9.99999986E+14, 0x7F800000]> : tensor<6xf32>
// CHECK-NEXT: return %[[V0]], %[[V1]] : tensor<6xf32>, tensor<6xf32>
func.func @fold_log_sqrt() -> (tensor<6xf32>, tensor<6xf32>) {
  %x = edge.constant dense<[0.0, 0.25, 1.0, 2.0, 1.0e+30, 0x7F800000]> : tensor<6xf32>
  %0 = edge.log %x : tensor<6xf32>
  %1 = edge.sqrt %x : tensor<6xf32>
  return %0, %1 : tensor<6xf32>, tensor<6xf32>
}

// -----

// CHECK-LABEL: func.func @fold_erf_trig
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[-1.000000e+00, -0.842700779, -0.276326388, 0.000000e+00, 0.520499885, 0.995322287]> : tensor<6xf32>
// CHECK-NEXT: %[[V1:.*]] = edge.constant dense<[0.756802499, -0.841470957, -0.247403964, 0.000000e+00, 0.47942555, 0.909297406]> : tensor<6xf32>
// CHECK-NEXT: %[[V2:.*]] = edge.constant dense<[-0.653643608, 0.540302277, 0.968912422, 1.000000e+00, 0.87758255, -0.416146845]> : tensor<6xf32>
// CHECK-NEXT: %[[V3:.*]] = edge.constant dense<[-1.1578213, -1.55740774, -0.255341917, 0.000000e+00, 0.546302497, -2.18503976]> : tensor<6xf32>
// CHECK-NEXT: %[[V4:.*]] = edge.constant dense<[-1.3258177, -0.785398185, -0.244978666, 0.000000e+00, 0.463647604, 1.10714877]> : tensor<6xf32>
// CHECK-NEXT: %[[V5:.*]] = edge.constant dense<[-27.289917, -1.17520118, -0.252612323, 0.000000e+00, 0.521095276, 3.62686038]> : tensor<6xf32>
// CHECK-NEXT: %[[V6:.*]] = edge.constant dense<[27.3082333, 1.54308069, 1.03141308, 1.000000e+00, 1.12762594, 3.76219559]> : tensor<6xf32>
// CHECK-NEXT: %[[V7:.*]] = edge.constant dense<[-2.0947125, -0.881373584, -0.24746646, 0.000000e+00, 0.481211811, 1.44363546]> : tensor<6xf32>
// CHECK-NEXT: return %[[V0]], %[[V1]], %[[V2]], %[[V3]], %[[V4]], %[[V5]], %[[V6]], %[[V7]] : tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>
func.func @fold_erf_trig() -> (tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>) {
  %x = edge.constant dense<[-4.0, -1.0, -0.25, 0.0, 0.5, 2.0]> : tensor<6xf32>
  %0 = edge.erf %x : tensor<6xf32>
  %1 = edge.sin %x : tensor<6xf32>
  %2 = edge.cos %x : tensor<6xf32>
  %3 = edge.tan %x : tensor<6xf32>
  %4 = edge.atan %x : tensor<6xf32>
  %5 = edge.sinh %x : tensor<6xf32>
  %6 = edge.cosh %x : tensor<6xf32>
  %7 = edge.asinh %x : tensor<6xf32>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>
}

// -----

// atanh(+-1) is +-inf.
// CHECK-LABEL: func.func @fold_inverse_trig
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[-1.57079637, -0.52359879, 0.000000e+00, 0.252680242, 0.848062098, 1.57079637]> : tensor<6xf32>
// CHECK-NEXT: %[[V1:.*]] = edge.constant dense<[3.14159274, 2.09439516, 1.57079637, 1.31811607, 0.722734272, 0.000000e+00]> : tensor<6xf32>
// CHECK-NEXT: %[[V2:.*]] = edge.constant dense<[0xFF800000, -0.549306154, 0.000000e+00, 0.255412817, 0.972955048, 0x7F800000]> : tensor<6xf32>
// CHECK-NEXT: return %[[V0]], %[[V1]], %[[V2]] : tensor<6xf32>, tensor<6xf32>, tensor<6xf32>
func.func @fold_inverse_trig() -> (tensor<6xf32>, tensor<6xf32>, tensor<6xf32>) {
  %x = edge.constant dense<[-1.0, -0.5, 0.0, 0.25, 0.75, 1.0]> : tensor<6xf32>
  %0 = edge.asin %x : tensor<6xf32>
  %1 = edge.acos %x : tensor<6xf32>
  %2 = edge.atanh %x : tensor<6xf32>
  return %0, %1, %2 : tensor<6xf32>, tensor<6xf32>, tensor<6xf32>
}

// -----

// CHECK-LABEL: func.func @fold_acosh
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[0.000000e+00, 0.962423622, 2.99322295, 14.5086575]> : tensor<4xf32>
// CHECK-NEXT: return %[[V0]] : tensor<4xf32>
func.func @fold_acosh() -> (tensor<4xf32>) {
  %x = edge.constant dense<[1.0, 1.5, 10.0, 1000000.0]> : tensor<4xf32>
  %0 = edge.acosh %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// round takes halves to even, as numpy.round.
// CHECK-LABEL: func.func @fold_rounding
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[-3.000000e+00, -2.000000e+00, -1.000000e+00, 0.000000e+00, 1.000000e+00, 2.000000e+00, 2.000000e+00, -3.000000e+00]> : tensor<8xf32>
// CHECK-NEXT: %[[V1:.*]] = edge.constant dense<[-2.000000e+00, -1.000000e+00, -0.000000e+00, 1.000000e+00, 2.000000e+00, 3.000000e+00, 3.000000e+00, -2.000000e+00]> : tensor<8xf32>
// CHECK-NEXT: %[[V2:.*]] = edge.constant dense<[-2.000000e+00, -2.000000e+00, -0.000000e+00, 0.000000e+00, 2.000000e+00, 2.000000e+00, 3.000000e+00, -3.000000e+00]> : tensor<8xf32>
// CHECK-NEXT: return %[[V0]], %[[V1]], %[[V2]] : tensor<8xf32>, tensor<8xf32>, tensor<8xf32>
func.func @fold_rounding() -> (tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) {
  %x = edge.constant dense<[-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 2.7, -2.7]> : tensor<8xf32>
  %0 = edge.floor %x : tensor<8xf32>
  %1 = edge.ceil %x : tensor<8xf32>
  %2 = edge.round %x : tensor<8xf32>
  return %0, %1, %2 : tensor<8xf32>, tensor<8xf32>, tensor<8xf32>
}

// -----

// Integers wrap: abs and neg of INT_MIN are INT_MIN, as in numpy.
// CHECK-LABEL: func.func @fold_integer_unary
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[-2147483648, 7, 0, 5]> : tensor<4xi32>
// CHECK-NEXT: %[[V1:.*]] = edge.constant dense<[-2147483648, 7, 0, -5]> : tensor<4xi32>
// CHECK-NEXT: %[[V2:.*]] = edge.constant dense<[-1, -1, 0, 1]> : tensor<4xi32>
// CHECK-NEXT: %[[V3:.*]] = edge.constant dense<[0, 0, 0, 5]> : tensor<4xi32>
// CHECK-NEXT: return %[[V0]], %[[V1]], %[[V2]], %[[V3]] : tensor<4xi32>, tensor<4xi32>, tensor<4xi32>, tensor<4xi32>
func.func @fold_integer_unary() -> (tensor<4xi32>, tensor<4xi32>, tensor<4xi32>, tensor<4xi32>) {
  %x = edge.constant dense<[-2147483648, -7, 0, 5]> : tensor<4xi32>
  %0 = edge.abs %x : tensor<4xi32>
  %1 = edge.neg %x : tensor<4xi32>
  %2 = edge.sign %x : tensor<4xi32>
  %3 = edge.relu %x : tensor<4xi32>
  return %0, %1, %2, %3 : tensor<4xi32>, tensor<4xi32>, tensor<4xi32>, tensor<4xi32>
}

// -----

// Softplus, softsign, hard sigmoid (alpha 0.2, beta 0.5), hard swish,
// leaky ReLU (alpha 0.1); NaN stays NaN.
// CHECK-LABEL: func.func @fold_activations
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[0.048587352, 4.740770e-01, 0.693147182, 0.974076986, 3.04858732, 0x7FC00000]> : tensor<6xf32>
// CHECK-NEXT: %[[V1:.*]] = edge.constant dense<[-7.500000e-01, -0.333333343, 0.000000e+00, 0.333333343, 7.500000e-01, 0x7FC00000]> : tensor<6xf32>
// CHECK-NEXT: %[[V2:.*]] = edge.constant dense<[0.000000e+00, 4.000000e-01, 5.000000e-01, 6.000000e-01, 1.000000e+00, 0x7FC00000]> : tensor<6xf32>
// CHECK-NEXT: %[[V3:.*]] = edge.constant dense<[-0.000000e+00, -0.208333328, 0.000000e+00, 0.291666657, 3.000000e+00, 0x7FC00000]> : tensor<6xf32>
// CHECK-NEXT: %[[V4:.*]] = edge.constant dense<[-3.000000e-01, -5.000000e-02, 0.000000e+00, 5.000000e-01, 3.000000e+00, 0x7FC00000]> : tensor<6xf32>
// CHECK-NEXT: return %[[V0]], %[[V1]], %[[V2]], %[[V3]], %[[V4]] : tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>
func.func @fold_activations() -> (tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>) {
  %x = edge.constant dense<[-3.0, -0.5, 0.0, 0.5, 3.0, 0x7FC00000]> : tensor<6xf32>
  %0 = edge.softplus %x : tensor<6xf32>
  %1 = edge.softsign %x : tensor<6xf32>
  %2 = edge.hard_sigmoid %x {alpha = 0.2 : f32, beta = 0.5 : f32} : tensor<6xf32>
  %3 = edge.hard_swish %x : tensor<6xf32>
  %4 = edge.leaky_relu %x {alpha = 0.1 : f32} : tensor<6xf32>
  return %0, %1, %2, %3, %4 : tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>
}

// -----

// ELU (alpha 2), SELU (ONNX's constants), CELU (alpha 2): exp(x) - 1
// below zero; NaN stays NaN.
// CHECK-LABEL: func.func @fold_exponential_units
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[-1.90042591, -0.786938667, 0.000000e+00, 5.000000e-01, 3.000000e+00, 0x7FC00000]> : tensor<6xf32>
// CHECK-NEXT: %[[V1:.*]] = edge.constant dense<[-1.6705687, -0.691758215, 0.000000e+00, 0.525350511, 3.15210295, 0x7FC00000]> : tensor<6xf32>
// CHECK-NEXT: %[[V2:.*]] = edge.constant dense<[-1.55373967, -0.442398429, 0.000000e+00, 5.000000e-01, 3.000000e+00, 0x7FC00000]> : tensor<6xf32>
// CHECK-NEXT: return %[[V0]], %[[V1]], %[[V2]] : tensor<6xf32>, tensor<6xf32>, tensor<6xf32>
func.func @fold_exponential_units() -> (tensor<6xf32>, tensor<6xf32>, tensor<6xf32>) {
  %x = edge.constant dense<[-3.0, -0.5, 0.0, 0.5, 3.0, 0x7FC00000]> : tensor<6xf32>
  %0 = edge.elu %x {alpha = 2.0 : f32} : tensor<6xf32>
  %1 = edge.selu %x {alpha = 1.67326319217681884765625 : f32, gamma = 1.05070102214813232421875 : f32} : tensor<6xf32>
  %2 = edge.celu %x {alpha = 2.0 : f32} : tensor<6xf32>
  return %0, %1, %2 : tensor<6xf32>, tensor<6xf32>, tensor<6xf32>
}

// -----

// thresholded_relu (alpha 0.5) and shrink (bias 1, lambd 0.5) map NaN
// to 0 (their comparisons are false), as ONNX's reference does.
// CHECK-LABEL: func.func @fold_thresholds
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 3.000000e+00, 0.000000e+00]> : tensor<6xf32>
// CHECK-NEXT: %[[V1:.*]] = edge.constant dense<[-2.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 2.000000e+00, 0.000000e+00]> : tensor<6xf32>
// CHECK-NEXT: return %[[V0]], %[[V1]] : tensor<6xf32>, tensor<6xf32>
func.func @fold_thresholds() -> (tensor<6xf32>, tensor<6xf32>) {
  %x = edge.constant dense<[-3.0, -0.5, 0.0, 0.5, 3.0, 0x7FC00000]> : tensor<6xf32>
  %0 = edge.thresholded_relu %x {alpha = 0.5 : f32} : tensor<6xf32>
  %1 = edge.shrink %x {bias = 1.0 : f32, lambd = 0.5 : f32} : tensor<6xf32>
  return %0, %1 : tensor<6xf32>, tensor<6xf32>
}

// -----

// CHECK-LABEL: func.func @fold_predicates
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[false, true, false, false, false]> : tensor<5xi1>
// CHECK-NEXT: %[[V1:.*]] = edge.constant dense<[false, false, true, true, false]> : tensor<5xi1>
// CHECK-NEXT: %[[V2:.*]] = edge.constant dense<[false, false, true, false, false]> : tensor<5xi1>
// CHECK-NEXT: %[[V3:.*]] = edge.constant dense<[false, false, false, true, false]> : tensor<5xi1>
// CHECK-NEXT: return %[[V0]], %[[V1]], %[[V2]], %[[V3]] : tensor<5xi1>, tensor<5xi1>, tensor<5xi1>, tensor<5xi1>
func.func @fold_predicates() -> (tensor<5xi1>, tensor<5xi1>, tensor<5xi1>, tensor<5xi1>) {
  %x = edge.constant dense<[-1.0, 0x7FC00000, 0x7F800000, 0xFF800000, 0.0]> : tensor<5xf32>
  %0 = edge.is_nan %x : tensor<5xf32>
  %1 = edge.is_inf %x : tensor<5xf32>
  %2 = edge.is_inf %x {detect_negative = false} : tensor<5xf32>
  %3 = edge.is_inf %x {detect_positive = false} : tensor<5xf32>
  return %0, %1, %2, %3 : tensor<5xi1>, tensor<5xi1>, tensor<5xi1>, tensor<5xi1>
}

// -----

// NaN propagates, as numpy.maximum and numpy.minimum; the row
// broadcasts.
// CHECK-LABEL: func.func @fold_max_min
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<{{\[}}[3.000000e+00, -2.000000e+00, 0x7FC00000], [4.000000e+00, 5.000000e-01, 1.000000e+00]]> : tensor<2x3xf32>
// CHECK-NEXT: %[[V1:.*]] = edge.constant dense<{{\[}}[1.000000e+00, -2.500000e+00, 0x7FC00000], [3.000000e+00, -2.500000e+00, -0.000000e+00]]> : tensor<2x3xf32>
// CHECK-NEXT: return %[[V0]], %[[V1]] : tensor<2x3xf32>, tensor<2x3xf32>
func.func @fold_max_min() -> (tensor<2x3xf32>, tensor<2x3xf32>) {
  %a = edge.constant dense<[[1.0, -2.0, 0x7FC00000], [4.0, 0.5, -0.0]]> : tensor<2x3xf32>
  %b = edge.constant dense<[3.0, -2.5, 1.0]> : tensor<3xf32>
  %0 = edge.max %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %1 = edge.min %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0, %1 : tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @fold_max_min_integers
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<{{\[}}[7, -1], [5, 9]]> : tensor<2x2xi64>
// CHECK-NEXT: %[[V1:.*]] = edge.constant dense<{{\[}}[5, -3], [0, -1]]> : tensor<2x2xi64>
// CHECK-NEXT: return %[[V0]], %[[V1]] : tensor<2x2xi64>, tensor<2x2xi64>
func.func @fold_max_min_integers() -> (tensor<2x2xi64>, tensor<2x2xi64>) {
  %a = edge.constant dense<[[7, -3], [0, 9]]> : tensor<2x2xi64>
  %b = edge.constant dense<[5, -1]> : tensor<2xi64>
  %0 = edge.max %a, %b : (tensor<2x2xi64>, tensor<2xi64>) -> tensor<2x2xi64>
  %1 = edge.min %a, %b : (tensor<2x2xi64>, tensor<2xi64>) -> tensor<2x2xi64>
  return %0, %1 : tensor<2x2xi64>, tensor<2x2xi64>
}

// -----

// Python's % (the sign of the divisor) by default, C's with fmod.
// CHECK-LABEL: func.func @fold_mod_integers
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[2, 1, -1, -2, 0, 0]> : tensor<6xi64>
// CHECK-NEXT: %[[V1:.*]] = edge.constant dense<[2, -2, 2, -2, 0, 0]> : tensor<6xi64>
// CHECK-NEXT: return %[[V0]], %[[V1]] : tensor<6xi64>, tensor<6xi64>
func.func @fold_mod_integers() -> (tensor<6xi64>, tensor<6xi64>) {
  %a = edge.constant dense<[5, -5, 5, -5, 7, -8]> : tensor<6xi64>
  %b = edge.constant dense<[3, 3, -3, -3, -1, 4]> : tensor<6xi64>
  %0 = edge.mod %a, %b : (tensor<6xi64>, tensor<6xi64>) -> tensor<6xi64>
  %1 = edge.mod %a, %b {fmod = true} : (tensor<6xi64>, tensor<6xi64>) -> tensor<6xi64>
  return %0, %1 : tensor<6xi64>, tensor<6xi64>
}

// -----

// CHECK-LABEL: func.func @fold_mod_floats
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[1.500000e+00, 5.000000e-01, -5.000000e-01, -1.500000e+00, 0.000000e+00]> : tensor<5xf32>
// CHECK-NEXT: %[[V1:.*]] = edge.constant dense<[1.500000e+00, -1.500000e+00, 1.500000e+00, -1.500000e+00, 0.000000e+00]> : tensor<5xf32>
// CHECK-NEXT: return %[[V0]], %[[V1]] : tensor<5xf32>, tensor<5xf32>
func.func @fold_mod_floats() -> (tensor<5xf32>, tensor<5xf32>) {
  %a = edge.constant dense<[5.5, -5.5, 5.5, -5.5, 0.0]> : tensor<5xf32>
  %b = edge.constant dense<[2.0, 2.0, -2.0, -2.0, 3.0]> : tensor<5xf32>
  %0 = edge.mod %a, %b : (tensor<5xf32>, tensor<5xf32>) -> tensor<5xf32>
  %1 = edge.mod %a, %b {fmod = true} : (tensor<5xf32>, tensor<5xf32>) -> tensor<5xf32>
  return %0, %1 : tensor<5xf32>, tensor<5xf32>
}

// -----

// An integer remainder by zero is left to run time.
// CHECK-LABEL: func.func @fold_mod_by_zero
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[4, 5]> : tensor<2xi64>
// CHECK-NEXT: %[[V1:.*]] = edge.constant dense<[2, 0]> : tensor<2xi64>
// CHECK-NEXT: %[[V2:.*]] = edge.mod %[[V0]], %[[V1]] : (tensor<2xi64>, tensor<2xi64>) -> tensor<2xi64>
// CHECK-NEXT: return %[[V2]] : tensor<2xi64>
func.func @fold_mod_by_zero() -> (tensor<2xi64>) {
  %a = edge.constant dense<[4, 5]> : tensor<2xi64>
  %b = edge.constant dense<[2, 0]> : tensor<2xi64>
  %0 = edge.mod %a, %b : (tensor<2xi64>, tensor<2xi64>) -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// -----

// pow(0, -1) is +inf.
// CHECK-LABEL: func.func @fold_pow
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[8.000000e+00, 4.000000e+00, 2.000000e+00, 0x7F800000]> : tensor<4xf32>
// CHECK-NEXT: return %[[V0]] : tensor<4xf32>
func.func @fold_pow() -> (tensor<4xf32>) {
  %a = edge.constant dense<[2.0, -2.0, 4.0, 0.0]> : tensor<4xf32>
  %b = edge.constant dense<[3.0, 2.0, 0.5, -1.0]> : tensor<4xf32>
  %0 = edge.pow %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// A float base with an integer exponent, and an integer base with a float
// exponent (raised in double, truncated).
// CHECK-LABEL: func.func @fold_pow_mixed
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[2.250000e+00, -8.000000e+00]> : tensor<2xf32>
// CHECK-NEXT: return %[[V0]] : tensor<2xf32>
func.func @fold_pow_mixed() -> (tensor<2xf32>) {
  %a = edge.constant dense<[1.5, -2.0]> : tensor<2xf32>
  %b = edge.constant dense<[2, 3]> : tensor<2xi64>
  %0 = edge.pow %a, %b : (tensor<2xf32>, tensor<2xi64>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// CHECK-LABEL: func.func @fold_pow_integer_base
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[9, -8, 3]> : tensor<3xi64>
// CHECK-NEXT: return %[[V0]] : tensor<3xi64>
func.func @fold_pow_integer_base() -> (tensor<3xi64>) {
  %a = edge.constant dense<[3, -2, 10]> : tensor<3xi64>
  %b = edge.constant dense<[2.0, 3.0, 0.5]> : tensor<3xf32>
  %0 = edge.pow %a, %b : (tensor<3xi64>, tensor<3xf32>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

// One slope per column.
// CHECK-LABEL: func.func @fold_prelu
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<{{\[}}[-5.000000e-01, 2.000000e+00], [-1.500000e+00, -1.000000e+00]]> : tensor<2x2xf32>
// CHECK-NEXT: return %[[V0]] : tensor<2x2xf32>
func.func @fold_prelu() -> (tensor<2x2xf32>) {
  %a = edge.constant dense<[[-1.0, 2.0], [-3.0, -0.5]]> : tensor<2x2xf32>
  %b = edge.constant dense<[0.5, 2.0]> : tensor<2xf32>
  %0 = edge.prelu %a, %b : (tensor<2x2xf32>, tensor<2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// A row against a column: the truth tables.
// CHECK-LABEL: func.func @fold_logical
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<{{\[}}[true, true, false, false], [false, false, false, false]]> : tensor<2x4xi1>
// CHECK-NEXT: %[[V1:.*]] = edge.constant dense<{{\[}}[true, true, true, true], [true, true, false, false]]> : tensor<2x4xi1>
// CHECK-NEXT: %[[V2:.*]] = edge.constant dense<{{\[}}[false, false, true, true], [true, true, false, false]]> : tensor<2x4xi1>
// CHECK-NEXT: return %[[V0]], %[[V1]], %[[V2]] : tensor<2x4xi1>, tensor<2x4xi1>, tensor<2x4xi1>
func.func @fold_logical() -> (tensor<2x4xi1>, tensor<2x4xi1>, tensor<2x4xi1>) {
  %a = edge.constant dense<[[true, true, false, false]]> : tensor<1x4xi1>
  %b = edge.constant dense<[[true], [false]]> : tensor<2x1xi1>
  %0 = edge.and %a, %b : (tensor<1x4xi1>, tensor<2x1xi1>) -> tensor<2x4xi1>
  %1 = edge.or %a, %b : (tensor<1x4xi1>, tensor<2x1xi1>) -> tensor<2x4xi1>
  %2 = edge.xor %a, %b : (tensor<1x4xi1>, tensor<2x1xi1>) -> tensor<2x4xi1>
  return %0, %1, %2 : tensor<2x4xi1>, tensor<2x4xi1>, tensor<2x4xi1>
}

// -----

// CHECK-LABEL: func.func @fold_not
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[false, true]> : tensor<2xi1>
// CHECK-NEXT: return %[[V0]] : tensor<2xi1>
func.func @fold_not() -> (tensor<2xi1>) {
  %x = edge.constant dense<[true, false]> : tensor<2xi1>
  %0 = edge.not %x : tensor<2xi1>
  return %0 : tensor<2xi1>
}

// -----

// Comparisons with NaN are false; -0 equals 0.
// CHECK-LABEL: func.func @fold_compare_floats
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[true, false, false, true]> : tensor<4xi1>
// CHECK-NEXT: %[[V1:.*]] = edge.constant dense<[false, true, false, false]> : tensor<4xi1>
// CHECK-NEXT: %[[V2:.*]] = edge.constant dense<[true, true, false, true]> : tensor<4xi1>
// CHECK-NEXT: %[[V3:.*]] = edge.constant dense<false> : tensor<4xi1>
// CHECK-NEXT: return %[[V0]], %[[V1]], %[[V2]], %[[V3]], %[[V0]] : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
func.func @fold_compare_floats() -> (tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>) {
  %a = edge.constant dense<[1.0, 2.0, 0x7FC00000, -0.0]> : tensor<4xf32>
  %b = edge.constant dense<[1.0, 3.0, 0x7FC00000, 0.0]> : tensor<4xf32>
  %0 = edge.equal %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %1 = edge.less %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %2 = edge.less_equal %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %3 = edge.greater %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %4 = edge.greater_equal %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  return %0, %1, %2, %3, %4 : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}

// -----

// A shape [2, 1] against a shape [3].
// CHECK-LABEL: func.func @fold_compare_integers
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<{{\[}}[true, false, false], [false, false, false]]> : tensor<2x3xi1>
// CHECK-NEXT: %[[V1:.*]] = edge.constant dense<{{\[}}[false, true, true], [false, false, true]]> : tensor<2x3xi1>
// CHECK-NEXT: %[[V2:.*]] = edge.constant dense<{{\[}}[true, false, false], [true, true, false]]> : tensor<2x3xi1>
// CHECK-NEXT: return %[[V0]], %[[V1]], %[[V2]] : tensor<2x3xi1>, tensor<2x3xi1>, tensor<2x3xi1>
func.func @fold_compare_integers() -> (tensor<2x3xi1>, tensor<2x3xi1>, tensor<2x3xi1>) {
  %a = edge.constant dense<[[1], [5]]> : tensor<2x1xi64>
  %b = edge.constant dense<[1, 3, 7]> : tensor<3xi64>
  %0 = edge.equal %a, %b : (tensor<2x1xi64>, tensor<3xi64>) -> tensor<2x3xi1>
  %1 = edge.less %a, %b : (tensor<2x1xi64>, tensor<3xi64>) -> tensor<2x3xi1>
  %2 = edge.greater_equal %a, %b : (tensor<2x1xi64>, tensor<3xi64>) -> tensor<2x3xi1>
  return %0, %1, %2 : tensor<2x3xi1>, tensor<2x3xi1>, tensor<2x3xi1>
}

// -----

// CHECK-LABEL: func.func @fold_equal_booleans
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[true, false, false]> : tensor<3xi1>
// CHECK-NEXT: return %[[V0]] : tensor<3xi1>
func.func @fold_equal_booleans() -> (tensor<3xi1>) {
  %a = edge.constant dense<[true, false, true]> : tensor<3xi1>
  %b = edge.constant dense<[true, true, false]> : tensor<3xi1>
  %0 = edge.equal %a, %b : (tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// -----

// The three operands broadcast: a column condition, a row, a scalar.
// CHECK-LABEL: func.func @fold_where
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<{{\[}}[1.000000e+00, 2.000000e+00, 3.000000e+00], [0.000000e+00, 0.000000e+00, 0.000000e+00]]> : tensor<2x3xf32>
// CHECK-NEXT: return %[[V0]] : tensor<2x3xf32>
func.func @fold_where() -> (tensor<2x3xf32>) {
  %c = edge.constant dense<[[true], [false]]> : tensor<2x1xi1>
  %a = edge.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %b = edge.constant dense<0.0> : tensor<f32>
  %0 = edge.where %c, %a, %b : (tensor<2x1xi1>, tensor<3xf32>, tensor<f32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// The shape arithmetic exporters emit: dims that are 0 take the input's.
// CHECK-LABEL: func.func @fold_where_integers
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[7, 3, 9]> : tensor<3xi64>
// CHECK-NEXT: return %[[V0]] : tensor<3xi64>
func.func @fold_where_integers() -> (tensor<3xi64>) {
  %c = edge.constant dense<[false, true, false]> : tensor<3xi1>
  %a = edge.constant dense<[2, 3, 4]> : tensor<3xi64>
  %b = edge.constant dense<[7, 0, 9]> : tensor<3xi64>
  %0 = edge.where %c, %a, %b : (tensor<3xi1>, tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

// Truncation towards zero.
// CHECK-LABEL: func.func @fold_cast_float_to_int
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[-2, 0, 0, 2]> : tensor<4xi64>
// CHECK-NEXT: return %[[V0]] : tensor<4xi64>
func.func @fold_cast_float_to_int() -> (tensor<4xi64>) {
  %x = edge.constant dense<[-2.7, -0.5, 0.5, 2.7]> : tensor<4xf32>
  %0 = edge.cast %x to i64 : tensor<4xf32>
  return %0 : tensor<4xi64>
}

// -----

// Non-zero (NaN included) is true.
// CHECK-LABEL: func.func @fold_cast_float_to_bool
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[false, false, true, true]> : tensor<4xi1>
// CHECK-NEXT: return %[[V0]] : tensor<4xi1>
func.func @fold_cast_float_to_bool() -> (tensor<4xi1>) {
  %x = edge.constant dense<[0.0, -0.0, 0.5, 0x7FC00000]> : tensor<4xf32>
  %0 = edge.cast %x to i1 : tensor<4xf32>
  return %0 : tensor<4xi1>
}

// -----

// Rounded to nearest (2^24 + 1 is not a float32).
// CHECK-LABEL: func.func @fold_cast_int_to_float
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[3.000000e+00, 0xCB800000]> : tensor<2xf32>
// CHECK-NEXT: return %[[V0]] : tensor<2xf32>
func.func @fold_cast_int_to_float() -> (tensor<2xf32>) {
  %x = edge.constant dense<[3, -16777217]> : tensor<2xi64>
  %0 = edge.cast %x to f32 : tensor<2xi64>
  return %0 : tensor<2xf32>
}

// -----

// Integers wrap.
// CHECK-LABEL: func.func @fold_cast_narrowing
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[1, -1, -2147483648]> : tensor<3xi32>
// CHECK-NEXT: return %[[V0]] : tensor<3xi32>
func.func @fold_cast_narrowing() -> (tensor<3xi32>) {
  %x = edge.constant dense<[4294967297, -1, 2147483648]> : tensor<3xi64>
  %0 = edge.cast %x to i32 : tensor<3xi64>
  return %0 : tensor<3xi32>
}

// -----

// CHECK-LABEL: func.func @fold_cast_bool_to_float
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[1.000000e+00, 0.000000e+00]> : tensor<2xf32>
// CHECK-NEXT: return %[[V0]] : tensor<2xf32>
func.func @fold_cast_bool_to_float() -> (tensor<2xf32>) {
  %x = edge.constant dense<[true, false]> : tensor<2xi1>
  %0 = edge.cast %x to f32 : tensor<2xi1>
  return %0 : tensor<2xf32>
}

// -----

// uint8 reads as unsigned.
// CHECK-LABEL: func.func @fold_cast_uint8
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[255, 0, 128]> : tensor<3xi32>
// CHECK-NEXT: return %[[V0]] : tensor<3xi32>
func.func @fold_cast_uint8() -> (tensor<3xi32>) {
  %x = edge.constant dense<[255, 0, 128]> : tensor<3xui8>
  %0 = edge.cast %x to i32 : tensor<3xui8>
  return %0 : tensor<3xi32>
}

// -----

// Rounded to half precision; 70000 overflows to inf.
// CHECK-LABEL: func.func @fold_cast_to_f16
// CHECK-NEXT: %[[V0:.*]] = edge.constant dense<[3.332520e-01, 0x7C00]> : tensor<2xf16>
// CHECK-NEXT: return %[[V0]] : tensor<2xf16>
func.func @fold_cast_to_f16() -> (tensor<2xf16>) {
  %x = edge.constant dense<[0.3333333333333333, 70000.0]> : tensor<2xf32>
  %0 = edge.cast %x to f16 : tensor<2xf32>
  return %0 : tensor<2xf16>
}

// -----

// Negating twice gives the operand back, for floats and wrapping integers.
// CHECK-LABEL: func.func @neg_of_neg
// CHECK-SAME: (%[[X:.*]]: tensor<4xi32>)
// CHECK-NEXT: return %[[X]]
func.func @neg_of_neg(%x: tensor<4xi32>) -> tensor<4xi32> {
  %0 = edge.neg %x : tensor<4xi32>
  %1 = edge.neg %0 : tensor<4xi32>
  return %1 : tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @not_of_not
// CHECK-SAME: (%[[X:.*]]: tensor<4xi1>)
// CHECK-NEXT: return %[[X]]
func.func @not_of_not(%x: tensor<4xi1>) -> tensor<4xi1> {
  %0 = edge.not %x : tensor<4xi1>
  %1 = edge.not %0 : tensor<4xi1>
  return %1 : tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @cast_to_same_type
// CHECK-SAME: (%[[X:.*]]: tensor<4xi64>)
// CHECK-NEXT: return %[[X]]
func.func @cast_to_same_type(%x: tensor<4xi64>) -> tensor<4xi64> {
  %0 = edge.cast %x to i64 : tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// A uniform condition picks an operand that needs no broadcast; one that
// does (the scalar %b) keeps the where.
// CHECK-LABEL: func.func @where_uniform_condition
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<f32>)
// CHECK-NEXT: %[[F:.*]] = edge.constant dense<false> : tensor<2x3xi1>
// CHECK-NEXT: %[[W:.*]] = edge.where %[[F]], %[[A]], %[[B]]
// CHECK-NEXT: return %[[A]], %[[W]]
func.func @where_uniform_condition(%a: tensor<2x3xf32>, %b: tensor<f32>) -> (tensor<2x3xf32>, tensor<2x3xf32>) {
  %t = edge.constant dense<true> : tensor<2x3xi1>
  %f = edge.constant dense<false> : tensor<2x3xi1>
  %0 = edge.where %t, %a, %b : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %1 = edge.where %f, %a, %b : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  return %0, %1 : tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// A float out of the range of the integer type (NaN here) has no defined
// value: the cast is left to run time.
// CHECK-LABEL: func.func @cast_nan_to_int
// CHECK: edge.cast
func.func @cast_nan_to_int() -> tensor<2xi32> {
  %x = edge.constant dense<[1.0, 0x7FC00000]> : tensor<2xf32>
  %0 = edge.cast %x to i32 : tensor<2xf32>
  return %0 : tensor<2xi32>
}
