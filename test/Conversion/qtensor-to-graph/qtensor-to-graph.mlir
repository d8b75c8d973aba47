// RUN: edgec-opt %s -split-input-file -convert-qtensor-to-graph -verify-diagnostics | FileCheck %s
// convert-qtensor-to-graph: each qtensor op becomes the graph arithmetic
// that defines it, on the storage integers.

// Per tensor: divide, round halves to even, add the zero point, saturate,
// cast to the storage type.
// CHECK-LABEL: func @quantize
// CHECK-DAG: %[[S:.*]] = edge.constant dense<5.000000e-01> : tensor<f32>
// CHECK-DAG: %[[Z:.*]] = edge.constant dense<-3.000000e+00> : tensor<f32>
// CHECK: %[[D:.*]] = edge.div %arg0, %[[S]]
// CHECK: %[[R:.*]] = edge.round %[[D]]
// CHECK: %[[A:.*]] = edge.add %[[R]], %[[Z]]
// CHECK: %[[C:.*]] = edge.clip %[[A]] {max = 1.270000e+02 : f32, min = -1.280000e+02 : f32}
// CHECK: %[[Q:.*]] = edge.cast %[[C]] to i8
// CHECK: return %[[Q]] : tensor<4xi8>
func.func @quantize(%x: tensor<4xf32>) -> tensor<4xi8> {
  %q = qtensor.quantize %x : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.5:-3>>
  %s = qtensor.storage_cast %q : tensor<4x!quant.uniform<i8:f32, 0.5:-3>> -> tensor<4xi8>
  return %s : tensor<4xi8>
}

// -----

// Per axis, uint8: the parameters broadcast along dimension 1 of NCHW; zero
// points of 0 add nothing; uint8 saturates to 0..255.
// CHECK-LABEL: func @per_axis
// CHECK: %[[S:.*]] = edge.constant dense<{{\[\[\[}}1.000000e-01]], {{\[\[}}2.000000e-01]], {{\[\[}}4.000000e-01]]]> : tensor<3x1x1xf32>
// CHECK: edge.div %arg0, %[[S]] : (tensor<1x3x2x2xf32>, tensor<3x1x1xf32>)
// CHECK-NOT: edge.add
// CHECK: edge.clip {{.*}} {max = 2.550000e+02 : f32, min = 0.000000e+00 : f32}
// CHECK: edge.cast {{.*}} to ui8
func.func @per_axis(%x: tensor<1x3x2x2xf32>) -> tensor<1x3x2x2xui8> {
  %q = qtensor.quantize %x : tensor<1x3x2x2xf32> -> tensor<1x3x2x2x!quant.uniform<u8:f32:1, {0.1, 0.2, 0.4}>>
  %s = qtensor.storage_cast %q : tensor<1x3x2x2x!quant.uniform<u8:f32:1, {0.1, 0.2, 0.4}>> -> tensor<1x3x2x2xui8>
  return %s : tensor<1x3x2x2xui8>
}

// -----

// Dequantize: widen, subtract the zero point, scale.
// CHECK-LABEL: func @dequantize
// CHECK: %[[F:.*]] = edge.cast %arg0 to f32 : tensor<2x3xui8>
// CHECK: %[[Z:.*]] = edge.sub %[[F]], %{{.*}}
// CHECK: %[[X:.*]] = edge.mul %[[Z]], %{{.*}}
// CHECK: return %[[X]] : tensor<2x3xf32>
func.func @dequantize(%w: tensor<2x3xui8>) -> tensor<2x3xf32> {
  %q = qtensor.storage_cast %w : tensor<2x3xui8> -> tensor<2x3x!quant.uniform<u8:f32, 0.25:128>>
  %x = qtensor.dequantize %q : tensor<2x3x!quant.uniform<u8:f32, 0.25:128>> -> tensor<2x3xf32>
  return %x : tensor<2x3xf32>
}

// -----

// Requantize is dequantize then quantize.
// CHECK-LABEL: func @requantize
// CHECK: edge.cast %arg0 to f32
// CHECK: edge.mul
// CHECK: edge.div
// CHECK: edge.round
// CHECK: edge.cast {{.*}} to ui8
func.func @requantize(%x: tensor<4xi8>) -> tensor<4xui8> {
  %q = qtensor.storage_cast %x : tensor<4xi8> -> tensor<4x!quant.uniform<i8:f32, 0.5>>
  %r = qtensor.requantize %q : tensor<4x!quant.uniform<i8:f32, 0.5>> -> tensor<4x!quant.uniform<u8:f32, 0.25:128>>
  %s = qtensor.storage_cast %r : tensor<4x!quant.uniform<u8:f32, 0.25:128>> -> tensor<4xui8>
  return %s : tensor<4xui8>
}

// -----

// expected-error @+1 {{function 'boundary' takes or returns 'tensor<4x!quant.uniform<i8:f32, 5.000000e-01>>': pass quantized values as their storage integers}}
func.func @boundary(%q: tensor<4x!quant.uniform<i8:f32, 0.5>>) -> tensor<4xf32> {
  %x = qtensor.dequantize %q : tensor<4x!quant.uniform<i8:f32, 0.5>> -> tensor<4xf32>
  return %x : tensor<4xf32>
}
