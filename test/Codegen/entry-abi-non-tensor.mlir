// RUN: edgec-opt %s -edgec-entry-abi -split-input-file -verify-diagnostics
// The runtime passes tensors only: anything else at the boundary of @main is
// diagnosed instead of crashing the pass.

// expected-error @+1 {{inputs and results must be statically shaped tensors, not 'f32'}}
func.func @main(%x: f32) -> f32 {
  return %x : f32
}

// -----

// expected-error @+1 {{inputs and results must be statically shaped tensors, not 'tensor<?x4xf32>'}}
func.func @main(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  return %x : tensor<?x4xf32>
}
