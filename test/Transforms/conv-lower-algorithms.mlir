// RUN: edgec-opt %s -split-input-file -conv-lower-algorithms | FileCheck %s
// After conv-lower-algorithms only unpadded conv.direct and conv.depthwise
// remain: padding becomes a tensor.pad, conv.pointwise and conv.im2col
// become 1x1 conv.direct over rows of pixels or patches, conv.winograd
// becomes transforms (linalg.generic) around a linalg.batch_matmul, and a
// constant filter of a scheduled conv.direct is packed for its tiles.

//===----------------------------------------------------------------------===//
// Explicit padding
//===----------------------------------------------------------------------===//

// Pads [top, left, bottom, right] = [1, 2, 0, 1] pad H by 1 before, W by 2
// before and 1 after, with zeros; the conv then has no pads.
// CHECK-LABEL: func.func @direct_pads
// CHECK-SAME: (%[[X:.*]]: tensor<1x5x5x3xf32>, %[[W:.*]]: tensor<3x3x3x4xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[P:.*]] = tensor.pad %[[X]] low[0, 1, 2, 0] high[0, 0, 1, 0]
// CHECK: tensor.yield %[[ZERO]] : f32
// CHECK: } : tensor<1x5x5x3xf32> to tensor<1x6x8x3xf32>
// CHECK: %[[Y:.*]] = conv.direct ins(%[[P]], %[[W]] : tensor<1x6x8x3xf32>, tensor<3x3x3x4xf32>) bias(%[[B]] : tensor<4xf32>)
// CHECK-SAME: activation = "relu"
// CHECK-SAME: pads = array<i64: 0, 0, 0, 0>
// CHECK: return %[[Y]]
func.func @direct_pads(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf32>, %b: tensor<4xf32>) -> tensor<1x4x6x4xf32> {
  %i = tensor.empty() : tensor<1x4x6x4xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) bias(%b : tensor<4xf32>) outs(%i : tensor<1x4x6x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 2, 0, 1>, group = 1, activation = "relu"} -> tensor<1x4x6x4xf32>
  return %0 : tensor<1x4x6x4xf32>
}

// -----

// CHECK-LABEL: func.func @depthwise_pads
// CHECK: %[[P:.*]] = tensor.pad %{{.*}} low[0, 2, 2, 0] high[0, 2, 2, 0]
// CHECK: } : tensor<1x6x6x8xf32> to tensor<1x10x10x8xf32>
// CHECK: conv.depthwise ins(%[[P]], %{{.*}} : tensor<1x10x10x8xf32>, tensor<3x3x8xf32>)
// CHECK-SAME: dilations = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>
func.func @depthwise_pads(%x: tensor<1x6x6x8xf32>, %w: tensor<3x3x8xf32>) -> tensor<1x6x6x8xf32> {
  %i = tensor.empty() : tensor<1x6x6x8xf32>
  %0 = conv.depthwise ins(%x, %w : tensor<1x6x6x8xf32>, tensor<3x3x8xf32>) outs(%i : tensor<1x6x6x8xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 2, 2>, pads = array<i64: 2, 2, 2, 2>} -> tensor<1x6x6x8xf32>
  return %0 : tensor<1x6x6x8xf32>
}

// -----

// Without pads, nothing changes.
// CHECK-LABEL: func.func @no_pads
// CHECK-SAME: (%[[X:.*]]: tensor<1x5x5x3xf32>, %[[W:.*]]: tensor<3x3x3x4xf32>, %{{.*}}: tensor<3x3x3xf32>)
// CHECK-NOT: tensor.pad
// CHECK: conv.direct ins(%[[X]], %[[W]] :
// CHECK-NOT: tensor.pad
// CHECK: conv.depthwise ins(%[[X]], %{{.*}} :
func.func @no_pads(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf32>, %dw: tensor<3x3x3xf32>) -> (tensor<1x3x3x4xf32>, tensor<1x3x3x3xf32>) {
  %i = tensor.empty() : tensor<1x3x3x4xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} -> tensor<1x3x3x4xf32>
  %j = tensor.empty() : tensor<1x3x3x3xf32>
  %1 = conv.depthwise ins(%x, %dw : tensor<1x5x5x3xf32>, tensor<3x3x3xf32>) outs(%j : tensor<1x3x3x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} -> tensor<1x3x3x3xf32>
  return %0, %1 : tensor<1x3x3x4xf32>, tensor<1x3x3x3xf32>
}

//===----------------------------------------------------------------------===//
// conv.pointwise
//===----------------------------------------------------------------------===//

// -----

// Every pixel of the 2x4x4 batch is a row: [1, 1, 32, C] x [1, 1, C, F],
// with the epilogue and the schedule carried over, and the residual seen as
// rows too.
// CHECK-LABEL: func.func @pointwise
// CHECK-SAME: (%[[X:.*]]: tensor<2x4x4x3xf32>, %[[W:.*]]: tensor<3x5xf32>, %[[B:.*]]: tensor<5xf32>, %[[R:.*]]: tensor<2x4x4x5xf32>)
// CHECK-NOT: conv.pointwise
// CHECK: %[[XF:.*]] = tensor.collapse_shape %[[X]] {{.*}} into tensor<96xf32>
// CHECK: %[[XR:.*]] = tensor.expand_shape %[[XF]] {{.*}} output_shape [1, 1, 32, 3] : tensor<96xf32> into tensor<1x1x32x3xf32>
// CHECK: %[[WF:.*]] = tensor.collapse_shape %[[W]] {{.*}} into tensor<15xf32>
// CHECK: %[[WR:.*]] = tensor.expand_shape %[[WF]] {{.*}} : tensor<15xf32> into tensor<1x1x3x5xf32>
// CHECK: %[[INIT:.*]] = tensor.empty() : tensor<1x1x32x5xf32>
// CHECK: %[[RF:.*]] = tensor.collapse_shape %[[R]]
// CHECK: %[[RR:.*]] = tensor.expand_shape %[[RF]] {{.*}} into tensor<1x1x32x5xf32>
// CHECK: %[[Y:.*]] = conv.direct ins(%[[XR]], %[[WR]] : tensor<1x1x32x3xf32>, tensor<1x1x3x5xf32>) bias(%[[B]] : tensor<5xf32>) residual(%[[RR]] : tensor<1x1x32x5xf32>) outs(%[[INIT]] : tensor<1x1x32x5xf32>)
// CHECK-SAME: activation = "clip", clip_max = 6.000000e+00 : f32, clip_min = 0.000000e+00 : f32
// CHECK-SAME: edgec.schedule = {lanes = 4 : i64, rows = 2 : i64, vectors = 1 : i64}
// CHECK-SAME: group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>
// CHECK: %[[YF:.*]] = tensor.collapse_shape %[[Y]]
// CHECK: %[[OUT:.*]] = tensor.expand_shape %[[YF]] {{.*}} into tensor<2x4x4x5xf32>
// CHECK: return %[[OUT]]
func.func @pointwise(%x: tensor<2x4x4x3xf32>, %w: tensor<3x5xf32>, %b: tensor<5xf32>, %r: tensor<2x4x4x5xf32>) -> tensor<2x4x4x5xf32> {
  %i = tensor.empty() : tensor<2x4x4x5xf32>
  %0 = conv.pointwise ins(%x, %w : tensor<2x4x4x3xf32>, tensor<3x5xf32>) bias(%b : tensor<5xf32>) residual(%r : tensor<2x4x4x5xf32>) outs(%i : tensor<2x4x4x5xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, activation = "clip", clip_min = 0.0 : f32, clip_max = 6.0 : f32, edgec.schedule = {lanes = 4 : i64, rows = 2 : i64, vectors = 1 : i64}} -> tensor<2x4x4x5xf32>
  return %0 : tensor<2x4x4x5xf32>
}

//===----------------------------------------------------------------------===//
// conv.im2col
//===----------------------------------------------------------------------===//

// -----

// Pads [1, 1, 0, 0], stride 2, dilation (1, 2): the patches gather
// input[n, 2*oh + i, 2*ow + 2*j, c] into [N, OH, OW, KH, KW, C], seen as
// [1, 1, N*OH*OW, KH*KW*C] rows times the filter as [1, 1, KH*KW*C, F].
// CHECK-DAG: #[[GATHER:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1 * 2 + d3, d2 * 2 + d4 * 2, d5)>
// CHECK-DAG: #[[ID6:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3, d4, d5)>
// CHECK-LABEL: func.func @im2col
// CHECK-SAME: (%[[X:.*]]: tensor<1x7x8x2xf32>, %[[W:.*]]: tensor<3x3x2x4xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK-NOT: conv.im2col
// CHECK: %[[P:.*]] = tensor.pad %[[X]] low[0, 1, 1, 0] high[0, 0, 0, 0]
// CHECK: } : tensor<1x7x8x2xf32> to tensor<1x8x9x2xf32>
// CHECK: %[[PE:.*]] = tensor.empty() : tensor<1x3x3x3x3x2xf32>
// CHECK: %[[PATCHES:.*]] = linalg.generic {indexing_maps = [#[[GATHER]], #[[ID6]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%[[P]] : tensor<1x8x9x2xf32>) outs(%[[PE]] : tensor<1x3x3x3x3x2xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: linalg.yield %[[IN]] : f32
// CHECK: tensor.expand_shape %{{.*}} output_shape [1, 1, 9, 18] : tensor<162xf32> into tensor<1x1x9x18xf32>
// CHECK: tensor.expand_shape %{{.*}} output_shape [1, 1, 18, 4] : tensor<72xf32> into tensor<1x1x18x4xf32>
// CHECK: %[[Y:.*]] = conv.direct ins(%{{.*}}, %{{.*}} : tensor<1x1x9x18xf32>, tensor<1x1x18x4xf32>) bias(%[[B]] : tensor<4xf32>) outs(%{{.*}} : tensor<1x1x9x4xf32>)
// CHECK-SAME: activation = "sigmoid"
// CHECK-SAME: dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>
// CHECK: tensor.collapse_shape %[[Y]]
// CHECK: tensor.expand_shape %{{.*}} into tensor<1x3x3x4xf32>
func.func @im2col(%x: tensor<1x7x8x2xf32>, %w: tensor<3x3x2x4xf32>, %b: tensor<4xf32>) -> tensor<1x3x3x4xf32> {
  %i = tensor.empty() : tensor<1x3x3x4xf32>
  %0 = conv.im2col ins(%x, %w : tensor<1x7x8x2xf32>, tensor<3x3x2x4xf32>) bias(%b : tensor<4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 2, 2>, dilations = array<i64: 1, 2>, pads = array<i64: 1, 1, 0, 0>, activation = "sigmoid"} -> tensor<1x3x3x4xf32>
  return %0 : tensor<1x3x3x4xf32>
}

// -----

// The residual becomes rows like the output.
// CHECK-LABEL: func.func @im2col_residual
// CHECK-SAME: (%{{.*}}: tensor<1x5x5x2xf32>, %{{.*}}: tensor<3x3x2x4xf32>, %[[R:.*]]: tensor<1x3x3x4xf32>)
// CHECK-NOT: tensor.pad
// CHECK: %[[RF:.*]] = tensor.collapse_shape %[[R]]
// CHECK: %[[RR:.*]] = tensor.expand_shape %[[RF]] {{.*}} into tensor<1x1x9x4xf32>
// CHECK: conv.direct {{.*}} residual(%[[RR]] : tensor<1x1x9x4xf32>)
func.func @im2col_residual(%x: tensor<1x5x5x2xf32>, %w: tensor<3x3x2x4xf32>, %r: tensor<1x3x3x4xf32>) -> tensor<1x3x3x4xf32> {
  %i = tensor.empty() : tensor<1x3x3x4xf32>
  %0 = conv.im2col ins(%x, %w : tensor<1x5x5x2xf32>, tensor<3x3x2x4xf32>) residual(%r : tensor<1x3x3x4xf32>) outs(%i : tensor<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} -> tensor<1x3x3x4xf32>
  return %0 : tensor<1x3x3x4xf32>
}

//===----------------------------------------------------------------------===//
// conv.winograd
//===----------------------------------------------------------------------===//

// -----

// F(2x2, 3x3) of a 5x5 output with pads 1: 3x3 tiles of 2x2 outputs read
// 4x4 input tiles, so the input is padded to 3 * 2 + 2 = 8 (pads 1 before,
// 1 + 1 after). V = Bᵀ d B (two generics reducing over the tile), the
// filter U = G g Gᵀ as a [16, C, F] constant, M = U V as one batch_matmul
// per tile element, Y = Aᵀ M A (two more generics), then the tiles go back
// into the image with the bias and activation.
// g[i][j] = 1 + 3i + j has U = [1, 3, 1, 3; 6, 11.25, 3.75, 9; 2, 3.75,
// 1.25, 3; 7, 12, 4, 9].
// CHECK-DAG: #[[BT1_IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1 * 2 + d6, d2 * 2 + d4, d5)>
// CHECK-DAG: #[[BT1_B:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d3, d6)>
// CHECK-DAG: #[[UNTILE:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1 floordiv 2, d2 floordiv 2, d1 mod 2, d2 mod 2, d3)>
// CHECK-DAG: #[[CHANNEL:.*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-DAG: #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @winograd2
// CHECK-SAME: (%[[X:.*]]: tensor<1x5x5x1xf32>, %[[B:.*]]: tensor<1xf32>)
// CHECK-NOT: conv.
// CHECK: %[[P:.*]] = tensor.pad %[[X]] low[0, 1, 1, 0] high[0, 2, 2, 0]
// CHECK: } : tensor<1x5x5x1xf32> to tensor<1x8x8x1xf32>
// CHECK: %[[BT:.*]] = arith.constant dense<{{\[}}[1.000000e+00, 0.000000e+00, -1.000000e+00, 0.000000e+00], [0.000000e+00, 1.000000e+00, 1.000000e+00, 0.000000e+00], [0.000000e+00, -1.000000e+00, 1.000000e+00, 0.000000e+00], [0.000000e+00, 1.000000e+00, 0.000000e+00, -1.000000e+00]]> : tensor<4x4xf32>
// CHECK: %[[AT:.*]] = arith.constant dense<{{\[}}[1.000000e+00, 1.000000e+00, 1.000000e+00, 0.000000e+00], [0.000000e+00, 1.000000e+00, -1.000000e+00, -1.000000e+00]]> : tensor<2x4xf32>
// CHECK: %[[T1:.*]] = linalg.generic {indexing_maps = [#[[BT1_IN]], #[[BT1_B]], {{.*}}], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%[[P]], %[[BT]] : tensor<1x8x8x1xf32>, tensor<4x4xf32>) outs(%{{.*}} : tensor<1x3x3x4x4x1xf32>)
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: %[[V:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%[[T1]], %[[BT]] : tensor<1x3x3x4x4x1xf32>, tensor<4x4xf32>) outs(%{{.*}} : tensor<4x4x1x3x3x1xf32>)
// CHECK: %[[VF:.*]] = tensor.collapse_shape %[[V]]
// CHECK: %[[LHS:.*]] = tensor.expand_shape %[[VF]] {{.*}} into tensor<16x9x1xf32>
// CHECK: %[[U:.*]] = arith.constant dense<{{\[\[}}[1.000000e+00]], {{\[\[}}3.000000e+00]], {{\[\[}}1.000000e+00]], {{\[\[}}3.000000e+00]], {{\[\[}}6.000000e+00]], {{\[\[}}1.125000e+01]], {{\[\[}}3.750000e+00]], {{\[\[}}9.000000e+00]], {{\[\[}}2.000000e+00]], {{\[\[}}3.750000e+00]], {{\[\[}}1.250000e+00]], {{\[\[}}3.000000e+00]], {{\[\[}}7.000000e+00]], {{\[\[}}1.200000e+01]], {{\[\[}}4.000000e+00]], {{\[\[}}9.000000e+00]]]> : tensor<16x1x1xf32>
// CHECK: %[[MINIT:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<16x9x1xf32>)
// CHECK: %[[M:.*]] = linalg.batch_matmul ins(%[[LHS]], %[[U]] : tensor<16x9x1xf32>, tensor<16x1x1xf32>) outs(%[[MINIT]] : tensor<16x9x1xf32>)
// CHECK: %[[MF:.*]] = tensor.collapse_shape %[[M]]
// CHECK: %[[MM:.*]] = tensor.expand_shape %[[MF]] {{.*}} into tensor<4x4x9x1xf32>
// CHECK: %[[O1:.*]] = linalg.generic {{.*}} ins(%[[MM]], %[[AT]] : tensor<4x4x9x1xf32>, tensor<2x4xf32>) outs(%{{.*}} : tensor<2x4x9x1xf32>)
// CHECK: %[[O2:.*]] = linalg.generic {{.*}} ins(%[[O1]], %[[AT]] : tensor<2x4x9x1xf32>, tensor<2x4xf32>) outs(%{{.*}} : tensor<9x2x2x1xf32>)
// CHECK: %[[O2F:.*]] = tensor.collapse_shape %[[O2]]
// CHECK: %[[TILED:.*]] = tensor.expand_shape %[[O2F]] {{.*}} into tensor<1x3x3x2x2x1xf32>
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[UNTILE]], #[[CHANNEL]], #[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[TILED]], %[[B]] : tensor<1x3x3x2x2x1xf32>, tensor<1xf32>) outs(%{{.*}} : tensor<1x5x5x1xf32>)
// CHECK-NEXT: ^bb0(%[[T:.*]]: f32, %[[BIAS:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[SUM:.*]] = arith.addf %[[T]], %[[BIAS]] : f32
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[NEG:.*]] = arith.cmpf olt, %[[SUM]], %[[ZERO]] : f32
// CHECK-NEXT: %[[RELU:.*]] = arith.select %[[NEG]], %[[ZERO]], %[[SUM]] : f32
// CHECK-NEXT: linalg.yield %[[RELU]] : f32
// CHECK: return %[[Y]]
func.func @winograd2(%x: tensor<1x5x5x1xf32>, %b: tensor<1xf32>) -> tensor<1x5x5x1xf32> {
  %w = arith.constant dense<[[[[1.0]], [[2.0]], [[3.0]]], [[[4.0]], [[5.0]], [[6.0]]], [[[7.0]], [[8.0]], [[9.0]]]]> : tensor<3x3x1x1xf32>
  %i = tensor.empty() : tensor<1x5x5x1xf32>
  %0 = conv.winograd ins(%x, %w : tensor<1x5x5x1xf32>, tensor<3x3x1x1xf32>) bias(%b : tensor<1xf32>) outs(%i : tensor<1x5x5x1xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, tile = 2, activation = "relu"} -> tensor<1x5x5x1xf32>
  return %0 : tensor<1x5x5x1xf32>
}

// -----

// F(4x4, 3x3): 6x6 input tiles, Bᵀ 6x6 and Aᵀ 4x6 as in Lavin & Gray, and
// the filter transform with G's sixths and 24ths: its first row for
// g[i][j] = 1 + 3i + j is 1/16, -1/4, -1/12, 17/96, 3/32, 3/4. Two 4x4
// output tiles cover 7 columns, so W is padded on the right by 3.
// CHECK-LABEL: func.func @winograd4
// CHECK: tensor.pad %{{.*}} low[0, 0, 0, 0] high[0, 0, 3, 0]
// CHECK: } : tensor<1x6x7x1xf32> to tensor<1x6x10x1xf32>
// CHECK: %[[BT:.*]] = arith.constant dense<{{\[}}[4.000000e+00, 0.000000e+00, -5.000000e+00, 0.000000e+00, 1.000000e+00, 0.000000e+00], [0.000000e+00, -4.000000e+00, -4.000000e+00, 1.000000e+00, 1.000000e+00, 0.000000e+00], [0.000000e+00, 4.000000e+00, -4.000000e+00, -1.000000e+00, 1.000000e+00, 0.000000e+00], [0.000000e+00, -2.000000e+00, -1.000000e+00, 2.000000e+00, 1.000000e+00, 0.000000e+00], [0.000000e+00, 2.000000e+00, -1.000000e+00, -2.000000e+00, 1.000000e+00, 0.000000e+00], [0.000000e+00, 4.000000e+00, 0.000000e+00, -5.000000e+00, 0.000000e+00, 1.000000e+00]]> : tensor<6x6xf32>
// CHECK: %[[AT:.*]] = arith.constant dense<{{\[}}[1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 0.000000e+00], [0.000000e+00, 1.000000e+00, -1.000000e+00, 2.000000e+00, -2.000000e+00, 0.000000e+00], [0.000000e+00, 1.000000e+00, 1.000000e+00, 4.000000e+00, 4.000000e+00, 0.000000e+00], [0.000000e+00, 1.000000e+00, -1.000000e+00, 8.000000e+00, -8.000000e+00, 1.000000e+00]]> : tensor<4x6xf32>
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<1x1x2x6x6x1xf32>)
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<6x6x1x1x2x1xf32>)
// CHECK: %[[U:.*]] = arith.constant dense<{{\[\[}}[6.250000e-02]], {{\[\[}}-2.500000e-01]], {{\[\[}}-0.0833333358]], {{\[\[}}0.177083328]], {{\[\[}}9.375000e-02]], {{\[\[}}7.500000e-01]], {{.*}}]> : tensor<36x1x1xf32>
// CHECK: linalg.batch_matmul ins(%{{.*}}, %[[U]] : tensor<36x2x1xf32>, tensor<36x1x1xf32>) outs(%{{.*}} : tensor<36x2x1xf32>)
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %[[AT]] : tensor<6x6x2x1xf32>, tensor<4x6xf32>) outs(%{{.*}} : tensor<4x6x2x1xf32>)
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %[[AT]] : tensor<4x6x2x1xf32>, tensor<4x6xf32>) outs(%{{.*}} : tensor<2x4x4x1xf32>)
// CHECK: tensor.expand_shape %{{.*}} into tensor<1x1x2x4x4x1xf32>
// CHECK: linalg.generic {{.*}} ins(%{{.*}} : tensor<1x1x2x4x4x1xf32>) outs(%{{.*}} : tensor<1x4x5x1xf32>)
// No bias, residual or activation: the tile element as it is.
// CHECK-NEXT: ^bb0(%[[T:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: linalg.yield %[[T]] : f32
func.func @winograd4(%x: tensor<1x6x7x1xf32>) -> tensor<1x4x5x1xf32> {
  %w = arith.constant dense<[[[[1.0]], [[2.0]], [[3.0]]], [[[4.0]], [[5.0]], [[6.0]]], [[[7.0]], [[8.0]], [[9.0]]]]> : tensor<3x3x1x1xf32>
  %i = tensor.empty() : tensor<1x4x5x1xf32>
  %0 = conv.winograd ins(%x, %w : tensor<1x6x7x1xf32>, tensor<3x3x1x1xf32>) outs(%i : tensor<1x4x5x1xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, tile = 4} -> tensor<1x4x5x1xf32>
  return %0 : tensor<1x4x5x1xf32>
}

// -----

// The filter transform is per (channel, filter) pair: with g = 1 for
// channel 0 and g = 2 for channel 1 (2 filters each), every U[xi][nu] holds
// [[s, s], [2s, 2s]] for s = (row sums of G)[xi] * (row sums of G)[nu],
// where G's row sums are 1, 1.5, 0.5, 1. The residual and the clip are
// applied in the last generic, after the bias.
// CHECK-LABEL: func.func @winograd_channels
// CHECK-SAME: (%{{.*}}: tensor<1x4x4x2xf32>, %[[B:.*]]: tensor<2xf32>, %[[R:.*]]: tensor<1x2x2x2xf32>)
// CHECK: arith.constant dense<{{\[\[}}[1.000000e+00, 1.000000e+00], [2.000000e+00, 2.000000e+00]], {{\[\[}}1.500000e+00, 1.500000e+00], [3.000000e+00, 3.000000e+00]], {{\[\[}}5.000000e-01, 5.000000e-01], [1.000000e+00, 1.000000e+00]], {{\[\[}}1.000000e+00, 1.000000e+00], [2.000000e+00, 2.000000e+00]], {{\[\[}}1.500000e+00, 1.500000e+00], [3.000000e+00, 3.000000e+00]], {{\[\[}}2.250000e+00, 2.250000e+00], [4.500000e+00, 4.500000e+00]], {{.*}}]> : tensor<16x2x2xf32>
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %[[B]], %[[R]] : tensor<1x1x1x2x2x2xf32>, tensor<2xf32>, tensor<1x2x2x2xf32>) outs(%{{.*}} : tensor<1x2x2x2xf32>)
// CHECK-NEXT: ^bb0(%[[T:.*]]: f32, %[[BIAS:.*]]: f32, %[[RES:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[S1:.*]] = arith.addf %[[T]], %[[BIAS]] : f32
// CHECK-NEXT: %[[S2:.*]] = arith.addf %[[S1]], %[[RES]] : f32
// CHECK-NEXT: %[[LO:.*]] = arith.constant -1.000000e+00 : f32
// CHECK-NEXT: %[[BELOW:.*]] = arith.cmpf olt, %[[S2]], %[[LO]] : f32
// CHECK-NEXT: %[[C1:.*]] = arith.select %[[BELOW]], %[[LO]], %[[S2]] : f32
// CHECK-NEXT: %[[HI:.*]] = arith.constant 2.000000e+00 : f32
// CHECK-NEXT: %[[ABOVE:.*]] = arith.cmpf ogt, %[[C1]], %[[HI]] : f32
// CHECK-NEXT: %[[C2:.*]] = arith.select %[[ABOVE]], %[[HI]], %[[C1]] : f32
// CHECK-NEXT: linalg.yield %[[C2]] : f32
func.func @winograd_channels(%x: tensor<1x4x4x2xf32>, %b: tensor<2xf32>, %r: tensor<1x2x2x2xf32>) -> tensor<1x2x2x2xf32> {
  %w = arith.constant dense<[[[[1.0, 1.0], [2.0, 2.0]], [[1.0, 1.0], [2.0, 2.0]], [[1.0, 1.0], [2.0, 2.0]]], [[[1.0, 1.0], [2.0, 2.0]], [[1.0, 1.0], [2.0, 2.0]], [[1.0, 1.0], [2.0, 2.0]]], [[[1.0, 1.0], [2.0, 2.0]], [[1.0, 1.0], [2.0, 2.0]], [[1.0, 1.0], [2.0, 2.0]]]]> : tensor<3x3x2x2xf32>
  %i = tensor.empty() : tensor<1x2x2x2xf32>
  %0 = conv.winograd ins(%x, %w : tensor<1x4x4x2xf32>, tensor<3x3x2x2xf32>) bias(%b : tensor<2xf32>) residual(%r : tensor<1x2x2x2xf32>) outs(%i : tensor<1x2x2x2xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, tile = 2, activation = "clip", clip_min = -1.0 : f32, clip_max = 2.0 : f32} -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}

//===----------------------------------------------------------------------===//
// Filter packing
//===----------------------------------------------------------------------===//

// -----

// Tiles of T = lanes * vectors = 2 filters: 3 filters take 2 tiles, the
// second zero-filled past filter 2. w[0][0][c][f] = 1 + 3c + f packs as
// [tile][c][j] = w[c][2 * tile + j]: [[1, 2], [4, 5]], [[3, 0], [6, 0]].
// CHECK-LABEL: func.func @pack
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x2xf32>)
// CHECK: %[[PACKED:.*]] = arith.constant dense<{{\[\[\[\[\[\[}}1.000000e+00, 2.000000e+00], [4.000000e+00, 5.000000e+00]]]], {{\[\[\[\[}}3.000000e+00, 0.000000e+00], [6.000000e+00, 0.000000e+00]]]]]]> : tensor<1x2x1x1x2x2xf32>
// CHECK: conv.direct ins(%[[X]], %[[PACKED]] : tensor<1x4x4x2xf32>, tensor<1x2x1x1x2x2xf32>)
// CHECK-SAME: packed
func.func @pack(%x: tensor<1x4x4x2xf32>) -> tensor<1x4x4x3xf32> {
  %w = arith.constant dense<[[[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]]]> : tensor<1x1x2x3xf32>
  %i = tensor.empty() : tensor<1x4x4x3xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x4x4x2xf32>, tensor<1x1x2x3xf32>) outs(%i : tensor<1x4x4x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1, edgec.schedule = {lanes = 2 : i64, rows = 2 : i64, vectors = 1 : i64}} -> tensor<1x4x4x3xf32>
  return %0 : tensor<1x4x4x3xf32>
}

// -----

// A 2x1 kernel whose 2 filters fit in one tile of T = 1 * 4 = 4: HWIO
// already keeps a tile's filters together, so the filter is left unpacked.
// CHECK-LABEL: func.func @pack_wide_tile
// CHECK: %[[W:.*]] = arith.constant {{.*}} : tensor<2x1x1x2xf32>
// CHECK: conv.direct ins(%{{.*}}, %[[W]] : tensor<1x4x4x1xf32>, tensor<2x1x1x2xf32>)
// CHECK-NOT: packed
// CHECK-SAME: -> tensor<1x3x4x2xf32>
func.func @pack_wide_tile(%x: tensor<1x4x4x1xf32>) -> tensor<1x3x4x2xf32> {
  %w = arith.constant dense<[[[[1.0, 2.0]]], [[[3.0, 4.0]]]]> : tensor<2x1x1x2xf32>
  %i = tensor.empty() : tensor<1x3x4x2xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x4x4x1xf32>, tensor<2x1x1x2xf32>) outs(%i : tensor<1x3x4x2xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1, edgec.schedule = {lanes = 1 : i64, rows = 2 : i64, vectors = 4 : i64}} -> tensor<1x3x4x2xf32>
  return %0 : tensor<1x3x4x2xf32>
}

// -----

// Groups pack separately: 2 groups of 2 filters in tiles of 1, group g's
// tile t holding filter 2g + t.
// CHECK-LABEL: func.func @pack_grouped
// CHECK: arith.constant dense<{{\[\[\[\[\[\[}}1.000000e+00]]]], {{\[\[\[\[}}2.000000e+00]]]]], {{\[\[\[\[\[}}3.000000e+00]]]], {{\[\[\[\[}}4.000000e+00]]]]]]> : tensor<2x2x1x1x1x1xf32>
// CHECK: group = 2 : i64, packed
func.func @pack_grouped(%x: tensor<1x4x4x2xf32>) -> tensor<1x4x4x4xf32> {
  %w = arith.constant dense<[[[[1.0, 2.0, 3.0, 4.0]]]]> : tensor<1x1x1x4xf32>
  %i = tensor.empty() : tensor<1x4x4x4xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x4x4x2xf32>, tensor<1x1x1x4xf32>) outs(%i : tensor<1x4x4x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 2, edgec.schedule = {lanes = 1 : i64, rows = 2 : i64, vectors = 1 : i64}} -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

// No packing without a schedule to size the tiles, without lanes and
// vectors in it, or for a filter only known at run time.
// CHECK-LABEL: func.func @no_pack
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x2xf32>, %[[RW:.*]]: tensor<1x1x2x3xf32>)
// CHECK: %[[W:.*]] = arith.constant {{.*}} : tensor<1x1x2x3xf32>
// CHECK-NOT: packed
// CHECK: conv.direct ins(%[[X]], %[[W]] : tensor<1x4x4x2xf32>, tensor<1x1x2x3xf32>)
// CHECK-NOT: packed
// CHECK: conv.direct ins(%[[X]], %[[W]] : tensor<1x4x4x2xf32>, tensor<1x1x2x3xf32>)
// CHECK-NOT: packed
// CHECK: conv.direct ins(%[[X]], %[[RW]] : tensor<1x4x4x2xf32>, tensor<1x1x2x3xf32>)
// CHECK-NOT: packed
// CHECK: return
func.func @no_pack(%x: tensor<1x4x4x2xf32>, %rw: tensor<1x1x2x3xf32>) -> (tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>) {
  %w = arith.constant dense<[[[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]]]> : tensor<1x1x2x3xf32>
  %i = tensor.empty() : tensor<1x4x4x3xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x4x4x2xf32>, tensor<1x1x2x3xf32>) outs(%i : tensor<1x4x4x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} -> tensor<1x4x4x3xf32>
  %1 = conv.direct ins(%x, %w : tensor<1x4x4x2xf32>, tensor<1x1x2x3xf32>) outs(%i : tensor<1x4x4x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1, edgec.schedule = {algorithm = "direct"}} -> tensor<1x4x4x3xf32>
  %2 = conv.direct ins(%x, %rw : tensor<1x4x4x2xf32>, tensor<1x1x2x3xf32>) outs(%i : tensor<1x4x4x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1, edgec.schedule = {lanes = 2 : i64, rows = 2 : i64, vectors = 1 : i64}} -> tensor<1x4x4x3xf32>
  return %0, %1, %2 : tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>
}

// -----

// A filter that is packed already stays as it is.
// CHECK-LABEL: func.func @already_packed
// CHECK: %[[W:.*]] = arith.constant dense<1.000000e+00> : tensor<1x2x1x1x2x2xf32>
// CHECK-NOT: arith.constant
// CHECK: conv.direct ins(%{{.*}}, %[[W]] : tensor<1x4x4x2xf32>, tensor<1x2x1x1x2x2xf32>)
func.func @already_packed(%x: tensor<1x4x4x2xf32>) -> tensor<1x4x4x3xf32> {
  %w = arith.constant dense<1.0> : tensor<1x2x1x1x2x2xf32>
  %i = tensor.empty() : tensor<1x4x4x3xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x4x4x2xf32>, tensor<1x2x1x1x2x2xf32>) outs(%i : tensor<1x4x4x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1, packed, edgec.schedule = {lanes = 2 : i64, rows = 2 : i64, vectors = 1 : i64}} -> tensor<1x4x4x3xf32>
  return %0 : tensor<1x4x4x3xf32>
}

// -----

// Padding and packing together: the pad, then the packed constant.
// CHECK-LABEL: func.func @pad_and_pack
// CHECK: %[[P:.*]] = tensor.pad
// CHECK: %[[PACKED:.*]] = arith.constant {{.*}} : tensor<1x2x3x3x1x2xf32>
// CHECK: conv.direct ins(%[[P]], %[[PACKED]] : tensor<1x6x6x1xf32>, tensor<1x2x3x3x1x2xf32>)
// CHECK-SAME: packed, pads = array<i64: 0, 0, 0, 0>
func.func @pad_and_pack(%x: tensor<1x4x4x1xf32>) -> tensor<1x4x4x3xf32> {
  %w = arith.constant dense<2.0> : tensor<3x3x1x3xf32>
  %i = tensor.empty() : tensor<1x4x4x3xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x4x4x1xf32>, tensor<3x3x1x3xf32>) outs(%i : tensor<1x4x4x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, group = 1, edgec.schedule = {lanes = 2 : i64, rows = 2 : i64, vectors = 1 : i64}} -> tensor<1x4x4x3xf32>
  return %0 : tensor<1x4x4x3xf32>
}
