// RUN: edgec-opt %s -split-input-file -edgec-apply-tuning | FileCheck %s
// The module's edgec.tuning table maps workload keys to schedules; each
// edge.conv whose key is in it gets that schedule, unless it has one.

// A matching convolution takes its workload's schedule; another with a
// different window (stride 2) is not in the table and keeps none.
// CHECK-LABEL: func.func @match
// CHECK: edge.conv
// CHECK-SAME: edgec.schedule = {algorithm = "im2col", lanes = 16 : i64, rows = 6 : i64, vectors = 1 : i64}
// CHECK: edge.conv
// CHECK-NOT: edgec.schedule
// CHECK-SAME: -> tensor<1x4x3x3xf32>
module attributes {edgec.tuning = {"conv in=1x2x6x6 w=4x2x3x3 s=1x1 d=1x1 p=1x1x1x1 g=1 bias" = {algorithm = "im2col", lanes = 16 : i64, rows = 6 : i64, vectors = 1 : i64}}} {
  func.func @match(%x: tensor<1x2x6x6xf32>, %w: tensor<4x2x3x3xf32>, %b: tensor<4xf32>) -> (tensor<1x4x6x6xf32>, tensor<1x4x3x3xf32>) {
    %0 = edge.conv %x, %w, %b {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x2x6x6xf32>, tensor<4x2x3x3xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32>
    %1 = edge.conv %x, %w, %b {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x2x6x6xf32>, tensor<4x2x3x3xf32>, tensor<4xf32>) -> tensor<1x4x3x3xf32>
    return %0, %1 : tensor<1x4x6x6xf32>, tensor<1x4x3x3xf32>
  }
}

// -----

// The key tells a convolution without bias from one with.
// CHECK-LABEL: func.func @no_bias
// CHECK: edge.conv
// CHECK-SAME: edgec.schedule = {algorithm = "winograd4"}
module attributes {edgec.tuning = {"conv in=1x2x6x6 w=4x2x3x3 s=1x1 d=1x1 p=1x1x1x1 g=1" = {algorithm = "winograd4"}, "conv in=1x2x6x6 w=4x2x3x3 s=1x1 d=1x1 p=1x1x1x1 g=1 bias" = {algorithm = "direct"}}} {
  func.func @no_bias(%x: tensor<1x2x6x6xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32> {
    %0 = edge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x2x6x6xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32>
    return %0 : tensor<1x4x6x6xf32>
  }
}

// -----

// A schedule already on the op (written by hand or by an earlier pass)
// wins over the table.
// CHECK-LABEL: func.func @kept
// CHECK: edge.conv
// CHECK-SAME: edgec.schedule = {algorithm = "direct"}
module attributes {edgec.tuning = {"conv in=1x2x6x6 w=4x2x3x3 s=1x1 d=1x1 p=1x1x1x1 g=1" = {algorithm = "winograd4"}}} {
  func.func @kept(%x: tensor<1x2x6x6xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32> {
    %0 = edge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>, edgec.schedule = {algorithm = "direct"}} : (tensor<1x2x6x6xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32>
    return %0 : tensor<1x4x6x6xf32>
  }
}

// -----

// Without a table the pass changes nothing.
// CHECK-LABEL: func.func @no_table
// CHECK-NOT: edgec.schedule
func.func @no_table(%x: tensor<1x2x6x6xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32> {
  %0 = edge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x2x6x6xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}
