// RUN: edgec-opt %s -edgec-convert-graph-to-linalg -canonicalize -split-input-file | FileCheck %s
// Casts: one generic whose body converts an element. uint8 is viewed as i8
// through unrealized casts (arith takes signless integers only), which the
// LLVM lowering folds away.

// Truncation towards zero.
// CHECK-LABEL: func.func @float_to_int
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: i64):
// CHECK-NEXT: %[[V2:.*]] = arith.fptosi %[[IN]] : f32 to i64
// CHECK-NEXT: linalg.yield %[[V2]] : i64
func.func @float_to_int(%x: tensor<4xf32>) -> tensor<4xi64> {
  %0 = edge.cast %x to i64 : tensor<4xf32>
  return %0 : tensor<4xi64>
}

// -----

// Narrow integers go through i32, so that out-of-range values wrap
// instead of being poison.
// CHECK-LABEL: func.func @float_to_int8
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: i8):
// CHECK-NEXT: %[[V2:.*]] = arith.fptosi %[[IN]] : f32 to i32
// CHECK-NEXT: %[[V3:.*]] = arith.trunci %[[V2]] : i32 to i8
// CHECK-NEXT: linalg.yield %[[V3]] : i8
func.func @float_to_int8(%x: tensor<4xf32>) -> tensor<4xi8> {
  %0 = edge.cast %x to i8 : tensor<4xf32>
  return %0 : tensor<4xi8>
}

// -----

// CHECK-LABEL: func.func @float_to_uint8
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: ui8):
// CHECK-NEXT: %[[V2:.*]] = arith.fptosi %[[IN]] : f32 to i32
// CHECK-NEXT: %[[V3:.*]] = arith.trunci %[[V2]] : i32 to i8
// CHECK-NEXT: %[[V4:.*]] = builtin.unrealized_conversion_cast %[[V3]] : i8 to ui8
// CHECK-NEXT: linalg.yield %[[V4]] : ui8
func.func @float_to_uint8(%x: tensor<4xf32>) -> tensor<4xui8> {
  %0 = edge.cast %x to ui8 : tensor<4xf32>
  return %0 : tensor<4xui8>
}

// -----

// Non-zero, NaN included, is true.
// CHECK-LABEL: func.func @float_to_bool
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: i1):
// CHECK-NEXT: %[[V2:.*]] = arith.cmpf une, %[[IN]], %[[ZERO]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : i1
func.func @float_to_bool(%x: tensor<4xf32>) -> tensor<4xi1> {
  %0 = edge.cast %x to i1 : tensor<4xf32>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @float_to_half
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f16):
// CHECK-NEXT: %[[V2:.*]] = arith.truncf %[[IN]] : f32 to f16
// CHECK-NEXT: linalg.yield %[[V2]] : f16
func.func @float_to_half(%x: tensor<4xf32>) -> tensor<4xf16> {
  %0 = edge.cast %x to f16 : tensor<4xf32>
  return %0 : tensor<4xf16>
}

// -----

// CHECK-LABEL: func.func @half_to_float
// CHECK-SAME: (%[[X:.*]]: tensor<4xf16>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xf16>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f16, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = arith.extf %[[IN]] : f16 to f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
func.func @half_to_float(%x: tensor<4xf16>) -> tensor<4xf32> {
  %0 = edge.cast %x to f32 : tensor<4xf16>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @int_to_float
// CHECK-SAME: (%[[X:.*]]: tensor<4xi64>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xi64>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: i64, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = arith.sitofp %[[IN]] : i64 to f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
func.func @int_to_float(%x: tensor<4xi64>) -> tensor<4xf32> {
  %0 = edge.cast %x to f32 : tensor<4xi64>
  return %0 : tensor<4xf32>
}

// -----

// uint8 converts without sign.
// CHECK-LABEL: func.func @uint8_to_float
// CHECK-SAME: (%[[X:.*]]: tensor<4xui8>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xui8>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: ui8, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = builtin.unrealized_conversion_cast %[[IN]] : ui8 to i8
// CHECK-NEXT: %[[V3:.*]] = arith.uitofp %[[V2]] : i8 to f32
// CHECK-NEXT: linalg.yield %[[V3]] : f32
func.func @uint8_to_float(%x: tensor<4xui8>) -> tensor<4xf32> {
  %0 = edge.cast %x to f32 : tensor<4xui8>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @bool_to_float
// CHECK-SAME: (%[[X:.*]]: tensor<4xi1>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xi1>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: i1, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = arith.uitofp %[[IN]] : i1 to f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
func.func @bool_to_float(%x: tensor<4xi1>) -> tensor<4xf32> {
  %0 = edge.cast %x to f32 : tensor<4xi1>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @bool_to_int
// CHECK-SAME: (%[[X:.*]]: tensor<4xi1>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xi1>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: i1, %{{.*}}: i64):
// CHECK-NEXT: %[[V2:.*]] = arith.extui %[[IN]] : i1 to i64
// CHECK-NEXT: linalg.yield %[[V2]] : i64
func.func @bool_to_int(%x: tensor<4xi1>) -> tensor<4xi64> {
  %0 = edge.cast %x to i64 : tensor<4xi1>
  return %0 : tensor<4xi64>
}

// -----

// CHECK-LABEL: func.func @int_to_bool
// CHECK-SAME: (%[[X:.*]]: tensor<4xi32>)
// CHECK-DAG: %[[I0:.*]] = arith.constant 0 : i32
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xi32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: i32, %{{.*}}: i1):
// CHECK-NEXT: %[[V2:.*]] = arith.cmpi ne, %[[IN]], %[[I0]] : i32
// CHECK-NEXT: linalg.yield %[[V2]] : i1
func.func @int_to_bool(%x: tensor<4xi32>) -> tensor<4xi1> {
  %0 = edge.cast %x to i1 : tensor<4xi32>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @int_narrowing
// CHECK-SAME: (%[[X:.*]]: tensor<4xi64>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xi64>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: i64, %{{.*}}: i32):
// CHECK-NEXT: %[[V2:.*]] = arith.trunci %[[IN]] : i64 to i32
// CHECK-NEXT: linalg.yield %[[V2]] : i32
func.func @int_narrowing(%x: tensor<4xi64>) -> tensor<4xi32> {
  %0 = edge.cast %x to i32 : tensor<4xi64>
  return %0 : tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @int_widening
// CHECK-SAME: (%[[X:.*]]: tensor<4xi32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xi32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: i32, %{{.*}}: i64):
// CHECK-NEXT: %[[V2:.*]] = arith.extsi %[[IN]] : i32 to i64
// CHECK-NEXT: linalg.yield %[[V2]] : i64
func.func @int_widening(%x: tensor<4xi32>) -> tensor<4xi64> {
  %0 = edge.cast %x to i64 : tensor<4xi32>
  return %0 : tensor<4xi64>
}

// -----

// CHECK-LABEL: func.func @uint8_to_int
// CHECK-SAME: (%[[X:.*]]: tensor<4xui8>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xui8>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: ui8, %{{.*}}: i32):
// CHECK-NEXT: %[[V2:.*]] = builtin.unrealized_conversion_cast %[[IN]] : ui8 to i8
// CHECK-NEXT: %[[V3:.*]] = arith.extui %[[V2]] : i8 to i32
// CHECK-NEXT: linalg.yield %[[V3]] : i32
func.func @uint8_to_int(%x: tensor<4xui8>) -> tensor<4xi32> {
  %0 = edge.cast %x to i32 : tensor<4xui8>
  return %0 : tensor<4xi32>
}

// -----

// Same width: only the view changes.
// CHECK-LABEL: func.func @int8_to_uint8
// CHECK-SAME: (%[[X:.*]]: tensor<4xi8>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<4xi8>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: i8, %{{.*}}: ui8):
// CHECK-NEXT: %[[V2:.*]] = builtin.unrealized_conversion_cast %[[IN]] : i8 to ui8
// CHECK-NEXT: linalg.yield %[[V2]] : ui8
func.func @int8_to_uint8(%x: tensor<4xi8>) -> tensor<4xui8> {
  %0 = edge.cast %x to ui8 : tensor<4xi8>
  return %0 : tensor<4xui8>
}
