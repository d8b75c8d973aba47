// RUN: edgec-opt %s -split-input-file -edgec-outline-kernels | FileCheck %s

// Each top-level loop nest becomes an internal, never-inlined function
// called in its place. A view with an identity layout travels as a buffer;
// a strided one is rebuilt inside from the buffer it views; constants are
// rebuilt.
// CHECK-LABEL: func.func private @entry_kernel0(
// CHECK-SAME: %[[IN:[^:]*]]: memref<4x8xf32>, %[[OUT:[^:]*]]: memref<8x8xf32>)
// CHECK-SAME: attributes {llvm.linkage = #llvm.linkage<internal>, no_inline}
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
// CHECK-DAG: %[[SUB:.*]] = memref.subview %[[OUT]][4, 0] [4, 8] [1, 1]
// CHECK: scf.for %{{.*}} = %{{.*}} to %[[C4]]
// CHECK: memref.store %{{.*}}, %[[SUB]]
// CHECK-LABEL: func.func @entry(
// CHECK-SAME: %[[ARENA:[^:]*]]: memref<128xi8>, %[[DST:[^:]*]]: memref<8x8xf32>)
// CHECK: %[[VIEW:.*]] = memref.view %[[ARENA]]
// CHECK: call @entry_kernel0(%[[VIEW]], %[[DST]])
// CHECK-NOT: scf.for
func.func @entry(%arena: memref<128xi8>, %dst: memref<8x8xf32>) attributes {edgec.entry} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %in = memref.view %arena[%c0][] : memref<128xi8> to memref<4x8xf32>
  %sub = memref.subview %dst[4, 0] [4, 8] [1, 1] : memref<8x8xf32> to memref<4x8xf32, strided<[8, 1], offset: 32>>
  scf.for %i = %c0 to %c4 step %c1 {
    scf.for %j = %c0 to %c8 step %c1 {
      %v = memref.load %in[%i, %j] : memref<4x8xf32>
      memref.store %v, %sub[%i, %j] : memref<4x8xf32, strided<[8, 1], offset: 32>>
    }
  }
  return
}

// -----

// Two kernels whose functions come out the same (the same code on other
// buffers) share one function; a different one gets its own.
// CHECK-LABEL: func.func private @entry_kernel0(
// CHECK: arith.addf
// CHECK-LABEL: func.func private @entry_kernel1(
// CHECK: arith.mulf
// CHECK-NOT: func.func private
// CHECK-LABEL: func.func @entry(
// CHECK-SAME: %[[A:[^:]*]]: memref<16xf32>, %[[B:[^:]*]]: memref<16xf32>, %[[C:[^:]*]]: memref<16xf32>)
// CHECK: call @entry_kernel0(%[[A]], %[[B]])
// CHECK: call @entry_kernel0(%[[B]], %[[C]])
// CHECK: call @entry_kernel1(%[[C]], %[[A]])
#id = affine_map<(d0) -> (d0)>
func.func @entry(%a: memref<16xf32>, %b: memref<16xf32>, %c: memref<16xf32>) attributes {edgec.entry} {
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%a : memref<16xf32>) outs(%b : memref<16xf32>) {
  ^bb0(%x: f32, %y: f32):
    %s = arith.addf %x, %x : f32
    linalg.yield %s : f32
  }
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%b : memref<16xf32>) outs(%c : memref<16xf32>) {
  ^bb0(%x: f32, %y: f32):
    %s = arith.addf %x, %x : f32
    linalg.yield %s : f32
  }
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%c : memref<16xf32>) outs(%a : memref<16xf32>) {
  ^bb0(%x: f32, %y: f32):
    %s = arith.mulf %x, %x : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// A kernel using a dynamically shaped buffer, which cannot travel as a bare
// pointer, stays where it is.
// CHECK-LABEL: func.func @entry(
// CHECK-NOT: call
// CHECK: scf.for
func.func @entry(%a: memref<?xf32>, %n: index) attributes {edgec.entry} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0.0 : f32
  scf.for %i = %c0 to %n step %c1 {
    memref.store %z, %a[%i] : memref<?xf32>
  }
  return
}
