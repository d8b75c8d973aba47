// RUN: edgec-opt %s -split-input-file -verify-diagnostics
// Every diagnostic of the normalization ops' shape rules and verifiers.

func.func @layer_norm_axis(%x: tensor<2x3xf32>, %w: tensor<3xf32>) {
  // expected-error @+2 {{axis 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:3 = edge.layer_norm %x, %w {axis = 2, epsilon = 1.0e-5 : f32} : (tensor<2x3xf32>, tensor<3xf32>) -> (tensor<2x3xf32>, tensor<2x1xf32>, tensor<2x1xf32>)
  return
}

// -----

func.func @layer_norm_scale(%x: tensor<2x3x4xf32>, %w: tensor<3xf32>) {
  // expected-error @+2 {{scale of shape [3] does not broadcast to the normalized shape [4]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:3 = edge.layer_norm %x, %w {axis = 2, epsilon = 1.0e-5 : f32} : (tensor<2x3x4xf32>, tensor<3xf32>) -> (tensor<2x3x4xf32>, tensor<2x3x1xf32>, tensor<2x3x1xf32>)
  return
}

// -----

// A bias of higher rank than the normalized dimensions would grow the
// result.
func.func @layer_norm_bias_rank(%x: tensor<2x3x4xf32>, %w: tensor<4xf32>, %b: tensor<3x4xf32>) {
  // expected-error @+2 {{bias of shape [3, 4] does not broadcast to the normalized shape [4]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:3 = edge.layer_norm %x, %w, %b {axis = 2, epsilon = 1.0e-5 : f32} : (tensor<2x3x4xf32>, tensor<4xf32>, tensor<3x4xf32>) -> (tensor<2x3x4xf32>, tensor<2x3x1xf32>, tensor<2x3x1xf32>)
  return
}

// -----

func.func @layer_norm_stats_type(%x: tensor<2x3xf32>, %w: tensor<3xf32>) {
  // expected-error @+2 {{'edge.layer_norm' op inferred type(s) 'tensor<2x3xf32>', 'tensor<2x1xf32>', 'tensor<2x1xf32>' are incompatible with return type(s) of operation 'tensor<2x3xf32>', 'tensor<2xf32>', 'tensor<2xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:3 = edge.layer_norm %x, %w {axis = 1, epsilon = 1.0e-5 : f32} : (tensor<2x3xf32>, tensor<3xf32>) -> (tensor<2x3xf32>, tensor<2xf32>, tensor<2xf32>)
  return
}

// -----

func.func @instance_norm_rank(%x: tensor<2x3xf32>, %p: tensor<3xf32>) {
  // expected-error @+2 {{input must be [N, C, spatial...], got rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.instance_norm %x, %p, %p {epsilon = 1.0e-5 : f32} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @instance_norm_scale(%x: tensor<1x3x4x4xf32>, %s: tensor<4xf32>, %p: tensor<3xf32>) {
  // expected-error @+2 {{scale of shape [4] does not match 3 channels}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.instance_norm %x, %s, %p {epsilon = 1.0e-5 : f32} : (tensor<1x3x4x4xf32>, tensor<4xf32>, tensor<3xf32>) -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @instance_norm_bias(%x: tensor<1x3x4x4xf32>, %b: tensor<1x3xf32>, %p: tensor<3xf32>) {
  // expected-error @+2 {{bias of shape [1, 3] does not match 3 channels}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.instance_norm %x, %p, %b {epsilon = 1.0e-5 : f32} : (tensor<1x3x4x4xf32>, tensor<3xf32>, tensor<1x3xf32>) -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @log_softmax_axis(%x: tensor<2x10xf32>) {
  // expected-error @+1 {{'edge.log_softmax' op axis 2 is out of range for rank 2}}
  %0 = edge.log_softmax %x {axis = 2} : tensor<2x10xf32>
  return
}

// -----

func.func @hardmax_axis(%x: tensor<2x10xf32>) {
  // expected-error @+1 {{'edge.hardmax' op axis 5 is out of range for rank 2}}
  %0 = edge.hardmax %x {axis = 5} : tensor<2x10xf32>
  return
}

// -----

func.func @lp_norm_axis(%x: tensor<2x10xf32>) {
  // expected-error @+1 {{'edge.lp_norm' op axis 2 is out of range for rank 2}}
  %0 = edge.lp_norm %x {axis = 2, p = 2} : tensor<2x10xf32>
  return
}

// -----

func.func @lp_norm_p(%x: tensor<2x10xf32>) {
  // expected-error @+1 {{'edge.lp_norm' op attribute 'p' failed to satisfy constraint: 64-bit signless integer attribute whose minimum value is 1 whose maximum value is 2}}
  %0 = edge.lp_norm %x {axis = 1, p = 3} : tensor<2x10xf32>
  return
}

// -----

func.func @mvn_axis(%x: tensor<2x10xf32>) {
  // expected-error @+1 {{'edge.mean_variance_norm' op axis 2 is out of range for rank 2}}
  %0 = edge.mean_variance_norm %x {axes = array<i64: 0, 2>} : tensor<2x10xf32>
  return
}

// -----

func.func @mvn_axes_order(%x: tensor<2x10xf32>) {
  // expected-error @+1 {{'edge.mean_variance_norm' op axes [1, 0] must be strictly increasing}}
  %0 = edge.mean_variance_norm %x {axes = array<i64: 1, 0>} : tensor<2x10xf32>
  return
}

// -----

func.func @lrn_rank(%x: tensor<10xf32>) {
  // expected-error @+1 {{'edge.lrn' op input must be [N, C, ...], got rank 1}}
  %0 = edge.lrn %x {alpha = 1.0e-4 : f32, beta = 0.75 : f32, bias = 1.0 : f32, size = 3} : tensor<10xf32>
  return
}

// -----

func.func @lrn_size(%x: tensor<1x10xf32>) {
  // expected-error @+1 {{'edge.lrn' op attribute 'size' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0 = edge.lrn %x {alpha = 1.0e-4 : f32, beta = 0.75 : f32, bias = 1.0 : f32, size = 0} : tensor<1x10xf32>
  return
}
