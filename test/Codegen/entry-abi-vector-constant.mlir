// RUN: edgec-opt %s -edgec-entry-abi="min-weight-bytes=16" | FileCheck %s
// Only tensor constants move into the weights blob; a vector constant stays
// in the code.

// CHECK: edgec.weights = dense_resource<edgec_weights> : tensor<0xi8>
// CHECK-LABEL: func.func @model
// CHECK: arith.constant dense<{{.*}}> : vector<16xf32>
func.func @main(%x: tensor<16xf32>) -> tensor<16xf32> {
  %v = arith.constant dense<[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0]> : vector<16xf32>
  %c0 = arith.constant 0 : index
  %e = vector.extractelement %v[%c0 : index] : vector<16xf32>
  %r = tensor.insert %e into %x[%c0] : tensor<16xf32>
  return %r : tensor<16xf32>
}
