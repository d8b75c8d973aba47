// RUN: edgec-opt %s -edgec-convert-graph-to-linalg -split-input-file | FileCheck %s

// A sum is a generic with a reduction iterator on the reduced dimension,
// accumulating (reassociable, so loops vectorize) into zeros; keepdims is a
// reshape of the result.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[RED:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-LABEL: func.func @reduce_sum_keepdims
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @reduce_sum_keepdims(%x: tensor<2x3x4xf32>) -> tensor<2x1x4xf32> {
  // CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
  // CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<2x4xf32>)
  // CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[RED]]], iterator_types = ["parallel", "reduction", "parallel"]}
  // CHECK-SAME: ins(%[[X]] : tensor<2x3x4xf32>) outs(%[[INIT]] : tensor<2x4xf32>)
  // CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %[[ACC:.*]]: f32):
  // CHECK-NEXT: %[[ADD:.*]] = arith.addf %[[ACC]], %[[IN]] fastmath<reassoc> : f32
  // CHECK-NEXT: linalg.yield %[[ADD]]
  // CHECK: %[[R:.*]] = tensor.expand_shape {{.*}} into tensor<2x1x4xf32>
  // CHECK: return %[[R]]
  %0 = edge.reduce_sum %x {axes = array<i64: 1>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
  return %0 : tensor<2x1x4xf32>
}

// -----

// The mean divides the sum by the number of reduced elements (3 * 4).
// CHECK-LABEL: func.func @reduce_mean
func.func @reduce_mean(%x: tensor<2x3x4xf32>) -> tensor<2xf32> {
  // CHECK: %[[SUM:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction", "reduction"]
  // CHECK: linalg.generic {{.*}} ins(%[[SUM]] : tensor<2xf32>)
  // CHECK: %[[N:.*]] = arith.constant 1.200000e+01 : f32
  // CHECK-NEXT: arith.divf %{{.*}}, %[[N]] : f32
  %0 = edge.reduce_mean %x {axes = array<i64: 1, 2>, keepdims = false} : (tensor<2x3x4xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// Float max starts from -inf and propagates NaN (maximumf); integer max
// starts from the smallest integer.
// CHECK-LABEL: func.func @reduce_max
func.func @reduce_max(%x: tensor<2x3xf32>, %i: tensor<2x3xi32>) -> (tensor<2xf32>, tensor<3xi32>) {
  // CHECK: %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
  // CHECK: linalg.fill ins(%[[NEG_INF]] : f32)
  // CHECK: arith.maximumf
  // CHECK: %[[MIN_I32:.*]] = arith.constant -2147483648 : i32
  // CHECK: linalg.fill ins(%[[MIN_I32]] : i32)
  // CHECK: iterator_types = ["reduction", "parallel"]
  // CHECK: arith.maxsi
  %0 = edge.reduce_max %x {axes = array<i64: 1>, keepdims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  %1 = edge.reduce_max %i {axes = array<i64: 0>, keepdims = false} : (tensor<2x3xi32>) -> tensor<3xi32>
  return %0, %1 : tensor<2xf32>, tensor<3xi32>
}

// -----

// Min, prod, L1 and sum of squares change the start, the combination or
// what is combined.
// CHECK-LABEL: func.func @reduce_kinds
func.func @reduce_kinds(%x: tensor<2x3xf32>, %i: tensor<2x3xi64>) -> (tensor<2xf32>, tensor<2xf32>, tensor<2xi64>, tensor<2xf32>) {
  // CHECK: %[[INF:.*]] = arith.constant 0x7F800000 : f32
  // CHECK: linalg.fill ins(%[[INF]] : f32)
  // CHECK: arith.minimumf
  // CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
  // CHECK: linalg.fill ins(%[[ONE]] : f32)
  // CHECK: arith.mulf %{{.*}}, %{{.*}} fastmath<reassoc> : f32
  // CHECK: ^bb0(%[[IN:.*]]: i64, %[[ACC:.*]]: i64):
  // CHECK-NEXT: %[[ABS:.*]] = math.absi %[[IN]] : i64
  // CHECK-NEXT: arith.addi %[[ACC]], %[[ABS]] : i64
  // CHECK: ^bb0(%[[IN2:.*]]: f32, %[[ACC2:.*]]: f32):
  // CHECK-NEXT: %[[SQ:.*]] = arith.mulf %[[IN2]], %[[IN2]] : f32
  // CHECK-NEXT: arith.addf %[[ACC2]], %[[SQ]] fastmath<reassoc> : f32
  %0 = edge.reduce_min %x {axes = array<i64: 1>, keepdims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  %1 = edge.reduce_prod %x {axes = array<i64: 1>, keepdims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  %2 = edge.reduce_l1 %i {axes = array<i64: 1>, keepdims = false} : (tensor<2x3xi64>) -> tensor<2xi64>
  %3 = edge.reduce_sum_square %x {axes = array<i64: 1>, keepdims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0, %1, %2, %3 : tensor<2xf32>, tensor<2xf32>, tensor<2xi64>, tensor<2xf32>
}

// -----

// L2 and log-sum finish the sum elementwise.
// CHECK-LABEL: func.func @reduce_finish
func.func @reduce_finish(%x: tensor<2x3xf32>) -> (tensor<2xf32>, tensor<2xf32>) {
  // CHECK: arith.mulf
  // CHECK: arith.addf
  // CHECK: math.sqrt
  // CHECK: arith.addf
  // CHECK: math.log
  %0 = edge.reduce_l2 %x {axes = array<i64: 1>, keepdims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  %1 = edge.reduce_log_sum %x {axes = array<i64: 1>, keepdims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0, %1 : tensor<2xf32>, tensor<2xf32>
}

// -----

// log-sum-exp: the maximum (0 where infinite) is the shift, exp(x - shift)
// is summed, and the result is shift + log(sum).
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @reduce_log_sum_exp
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @reduce_log_sum_exp(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  // CHECK: %[[MAX:.*]] = linalg.generic {{.*}} ins(%[[X]] : tensor<2x3xf32>)
  // CHECK: arith.maximumf
  // CHECK: %[[SHIFT:.*]] = linalg.generic {{.*}} ins(%[[MAX]] : tensor<2xf32>)
  // CHECK: math.absf
  // CHECK: arith.cmpf olt
  // CHECK: arith.select
  // CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ROW]]], iterator_types = ["parallel", "reduction"]} ins(%[[X]], %[[SHIFT]] : tensor<2x3xf32>, tensor<2xf32>)
  // CHECK: arith.subf
  // CHECK-NEXT: math.exp
  // CHECK: linalg.generic {{.*}} ins(%[[SHIFT]], %[[SUM]] : tensor<2xf32>, tensor<2xf32>)
  // CHECK: math.log
  // CHECK-NEXT: arith.addf
  %0 = edge.reduce_log_sum_exp %x {axes = array<i64: 1>, keepdims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// argmax carries the best value and its position (linalg.index of the
// axis); a NaN replaces a number.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @argmax
func.func @argmax(%x: tensor<2x5xf32>) -> tensor<2x1xi64> {
  // CHECK: %[[R:.*]]:2 = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ROW]]], iterator_types = ["parallel", "reduction"]}
  // CHECK-SAME: outs(%{{.*}}, %{{.*}} : tensor<2xf32>, tensor<2xi64>)
  // CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %[[BEST:.*]]: f32, %[[POS:.*]]: i64):
  // CHECK-NEXT: %[[GT:.*]] = arith.cmpf ogt, %[[IN]], %[[BEST]] : f32
  // CHECK-NEXT: %[[NAN:.*]] = arith.cmpf uno, %[[IN]], %[[IN]] : f32
  // CHECK-NEXT: %[[NUM:.*]] = arith.cmpf ord, %[[BEST]], %[[BEST]] : f32
  // CHECK-NEXT: %[[TAKE_NAN:.*]] = arith.andi %[[NAN]], %[[NUM]] : i1
  // CHECK-NEXT: %[[BETTER:.*]] = arith.ori %[[GT]], %[[TAKE_NAN]] : i1
  // CHECK-NEXT: %[[I:.*]] = linalg.index 1 : index
  // CHECK-NEXT: %[[I64:.*]] = arith.index_cast %[[I]] : index to i64
  // CHECK-NEXT: %[[V:.*]] = arith.select %[[BETTER]], %[[IN]], %[[BEST]] : f32
  // CHECK-NEXT: %[[P:.*]] = arith.select %[[BETTER]], %[[I64]], %[[POS]] : i64
  // CHECK-NEXT: linalg.yield %[[V]], %[[P]]
  // CHECK: tensor.expand_shape %[[R]]#1 {{.*}} into tensor<2x1xi64>
  %0 = edge.argmax %x {axis = 1, keepdims = true, select_last_index = false} : (tensor<2x5xf32>) -> tensor<2x1xi64>
  return %0 : tensor<2x1xi64>
}

// -----

// argmin with select_last_index takes equal elements too (ole), and any NaN.
// CHECK-LABEL: func.func @argmin_last
func.func @argmin_last(%x: tensor<2x5xf32>, %i: tensor<2x5xi32>) -> (tensor<5xi64>, tensor<2xi64>) {
  // CHECK: %[[INF:.*]] = arith.constant 0x7F800000 : f32
  // CHECK: ^bb0(%[[IN:.*]]: f32, %[[BEST:.*]]: f32, %{{.*}}: i64):
  // CHECK-NEXT: %[[LE:.*]] = arith.cmpf ole, %[[IN]], %[[BEST]] : f32
  // CHECK-NEXT: %[[NAN:.*]] = arith.cmpf uno, %[[IN]], %[[IN]] : f32
  // CHECK-NEXT: arith.ori %[[LE]], %[[NAN]] : i1
  // CHECK: arith.constant 2147483647 : i32
  // CHECK: arith.cmpi slt
  %0 = edge.argmin %x {axis = 0, keepdims = false, select_last_index = true} : (tensor<2x5xf32>) -> tensor<5xi64>
  %1 = edge.argmin %i {axis = 1, keepdims = false, select_last_index = false} : (tensor<2x5xi32>) -> tensor<2xi64>
  return %0, %1 : tensor<5xi64>, tensor<2xi64>
}

// -----

// topk ranks every element against every other along the axis (an extra
// reduction dimension d2 reads x at the other position), then selects the
// element of each rank below k.
// CHECK-DAG: #[[AT_I:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[AT_M:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-LABEL: func.func @topk
// CHECK-SAME: (%[[X:.*]]: tensor<2x5xf32>)
func.func @topk(%x: tensor<2x5xf32>) -> (tensor<2x3xf32>, tensor<2x3xi64>) {
  // CHECK: %[[RANKS:.*]] = linalg.generic {indexing_maps = [#[[AT_I]], #[[AT_M]], #[[AT_I]]], iterator_types = ["parallel", "parallel", "reduction"]}
  // CHECK-SAME: ins(%[[X]], %[[X]] : tensor<2x5xf32>, tensor<2x5xf32>) outs(%{{.*}} : tensor<2x5xi64>)
  // CHECK: arith.cmpf ogt
  // CHECK: arith.cmpf oeq
  // CHECK: arith.cmpi slt
  // CHECK: arith.extui
  // CHECK: arith.addi
  // CHECK: %[[SEL:.*]]:2 = linalg.generic {indexing_maps = [#[[AT_M]], #[[AT_M]], #[[AT_I]], #[[AT_I]]], iterator_types = ["parallel", "parallel", "reduction"]}
  // CHECK-SAME: ins(%[[X]], %[[RANKS]] : tensor<2x5xf32>, tensor<2x5xi64>) outs(%{{.*}}, %{{.*}} : tensor<2x3xf32>, tensor<2x3xi64>)
  // CHECK-NEXT: ^bb0(%[[V:.*]]: f32, %[[RANK:.*]]: i64, %[[ACC_V:.*]]: f32, %[[ACC_I:.*]]: i64):
  // CHECK-NEXT: %[[J:.*]] = linalg.index 1 : index
  // CHECK-NEXT: %[[J64:.*]] = arith.index_cast %[[J]] : index to i64
  // CHECK-NEXT: %[[M:.*]] = linalg.index 2 : index
  // CHECK-NEXT: %[[M64:.*]] = arith.index_cast %[[M]] : index to i64
  // CHECK-NEXT: %[[HIT:.*]] = arith.cmpi eq, %[[RANK]], %[[J64]] : i64
  // CHECK-NEXT: arith.select %[[HIT]], %[[V]], %[[ACC_V]] : f32
  // CHECK-NEXT: arith.select %[[HIT]], %[[M64]], %[[ACC_I]] : i64
  // CHECK: return %[[SEL]]#0, %[[SEL]]#1
  %0:2 = edge.topk %x {axis = 1, k = 3, largest = true, sorted = true} : (tensor<2x5xf32>) -> (tensor<2x3xf32>, tensor<2x3xi64>)
  return %0#0, %0#1 : tensor<2x3xf32>, tensor<2x3xi64>
}

// -----

// The smallest k prefer the lower value.
// CHECK-LABEL: func.func @topk_smallest_int
func.func @topk_smallest_int(%x: tensor<6xi32>) -> (tensor<2xi32>, tensor<2xi64>) {
  // CHECK: arith.cmpi slt, %{{.*}}, %{{.*}} : i32
  // CHECK: arith.cmpi eq, %{{.*}}, %{{.*}} : i32
  %0:2 = edge.topk %x {axis = 0, k = 2, largest = false, sorted = true} : (tensor<6xi32>) -> (tensor<2xi32>, tensor<2xi64>)
  return %0#0, %0#1 : tensor<2xi32>, tensor<2xi64>
}

// -----

// cumsum adds input[m] into output[i] where the mode includes m (here
// exclusive: m < i).
// CHECK-DAG: #[[AT_M:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[AT_I:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @cumsum_exclusive
func.func @cumsum_exclusive(%x: tensor<2x5xi64>) -> tensor<2x5xi64> {
  // CHECK: linalg.generic {indexing_maps = [#[[AT_M]], #[[AT_I]]], iterator_types = ["parallel", "parallel", "reduction"]}
  // CHECK-NEXT: ^bb0(%[[IN:.*]]: i64, %[[ACC:.*]]: i64):
  // CHECK-NEXT: %[[I:.*]] = linalg.index 1 : index
  // CHECK-NEXT: %[[M:.*]] = linalg.index 2 : index
  // CHECK-NEXT: %[[INC:.*]] = arith.cmpi slt, %[[M]], %[[I]] : index
  // CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0 : i64
  // CHECK-NEXT: %[[TERM:.*]] = arith.select %[[INC]], %[[IN]], %[[ZERO]] : i64
  // CHECK-NEXT: arith.addi %[[ACC]], %[[TERM]] : i64
  %0 = edge.cumsum %x {axis = 1, exclusive = true, reverse = false} : tensor<2x5xi64>
  return %0 : tensor<2x5xi64>
}

// -----

// reverse includes m >= i.
// CHECK-LABEL: func.func @cumsum_reverse
func.func @cumsum_reverse(%x: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: arith.cmpi sge, %{{.*}}, %{{.*}} : index
  // CHECK: arith.addf
  %0 = edge.cumsum %x {axis = 0, exclusive = false, reverse = true} : tensor<4xf32>
  return %0 : tensor<4xf32>
}
