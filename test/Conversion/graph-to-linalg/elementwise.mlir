// RUN: edgec-opt %s -edgec-convert-graph-to-linalg -split-input-file | FileCheck %s
// Elementwise ops become one parallel linalg.generic. Broadcasting drops
// the stretched unit dimensions with tensor.collapse_shape and reads the
// rest through the indexing map.

// Same shapes: identity maps, no reshapes.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @add_same_shape
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<2x3xf32>)
func.func @add_same_shape(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK-NOT: tensor.collapse_shape
  // CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<2x3xf32>
  // CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ID]], #[[ID]]], iterator_types = ["parallel", "parallel"]}
  // CHECK-SAME: ins(%[[A]], %[[B]] : tensor<2x3xf32>, tensor<2x3xf32>) outs(%[[EMPTY]] : tensor<2x3xf32>)
  // CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %{{.*}}: f32):
  // CHECK-NEXT: %[[S:.*]] = arith.addf %[[X]], %[[Y]] : f32
  // CHECK-NEXT: linalg.yield %[[S]]
  // CHECK: return %[[R]]
  %0 = edge.add %a, %b : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// [3, 1] against [2, 3, 4]: aligned on the trailing dimensions, the 1
// stretches over d2 and the 3 is read as d1.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[D1:.*]] = affine_map<(d0, d1, d2) -> (d1)>
// CHECK-LABEL: func.func @add_broadcast_trailing_unit
// CHECK-SAME: (%[[A:.*]]: tensor<2x3x4xf32>, %[[B:.*]]: tensor<3x1xf32>)
func.func @add_broadcast_trailing_unit(%a: tensor<2x3x4xf32>, %b: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  // CHECK: %[[BC:.*]] = tensor.collapse_shape %[[B]] {{\[}}[0, 1]] : tensor<3x1xf32> into tensor<3xf32>
  // CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[D1]], #[[ID]]]
  // CHECK-SAME: ins(%[[A]], %[[BC]] : tensor<2x3x4xf32>, tensor<3xf32>)
  // CHECK: arith.addf
  // CHECK: return %[[R]]
  %0 = edge.add %a, %b : (tensor<2x3x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// Both operands stretch: an outer product.
// CHECK-DAG: #[[D0:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[D1:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @mul_outer
// CHECK-SAME: (%[[A:.*]]: tensor<2x1xf32>, %[[B:.*]]: tensor<1x3xf32>)
func.func @mul_outer(%a: tensor<2x1xf32>, %b: tensor<1x3xf32>) -> tensor<2x3xf32> {
  // CHECK: %[[AC:.*]] = tensor.collapse_shape %[[A]] {{\[}}[0, 1]] : tensor<2x1xf32> into tensor<2xf32>
  // CHECK: %[[BC:.*]] = tensor.collapse_shape %[[B]] {{\[}}[0, 1]] : tensor<1x3xf32> into tensor<3xf32>
  // CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#[[D0]], #[[D1]], #[[ID]]]
  // CHECK-SAME: ins(%[[AC]], %[[BC]] : tensor<2xf32>, tensor<3xf32>)
  // CHECK: arith.mulf
  // CHECK: return %[[R]]
  %0 = edge.mul %a, %b : (tensor<2x1xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Leading unit dimensions that stretch join the next kept one; operand
// order is preserved for the non-commutative sub.
// CHECK-DAG: #[[D2:.*]] = affine_map<(d0, d1, d2) -> (d2)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @sub_broadcast_leading
// CHECK-SAME: (%[[A:.*]]: tensor<1x1x4xf32>, %[[B:.*]]: tensor<2x3x4xf32>)
func.func @sub_broadcast_leading(%a: tensor<1x1x4xf32>, %b: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  // CHECK: %[[AC:.*]] = tensor.collapse_shape %[[A]] {{\[}}[0, 1, 2]] : tensor<1x1x4xf32> into tensor<4xf32>
  // CHECK: linalg.generic {indexing_maps = [#[[D2]], #[[ID]], #[[ID]]]
  // CHECK-SAME: ins(%[[AC]], %[[B]] : tensor<4xf32>, tensor<2x3x4xf32>)
  // CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %{{.*}}: f32):
  // CHECK-NEXT: arith.subf %[[X]], %[[Y]] : f32
  %0 = edge.sub %a, %b : (tensor<1x1x4xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// A lower-rank operand maps to the trailing dimensions without reshaping.
// CHECK-DAG: #[[D1:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @div_lower_rank
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3xf32>)
func.func @div_lower_rank(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  // CHECK-NOT: tensor.collapse_shape
  // CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[D1]], #[[ID]]]
  // CHECK-SAME: ins(%[[A]], %[[B]] : tensor<2x3xf32>, tensor<3xf32>)
  // CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %{{.*}}: f32):
  // CHECK-NEXT: arith.divf %[[X]], %[[Y]] : f32
  %0 = edge.div %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Every dimension stretches: the operand collapses to rank 0 and the map
// reads no dimension.
// CHECK-DAG: #[[NONE:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-LABEL: func.func @add_all_stretched
// CHECK-SAME: (%[[A:.*]]: tensor<1x1xf32>, %[[B:.*]]: tensor<2x3xf32>)
func.func @add_all_stretched(%a: tensor<1x1xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: %[[AC:.*]] = tensor.collapse_shape %[[A]] [] : tensor<1x1xf32> into tensor<f32>
  // CHECK: linalg.generic {indexing_maps = [#[[NONE]],
  // CHECK-SAME: ins(%[[AC]], %[[B]] : tensor<f32>, tensor<2x3xf32>)
  %0 = edge.add %a, %b : (tensor<1x1xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// A unit dimension that meets a unit dimension does not stretch.
// CHECK-DAG: #[[D0:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @add_unit_kept
// CHECK-SAME: (%[[A:.*]]: tensor<1x1xf32>, %[[B:.*]]: tensor<1x5xf32>)
func.func @add_unit_kept(%a: tensor<1x1xf32>, %b: tensor<1x5xf32>) -> tensor<1x5xf32> {
  // CHECK: %[[AC:.*]] = tensor.collapse_shape %[[A]] {{\[}}[0, 1]] : tensor<1x1xf32> into tensor<1xf32>
  // CHECK: linalg.generic {indexing_maps = [#[[D0]],
  // CHECK-SAME: ins(%[[AC]], %[[B]] : tensor<1xf32>, tensor<1x5xf32>)
  %0 = edge.add %a, %b : (tensor<1x1xf32>, tensor<1x5xf32>) -> tensor<1x5xf32>
  return %0 : tensor<1x5xf32>
}

// -----

// relu is x < 0 ? 0 : x, which keeps NaN.
// CHECK-LABEL: func.func @relu
// CHECK-SAME: (%[[A:.*]]: tensor<4xf32>)
func.func @relu(%a: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: %[[R:.*]] = linalg.generic {{.*}} ins(%[[A]] : tensor<4xf32>)
  // CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
  // CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
  // CHECK-NEXT: %[[LT:.*]] = arith.cmpf olt, %[[X]], %[[ZERO]] : f32
  // CHECK-NEXT: %[[SEL:.*]] = arith.select %[[LT]], %[[ZERO]], %[[X]] : f32
  // CHECK-NEXT: linalg.yield %[[SEL]]
  // CHECK: return %[[R]]
  %0 = edge.relu %a : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// clip raises to min first, then lowers to max (numpy.clip).
// CHECK-LABEL: func.func @clip
// CHECK-SAME: (%[[A:.*]]: tensor<4xf32>)
func.func @clip(%a: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: linalg.generic {{.*}} ins(%[[A]] : tensor<4xf32>)
  // CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
  // CHECK-NEXT: %[[LO:.*]] = arith.constant -1.000000e+00 : f32
  // CHECK-NEXT: %[[HI:.*]] = arith.constant 6.000000e+00 : f32
  // CHECK-NEXT: %[[LT:.*]] = arith.cmpf olt, %[[X]], %[[LO]] : f32
  // CHECK-NEXT: %[[RAISED:.*]] = arith.select %[[LT]], %[[LO]], %[[X]] : f32
  // CHECK-NEXT: %[[GT:.*]] = arith.cmpf ogt, %[[RAISED]], %[[HI]] : f32
  // CHECK-NEXT: %[[R:.*]] = arith.select %[[GT]], %[[HI]], %[[RAISED]] : f32
  // CHECK-NEXT: linalg.yield %[[R]]
  %0 = edge.clip %a {min = -1.0 : f32, max = 6.0 : f32} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// sigmoid is 1 / (1 + exp(-x)).
// CHECK-LABEL: func.func @sigmoid
// CHECK-SAME: (%[[A:.*]]: tensor<2x2xf32>)
func.func @sigmoid(%a: tensor<2x2xf32>) -> tensor<2x2xf32> {
  // CHECK: linalg.generic {{.*}} ins(%[[A]] : tensor<2x2xf32>)
  // CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
  // CHECK-NEXT: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
  // CHECK-NEXT: %[[NEG:.*]] = arith.negf %[[X]] : f32
  // CHECK-NEXT: %[[EXP:.*]] = math.exp %[[NEG]] : f32
  // CHECK-NEXT: %[[DEN:.*]] = arith.addf %[[ONE]], %[[EXP]] : f32
  // CHECK-NEXT: %[[R:.*]] = arith.divf %[[ONE]], %[[DEN]] : f32
  // CHECK-NEXT: linalg.yield %[[R]]
  %0 = edge.sigmoid %a : tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}
