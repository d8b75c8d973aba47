// RUN: edgec-opt %s -split-input-file -conv-lower-algorithms | FileCheck %s
// RUN: edgec-opt %s -split-input-file -conv-lower-algorithms="int8-dot=vnni" | FileCheck %s --check-prefix=VNNI
// conv-lower-algorithms lays conv.integer out for its kernel: padding with
// the zero point, the zero point's share of every sum moved into the bias
// (bias - z x sum of the filter's weights), and the filter packed as
// [tiles, KH, KW, ceil(C / 4), lanes, 4], zero-filled.

// Filter w[c][f] = [[1, 2, 3], [4, 5, 6]] sums to 5, 7, 9 per filter; with
// z = -2 the bias [10, 20, 30] becomes [20, 34, 48], padded to 4 lanes.
// Filter f's vector holds its 2 channels and 2 zeros.
// CHECK-LABEL: func.func @dense
// CHECK-DAG: %[[PADV:.*]] = arith.constant -2 : i8
// CHECK-DAG: %[[B:.*]] = arith.constant dense<[20, 34, 48, 0]> : tensor<4xi32>
// CHECK-DAG: %[[W:.*]] = arith.constant dense<{{\[\[\[\[\[}}[1, 4, 0, 0], [2, 5, 0, 0], [3, 6, 0, 0], [0, 0, 0, 0]]]]]]> : tensor<1x1x1x1x4x4xi8>
// CHECK: %[[X:.*]] = tensor.pad %arg0 low[0, 1, 0, 0] high[0, 0, 1, 0]
// CHECK: tensor.yield %[[PADV]] : i8
// CHECK: conv.integer ins(%[[X]], %[[W]] : tensor<1x3x3x2xi8>, tensor<1x1x1x1x4x4xi8>) bias(%[[B]] : tensor<4xi32>)
// CHECK-SAME: packed = "generic", pads = array<i64: 0, 0, 0, 0>
// CHECK-NOT: input_zero_point
// VPDPBUSD takes 16 int32 lanes: a 4-lane schedule stays generic.
// VNNI-LABEL: func.func @dense
// VNNI: arith.constant dense<[20, 34, 48, 0]> : tensor<4xi32>
// VNNI: packed = "generic"
func.func @dense(%x: tensor<1x2x2x2xi8>) -> tensor<1x3x3x3xi32> {
  %w = arith.constant dense<[[[[1, 2, 3], [4, 5, 6]]]]> : tensor<1x1x2x3xi8>
  %b = arith.constant dense<[10, 20, 30]> : tensor<3xi32>
  %init = tensor.empty() : tensor<1x3x3x3xi32>
  %y = conv.integer ins(%x, %w : tensor<1x2x2x2xi8>, tensor<1x1x2x3xi8>) bias(%b : tensor<3xi32>) outs(%init : tensor<1x3x3x3xi32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 0, 0, 1>, input_zero_point = -2, edgec.schedule = {lanes = 4 : i64, rows = 2 : i64, vectors = 1 : i64}} -> tensor<1x3x3x3xi32>
  return %y : tensor<1x3x3x3xi32>
}

// -----

// With 16 lanes VPDPBUSD applies; its unsigned inputs (x + 128) also take
// 128 x the filter's sum off the bias: 10 - (z + 128) x 5 = -620, ...
// VNNI-LABEL: func.func @dense_vnni
// VNNI: arith.constant dense<[-620, -862, -1104, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]> : tensor<16xi32>
// VNNI: tensor<1x1x1x1x16x4xi8>
// VNNI: packed = "vnni"
func.func @dense_vnni(%x: tensor<1x2x2x2xi8>) -> tensor<1x2x2x3xi32> {
  %w = arith.constant dense<[[[[1, 2, 3], [4, 5, 6]]]]> : tensor<1x1x2x3xi8>
  %b = arith.constant dense<[10, 20, 30]> : tensor<3xi32>
  %init = tensor.empty() : tensor<1x2x2x3xi32>
  %y = conv.integer ins(%x, %w : tensor<1x2x2x2xi8>, tensor<1x1x2x3xi8>) bias(%b : tensor<3xi32>) outs(%init : tensor<1x2x2x3xi32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, input_zero_point = -2, edgec.schedule = {lanes = 16 : i64, rows = 2 : i64, vectors = 1 : i64}} -> tensor<1x2x2x3xi32>
  return %y : tensor<1x2x2x3xi32>
}

// -----

// Depthwise filters are padded to whole vectors of channels; the
// requantization vectors too (multiplier 0, shift 1 past the channels).
// With 16 lanes VPDPBUSD does not apply to depthwise kernels: generic.
// VNNI-LABEL: func.func @depthwise
// VNNI-DAG: arith.constant dense<[7, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]> : tensor<16xi32>
// VNNI-DAG: arith.constant dense<1> : tensor<16xi32>
// VNNI: conv.integer ins(%arg0, %{{.*}} : tensor<1x2x2x2xi8>, tensor<1x1x16xi8>) bias(%{{.*}} : tensor<16xi32>) requantize(%{{.*}}, %{{.*}} : tensor<16xi32>, tensor<16xi32>)
// VNNI-SAME: depthwise
// VNNI-SAME: packed = "generic"
func.func @depthwise(%x: tensor<1x2x2x2xi8>) -> tensor<1x2x2x2xi8> {
  %w = arith.constant dense<[[[3, 4]]]> : tensor<1x1x2xi8>
  %m = arith.constant dense<[7, 9]> : tensor<2xi32>
  %s = arith.constant dense<1> : tensor<2xi32>
  %init = tensor.empty() : tensor<1x2x2x2xi8>
  %y = conv.integer ins(%x, %w : tensor<1x2x2x2xi8>, tensor<1x1x2xi8>) requantize(%m, %s : tensor<2xi32>, tensor<2xi32>) outs(%init : tensor<1x2x2x2xi8>) {depthwise, strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, edgec.schedule = {lanes = 16 : i64, rows = 2 : i64, vectors = 1 : i64}} -> tensor<1x2x2x2xi8>
  return %y : tensor<1x2x2x2xi8>
}
