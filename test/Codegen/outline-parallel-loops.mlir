// RUN: edgec-opt %s -split-input-file -edgec-outline-parallel-loops | FileCheck %s

// An outermost scf.parallel becomes a task over [begin, end) and a call to
// its dispatch declaration with the trip count. The subview is rebuilt in
// the task from the buffer it views, which travels as a plain memref.
// CHECK-LABEL: func.func private @entry_task0(
// CHECK-SAME: %[[BEGIN:[^:]*]]: index, %[[END:[^:]*]]: index, %[[IN:[^:]*]]: memref<16x8xf32>, %[[OUT:[^:]*]]: memref<16x8xf32>)
// CHECK: %[[SUB:.*]] = memref.subview %[[OUT]]
// CHECK: scf.for %[[I:.*]] = %[[BEGIN]] to %[[END]]
// CHECK: memref.load %[[IN]][%[[I]],
// CHECK: memref.store %{{.*}}, %[[SUB]][%[[I]],
// CHECK: func.func private @edgec_dispatch.entry_task0(index, memref<16x8xf32>, memref<16x8xf32>)
// CHECK-LABEL: func.func @entry(
// CHECK: %[[N:.*]] = arith.constant 16 : index
// CHECK: call @edgec_dispatch.entry_task0(%[[N]], %{{.*}}, %{{.*}})
// CHECK-NOT: scf.parallel
func.func @entry(%in: memref<16x8xf32>, %out: memref<16x8xf32>) attributes {edgec.entry} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %sub = memref.subview %out[0, 0] [16, 8] [1, 1] : memref<16x8xf32> to memref<16x8xf32, strided<[8, 1]>>
  scf.parallel (%i) = (%c0) to (%c16) step (%c1) {
    scf.for %j = %c0 to %c8 step %c1 {
      %v = memref.load %in[%i, %j] : memref<16x8xf32>
      memref.store %v, %sub[%i, %j] : memref<16x8xf32, strided<[8, 1]>>
    }
    scf.reduce
  }
  return
}
