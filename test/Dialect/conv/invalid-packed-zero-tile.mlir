// RUN: edgec-opt %s -verify-diagnostics
// A packed filter whose tile dimension T is 0 must be rejected with a
// diagnostic, not crash the verifier.

func.func @packed_zero_tile(%x: memref<1x5x5x3xf32>, %w: memref<1x1x3x3x3x0xf32>, %o: memref<1x3x3x4xf32>) {
  // expected-error @+1 {{packed filter [1, 1, 3, 3, 3, 0] is not}}
  conv.direct ins(%x, %w : memref<1x5x5x3xf32>, memref<1x1x3x3x3x0xf32>) outs(%o : memref<1x3x3x4xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1, packed}
  return
}
