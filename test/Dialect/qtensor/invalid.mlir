// RUN: edgec-opt %s -split-input-file -verify-diagnostics
// Every diagnostic of the qtensor dialect's verifiers (QTensorOps.cpp).

func.func @expressed_f16(%x: tensor<4xf32>) {
  // expected-error @+1 {{'qtensor.quantize' op result stands for 'f16' values; only f32 is supported}}
  %q = qtensor.quantize %x : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f16, 0.5>>
  return
}

// -----

func.func @int4(%x: tensor<4xf32>) {
  // expected-error @+1 {{'qtensor.quantize' op result has 4-bit storage; only 8-bit storage (int8, uint8) is supported}}
  %q = qtensor.quantize %x : tensor<4xf32> -> tensor<4x!quant.uniform<i4:f32, 0.5>>
  return
}

// -----

func.func @narrow_range(%x: tensor<4xf32>) {
  // expected-error @+1 {{'qtensor.quantize' op result narrows its storage range; ONNX saturates to the whole int8 or uint8 range}}
  %q = qtensor.quantize %x : tensor<4xf32> -> tensor<4x!quant.uniform<i8<-127:127>:f32, 0.5>>
  return
}

// -----

func.func @axis_out_of_range(%x: tensor<2x3xi8>) {
  // expected-error @+1 {{'qtensor.storage_cast' op result is quantized along dimension 2 of a rank-2 tensor}}
  %q = qtensor.storage_cast %x : tensor<2x3xi8> -> tensor<2x3x!quant.uniform<i8:f32:2, {0.1, 0.2}>>
  return
}

// -----

func.func @scale_count(%q: tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2}>>) {
  // expected-error @+1 {{'qtensor.dequantize' op operand has 2 scales for dimension 1 of size 3}}
  %x = qtensor.dequantize %q : tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2}>> -> tensor<2x3xf32>
  return
}

// -----

func.func @storage_mismatch(%x: tensor<4xui8>) {
  // expected-error @+1 {{'qtensor.storage_cast' op the storage type of 'tensor<4x!quant.uniform<i8:f32, 5.000000e-01>>' is 'tensor<4xi8>', not 'tensor<4xui8>'}}
  %q = qtensor.storage_cast %x : tensor<4xui8> -> tensor<4x!quant.uniform<i8:f32, 0.5>>
  return
}

// -----

func.func @both_quantized(%q: tensor<4x!quant.uniform<i8:f32, 0.5>>) {
  // expected-error @+1 {{'qtensor.storage_cast' op casts between a quantized tensor and its storage type; both sides are quantized}}
  %r = qtensor.storage_cast %q : tensor<4x!quant.uniform<i8:f32, 0.5>> -> tensor<4x!quant.uniform<i8:f32, 0.25>>
  return
}

// -----

func.func @requantize_result(%q: tensor<4x!quant.uniform<i8:f32, 0.5>>) {
  // expected-error @+1 {{'qtensor.requantize' op result has 16-bit storage; only 8-bit storage (int8, uint8) is supported}}
  %r = qtensor.requantize %q : tensor<4x!quant.uniform<i8:f32, 0.5>> -> tensor<4x!quant.uniform<i16:f32, 0.25>>
  return
}

// -----

func.func @not_quantized(%x: tensor<4xf32>) {
  // expected-error @+1 {{'qtensor.quantize' op result #0 must be statically shaped tensor of uniform quantized type (per tensor or per axis) values}}
  %q = qtensor.quantize %x : tensor<4xf32> -> tensor<4xi8>
  return
}
