// RUN: edgec-opt %s -split-input-file -edgec-generate-kernels -canonicalize -cse | FileCheck %s
// Bufferized conv.direct and conv.depthwise become channels-last vector
// kernels: a tile of `rows` output pixels by `vectors` vectors of `lanes`
// output channels lives in registers (scf.for iter_args) across the
// reduction, starts from the bias (or zero), and gets the residual and the
// activation applied before its one store. Extents that the tile does not
// divide get narrower remainder tiles (fewer pixels, shorter vectors).

// conv.direct, HWIO filter [2, 2, 2, 3], tile 2 pixels x 1 vector of 2
// filters: filters {0, 1} and a remainder tile of filter 2 (vector<1>);
// output columns {0, 1}, {2, 3} and a remainder column 4.
// CHECK-LABEL: func.func @direct
// CHECK-SAME: (%[[IN:.*]]: memref<1x3x6x2xf32>, %[[W:.*]]: memref<2x2x2x3xf32>, %[[B:.*]]: memref<3xf32>, %[[R:.*]]: memref<1x2x5x3xf32>, %[[OUT:.*]]: memref<1x2x5x3xf32>)
// CHECK-NOT: conv.direct
// CHECK-DAG: %[[ZERO2:.*]] = arith.constant dense<0.000000e+00> : vector<2xf32>
// CHECK-DAG: %[[ZERO1:.*]] = arith.constant dense<0.000000e+00> : vector<1xf32>
// Full tile: both pixels' accumulators start at the bias of the tile's
// filters.
// CHECK: scf.for %[[OW:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
// CHECK: %[[BIAS:.*]] = vector.load %[[B]][%[[F:.*]]] : memref<3xf32>, vector<2xf32>
// The kernel-row loop, then per kernel column a channel loop, carry them.
// CHECK: %[[ACC:.*]]:2 = scf.for %[[KH:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%{{.*}} = %[[BIAS]], %{{.*}} = %[[BIAS]]) -> (vector<2xf32>, vector<2xf32>) {
// CHECK: %[[ROW:.*]] = arith.addi %{{.*}}, %[[KH]] : index
// CHECK: %[[KW0:.*]]:2 = scf.for %[[C:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[A0:.*]] = %{{.*}}, %[[A1:.*]] = %{{.*}}) -> (vector<2xf32>, vector<2xf32>) {
// One vector of weights (kw = 0) for both pixels; one broadcast input value
// per pixel.
// CHECK: %[[WV:.*]] = vector.load %[[W]][%[[KH]], %{{.*}}, %[[C]], %[[F]]] : memref<2x2x2x3xf32>, vector<2xf32>
// CHECK: %[[X0:.*]] = memref.load %[[IN]][%{{.*}}, %[[ROW]], %[[OW]], %[[C]]] : memref<1x3x6x2xf32>
// CHECK: %[[S0:.*]] = vector.broadcast %[[X0]] : f32 to vector<2xf32>
// CHECK: %[[FMA0:.*]] = vector.fma %[[S0]], %[[WV]], %[[A0]] : vector<2xf32>
// CHECK: %[[X1:.*]] = memref.load %[[IN]][%{{.*}}, %[[ROW]], %{{.*}}, %[[C]]] : memref<1x3x6x2xf32>
// CHECK: %[[S1:.*]] = vector.broadcast %[[X1]] : f32 to vector<2xf32>
// CHECK: %[[FMA1:.*]] = vector.fma %[[S1]], %[[WV]], %[[A1]] : vector<2xf32>
// CHECK: scf.yield %[[FMA0]], %[[FMA1]] : vector<2xf32>, vector<2xf32>
// kw = 1 continues from kw = 0's sums.
// CHECK: %[[KW1:.*]]:2 = scf.for {{.*}} iter_args(%{{.*}} = %[[KW0]]#0, %{{.*}} = %[[KW0]]#1) -> (vector<2xf32>, vector<2xf32>) {
// CHECK: vector.load %[[W]][%[[KH]], %{{.*}}, %{{.*}}, %[[F]]] : memref<2x2x2x3xf32>, vector<2xf32>
// CHECK-COUNT-2: vector.fma
// CHECK: scf.yield %[[KW1]]#0, %[[KW1]]#1 : vector<2xf32>, vector<2xf32>
// Epilogue per pixel: + residual, relu, store.
// CHECK: %[[RES0:.*]] = vector.load %[[R]][%{{.*}}, %{{.*}}, %[[OW]], %[[F]]] : memref<1x2x5x3xf32>, vector<2xf32>
// CHECK: %[[SUM0:.*]] = arith.addf %[[ACC]]#0, %[[RES0]] : vector<2xf32>
// CHECK: %[[NEG0:.*]] = arith.cmpf olt, %[[SUM0]], %[[ZERO2]] : vector<2xf32>
// CHECK: %[[RELU0:.*]] = arith.select %[[NEG0]], %[[ZERO2]], %[[SUM0]] : vector<2xi1>, vector<2xf32>
// CHECK: vector.store %[[RELU0]], %[[OUT]][%{{.*}}, %{{.*}}, %[[OW]], %[[F]]] : memref<1x2x5x3xf32>, vector<2xf32>
// CHECK: %[[RES1:.*]] = vector.load %[[R]]{{.*}} : memref<1x2x5x3xf32>, vector<2xf32>
// CHECK: %[[SUM1:.*]] = arith.addf %[[ACC]]#1, %[[RES1]] : vector<2xf32>
// CHECK: arith.cmpf olt, %[[SUM1]], %[[ZERO2]] : vector<2xf32>
// CHECK: vector.store %{{.*}}, %[[OUT]]{{.*}} : memref<1x2x5x3xf32>, vector<2xf32>
// The remainder column (4): a one-pixel tile, one accumulator.
// CHECK: %[[RBIAS:.*]] = vector.load %[[B]][%[[F]]] : memref<3xf32>, vector<2xf32>
// CHECK: scf.for {{.*}} iter_args(%{{.*}} = %[[RBIAS]]) -> (vector<2xf32>) {
// CHECK: memref.load %[[IN]][%{{.*}}, %{{.*}}, %c4, %{{.*}}] : memref<1x3x6x2xf32>
// CHECK: vector.fma {{.*}} : vector<2xf32>
// CHECK: vector.store %{{.*}}, %[[OUT]][%{{.*}}, %{{.*}}, %c4, %[[F]]] : memref<1x2x5x3xf32>, vector<2xf32>
// The remainder filter (2): vector<1> loads of bias, weights, residual.
// CHECK: %[[B2:.*]] = vector.load %[[B]][%c2] : memref<3xf32>, vector<1xf32>
// CHECK: scf.for {{.*}} iter_args(%{{.*}} = %[[B2]], %{{.*}} = %[[B2]]) -> (vector<1xf32>, vector<1xf32>) {
// CHECK: vector.load %[[W]][%{{.*}}, %{{.*}}, %{{.*}}, %c2] : memref<2x2x2x3xf32>, vector<1xf32>
// CHECK: vector.fma {{.*}} : vector<1xf32>
// CHECK: vector.load %[[R]][%{{.*}}, %{{.*}}, %{{.*}}, %c2] : memref<1x2x5x3xf32>, vector<1xf32>
// CHECK: arith.cmpf olt, %{{.*}}, %[[ZERO1]] : vector<1xf32>
// CHECK: vector.store %{{.*}}, %[[OUT]][%{{.*}}, %{{.*}}, %{{.*}}, %c2] : memref<1x2x5x3xf32>, vector<1xf32>
// CHECK-NOT: conv.direct
// CHECK: return
func.func @direct(%x: memref<1x3x6x2xf32>, %w: memref<2x2x2x3xf32>, %b: memref<3xf32>, %r: memref<1x2x5x3xf32>, %o: memref<1x2x5x3xf32>) {
  conv.direct ins(%x, %w : memref<1x3x6x2xf32>, memref<2x2x2x3xf32>) bias(%b : memref<3xf32>) residual(%r : memref<1x2x5x3xf32>) outs(%o : memref<1x2x5x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1, activation = "relu", edgec.schedule = {lanes = 2 : i64, rows = 2 : i64, vectors = 1 : i64}}
  return
}

// -----

// Packed filter [1 group, 2 tiles, 1, 1, 2 channels, T = 2]: tile t's
// weights for channel c are one vector at [0, t, kh, kw, c, 0], the last
// tile read as vector<1> (its second lane is padding). No bias: the
// accumulators start at zero. The 1x1 window needs no kernel loops; the
// clip is a max then a min.
// CHECK-LABEL: func.func @direct_packed
// CHECK-SAME: (%[[IN:.*]]: memref<1x1x5x2xf32>, %[[W:.*]]: memref<1x2x1x1x2x2xf32>, %[[OUT:.*]]: memref<1x1x5x3xf32>)
// CHECK-DAG: %[[HI:.*]] = arith.constant dense<1.000000e+00> : vector<2xf32>
// CHECK-DAG: %[[LO:.*]] = arith.constant dense<-1.000000e+00> : vector<2xf32>
// CHECK-DAG: %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : vector<2xf32>
// CHECK-DAG: %[[ZERO1:.*]] = arith.constant dense<0.000000e+00> : vector<1xf32>
// Tile 0, four pixels.
// CHECK: %[[ACC:.*]]:4 = scf.for %[[C:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[A0:.*]] = %[[ZERO]], %{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]]) -> (vector<2xf32>, vector<2xf32>, vector<2xf32>, vector<2xf32>) {
// CHECK: %[[WV:.*]] = vector.load %[[W]][%c0, %c0, %c0, %c0, %[[C]], %c0] : memref<1x2x1x1x2x2xf32>, vector<2xf32>
// CHECK: %[[X:.*]] = memref.load %[[IN]][%c0, %c0, %c0, %[[C]]] : memref<1x1x5x2xf32>
// CHECK: %[[S:.*]] = vector.broadcast %[[X]] : f32 to vector<2xf32>
// CHECK: vector.fma %[[S]], %[[WV]], %[[A0]] : vector<2xf32>
// CHECK-COUNT-3: vector.fma %{{.*}}, %[[WV]], %{{.*}} : vector<2xf32>
// CHECK: scf.yield
// CHECK: %[[L:.*]] = arith.cmpf olt, %[[ACC]]#0, %[[LO]] : vector<2xf32>
// CHECK: %[[Y0:.*]] = arith.select %[[L]], %[[LO]], %[[ACC]]#0 : vector<2xi1>, vector<2xf32>
// CHECK: %[[H:.*]] = arith.cmpf ogt, %[[Y0]], %[[HI]] : vector<2xf32>
// CHECK: %[[Y1:.*]] = arith.select %[[H]], %[[HI]], %[[Y0]] : vector<2xi1>, vector<2xf32>
// CHECK: vector.store %[[Y1]], %[[OUT]][%c0, %c0, %c0, %c0] : memref<1x1x5x3xf32>, vector<2xf32>
// Tile 1 (filter 2), four pixels, then the remainder pixel.
// CHECK: scf.for {{.*}} iter_args(%{{.*}} = %[[ZERO1]], %{{.*}} = %[[ZERO1]], %{{.*}} = %[[ZERO1]], %{{.*}} = %[[ZERO1]]) -> (vector<1xf32>, vector<1xf32>, vector<1xf32>, vector<1xf32>) {
// CHECK: vector.load %[[W]][%c0, %c1, %c0, %c0, %{{.*}}, %c0] : memref<1x2x1x1x2x2xf32>, vector<1xf32>
// CHECK: vector.store %{{.*}}, %[[OUT]][%c0, %c0, %c0, %c2] : memref<1x1x5x3xf32>, vector<1xf32>
// CHECK: scf.for {{.*}} iter_args(%{{.*}} = %[[ZERO1]]) -> (vector<1xf32>) {
// CHECK: vector.load %[[W]][%c0, %c1, %c0, %c0, %{{.*}}, %c0] : memref<1x2x1x1x2x2xf32>, vector<1xf32>
// CHECK: vector.store %{{.*}}, %[[OUT]][%c0, %c0, %c4, %c2] : memref<1x1x5x3xf32>, vector<1xf32>
func.func @direct_packed(%x: memref<1x1x5x2xf32>, %w: memref<1x2x1x1x2x2xf32>, %o: memref<1x1x5x3xf32>) {
  conv.direct ins(%x, %w : memref<1x1x5x2xf32>, memref<1x2x1x1x2x2xf32>) outs(%o : memref<1x1x5x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1, packed, activation = "clip", clip_min = -1.0 : f32, clip_max = 1.0 : f32, edgec.schedule = {lanes = 2 : i64, rows = 4 : i64, vectors = 1 : i64}}
  return
}

// -----

// Stride 2 and dilation (1, 3): input row 2 * oh + kh, input column
// 2 * ow + 3 * kw.
// CHECK-LABEL: func.func @direct_strided_dilated
// CHECK-SAME: (%[[IN:.*]]: memref<1x5x9x1xf32>,
// CHECK: scf.for %[[KH:.*]] = {{.*}} iter_args
// CHECK: %[[OH2:.*]] = arith.muli %[[OH:.*]], %c2 : index
// CHECK: %[[ROW:.*]] = arith.addi %[[OH2]], %[[KH]] : index
// kw = 0: column 2 * ow.
// CHECK: %[[COL0:.*]] = arith.muli %{{.*}}, %c2 : index
// CHECK: memref.load %[[IN]][%{{.*}}, %[[ROW]], %[[COL0]], %{{.*}}]
// kw = 1: column 2 * ow + 3.
// CHECK: %[[COL1:.*]] = arith.addi %[[COL0]], %c3 : index
// CHECK: memref.load %[[IN]][%{{.*}}, %[[ROW]], %[[COL1]], %{{.*}}]
func.func @direct_strided_dilated(%x: memref<1x5x9x1xf32>, %w: memref<2x2x1x4xf32>, %o: memref<1x2x3x4xf32>) {
  conv.direct ins(%x, %w : memref<1x5x9x1xf32>, memref<2x2x1x4xf32>) outs(%o : memref<1x2x3x4xf32>) {strides = array<i64: 2, 2>, dilations = array<i64: 1, 3>, pads = array<i64: 0, 0, 0, 0>, group = 1, edgec.schedule = {lanes = 4 : i64, rows = 1 : i64, vectors = 1 : i64}}
  return
}

// -----

// Groups: group g reads input channels [2g, 2g + 2) and writes filters
// [3g, 3g + 3); the weight vector of group g starts at filter 3g.
// CHECK-LABEL: func.func @direct_grouped
// CHECK-SAME: (%[[IN:.*]]: memref<1x1x4x4xf32>, %[[W:.*]]: memref<1x1x2x6xf32>, %[[OUT:.*]]: memref<1x1x4x6xf32>)
// CHECK: %[[CBASE:.*]] = arith.muli %[[GI:.*]], %c2 : index
// CHECK: %[[FBASE:.*]] = arith.muli %[[GI]], %c3 : index
// CHECK: scf.for %[[C:.*]] = {{.*}} iter_args
// CHECK: vector.load %[[W]][%c0, %c0, %[[C]], %[[FBASE]]] : memref<1x1x2x6xf32>, vector<3xf32>
// CHECK: %[[CH:.*]] = arith.addi %[[CBASE]], %[[C]] : index
// CHECK: memref.load %[[IN]][%c0, %c0, %{{.*}}, %[[CH]]] : memref<1x1x4x4xf32>
// CHECK: vector.store %{{.*}}, %[[OUT]][%c0, %c0, %{{.*}}, %[[FBASE]]] : memref<1x1x4x6xf32>, vector<3xf32>
func.func @direct_grouped(%x: memref<1x1x4x4xf32>, %w: memref<1x1x2x6xf32>, %o: memref<1x1x4x6xf32>) {
  conv.direct ins(%x, %w : memref<1x1x4x4xf32>, memref<1x1x2x6xf32>) outs(%o : memref<1x1x4x6xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 2, edgec.schedule = {lanes = 4 : i64, rows = 4 : i64, vectors = 1 : i64}}
  return
}

// -----

// conv.depthwise: vectors run along channels (4 + a remainder of 1), and
// every one of the 3x3 taps is unrolled: a weight vector per tap, an input
// vector per tap and pixel, 9 fmas per pixel. The accumulators start at the
// bias; SiLU is x / (1 + exp(-x)) with exp a polynomial (floor for the range
// reduction, 2^n from the exponent bits), then the store.
// CHECK-LABEL: func.func @depthwise
// CHECK-SAME: (%[[IN:.*]]: memref<1x4x6x5xf32>, %[[W:.*]]: memref<3x3x5xf32>, %[[B:.*]]: memref<5xf32>, %[[OUT:.*]]: memref<1x2x4x5xf32>)
// CHECK-NOT: conv.depthwise
// CHECK: scf.for %[[OW:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
// CHECK: %[[BIAS:.*]] = vector.load %[[B]][%c0] : memref<5xf32>, vector<4xf32>
// CHECK: %[[W00:.*]] = vector.load %[[W]][%c0, %c0, %c0] : memref<3x3x5xf32>, vector<4xf32>
// CHECK: %[[X00:.*]] = vector.load %[[IN]][%c0, %[[OH:.*]], %[[OW]], %c0] : memref<1x4x6x5xf32>, vector<4xf32>
// CHECK: %[[P0:.*]] = vector.fma %[[X00]], %[[W00]], %[[BIAS]] : vector<4xf32>
// CHECK: %[[X01:.*]] = vector.load %[[IN]][%c0, %[[OH]], %{{.*}}, %c0] : memref<1x4x6x5xf32>, vector<4xf32>
// CHECK: %[[P1:.*]] = vector.fma %[[X01]], %[[W00]], %[[BIAS]] : vector<4xf32>
// CHECK: %[[W01:.*]] = vector.load %[[W]][%c0, %c1, %c0] : memref<3x3x5xf32>, vector<4xf32>
// CHECK: vector.fma %[[X01]], %[[W01]], %[[P0]] : vector<4xf32>
// CHECK-COUNT-15: vector.fma {{.*}} : vector<4xf32>
// CHECK-NOT: vector.fma
// CHECK: arith.negf
// CHECK: math.floor
// CHECK: arith.bitcast %{{.*}} : vector<4xi32> to vector<4xf32>
// CHECK: %[[DEN:.*]] = arith.addf %{{.*}}, %{{.*}} : vector<4xf32>
// CHECK: %[[SIG:.*]] = arith.divf %{{.*}}, %[[DEN]] : vector<4xf32>
// CHECK: %[[SILU:.*]] = arith.mulf %{{.*}}, %[[SIG]] : vector<4xf32>
// CHECK: vector.store %[[SILU]], %[[OUT]][%c0, %[[OH]], %[[OW]], %c0] : memref<1x2x4x5xf32>, vector<4xf32>
// The remainder channel: the same on vector<1>.
// CHECK: vector.load %[[B]][%c4] : memref<5xf32>, vector<1xf32>
// CHECK-COUNT-18: vector.fma {{.*}} : vector<1xf32>
// CHECK: vector.store %{{.*}}, %[[OUT]][%c0, %[[OH]], %[[OW]], %c4] : memref<1x2x4x5xf32>, vector<1xf32>
// CHECK-NOT: conv.depthwise
func.func @depthwise(%x: memref<1x4x6x5xf32>, %w: memref<3x3x5xf32>, %b: memref<5xf32>, %o: memref<1x2x4x5xf32>) {
  conv.depthwise ins(%x, %w : memref<1x4x6x5xf32>, memref<3x3x5xf32>) bias(%b : memref<5xf32>) outs(%o : memref<1x2x4x5xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, activation = "silu", edgec.schedule = {lanes = 4 : i64, rows = 2 : i64, vectors = 1 : i64}}
  return
}

// -----

// Depthwise with a residual, stride 2 and a remainder pixel: output column
// ow reads input columns 2 * ow + kw; the residual is added before the
// sigmoid.
// CHECK-LABEL: func.func @depthwise_strided_residual
// CHECK-SAME: (%[[IN:.*]]: memref<1x3x7x4xf32>, %[[W:.*]]: memref<3x3x4xf32>, %[[R:.*]]: memref<1x1x3x4xf32>, %[[OUT:.*]]: memref<1x1x3x4xf32>)
// Two pixels (columns 0 and 1) from zero.
// CHECK: vector.load %[[IN]][%c0, %c0, %c0, %c0] : memref<1x3x7x4xf32>, vector<4xf32>
// CHECK: vector.load %[[IN]][%c0, %c0, %c2, %c0] : memref<1x3x7x4xf32>, vector<4xf32>
// CHECK: %[[RES:.*]] = vector.load %[[R]][%c0, %c0, %c0, %c0] : memref<1x1x3x4xf32>, vector<4xf32>
// CHECK: %[[SUM:.*]] = arith.addf %{{.*}}, %[[RES]] : vector<4xf32>
// CHECK: arith.negf %[[SUM]] : vector<4xf32>
// CHECK: vector.store %{{.*}}, %[[OUT]][%c0, %c0, %c0, %c0]
// CHECK: vector.store %{{.*}}, %[[OUT]][%c0, %c0, %c1, %c0]
// The remainder pixel, column 2, reads input column 4.
// CHECK: vector.load %[[IN]][%c0, %c0, %c4, %c0] : memref<1x3x7x4xf32>, vector<4xf32>
// CHECK: vector.load %[[R]][%c0, %c0, %c2, %c0]
// CHECK: vector.store %{{.*}}, %[[OUT]][%c0, %c0, %c2, %c0]
func.func @depthwise_strided_residual(%x: memref<1x3x7x4xf32>, %w: memref<3x3x4xf32>, %r: memref<1x1x3x4xf32>, %o: memref<1x1x3x4xf32>) {
  conv.depthwise ins(%x, %w : memref<1x3x7x4xf32>, memref<3x3x4xf32>) residual(%r : memref<1x1x3x4xf32>) outs(%o : memref<1x1x3x4xf32>) {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, activation = "sigmoid", edgec.schedule = {lanes = 4 : i64, rows = 2 : i64, vectors = 1 : i64}}
  return
}

// -----

// Without a schedule, the default tile (8 lanes, 4 rows, 2 vectors): 16
// filters are one tile of two vector<8>.
// CHECK-LABEL: func.func @default_schedule
// CHECK: scf.for {{.*}} -> (vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>)
func.func @default_schedule(%x: memref<1x1x4x2xf32>, %w: memref<1x1x2x16xf32>, %o: memref<1x1x4x16xf32>) {
  conv.direct ins(%x, %w : memref<1x1x4x2xf32>, memref<1x1x2x16xf32>) outs(%o : memref<1x1x4x16xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1}
  return
}

// -----

// Too few filter tiles and rows to share among threads (a pointwise layer
// is one row of every pixel): the row splits into chunks of whole row
// tiles, here 64 columns in 8 chunks of 4 two-pixel tiles, one parallel
// task per chunk, each starting at its chunk's first column.
// CHECK-LABEL: func.func @one_row
// CHECK: scf.parallel (%[[I:.*]]) = (%{{.*}}) to (%c8) step
// CHECK: %[[COL0:.*]] = arith.muli %{{.*}}, %c8 : index
// CHECK: scf.for %[[AT:.*]] = %c0 to %c8 step %c2 {
// CHECK: arith.addi %[[COL0]], %[[AT]] : index
func.func @one_row(%x: memref<1x1x64x2xf32>, %w: memref<1x1x2x2xf32>, %o: memref<1x1x64x2xf32>) {
  conv.direct ins(%x, %w : memref<1x1x64x2xf32>, memref<1x1x2x2xf32>) outs(%o : memref<1x1x64x2xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1, activation = "none", edgec.schedule = {lanes = 2 : i64, rows = 2 : i64, vectors = 1 : i64}}
  return
}
