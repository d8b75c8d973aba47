// RUN: edgec-opt %s -split-input-file -edge-decompose-conv-transpose | FileCheck %s

// Stride 2, kernel 3 (sub-pixel form): output phase (p, q) is a stride-1
// convolution with the kernel taps p, p + 2, ... and q, q + 2, ... read
// backwards (constant here, so folded: 2x2, 2x1, 1x2 and 1x1 filters),
// padded to the 6 results of every phase. Unit dimensions after each
// spatial one, concatenated there, interleave the phases; the pads then
// crop the 12 interleaved results (full: 2 * 4 + 3 + 1 = 12) to 10.
// CHECK-LABEL: func.func @strided(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x3x5x5xf32>, %[[B:[^:]*]]: tensor<4xf32>)
// CHECK-DAG: %[[W11:.*]] = edge.constant dense<1.000000e+00> : tensor<4x3x1x1xf32>
// CHECK-DAG: %[[W12:.*]] = edge.constant dense<1.000000e+00> : tensor<4x3x1x2xf32>
// CHECK-DAG: %[[W21:.*]] = edge.constant dense<1.000000e+00> : tensor<4x3x2x1xf32>
// CHECK-DAG: %[[W22:.*]] = edge.constant dense<1.000000e+00> : tensor<4x3x2x2xf32>
// CHECK: %[[P00:.*]] = edge.conv %[[X]], %[[W22]], %[[B]] {{.*}}pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} {{.*}} -> tensor<1x4x6x6xf32>
// CHECK: %[[U00:.*]] = edge.reshape %[[P00]] {shape = array<i64: 1, 4, 6, 1, 6, 1>}
// CHECK: %[[P01:.*]] = edge.conv %[[X]], %[[W21]], %[[B]] {{.*}}pads = array<i64: 1, 0, 1, 1>
// CHECK: %[[U01:.*]] = edge.reshape %[[P01]]
// CHECK: %[[ROW0:.*]] = edge.concat %[[U00]], %[[U01]] {axis = 5 : i64}
// CHECK: edge.conv %[[X]], %[[W12]], %[[B]] {{.*}}pads = array<i64: 0, 1, 1, 1>
// CHECK: edge.conv %[[X]], %[[W11]], %[[B]] {{.*}}pads = array<i64: 0, 0, 1, 1>
// CHECK: %[[ROW1:.*]] = edge.concat {{.*}} {axis = 5 : i64}
// CHECK: %[[ALL:.*]] = edge.concat %[[ROW0]], %[[ROW1]] {axis = 3 : i64} {{.*}} -> tensor<1x4x6x2x6x2xf32>
// CHECK: %[[Y:.*]] = edge.reshape %[[ALL]] {shape = array<i64: 1, 4, 12, 12>}
// CHECK: edge.pad %[[Y]] {mode = "constant", pads = array<i64: 0, 0, -1, -1, 0, 0, -1, -1>
// CHECK-SAME: -> tensor<1x4x10x10xf32>
// CHECK-NOT: edge.conv_transpose
func.func @strided(%x: tensor<1x3x5x5xf32>, %b: tensor<4xf32>) -> tensor<1x4x10x10xf32> {
  %w = edge.constant dense<1.0> : tensor<3x4x3x3xf32>
  %0 = edge.conv_transpose %x, %w, %b {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, output_padding = array<i64: 1, 1>, group = 1} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>, tensor<4xf32>) -> tensor<1x4x10x10xf32>
  return %0 : tensor<1x4x10x10xf32>
}

// -----

// Dilated (zero-inserting form): a unit dimension after each spatial one,
// padded to the stride with zeros and merged back, inserts the zeros; the
// one stride-1 convolution pads by dilation * (kernel - 1) - crop at the
// start and, at the end, also adds the output padding and drops the extra
// trailing zeros (4 - 1 + 1 - 1 = 3).
// CHECK-LABEL: func.func @dilated(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x3x5x5xf32>)
// CHECK: %[[W:.*]] = edge.constant dense<1.000000e+00> : tensor<4x3x3x3xf32>
// CHECK: %[[E:.*]] = edge.reshape %[[X]] {shape = array<i64: 1, 3, 5, 1, 5, 1>}
// CHECK: %[[P:.*]] = edge.pad %[[E]] {mode = "constant", pads = array<i64: 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1>
// CHECK: %[[Z:.*]] = edge.reshape %[[P]] {shape = array<i64: 1, 3, 10, 10>}
// CHECK: edge.conv %[[Z]], %[[W]] {dilations = array<i64: 2, 2>, group = 1 : i64, pads = array<i64: 3, 3, 3, 3>, strides = array<i64: 1, 1>}
// CHECK-SAME: -> tensor<1x4x12x12xf32>
func.func @dilated(%x: tensor<1x3x5x5xf32>) -> tensor<1x4x12x12xf32> {
  %w = edge.constant dense<1.0> : tensor<3x4x3x3xf32>
  %0 = edge.conv_transpose %x, %w {strides = array<i64: 2, 2>, dilations = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, output_padding = array<i64: 1, 1>, group = 1} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x12x12xf32>
  return %0 : tensor<1x4x12x12xf32>
}

// -----

// Crops beyond the kernel's extent become a negative pad of the input. A
// filter known only at run time is transformed by ops: per group, swap
// input and output channels, then read every spatial dimension backwards.
// CHECK-LABEL: func.func @crop(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x2x9x9xf32>, %[[W:[^:]*]]: tensor<2x2x3x3xf32>)
// CHECK: %[[C:.*]] = edge.pad %[[X]] {mode = "constant", pads = array<i64: 0, 0, -1, -1, 0, 0, 0, -2>
// CHECK-SAME: -> tensor<1x2x8x6xf32>
// CHECK: %[[G:.*]] = edge.reshape %[[W]] {shape = array<i64: 1, 2, 2, 3, 3>}
// CHECK: %[[T:.*]] = edge.transpose %[[G]] {perm = array<i64: 0, 2, 1, 3, 4>}
// CHECK: %[[M:.*]] = edge.reshape %[[T]] {shape = array<i64: 2, 2, 3, 3>}
// CHECK: %[[F:.*]] = edge.slice %[[M]] {offsets = array<i64: 0, 0, 2, 2>, sizes = array<i64: 2, 2, 3, 3>, strides = array<i64: 1, 1, -1, -1>}
// CHECK: edge.conv %[[C]], %[[F]] {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>}
// CHECK-SAME: -> tensor<1x2x6x4xf32>
func.func @crop(%x: tensor<1x2x9x9xf32>, %w: tensor<2x2x3x3xf32>) -> tensor<1x2x6x4xf32> {
  %0 = edge.conv_transpose %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 3, 3, 2, 4>, output_padding = array<i64: 0, 0>, group = 1} : (tensor<1x2x9x9xf32>, tensor<2x2x3x3xf32>) -> tensor<1x2x6x4xf32>
  return %0 : tensor<1x2x6x4xf32>
}

// -----

// Groups: [C, F/g, K...] splits into [g, C/g, F/g, K...]; the convolution
// keeps the group count.
// CHECK-LABEL: func.func @grouped(
// CHECK: edge.reshape %{{.*}} {shape = array<i64: 2, 2, 3, 3, 3>}
// CHECK: edge.transpose %{{.*}} {perm = array<i64: 0, 2, 1, 3, 4>} : (tensor<2x2x3x3x3xf32>) -> tensor<2x3x2x3x3xf32>
// CHECK: edge.reshape %{{.*}} {shape = array<i64: 6, 2, 3, 3>}
// CHECK: edge.conv {{.*}}group = 2 : i64{{.*}} -> tensor<1x6x7x7xf32>
func.func @grouped(%x: tensor<1x4x5x5xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x6x7x7xf32> {
  %0 = edge.conv_transpose %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, output_padding = array<i64: 0, 0>, group = 2} : (tensor<1x4x5x5xf32>, tensor<4x3x3x3xf32>) -> tensor<1x6x7x7xf32>
  return %0 : tensor<1x6x7x7xf32>
}
