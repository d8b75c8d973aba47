// RUN: edgec-opt %s -edgec-convert-graph-to-linalg -split-input-file | FileCheck %s
// Gathers are linalg.generic ops over the result that read their indices
// as operands (or with tensor.extract) and the data with tensor.extract;
// scatters reduce over the updates that can reach each element.

// The indices' map spans the result dimensions they replace; an index is
// made non-negative and clamped before it is read.
// CHECK: #[[IDX:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d2)>
// CHECK-LABEL: func.func @gather
// CHECK-SAME: (%[[X:.*]]: tensor<5x4x3xf32>, %[[I:.*]]: tensor<2x2xi32>)
func.func @gather(%x: tensor<5x4x3xf32>, %i: tensor<2x2xi32>) -> tensor<5x2x2x3xf32> {
  // CHECK: linalg.generic {indexing_maps = [#[[IDX]], #{{.*}}], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[I]] : tensor<2x2xi32>)
  // CHECK-NEXT: ^bb0(%[[IN:.*]]: i32, %{{.*}}: f32):
  // CHECK-NEXT: %[[D0:.*]] = linalg.index 0 : index
  // CHECK: %[[D3:.*]] = linalg.index 3 : index
  // CHECK-NEXT: %[[C:.*]] = arith.index_cast %[[IN]] : i32 to index
  // CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
  // CHECK-NEXT: %[[NEG:.*]] = arith.cmpi slt, %[[C]], %[[C0]] : index
  // CHECK-NEXT: %[[C4:.*]] = arith.constant 4 : index
  // CHECK-NEXT: %[[WRAP:.*]] = arith.addi %[[C]], %[[C4]] : index
  // CHECK-NEXT: %[[SEL:.*]] = arith.select %[[NEG]], %[[WRAP]], %[[C]] : index
  // CHECK-NEXT: %[[LO:.*]] = arith.maxsi %[[SEL]], %[[C0]] : index
  // CHECK-NEXT: %[[C3:.*]] = arith.constant 3 : index
  // CHECK-NEXT: %[[AT:.*]] = arith.minsi %[[LO]], %[[C3]] : index
  // CHECK-NEXT: %[[V:.*]] = tensor.extract %[[X]][%[[D0]], %[[AT]], %[[D3]]] : tensor<5x4x3xf32>
  // CHECK-NEXT: linalg.yield %[[V]] : f32
  %0 = edge.gather %x, %i {axis = 1 : i64} : (tensor<5x4x3xf32>, tensor<2x2xi32>) -> tensor<5x2x2x3xf32>
  return %0 : tensor<5x2x2x3xf32>
}

// -----

// One constant index (PyTorch's x[:, 0], ViT's class token) is a view.
// CHECK-LABEL: func.func @gather_constant_scalar
// CHECK-SAME: (%[[X:.*]]: tensor<1x197x8xf32>)
func.func @gather_constant_scalar(%x: tensor<1x197x8xf32>) -> tensor<1x8xf32> {
  // CHECK-NOT: linalg.generic
  // CHECK: %[[S:.*]] = tensor.extract_slice %[[X]][0, 196, 0] [1, 1, 8] [1, 1, 1] : tensor<1x197x8xf32> to tensor<1x8xf32>
  // CHECK-NEXT: return %[[S]]
  %i = edge.constant dense<-1> : tensor<i64>
  %0 = edge.gather %x, %i {axis = 1 : i64} : (tensor<1x197x8xf32>, tensor<i64>) -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

// CHECK-LABEL: func.func @gather_elements
// CHECK-SAME: (%[[X:.*]]: tensor<4x3xi64>, %[[I:.*]]: tensor<2x3xi64>)
func.func @gather_elements(%x: tensor<4x3xi64>, %i: tensor<2x3xi64>) -> tensor<2x3xi64> {
  // CHECK: linalg.generic {{.*}} ins(%[[I]] : tensor<2x3xi64>)
  // CHECK-NEXT: ^bb0(%[[IN:.*]]: i64, %{{.*}}: i64):
  // CHECK-NEXT: linalg.index 0 : index
  // CHECK-NEXT: %[[D1:.*]] = linalg.index 1 : index
  // CHECK: %[[AT:.*]] = arith.minsi
  // CHECK-NEXT: %[[V:.*]] = tensor.extract %[[X]][%[[AT]], %[[D1]]] : tensor<4x3xi64>
  // CHECK-NEXT: linalg.yield %[[V]] : i64
  %0 = edge.gather_elements %x, %i {axis = 0 : i64} : (tensor<4x3xi64>, tensor<2x3xi64>) -> tensor<2x3xi64>
  return %0 : tensor<2x3xi64>
}

// -----

// GatherND reads each tuple entry with tensor.extract; the batch dimension
// indexes data and indices alike.
// CHECK-LABEL: func.func @gather_nd
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>, %[[I:.*]]: tensor<2x5x1xi64>)
func.func @gather_nd(%x: tensor<2x3x4xf32>, %i: tensor<2x5x1xi64>) -> tensor<2x5x4xf32> {
  // CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<2x5x4xf32>)
  // CHECK-NEXT: ^bb0(%{{.*}}: f32):
  // CHECK-NEXT: %[[D0:.*]] = linalg.index 0 : index
  // CHECK-NEXT: %[[D1:.*]] = linalg.index 1 : index
  // CHECK-NEXT: %[[D2:.*]] = linalg.index 2 : index
  // CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
  // CHECK-NEXT: %[[T:.*]] = tensor.extract %[[I]][%[[D0]], %[[D1]], %[[C0]]] : tensor<2x5x1xi64>
  // CHECK: %[[AT:.*]] = arith.minsi
  // CHECK-NEXT: %[[V:.*]] = tensor.extract %[[X]][%[[D0]], %[[AT]], %[[D2]]] : tensor<2x3x4xf32>
  // CHECK-NEXT: linalg.yield %[[V]] : f32
  %0 = edge.gather_nd %x, %i {batch_dims = 1 : i64} : (tensor<2x3x4xf32>, tensor<2x5x1xi64>) -> tensor<2x5x4xf32>
  return %0 : tensor<2x5x4xf32>
}

// -----

// ScatterND starts from the data and reduces over the tuples: the element
// takes each update whose tuple names it, the last one winning.
// CHECK: #[[EXTENTS:.*]] = affine_map<(d0, d1, d2) -> (d2)>
// CHECK: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @scatter_nd
// CHECK-SAME: (%[[X:.*]]: tensor<4x3xf32>, %[[I:.*]]: tensor<2x1xi64>, %[[U:.*]]: tensor<2x3xf32>)
func.func @scatter_nd(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) -> tensor<4x3xf32> {
  // CHECK: %[[E:.*]] = tensor.empty() : tensor<2xi8>
  // CHECK-NEXT: linalg.generic {indexing_maps = [#[[EXTENTS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[E]] : tensor<2xi8>) outs(%[[X]] : tensor<4x3xf32>)
  // CHECK-NEXT: ^bb0(%{{.*}}: i8, %[[ACC:.*]]: f32):
  // CHECK-NEXT: %[[P0:.*]] = linalg.index 0 : index
  // CHECK-NEXT: %[[P1:.*]] = linalg.index 1 : index
  // CHECK-NEXT: %[[K:.*]] = linalg.index 2 : index
  // CHECK: tensor.extract %[[I]][%[[K]], %{{.*}}] : tensor<2x1xi64>
  // CHECK: %[[AT:.*]] = arith.minsi
  // CHECK-NEXT: %[[HIT:.*]] = arith.cmpi eq, %[[AT]], %[[P0]] : index
  // CHECK-NEXT: %[[NEW:.*]] = tensor.extract %[[U]][%[[K]], %[[P1]]] : tensor<2x3xf32>
  // CHECK-NEXT: %[[R:.*]] = arith.select %[[HIT]], %[[NEW]], %[[ACC]] : f32
  // CHECK-NEXT: linalg.yield %[[R]] : f32
  %0 = edge.scatter_nd %x, %i, %u : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// ScatterElements reduces over the position's row of the indices; where the
// indices are narrower than the data, positions past them get no update.
// CHECK-LABEL: func.func @scatter_elements_add
// CHECK-SAME: (%[[X:.*]]: tensor<4x3xf32>, %[[I:.*]]: tensor<2x2xi64>, %[[U:.*]]: tensor<2x2xf32>)
func.func @scatter_elements_add(%x: tensor<4x3xf32>, %i: tensor<2x2xi64>, %u: tensor<2x2xf32>) -> tensor<4x3xf32> {
  // CHECK: ^bb0(%{{.*}}: i8, %[[ACC:.*]]: f32):
  // CHECK-NEXT: %[[P0:.*]] = linalg.index 0 : index
  // CHECK-NEXT: %[[P1:.*]] = linalg.index 1 : index
  // CHECK-NEXT: %[[K:.*]] = linalg.index 2 : index
  // CHECK-NEXT: %[[C2:.*]] = arith.constant 2 : index
  // CHECK-NEXT: %[[INSIDE:.*]] = arith.cmpi slt, %[[P1]], %[[C2]] : index
  // CHECK: %[[HIT:.*]] = arith.cmpi eq, %{{.*}}, %[[P0]] : index
  // CHECK-NEXT: %[[BOTH:.*]] = arith.andi %[[INSIDE]], %[[HIT]] : i1
  // CHECK: %[[NEW:.*]] = tensor.extract %[[U]][%[[K]], %{{.*}}] : tensor<2x2xf32>
  // CHECK-NEXT: %[[SUM:.*]] = arith.addf %[[ACC]], %[[NEW]] : f32
  // CHECK-NEXT: %[[R:.*]] = arith.select %[[BOTH]], %[[SUM]], %[[ACC]] : f32
  %0 = edge.scatter_elements %x, %i, %u {axis = 0 : i64, reduction = "add"} : (tensor<4x3xf32>, tensor<2x2xi64>, tensor<2x2xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}
