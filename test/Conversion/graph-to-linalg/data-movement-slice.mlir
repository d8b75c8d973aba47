// RUN: edgec-opt %s -edgec-convert-graph-to-linalg -split-input-file | FileCheck %s
// Slices, broadcasts, tiles and pads: views (extract_slice, collapse_shape)
// and tensor.pad where the data moves regularly, linalg.generic where a
// position is computed.

// A forward slice is a strided view.
// CHECK-LABEL: func.func @slice_forward
// CHECK-SAME: (%[[X:.*]]: tensor<4x5x6xf32>)
func.func @slice_forward(%x: tensor<4x5x6xf32>) -> tensor<2x5x3xf32> {
  // CHECK-NEXT: %[[S:.*]] = tensor.extract_slice %[[X]][1, 0, 0] [2, 5, 3] [2, 1, 2] : tensor<4x5x6xf32> to tensor<2x5x3xf32>
  // CHECK-NEXT: return %[[S]]
  %0 = edge.slice %x {offsets = array<i64: 1, 0, 0>, sizes = array<i64: 2, 5, 3>, strides = array<i64: 2, 1, 2>} : (tensor<4x5x6xf32>) -> tensor<2x5x3xf32>
  return %0 : tensor<2x5x3xf32>
}

// -----

// A backward slice reads input position offset + stride * i through its
// indexing map.
// CHECK: #[[BACK:.*]] = affine_map<(d0, d1) -> (d0, d1 * -2 + 5)>
// CHECK-LABEL: func.func @slice_backward
// CHECK-SAME: (%[[X:.*]]: tensor<4x6xf32>)
func.func @slice_backward(%x: tensor<4x6xf32>) -> tensor<4x3xf32> {
  // CHECK: linalg.generic {indexing_maps = [#[[BACK]], #{{.*}}], iterator_types = ["parallel", "parallel"]} ins(%[[X]] : tensor<4x6xf32>)
  // CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
  // CHECK-NEXT: linalg.yield %[[IN]] : f32
  %0 = edge.slice %x {offsets = array<i64: 0, 5>, sizes = array<i64: 4, 3>, strides = array<i64: 1, -2>} : (tensor<4x6xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// An empty slice reads nothing.
// CHECK-LABEL: func.func @slice_empty
func.func @slice_empty(%x: tensor<4x6xi1>) -> tensor<4x0xi1> {
  // CHECK-NEXT: %[[E:.*]] = tensor.empty() : tensor<4x0xi1>
  // CHECK-NEXT: return %[[E]]
  %0 = edge.slice %x {offsets = array<i64: 0, 0>, sizes = array<i64: 4, 0>, strides = array<i64: 1, 1>} : (tensor<4x6xi1>) -> tensor<4x0xi1>
  return %0 : tensor<4x0xi1>
}

// -----

// Expand drops the stretched dimensions and broadcasts the rest.
// CHECK: #[[MAP:.*]] = affine_map<(d0, d1, d2) -> (d1)>
// CHECK-LABEL: func.func @expand
// CHECK-SAME: (%[[X:.*]]: tensor<3x1xi64>)
func.func @expand(%x: tensor<3x1xi64>) -> tensor<2x3x4xi64> {
  // CHECK-NEXT: %[[C:.*]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1]] : tensor<3x1xi64> into tensor<3xi64>
  // CHECK-NEXT: %[[E:.*]] = tensor.empty() : tensor<2x3x4xi64>
  // CHECK-NEXT: linalg.generic {indexing_maps = [#[[MAP]], #{{.*}}], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[C]] : tensor<3xi64>) outs(%[[E]] : tensor<2x3x4xi64>)
  %0 = edge.expand %x {shape = array<i64: 2, 3, 4>} : (tensor<3x1xi64>) -> tensor<2x3x4xi64>
  return %0 : tensor<2x3x4xi64>
}

// -----

// Tile broadcasts to [r0, d0, r1, d1] and collapses the pairs.
// CHECK: #[[MAP:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d3)>
// CHECK-LABEL: func.func @tile
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @tile(%x: tensor<2x3xf32>) -> tensor<4x9xf32> {
  // CHECK: %[[T:.*]] = linalg.generic {indexing_maps = [#[[MAP]], #{{.*}}], {{.*}}} ins(%[[X]] : tensor<2x3xf32>) outs(%{{.*}} : tensor<2x2x3x3xf32>)
  // CHECK: %[[R:.*]] = tensor.collapse_shape %[[T]] {{\[}}[0, 1], [2, 3]] : tensor<2x2x3x3xf32> into tensor<4x9xf32>
  // CHECK-NEXT: return %[[R]]
  %0 = edge.tile %x {repeats = array<i64: 2, 3>} : (tensor<2x3xf32>) -> tensor<4x9xf32>
  return %0 : tensor<4x9xf32>
}

// -----

// Negative pads crop with a view before tensor.pad adds the rest.
// CHECK-LABEL: func.func @pad_constant
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x5x6xf32>)
func.func @pad_constant(%x: tensor<1x2x5x6xf32>) -> tensor<1x2x6x5xf32> {
  // CHECK-NEXT: %[[S:.*]] = tensor.extract_slice %[[X]][0, 0, 0, 1] [1, 2, 5, 5] [1, 1, 1, 1]
  // CHECK-NEXT: %[[V:.*]] = arith.constant 1.500000e+00 : f32
  // CHECK-NEXT: %[[P:.*]] = tensor.pad %[[S]] low[0, 0, 1, 0] high[0, 0, 0, 0]
  // CHECK: tensor.yield %[[V]] : f32
  // CHECK: return %[[P]]
  %0 = edge.pad %x {mode = "constant", pads = array<i64: 0, 0, 1, -1, 0, 0, 0, 0>, value = 1.5 : f32} : (tensor<1x2x5x6xf32>) -> tensor<1x2x6x5xf32>
  return %0 : tensor<1x2x6x5xf32>
}

// -----

// arith.constant takes signless integers only: an unsigned pad value is
// read out of a 0-D tensor.
// CHECK-LABEL: func.func @pad_unsigned
func.func @pad_unsigned(%x: tensor<3x4xui8>) -> tensor<4x4xui8> {
  // CHECK-NEXT: %[[C:.*]] = arith.constant dense<255> : tensor<ui8>
  // CHECK-NEXT: %[[V:.*]] = tensor.extract %[[C]][] : tensor<ui8>
  // CHECK-NEXT: tensor.pad
  // CHECK: tensor.yield %[[V]] : ui8
  %0 = edge.pad %x {mode = "constant", pads = array<i64: 1, 0, 0, 0>, value = 255 : ui8} : (tensor<3x4xui8>) -> tensor<4x4xui8>
  return %0 : tensor<4x4xui8>
}

// -----

// edge: the position clamped into the input.
// CHECK-LABEL: func.func @pad_edge
// CHECK-SAME: (%[[X:.*]]: tensor<3x4xf32>)
func.func @pad_edge(%x: tensor<3x4xf32>) -> tensor<3x7xf32> {
  // CHECK: linalg.generic
  // CHECK-NEXT: ^bb0(%{{.*}}: f32):
  // CHECK-NEXT: %[[I:.*]] = linalg.index 0 : index
  // CHECK-NEXT: %[[J:.*]] = linalg.index 1 : index
  // CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
  // CHECK-NEXT: %[[K:.*]] = arith.subi %[[J]], %[[C1]] : index
  // CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
  // CHECK-NEXT: %[[C3:.*]] = arith.constant 3 : index
  // CHECK-NEXT: %[[LO:.*]] = arith.maxsi %[[K]], %[[C0]] : index
  // CHECK-NEXT: %[[AT:.*]] = arith.minsi %[[LO]], %[[C3]] : index
  // CHECK-NEXT: %[[V:.*]] = tensor.extract %[[X]][%[[I]], %[[AT]]] : tensor<3x4xf32>
  // CHECK-NEXT: linalg.yield %[[V]] : f32
  %0 = edge.pad %x {mode = "edge", pads = array<i64: 0, 1, 0, 2>, value = 0.0 : f32} : (tensor<3x4xf32>) -> tensor<3x7xf32>
  return %0 : tensor<3x7xf32>
}

// -----

// reflect: the mirrored input repeats with period 2 (n - 1) = 6.
// CHECK-LABEL: func.func @pad_reflect
// CHECK-SAME: (%[[X:.*]]: tensor<3x4xf32>)
func.func @pad_reflect(%x: tensor<3x4xf32>) -> tensor<3x7xf32> {
  // CHECK: %[[J:.*]] = linalg.index 1 : index
  // CHECK: %[[K:.*]] = arith.subi %[[J]], %{{.*}} : index
  // CHECK: %[[C6:.*]] = arith.constant 6 : index
  // CHECK-NEXT: %[[M:.*]] = arith.remsi %[[K]], %[[C6]] : index
  // CHECK: %[[BEYOND:.*]] = arith.cmpi sgt, %{{.*}}, %{{.*}} : index
  // CHECK: %[[AT:.*]] = arith.select %[[BEYOND]]
  // CHECK-NEXT: tensor.extract %[[X]][%{{.*}}, %[[AT]]] : tensor<3x4xf32>
  %0 = edge.pad %x {mode = "reflect", pads = array<i64: 0, 1, 0, 2>, value = 0.0 : f32} : (tensor<3x4xf32>) -> tensor<3x7xf32>
  return %0 : tensor<3x7xf32>
}
