// RUN: edgec-opt %s -split-input-file -conv-lower-algorithms -verify-diagnostics
// The diagnostics of conv-lower-algorithms.

// Winograd transforms its filter at compile time (conv-select-algorithm
// only picks it for constant filters).
func.func @winograd_runtime_filter(%x: tensor<1x4x4x1xf32>, %w: tensor<3x3x1x1xf32>) -> tensor<1x2x2x1xf32> {
  %i = tensor.empty() : tensor<1x2x2x1xf32>
  // expected-error @+1 {{'conv.winograd' op needs a constant filter: its transform happens at compile time}}
  %0 = conv.winograd ins(%x, %w : tensor<1x4x4x1xf32>, tensor<3x3x1x1xf32>) outs(%i : tensor<1x2x2x1xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, tile = 2} -> tensor<1x2x2x1xf32>
  return %0 : tensor<1x2x2x1xf32>
}
