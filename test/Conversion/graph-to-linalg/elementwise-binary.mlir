// RUN: edgec-opt %s -edgec-convert-graph-to-linalg -canonicalize -split-input-file | FileCheck %s
// Binary arithmetic beyond add/sub/mul/div (elementwise.mlir): one generic
// with numpy broadcasting through the indexing maps, a body per element type.

// IEEE maximum and minimum propagate NaN, as numpy.maximum does.
// CHECK-LABEL: func.func @max_float
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[Y:.*]]: tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[Y]] : tensor<4xf32>, tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: f32, %[[B:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = arith.maximumf %[[A]], %[[B]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
func.func @max_float(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.max %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @min_float
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[Y:.*]]: tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[Y]] : tensor<4xf32>, tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: f32, %[[B:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = arith.minimumf %[[A]], %[[B]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
func.func @min_float(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.min %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @max_int
// CHECK-SAME: (%[[X:.*]]: tensor<4xi64>, %[[Y:.*]]: tensor<4xi64>)
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[Y]] : tensor<4xi64>, tensor<4xi64>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: i64, %[[B:.*]]: i64, %{{.*}}: i64):
// CHECK-NEXT: %[[V2:.*]] = arith.maxsi %[[A]], %[[B]] : i64
// CHECK-NEXT: linalg.yield %[[V2]] : i64
func.func @max_int(%a: tensor<4xi64>, %b: tensor<4xi64>) -> tensor<4xi64> {
  %0 = edge.max %a, %b : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// CHECK-LABEL: func.func @min_int
// CHECK-SAME: (%[[X:.*]]: tensor<4xi32>, %[[Y:.*]]: tensor<4xi32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[Y]] : tensor<4xi32>, tensor<4xi32>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: i32, %[[B:.*]]: i32, %{{.*}}: i32):
// CHECK-NEXT: %[[V2:.*]] = arith.minsi %[[A]], %[[B]] : i32
// CHECK-NEXT: linalg.yield %[[V2]] : i32
func.func @min_int(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  %0 = edge.min %a, %b : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// Integer division truncates; by 0 it gives 0 and INT_MIN / -1 wraps, as in
// numpy, instead of trapping.
// CHECK-LABEL: func.func @div_int
// CHECK-SAME: (%[[X:.*]]: tensor<4xi64>, %[[Y:.*]]: tensor<4xi64>)
// CHECK-DAG: %[[I1:.*]] = arith.constant 1 : i64
// CHECK-DAG: %[[IM1:.*]] = arith.constant -1 : i64
// CHECK-DAG: %[[I0:.*]] = arith.constant 0 : i64
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[Y]] : tensor<4xi64>, tensor<4xi64>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: i64, %[[B:.*]]: i64, %{{.*}}: i64):
// CHECK-NEXT: %[[V2:.*]] = arith.cmpi eq, %[[B]], %[[I0]] : i64
// CHECK-NEXT: %[[V3:.*]] = arith.cmpi eq, %[[B]], %[[IM1]] : i64
// CHECK-NEXT: %[[V4:.*]] = arith.ori %[[V2]], %[[V3]] : i1
// CHECK-NEXT: %[[V5:.*]] = arith.select %[[V4]], %[[I1]], %[[B]] : i64
// CHECK-NEXT: %[[V6:.*]] = arith.divsi %[[A]], %[[V5]] : i64
// CHECK-NEXT: %[[V7:.*]] = arith.subi %[[I0]], %[[A]] : i64
// CHECK-NEXT: %[[V8:.*]] = arith.select %[[V3]], %[[V7]], %[[V6]] : i64
// CHECK-NEXT: %[[V9:.*]] = arith.select %[[V2]], %[[I0]], %[[V8]] : i64
// CHECK-NEXT: linalg.yield %[[V9]] : i64
func.func @div_int(%a: tensor<4xi64>, %b: tensor<4xi64>) -> tensor<4xi64> {
  %0 = edge.div %a, %b : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// Python's %: the remainder moves by one divisor when its sign differs from
// the divisor's. Divisors 0 and -1 give 0 without dividing.
// CHECK-LABEL: func.func @mod_int
// CHECK-SAME: (%[[X:.*]]: tensor<4xi64>, %[[Y:.*]]: tensor<4xi64>)
// CHECK-DAG: %[[I1:.*]] = arith.constant 1 : i64
// CHECK-DAG: %[[IM1:.*]] = arith.constant -1 : i64
// CHECK-DAG: %[[I0:.*]] = arith.constant 0 : i64
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[Y]] : tensor<4xi64>, tensor<4xi64>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: i64, %[[B:.*]]: i64, %{{.*}}: i64):
// CHECK-NEXT: %[[V2:.*]] = arith.cmpi eq, %[[B]], %[[I0]] : i64
// CHECK-NEXT: %[[V3:.*]] = arith.cmpi eq, %[[B]], %[[IM1]] : i64
// CHECK-NEXT: %[[V4:.*]] = arith.ori %[[V2]], %[[V3]] : i1
// CHECK-NEXT: %[[V5:.*]] = arith.select %[[V4]], %[[I1]], %[[B]] : i64
// CHECK-NEXT: %[[V6:.*]] = arith.remsi %[[A]], %[[V5]] : i64
// CHECK-NEXT: %[[V7:.*]] = arith.cmpi slt, %[[V6]], %[[I0]] : i64
// CHECK-NEXT: %[[V8:.*]] = arith.cmpi slt, %[[B]], %[[I0]] : i64
// CHECK-NEXT: %[[V9:.*]] = arith.cmpi ne, %[[V6]], %[[I0]] : i64
// CHECK-NEXT: %[[V10:.*]] = arith.xori %[[V7]], %[[V8]] : i1
// CHECK-NEXT: %[[V11:.*]] = arith.andi %[[V9]], %[[V10]] : i1
// CHECK-NEXT: %[[V12:.*]] = arith.addi %[[V6]], %[[B]] : i64
// CHECK-NEXT: %[[V13:.*]] = arith.select %[[V11]], %[[V12]], %[[V6]] : i64
// CHECK-NEXT: linalg.yield %[[V13]] : i64
func.func @mod_int(%a: tensor<4xi64>, %b: tensor<4xi64>) -> tensor<4xi64> {
  %0 = edge.mod %a, %b : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// fmod: the remainder of truncating division.
// CHECK-LABEL: func.func @mod_int_fmod
// CHECK-SAME: (%[[X:.*]]: tensor<4xi32>, %[[Y:.*]]: tensor<4xi32>)
// CHECK-DAG: %[[I1:.*]] = arith.constant 1 : i32
// CHECK-DAG: %[[IM1:.*]] = arith.constant -1 : i32
// CHECK-DAG: %[[I0:.*]] = arith.constant 0 : i32
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[Y]] : tensor<4xi32>, tensor<4xi32>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: i32, %[[B:.*]]: i32, %{{.*}}: i32):
// CHECK-NEXT: %[[V2:.*]] = arith.cmpi eq, %[[B]], %[[I0]] : i32
// CHECK-NEXT: %[[V3:.*]] = arith.cmpi eq, %[[B]], %[[IM1]] : i32
// CHECK-NEXT: %[[V4:.*]] = arith.ori %[[V2]], %[[V3]] : i1
// CHECK-NEXT: %[[V5:.*]] = arith.select %[[V4]], %[[I1]], %[[B]] : i32
// CHECK-NEXT: %[[V6:.*]] = arith.remsi %[[A]], %[[V5]] : i32
// CHECK-NEXT: linalg.yield %[[V6]] : i32
func.func @mod_int_fmod(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  %0 = edge.mod %a, %b {fmod = true} : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @mod_float
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[Y:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[Y]] : tensor<4xf32>, tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: f32, %[[B:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = arith.remf %[[A]], %[[B]] : f32
// CHECK-NEXT: %[[V3:.*]] = arith.cmpf olt, %[[V2]], %[[ZERO]] : f32
// CHECK-NEXT: %[[V4:.*]] = arith.cmpf olt, %[[B]], %[[ZERO]] : f32
// CHECK-NEXT: %[[V5:.*]] = arith.cmpf one, %[[V2]], %[[ZERO]] : f32
// CHECK-NEXT: %[[V6:.*]] = arith.xori %[[V3]], %[[V4]] : i1
// CHECK-NEXT: %[[V7:.*]] = arith.andi %[[V5]], %[[V6]] : i1
// CHECK-NEXT: %[[V8:.*]] = arith.addf %[[V2]], %[[B]] : f32
// CHECK-NEXT: %[[V9:.*]] = arith.select %[[V7]], %[[V8]], %[[V2]] : f32
// CHECK-NEXT: linalg.yield %[[V9]] : f32
func.func @mod_float(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.mod %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @mod_float_fmod
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[Y:.*]]: tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[Y]] : tensor<4xf32>, tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: f32, %[[B:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = arith.remf %[[A]], %[[B]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
func.func @mod_float_fmod(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = edge.mod %a, %b {fmod = true} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @pow_float
// CHECK-SAME: (%[[X:.*]]: tensor<2x4xf32>, %[[Y:.*]]: tensor<f32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[Y]] : tensor<2x4xf32>, tensor<f32>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: f32, %[[B:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = math.powf %[[A]], %[[B]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
func.func @pow_float(%a: tensor<2x4xf32>, %b: tensor<f32>) -> tensor<2x4xf32> {
  %0 = edge.pow %a, %b : (tensor<2x4xf32>, tensor<f32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// An integer exponent converts to the base's float type.
// CHECK-LABEL: func.func @pow_int_exponent
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[Y:.*]]: tensor<4xi64>)
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[Y]] : tensor<4xf32>, tensor<4xi64>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: f32, %[[B:.*]]: i64, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = arith.sitofp %[[B]] : i64 to f32
// CHECK-NEXT: %[[V3:.*]] = math.powf %[[A]], %[[V2]] : f32
// CHECK-NEXT: linalg.yield %[[V3]] : f32
func.func @pow_int_exponent(%a: tensor<4xf32>, %b: tensor<4xi64>) -> tensor<4xf32> {
  %0 = edge.pow %a, %b : (tensor<4xf32>, tensor<4xi64>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// An integer base is raised in double precision and truncated back.
// CHECK-LABEL: func.func @pow_int_base
// CHECK-SAME: (%[[X:.*]]: tensor<4xi32>, %[[Y:.*]]: tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[Y]] : tensor<4xi32>, tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: i32, %[[B:.*]]: f32, %{{.*}}: i32):
// CHECK-NEXT: %[[V2:.*]] = arith.sitofp %[[A]] : i32 to f64
// CHECK-NEXT: %[[V3:.*]] = arith.extf %[[B]] : f32 to f64
// CHECK-NEXT: %[[V4:.*]] = math.powf %[[V2]], %[[V3]] : f64
// CHECK-NEXT: %[[V5:.*]] = arith.fptosi %[[V4]] : f64 to i32
// CHECK-NEXT: linalg.yield %[[V5]] : i32
func.func @pow_int_base(%a: tensor<4xi32>, %b: tensor<4xf32>) -> tensor<4xi32> {
  %0 = edge.pow %a, %b : (tensor<4xi32>, tensor<4xf32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}
