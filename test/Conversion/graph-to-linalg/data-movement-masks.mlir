// RUN: edgec-opt %s -edgec-convert-graph-to-linalg -split-input-file | FileCheck %s
// Trilu and OneHot: linalg.generic ops that select by position.

// CHECK-LABEL: func.func @trilu_lower
// CHECK-SAME: (%[[X:.*]]: tensor<2x4x5xui8>, %[[K:.*]]: tensor<i64>)
func.func @trilu_lower(%x: tensor<2x4x5xui8>, %k: tensor<i64>) -> tensor<2x4x5xui8> {
  // An unsigned zero comes out of a 0-D tensor (arith.constant is signless).
  // CHECK-NEXT: %[[ZT:.*]] = arith.constant dense<0> : tensor<ui8>
  // CHECK-NEXT: %[[Z:.*]] = tensor.extract %[[ZT]][] : tensor<ui8>
  // k may come at run time.
  // CHECK-NEXT: %[[KV:.*]] = tensor.extract %[[K]][] : tensor<i64>
  // CHECK-NEXT: %[[KI:.*]] = arith.index_cast %[[KV]] : i64 to index
  // CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<2x4x5xui8>)
  // CHECK-NEXT: ^bb0(%[[IN:.*]]: ui8, %{{.*}}: ui8):
  // CHECK-NEXT: linalg.index 0 : index
  // CHECK-NEXT: %[[I:.*]] = linalg.index 1 : index
  // CHECK-NEXT: %[[J:.*]] = linalg.index 2 : index
  // CHECK-NEXT: %[[D:.*]] = arith.subi %[[J]], %[[I]] : index
  // CHECK-NEXT: %[[KEEP:.*]] = arith.cmpi sle, %[[D]], %[[KI]] : index
  // CHECK-NEXT: %[[R:.*]] = arith.select %[[KEEP]], %[[IN]], %[[Z]] : ui8
  // CHECK-NEXT: linalg.yield %[[R]] : ui8
  %0 = edge.trilu %x, %k {upper = false} : (tensor<2x4x5xui8>, tensor<i64>) -> tensor<2x4x5xui8>
  return %0 : tensor<2x4x5xui8>
}

// -----

// CHECK-LABEL: func.func @trilu_upper
func.func @trilu_upper(%x: tensor<3x3xf32>, %k: tensor<i64>) -> tensor<3x3xf32> {
  // CHECK: arith.cmpi sge
  %0 = edge.trilu %x, %k {upper = true} : (tensor<3x3xf32>, tensor<i64>) -> tensor<3x3xf32>
  return %0 : tensor<3x3xf32>
}

// -----

// The indices are read with the one-hot dimension dropped from the map; a
// float index truncates, a negative one counts from the depth.
// CHECK: #[[SKIP:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @one_hot
// CHECK-SAME: (%[[I:.*]]: tensor<3xf32>, %[[V:.*]]: tensor<2xi64>)
func.func @one_hot(%i: tensor<3xf32>, %v: tensor<2xi64>) -> tensor<3x7xi64> {
  // CHECK: %[[OFF:.*]] = tensor.extract %[[V]][%{{.*}}] : tensor<2xi64>
  // CHECK: %[[ON:.*]] = tensor.extract %[[V]][%{{.*}}] : tensor<2xi64>
  // CHECK: linalg.generic {indexing_maps = [#[[SKIP]], #{{.*}}], {{.*}}} ins(%[[I]] : tensor<3xf32>)
  // CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: i64):
  // CHECK-NEXT: linalg.index 0 : index
  // CHECK-NEXT: %[[P:.*]] = linalg.index 1 : index
  // CHECK-NEXT: %[[T:.*]] = arith.fptosi %[[IN]] : f32 to i64
  // CHECK: %[[C7:.*]] = arith.constant 7 : index
  // CHECK: %[[AT:.*]] = arith.select
  // CHECK-NEXT: %[[HIT:.*]] = arith.cmpi eq, %[[AT]], %[[P]] : index
  // CHECK-NEXT: %[[R:.*]] = arith.select %[[HIT]], %[[ON]], %[[OFF]] : i64
  // CHECK-NEXT: linalg.yield %[[R]] : i64
  %0 = edge.one_hot %i, %v {axis = 1 : i64, depth = 7 : i64} : (tensor<3xf32>, tensor<2xi64>) -> tensor<3x7xi64>
  return %0 : tensor<3x7xi64>
}
