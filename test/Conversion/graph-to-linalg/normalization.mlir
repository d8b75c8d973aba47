// RUN: edgec-opt %s -edgec-convert-graph-to-linalg -split-input-file | FileCheck %s

// batch_norm is one generic reading the [C] parameters along dimension 1:
// (x - mean) / sqrt(variance + epsilon) * scale + bias.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[CHAN:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-LABEL: func.func @batch_norm
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x4x4xf32>, %[[S:.*]]: tensor<3xf32>, %[[B:.*]]: tensor<3xf32>, %[[M:.*]]: tensor<3xf32>, %[[V:.*]]: tensor<3xf32>)
func.func @batch_norm(%x: tensor<1x3x4x4xf32>, %s: tensor<3xf32>, %b: tensor<3xf32>,
                      %m: tensor<3xf32>, %v: tensor<3xf32>) -> tensor<1x3x4x4xf32> {
  // CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[CHAN]], #[[CHAN]], #[[CHAN]], #[[CHAN]], #[[ID]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
  // CHECK-SAME: ins(%[[X]], %[[S]], %[[B]], %[[M]], %[[V]] : tensor<1x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>)
  // CHECK-NEXT: ^bb0(%[[x:.*]]: f32, %[[s:.*]]: f32, %[[b:.*]]: f32, %[[m:.*]]: f32, %[[v:.*]]: f32, %{{.*}}: f32):
  // CHECK-NEXT: %[[EPS:.*]] = arith.constant 1.000000e-03 : f32
  // CHECK-NEXT: %[[VE:.*]] = arith.addf %[[v]], %[[EPS]] : f32
  // CHECK-NEXT: %[[SD:.*]] = math.sqrt %[[VE]] : f32
  // CHECK-NEXT: %[[XM:.*]] = arith.subf %[[x]], %[[m]] : f32
  // CHECK-NEXT: %[[N:.*]] = arith.divf %[[XM]], %[[SD]] : f32
  // CHECK-NEXT: %[[NS:.*]] = arith.mulf %[[N]], %[[s]] : f32
  // CHECK-NEXT: %[[Y:.*]] = arith.addf %[[NS]], %[[b]] : f32
  // CHECK-NEXT: linalg.yield %[[Y]]
  // CHECK: return %[[R]]
  %0 = edge.batch_norm %x, %s, %b, %m, %v {epsilon = 1.0e-3 : f32} : (tensor<1x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

// softmax along a middle axis: max reduction (from -inf), exp(x - max), sum
// reduction (from 0), division; the reduced tensors drop the axis.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[RED:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-LABEL: func.func @softmax
// CHECK-SAME: (%[[X:.*]]: tensor<2x5x3xf32>)
func.func @softmax(%x: tensor<2x5x3xf32>) -> tensor<2x5x3xf32> {
  // CHECK: %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
  // CHECK: %[[MAX_INIT:.*]] = linalg.fill ins(%[[NEG_INF]] : f32) outs(%{{.*}} : tensor<2x3xf32>)
  // CHECK: %[[MAX:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[RED]]], iterator_types = ["parallel", "reduction", "parallel"]}
  // CHECK-SAME: ins(%[[X]] : tensor<2x5x3xf32>) outs(%[[MAX_INIT]] : tensor<2x3xf32>)
  // CHECK: arith.maximumf
  // CHECK: %[[EXPS:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[RED]], #[[ID]]], iterator_types = ["parallel", "parallel", "parallel"]}
  // CHECK-SAME: ins(%[[X]], %[[MAX]] : tensor<2x5x3xf32>, tensor<2x3xf32>)
  // CHECK-NEXT: ^bb0(%[[A:.*]]: f32, %[[B:.*]]: f32, %{{.*}}: f32):
  // CHECK-NEXT: %[[D:.*]] = arith.subf %[[A]], %[[B]] : f32
  // CHECK-NEXT: %[[E:.*]] = math.exp %[[D]] : f32
  // CHECK-NEXT: linalg.yield %[[E]]
  // CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
  // CHECK: %[[SUM_INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<2x3xf32>)
  // CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[RED]]], iterator_types = ["parallel", "reduction", "parallel"]}
  // CHECK-SAME: ins(%[[EXPS]] : tensor<2x5x3xf32>) outs(%[[SUM_INIT]] : tensor<2x3xf32>)
  // CHECK: arith.addf
  // CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[RED]], #[[ID]]]
  // CHECK-SAME: ins(%[[EXPS]], %[[SUM]] : tensor<2x5x3xf32>, tensor<2x3xf32>)
  // CHECK: arith.divf
  // CHECK: return %[[R]]
  %0 = edge.softmax %x {axis = 1} : tensor<2x5x3xf32>
  return %0 : tensor<2x5x3xf32>
}

// -----

// CHECK-DAG: #[[RED:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @softmax_last_axis
func.func @softmax_last_axis(%x: tensor<2x10xf32>) -> tensor<2x10xf32> {
  // CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[RED]]], iterator_types = ["parallel", "reduction"]}
  // CHECK-SAME: outs(%{{.*}} : tensor<2xf32>)
  %0 = edge.softmax %x {axis = 1} : tensor<2x10xf32>
  return %0 : tensor<2x10xf32>
}
