// RUN: edgec-opt %s -edgec-convert-graph-to-linalg -split-input-file | FileCheck %s
// edge.gemm and edge.matmul become linalg.matmul or linalg.batch_matmul.

// C + A * B with alpha = beta = 1 accumulates straight into the broadcast C.
// CHECK-DAG: #[[COL:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @gemm_bias
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3x4xf32>, %[[C:.*]]: tensor<4xf32>)
func.func @gemm_bias(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<4xf32>) -> tensor<2x4xf32> {
  // CHECK: %[[INIT:.*]] = linalg.generic {indexing_maps = [#[[COL]], #[[ID2]]], iterator_types = ["parallel", "parallel"]}
  // CHECK-SAME: ins(%[[C]] : tensor<4xf32>)
  // CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
  // CHECK-NEXT: linalg.yield %[[IN]]
  // CHECK: %[[R:.*]] = linalg.matmul ins(%[[A]], %[[B]] : tensor<2x3xf32>, tensor<3x4xf32>) outs(%[[INIT]] : tensor<2x4xf32>)
  // CHECK-NEXT: return %[[R]]
  %0 = edge.gemm %a, %b, %c {alpha = 1.0 : f32, beta = 1.0 : f32, transA = false, transB = false} : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// A transposed constant B (a fully connected layer's weight) is transposed
// at compile time: no linalg.transpose remains.
// CHECK-LABEL: func.func @gemm_constant_transB
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>)
func.func @gemm_constant_transB(%a: tensor<2x3xf32>) -> tensor<2x2xf32> {
  // CHECK-NOT: linalg.transpose
  // CHECK: %[[BT:.*]] = arith.constant dense<{{\[}}[1.000000e+00, 4.000000e+00], [2.000000e+00, 5.000000e+00], [3.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>
  // CHECK-NOT: linalg.transpose
  // CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
  // CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32)
  // CHECK: %[[R:.*]] = linalg.matmul ins(%[[A]], %[[BT]] : tensor<2x3xf32>, tensor<3x2xf32>) outs(%[[INIT]] : tensor<2x2xf32>)
  // CHECK-NEXT: return %[[R]]
  %b = edge.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %0 = edge.gemm %a, %b {alpha = 1.0 : f32, beta = 1.0 : f32, transA = false, transB = true} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// A transposed operand that is not a constant becomes linalg.transpose.
// CHECK-LABEL: func.func @gemm_transA_scaled
// CHECK-SAME: (%[[A:.*]]: tensor<3x2xf32>, %[[B:.*]]: tensor<3x4xf32>, %[[C:.*]]: tensor<2x1xf32>)
func.func @gemm_transA_scaled(%a: tensor<3x2xf32>, %b: tensor<3x4xf32>, %c: tensor<2x1xf32>) -> tensor<2x4xf32> {
  // CHECK: %[[AT:.*]] = linalg.transpose ins(%[[A]] : tensor<3x2xf32>) outs(%{{.*}} : tensor<2x3xf32>) permutation = [1, 0]
  // CHECK: %[[INIT:.*]] = linalg.fill
  // CHECK: %[[P:.*]] = linalg.matmul ins(%[[AT]], %[[B]] : tensor<2x3xf32>, tensor<3x4xf32>) outs(%[[INIT]] : tensor<2x4xf32>)
  // C of shape [2, 1] broadcasts along the columns.
  // CHECK: %[[CC:.*]] = tensor.collapse_shape %[[C]] {{\[}}[0, 1]] : tensor<2x1xf32> into tensor<2xf32>
  // CHECK: %[[R:.*]] = linalg.generic
  // CHECK-SAME: ins(%[[P]], %[[CC]] : tensor<2x4xf32>, tensor<2xf32>)
  // CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %{{.*}}: f32):
  // CHECK-NEXT: %[[ALPHA:.*]] = arith.constant 5.000000e-01 : f32
  // CHECK-NEXT: %[[AX:.*]] = arith.mulf %[[X]], %[[ALPHA]]
  // CHECK-NEXT: %[[BETA:.*]] = arith.constant 2.000000e+00 : f32
  // CHECK-NEXT: %[[BY:.*]] = arith.mulf %[[Y]], %[[BETA]]
  // CHECK-NEXT: %[[S:.*]] = arith.addf %[[AX]], %[[BY]]
  // CHECK-NEXT: linalg.yield %[[S]]
  // CHECK: return %[[R]]
  %0 = edge.gemm %a, %b, %c {alpha = 0.5 : f32, beta = 2.0 : f32, transA = true, transB = false} : (tensor<3x2xf32>, tensor<3x4xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// CHECK-DAG: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @gemm_alpha_no_c
func.func @gemm_alpha_no_c(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
  // CHECK: %[[P:.*]] = linalg.matmul
  // CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#[[ID2]], #[[ID2]]], {{.*}} ins(%[[P]] : tensor<2x4xf32>)
  // CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
  // CHECK-NEXT: %[[ALPHA:.*]] = arith.constant 3.000000e+00 : f32
  // CHECK-NEXT: %[[AX:.*]] = arith.mulf %[[X]], %[[ALPHA]]
  // CHECK-NEXT: linalg.yield %[[AX]]
  // CHECK: return %[[R]]
  %0 = edge.gemm %a, %b {alpha = 3.0 : f32, beta = 1.0 : f32, transA = false, transB = false} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// CHECK-LABEL: func.func @gemm_plain
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3x4xf32>)
func.func @gemm_plain(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
  // CHECK: %[[R:.*]] = linalg.matmul ins(%[[A]], %[[B]] : tensor<2x3xf32>, tensor<3x4xf32>)
  // CHECK-NEXT: return %[[R]]
  %0 = edge.gemm %a, %b {alpha = 1.0 : f32, beta = 1.0 : f32, transA = false, transB = false} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// CHECK-LABEL: func.func @matmul_2d
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3x4xf32>)
func.func @matmul_2d(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
  // CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<2x4xf32>
  // CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
  // CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<2x4xf32>)
  // CHECK: %[[R:.*]] = linalg.matmul ins(%[[A]], %[[B]] : tensor<2x3xf32>, tensor<3x4xf32>) outs(%[[INIT]] : tensor<2x4xf32>)
  // CHECK-NEXT: return %[[R]]
  %0 = edge.matmul %a, %b : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// A right-hand matrix shared by the whole batch folds the batch into the
// rows of one linalg.matmul.
// CHECK-LABEL: func.func @matmul_shared_rhs
// CHECK-SAME: (%[[A:.*]]: tensor<5x2x3xf32>, %[[B:.*]]: tensor<3x4xf32>)
func.func @matmul_shared_rhs(%a: tensor<5x2x3xf32>, %b: tensor<3x4xf32>) -> tensor<5x2x4xf32> {
  // CHECK: %[[AF:.*]] = tensor.collapse_shape %[[A]]
  // CHECK: %[[A2:.*]] = tensor.expand_shape %[[AF]] {{.*}} into tensor<10x3xf32>
  // CHECK: %[[R2:.*]] = linalg.matmul ins(%[[A2]], %[[B]] : tensor<10x3xf32>, tensor<3x4xf32>) outs(%{{.*}} : tensor<10x4xf32>)
  // CHECK: %[[RF:.*]] = tensor.collapse_shape %[[R2]]
  // CHECK: %[[R:.*]] = tensor.expand_shape %[[RF]] {{.*}} into tensor<5x2x4xf32>
  // CHECK: return %[[R]]
  // CHECK-NOT: linalg.batch_matmul
  %0 = edge.matmul %a, %b : (tensor<5x2x3xf32>, tensor<3x4xf32>) -> tensor<5x2x4xf32>
  return %0 : tensor<5x2x4xf32>
}

// -----

// CHECK-LABEL: func.func @matmul_batched
// CHECK-SAME: (%[[A:.*]]: tensor<5x2x3xf32>, %[[B:.*]]: tensor<5x3x4xf32>)
func.func @matmul_batched(%a: tensor<5x2x3xf32>, %b: tensor<5x3x4xf32>) -> tensor<5x2x4xf32> {
  // CHECK: %[[LA:.*]] = linalg.generic {{.*}} ins(%[[A]] : tensor<5x2x3xf32>) outs(%{{.*}} : tensor<5x2x3xf32>)
  // CHECK: %[[LB:.*]] = linalg.generic {{.*}} ins(%[[B]] : tensor<5x3x4xf32>) outs(%{{.*}} : tensor<5x3x4xf32>)
  // CHECK: %[[INIT:.*]] = linalg.fill {{.*}} -> tensor<5x2x4xf32>
  // CHECK: %[[R:.*]] = linalg.batch_matmul ins(%[[LA]], %[[LB]] : tensor<5x2x3xf32>, tensor<5x3x4xf32>) outs(%[[INIT]] : tensor<5x2x4xf32>)
  // CHECK-NEXT: return %[[R]]
  %0 = edge.matmul %a, %b : (tensor<5x2x3xf32>, tensor<5x3x4xf32>) -> tensor<5x2x4xf32>
  return %0 : tensor<5x2x4xf32>
}

// -----

// Batch dimensions broadcast the numpy way: [2, 1] against [5] gives
// [2, 5], flattened into one batch of 10 for linalg.batch_matmul.
// CHECK-DAG: #[[LMAP:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>
// CHECK-DAG: #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[RMAP:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d2, d3)>
// CHECK-LABEL: func.func @matmul_broadcast_batch
// CHECK-SAME: (%[[A:.*]]: tensor<2x1x2x3xf32>, %[[B:.*]]: tensor<5x3x4xf32>)
func.func @matmul_broadcast_batch(%a: tensor<2x1x2x3xf32>, %b: tensor<5x3x4xf32>) -> tensor<2x5x2x4xf32> {
  // CHECK: %[[AC:.*]] = tensor.collapse_shape %[[A]] {{\[}}[0], [1, 2], [3]] : tensor<2x1x2x3xf32> into tensor<2x2x3xf32>
  // CHECK: %[[AB:.*]] = linalg.generic {indexing_maps = [#[[LMAP]], #[[ID4]]], {{.*}} ins(%[[AC]] : tensor<2x2x3xf32>) outs(%{{.*}} : tensor<2x5x2x3xf32>)
  // CHECK: %[[AF:.*]] = tensor.collapse_shape %[[AB]]
  // CHECK: %[[A3:.*]] = tensor.expand_shape %[[AF]] {{.*}} into tensor<10x2x3xf32>
  // CHECK: %[[BB:.*]] = linalg.generic {indexing_maps = [#[[RMAP]], #[[ID4]]], {{.*}} ins(%[[B]] : tensor<5x3x4xf32>) outs(%{{.*}} : tensor<2x5x3x4xf32>)
  // CHECK: %[[BF:.*]] = tensor.collapse_shape %[[BB]]
  // CHECK: %[[B3:.*]] = tensor.expand_shape %[[BF]] {{.*}} into tensor<10x3x4xf32>
  // CHECK: %[[R3:.*]] = linalg.batch_matmul ins(%[[A3]], %[[B3]] : tensor<10x2x3xf32>, tensor<10x3x4xf32>) outs(%{{.*}} : tensor<10x2x4xf32>)
  // CHECK: %[[RF:.*]] = tensor.collapse_shape %[[R3]]
  // CHECK: %[[R:.*]] = tensor.expand_shape %[[RF]] {{.*}} into tensor<2x5x2x4xf32>
  // CHECK: return %[[R]]
  %0 = edge.matmul %a, %b : (tensor<2x1x2x3xf32>, tensor<5x3x4xf32>) -> tensor<2x5x2x4xf32>
  return %0 : tensor<2x5x2x4xf32>
}

// -----

// A 1-D left operand is a row: [3] -> [1, 3], and the result drops it.
// CHECK-LABEL: func.func @matmul_vector_lhs
// CHECK-SAME: (%[[A:.*]]: tensor<3xf32>, %[[B:.*]]: tensor<3x4xf32>)
func.func @matmul_vector_lhs(%a: tensor<3xf32>, %b: tensor<3x4xf32>) -> tensor<4xf32> {
  // CHECK: %[[A2:.*]] = tensor.expand_shape %[[A]] {{\[}}[0, 1]] output_shape [1, 3] : tensor<3xf32> into tensor<1x3xf32>
  // CHECK: %[[R2:.*]] = linalg.matmul ins(%[[A2]], %[[B]] : tensor<1x3xf32>, tensor<3x4xf32>) outs(%{{.*}} : tensor<1x4xf32>)
  // CHECK: %[[R:.*]] = tensor.collapse_shape %[[R2]] {{\[}}[0, 1]] : tensor<1x4xf32> into tensor<4xf32>
  // CHECK: return %[[R]]
  %0 = edge.matmul %a, %b : (tensor<3xf32>, tensor<3x4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// A 1-D right operand is a column: [3] -> [3, 1].
// CHECK-LABEL: func.func @matmul_vector_rhs
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3xf32>)
func.func @matmul_vector_rhs(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2xf32> {
  // CHECK: %[[B2:.*]] = tensor.expand_shape %[[B]] {{\[}}[0, 1]] output_shape [3, 1] : tensor<3xf32> into tensor<3x1xf32>
  // CHECK: %[[R2:.*]] = linalg.matmul ins(%[[A]], %[[B2]] : tensor<2x3xf32>, tensor<3x1xf32>) outs(%{{.*}} : tensor<2x1xf32>)
  // CHECK: %[[R:.*]] = tensor.collapse_shape %[[R2]] {{\[}}[0, 1]] : tensor<2x1xf32> into tensor<2xf32>
  // CHECK: return %[[R]]
  %0 = edge.matmul %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// Two vectors: a dot product with a rank-0 result.
// CHECK-LABEL: func.func @matmul_dot
func.func @matmul_dot(%a: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<f32> {
  // CHECK: %[[R2:.*]] = linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<1x3xf32>, tensor<3x1xf32>) outs(%{{.*}} : tensor<1x1xf32>)
  // CHECK: %[[R1:.*]] = tensor.collapse_shape %[[R2]] {{\[}}[0, 1]] : tensor<1x1xf32> into tensor<1xf32>
  // CHECK: %[[R:.*]] = tensor.collapse_shape %[[R1]] [] : tensor<1xf32> into tensor<f32>
  // CHECK: return %[[R]]
  %0 = edge.matmul %a, %b : (tensor<3xf32>, tensor<3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}
