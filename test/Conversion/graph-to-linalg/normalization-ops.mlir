// RUN: edgec-opt %s -edgec-convert-graph-to-linalg -split-input-file | FileCheck %s

// layer_norm: a sum and a sum of squared deviations from the mean (two
// passes), 1 / sqrt(variance + epsilon), then one broadcasting generic;
// mean and inv_std_dev are results too, in the input's rank.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[LAST:.*]] = affine_map<(d0, d1, d2) -> (d2)>
// CHECK-LABEL: func.func @layer_norm
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>, %[[W:.*]]: tensor<4xf32>, %[[B:.*]]: tensor<4xf32>)
func.func @layer_norm(%x: tensor<2x3x4xf32>, %w: tensor<4xf32>, %b: tensor<4xf32>) -> (tensor<2x3x4xf32>, tensor<2x3x1xf32>, tensor<2x3x1xf32>) {
  // CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[X]] : tensor<2x3x4xf32>)
  // CHECK: %[[MEAN:.*]] = linalg.generic {{.*}} ins(%[[SUM]] : tensor<2x3xf32>)
  // CHECK: arith.constant 4.000000e+00 : f32
  // CHECK: %[[SQ:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ROW]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[X]], %[[MEAN]] : tensor<2x3x4xf32>, tensor<2x3xf32>)
  // CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %[[M:.*]]: f32, %[[ACC:.*]]: f32):
  // CHECK-NEXT: %[[D:.*]] = arith.subf %[[IN]], %[[M]] : f32
  // CHECK-NEXT: %[[D2:.*]] = arith.mulf %[[D]], %[[D]] : f32
  // CHECK-NEXT: arith.addf %[[ACC]], %[[D2]] fastmath<reassoc> : f32
  // CHECK: %[[VAR:.*]] = linalg.generic {{.*}} ins(%[[SQ]] : tensor<2x3xf32>)
  // CHECK: %[[MEAN3:.*]] = tensor.expand_shape {{.*}} into tensor<2x3x1xf32>
  // CHECK: %[[VAR3:.*]] = tensor.expand_shape {{.*}} into tensor<2x3x1xf32>
  // CHECK: %[[INV:.*]] = linalg.generic {{.*}} ins(%[[VAR3]] : tensor<2x3x1xf32>)
  // CHECK: %[[EPS:.*]] = arith.constant 9.99999974E-6 : f32
  // CHECK-NEXT: arith.addf %{{.*}}, %[[EPS]] : f32
  // CHECK-NEXT: math.sqrt
  // CHECK: arith.divf
  // CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ROW]], #[[LAST]], #[[LAST]], #[[ID]]], iterator_types = ["parallel", "parallel", "parallel"]}
  // CHECK-SAME: ins(%[[X]], %{{.*}}, %{{.*}}, %[[W]], %[[B]] :
  // CHECK-NEXT: ^bb0(%[[x:.*]]: f32, %[[m:.*]]: f32, %[[inv:.*]]: f32, %[[w:.*]]: f32, %[[b:.*]]: f32, %{{.*}}: f32):
  // CHECK-NEXT: %[[C:.*]] = arith.subf %[[x]], %[[m]] : f32
  // CHECK-NEXT: %[[N:.*]] = arith.mulf %[[C]], %[[inv]] : f32
  // CHECK-NEXT: %[[S:.*]] = arith.mulf %[[N]], %[[w]] : f32
  // CHECK-NEXT: arith.addf %[[S]], %[[b]] : f32
  // CHECK: return %[[Y]], %[[MEAN3]], %[[INV]]
  %0:3 = edge.layer_norm %x, %w, %b {axis = 2, epsilon = 1.0e-5 : f32} : (tensor<2x3x4xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<2x3x4xf32>, tensor<2x3x1xf32>, tensor<2x3x1xf32>)
  return %0#0, %0#1, %0#2 : tensor<2x3x4xf32>, tensor<2x3x1xf32>, tensor<2x3x1xf32>
}

// -----

// Without a bias the last step is the scaling.
// CHECK-LABEL: func.func @layer_norm_no_bias
func.func @layer_norm_no_bias(%x: tensor<2x4xf32>, %w: tensor<4xf32>) -> tensor<2x4xf32> {
  // CHECK: ^bb0(%{{.*}}: f32, %{{.*}}: f32, %{{.*}}: f32, %{{.*}}: f32, %{{.*}}: f32):
  // CHECK-NEXT: arith.subf
  // CHECK-NEXT: arith.mulf
  // CHECK-NEXT: %[[S:.*]] = arith.mulf
  // CHECK-NEXT: linalg.yield %[[S]]
  %0:3 = edge.layer_norm %x, %w {axis = 1, epsilon = 1.0e-5 : f32} : (tensor<2x4xf32>, tensor<4xf32>) -> (tensor<2x4xf32>, tensor<2x1xf32>, tensor<2x1xf32>)
  return %0#0 : tensor<2x4xf32>
}

// -----

// instance_norm reduces the spatial dimensions; the [C] parameters become
// [C, 1, 1] and broadcast along dimension 1.
// CHECK-DAG: #[[CHAN:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-LABEL: func.func @instance_norm
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x4x5xf32>, %[[S:.*]]: tensor<3xf32>, %[[B:.*]]: tensor<3xf32>)
func.func @instance_norm(%x: tensor<1x3x4x5xf32>, %s: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<1x3x4x5xf32> {
  // CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction", "reduction"]
  // CHECK: arith.constant 2.000000e+01 : f32
  // CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction", "reduction"]
  // CHECK: tensor.expand_shape %[[S]] {{.*}} into tensor<3x1x1xf32>
  // CHECK: tensor.expand_shape %[[B]] {{.*}} into tensor<3x1x1xf32>
  // CHECK: linalg.generic {indexing_maps = [#{{.*}}, #{{.*}}, #{{.*}}, #[[CHAN]], #[[CHAN]], #{{.*}}]
  %0 = edge.instance_norm %x, %s, %b {epsilon = 1.0e-5 : f32} : (tensor<1x3x4x5xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x4x5xf32>
  return %0 : tensor<1x3x4x5xf32>
}

// -----

// mean_variance_norm: (x - mean) / (sqrt(variance) + 1e-9).
// CHECK-LABEL: func.func @mean_variance_norm
func.func @mean_variance_norm(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  // CHECK: iterator_types = ["reduction", "parallel", "reduction"]
  // CHECK: iterator_types = ["reduction", "parallel", "reduction"]
  // CHECK: ^bb0(%[[X:.*]]: f32, %[[M:.*]]: f32, %[[V:.*]]: f32, %{{.*}}: f32):
  // CHECK-NEXT: %[[C:.*]] = arith.subf %[[X]], %[[M]] : f32
  // CHECK-NEXT: %[[SD:.*]] = math.sqrt %[[V]] : f32
  // CHECK-NEXT: %[[EPS:.*]] = arith.constant 9.99999971E-10 : f32
  // CHECK-NEXT: %[[D:.*]] = arith.addf %[[SD]], %[[EPS]] : f32
  // CHECK-NEXT: arith.divf %[[C]], %[[D]] : f32
  %0 = edge.mean_variance_norm %x {axes = array<i64: 0, 2>} : tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// LRN with size 4 sums the squares of channels c - 1 to c + 2: the input
// padded by 1 before and 2 after along C, read at c + k for k < 4.
// CHECK-DAG: #[[WIN:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1 + d4, d2, d3)>
// CHECK-DAG: #[[K:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d4)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @lrn
// CHECK-SAME: (%[[X:.*]]: tensor<1x5x2x2xf32>)
func.func @lrn(%x: tensor<1x5x2x2xf32>) -> tensor<1x5x2x2xf32> {
  // CHECK: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 1, 0, 0] high[0, 2, 0, 0]
  // CHECK: } : tensor<1x5x2x2xf32> to tensor<1x8x2x2xf32>
  // CHECK: %[[WINDOW:.*]] = tensor.empty() : tensor<4xf32>
  // CHECK: %[[SUMS:.*]] = linalg.generic {indexing_maps = [#[[WIN]], #[[K]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
  // CHECK-SAME: ins(%[[PAD]], %[[WINDOW]] : tensor<1x8x2x2xf32>, tensor<4xf32>)
  // CHECK: arith.mulf
  // CHECK-NEXT: arith.addf
  // CHECK: linalg.generic {{.*}} ins(%[[X]], %[[SUMS]] :
  // CHECK-NEXT: ^bb0(%[[x:.*]]: f32, %[[s:.*]]: f32, %{{.*}}: f32):
  // CHECK-NEXT: %[[BIAS:.*]] = arith.constant 1.000000e+00 : f32
  // alpha / size = 1e-4 / 4
  // CHECK-NEXT: %[[ALPHA:.*]] = arith.constant 2.500000e-05 : f32
  // CHECK-NEXT: %[[AS:.*]] = arith.mulf %[[ALPHA]], %[[s]] : f32
  // CHECK-NEXT: %[[BASE:.*]] = arith.addf %[[BIAS]], %[[AS]] : f32
  // CHECK-NEXT: %[[BETA:.*]] = arith.constant 7.500000e-01 : f32
  // CHECK-NEXT: %[[DEN:.*]] = math.powf %[[BASE]], %[[BETA]] : f32
  // CHECK-NEXT: arith.divf %[[x]], %[[DEN]] : f32
  %0 = edge.lrn %x {alpha = 1.0e-4 : f32, beta = 0.75 : f32, bias = 1.0 : f32, size = 4} : tensor<1x5x2x2xf32>
  return %0 : tensor<1x5x2x2xf32>
}

// -----

// log_softmax: x - max - log(sum(exp(x - max))).
// CHECK-LABEL: func.func @log_softmax
func.func @log_softmax(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
  // CHECK: arith.maximumf
  // CHECK: arith.subf
  // CHECK-NEXT: math.exp
  // CHECK-NEXT: arith.addf
  // CHECK: ^bb0(%[[X:.*]]: f32, %[[MAX:.*]]: f32, %[[SUM:.*]]: f32, %{{.*}}: f32):
  // CHECK-NEXT: %[[S:.*]] = arith.subf %[[X]], %[[MAX]] : f32
  // CHECK-NEXT: %[[L:.*]] = math.log %[[SUM]] : f32
  // CHECK-NEXT: arith.subf %[[S]], %[[L]] : f32
  %0 = edge.log_softmax %x {axis = 1} : tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

// hardmax: 1.0 where the position along the axis is the first maximum's.
// CHECK-LABEL: func.func @hardmax
func.func @hardmax(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
  // CHECK: %[[ARG:.*]]:2 = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]
  // CHECK: arith.cmpf ogt
  // CHECK: ^bb0(%[[BEST:.*]]: i64, %{{.*}}: f32):
  // CHECK-NEXT: %[[I:.*]] = linalg.index 1 : index
  // CHECK-NEXT: %[[I64:.*]] = arith.index_cast %[[I]] : index to i64
  // CHECK-NEXT: %[[HIT:.*]] = arith.cmpi eq, %[[I64]], %[[BEST]] : i64
  // CHECK-NEXT: arith.uitofp %[[HIT]] : i1 to f32
  %0 = edge.hardmax %x {axis = 1} : tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

// lp_norm divides by sum(|x|) (p = 1) or sqrt(sum(x * x)) (p = 2).
// CHECK-LABEL: func.func @lp_norm
func.func @lp_norm(%x: tensor<2x5xf32>) -> (tensor<2x5xf32>, tensor<2x5xf32>) {
  // CHECK: math.absf
  // CHECK: ^bb0(%[[X:.*]]: f32, %[[N:.*]]: f32, %{{.*}}: f32):
  // CHECK-NEXT: arith.divf %[[X]], %[[N]] : f32
  // CHECK: arith.mulf
  // CHECK: ^bb0(%[[X2:.*]]: f32, %[[S2:.*]]: f32, %{{.*}}: f32):
  // CHECK-NEXT: %[[N2:.*]] = math.sqrt %[[S2]] : f32
  // CHECK-NEXT: arith.divf %[[X2]], %[[N2]] : f32
  %0 = edge.lp_norm %x {axis = 1, p = 1} : tensor<2x5xf32>
  %1 = edge.lp_norm %x {axis = 1, p = 2} : tensor<2x5xf32>
  return %0, %1 : tensor<2x5xf32>, tensor<2x5xf32>
}
