// RUN: edgec-opt %s -split-input-file -verify-diagnostics
// Diagnostics of lp_pool, global_max_pool and global_lp_pool; lp_pool shares
// max_pool's window checks (see invalid.mlir).

func.func @lp_pool_result(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{'edge.lp_pool' op inferred type(s) 'tensor<1x3x4x4xf32>' are incompatible with return type(s) of operation 'tensor<1x3x3x3xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.lp_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, p = 2} : (tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32>
  return
}

// -----

func.func @lp_pool_pads(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{pads [2, 0, 0, 0] must be smaller than the window [2, 2]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.lp_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 1, 1>, pads = array<i64: 2, 0, 0, 0>, p = 2} : (tensor<1x3x8x8xf32>) -> tensor<1x3x9x7xf32>
  return
}

// -----

func.func @lp_pool_p(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{'edge.lp_pool' op attribute 'p' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0 = edge.lp_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, p = 0} : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @global_max_pool_rank(%x: tensor<3x8xf32>) {
  // expected-error @+2 {{input must be [N, C, spatial...], got rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.global_max_pool %x : (tensor<3x8xf32>) -> tensor<3x1xf32>
  return
}

// -----

func.func @global_lp_pool_result(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{'edge.global_lp_pool' op inferred type(s) 'tensor<1x3x1x1xf32>' are incompatible with return type(s) of operation 'tensor<1x3xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.global_lp_pool %x {p = 2} : (tensor<1x3x8x8xf32>) -> tensor<1x3xf32>
  return
}
