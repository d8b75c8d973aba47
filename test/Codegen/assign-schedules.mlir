// RUN: edgec-opt %s -edgec-assign-schedules="vector-length=4" -split-input-file | FileCheck %s
// RUN: edgec-opt %s -edgec-assign-schedules -split-input-file | FileCheck %s --check-prefix=DEFAULT
// Every convolution and matrix product gets an edgec.schedule; the lanes
// come from the vector-length option (8 by default).

// CHECK-LABEL: func.func @conv
// CHECK: linalg.conv_2d_nchw_fchw
// CHECK-SAME: edgec.schedule = {lanes = 4 : i64, rows = 4 : i64, vectors = 2 : i64}
// DEFAULT-LABEL: func.func @conv
// DEFAULT: linalg.conv_2d_nchw_fchw
// DEFAULT-SAME: edgec.schedule = {lanes = 8 : i64, rows = 4 : i64, vectors = 2 : i64}
func.func @conv(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %o: tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32> {
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) outs(%o : tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

// Depthwise filters share no input rows: one filter, a wider row.
// CHECK-LABEL: func.func @depthwise
// CHECK: linalg.depthwise_conv_2d_nchw_chw
// CHECK-SAME: edgec.schedule = {lanes = 4 : i64, rows = 1 : i64, vectors = 4 : i64}
// DEFAULT-LABEL: func.func @depthwise
// DEFAULT: edgec.schedule = {lanes = 8 : i64, rows = 1 : i64, vectors = 4 : i64}
func.func @depthwise(%x: tensor<1x3x8x8xf32>, %w: tensor<3x3x3xf32>, %o: tensor<1x3x6x6xf32>) -> tensor<1x3x6x6xf32> {
  %0 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x3x8x8xf32>, tensor<3x3x3xf32>) outs(%o : tensor<1x3x6x6xf32>) -> tensor<1x3x6x6xf32>
  return %0 : tensor<1x3x6x6xf32>
}

// -----

// CHECK-LABEL: func.func @grouped
// CHECK: linalg.conv_2d_ngchw_gfchw
// CHECK-SAME: edgec.schedule = {lanes = 4 : i64, rows = 4 : i64, vectors = 2 : i64}
func.func @grouped(%x: tensor<1x2x2x5x5xf32>, %w: tensor<2x3x2x3x3xf32>, %o: tensor<1x2x3x3x3xf32>) -> tensor<1x2x3x3x3xf32> {
  %0 = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x2x2x5x5xf32>, tensor<2x3x2x3x3xf32>) outs(%o : tensor<1x2x3x3x3xf32>) -> tensor<1x2x3x3x3xf32>
  return %0 : tensor<1x2x3x3x3xf32>
}

// -----

// CHECK-LABEL: func.func @matmuls
// CHECK: linalg.matmul {edgec.schedule = {lanes = 4 : i64, rows = 4 : i64, vectors = 2 : i64}}
// CHECK: linalg.batch_matmul {edgec.schedule = {lanes = 4 : i64, rows = 4 : i64, vectors = 2 : i64}}
func.func @matmuls(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<2x4xf32>,
                   %ba: tensor<5x2x3xf32>, %bb: tensor<5x3x4xf32>, %bc: tensor<5x2x4xf32>)
    -> (tensor<2x4xf32>, tensor<5x2x4xf32>) {
  %0 = linalg.matmul ins(%a, %b : tensor<2x3xf32>, tensor<3x4xf32>) outs(%c : tensor<2x4xf32>) -> tensor<2x4xf32>
  %1 = linalg.batch_matmul ins(%ba, %bb : tensor<5x2x3xf32>, tensor<5x3x4xf32>) outs(%bc : tensor<5x2x4xf32>) -> tensor<5x2x4xf32>
  return %0, %1 : tensor<2x4xf32>, tensor<5x2x4xf32>
}

// -----

// Schedules work on memrefs too (the pass runs before bufferization in the
// pipeline, but a schedule is just an attribute).
// CHECK-LABEL: func.func @memref_matmul
// CHECK: linalg.matmul {edgec.schedule = {lanes = 4 : i64, rows = 4 : i64, vectors = 2 : i64}}
func.func @memref_matmul(%a: memref<2x3xf32>, %b: memref<3x4xf32>, %c: memref<2x4xf32>) {
  linalg.matmul ins(%a, %b : memref<2x3xf32>, memref<3x4xf32>) outs(%c : memref<2x4xf32>)
  return
}

// -----

// An existing well-formed schedule (from the autotuner) is kept.
// CHECK-LABEL: func.func @keep_existing
// CHECK: linalg.matmul {edgec.schedule = {lanes = 16 : i64, rows = 2 : i64, vectors = 1 : i64}}
// CHECK-NOT: lanes = 4
func.func @keep_existing(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %0 = linalg.matmul {edgec.schedule = {lanes = 16 : i64, rows = 2 : i64, vectors = 1 : i64}} ins(%a, %b : tensor<2x3xf32>, tensor<3x4xf32>) outs(%c : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// A malformed schedule (a missing field; a tile of 8 x 8 = 64 accumulators,
// more than any register file holds) is replaced by the default.
// CHECK-LABEL: func.func @replace_malformed
// CHECK: linalg.matmul {edgec.schedule = {lanes = 4 : i64, rows = 4 : i64, vectors = 2 : i64}}
// CHECK: linalg.matmul {edgec.schedule = {lanes = 4 : i64, rows = 4 : i64, vectors = 2 : i64}}
func.func @replace_malformed(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<2x4xf32>) -> (tensor<2x4xf32>, tensor<2x4xf32>) {
  %0 = linalg.matmul {edgec.schedule = {rows = 2 : i64, lanes = 16 : i64}} ins(%a, %b : tensor<2x3xf32>, tensor<3x4xf32>) outs(%c : tensor<2x4xf32>) -> tensor<2x4xf32>
  %1 = linalg.matmul {edgec.schedule = {lanes = 4 : i64, rows = 8 : i64, vectors = 8 : i64}} ins(%a, %b : tensor<2x3xf32>, tensor<3x4xf32>) outs(%c : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %0, %1 : tensor<2x4xf32>, tensor<2x4xf32>
}

// -----

// Other structured ops get no schedule.
// CHECK-LABEL: func.func @others
// CHECK-NOT: edgec.schedule
func.func @others(%x: tensor<1x2x6x6xf32>, %o: tensor<1x2x3x3xf32>) -> (tensor<1x2x3x3xf32>, tensor<1x2x6x6xf32>) {
  %k = tensor.empty() : tensor<2x2xf32>
  %0 = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%x, %k : tensor<1x2x6x6xf32>, tensor<2x2xf32>) outs(%o : tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  %e = tensor.empty() : tensor<1x2x6x6xf32>
  %1 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%x : tensor<1x2x6x6xf32>) outs(%e : tensor<1x2x6x6xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<1x2x6x6xf32>
  return %0, %1 : tensor<1x2x3x3xf32>, tensor<1x2x6x6xf32>
}
