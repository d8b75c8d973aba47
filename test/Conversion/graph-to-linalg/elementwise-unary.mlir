// RUN: edgec-opt %s -edgec-convert-graph-to-linalg -canonicalize -split-input-file | FileCheck %s
// Unary math ops become one elementwise linalg.generic whose body computes an
// element with arith ops and the math ops that have LLVM intrinsics (exp,
// log, sqrt, sin, cos, floor, ceil, roundeven, absf, copysign). Functions
// without an intrinsic (tanh, erf, the inverse and hyperbolic ones) are
// polynomials or identities over those, so the loops vectorize; -canonicalize
// hoists the constants out of the body.

// CHECK-LABEL: func.func @abs
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = math.absf %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
func.func @abs(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.abs %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Integers use math.absi (wrapping at INT_MIN).
// CHECK-LABEL: func.func @abs_int
// CHECK-SAME: (%[[X:.*]]: tensor<4xi64>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xi64>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: i64, %{{.*}}: i64):
// CHECK-NEXT: %[[V2:.*]] = math.absi %[[IN]] : i64
// CHECK-NEXT: linalg.yield %[[V2]] : i64
func.func @abs_int(%x: tensor<4xi64>) -> tensor<4xi64> {
  %0 = edge.abs %x : tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// CHECK-LABEL: func.func @neg
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = arith.negf %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
func.func @neg(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.neg %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @neg_int
// CHECK-SAME: (%[[X:.*]]: tensor<4xi32>)
// CHECK-DAG: %[[I0:.*]] = arith.constant 0 : i32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xi32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: i32, %{{.*}}: i32):
// CHECK-NEXT: %[[V2:.*]] = arith.subi %[[I0]], %[[IN]] : i32
// CHECK-NEXT: linalg.yield %[[V2]] : i32
func.func @neg_int(%x: tensor<4xi32>) -> tensor<4xi32> {
  %0 = edge.neg %x : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// Zeros and NaN fall through both comparisons and stay as they are.
// CHECK-LABEL: func.func @sign
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[MINUS_ONE:.*]] = arith.constant -1.000000e+00 : f32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = arith.cmpf ogt, %[[IN]], %[[ZERO]] : f32
// CHECK-NEXT: %[[V3:.*]] = arith.cmpf olt, %[[IN]], %[[ZERO]] : f32
// CHECK-NEXT: %[[V4:.*]] = arith.select %[[V3]], %[[MINUS_ONE]], %[[IN]] : f32
// CHECK-NEXT: %[[V5:.*]] = arith.select %[[V2]], %[[ONE]], %[[V4]] : f32
// CHECK-NEXT: linalg.yield %[[V5]] : f32
func.func @sign(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.sign %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @sign_int
// CHECK-SAME: (%[[X:.*]]: tensor<4xi64>)
// CHECK-DAG: %[[IM1:.*]] = arith.constant -1 : i64
// CHECK-DAG: %[[I1:.*]] = arith.constant 1 : i64
// CHECK-DAG: %[[I0:.*]] = arith.constant 0 : i64
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xi64>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: i64, %{{.*}}: i64):
// CHECK-NEXT: %[[V2:.*]] = arith.cmpi sgt, %[[IN]], %[[I0]] : i64
// CHECK-NEXT: %[[V3:.*]] = arith.cmpi slt, %[[IN]], %[[I0]] : i64
// CHECK-NEXT: %[[V4:.*]] = arith.select %[[V3]], %[[IM1]], %[[I0]] : i64
// CHECK-NEXT: %[[V5:.*]] = arith.select %[[V2]], %[[I1]], %[[V4]] : i64
// CHECK-NEXT: linalg.yield %[[V5]] : i64
func.func @sign_int(%x: tensor<4xi64>) -> tensor<4xi64> {
  %0 = edge.sign %x : tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// CHECK-LABEL: func.func @exp
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = math.exp %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
func.func @exp(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.exp %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @log
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = math.log %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
func.func @log(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.log %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @sqrt
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = math.sqrt %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
func.func @sqrt(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.sqrt %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @reciprocal
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = arith.divf %[[ONE]], %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
func.func @reciprocal(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.reciprocal %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @sin
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = math.sin %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
func.func @sin(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.sin %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @cos
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = math.cos %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
func.func @cos(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.cos %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// tan is sin / cos.
// CHECK-LABEL: func.func @tan
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = math.sin %[[IN]] : f32
// CHECK-NEXT: %[[V3:.*]] = math.cos %[[IN]] : f32
// CHECK-NEXT: %[[V4:.*]] = arith.divf %[[V2]], %[[V3]] : f32
// CHECK-NEXT: linalg.yield %[[V4]] : f32
func.func @tan(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.tan %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @floor
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = math.floor %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
func.func @floor(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.floor %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @ceil
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = math.ceil %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
func.func @ceil(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.ceil %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Halves round to even.
// CHECK-LABEL: func.func @round
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = math.roundeven %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
func.func @round(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.round %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// A polynomial in x^2 below 0.625 (no cancellation), 1 - 2 / (exp(2|x|) + 1)
// above with the sign of x.
// CHECK-LABEL: func.func @tanh
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[C0:.*]] = arith.constant 6.250000e-01 : f32
// CHECK-DAG: %[[TWO:.*]] = arith.constant 2.000000e+00 : f32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-DAG: %[[C1:.*]] = arith.constant -0.333332598 : f32
// CHECK-DAG: %[[C2:.*]] = arith.constant 0.133310914 : f32
// CHECK-DAG: %[[C3:.*]] = arith.constant -0.0537184849 : f32
// CHECK-DAG: %[[C4:.*]] = arith.constant 0.020583488 : f32
// CHECK-DAG: %[[C5:.*]] = arith.constant -0.00565235503 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V8:.*]] = math.absf %[[IN]] : f32
// CHECK-NEXT: %[[V9:.*]] = arith.mulf %[[IN]], %[[IN]] : f32
// CHECK-NEXT: %[[V10:.*]] = arith.mulf %[[V9]], %[[C5]] : f32
// CHECK-NEXT: %[[V11:.*]] = arith.addf %[[V10]], %[[C4]] : f32
// CHECK-NEXT: %[[V12:.*]] = arith.mulf %[[V11]], %[[V9]] : f32
// CHECK-NEXT: %[[V13:.*]] = arith.addf %[[V12]], %[[C3]] : f32
// CHECK-NEXT: %[[V14:.*]] = arith.mulf %[[V13]], %[[V9]] : f32
// CHECK-NEXT: %[[V15:.*]] = arith.addf %[[V14]], %[[C2]] : f32
// CHECK-NEXT: %[[V16:.*]] = arith.mulf %[[V15]], %[[V9]] : f32
// CHECK-NEXT: %[[V17:.*]] = arith.addf %[[V16]], %[[C1]] : f32
// CHECK-NEXT: %[[V18:.*]] = arith.mulf %[[V17]], %[[V9]] : f32
// CHECK-NEXT: %[[V19:.*]] = arith.addf %[[V18]], %[[ONE]] : f32
// CHECK-NEXT: %[[V20:.*]] = arith.mulf %[[IN]], %[[V19]] : f32
// CHECK-NEXT: %[[V21:.*]] = arith.addf %[[V8]], %[[V8]] : f32
// CHECK-NEXT: %[[V22:.*]] = math.exp %[[V21]] : f32
// CHECK-NEXT: %[[V23:.*]] = arith.addf %[[V22]], %[[ONE]] : f32
// CHECK-NEXT: %[[V24:.*]] = arith.divf %[[TWO]], %[[V23]] : f32
// CHECK-NEXT: %[[V25:.*]] = arith.subf %[[ONE]], %[[V24]] : f32
// CHECK-NEXT: %[[V26:.*]] = arith.cmpf olt, %[[V8]], %[[C0]] : f32
// CHECK-NEXT: %[[V27:.*]] = math.copysign %[[V25]], %[[IN]] : f32
// CHECK-NEXT: %[[V28:.*]] = arith.select %[[V26]], %[[V20]], %[[V27]] : f32
// CHECK-NEXT: linalg.yield %[[V28]] : f32
func.func @tanh(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.tanh %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// x P(x^2) below 1, a polynomial in (|x| - 2.46) / 1.46 up to 3.92, 1 beyond,
// with the sign of x.
// CHECK-LABEL: func.func @erf
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[C0:.*]] = arith.constant 0.999496698 : f32
// CHECK-DAG: %[[C1:.*]] = arith.constant 0.00387806492 : f32
// CHECK-DAG: %[[C2:.*]] = arith.constant -0.0139316022 : f32
// CHECK-DAG: %[[C3:.*]] = arith.constant 0.0306010973 : f32
// CHECK-DAG: %[[C4:.*]] = arith.constant -0.0450053737 : f32
// CHECK-DAG: %[[C5:.*]] = arith.constant 0.0450977907 : f32
// CHECK-DAG: %[[C6:.*]] = arith.constant -0.0286989734 : f32
// CHECK-DAG: %[[C7:.*]] = arith.constant 0.00652690465 : f32
// CHECK-DAG: %[[C8:.*]] = arith.constant 0.00806570984 : f32
// CHECK-DAG: %[[C9:.*]] = arith.constant -0.00908387918 : f32
// CHECK-DAG: %[[C10:.*]] = arith.constant 0.00228384067 : f32
// CHECK-DAG: %[[C11:.*]] = arith.constant 0.00162961299 : f32
// CHECK-DAG: %[[C12:.*]] = arith.constant -8.59919412E-4 : f32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-DAG: %[[C13:.*]] = arith.constant 3.920000e+00 : f32
// CHECK-DAG: %[[C14:.*]] = arith.constant 0.684931517 : f32
// CHECK-DAG: %[[C15:.*]] = arith.constant 2.460000e+00 : f32
// CHECK-DAG: %[[C16:.*]] = arith.constant 1.12837911 : f32
// CHECK-DAG: %[[C17:.*]] = arith.constant -0.37612319 : f32
// CHECK-DAG: %[[C18:.*]] = arith.constant 0.112801306 : f32
// CHECK-DAG: %[[C19:.*]] = arith.constant -0.0267099496 : f32
// CHECK-DAG: %[[C20:.*]] = arith.constant 0.00491602346 : f32
// CHECK-DAG: %[[C21:.*]] = arith.constant -5.62539615E-4 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V24:.*]] = math.absf %[[IN]] : f32
// CHECK-NEXT: %[[V25:.*]] = arith.mulf %[[IN]], %[[IN]] : f32
// CHECK-NEXT: %[[V26:.*]] = arith.mulf %[[V25]], %[[C21]] : f32
// CHECK-NEXT: %[[V27:.*]] = arith.addf %[[V26]], %[[C20]] : f32
// CHECK-NEXT: %[[V28:.*]] = arith.mulf %[[V27]], %[[V25]] : f32
// CHECK-NEXT: %[[V29:.*]] = arith.addf %[[V28]], %[[C19]] : f32
// CHECK-NEXT: %[[V30:.*]] = arith.mulf %[[V29]], %[[V25]] : f32
// CHECK-NEXT: %[[V31:.*]] = arith.addf %[[V30]], %[[C18]] : f32
// CHECK-NEXT: %[[V32:.*]] = arith.mulf %[[V31]], %[[V25]] : f32
// CHECK-NEXT: %[[V33:.*]] = arith.addf %[[V32]], %[[C17]] : f32
// CHECK-NEXT: %[[V34:.*]] = arith.mulf %[[V33]], %[[V25]] : f32
// CHECK-NEXT: %[[V35:.*]] = arith.addf %[[V34]], %[[C16]] : f32
// CHECK-NEXT: %[[V36:.*]] = arith.mulf %[[IN]], %[[V35]] : f32
// CHECK-NEXT: %[[V37:.*]] = arith.subf %[[V24]], %[[C15]] : f32
// CHECK-NEXT: %[[V38:.*]] = arith.mulf %[[V37]], %[[C14]] : f32
// CHECK-NEXT: %[[V39:.*]] = arith.cmpf oge, %[[V24]], %[[C13]] : f32
// CHECK-NEXT: %[[V40:.*]] = arith.mulf %[[V38]], %[[C12]] : f32
// CHECK-NEXT: %[[V41:.*]] = arith.addf %[[V40]], %[[C11]] : f32
// CHECK-NEXT: %[[V42:.*]] = arith.mulf %[[V41]], %[[V38]] : f32
// CHECK-NEXT: %[[V43:.*]] = arith.addf %[[V42]], %[[C10]] : f32
// CHECK-NEXT: %[[V44:.*]] = arith.mulf %[[V43]], %[[V38]] : f32
// CHECK-NEXT: %[[V45:.*]] = arith.addf %[[V44]], %[[C9]] : f32
// CHECK-NEXT: %[[V46:.*]] = arith.mulf %[[V45]], %[[V38]] : f32
// CHECK-NEXT: %[[V47:.*]] = arith.addf %[[V46]], %[[C8]] : f32
// CHECK-NEXT: %[[V48:.*]] = arith.mulf %[[V47]], %[[V38]] : f32
// CHECK-NEXT: %[[V49:.*]] = arith.addf %[[V48]], %[[C7]] : f32
// CHECK-NEXT: %[[V50:.*]] = arith.mulf %[[V49]], %[[V38]] : f32
// CHECK-NEXT: %[[V51:.*]] = arith.addf %[[V50]], %[[C6]] : f32
// CHECK-NEXT: %[[V52:.*]] = arith.mulf %[[V51]], %[[V38]] : f32
// CHECK-NEXT: %[[V53:.*]] = arith.addf %[[V52]], %[[C5]] : f32
// CHECK-NEXT: %[[V54:.*]] = arith.mulf %[[V53]], %[[V38]] : f32
// CHECK-NEXT: %[[V55:.*]] = arith.addf %[[V54]], %[[C4]] : f32
// CHECK-NEXT: %[[V56:.*]] = arith.mulf %[[V55]], %[[V38]] : f32
// CHECK-NEXT: %[[V57:.*]] = arith.addf %[[V56]], %[[C3]] : f32
// CHECK-NEXT: %[[V58:.*]] = arith.mulf %[[V57]], %[[V38]] : f32
// CHECK-NEXT: %[[V59:.*]] = arith.addf %[[V58]], %[[C2]] : f32
// CHECK-NEXT: %[[V60:.*]] = arith.mulf %[[V59]], %[[V38]] : f32
// CHECK-NEXT: %[[V61:.*]] = arith.addf %[[V60]], %[[C1]] : f32
// CHECK-NEXT: %[[V62:.*]] = arith.mulf %[[V61]], %[[V38]] : f32
// CHECK-NEXT: %[[V63:.*]] = arith.addf %[[V62]], %[[C0]] : f32
// CHECK-NEXT: %[[V64:.*]] = arith.select %[[V39]], %[[ONE]], %[[V63]] : f32
// CHECK-NEXT: %[[V65:.*]] = arith.cmpf olt, %[[V24]], %[[ONE]] : f32
// CHECK-NEXT: %[[V66:.*]] = math.copysign %[[V64]], %[[IN]] : f32
// CHECK-NEXT: %[[V67:.*]] = arith.select %[[V65]], %[[V36]], %[[V66]] : f32
// CHECK-NEXT: linalg.yield %[[V67]] : f32
func.func @erf(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.erf %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Reduced to [0, 1] by atan(a) = pi/2 - atan(1/a), then a polynomial in a^2.
// CHECK-LABEL: func.func @atan
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[C0:.*]] = arith.constant 1.57079637 : f32
// CHECK-DAG: %[[C1:.*]] = arith.constant -0.333330452 : f32
// CHECK-DAG: %[[C2:.*]] = arith.constant 0.199920177 : f32
// CHECK-DAG: %[[C3:.*]] = arith.constant -0.141989201 : f32
// CHECK-DAG: %[[C4:.*]] = arith.constant 0.106226534 : f32
// CHECK-DAG: %[[C5:.*]] = arith.constant -0.0746577904 : f32
// CHECK-DAG: %[[C6:.*]] = arith.constant 0.0422410369 : f32
// CHECK-DAG: %[[C7:.*]] = arith.constant -0.0157938357 : f32
// CHECK-DAG: %[[C8:.*]] = arith.constant 0.00278170779 : f32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V11:.*]] = math.absf %[[IN]] : f32
// CHECK-NEXT: %[[V12:.*]] = arith.cmpf ogt, %[[V11]], %[[ONE]] : f32
// CHECK-NEXT: %[[V13:.*]] = arith.divf %[[ONE]], %[[V11]] : f32
// CHECK-NEXT: %[[V14:.*]] = arith.select %[[V12]], %[[V13]], %[[V11]] : f32
// CHECK-NEXT: %[[V15:.*]] = arith.mulf %[[V14]], %[[V14]] : f32
// CHECK-NEXT: %[[V16:.*]] = arith.mulf %[[V15]], %[[C8]] : f32
// CHECK-NEXT: %[[V17:.*]] = arith.addf %[[V16]], %[[C7]] : f32
// CHECK-NEXT: %[[V18:.*]] = arith.mulf %[[V17]], %[[V15]] : f32
// CHECK-NEXT: %[[V19:.*]] = arith.addf %[[V18]], %[[C6]] : f32
// CHECK-NEXT: %[[V20:.*]] = arith.mulf %[[V19]], %[[V15]] : f32
// CHECK-NEXT: %[[V21:.*]] = arith.addf %[[V20]], %[[C5]] : f32
// CHECK-NEXT: %[[V22:.*]] = arith.mulf %[[V21]], %[[V15]] : f32
// CHECK-NEXT: %[[V23:.*]] = arith.addf %[[V22]], %[[C4]] : f32
// CHECK-NEXT: %[[V24:.*]] = arith.mulf %[[V23]], %[[V15]] : f32
// CHECK-NEXT: %[[V25:.*]] = arith.addf %[[V24]], %[[C3]] : f32
// CHECK-NEXT: %[[V26:.*]] = arith.mulf %[[V25]], %[[V15]] : f32
// CHECK-NEXT: %[[V27:.*]] = arith.addf %[[V26]], %[[C2]] : f32
// CHECK-NEXT: %[[V28:.*]] = arith.mulf %[[V27]], %[[V15]] : f32
// CHECK-NEXT: %[[V29:.*]] = arith.addf %[[V28]], %[[C1]] : f32
// CHECK-NEXT: %[[V30:.*]] = arith.mulf %[[V29]], %[[V15]] : f32
// CHECK-NEXT: %[[V31:.*]] = arith.addf %[[V30]], %[[ONE]] : f32
// CHECK-NEXT: %[[V32:.*]] = arith.mulf %[[V14]], %[[V31]] : f32
// CHECK-NEXT: %[[V33:.*]] = arith.subf %[[C0]], %[[V32]] : f32
// CHECK-NEXT: %[[V34:.*]] = arith.select %[[V12]], %[[V33]], %[[V32]] : f32
// CHECK-NEXT: %[[V35:.*]] = math.copysign %[[V34]], %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V35]] : f32
func.func @atan(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.atan %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// atan(x / sqrt((1 - x)(1 + x))).
// CHECK-LABEL: func.func @asin
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[C0:.*]] = arith.constant 1.57079637 : f32
// CHECK-DAG: %[[C1:.*]] = arith.constant -0.333330452 : f32
// CHECK-DAG: %[[C2:.*]] = arith.constant 0.199920177 : f32
// CHECK-DAG: %[[C3:.*]] = arith.constant -0.141989201 : f32
// CHECK-DAG: %[[C4:.*]] = arith.constant 0.106226534 : f32
// CHECK-DAG: %[[C5:.*]] = arith.constant -0.0746577904 : f32
// CHECK-DAG: %[[C6:.*]] = arith.constant 0.0422410369 : f32
// CHECK-DAG: %[[C7:.*]] = arith.constant -0.0157938357 : f32
// CHECK-DAG: %[[C8:.*]] = arith.constant 0.00278170779 : f32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V11:.*]] = arith.subf %[[ONE]], %[[IN]] : f32
// CHECK-NEXT: %[[V12:.*]] = arith.addf %[[IN]], %[[ONE]] : f32
// CHECK-NEXT: %[[V13:.*]] = arith.mulf %[[V11]], %[[V12]] : f32
// CHECK-NEXT: %[[V14:.*]] = math.sqrt %[[V13]] : f32
// CHECK-NEXT: %[[V15:.*]] = arith.divf %[[IN]], %[[V14]] : f32
// CHECK-NEXT: %[[V16:.*]] = math.absf %[[V15]] : f32
// CHECK-NEXT: %[[V17:.*]] = arith.cmpf ogt, %[[V16]], %[[ONE]] : f32
// CHECK-NEXT: %[[V18:.*]] = arith.divf %[[ONE]], %[[V16]] : f32
// CHECK-NEXT: %[[V19:.*]] = arith.select %[[V17]], %[[V18]], %[[V16]] : f32
// CHECK-NEXT: %[[V20:.*]] = arith.mulf %[[V19]], %[[V19]] : f32
// CHECK-NEXT: %[[V21:.*]] = arith.mulf %[[V20]], %[[C8]] : f32
// CHECK-NEXT: %[[V22:.*]] = arith.addf %[[V21]], %[[C7]] : f32
// CHECK-NEXT: %[[V23:.*]] = arith.mulf %[[V22]], %[[V20]] : f32
// CHECK-NEXT: %[[V24:.*]] = arith.addf %[[V23]], %[[C6]] : f32
// CHECK-NEXT: %[[V25:.*]] = arith.mulf %[[V24]], %[[V20]] : f32
// CHECK-NEXT: %[[V26:.*]] = arith.addf %[[V25]], %[[C5]] : f32
// CHECK-NEXT: %[[V27:.*]] = arith.mulf %[[V26]], %[[V20]] : f32
// CHECK-NEXT: %[[V28:.*]] = arith.addf %[[V27]], %[[C4]] : f32
// CHECK-NEXT: %[[V29:.*]] = arith.mulf %[[V28]], %[[V20]] : f32
// CHECK-NEXT: %[[V30:.*]] = arith.addf %[[V29]], %[[C3]] : f32
// CHECK-NEXT: %[[V31:.*]] = arith.mulf %[[V30]], %[[V20]] : f32
// CHECK-NEXT: %[[V32:.*]] = arith.addf %[[V31]], %[[C2]] : f32
// CHECK-NEXT: %[[V33:.*]] = arith.mulf %[[V32]], %[[V20]] : f32
// CHECK-NEXT: %[[V34:.*]] = arith.addf %[[V33]], %[[C1]] : f32
// CHECK-NEXT: %[[V35:.*]] = arith.mulf %[[V34]], %[[V20]] : f32
// CHECK-NEXT: %[[V36:.*]] = arith.addf %[[V35]], %[[ONE]] : f32
// CHECK-NEXT: %[[V37:.*]] = arith.mulf %[[V19]], %[[V36]] : f32
// CHECK-NEXT: %[[V38:.*]] = arith.subf %[[C0]], %[[V37]] : f32
// CHECK-NEXT: %[[V39:.*]] = arith.select %[[V17]], %[[V38]], %[[V37]] : f32
// CHECK-NEXT: %[[V40:.*]] = math.copysign %[[V39]], %[[V15]] : f32
// CHECK-NEXT: linalg.yield %[[V40]] : f32
func.func @asin(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.asin %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// 2 atan(sqrt((1 - x) / (1 + x))).
// CHECK-LABEL: func.func @acos
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[C0:.*]] = arith.constant 1.57079637 : f32
// CHECK-DAG: %[[C1:.*]] = arith.constant -0.333330452 : f32
// CHECK-DAG: %[[C2:.*]] = arith.constant 0.199920177 : f32
// CHECK-DAG: %[[C3:.*]] = arith.constant -0.141989201 : f32
// CHECK-DAG: %[[C4:.*]] = arith.constant 0.106226534 : f32
// CHECK-DAG: %[[C5:.*]] = arith.constant -0.0746577904 : f32
// CHECK-DAG: %[[C6:.*]] = arith.constant 0.0422410369 : f32
// CHECK-DAG: %[[C7:.*]] = arith.constant -0.0157938357 : f32
// CHECK-DAG: %[[C8:.*]] = arith.constant 0.00278170779 : f32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V11:.*]] = arith.subf %[[ONE]], %[[IN]] : f32
// CHECK-NEXT: %[[V12:.*]] = arith.addf %[[IN]], %[[ONE]] : f32
// CHECK-NEXT: %[[V13:.*]] = arith.divf %[[V11]], %[[V12]] : f32
// CHECK-NEXT: %[[V14:.*]] = math.sqrt %[[V13]] : f32
// CHECK-NEXT: %[[V15:.*]] = arith.cmpf ogt, %[[V14]], %[[ONE]] : f32
// CHECK-NEXT: %[[V16:.*]] = arith.divf %[[ONE]], %[[V14]] : f32
// CHECK-NEXT: %[[V17:.*]] = arith.select %[[V15]], %[[V16]], %[[V14]] : f32
// CHECK-NEXT: %[[V18:.*]] = arith.mulf %[[V17]], %[[V17]] : f32
// CHECK-NEXT: %[[V19:.*]] = arith.mulf %[[V18]], %[[C8]] : f32
// CHECK-NEXT: %[[V20:.*]] = arith.addf %[[V19]], %[[C7]] : f32
// CHECK-NEXT: %[[V21:.*]] = arith.mulf %[[V20]], %[[V18]] : f32
// CHECK-NEXT: %[[V22:.*]] = arith.addf %[[V21]], %[[C6]] : f32
// CHECK-NEXT: %[[V23:.*]] = arith.mulf %[[V22]], %[[V18]] : f32
// CHECK-NEXT: %[[V24:.*]] = arith.addf %[[V23]], %[[C5]] : f32
// CHECK-NEXT: %[[V25:.*]] = arith.mulf %[[V24]], %[[V18]] : f32
// CHECK-NEXT: %[[V26:.*]] = arith.addf %[[V25]], %[[C4]] : f32
// CHECK-NEXT: %[[V27:.*]] = arith.mulf %[[V26]], %[[V18]] : f32
// CHECK-NEXT: %[[V28:.*]] = arith.addf %[[V27]], %[[C3]] : f32
// CHECK-NEXT: %[[V29:.*]] = arith.mulf %[[V28]], %[[V18]] : f32
// CHECK-NEXT: %[[V30:.*]] = arith.addf %[[V29]], %[[C2]] : f32
// CHECK-NEXT: %[[V31:.*]] = arith.mulf %[[V30]], %[[V18]] : f32
// CHECK-NEXT: %[[V32:.*]] = arith.addf %[[V31]], %[[C1]] : f32
// CHECK-NEXT: %[[V33:.*]] = arith.mulf %[[V32]], %[[V18]] : f32
// CHECK-NEXT: %[[V34:.*]] = arith.addf %[[V33]], %[[ONE]] : f32
// CHECK-NEXT: %[[V35:.*]] = arith.mulf %[[V17]], %[[V34]] : f32
// CHECK-NEXT: %[[V36:.*]] = arith.subf %[[C0]], %[[V35]] : f32
// CHECK-NEXT: %[[V37:.*]] = arith.select %[[V15]], %[[V36]], %[[V35]] : f32
// CHECK-NEXT: %[[V38:.*]] = arith.addf %[[V37]], %[[V37]] : f32
// CHECK-NEXT: linalg.yield %[[V38]] : f32
func.func @acos(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.acos %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Taylor series below 1; above, (h / 2) h - 1 / (2 h h) with h = exp(|x| / 2),
// which overflows only where sinh does.
// CHECK-LABEL: func.func @sinh
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[HALF:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-DAG: %[[C0:.*]] = arith.constant 0.166666672 : f32
// CHECK-DAG: %[[C1:.*]] = arith.constant 0.00833333377 : f32
// CHECK-DAG: %[[C2:.*]] = arith.constant 1.98412701E-4 : f32
// CHECK-DAG: %[[C3:.*]] = arith.constant 2.75573188E-6 : f32
// CHECK-DAG: %[[C4:.*]] = arith.constant 2.50521079E-8 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V7:.*]] = math.absf %[[IN]] : f32
// CHECK-NEXT: %[[V8:.*]] = arith.mulf %[[IN]], %[[IN]] : f32
// CHECK-NEXT: %[[V9:.*]] = arith.mulf %[[V8]], %[[C4]] : f32
// CHECK-NEXT: %[[V10:.*]] = arith.addf %[[V9]], %[[C3]] : f32
// CHECK-NEXT: %[[V11:.*]] = arith.mulf %[[V10]], %[[V8]] : f32
// CHECK-NEXT: %[[V12:.*]] = arith.addf %[[V11]], %[[C2]] : f32
// CHECK-NEXT: %[[V13:.*]] = arith.mulf %[[V12]], %[[V8]] : f32
// CHECK-NEXT: %[[V14:.*]] = arith.addf %[[V13]], %[[C1]] : f32
// CHECK-NEXT: %[[V15:.*]] = arith.mulf %[[V14]], %[[V8]] : f32
// CHECK-NEXT: %[[V16:.*]] = arith.addf %[[V15]], %[[C0]] : f32
// CHECK-NEXT: %[[V17:.*]] = arith.mulf %[[V16]], %[[V8]] : f32
// CHECK-NEXT: %[[V18:.*]] = arith.addf %[[V17]], %[[ONE]] : f32
// CHECK-NEXT: %[[V19:.*]] = arith.mulf %[[IN]], %[[V18]] : f32
// CHECK-NEXT: %[[V20:.*]] = arith.mulf %[[V7]], %[[HALF]] : f32
// CHECK-NEXT: %[[V21:.*]] = math.exp %[[V20]] : f32
// CHECK-NEXT: %[[V22:.*]] = arith.mulf %[[V21]], %[[HALF]] : f32
// CHECK-NEXT: %[[V23:.*]] = arith.mulf %[[V22]], %[[V21]] : f32
// CHECK-NEXT: %[[V24:.*]] = arith.mulf %[[V21]], %[[V21]] : f32
// CHECK-NEXT: %[[V25:.*]] = arith.divf %[[HALF]], %[[V24]] : f32
// CHECK-NEXT: %[[V26:.*]] = arith.subf %[[V23]], %[[V25]] : f32
// CHECK-NEXT: %[[V27:.*]] = arith.cmpf olt, %[[V7]], %[[ONE]] : f32
// CHECK-NEXT: %[[V28:.*]] = math.copysign %[[V26]], %[[IN]] : f32
// CHECK-NEXT: %[[V29:.*]] = arith.select %[[V27]], %[[V19]], %[[V28]] : f32
// CHECK-NEXT: linalg.yield %[[V29]] : f32
func.func @sinh(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.sinh %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @cosh
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[HALF:.*]] = arith.constant 5.000000e-01 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = math.absf %[[IN]] : f32
// CHECK-NEXT: %[[V3:.*]] = arith.mulf %[[V2]], %[[HALF]] : f32
// CHECK-NEXT: %[[V4:.*]] = math.exp %[[V3]] : f32
// CHECK-NEXT: %[[V5:.*]] = arith.mulf %[[V4]], %[[HALF]] : f32
// CHECK-NEXT: %[[V6:.*]] = arith.mulf %[[V5]], %[[V4]] : f32
// CHECK-NEXT: %[[V7:.*]] = arith.mulf %[[V4]], %[[V4]] : f32
// CHECK-NEXT: %[[V8:.*]] = arith.divf %[[HALF]], %[[V7]] : f32
// CHECK-NEXT: %[[V9:.*]] = arith.addf %[[V6]], %[[V8]] : f32
// CHECK-NEXT: linalg.yield %[[V9]] : f32
func.func @cosh(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.cosh %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// log1p(a + a^2 / (1 + sqrt(1 + a^2))) with Kahan's log1p, log(a) + log(2)
// above 4096, with the sign of x.
// CHECK-LABEL: func.func @asinh
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[C0:.*]] = arith.constant 4.096000e+03 : f32
// CHECK-DAG: %[[C1:.*]] = arith.constant 0.693147182 : f32
// CHECK-DAG: %[[INF:.*]] = arith.constant 0x7F800000 : f32
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V4:.*]] = math.absf %[[IN]] : f32
// CHECK-NEXT: %[[V5:.*]] = arith.mulf %[[V4]], %[[V4]] : f32
// CHECK-NEXT: %[[V6:.*]] = arith.addf %[[V5]], %[[ONE]] : f32
// CHECK-NEXT: %[[V7:.*]] = math.sqrt %[[V6]] : f32
// CHECK-NEXT: %[[V8:.*]] = arith.addf %[[V7]], %[[ONE]] : f32
// CHECK-NEXT: %[[V9:.*]] = arith.divf %[[V5]], %[[V8]] : f32
// CHECK-NEXT: %[[V10:.*]] = arith.addf %[[V4]], %[[V9]] : f32
// CHECK-NEXT: %[[V11:.*]] = arith.addf %[[V10]], %[[ONE]] : f32
// CHECK-NEXT: %[[V12:.*]] = arith.subf %[[V11]], %[[ONE]] : f32
// CHECK-NEXT: %[[V13:.*]] = math.log %[[V11]] : f32
// CHECK-NEXT: %[[V14:.*]] = arith.divf %[[V10]], %[[V12]] : f32
// CHECK-NEXT: %[[V15:.*]] = arith.mulf %[[V13]], %[[V14]] : f32
// CHECK-NEXT: %[[V16:.*]] = arith.cmpf oeq, %[[V12]], %[[ZERO]] : f32
// CHECK-NEXT: %[[V17:.*]] = arith.cmpf oeq, %[[V11]], %[[INF]] : f32
// CHECK-NEXT: %[[V18:.*]] = arith.select %[[V17]], %[[V11]], %[[V15]] : f32
// CHECK-NEXT: %[[V19:.*]] = arith.select %[[V16]], %[[V10]], %[[V18]] : f32
// CHECK-NEXT: %[[V20:.*]] = math.log %[[V4]] : f32
// CHECK-NEXT: %[[V21:.*]] = arith.addf %[[V20]], %[[C1]] : f32
// CHECK-NEXT: %[[V22:.*]] = arith.cmpf ogt, %[[V4]], %[[C0]] : f32
// CHECK-NEXT: %[[V23:.*]] = arith.select %[[V22]], %[[V21]], %[[V19]] : f32
// CHECK-NEXT: %[[V24:.*]] = math.copysign %[[V23]], %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V24]] : f32
func.func @asinh(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.asinh %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// log1p(t + sqrt(t (t + 2))) with t = x - 1, log(x) + log(2) above 4096,
// NaN below 1.
// CHECK-LABEL: func.func @acosh
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[NAN:.*]] = arith.constant 0x7FC00000 : f32
// CHECK-DAG: %[[C0:.*]] = arith.constant 4.096000e+03 : f32
// CHECK-DAG: %[[C1:.*]] = arith.constant 0.693147182 : f32
// CHECK-DAG: %[[INF:.*]] = arith.constant 0x7F800000 : f32
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[TWO:.*]] = arith.constant 2.000000e+00 : f32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V4:.*]] = arith.subf %[[IN]], %[[ONE]] : f32
// CHECK-NEXT: %[[V5:.*]] = arith.addf %[[V4]], %[[TWO]] : f32
// CHECK-NEXT: %[[V6:.*]] = arith.mulf %[[V4]], %[[V5]] : f32
// CHECK-NEXT: %[[V7:.*]] = math.sqrt %[[V6]] : f32
// CHECK-NEXT: %[[V8:.*]] = arith.addf %[[V4]], %[[V7]] : f32
// CHECK-NEXT: %[[V9:.*]] = arith.addf %[[V8]], %[[ONE]] : f32
// CHECK-NEXT: %[[V10:.*]] = arith.subf %[[V9]], %[[ONE]] : f32
// CHECK-NEXT: %[[V11:.*]] = math.log %[[V9]] : f32
// CHECK-NEXT: %[[V12:.*]] = arith.divf %[[V8]], %[[V10]] : f32
// CHECK-NEXT: %[[V13:.*]] = arith.mulf %[[V11]], %[[V12]] : f32
// CHECK-NEXT: %[[V14:.*]] = arith.cmpf oeq, %[[V10]], %[[ZERO]] : f32
// CHECK-NEXT: %[[V15:.*]] = arith.cmpf oeq, %[[V9]], %[[INF]] : f32
// CHECK-NEXT: %[[V16:.*]] = arith.select %[[V15]], %[[V9]], %[[V13]] : f32
// CHECK-NEXT: %[[V17:.*]] = arith.select %[[V14]], %[[V8]], %[[V16]] : f32
// CHECK-NEXT: %[[V18:.*]] = math.log %[[IN]] : f32
// CHECK-NEXT: %[[V19:.*]] = arith.addf %[[V18]], %[[C1]] : f32
// CHECK-NEXT: %[[V20:.*]] = arith.cmpf ogt, %[[IN]], %[[C0]] : f32
// CHECK-NEXT: %[[V21:.*]] = arith.select %[[V20]], %[[V19]], %[[V17]] : f32
// CHECK-NEXT: %[[V22:.*]] = arith.cmpf olt, %[[IN]], %[[ONE]] : f32
// CHECK-NEXT: %[[V23:.*]] = arith.select %[[V22]], %[[NAN]], %[[V21]] : f32
// CHECK-NEXT: linalg.yield %[[V23]] : f32
func.func @acosh(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.acosh %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// log1p(2a / (1 - a)) / 2 with the sign of x.
// CHECK-LABEL: func.func @atanh
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[HALF:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-DAG: %[[INF:.*]] = arith.constant 0x7F800000 : f32
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = math.absf %[[IN]] : f32
// CHECK-NEXT: %[[V3:.*]] = arith.addf %[[V2]], %[[V2]] : f32
// CHECK-NEXT: %[[V4:.*]] = arith.subf %[[ONE]], %[[V2]] : f32
// CHECK-NEXT: %[[V5:.*]] = arith.divf %[[V3]], %[[V4]] : f32
// CHECK-NEXT: %[[V6:.*]] = arith.addf %[[V5]], %[[ONE]] : f32
// CHECK-NEXT: %[[V7:.*]] = arith.subf %[[V6]], %[[ONE]] : f32
// CHECK-NEXT: %[[V8:.*]] = math.log %[[V6]] : f32
// CHECK-NEXT: %[[V9:.*]] = arith.divf %[[V5]], %[[V7]] : f32
// CHECK-NEXT: %[[V10:.*]] = arith.mulf %[[V8]], %[[V9]] : f32
// CHECK-NEXT: %[[V11:.*]] = arith.cmpf oeq, %[[V7]], %[[ZERO]] : f32
// CHECK-NEXT: %[[V12:.*]] = arith.cmpf oeq, %[[V6]], %[[INF]] : f32
// CHECK-NEXT: %[[V13:.*]] = arith.select %[[V12]], %[[V6]], %[[V10]] : f32
// CHECK-NEXT: %[[V14:.*]] = arith.select %[[V11]], %[[V5]], %[[V13]] : f32
// CHECK-NEXT: %[[V15:.*]] = arith.mulf %[[V14]], %[[HALF]] : f32
// CHECK-NEXT: %[[V16:.*]] = math.copysign %[[V15]], %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V16]] : f32
func.func @atanh(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.atanh %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}
