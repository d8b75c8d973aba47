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

// -----

func.func @conv_result_shape(%x: tensor<1x2x4x4xi8>, %w: tensor<3x2x3x3xi8>) {
  // expected-error @+1 {{'qtensor.conv' op result of shape [1, 3, 4, 4] should be [1, 3, 2, 2]}}
  %acc = qtensor.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x2x4x4xi8>, tensor<3x2x3x3xi8>) -> tensor<1x3x4x4xi32>
  return
}

// -----

func.func @conv_groups(%x: tensor<1x4x4x4xi8>, %w: tensor<3x2x1x1xi8>) {
  // expected-error @+1 {{'qtensor.conv' op filter [3, 2, 1, 1] does not split input [1, 4, 4, 4] into 2 groups}}
  %acc = qtensor.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 2} : (tensor<1x4x4x4xi8>, tensor<3x2x1x1xi8>) -> tensor<1x3x4x4xi32>
  return
}

// -----

func.func @conv_zero_point(%x: tensor<1x2x4x4xi8>, %w: tensor<3x2x1x1xi8>) {
  // expected-error @+1 {{'qtensor.conv' op input_zero_point 128 is outside int8}}
  %acc = qtensor.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1, input_zero_point = 128} : (tensor<1x2x4x4xi8>, tensor<3x2x1x1xi8>) -> tensor<1x3x4x4xi32>
  return
}

// -----

func.func @conv_unsigned(%x: tensor<1x2x4x4xui8>, %w: tensor<3x2x1x1xi8>) {
  // expected-error @+1 {{'qtensor.conv' op operand #0 must be statically shaped tensor of 8-bit signless integer values}}
  %acc = qtensor.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x2x4x4xui8>, tensor<3x2x1x1xi8>) -> tensor<1x3x4x4xi32>
  return
}

// -----

func.func @rescale_count(%acc: tensor<1x3x2x2xi32>) {
  // expected-error @+1 {{'qtensor.rescale' op needs 1 or 3 multipliers, not 2}}
  %y = qtensor.rescale %acc {multipliers = array<i32: 1, 1>, shifts = array<i32: 1, 1>, output_zero_point = 0} : tensor<1x3x2x2xi32> -> tensor<1x3x2x2xi8>
  return
}

// -----

func.func @rescale_shift(%acc: tensor<1x3x2x2xi32>) {
  // expected-error @+1 {{'qtensor.rescale' op multiplier 1073741824 with shift 63 is not a non-negative multiplier with a shift in [1, 62]}}
  %y = qtensor.rescale %acc {multipliers = array<i32: 1073741824>, shifts = array<i32: 63>, output_zero_point = 0} : tensor<1x3x2x2xi32> -> tensor<1x3x2x2xi8>
  return
}

// -----

func.func @rescale_clamp(%acc: tensor<1x3x2x2xi32>) {
  // expected-error @+1 {{'qtensor.rescale' op clamp [10, 5] is not in int8}}
  %y = qtensor.rescale %acc {multipliers = array<i32: 1073741824>, shifts = array<i32: 40>, output_zero_point = 0, output_min = 10, output_max = 5} : tensor<1x3x2x2xi32> -> tensor<1x3x2x2xi8>
  return
}
