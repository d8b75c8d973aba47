// RUN: edgec-opt %s -edgec-convert-graph-to-linalg -canonicalize -split-input-file | FileCheck %s
// Comparisons, logic, selection and predicates: one generic each, with
// boolean (i1) results. Float comparisons are ordered (false with NaN).

// CHECK-LABEL: func.func @equal_float
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[Y:.*]]: tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[Y]] : tensor<4xf32>, tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: f32, %[[B:.*]]: f32, %{{.*}}: i1):
// CHECK-NEXT: %[[V2:.*]] = arith.cmpf oeq, %[[A]], %[[B]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : i1
func.func @equal_float(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xi1> {
  %0 = edge.equal %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @equal_bool
// CHECK-SAME: (%[[X:.*]]: tensor<4xi1>, %[[Y:.*]]: tensor<4xi1>)
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[Y]] : tensor<4xi1>, tensor<4xi1>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: i1, %[[B:.*]]: i1, %{{.*}}: i1):
// CHECK-NEXT: %[[V2:.*]] = arith.cmpi eq, %[[A]], %[[B]] : i1
// CHECK-NEXT: linalg.yield %[[V2]] : i1
func.func @equal_bool(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  %0 = edge.equal %a, %b : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// Signed integer predicates.
// CHECK-LABEL: func.func @less_int
// CHECK-SAME: (%[[X:.*]]: tensor<4xi64>, %[[Y:.*]]: tensor<4xi64>)
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[Y]] : tensor<4xi64>, tensor<4xi64>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: i64, %[[B:.*]]: i64, %{{.*}}: i1):
// CHECK-NEXT: %[[V2:.*]] = arith.cmpi slt, %[[A]], %[[B]] : i64
// CHECK-NEXT: linalg.yield %[[V2]] : i1
func.func @less_int(%a: tensor<4xi64>, %b: tensor<4xi64>) -> tensor<4xi1> {
  %0 = edge.less %a, %b : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @less_equal
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[Y:.*]]: tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[Y]] : tensor<4xf32>, tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: f32, %[[B:.*]]: f32, %{{.*}}: i1):
// CHECK-NEXT: %[[V2:.*]] = arith.cmpf ole, %[[A]], %[[B]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : i1
func.func @less_equal(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xi1> {
  %0 = edge.less_equal %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @greater
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[Y:.*]]: tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[Y]] : tensor<4xf32>, tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: f32, %[[B:.*]]: f32, %{{.*}}: i1):
// CHECK-NEXT: %[[V2:.*]] = arith.cmpf ogt, %[[A]], %[[B]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : i1
func.func @greater(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xi1> {
  %0 = edge.greater %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @greater_equal_int
// CHECK-SAME: (%[[X:.*]]: tensor<4xi32>, %[[Y:.*]]: tensor<4xi32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[Y]] : tensor<4xi32>, tensor<4xi32>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: i32, %[[B:.*]]: i32, %{{.*}}: i1):
// CHECK-NEXT: %[[V2:.*]] = arith.cmpi sge, %[[A]], %[[B]] : i32
// CHECK-NEXT: linalg.yield %[[V2]] : i1
func.func @greater_equal_int(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi1> {
  %0 = edge.greater_equal %a, %b : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @and
// CHECK-SAME: (%[[X:.*]]: tensor<4xi1>, %[[Y:.*]]: tensor<4xi1>)
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[Y]] : tensor<4xi1>, tensor<4xi1>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: i1, %[[B:.*]]: i1, %{{.*}}: i1):
// CHECK-NEXT: %[[V2:.*]] = arith.andi %[[A]], %[[B]] : i1
// CHECK-NEXT: linalg.yield %[[V2]] : i1
func.func @and(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  %0 = edge.and %a, %b : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @or
// CHECK-SAME: (%[[X:.*]]: tensor<4xi1>, %[[Y:.*]]: tensor<4xi1>)
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[Y]] : tensor<4xi1>, tensor<4xi1>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: i1, %[[B:.*]]: i1, %{{.*}}: i1):
// CHECK-NEXT: %[[V2:.*]] = arith.ori %[[A]], %[[B]] : i1
// CHECK-NEXT: linalg.yield %[[V2]] : i1
func.func @or(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  %0 = edge.or %a, %b : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @xor
// CHECK-SAME: (%[[X:.*]]: tensor<4xi1>, %[[Y:.*]]: tensor<4xi1>)
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[Y]] : tensor<4xi1>, tensor<4xi1>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: i1, %[[B:.*]]: i1, %{{.*}}: i1):
// CHECK-NEXT: %[[V2:.*]] = arith.xori %[[A]], %[[B]] : i1
// CHECK-NEXT: linalg.yield %[[V2]] : i1
func.func @xor(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  %0 = edge.xor %a, %b : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @not
// CHECK-SAME: (%[[X:.*]]: tensor<4xi1>)
// CHECK-DAG: %[[TRUE:.*]] = arith.constant true
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xi1>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: i1, %{{.*}}: i1):
// CHECK-NEXT: %[[V2:.*]] = arith.xori %[[IN]], %[[TRUE]] : i1
// CHECK-NEXT: linalg.yield %[[V2]] : i1
func.func @not(%x: tensor<4xi1>) -> tensor<4xi1> {
  %0 = edge.not %x : tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// The condition [2, 1], the values [3] and [2, 3] broadcast together.
// CHECK-DAG: #[[COND:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @where
// CHECK-SAME: (%[[X:.*]]: tensor<2x1xi1>, %[[Y:.*]]: tensor<3xi64>, %[[Z:.*]]: tensor<2x3xi64>)
// CHECK: %[[V0:.*]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1]] : tensor<2x1xi1> into tensor<2xi1>
// CHECK: linalg.generic {indexing_maps = [#[[COND]], #[[ROW]], #[[ID]], #[[ID]]]{{.*}} ins(%[[V0]], %[[Y]], %[[Z]] : tensor<2xi1>, tensor<3xi64>, tensor<2x3xi64>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: i1, %[[B:.*]]: i64, %[[C:.*]]: i64, %{{.*}}: i64):
// CHECK-NEXT: %[[V3:.*]] = arith.select %[[A]], %[[B]], %[[C]] : i64
// CHECK-NEXT: linalg.yield %[[V3]] : i64
func.func @where(%c: tensor<2x1xi1>, %a: tensor<3xi64>, %b: tensor<2x3xi64>) -> tensor<2x3xi64> {
  %0 = edge.where %c, %a, %b : (tensor<2x1xi1>, tensor<3xi64>, tensor<2x3xi64>) -> tensor<2x3xi64>
  return %0 : tensor<2x3xi64>
}

// -----

// x is unordered with itself only when it is NaN.
// CHECK-LABEL: func.func @is_nan
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: i1):
// CHECK-NEXT: %[[V2:.*]] = arith.cmpf uno, %[[IN]], %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : i1
func.func @is_nan(%x: tensor<4xf32>) -> tensor<4xi1> {
  %0 = edge.is_nan %x : tensor<4xf32>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @is_inf
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
// CHECK-DAG: %[[INF:.*]] = arith.constant 0x7F800000 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: i1):
// CHECK-NEXT: %[[V2:.*]] = arith.cmpf oeq, %[[IN]], %[[INF]] : f32
// CHECK-NEXT: %[[V3:.*]] = arith.cmpf oeq, %[[IN]], %[[NEG_INF]] : f32
// CHECK-NEXT: %[[V4:.*]] = arith.ori %[[V2]], %[[V3]] : i1
// CHECK-NEXT: linalg.yield %[[V4]] : i1
func.func @is_inf(%x: tensor<4xf32>) -> tensor<4xi1> {
  %0 = edge.is_inf %x : tensor<4xf32>
  return %0 : tensor<4xi1>
}

// -----

// Only the infinities the attributes select.
// CHECK-LABEL: func.func @is_inf_positive
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[INF:.*]] = arith.constant 0x7F800000 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: i1):
// CHECK-NEXT: %[[V2:.*]] = arith.cmpf oeq, %[[IN]], %[[INF]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : i1
func.func @is_inf_positive(%x: tensor<4xf32>) -> tensor<4xi1> {
  %0 = edge.is_inf %x {detect_negative = false} : tensor<4xf32>
  return %0 : tensor<4xi1>
}
