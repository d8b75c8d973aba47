// RUN: edgec-opt %s -split-input-file -verify-diagnostics
// Every diagnostic of the reductions' shape rules and verifiers.

func.func @reduce_axis_out_of_range(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{axis 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.reduce_sum %x {axes = array<i64: 2>, keepdims = true} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @reduce_axis_negative(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{axis -1 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.reduce_max %x {axes = array<i64: -1>, keepdims = true} : (tensor<2x3xf32>) -> tensor<2x1xf32>
  return
}

// -----

func.func @reduce_axes_unsorted(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{axes [1, 0] must be strictly increasing}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.reduce_mean %x {axes = array<i64: 1, 0>, keepdims = false} : (tensor<2x3xf32>) -> tensor<f32>
  return
}

// -----

func.func @reduce_axes_repeated(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{axes [1, 1] must be strictly increasing}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.reduce_l1 %x {axes = array<i64: 1, 1>, keepdims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @reduce_wrong_result(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{'edge.reduce_sum' op inferred type(s) 'tensor<2x1xf32>' are incompatible with return type(s) of operation 'tensor<2xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.reduce_sum %x {axes = array<i64: 1>, keepdims = true} : (tensor<2x3xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @reduce_mean_of_integers(%x: tensor<2x3xi64>) {
  // expected-error @+1 {{'edge.reduce_mean' op operand #0 must be statically shaped tensor of 32-bit float values}}
  %0 = edge.reduce_mean %x {axes = array<i64: 1>, keepdims = true} : (tensor<2x3xi64>) -> tensor<2x1xi64>
  return
}

// -----

func.func @argmax_axis(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{axis 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.argmax %x {axis = 2, keepdims = true, select_last_index = false} : (tensor<2x3xf32>) -> tensor<2x3xi64>
  return
}

// -----

func.func @argmin_result_type(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'edge.argmin' op result #0 must be statically shaped tensor of 64-bit signless integer values, but got 'tensor<2xi32>'}}
  %0 = edge.argmin %x {axis = 1, keepdims = false, select_last_index = false} : (tensor<2x3xf32>) -> tensor<2xi32>
  return
}

// -----

func.func @topk_axis(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{axis 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:2 = edge.topk %x {axis = 2, k = 1, largest = true, sorted = true} : (tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xi64>)
  return
}

// -----

func.func @topk_k_too_large(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{k = 4 exceeds the extent 3 of axis 1 in shape [2, 3]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:2 = edge.topk %x {axis = 1, k = 4, largest = true, sorted = true} : (tensor<2x3xf32>) -> (tensor<2x4xf32>, tensor<2x4xi64>)
  return
}

// -----

func.func @topk_k_zero(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'edge.topk' op attribute 'k' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0:2 = edge.topk %x {axis = 1, k = 0, largest = true, sorted = true} : (tensor<2x3xf32>) -> (tensor<2x0xf32>, tensor<2x0xi64>)
  return
}

// -----

func.func @cumsum_axis(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'edge.cumsum' op axis 2 is out of range for rank 2}}
  %0 = edge.cumsum %x {axis = 2, exclusive = false, reverse = false} : tensor<2x3xf32>
  return
}
