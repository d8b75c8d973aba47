// RUN: edgec-opt %s -edgec-convert-graph-to-linalg -canonicalize -split-input-file | FileCheck %s
// Activations become one elementwise linalg.generic; attributes are
// constants of the body. Selects on ordered comparisons keep NaN where ONNX's
// formulas do.

// Integer ReLU (Relu-14) is maxsi with 0.
// CHECK-LABEL: func.func @relu_int
// CHECK-SAME: (%[[X:.*]]: tensor<4xi32>)
// CHECK-DAG: %[[I0:.*]] = arith.constant 0 : i32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xi32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: i32, %{{.*}}: i32):
// CHECK-NEXT: %[[V2:.*]] = arith.maxsi %[[IN]], %[[I0]] : i32
// CHECK-NEXT: linalg.yield %[[V2]] : i32
func.func @relu_int(%x: tensor<4xi32>) -> tensor<4xi32> {
  %0 = edge.relu %x : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// max(x, 0) + log1p(exp(-|x|)), with Kahan's log1p; neither term overflows.
// CHECK-LABEL: func.func @softplus
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[INF:.*]] = arith.constant 0x7F800000 : f32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = arith.cmpf olt, %[[IN]], %[[ZERO]] : f32
// CHECK-NEXT: %[[V3:.*]] = arith.select %[[V2]], %[[ZERO]], %[[IN]] : f32
// CHECK-NEXT: %[[V4:.*]] = math.absf %[[IN]] : f32
// CHECK-NEXT: %[[V5:.*]] = arith.negf %[[V4]] : f32
// CHECK-NEXT: %[[V6:.*]] = math.exp %[[V5]] : f32
// CHECK-NEXT: %[[V7:.*]] = arith.addf %[[V6]], %[[ONE]] : f32
// CHECK-NEXT: %[[V8:.*]] = arith.subf %[[V7]], %[[ONE]] : f32
// CHECK-NEXT: %[[V9:.*]] = math.log %[[V7]] : f32
// CHECK-NEXT: %[[V10:.*]] = arith.divf %[[V6]], %[[V8]] : f32
// CHECK-NEXT: %[[V11:.*]] = arith.mulf %[[V9]], %[[V10]] : f32
// CHECK-NEXT: %[[V12:.*]] = arith.cmpf oeq, %[[V8]], %[[ZERO]] : f32
// CHECK-NEXT: %[[V13:.*]] = arith.cmpf oeq, %[[V7]], %[[INF]] : f32
// CHECK-NEXT: %[[V14:.*]] = arith.select %[[V13]], %[[V7]], %[[V11]] : f32
// CHECK-NEXT: %[[V15:.*]] = arith.select %[[V12]], %[[V6]], %[[V14]] : f32
// CHECK-NEXT: %[[V16:.*]] = arith.addf %[[V3]], %[[V15]] : f32
// CHECK-NEXT: linalg.yield %[[V16]] : f32
func.func @softplus(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.softplus %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @softsign
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = math.absf %[[IN]] : f32
// CHECK-NEXT: %[[V3:.*]] = arith.addf %[[V2]], %[[ONE]] : f32
// CHECK-NEXT: %[[V4:.*]] = arith.divf %[[IN]], %[[V3]] : f32
// CHECK-NEXT: linalg.yield %[[V4]] : f32
func.func @softsign(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.softsign %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// clamp(alpha x + beta, 0, 1) as numpy.clip: raise, then lower.
// CHECK-LABEL: func.func @hard_sigmoid
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[HALF:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-DAG: %[[C0:.*]] = arith.constant 2.500000e-01 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V3:.*]] = arith.mulf %[[IN]], %[[C0]] : f32
// CHECK-NEXT: %[[V4:.*]] = arith.addf %[[V3]], %[[HALF]] : f32
// CHECK-NEXT: %[[V5:.*]] = arith.cmpf olt, %[[V4]], %[[ZERO]] : f32
// CHECK-NEXT: %[[V6:.*]] = arith.select %[[V5]], %[[ZERO]], %[[V4]] : f32
// CHECK-NEXT: %[[V7:.*]] = arith.cmpf ogt, %[[V6]], %[[ONE]] : f32
// CHECK-NEXT: %[[V8:.*]] = arith.select %[[V7]], %[[ONE]], %[[V6]] : f32
// CHECK-NEXT: linalg.yield %[[V8]] : f32
func.func @hard_sigmoid(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.hard_sigmoid %x {alpha = 0.25 : f32, beta = 0.5 : f32} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// x clamp(x / 6 + 1 / 2, 0, 1).
// CHECK-LABEL: func.func @hard_swish
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[HALF:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-DAG: %[[C0:.*]] = arith.constant 0.166666672 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V3:.*]] = arith.mulf %[[IN]], %[[C0]] : f32
// CHECK-NEXT: %[[V4:.*]] = arith.addf %[[V3]], %[[HALF]] : f32
// CHECK-NEXT: %[[V5:.*]] = arith.cmpf olt, %[[V4]], %[[ZERO]] : f32
// CHECK-NEXT: %[[V6:.*]] = arith.select %[[V5]], %[[ZERO]], %[[V4]] : f32
// CHECK-NEXT: %[[V7:.*]] = arith.cmpf ogt, %[[V6]], %[[ONE]] : f32
// CHECK-NEXT: %[[V8:.*]] = arith.select %[[V7]], %[[ONE]], %[[V6]] : f32
// CHECK-NEXT: %[[V9:.*]] = arith.mulf %[[IN]], %[[V8]] : f32
// CHECK-NEXT: linalg.yield %[[V9]] : f32
func.func @hard_swish(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.hard_swish %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @leaky_relu
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[C0:.*]] = arith.constant 1.000000e-01 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V3:.*]] = arith.mulf %[[IN]], %[[C0]] : f32
// CHECK-NEXT: %[[V4:.*]] = arith.cmpf olt, %[[IN]], %[[ZERO]] : f32
// CHECK-NEXT: %[[V5:.*]] = arith.select %[[V4]], %[[V3]], %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V5]] : f32
func.func @leaky_relu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.leaky_relu %x {alpha = 0.1 : f32} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// alpha expm1(x) below 0, with Kahan's expm1 (exp(x) - 1 corrected by
// x / log(exp(x))).
// CHECK-LABEL: func.func @elu
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[INF:.*]] = arith.constant 0x7F800000 : f32
// CHECK-DAG: %[[MINUS_ONE:.*]] = arith.constant -1.000000e+00 : f32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-DAG: %[[TWO:.*]] = arith.constant 2.000000e+00 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = math.exp %[[IN]] : f32
// CHECK-NEXT: %[[V3:.*]] = arith.subf %[[V2]], %[[ONE]] : f32
// CHECK-NEXT: %[[V4:.*]] = math.log %[[V2]] : f32
// CHECK-NEXT: %[[V5:.*]] = arith.divf %[[IN]], %[[V4]] : f32
// CHECK-NEXT: %[[V6:.*]] = arith.mulf %[[V3]], %[[V5]] : f32
// CHECK-NEXT: %[[V7:.*]] = arith.cmpf oeq, %[[V2]], %[[ONE]] : f32
// CHECK-NEXT: %[[V8:.*]] = arith.cmpf oeq, %[[V3]], %[[MINUS_ONE]] : f32
// CHECK-NEXT: %[[V9:.*]] = arith.cmpf oeq, %[[V2]], %[[INF]] : f32
// CHECK-NEXT: %[[V10:.*]] = arith.select %[[V9]], %[[V2]], %[[V6]] : f32
// CHECK-NEXT: %[[V11:.*]] = arith.select %[[V8]], %[[MINUS_ONE]], %[[V10]] : f32
// CHECK-NEXT: %[[V12:.*]] = arith.select %[[V7]], %[[IN]], %[[V11]] : f32
// CHECK-NEXT: %[[V13:.*]] = arith.mulf %[[V12]], %[[TWO]] : f32
// CHECK-NEXT: %[[V14:.*]] = arith.cmpf olt, %[[IN]], %[[ZERO]] : f32
// CHECK-NEXT: %[[V15:.*]] = arith.select %[[V14]], %[[V13]], %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V15]] : f32
func.func @elu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.elu %x {alpha = 2.0 : f32} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// gamma alpha expm1(x) at and below 0, gamma x above.
// CHECK-LABEL: func.func @selu
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[TWO:.*]] = arith.constant 2.000000e+00 : f32
// CHECK-DAG: %[[INF:.*]] = arith.constant 0x7F800000 : f32
// CHECK-DAG: %[[MINUS_ONE:.*]] = arith.constant -1.000000e+00 : f32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-DAG: %[[C0:.*]] = arith.constant 3.000000e+00 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V3:.*]] = math.exp %[[IN]] : f32
// CHECK-NEXT: %[[V4:.*]] = arith.subf %[[V3]], %[[ONE]] : f32
// CHECK-NEXT: %[[V5:.*]] = math.log %[[V3]] : f32
// CHECK-NEXT: %[[V6:.*]] = arith.divf %[[IN]], %[[V5]] : f32
// CHECK-NEXT: %[[V7:.*]] = arith.mulf %[[V4]], %[[V6]] : f32
// CHECK-NEXT: %[[V8:.*]] = arith.cmpf oeq, %[[V3]], %[[ONE]] : f32
// CHECK-NEXT: %[[V9:.*]] = arith.cmpf oeq, %[[V4]], %[[MINUS_ONE]] : f32
// CHECK-NEXT: %[[V10:.*]] = arith.cmpf oeq, %[[V3]], %[[INF]] : f32
// CHECK-NEXT: %[[V11:.*]] = arith.select %[[V10]], %[[V3]], %[[V7]] : f32
// CHECK-NEXT: %[[V12:.*]] = arith.select %[[V9]], %[[MINUS_ONE]], %[[V11]] : f32
// CHECK-NEXT: %[[V13:.*]] = arith.select %[[V8]], %[[IN]], %[[V12]] : f32
// CHECK-NEXT: %[[V14:.*]] = arith.mulf %[[V13]], %[[C0]] : f32
// CHECK-NEXT: %[[V15:.*]] = arith.mulf %[[IN]], %[[TWO]] : f32
// CHECK-NEXT: %[[V16:.*]] = arith.cmpf ole, %[[IN]], %[[ZERO]] : f32
// CHECK-NEXT: %[[V17:.*]] = arith.select %[[V16]], %[[V14]], %[[V15]] : f32
// CHECK-NEXT: linalg.yield %[[V17]] : f32
func.func @selu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.selu %x {alpha = 1.5 : f32, gamma = 2.0 : f32} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// alpha expm1(x / alpha) below 0, x above.
// CHECK-LABEL: func.func @celu
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[INF:.*]] = arith.constant 0x7F800000 : f32
// CHECK-DAG: %[[MINUS_ONE:.*]] = arith.constant -1.000000e+00 : f32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-DAG: %[[TWO:.*]] = arith.constant 2.000000e+00 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = arith.divf %[[IN]], %[[TWO]] : f32
// CHECK-NEXT: %[[V3:.*]] = math.exp %[[V2]] : f32
// CHECK-NEXT: %[[V4:.*]] = arith.subf %[[V3]], %[[ONE]] : f32
// CHECK-NEXT: %[[V5:.*]] = math.log %[[V3]] : f32
// CHECK-NEXT: %[[V6:.*]] = arith.divf %[[V2]], %[[V5]] : f32
// CHECK-NEXT: %[[V7:.*]] = arith.mulf %[[V4]], %[[V6]] : f32
// CHECK-NEXT: %[[V8:.*]] = arith.cmpf oeq, %[[V3]], %[[ONE]] : f32
// CHECK-NEXT: %[[V9:.*]] = arith.cmpf oeq, %[[V4]], %[[MINUS_ONE]] : f32
// CHECK-NEXT: %[[V10:.*]] = arith.cmpf oeq, %[[V3]], %[[INF]] : f32
// CHECK-NEXT: %[[V11:.*]] = arith.select %[[V10]], %[[V3]], %[[V7]] : f32
// CHECK-NEXT: %[[V12:.*]] = arith.select %[[V9]], %[[MINUS_ONE]], %[[V11]] : f32
// CHECK-NEXT: %[[V13:.*]] = arith.select %[[V8]], %[[V2]], %[[V12]] : f32
// CHECK-NEXT: %[[V14:.*]] = arith.mulf %[[V13]], %[[TWO]] : f32
// CHECK-NEXT: %[[V15:.*]] = arith.cmpf olt, %[[IN]], %[[ZERO]] : f32
// CHECK-NEXT: %[[V16:.*]] = arith.select %[[V15]], %[[V14]], %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V16]] : f32
func.func @celu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.celu %x {alpha = 2.0 : f32} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @thresholded_relu
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[C0:.*]] = arith.constant 1.500000e+00 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V3:.*]] = arith.cmpf ogt, %[[IN]], %[[C0]] : f32
// CHECK-NEXT: %[[V4:.*]] = arith.select %[[V3]], %[[IN]], %[[ZERO]] : f32
// CHECK-NEXT: linalg.yield %[[V4]] : f32
func.func @thresholded_relu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.thresholded_relu %x {alpha = 1.5 : f32} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @shrink
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[HALF:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-DAG: %[[C0:.*]] = arith.constant -5.000000e-01 : f32
// CHECK-DAG: %[[C1:.*]] = arith.constant 2.500000e-01 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V4:.*]] = arith.cmpf olt, %[[IN]], %[[C0]] : f32
// CHECK-NEXT: %[[V5:.*]] = arith.addf %[[IN]], %[[C1]] : f32
// CHECK-NEXT: %[[V6:.*]] = arith.cmpf ogt, %[[IN]], %[[HALF]] : f32
// CHECK-NEXT: %[[V7:.*]] = arith.subf %[[IN]], %[[C1]] : f32
// CHECK-NEXT: %[[V8:.*]] = arith.select %[[V6]], %[[V7]], %[[ZERO]] : f32
// CHECK-NEXT: %[[V9:.*]] = arith.select %[[V4]], %[[V5]], %[[V8]] : f32
// CHECK-NEXT: linalg.yield %[[V9]] : f32
func.func @shrink(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.shrink %x {bias = 0.25 : f32, lambd = 0.5 : f32} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// The slope [3, 1, 1] broadcasts along the channels of [1, 3, 2, 2].
// CHECK-DAG: #[[SLOPE:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @prelu
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x2x2xf32>, %[[Y:.*]]: tensor<3x1x1xf32>)
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[V0:.*]] = tensor.collapse_shape %[[Y]] {{\[}}[0, 1, 2]] : tensor<3x1x1xf32> into tensor<3xf32>
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[SLOPE]], #[[ID]]]{{.*}} ins(%[[X]], %[[V0]] : tensor<1x3x2x2xf32>, tensor<3xf32>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: f32, %[[B:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V3:.*]] = arith.cmpf olt, %[[A]], %[[ZERO]] : f32
// CHECK-NEXT: %[[V4:.*]] = arith.mulf %[[B]], %[[A]] : f32
// CHECK-NEXT: %[[V5:.*]] = arith.select %[[V3]], %[[V4]], %[[A]] : f32
// CHECK-NEXT: linalg.yield %[[V5]] : f32
func.func @prelu(%x: tensor<1x3x2x2xf32>, %s: tensor<3x1x1xf32>) -> tensor<1x3x2x2xf32> {
  %0 = edge.prelu %x, %s : (tensor<1x3x2x2xf32>, tensor<3x1x1xf32>) -> tensor<1x3x2x2xf32>
  return %0 : tensor<1x3x2x2xf32>
}
