// RUN: edgec-opt %s -split-input-file -verify-diagnostics
// Every diagnostic of the edge dialect's verifiers and shape inference. A
// failed shape inference reports its reason, then that inference failed.

//===----------------------------------------------------------------------===//
// edge.conv
//===----------------------------------------------------------------------===//

func.func @conv_rank_too_small(%x: tensor<1x3xf32>, %w: tensor<4x3xf32>) {
  // expected-error @+2 {{input must be [N, C, spatial...] with 1 to 3 spatial dimensions, got rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.conv %x, %w {strides = array<i64>, dilations = array<i64>, pads = array<i64>, group = 1} : (tensor<1x3xf32>, tensor<4x3xf32>) -> tensor<1x4xf32>
  return
}

// -----

func.func @conv_rank_too_large(%x: tensor<1x1x2x2x2x2xf32>, %w: tensor<1x1x1x1x1x1xf32>) {
  // expected-error @+2 {{input must be [N, C, spatial...] with 1 to 3 spatial dimensions, got rank 6}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0, 0, 0>, group = 1} : (tensor<1x1x2x2x2x2xf32>, tensor<1x1x1x1x1x1xf32>) -> tensor<1x1x2x2x2x2xf32>
  return
}

// -----

func.func @conv_weight_rank(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3xf32>) {
  // expected-error @+2 {{weight of rank 3 does not match input of rank 4}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

// The attribute constraint catches a group below 1 before shape inference.
func.func @conv_group_not_positive(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{attribute 'group' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 0} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_group_divides_channels(%x: tensor<1x3x8x8xf32>, %w: tensor<4x1x3x3xf32>) {
  // expected-error @+2 {{group 2 does not divide the input channels 3 and the filters 4}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 2} : (tensor<1x3x8x8xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_group_divides_filters(%x: tensor<1x4x8x8xf32>, %w: tensor<3x2x3x3xf32>) {
  // expected-error @+2 {{group 2 does not divide the input channels 4 and the filters 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 2} : (tensor<1x4x8x8xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x6x6xf32>
  return
}

// -----

func.func @conv_channels(%x: tensor<1x3x8x8xf32>, %w: tensor<4x2x3x3xf32>) {
  // expected-error @+2 {{weight shape [4, 2, 3, 3] takes 2 input channels per group, so 2 with group = 1, but the input [1, 3, 8, 8] has 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x3x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_grouped_channels(%x: tensor<1x4x8x8xf32>, %w: tensor<4x1x3x3xf32>) {
  // expected-error @+2 {{weight shape [4, 1, 3, 3] takes 1 input channels per group, so 2 with group = 2, but the input [1, 4, 8, 8] has 4}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 2} : (tensor<1x4x8x8xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_bias_length(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+2 {{bias shape [3] does not match 4 filters}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.conv %x, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_bias_rank(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<1x4xf32>) {
  // expected-error @+2 {{bias shape [1, 4] does not match 4 filters}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.conv %x, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<1x4xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_attribute_count(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{expected 2 kernel sizes, strides and dilations and 4 pads for 2 spatial dimensions, got 2, 1, 2 and 4}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.conv %x, %w {strides = array<i64: 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_pad_count(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{expected 2 kernel sizes, strides and dilations and 4 pads for 2 spatial dimensions, got 2, 2, 2 and 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1>, group = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

// A convolution's kernel sizes come from its weight.
func.func @conv_empty_kernel(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x0x3xf32>) {
  // expected-error @+2 {{kernel size 0 is not positive}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x0x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_stride(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{stride 0 is not positive}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.conv %x, %w {strides = array<i64: 1, 0>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_dilation(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{dilation -1 is not positive}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: -1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_negative_pad(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{pads [0, 0, 0, -1] must not be negative}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, -1>, group = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x5xf32>
  return
}

// -----

// A dilated 3x3 kernel spans 5 rows: more than 2 + 1 + 1.
func.func @conv_window_does_not_fit(%x: tensor<1x3x2x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{window of size 3 (dilation 2) does not fit spatial dimension 0 of size 2 with pads 1 and 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 2, 1>, pads = array<i64: 1, 0, 1, 0>, group = 1} : (tensor<1x3x2x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x1x6xf32>
  return
}

// -----

func.func @conv_result_type(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{'edge.conv' op inferred type(s) 'tensor<1x4x3x3xf32>' are incompatible with return type(s) of operation 'tensor<1x4x4x4xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.conv %x, %w {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x4x4xf32>
  return
}

// -----

// Computation is float32 only.
func.func @conv_element_type(%x: tensor<1x3x8x8xi32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{operand #0 must be statically shaped tensor of 32-bit float values}}
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x3x8x8xi32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// edge.max_pool, edge.avg_pool, edge.global_avg_pool
//===----------------------------------------------------------------------===//

func.func @max_pool_rank(%x: tensor<1x3xf32>) {
  // expected-error @+2 {{input must be [N, C, spatial...], got rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.max_pool %x {kernel_shape = array<i64>, strides = array<i64>, dilations = array<i64>, pads = array<i64>, ceil_mode = false} : (tensor<1x3xf32>) -> tensor<1x3xf32>
  return
}

// -----

func.func @max_pool_attribute_count(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{expected 2 kernel sizes, strides and dilations and 4 pads for 2 spatial dimensions, got 2, 2, 1 and 4}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.max_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1>, pads = array<i64: 0, 0, 0, 0>, ceil_mode = false} : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
  return
}

// -----

// The kernel size is reported as such, not as a window smaller than its pads.
func.func @max_pool_kernel(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{kernel size 0 is not positive}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.max_pool %x {kernel_shape = array<i64: 0, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, ceil_mode = false} : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
  return
}

// -----

// A window wholly in the padding would have nothing to reduce.
func.func @max_pool_pad_vs_window(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{pads [0, 2, 0, 0] must be smaller than the window [2, 2]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.max_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 2, 0, 0>, ceil_mode = false} : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x5xf32>
  return
}

// -----

// Dilation widens the window: a pad of 2 is fine for a kernel of 2 with
// dilation 2 (span 3), but a trailing pad of 3 is not.
func.func @max_pool_pad_vs_dilated_window(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{pads [2, 0, 3, 0] must be smaller than the window [2, 2]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.max_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 1, 1>, dilations = array<i64: 2, 1>, pads = array<i64: 2, 0, 3, 0>, ceil_mode = false} : (tensor<1x3x8x8xf32>) -> tensor<1x3x11x7xf32>
  return
}

// -----

func.func @max_pool_window_does_not_fit(%x: tensor<1x3x2x2xf32>) {
  // expected-error @+2 {{window of size 3 (dilation 1) does not fit spatial dimension 1 of size 2 with pads 0 and 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.max_pool %x {kernel_shape = array<i64: 1, 3>, strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, ceil_mode = false} : (tensor<1x3x2x2xf32>) -> tensor<1x3x2x1xf32>
  return
}

// -----

// With ceil_mode, 8 rows, kernel 3 and stride 2 give 4 windows, not 3.
func.func @max_pool_ceil_mode_result(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{'edge.max_pool' op inferred type(s) 'tensor<1x3x4x4xf32>' are incompatible with return type(s) of operation 'tensor<1x3x3x3xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.max_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, ceil_mode = true} : (tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32>
  return
}

// -----

// ceil_mode drops a last window that would start in the trailing padding:
// 5 + 1 + 1 with kernel 2 and stride 2 gives 4 windows, of which the last
// would start at padded index 6 (the trailing pad).
func.func @max_pool_ceil_mode_drops_padding_window(%x: tensor<1x1x5x5xf32>) {
  // expected-error @+2 {{'edge.max_pool' op inferred type(s) 'tensor<1x1x3x3xf32>' are incompatible with return type(s) of operation 'tensor<1x1x4x4xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.max_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, ceil_mode = true} : (tensor<1x1x5x5xf32>) -> tensor<1x1x4x4xf32>
  return
}

// -----

func.func @avg_pool_rank(%x: tensor<3xf32>) {
  // expected-error @+2 {{input must be [N, C, spatial...], got rank 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.avg_pool %x {kernel_shape = array<i64>, strides = array<i64>, pads = array<i64>, ceil_mode = false, count_include_pad = false} : (tensor<3xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @avg_pool_attribute_count(%x: tensor<1x3x8xf32>) {
  // expected-error @+2 {{expected 1 kernel sizes, strides and dilations and 2 pads for 1 spatial dimensions, got 2, 2, 2 and 4}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.avg_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, ceil_mode = false, count_include_pad = false} : (tensor<1x3x8xf32>) -> tensor<1x3x4xf32>
  return
}

// -----

func.func @avg_pool_stride(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{stride -2 is not positive}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.avg_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: -2, 2>, pads = array<i64: 0, 0, 0, 0>, ceil_mode = false, count_include_pad = false} : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @avg_pool_negative_pad(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{pads [-1, 0, 0, 0] must not be negative}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.avg_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: -1, 0, 0, 0>, ceil_mode = false, count_include_pad = false} : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @avg_pool_pad_vs_window(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{pads [3, 0, 0, 0] must be smaller than the window [3, 3]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.avg_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 1, 1>, pads = array<i64: 3, 0, 0, 0>, ceil_mode = false, count_include_pad = true} : (tensor<1x3x8x8xf32>) -> tensor<1x3x9x6xf32>
  return
}

// -----

func.func @global_avg_pool_rank(%x: tensor<1x3xf32>) {
  // expected-error @+2 {{input must be [N, C, spatial...], got rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.global_avg_pool %x : (tensor<1x3xf32>) -> tensor<1x3xf32>
  return
}

// -----

func.func @global_avg_pool_result(%x: tensor<1x3x4x4xf32>) {
  // expected-error @+2 {{'edge.global_avg_pool' op inferred type(s) 'tensor<1x3x1x1xf32>' are incompatible with return type(s) of operation 'tensor<1x3xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.global_avg_pool %x : (tensor<1x3x4x4xf32>) -> tensor<1x3xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// edge.gemm, edge.matmul
//===----------------------------------------------------------------------===//

func.func @gemm_rank(%a: tensor<2x3x4xf32>, %b: tensor<4x5xf32>) {
  // expected-error @+2 {{A and B must be matrices, got shapes [2, 3, 4] and [4, 5]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.gemm %a, %b {alpha = 1.0 : f32, beta = 1.0 : f32, transA = false, transB = false} : (tensor<2x3x4xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>
  return
}

// -----

func.func @gemm_inner(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) {
  // expected-error @+2 {{inner dimensions differ: A [2, 3] times B [4, 5]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.gemm %a, %b {alpha = 1.0 : f32, beta = 1.0 : f32, transA = false, transB = false} : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  return
}

// -----

// transB makes B [5, 3] read as [3, 5]; transA makes A [2, 3] read as [3, 2].
func.func @gemm_inner_transposed(%a: tensor<2x3xf32>, %b: tensor<5x3xf32>) {
  // expected-error @+2 {{inner dimensions differ: A [2, 3] transposed times B [5, 3] transposed}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.gemm %a, %b {alpha = 1.0 : f32, beta = 1.0 : f32, transA = true, transB = true} : (tensor<2x3xf32>, tensor<5x3xf32>) -> tensor<3x5xf32>
  return
}

// -----

func.func @gemm_c_broadcast(%a: tensor<2x3xf32>, %b: tensor<3x5xf32>, %c: tensor<2xf32>) {
  // expected-error @+2 {{C of shape [2] does not broadcast to [2, 5]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.gemm %a, %b, %c {alpha = 1.0 : f32, beta = 1.0 : f32, transA = false, transB = false} : (tensor<2x3xf32>, tensor<3x5xf32>, tensor<2xf32>) -> tensor<2x5xf32>
  return
}

// -----

// C broadcasts one way only: it cannot be larger than the product.
func.func @gemm_c_rank(%a: tensor<2x3xf32>, %b: tensor<3x5xf32>, %c: tensor<1x2x5xf32>) {
  // expected-error @+2 {{C of shape [1, 2, 5] does not broadcast to [2, 5]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.gemm %a, %b, %c {alpha = 1.0 : f32, beta = 1.0 : f32, transA = false, transB = false} : (tensor<2x3xf32>, tensor<3x5xf32>, tensor<1x2x5xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @matmul_scalar(%a: tensor<f32>, %b: tensor<3xf32>) {
  // expected-error @+2 {{operands must have rank 1 or more}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.matmul %a, %b : (tensor<f32>, tensor<3xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @matmul_inner(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) {
  // expected-error @+2 {{inner dimensions differ: [2, 3] times [4, 5]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.matmul %a, %b : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  return
}

// -----

// A 1-D right operand is a column: its length meets the last dimension.
func.func @matmul_inner_vector(%a: tensor<2x3xf32>, %b: tensor<2xf32>) {
  // expected-error @+2 {{inner dimensions differ: [2, 3] times [2]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.matmul %a, %b : (tensor<2x3xf32>, tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @matmul_batch(%a: tensor<2x4x3xf32>, %b: tensor<3x3x5xf32>) {
  // expected-error @+2 {{batch dimensions of [2, 4, 3] and [3, 3, 5] do not broadcast}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.matmul %a, %b : (tensor<2x4x3xf32>, tensor<3x3x5xf32>) -> tensor<2x4x5xf32>
  return
}

// -----

// Vector operands lose their promoted dimension in the result.
func.func @matmul_vector_result(%a: tensor<3xf32>, %b: tensor<3x5xf32>) {
  // expected-error @+2 {{'edge.matmul' op inferred type(s) 'tensor<5xf32>' are incompatible with return type(s) of operation 'tensor<1x5xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.matmul %a, %b : (tensor<3xf32>, tensor<3x5xf32>) -> tensor<1x5xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// edge.batch_norm, edge.softmax
//===----------------------------------------------------------------------===//

func.func @batch_norm_rank(%x: tensor<4xf32>, %p: tensor<4xf32>) {
  // expected-error @+2 {{input must be [N, C, ...], got rank 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.batch_norm %x, %p, %p, %p, %p {epsilon = 1.0e-5 : f32} : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @batch_norm_scale(%x: tensor<1x3x4x4xf32>, %s: tensor<4xf32>, %p: tensor<3xf32>) {
  // expected-error @+2 {{scale of shape [4] does not match 3 channels}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.batch_norm %x, %s, %p, %p, %p {epsilon = 1.0e-5 : f32} : (tensor<1x3x4x4xf32>, tensor<4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @batch_norm_bias(%x: tensor<1x3x4x4xf32>, %b: tensor<1x3xf32>, %p: tensor<3xf32>) {
  // expected-error @+2 {{bias of shape [1, 3] does not match 3 channels}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.batch_norm %x, %p, %b, %p, %p {epsilon = 1.0e-5 : f32} : (tensor<1x3x4x4xf32>, tensor<3xf32>, tensor<1x3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @batch_norm_mean(%x: tensor<1x3x4x4xf32>, %m: tensor<1xf32>, %p: tensor<3xf32>) {
  // expected-error @+2 {{mean of shape [1] does not match 3 channels}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.batch_norm %x, %p, %p, %m, %p {epsilon = 1.0e-5 : f32} : (tensor<1x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<1xf32>, tensor<3xf32>) -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @batch_norm_variance(%x: tensor<1x3x4x4xf32>, %v: tensor<f32>, %p: tensor<3xf32>) {
  // expected-error @+2 {{variance of shape [] does not match 3 channels}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.batch_norm %x, %p, %p, %p, %v {epsilon = 1.0e-5 : f32} : (tensor<1x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<f32>) -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @softmax_axis(%x: tensor<2x10xf32>) {
  // expected-error @+1 {{'edge.softmax' op axis 2 is out of range for rank 2}}
  %0 = edge.softmax %x {axis = 2} : tensor<2x10xf32>
  return
}

// -----

// The importer normalizes negative axes; the op takes none.
func.func @softmax_negative_axis(%x: tensor<2x10xf32>) {
  // expected-error @+1 {{attribute 'axis' failed to satisfy constraint: 64-bit signless integer attribute whose value is non-negative}}
  %0 = edge.softmax %x {axis = -1} : tensor<2x10xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// edge.reshape, edge.transpose, edge.concat
//===----------------------------------------------------------------------===//

func.func @reshape_negative(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{shape [-1, 6] has a negative dimension}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.reshape %x {shape = array<i64: -1, 6>} : (tensor<2x3xf32>) -> tensor<1x6xf32>
  return
}

// -----

func.func @reshape_count(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{cannot reshape [2, 3] (6 elements) to [4, 2] (8 elements)}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.reshape %x {shape = array<i64: 4, 2>} : (tensor<2x3xf32>) -> tensor<4x2xf32>
  return
}

// -----

func.func @reshape_result(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{'edge.reshape' op inferred type(s) 'tensor<3x2xf32>' are incompatible with return type(s) of operation 'tensor<6xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.reshape %x {shape = array<i64: 3, 2>} : (tensor<2x3xf32>) -> tensor<6xf32>
  return
}

// -----

func.func @reshape_element_type(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'edge.reshape' op requires the same element type for all operands and results}}
  %0 = edge.reshape %x {shape = array<i64: 6>} : (tensor<2x3xf32>) -> tensor<6xi32>
  return
}

// -----

func.func @transpose_length(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{perm [1, 0] does not have 3 entries}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.transpose %x {perm = array<i64: 1, 0>} : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  return
}

// -----

func.func @transpose_repeated(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{perm [0, 2, 0] is not a permutation of [0, 3)}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.transpose %x {perm = array<i64: 0, 2, 0>} : (tensor<2x3x4xf32>) -> tensor<2x4x2xf32>
  return
}

// -----

func.func @transpose_out_of_range(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{perm [0, 3, 1] is not a permutation of [0, 3)}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.transpose %x {perm = array<i64: 0, 3, 1>} : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
  return
}

// -----

func.func @transpose_negative(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{perm [-1, 0] is not a permutation of [0, 2)}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.transpose %x {perm = array<i64: -1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return
}

// -----

func.func @transpose_result(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{'edge.transpose' op inferred type(s) 'tensor<4x2x3xf32>' are incompatible with return type(s) of operation 'tensor<3x4x2xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.transpose %x {perm = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>
  return
}

// -----

func.func @concat_no_inputs() {
  // expected-error @+1 {{'edge.concat' op expected 1 or more operands, but found 0}}
  %0 = edge.concat {axis = 0} : () -> tensor<1xf32>
  return
}

// -----

func.func @concat_axis(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{axis 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.concat %a, %a {axis = 2} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
  return
}

// -----

func.func @concat_negative_axis(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{attribute 'axis' failed to satisfy constraint: 64-bit signless integer attribute whose value is non-negative}}
  %0 = edge.concat %a, %a {axis = -1} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
  return
}

// -----

func.func @concat_mismatch(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) {
  // expected-error @+2 {{input of type 'tensor<3x4xf32>' does not match 'tensor<2x3xf32>' outside axis 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.concat %a, %b {axis = 1} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x7xf32>
  return
}

// -----

func.func @concat_rank(%a: tensor<2x3xf32>, %b: tensor<2x3x1xf32>) {
  // expected-error @+2 {{input of type 'tensor<2x3x1xf32>' does not match 'tensor<2x3xf32>' outside axis 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.concat %a, %b {axis = 0} : (tensor<2x3xf32>, tensor<2x3x1xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @concat_result(%a: tensor<2x3xf32>, %b: tensor<2x4xf32>) {
  // expected-error @+2 {{'edge.concat' op inferred type(s) 'tensor<2x7xf32>' are incompatible with return type(s) of operation 'tensor<2x6xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.concat %a, %b {axis = 1} : (tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<2x6xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

func.func @add_broadcast(%a: tensor<2x3xf32>, %b: tensor<2xf32>) {
  // expected-error @+2 {{operands of shapes [2, 3] and [2] do not broadcast}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.add %a, %b : (tensor<2x3xf32>, tensor<2xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @div_broadcast(%a: tensor<4x1x3xf32>, %b: tensor<2x2x3xf32>) {
  // expected-error @+2 {{operands of shapes [4, 1, 3] and [2, 2, 3] do not broadcast}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.div %a, %b : (tensor<4x1x3xf32>, tensor<2x2x3xf32>) -> tensor<4x2x3xf32>
  return
}

// -----

// Broadcasting stretches the declared result: it cannot stay [3].
func.func @mul_result(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+2 {{'edge.mul' op inferred type(s) 'tensor<2x3xf32>' are incompatible with return type(s) of operation 'tensor<3xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.mul %b, %a : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @sub_element_type(%a: tensor<3xi8>) {
  // expected-error @+1 {{operand #0 must be statically shaped tensor of 32-bit float or 32-bit signless integer or 64-bit signless integer values}}
  %0 = edge.sub %a, %a : (tensor<3xi8>, tensor<3xi8>) -> tensor<3xi8>
  return
}

// -----

func.func @relu_type(%a: tensor<3xf32>) {
  // expected-error @+1 {{'edge.relu' op requires the same type for all operands and results}}
  %0 = "edge.relu"(%a) : (tensor<3xf32>) -> tensor<1x3xf32>
  return
}

// -----

func.func @clip_bounds_attr(%a: tensor<3xf32>) {
  // expected-error @+1 {{attribute 'max' failed to satisfy constraint: 32-bit float attribute}}
  %0 = edge.clip %a {min = 0.0 : f32, max = 6.0 : f64} : tensor<3xf32>
  return
}

// -----

func.func @constant_type() {
  // expected-error @+2 {{'edge.constant' op inferred type(s) 'tensor<2xf32>' are incompatible with return type(s) of operation 'tensor<3xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = "edge.constant"() <{value = dense<1.0> : tensor<2xf32>}> : () -> tensor<3xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Static shapes
//===----------------------------------------------------------------------===//

// Shapes are static: the importer resolves every dimension, and the shape
// rules do arithmetic on the extents.
func.func @conv_dynamic_width(%x: tensor<1x3x8x?xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{operand #0 must be statically shaped tensor of 32-bit float values, but got 'tensor<1x3x8x?xf32>'}}
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x3x8x?xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x?xf32>
  return
}

// -----

func.func @reshape_dynamic(%x: tensor<?x3xf32>) {
  // expected-error @+1 {{operand #0 must be statically shaped tensor of 32-bit float or 16-bit float or 64-bit float or 1-bit signless integer or 8-bit signless integer or 8-bit unsigned integer or 32-bit signless integer or 64-bit signless integer values, but got 'tensor<?x3xf32>'}}
  %0 = edge.reshape %x {shape = array<i64: 6>} : (tensor<?x3xf32>) -> tensor<6xf32>
  return
}

// -----

func.func @add_unranked(%x: tensor<*xf32>) {
  // expected-error @+1 {{operand #0 must be statically shaped tensor of 32-bit float or 32-bit signless integer or 64-bit signless integer values, but got 'tensor<*xf32>'}}
  %0 = "edge.add"(%x, %x) : (tensor<*xf32>, tensor<*xf32>) -> tensor<*xf32>
  return
}
