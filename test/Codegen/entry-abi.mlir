// RUN: edgec-opt %s -edgec-entry-abi="symbol=foo min-weight-bytes=64" -split-input-file -verify-diagnostics | FileCheck %s
// @main(tensors) -> tensors becomes @foo(inputs..., outputs..., weights) on
// memrefs: large constants move into one 64-byte aligned weights blob.

// CHECK-LABEL: module attributes {edgec.weights = dense_resource<edgec_weights> : tensor<192xi8>}
// CHECK-NOT: func.func @main
// CHECK: func.func @foo(
// CHECK-SAME: %[[X:[a-z0-9]+]]: memref<1x16xf32> {edgec.name = "input"},
// CHECK-SAME: %[[Y:[a-z0-9]+]]: memref<4xf32> {edgec.name = "second"},
// CHECK-SAME: %[[OUT0:[a-z0-9]+]]: memref<1x16xf32> {edgec.name = "out"},
// CHECK-SAME: %[[OUT1:[a-z0-9]+]]: memref<4xf32> {edgec.name = "out2"},
// CHECK-SAME: %[[W:[a-z0-9]+]]: memref<192xi8> {edgec.weights})
// CHECK-SAME: attributes {edgec.entry, edgec.num_inputs = 2 : i64}
// Inputs are read-only tensors over the caller's buffers.
// CHECK: %[[XT:.*]] = bufferization.to_tensor %[[X]] restrict : memref<1x16xf32>
// CHECK: %[[YT:.*]] = bufferization.to_tensor %[[Y]] restrict : memref<4xf32>
// The 68-byte constant starts the blob...
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: %[[V0:.*]] = memref.view %[[W]][%[[C0]]][] : memref<192xi8> to memref<17xf32>
// CHECK: %[[W0:.*]] = bufferization.to_tensor %[[V0]] restrict : memref<17xf32>
// ...and the 64-byte one (exactly min-weight-bytes) starts at the next
// multiple of 64.
// CHECK: %[[C128:.*]] = arith.constant 128 : index
// CHECK: %[[V1:.*]] = memref.view %[[W]][%[[C128]]][] : memref<192xi8> to memref<1x16xf32>
// CHECK: %[[W1:.*]] = bufferization.to_tensor %[[V1]] restrict : memref<1x16xf32>
// Smaller constants and splats stay constants, whatever their size.
// CHECK: %[[SMALL:.*]] = arith.constant dense<[1.000000e+00, {{.*}}]> : tensor<15xf32>
// CHECK: %[[SPLAT:.*]] = arith.constant dense<2.000000e+00> : tensor<1x64xf32>
// CHECK: %[[E:.*]] = tensor.extract_slice %[[W0]][0] [4] [1]
// CHECK: %[[S:.*]] = tensor.extract_slice %[[SMALL]][0] [4] [1]
// CHECK: %[[P:.*]] = tensor.extract_slice %[[SPLAT]][0, 0] [1, 16] [1, 1]
// CHECK: %[[R0:.*]] = arith.addf %[[XT]], %[[W1]]
// CHECK: %[[R1:.*]] = arith.mulf %[[R0]], %[[P]]
// CHECK: %[[A:.*]] = arith.addf %[[YT]], %[[S]]
// CHECK: %[[R2:.*]] = arith.addf %[[A]], %[[E]]
// Results are written into the caller's output buffers.
// CHECK: bufferization.materialize_in_destination %[[R1]] in restrict writable %[[OUT0]] : (tensor<1x16xf32>, memref<1x16xf32>) -> ()
// CHECK: bufferization.materialize_in_destination %[[R2]] in restrict writable %[[OUT1]] : (tensor<4xf32>, memref<4xf32>) -> ()
// CHECK-NEXT: return{{$}}
// The blob (after its 4-byte alignment header, 64): 1.0 ... 17.0, zeros up
// to offset 128, then -1.0, 1.0, ...
// CHECK: edgec_weights: "0x400000000000803F00000040{{([0-9A-F]{112})}}00008841{{(0{120})}}000080BF0000803F
func.func @main(%x: tensor<1x16xf32> {edgec.name = "input"}, %y: tensor<4xf32> {edgec.name = "second"})
    -> (tensor<1x16xf32> {edgec.name = "out"}, tensor<4xf32> {edgec.name = "out2"}) {
  %w0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0]> : tensor<17xf32>
  %w1 = arith.constant dense<[[-1.0, 1.0, -1.0, 1.0, -1.0, 1.0, -1.0, 1.0, -1.0, 1.0, -1.0, 1.0, -1.0, 1.0, -1.0, 1.0]]> : tensor<1x16xf32>
  %small = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0]> : tensor<15xf32>
  %splat = arith.constant dense<2.0> : tensor<1x64xf32>
  %e = tensor.extract_slice %w0[0] [4] [1] : tensor<17xf32> to tensor<4xf32>
  %s = tensor.extract_slice %small[0] [4] [1] : tensor<15xf32> to tensor<4xf32>
  %p = tensor.extract_slice %splat[0, 0] [1, 16] [1, 1] : tensor<1x64xf32> to tensor<1x16xf32>
  %0 = arith.addf %x, %w1 : tensor<1x16xf32>
  %1 = arith.mulf %0, %p : tensor<1x16xf32>
  %2 = arith.addf %y, %s : tensor<4xf32>
  %3 = arith.addf %2, %e : tensor<4xf32>
  return %1, %3 : tensor<1x16xf32>, tensor<4xf32>
}

// -----

// Without large constants the weights argument is empty. Other functions
// are left alone.
// CHECK-LABEL: module attributes {edgec.weights = dense_resource<edgec_weights> : tensor<0xi8>}
// CHECK: func.func @helper(%{{.*}}: tensor<4xf32>) -> tensor<4xf32>
// CHECK: func.func @foo(%[[X:.*]]: memref<4xf32>, %[[OUT:.*]]: memref<4xf32>, %{{.*}}: memref<0xi8> {edgec.weights})
// CHECK-SAME: attributes {edgec.entry, edgec.num_inputs = 1 : i64}
// CHECK: %[[XT:.*]] = bufferization.to_tensor %[[X]] restrict
// CHECK: %[[R:.*]] = call @helper(%[[XT]])
// CHECK: bufferization.materialize_in_destination %[[R]] in restrict writable %[[OUT]]
// CHECK: edgec_weights: "0x40000000"
func.func @helper(%x: tensor<4xf32>) -> tensor<4xf32> {
  %c = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %0 = arith.addf %x, %c : tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = func.call @helper(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// A module without @main has no entry.
// expected-error @+1 {{expected a function @main with a body}}
module {
  func.func @other(%x: tensor<4xf32>) -> tensor<4xf32> {
    return %x : tensor<4xf32>
  }
}

// -----

// Nor does a module whose @main is only declared.
// expected-error @+1 {{expected a function @main with a body}}
module {
  func.func private @main(%x: tensor<4xf32>) -> tensor<4xf32>
}
