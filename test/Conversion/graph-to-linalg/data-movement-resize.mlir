// RUN: edgec-opt %s -edgec-convert-graph-to-linalg -split-input-file | FileCheck %s
// Resize: the input positions and weights of every resized dimension are
// worked out at compile time into 1-D tables (one per tap), read at the
// result position by one linalg.generic that sums the weighted input
// elements. Dimensions that are not resized read their own position.

// Nearest needs one position per result element and no weights, for any
// element type: asymmetric x2 with floor reads rows 0, 0, 1, 1.
// CHECK: #[[ROW:.*]] = affine_map<(d0, d1, d2, d3) -> (d2)>
// CHECK-LABEL: func.func @resize_nearest
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x2x3xi64>)
func.func @resize_nearest(%x: tensor<1x1x2x3xi64>) -> tensor<1x1x4x3xi64> {
  // CHECK-NEXT: %[[ROWS:.*]] = arith.constant dense<[0, 0, 1, 1]> : tensor<4xi32>
  // CHECK: linalg.generic {indexing_maps = [#[[ROW]], #{{.*}}], {{.*}}} ins(%[[ROWS]] : tensor<4xi32>)
  // CHECK-NEXT: ^bb0(%[[IN:.*]]: i32, %{{.*}}: i64):
  // CHECK-NEXT: %[[N:.*]] = linalg.index 0 : index
  // CHECK-NEXT: %[[C:.*]] = linalg.index 1 : index
  // CHECK-NEXT: linalg.index 2 : index
  // CHECK-NEXT: %[[W:.*]] = linalg.index 3 : index
  // CHECK-NEXT: %[[H:.*]] = arith.index_cast %[[IN]] : i32 to index
  // CHECK-NEXT: %[[V:.*]] = tensor.extract %[[X]][%[[N]], %[[C]], %[[H]], %[[W]]] : tensor<1x1x2x3xi64>
  // CHECK-NEXT: linalg.yield %[[V]] : i64
  %0 = edge.resize %x {coordinate_mode = "asymmetric", mode = "nearest", nearest_mode = "floor", scales = array<f64: 1.0, 1.0, 2.0, 1.0>, sizes = array<i64: 1, 1, 4, 3>} : (tensor<1x1x2x3xi64>) -> tensor<1x1x4x3xi64>
  return %0 : tensor<1x1x4x3xi64>
}

// -----

// Linear, half_pixel x2 along the last dimension: each result element
// mixes two input columns, clamped at the edges.
// CHECK: #[[COL:.*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-LABEL: func.func @resize_linear
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x2x2xf32>)
func.func @resize_linear(%x: tensor<1x1x2x2xf32>) -> tensor<1x1x2x4xf32> {
  // CHECK-NEXT: %[[I0:.*]] = arith.constant dense<[0, 0, 0, 1]> : tensor<4xi32>
  // CHECK-NEXT: %[[W0:.*]] = arith.constant dense<[2.500000e-01, 7.500000e-01, 2.500000e-01, 7.500000e-01]> : tensor<4xf32>
  // CHECK-NEXT: %[[I1:.*]] = arith.constant dense<[0, 1, 1, 1]> : tensor<4xi32>
  // CHECK-NEXT: %[[W1:.*]] = arith.constant dense<[7.500000e-01, 2.500000e-01, 7.500000e-01, 2.500000e-01]> : tensor<4xf32>
  // CHECK: linalg.generic {indexing_maps = [#[[COL]], #[[COL]], #[[COL]], #[[COL]], #{{.*}}], {{.*}}} ins(%[[I0]], %[[W0]], %[[I1]], %[[W1]] :
  // CHECK-NEXT: ^bb0(%[[A:.*]]: i32, %[[WA:.*]]: f32, %[[B:.*]]: i32, %[[WB:.*]]: f32, %{{.*}}: f32):
  // CHECK: %[[CA:.*]] = arith.index_cast %[[A]] : i32 to index
  // CHECK-NEXT: %[[VA:.*]] = tensor.extract %[[X]][%{{.*}}, %{{.*}}, %{{.*}}, %[[CA]]]
  // CHECK-NEXT: %[[PA:.*]] = arith.mulf %[[WA]], %[[VA]] : f32
  // CHECK-NEXT: %[[CB:.*]] = arith.index_cast %[[B]] : i32 to index
  // CHECK-NEXT: %[[VB:.*]] = tensor.extract %[[X]][%{{.*}}, %{{.*}}, %{{.*}}, %[[CB]]]
  // CHECK-NEXT: %[[PB:.*]] = arith.mulf %[[WB]], %[[VB]] : f32
  // CHECK-NEXT: %[[S:.*]] = arith.addf %[[PA]], %[[PB]] : f32
  // CHECK-NEXT: linalg.yield %[[S]] : f32
  %0 = edge.resize %x {coordinate_mode = "half_pixel", mode = "linear", scales = array<f64: 1.0, 1.0, 1.0, 2.0>, sizes = array<i64: 1, 1, 2, 4>} : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x4xf32>
  return %0 : tensor<1x1x2x4xf32>
}

// -----

// Bilinear: the last dimension's sum is innermost, each of its values
// weighted by the row's taps.
// CHECK-LABEL: func.func @resize_bilinear
func.func @resize_bilinear(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x8x8xf32> {
  // CHECK-COUNT-8: arith.constant dense<{{.*}}> : tensor<8x{{.*}}>
  // CHECK: linalg.generic
  // CHECK-COUNT-4: tensor.extract
  // CHECK-NOT: tensor.extract
  // CHECK: linalg.yield
  %0 = edge.resize %x {coordinate_mode = "half_pixel", mode = "linear", scales = array<f64: 1.0, 1.0, 2.0, 2.0>, sizes = array<i64: 1, 3, 8, 8>} : (tensor<1x3x4x4xf32>) -> tensor<1x3x8x8xf32>
  return %0 : tensor<1x3x8x8xf32>
}

// -----

// tf_crop_and_resize: a table says which positions map inside the input;
// the others take the extrapolation value.
// CHECK-LABEL: func.func @resize_crop
// CHECK-SAME: (%[[X:.*]]: tensor<3xf32>)
func.func @resize_crop(%x: tensor<3xf32>) -> tensor<2xf32> {
  // CHECK-NEXT: %[[I:.*]] = arith.constant dense<[1, 2]> : tensor<2xi32>
  // CHECK-NEXT: %[[IN:.*]] = arith.constant dense<[1, 0]> : tensor<2xi8>
  // CHECK: ^bb0(%{{.*}}: i32, %[[INSIDE:.*]]: i8, %{{.*}}: f32):
  // CHECK: %[[V:.*]] = tensor.extract %[[X]]
  // CHECK: %[[OUT:.*]] = arith.cmpi eq, %[[INSIDE]], %{{.*}} : i8
  // CHECK-NEXT: %[[E:.*]] = arith.constant -1.000000e+00 : f32
  // CHECK-NEXT: %[[R:.*]] = arith.select %[[OUT]], %[[E]], %[[V]] : f32
  // CHECK-NEXT: linalg.yield %[[R]] : f32
  %0 = edge.resize %x {coordinate_mode = "tf_crop_and_resize", mode = "nearest", roi = array<f64: 0.5, 1.5>, extrapolation_value = -1.0, scales = array<f64: 0.6666666666666666>, sizes = array<i64: 2>} : (tensor<3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// Cubic at scale 1 reads every element at its own position (the taps of
// weight zero are dropped): the resize is its input.
// CHECK-LABEL: func.func @resize_identity
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x2x2xf32>)
func.func @resize_identity(%x: tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32> {
  // CHECK-NEXT: return %[[X]]
  %0 = edge.resize %x {coordinate_mode = "half_pixel", mode = "cubic", scales = array<f64: 1.0, 1.0, 1.0, 1.0>, sizes = array<i64: 1, 1, 2, 2>} : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  return %0 : tensor<1x1x2x2xf32>
}
