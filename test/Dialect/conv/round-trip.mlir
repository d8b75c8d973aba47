// RUN: edgec-opt %s -split-input-file | edgec-opt -split-input-file | FileCheck %s
// RUN: edgec-opt %s -split-input-file --mlir-print-op-generic | edgec-opt -split-input-file | FileCheck %s
// Every op of the conv dialect, on tensors and on memrefs, with and without
// its epilogue, prints in a form that parses back to itself.

// CHECK-LABEL: func.func @direct_epilogue
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x8x3xf32>, %[[W:.*]]: tensor<3x3x3x4xf32>, %[[B:.*]]: tensor<4xf32>, %[[R:.*]]: tensor<1x8x8x4xf32>)
func.func @direct_epilogue(%x: tensor<1x8x8x3xf32>, %w: tensor<3x3x3x4xf32>, %b: tensor<4xf32>, %r: tensor<1x8x8x4xf32>) -> tensor<1x8x8x4xf32> {
  // CHECK: %[[I:.*]] = tensor.empty() : tensor<1x8x8x4xf32>
  %i = tensor.empty() : tensor<1x8x8x4xf32>
  // CHECK: %{{.*}} = conv.direct ins(%[[X]], %[[W]] : tensor<1x8x8x3xf32>, tensor<3x3x3x4xf32>)
  // CHECK-SAME: bias(%[[B]] : tensor<4xf32>)
  // CHECK-SAME: residual(%[[R]] : tensor<1x8x8x4xf32>)
  // CHECK-SAME: outs(%[[I]] : tensor<1x8x8x4xf32>)
  // CHECK-SAME: activation = "clip"
  // CHECK-SAME: clip_max = 6.000000e+00 : f32
  // CHECK-SAME: clip_min = 0.000000e+00 : f32
  // CHECK-SAME: dilations = array<i64: 1, 1>
  // CHECK-SAME: group = 1 : i64
  // CHECK-SAME: pads = array<i64: 1, 1, 1, 1>
  // CHECK-SAME: strides = array<i64: 1, 1>
  // CHECK-SAME: -> tensor<1x8x8x4xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x8x8x3xf32>, tensor<3x3x3x4xf32>) bias(%b : tensor<4xf32>) residual(%r : tensor<1x8x8x4xf32>) outs(%i : tensor<1x8x8x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, group = 1, activation = "clip", clip_min = 0.0 : f32, clip_max = 6.0 : f32} -> tensor<1x8x8x4xf32>
  return %0 : tensor<1x8x8x4xf32>
}

// -----

// No epilogue: the default activation "none" is not printed, and neither
// are bias() and residual().
// CHECK-LABEL: func.func @direct_grouped_strided
// CHECK: conv.direct ins(%{{.*}}, %{{.*}} : tensor<1x9x9x4xf32>, tensor<3x3x2x6xf32>) outs(%{{.*}} : tensor<1x4x4x6xf32>)
// CHECK-NOT: activation
// CHECK-SAME: dilations = array<i64: 2, 1>
// CHECK-SAME: group = 2 : i64
// CHECK-SAME: pads = array<i64: 1, 0, 1, 0>
// CHECK-SAME: strides = array<i64: 2, 2>
// CHECK-SAME: -> tensor<1x4x4x6xf32>
func.func @direct_grouped_strided(%x: tensor<1x9x9x4xf32>, %w: tensor<3x3x2x6xf32>) -> tensor<1x4x4x6xf32> {
  %i = tensor.empty() : tensor<1x4x4x6xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x9x9x4xf32>, tensor<3x3x2x6xf32>) outs(%i : tensor<1x4x4x6xf32>) {strides = array<i64: 2, 2>, dilations = array<i64: 2, 1>, pads = array<i64: 1, 0, 1, 0>, group = 2} -> tensor<1x4x4x6xf32>
  return %0 : tensor<1x4x4x6xf32>
}

// -----

// Packed filter: [group, ceil(F / group / T), KH, KW, C / group, T] with
// T = 4 for 6 filters in 2 groups (3 per group: one tile of 4).
// CHECK-LABEL: func.func @direct_packed
// CHECK: conv.direct ins(%{{.*}}, %{{.*}} : tensor<1x6x6x4xf32>, tensor<2x1x3x3x2x4xf32>)
// CHECK-SAME: activation = "relu"
// CHECK-SAME: group = 2 : i64
// CHECK-SAME: packed
func.func @direct_packed(%x: tensor<1x6x6x4xf32>, %w: tensor<2x1x3x3x2x4xf32>) -> tensor<1x4x4x6xf32> {
  %i = tensor.empty() : tensor<1x4x4x6xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x6x6x4xf32>, tensor<2x1x3x3x2x4xf32>) outs(%i : tensor<1x4x4x6xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 2, packed, activation = "relu"} -> tensor<1x4x4x6xf32>
  return %0 : tensor<1x4x4x6xf32>
}

// -----

// On memrefs the op writes `outs` and has no result; discardable attributes
// such as the schedule survive.
// CHECK-LABEL: func.func @direct_memref
// CHECK-SAME: (%[[X:.*]]: memref<1x8x8x3xf32>, %[[W:.*]]: memref<1x2x3x3x3x4xf32>, %[[B:.*]]: memref<6xf32>, %[[R:.*]]: memref<1x6x6x6xf32>, %[[O:.*]]: memref<1x6x6x6xf32>)
// CHECK: conv.direct ins(%[[X]], %[[W]] : memref<1x8x8x3xf32>, memref<1x2x3x3x3x4xf32>)
// CHECK-SAME: bias(%[[B]] : memref<6xf32>)
// CHECK-SAME: residual(%[[R]] : memref<1x6x6x6xf32>)
// CHECK-SAME: outs(%[[O]] : memref<1x6x6x6xf32>)
// CHECK-SAME: activation = "silu"
// CHECK-SAME: edgec.schedule = {lanes = 2 : i64, rows = 4 : i64, vectors = 2 : i64}
// CHECK-SAME: packed
// CHECK-NOT: ->
// CHECK-NEXT: return
func.func @direct_memref(%x: memref<1x8x8x3xf32>, %w: memref<1x2x3x3x3x4xf32>, %b: memref<6xf32>, %r: memref<1x6x6x6xf32>, %o: memref<1x6x6x6xf32>) {
  conv.direct ins(%x, %w : memref<1x8x8x3xf32>, memref<1x2x3x3x3x4xf32>) bias(%b : memref<6xf32>) residual(%r : memref<1x6x6x6xf32>) outs(%o : memref<1x6x6x6xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1, packed, activation = "silu", edgec.schedule = {lanes = 2 : i64, rows = 4 : i64, vectors = 2 : i64}}
  return
}

// -----

// CHECK-LABEL: func.func @depthwise
// CHECK: conv.depthwise ins(%{{.*}}, %{{.*}} : tensor<1x10x10x8xf32>, tensor<3x3x8xf32>) bias(%{{.*}} : tensor<8xf32>) outs(%{{.*}} : tensor<1x5x5x8xf32>)
// CHECK-SAME: activation = "hardswish"
// CHECK-SAME: pads = array<i64: 1, 1, 1, 1>
// CHECK-SAME: strides = array<i64: 2, 2>
// CHECK-SAME: -> tensor<1x5x5x8xf32>
func.func @depthwise(%x: tensor<1x10x10x8xf32>, %w: tensor<3x3x8xf32>, %b: tensor<8xf32>) -> tensor<1x5x5x8xf32> {
  %i = tensor.empty() : tensor<1x5x5x8xf32>
  %0 = conv.depthwise ins(%x, %w : tensor<1x10x10x8xf32>, tensor<3x3x8xf32>) bias(%b : tensor<8xf32>) outs(%i : tensor<1x5x5x8xf32>) {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, activation = "hardswish"} -> tensor<1x5x5x8xf32>
  return %0 : tensor<1x5x5x8xf32>
}

// -----

// CHECK-LABEL: func.func @depthwise_memref
// CHECK: conv.depthwise ins(%{{.*}}, %{{.*}} : memref<1x6x6x8xf32>, memref<3x3x8xf32>) residual(%{{.*}} : memref<1x4x4x8xf32>) outs(%{{.*}} : memref<1x4x4x8xf32>)
// CHECK-SAME: activation = "relu"
// CHECK-NOT: ->
func.func @depthwise_memref(%x: memref<1x6x6x8xf32>, %w: memref<3x3x8xf32>, %r: memref<1x4x4x8xf32>, %o: memref<1x4x4x8xf32>) {
  conv.depthwise ins(%x, %w : memref<1x6x6x8xf32>, memref<3x3x8xf32>) residual(%r : memref<1x4x4x8xf32>) outs(%o : memref<1x4x4x8xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, activation = "relu"}
  return
}

// -----

// CHECK-LABEL: func.func @pointwise
// CHECK: conv.pointwise ins(%{{.*}}, %{{.*}} : tensor<2x5x7x16xf32>, tensor<16x24xf32>) bias(%{{.*}} : tensor<24xf32>) residual(%{{.*}} : tensor<2x5x7x24xf32>) outs(%{{.*}} : tensor<2x5x7x24xf32>)
// CHECK-SAME: activation = "sigmoid"
// CHECK-SAME: -> tensor<2x5x7x24xf32>
func.func @pointwise(%x: tensor<2x5x7x16xf32>, %w: tensor<16x24xf32>, %b: tensor<24xf32>, %r: tensor<2x5x7x24xf32>) -> tensor<2x5x7x24xf32> {
  %i = tensor.empty() : tensor<2x5x7x24xf32>
  %0 = conv.pointwise ins(%x, %w : tensor<2x5x7x16xf32>, tensor<16x24xf32>) bias(%b : tensor<24xf32>) residual(%r : tensor<2x5x7x24xf32>) outs(%i : tensor<2x5x7x24xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, activation = "sigmoid"} -> tensor<2x5x7x24xf32>
  return %0 : tensor<2x5x7x24xf32>
}

// -----

// CHECK-LABEL: func.func @im2col
// CHECK: conv.im2col ins(%{{.*}}, %{{.*}} : tensor<1x7x9x3xf32>, tensor<3x3x3x5xf32>) outs(%{{.*}} : tensor<1x3x4x5xf32>)
// CHECK-SAME: dilations = array<i64: 1, 1>
// CHECK-SAME: pads = array<i64: 0, 0, 1, 1>
// CHECK-SAME: strides = array<i64: 2, 2>
func.func @im2col(%x: tensor<1x7x9x3xf32>, %w: tensor<3x3x3x5xf32>) -> tensor<1x3x4x5xf32> {
  %i = tensor.empty() : tensor<1x3x4x5xf32>
  %0 = conv.im2col ins(%x, %w : tensor<1x7x9x3xf32>, tensor<3x3x3x5xf32>) outs(%i : tensor<1x3x4x5xf32>) {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 1, 1>} -> tensor<1x3x4x5xf32>
  return %0 : tensor<1x3x4x5xf32>
}

// -----

// CHECK-LABEL: func.func @im2col_memref
// CHECK: conv.im2col ins(%{{.*}}, %{{.*}} : memref<1x5x5x2xf32>, memref<3x3x2x4xf32>) bias(%{{.*}} : memref<4xf32>) outs(%{{.*}} : memref<1x3x3x4xf32>)
// CHECK-NOT: ->
func.func @im2col_memref(%x: memref<1x5x5x2xf32>, %w: memref<3x3x2x4xf32>, %b: memref<4xf32>, %o: memref<1x3x3x4xf32>) {
  conv.im2col ins(%x, %w : memref<1x5x5x2xf32>, memref<3x3x2x4xf32>) bias(%b : memref<4xf32>) outs(%o : memref<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>}
  return
}

// -----

// CHECK-LABEL: func.func @winograd
// CHECK: conv.winograd ins(%{{.*}}, %{{.*}} : tensor<1x8x8x3xf32>, tensor<3x3x3x4xf32>) bias(%{{.*}} : tensor<4xf32>) residual(%{{.*}} : tensor<1x8x8x4xf32>) outs(%{{.*}} : tensor<1x8x8x4xf32>)
// CHECK-SAME: activation = "relu"
// CHECK-SAME: pads = array<i64: 1, 1, 1, 1>
// CHECK-SAME: tile = 4 : i64
// CHECK-SAME: -> tensor<1x8x8x4xf32>
// CHECK: conv.winograd
// CHECK-SAME: tile = 2 : i64
func.func @winograd(%x: tensor<1x8x8x3xf32>, %w: tensor<3x3x3x4xf32>, %b: tensor<4xf32>, %r: tensor<1x8x8x4xf32>) -> (tensor<1x8x8x4xf32>, tensor<1x6x6x4xf32>) {
  %i = tensor.empty() : tensor<1x8x8x4xf32>
  %0 = conv.winograd ins(%x, %w : tensor<1x8x8x3xf32>, tensor<3x3x3x4xf32>) bias(%b : tensor<4xf32>) residual(%r : tensor<1x8x8x4xf32>) outs(%i : tensor<1x8x8x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, tile = 4, activation = "relu"} -> tensor<1x8x8x4xf32>
  %j = tensor.empty() : tensor<1x6x6x4xf32>
  %1 = conv.winograd ins(%x, %w : tensor<1x8x8x3xf32>, tensor<3x3x3x4xf32>) outs(%j : tensor<1x6x6x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, tile = 2} -> tensor<1x6x6x4xf32>
  return %0, %1 : tensor<1x8x8x4xf32>, tensor<1x6x6x4xf32>
}

// -----

// CHECK-LABEL: func.func @winograd_memref
// CHECK: conv.winograd ins(%{{.*}}, %{{.*}} : memref<1x6x6x2xf32>, memref<3x3x2x2xf32>) outs(%{{.*}} : memref<1x4x4x2xf32>)
// CHECK-SAME: tile = 2 : i64
// CHECK-NOT: ->
func.func @winograd_memref(%x: memref<1x6x6x2xf32>, %w: memref<3x3x2x2xf32>, %o: memref<1x4x4x2xf32>) {
  conv.winograd ins(%x, %w : memref<1x6x6x2xf32>, memref<3x3x2x2xf32>) outs(%o : memref<1x4x4x2xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, tile = 2}
  return
}
