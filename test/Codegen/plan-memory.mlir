// RUN: edgec-opt %s -split-input-file -edgec-plan-memory | FileCheck %s

#id = affine_map<(d0) -> (d0)>

// An elementwise op whose input dies there writes in place: both buffers
// become views at offset 0 of a 256-byte arena, half the naive 512 bytes.
// CHECK-LABEL: func.func @in_place
// CHECK-SAME: %[[S:[^:]*]]: memref<256xi8> {edgec.scratch}
// CHECK-SAME: edgec.in_place_buffers = 1 : i64, edgec.naive_bytes = 512 : i64, edgec.scratch_bytes = 256 : i64
// CHECK: %[[O1:.*]] = arith.constant 0 : index
// CHECK: %[[A:.*]] = memref.view %[[S]][%[[O1]]][] : memref<256xi8> to memref<64xf32>
// CHECK: %[[O2:.*]] = arith.constant 0 : index
// CHECK: %[[B:.*]] = memref.view %[[S]][%[[O2]]][] : memref<256xi8> to memref<64xf32>
// CHECK: ins(%[[A]] : memref<64xf32>) outs(%[[B]] : memref<64xf32>)
// CHECK-NOT: memref.alloc
// CHECK-NOT: memref.dealloc
func.func @in_place(%in: memref<64xf32>, %out: memref<64xf32>) attributes {edgec.entry} {
  %a = memref.alloc() : memref<64xf32>
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%in : memref<64xf32>) outs(%a : memref<64xf32>) {
  ^bb0(%x: f32, %y: f32):
    %e = math.exp %x : f32
    linalg.yield %e : f32
  }
  %b = memref.alloc() : memref<64xf32>
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%a : memref<64xf32>) outs(%b : memref<64xf32>) {
  ^bb0(%x: f32, %y: f32):
    %e = math.exp %x : f32
    linalg.yield %e : f32
  }
  linalg.copy ins(%b : memref<64xf32>) outs(%out : memref<64xf32>)
  memref.dealloc %a : memref<64xf32>
  memref.dealloc %b : memref<64xf32>
  return
}

// -----

#id = affine_map<(d0) -> (d0)>
#rev = affine_map<(d0) -> (63 - d0)>

// Reading the input in another order than writing the output is not in
// place: %a is still live when %b is written, so they take separate space.
// CHECK-LABEL: func.func @reversed
// CHECK-SAME: edgec.in_place_buffers = 0 : i64, edgec.naive_bytes = 512 : i64, edgec.scratch_bytes = 512 : i64
func.func @reversed(%in: memref<64xf32>, %out: memref<64xf32>) attributes {edgec.entry} {
  %a = memref.alloc() : memref<64xf32>
  linalg.copy ins(%in : memref<64xf32>) outs(%a : memref<64xf32>)
  %b = memref.alloc() : memref<64xf32>
  linalg.generic {indexing_maps = [#rev, #id], iterator_types = ["parallel"]} ins(%a : memref<64xf32>) outs(%b : memref<64xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }
  linalg.copy ins(%b : memref<64xf32>) outs(%out : memref<64xf32>)
  return
}

// -----

// Buffers whose lifetimes do not overlap share the arena: %a dies at the
// second copy, before %c is first written, so %c reuses offset 0; %b
// overlaps both and sits after them.
// CHECK-LABEL: func.func @reuse
// CHECK-SAME: edgec.naive_bytes = 768 : i64, edgec.scratch_bytes = 512 : i64
// CHECK: %[[OA:.*]] = arith.constant 0 : index
// CHECK: %[[OB:.*]] = arith.constant 256 : index
// CHECK: %[[OC:.*]] = arith.constant 0 : index
func.func @reuse(%in: memref<64xf32>, %out: memref<64xf32>) attributes {edgec.entry} {
  %a = memref.alloc() : memref<64xf32>
  linalg.copy ins(%in : memref<64xf32>) outs(%a : memref<64xf32>)
  %b = memref.alloc() : memref<64xf32>
  linalg.copy ins(%a : memref<64xf32>) outs(%b : memref<64xf32>)
  %c = memref.alloc() : memref<64xf32>
  linalg.copy ins(%b : memref<64xf32>) outs(%c : memref<64xf32>)
  linalg.copy ins(%c : memref<64xf32>) outs(%out : memref<64xf32>)
  return
}

// -----

// A view keeps its buffer alive: %a is read through %v after %b is
// written, so the two may not share space.
// CHECK-LABEL: func.func @view_extends_lifetime
// CHECK-SAME: edgec.naive_bytes = 512 : i64, edgec.scratch_bytes = 512 : i64
func.func @view_extends_lifetime(%in: memref<64xf32>, %out: memref<8x8xf32>, %out2: memref<64xf32>) attributes {edgec.entry} {
  %a = memref.alloc() : memref<64xf32>
  linalg.copy ins(%in : memref<64xf32>) outs(%a : memref<64xf32>)
  %v = memref.expand_shape %a [[0, 1]] output_shape [8, 8] : memref<64xf32> into memref<8x8xf32>
  %b = memref.alloc() : memref<64xf32>
  linalg.copy ins(%in : memref<64xf32>) outs(%b : memref<64xf32>)
  linalg.copy ins(%v : memref<8x8xf32>) outs(%out : memref<8x8xf32>)
  linalg.copy ins(%b : memref<64xf32>) outs(%out2 : memref<64xf32>)
  return
}

// -----

// Only the entry function is planned.
// CHECK-LABEL: func.func @helper
// CHECK: memref.alloc
func.func @helper(%in: memref<64xf32>) {
  %a = memref.alloc() : memref<64xf32>
  linalg.copy ins(%in : memref<64xf32>) outs(%a : memref<64xf32>)
  return
}
