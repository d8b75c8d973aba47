// RUN: edgec-opt %s -split-input-file -edgec-expand-math | FileCheck %s

// f32 exp becomes the polynomial, with IEEE results outside its range:
// +inf above ln(FLT_MAX), 0 far below, NaN passed through.
// CHECK-LABEL: func.func @scalar
// CHECK-NOT: math.exp
// CHECK: math.floor
// CHECK: arith.bitcast
// CHECK: arith.cmpf ogt, %[[X:.*]], %{{.*}} : f32
// CHECK: arith.select
// CHECK: arith.cmpf olt, %[[X]]
// CHECK: arith.select
// CHECK: %[[NAN:.*]] = arith.cmpf uno, %[[X]], %[[X]] : f32
// CHECK: arith.select %[[NAN]], %[[X]]
func.func @scalar(%x: f32) -> f32 {
  %y = math.exp %x : f32
  return %y : f32
}

// -----

// Vectors too: the kernels' epilogues and vectorized loops.
// CHECK-LABEL: func.func @vector
// CHECK-NOT: math.exp
// CHECK: arith.bitcast {{.*}} : vector<8xi32> to vector<8xf32>
func.func @vector(%x: vector<8xf32>) -> vector<8xf32> {
  %y = math.exp %x : vector<8xf32>
  return %y : vector<8xf32>
}

// -----

// Other widths keep libm's exp.
// CHECK-LABEL: func.func @f64
// CHECK: math.exp
func.func @f64(%x: f64) -> f64 {
  %y = math.exp %x : f64
  return %y : f64
}
