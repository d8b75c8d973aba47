// RUN: edgec-opt %s -split-input-file -edgec-generate-kernels -canonicalize -cse -verify-diagnostics | FileCheck %s
// The int8 kernels of conv.integer: one dot product per int32 lane and
// 4 channels, by the instruction the filter was packed for; the epilogue
// requantizes in 64 bits or stores the int32 sums.

// AVX-512 VNNI: the 4 input bytes broadcast to every lane, made unsigned
// (xor 0x80 per byte), into VPDPBUSD with a vector of 16 filters x 4
// channels.
// CHECK-LABEL: func.func @vnni
// CHECK-DAG: %[[FLIP:.*]] = arith.constant dense<-2139062144> : vector<16xi32>
// CHECK: %[[WORD:.*]] = vector.load %arg0[{{.*}}] : memref<1x2x2x4xi8>, vector<4xi8>
// CHECK: %[[X:.*]] = vector.bitcast %[[WORD]] : vector<4xi8> to vector<1xi32>
// CHECK: %[[U:.*]] = arith.xori %{{.*}}, %[[FLIP]] : vector<16xi32>
// CHECK: %[[W:.*]] = vector.bitcast %{{.*}} : vector<64xi8> to vector<16xi32>
// CHECK: llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"(%{{.*}}, %[[U]], %[[W]]) : (vector<16xi32>, vector<16xi32>, vector<16xi32>) -> vector<16xi32>
// CHECK: vector.store %{{.*}}, %arg3[{{.*}}] : memref<1x2x2x16xi32>, vector<16xi32>
func.func @vnni(%x: memref<1x2x2x4xi8>, %w: memref<1x1x1x1x16x4xi8>, %b: memref<16xi32>, %o: memref<1x2x2x16xi32>) {
  conv.integer ins(%x, %w : memref<1x2x2x4xi8>, memref<1x1x1x1x16x4xi8>) bias(%b : memref<16xi32>) outs(%o : memref<1x2x2x16xi32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, packed = "vnni", edgec.schedule = {lanes = 16 : i64, rows = 2 : i64, vectors = 1 : i64}}
  return
}

// -----

// Arm's dot product: SDOT on 4 lanes of 4 signed bytes each.
// CHECK-LABEL: func.func @sdot
// CHECK: llvm.call_intrinsic "llvm.aarch64.neon.sdot.v4i32.v16i8"(%{{.*}}, %{{.*}}, %{{.*}}) : (vector<4xi32>, vector<16xi8>, vector<16xi8>) -> vector<4xi32>
// CHECK-NOT: arith.xori
func.func @sdot(%x: memref<1x2x2x4xi8>, %w: memref<1x1x1x1x4x4xi8>, %b: memref<4xi32>, %o: memref<1x2x2x4xi32>) {
  conv.integer ins(%x, %w : memref<1x2x2x4xi8>, memref<1x1x1x1x4x4xi8>) bias(%b : memref<4xi32>) outs(%o : memref<1x2x2x4xi32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, packed = "sdot", edgec.schedule = {lanes = 4 : i64, rows = 2 : i64, vectors = 1 : i64}}
  return
}

// -----

// Elsewhere: int16 products, widened and summed 4 lanes apart. The 3
// channels (one partial group) load byte by byte; 3 filters store 3 of
// the 4 lanes. Requantization: (acc * m + 2^(s-1)) >> s in 64 bits, plus
// the zero point, clamped, truncated to int8.
// CHECK-LABEL: func.func @generic_requantized
// CHECK-COUNT-3: memref.load %arg0
// CHECK: arith.muli %{{.*}}, %{{.*}} : vector<16xi16>
// CHECK: vector.shuffle %{{.*}}, %{{.*}} [0, 4, 8, 12] : vector<16xi32>, vector<16xi32>
// CHECK: arith.muli %{{.*}}, %{{.*}} : vector<4xi64>
// CHECK: arith.shrsi %{{.*}}, %{{.*}} : vector<4xi64>
// CHECK: arith.maxsi
// CHECK: arith.minsi
// CHECK: %[[Y:.*]] = arith.trunci %{{.*}} : vector<4xi64> to vector<4xi8>
// CHECK: %[[Y3:.*]] = vector.extract_strided_slice %[[Y]] {offsets = [0], sizes = [3], strides = [1]} : vector<4xi8> to vector<3xi8>
// CHECK: vector.store %[[Y3]], %arg5
func.func @generic_requantized(%x: memref<1x1x1x3xi8>, %w: memref<1x1x1x1x4x4xi8>, %b: memref<4xi32>, %m: memref<4xi32>, %s: memref<4xi32>, %o: memref<1x1x1x3xi8>) {
  conv.integer ins(%x, %w : memref<1x1x1x3xi8>, memref<1x1x1x1x4x4xi8>) bias(%b : memref<4xi32>) requantize(%m, %s : memref<4xi32>, memref<4xi32>) outs(%o : memref<1x1x1x3xi8>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, output_zero_point = 3, output_min = 3, packed = "generic", edgec.schedule = {lanes = 4 : i64, rows = 1 : i64, vectors = 1 : i64}}
  return
}

// -----

// Depthwise: vectors of channels, widened to int32 and multiplied.
// CHECK-LABEL: func.func @depthwise
// CHECK: arith.extsi %{{.*}} : vector<4xi8> to vector<4xi32>
// CHECK: arith.muli %{{.*}}, %{{.*}} : vector<4xi32>
// CHECK: vector.store %{{.*}}, %arg3{{.*}} : memref<1x2x2x4xi32>, vector<4xi32>
func.func @depthwise(%x: memref<1x4x4x4xi8>, %w: memref<3x3x4xi8>, %b: memref<4xi32>, %o: memref<1x2x2x4xi32>) {
  conv.integer ins(%x, %w : memref<1x4x4x4xi8>, memref<3x3x4xi8>) bias(%b : memref<4xi32>) outs(%o : memref<1x2x2x4xi32>) {depthwise, strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, packed = "generic", edgec.schedule = {lanes = 4 : i64, rows = 2 : i64, vectors = 1 : i64}}
  return
}

// -----

// Before conv-lower-algorithms has laid it out, there is no kernel.
func.func @not_laid_out(%x: memref<1x2x2x4xi8>, %w: memref<1x1x4x4xi8>, %o: memref<1x2x2x4xi32>) {
  // expected-error @+1 {{int8 kernels need conv-lower-algorithms' layout and bufferized operands with a unit innermost stride}}
  conv.integer ins(%x, %w : memref<1x2x2x4xi8>, memref<1x1x4x4xi8>) outs(%o : memref<1x2x2x4xi32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>}
  return
}
