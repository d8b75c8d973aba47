// RUN: edgec-opt %s -split-input-file -verify-diagnostics
// Every diagnostic of the elementwise ops' shape inference and verifiers.

func.func @binary_no_broadcast(%a: tensor<2x3xf32>, %b: tensor<4xf32>) {
  // expected-error @+2 {{operands of shapes [2, 3] and [4] do not broadcast}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.max %a, %b : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @binary_element_types(%a: tensor<3xf32>, %b: tensor<3xi64>) {
  // expected-error @+1 {{requires the same element type for all operands and results}}
  %0 = edge.mod %a, %b : (tensor<3xf32>, tensor<3xi64>) -> tensor<3xf32>
  return
}

// -----

func.func @binary_result_shape(%a: tensor<2x1xf32>, %b: tensor<3xf32>) {
  // expected-error @+2 {{inferred type(s) 'tensor<2x3xf32>' are incompatible with return type(s) of operation 'tensor<2x1xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.min %a, %b : (tensor<2x1xf32>, tensor<3xf32>) -> tensor<2x1xf32>
  return
}

// -----

func.func @logical_needs_bool(%a: tensor<3xf32>) {
  // expected-error @+1 {{operand #0 must be statically shaped tensor of 1-bit signless integer values}}
  %0 = edge.and %a, %a : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @compare_no_broadcast(%a: tensor<2x3xi64>, %b: tensor<2xi64>) {
  // expected-error @+2 {{operands of shapes [2, 3] and [2] do not broadcast}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.less %a, %b : (tensor<2x3xi64>, tensor<2xi64>) -> tensor<2x3xi1>
  return
}

// -----

func.func @compare_element_types(%a: tensor<3xf32>, %b: tensor<3xi32>) {
  // expected-error @+1 {{requires the same element type for all operands}}
  %0 = edge.equal %a, %b : (tensor<3xf32>, tensor<3xi32>) -> tensor<3xi1>
  return
}

// -----

// Only equality compares booleans.
func.func @order_of_booleans(%a: tensor<3xi1>) {
  // expected-error @+1 {{operand #0 must be statically shaped tensor of 32-bit float or 32-bit signless integer or 64-bit signless integer values}}
  %0 = edge.greater %a, %a : (tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
  return
}

// -----

func.func @where_no_broadcast(%c: tensor<2x1xi1>, %a: tensor<3xf32>, %b: tensor<4xf32>) {
  // expected-error @+2 {{operands of shapes [2, 1] and [3] and [4] do not broadcast}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.where %c, %a, %b : (tensor<2x1xi1>, tensor<3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @where_element_types(%c: tensor<3xi1>, %a: tensor<3xf32>, %b: tensor<3xi64>) {
  // expected-error @+2 {{operands of element types 'f32' and 'i64' differ}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.where %c, %a, %b : (tensor<3xi1>, tensor<3xf32>, tensor<3xi64>) -> tensor<3xf32>
  return
}

// -----

func.func @where_condition_not_bool(%c: tensor<3xf32>, %a: tensor<3xf32>) {
  // expected-error @+1 {{operand #0 must be statically shaped tensor of 1-bit signless integer values}}
  %0 = edge.where %c, %a, %a : (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return
}

// -----

// The slope stretches to the input, never the input to the slope.
func.func @prelu_slope_larger(%x: tensor<3xf32>, %s: tensor<2x3xf32>) {
  // expected-error @+2 {{slope of shape [2, 3] does not broadcast to input of shape [3]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.prelu %x, %s : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @prelu_slope_mismatch(%x: tensor<1x4x2x2xf32>, %s: tensor<3x1x1xf32>) {
  // expected-error @+2 {{slope of shape [3, 1, 1] does not broadcast to input of shape [1, 4, 2, 2]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.prelu %x, %s : (tensor<1x4x2x2xf32>, tensor<3x1x1xf32>) -> tensor<1x4x2x2xf32>
  return
}

// -----

func.func @unary_float_only(%x: tensor<3xi32>) {
  // expected-error @+1 {{operand #0 must be statically shaped tensor of 32-bit float values}}
  %0 = edge.exp %x : tensor<3xi32>
  return
}

// -----

func.func @not_needs_bool(%x: tensor<3xi32>) {
  // expected-error @+1 {{operand #0 must be statically shaped tensor of 1-bit signless integer values}}
  %0 = edge.not %x : tensor<3xi32>
  return
}

// -----

func.func @is_nan_float_only(%x: tensor<3xi64>) {
  // expected-error @+1 {{operand #0 must be statically shaped tensor of 32-bit float values}}
  %0 = edge.is_nan %x : tensor<3xi64>
  return
}

// -----

// The result type is inferred as the op is parsed.
func.func @cast_unsupported_type(%x: tensor<3xf32>) {
  // expected-error @+1 {{cannot cast to 'i16'; graph tensors hold f32, f16, f64, i1, i8, ui8, i32 or i64}}
  %0 = edge.cast %x to i16 : tensor<3xf32>
  return
}
