// RUN: edgec-opt %s -edgec-generate-kernels -split-input-file | FileCheck %s
// Convolutions and matrix products on memrefs become register-blocked
// vector loops: a tile of `filters` output channels by `vectors` x `lanes`
// columns is loaded once, accumulated with vector.fma across the channel and
// kernel-row loops (carried as iter_args), and stored once.
// (generate-kernels-numeric.py checks the results against linalg.)

// Tile: 2 filters x 1 vector of 4 lanes over a 6-wide output row, so each
// row has one full tile and a remainder of 2 columns.
// CHECK-LABEL: func.func @conv
// CHECK-SAME: (%[[IN:.*]]: memref<1x3x8x8xf32>, %[[W:.*]]: memref<4x3x3x3xf32>, %[[OUT:.*]]: memref<1x4x6x6xf32>)
// CHECK-NOT: linalg.conv_2d_nchw_fchw
// The filter tiles: 0 and 2.
// CHECK: %[[C4:.*]] = arith.constant 4 : index
// CHECK: %[[C2:.*]] = arith.constant 2 : index
// CHECK: scf.for %[[F:.*]] = %{{.*}} to %[[C4]] step %[[C2]] {
// The output rows.
// CHECK: scf.for %[[OH:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
// CHECK: %[[F1:.*]] = arith.addi %[[F]], %{{.*}} : index
// The accumulators of both filters come from the output.
// CHECK: %[[ACC0:.*]] = vector.load %[[OUT]][%{{.*}}, %[[F]], %[[OH]], %[[COL:.*]]] : memref<1x4x6x6xf32>, vector<4xf32>
// CHECK: %[[ACC1:.*]] = vector.load %[[OUT]][%{{.*}}, %[[F1]], %[[OH]], %[[COL]]] : memref<1x4x6x6xf32>, vector<4xf32>
// The channel loop, then the kernel-row loop, carry them.
// CHECK: %[[SUMS:.*]]:2 = scf.for %[[CH:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[A0:.*]] = %[[ACC0]], %[[A1:.*]] = %[[ACC1]]) -> (vector<4xf32>, vector<4xf32>) {
// CHECK: %[[ROWS:.*]]:2 = scf.for %[[KH:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[B0:.*]] = %[[A0]], %[[B1:.*]] = %[[A1]]) -> (vector<4xf32>, vector<4xf32>) {
// CHECK: %[[ROW:.*]] = arith.addi %[[OH]], %[[KH]] : index
// kw = 0: one row of input columns, one broadcast weight per filter.
// CHECK: %[[X0:.*]] = vector.load %[[IN]][%{{.*}}, %[[CH]], %[[ROW]], %[[COL]]] : memref<1x3x8x8xf32>, vector<4xf32>
// CHECK: %[[W00:.*]] = memref.load %[[W]][%[[F]], %[[CH]], %[[KH]], %{{.*}}] : memref<4x3x3x3xf32>
// CHECK: %[[S00:.*]] = vector.broadcast %[[W00]] : f32 to vector<4xf32>
// CHECK: %[[FMA0:.*]] = vector.fma %[[S00]], %[[X0]], %[[B0]] : vector<4xf32>
// CHECK: %[[W10:.*]] = memref.load %[[W]][%[[F1]], %[[CH]], %[[KH]], %{{.*}}] : memref<4x3x3x3xf32>
// CHECK: %[[S10:.*]] = vector.broadcast %[[W10]] : f32 to vector<4xf32>
// CHECK: %[[FMA1:.*]] = vector.fma %[[S10]], %[[X0]], %[[B1]] : vector<4xf32>
// kw = 1 and 2 chain onto the same accumulators.
// CHECK: vector.fma %{{.*}}, %{{.*}}, %[[FMA0]] : vector<4xf32>
// CHECK: vector.fma %{{.*}}, %{{.*}}, %[[FMA1]] : vector<4xf32>
// CHECK-COUNT-2: vector.fma
// CHECK-NOT: vector.fma
// CHECK: scf.yield %{{.*}}, %{{.*}} : vector<4xf32>, vector<4xf32>
// CHECK: scf.yield %[[ROWS]]#0, %[[ROWS]]#1 : vector<4xf32>, vector<4xf32>
// CHECK: vector.store %[[SUMS]]#0, %[[OUT]][%{{.*}}, %[[F]], %[[OH]], %[[COL]]] : memref<1x4x6x6xf32>, vector<4xf32>
// CHECK: vector.store %[[SUMS]]#1, %[[OUT]][%{{.*}}, %[[F1]], %[[OH]], %[[COL]]] : memref<1x4x6x6xf32>, vector<4xf32>
// The remainder tile: columns 4 and 5 in vector<2xf32>.
// CHECK: %[[REM:.*]] = arith.constant 4 : index
// CHECK: vector.load %[[OUT]][%{{.*}}, %[[F]], %[[OH]], %[[REM]]] : memref<1x4x6x6xf32>, vector<2xf32>
// CHECK: vector.load %[[OUT]][%{{.*}}, %{{.*}}, %[[OH]], %[[REM]]] : memref<1x4x6x6xf32>, vector<2xf32>
// CHECK: scf.for {{.*}} iter_args({{.*}}) -> (vector<2xf32>, vector<2xf32>)
// CHECK: vector.load %[[IN]]{{.*}} : memref<1x3x8x8xf32>, vector<2xf32>
// CHECK: vector.fma {{.*}} : vector<2xf32>
// CHECK: vector.store %{{.*}}, %[[OUT]][%{{.*}}, %[[F]], %[[OH]], %[[REM]]] : memref<1x4x6x6xf32>, vector<2xf32>
// CHECK: vector.store %{{.*}}, %[[OUT]][%{{.*}}, %{{.*}}, %[[OH]], %[[REM]]] : memref<1x4x6x6xf32>, vector<2xf32>
// CHECK-NOT: linalg.conv_2d_nchw_fchw
// CHECK: return
func.func @conv(%x: memref<1x3x8x8xf32>, %w: memref<4x3x3x3xf32>, %o: memref<1x4x6x6xf32>) {
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>, edgec.schedule = {lanes = 4 : i64, rows = 2 : i64, vectors = 1 : i64}} ins(%x, %w : memref<1x3x8x8xf32>, memref<4x3x3x3xf32>) outs(%o : memref<1x4x6x6xf32>)
  return
}

// -----

// 3 filters with tiles of 2: one full filter tile, then a remainder tile of
// one filter (a single accumulator per vector).
// CHECK-LABEL: func.func @conv_filter_remainder
// CHECK: %[[ACCS:.*]]:4 = scf.for {{.*}} -> (vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>)
// CHECK: %[[ACC:.*]]:2 = scf.for {{.*}} -> (vector<4xf32>, vector<4xf32>)
// CHECK-NOT: linalg.conv_2d_nchw_fchw
func.func @conv_filter_remainder(%x: memref<1x2x3x10xf32>, %w: memref<3x2x3x3xf32>, %o: memref<1x3x1x8xf32>) {
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>, edgec.schedule = {lanes = 4 : i64, rows = 2 : i64, vectors = 2 : i64}} ins(%x, %w : memref<1x2x3x10xf32>, memref<3x2x3x3xf32>) outs(%o : memref<1x3x1x8xf32>)
  return
}

// -----

// Stride 2: the 4 output columns read 7 input columns, and a shuffle keeps
// every other one. The output row reads input row 2 * oh + kh.
// CHECK-LABEL: func.func @conv_stride_2
// CHECK-SAME: (%[[IN:.*]]: memref<1x1x5x9xf32>, %{{.*}}: memref<1x1x1x1xf32>, %[[OUT:.*]]: memref<1x1x3x4xf32>)
// CHECK: scf.for %[[OH:.*]] = {{.*}} {
// CHECK: vector.load %[[OUT]]{{.*}} : memref<1x1x3x4xf32>, vector<4xf32>
// CHECK: %[[TWO:.*]] = arith.constant 2 : index
// CHECK: %[[BASE:.*]] = arith.muli %[[OH]], %[[TWO]] : index
// CHECK: %[[ROW:.*]] = arith.addi %[[BASE]], %{{.*}} : index
// CHECK: %[[WIDE:.*]] = vector.load %[[IN]][%{{.*}}, %{{.*}}, %[[ROW]], %{{.*}}] : memref<1x1x5x9xf32>, vector<7xf32>
// CHECK: %[[X:.*]] = vector.shuffle %[[WIDE]], %[[WIDE]] [0, 2, 4, 6] : vector<7xf32>, vector<7xf32>
// CHECK: vector.fma %{{.*}}, %[[X]], %{{.*}} : vector<4xf32>
func.func @conv_stride_2(%x: memref<1x1x5x9xf32>, %w: memref<1x1x1x1xf32>, %o: memref<1x1x3x4xf32>) {
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>, edgec.schedule = {lanes = 4 : i64, rows = 1 : i64, vectors = 1 : i64}} ins(%x, %w : memref<1x1x5x9xf32>, memref<1x1x1x1xf32>) outs(%o : memref<1x1x3x4xf32>)
  return
}

// -----

// Dilation 2 along the width: kernel column kw reads from column 2 * kw.
// CHECK-LABEL: func.func @conv_dilation_2
// CHECK-SAME: (%[[IN:.*]]: memref<1x1x1x8xf32>
// CHECK: %[[X0:.*]] = vector.load %[[IN]][%{{.*}}, %{{.*}}, %{{.*}}, %[[COL:.*]]] : memref<1x1x1x8xf32>, vector<4xf32>
// CHECK: %[[C2:.*]] = arith.constant 2 : index
// CHECK: %[[COL2:.*]] = arith.addi %[[COL]], %[[C2]] : index
// CHECK: vector.load %[[IN]][%{{.*}}, %{{.*}}, %{{.*}}, %[[COL2]]] : memref<1x1x1x8xf32>, vector<4xf32>
// CHECK: %[[C4:.*]] = arith.constant 4 : index
// CHECK: %[[COL4:.*]] = arith.addi %[[COL]], %[[C4]] : index
// CHECK: vector.load %[[IN]][%{{.*}}, %{{.*}}, %{{.*}}, %[[COL4]]] : memref<1x1x1x8xf32>, vector<4xf32>
func.func @conv_dilation_2(%x: memref<1x1x1x8xf32>, %w: memref<1x1x1x3xf32>, %o: memref<1x1x1x4xf32>) {
  linalg.conv_2d_nchw_fchw {dilations = dense<2> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>, edgec.schedule = {lanes = 4 : i64, rows = 1 : i64, vectors = 1 : i64}} ins(%x, %w : memref<1x1x1x8xf32>, memref<1x1x1x3xf32>) outs(%o : memref<1x1x1x4xf32>)
  return
}

// -----

// Without a schedule the defaults apply: 8 lanes, so a 6-wide row is one
// remainder tile of vector<6xf32>.
// CHECK-LABEL: func.func @conv_default_schedule
// CHECK: vector.load {{.*}} : memref<1x1x6x6xf32>, vector<6xf32>
// CHECK: vector.fma {{.*}} : vector<6xf32>
func.func @conv_default_schedule(%x: memref<1x1x8x8xf32>, %w: memref<1x1x3x3xf32>, %o: memref<1x1x6x6xf32>) {
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : memref<1x1x8x8xf32>, memref<1x1x3x3xf32>) outs(%o : memref<1x1x6x6xf32>)
  return
}

// -----

// Depthwise: one channel at a time, through [N, 1, H, W] views of input and
// output and a [1, 1, KH, KW] view of that channel's filter.
// CHECK-LABEL: func.func @depthwise
// CHECK-SAME: (%[[IN:.*]]: memref<1x3x4x6xf32>, %[[W:.*]]: memref<3x3x3xf32>, %[[OUT:.*]]: memref<1x3x2x4xf32>)
// CHECK: %[[C3:.*]] = arith.constant 3 : index
// CHECK: scf.for %[[C:.*]] = %{{.*}} to %[[C3]] step %{{.*}} {
// CHECK: %[[INC:.*]] = memref.subview %[[IN]][0, %[[C]], 0, 0] [1, 1, 4, 6] [1, 1, 1, 1] : memref<1x3x4x6xf32> to memref<1x1x4x6xf32, strided<[72, 24, 6, 1], offset: ?>>
// CHECK: %[[OUTC:.*]] = memref.subview %[[OUT]][0, %[[C]], 0, 0] [1, 1, 2, 4] [1, 1, 1, 1] : memref<1x3x2x4xf32> to memref<1x1x2x4xf32, strided<[24, 8, 4, 1], offset: ?>>
// CHECK: %[[WC:.*]] = memref.subview %[[W]][%[[C]], 0, 0] [1, 3, 3] [1, 1, 1]
// CHECK: %[[W4:.*]] = memref.expand_shape %[[WC]] {{\[}}[0, 1], [2], [3]] output_shape [1, 1, 3, 3]
// CHECK: vector.load %[[OUTC]]{{.*}} vector<4xf32>
// CHECK: scf.for {{.*}} iter_args({{.*}}) -> (vector<4xf32>)
// CHECK: vector.load %[[INC]]{{.*}} vector<4xf32>
// CHECK: memref.load %[[W4]]
// CHECK: vector.fma
// CHECK: vector.store %{{.*}}, %[[OUTC]]
// CHECK-NOT: linalg.depthwise_conv_2d_nchw_chw
func.func @depthwise(%x: memref<1x3x4x6xf32>, %w: memref<3x3x3xf32>, %o: memref<1x3x2x4xf32>) {
  linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>, edgec.schedule = {lanes = 4 : i64, rows = 1 : i64, vectors = 1 : i64}} ins(%x, %w : memref<1x3x4x6xf32>, memref<3x3x3xf32>) outs(%o : memref<1x3x2x4xf32>)
  return
}

// -----

// Grouped: one group at a time, through rank-reduced views that drop the
// group dimension.
// CHECK-LABEL: func.func @grouped
// CHECK-SAME: (%[[IN:.*]]: memref<1x2x2x5x5xf32>, %[[W:.*]]: memref<2x3x2x3x3xf32>, %[[OUT:.*]]: memref<1x2x3x3x3xf32>)
// CHECK: scf.for %[[G:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
// CHECK: %[[ING:.*]] = memref.subview %[[IN]][0, %[[G]], 0, 0, 0] [1, 1, 2, 5, 5] [1, 1, 1, 1, 1] : memref<1x2x2x5x5xf32> to memref<1x2x5x5xf32, strided<[100, 25, 5, 1], offset: ?>>
// CHECK: %[[WG:.*]] = memref.subview %[[W]][%[[G]], 0, 0, 0, 0] [1, 3, 2, 3, 3] [1, 1, 1, 1, 1] : memref<2x3x2x3x3xf32> to memref<3x2x3x3xf32, strided<[18, 9, 3, 1], offset: ?>>
// CHECK: %[[OUTG:.*]] = memref.subview %[[OUT]][0, %[[G]], 0, 0, 0] [1, 1, 3, 3, 3] [1, 1, 1, 1, 1] : memref<1x2x3x3x3xf32> to memref<1x3x3x3xf32, strided<[54, 9, 3, 1], offset: ?>>
// Three filters per group, all in one tile of 4.
// CHECK: %[[ACCS:.*]]:3 = scf.for {{.*}} -> (vector<3xf32>, vector<3xf32>, vector<3xf32>)
// CHECK: vector.load %[[ING]]
// CHECK: memref.load %[[WG]]
// CHECK-COUNT-3: vector.store %{{.*}}, %[[OUTG]]
// CHECK-NOT: linalg.conv_2d_ngchw_gfchw
func.func @grouped(%x: memref<1x2x2x5x5xf32>, %w: memref<2x3x2x3x3xf32>, %o: memref<1x2x3x3x3xf32>) {
  linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>, edgec.schedule = {lanes = 4 : i64, rows = 4 : i64, vectors = 1 : i64}} ins(%x, %w : memref<1x2x2x5x5xf32>, memref<2x3x2x3x3xf32>) outs(%o : memref<1x2x3x3x3xf32>)
  return
}

// -----

// C[M, N] += A[M, K] * B[K, N] as a 1x1 convolution: A is the weight
// [M, K, 1, 1], B the input [1, K, 1, N], C the output [1, M, 1, N]. The
// reduction over K is the channel loop.
// CHECK-LABEL: func.func @matmul
// CHECK-SAME: (%[[A:.*]]: memref<2x3xf32>, %[[B:.*]]: memref<3x4xf32>, %[[C:.*]]: memref<2x4xf32>)
// CHECK: %[[A4:.*]] = memref.expand_shape %[[A]] {{\[}}[0], [1, 2, 3]] output_shape [2, 3, 1, 1] : memref<2x3xf32> into memref<2x3x1x1xf32>
// CHECK: %[[B4:.*]] = memref.expand_shape %[[B]] {{\[}}[0, 1], [2, 3]] output_shape [1, 3, 1, 4] : memref<3x4xf32> into memref<1x3x1x4xf32>
// CHECK: %[[C4:.*]] = memref.expand_shape %[[C]] {{\[}}[0, 1], [2, 3]] output_shape [1, 2, 1, 4] : memref<2x4xf32> into memref<1x2x1x4xf32>
// CHECK: %[[ACC0:.*]] = vector.load %[[C4]]{{.*}} : memref<1x2x1x4xf32>, vector<4xf32>
// CHECK: %[[ACC1:.*]] = vector.load %[[C4]]{{.*}} : memref<1x2x1x4xf32>, vector<4xf32>
// CHECK: %[[K3:.*]] = arith.constant 3 : index
// CHECK: %[[SUMS:.*]]:2 = scf.for %[[K:.*]] = %{{.*}} to %[[K3]] step %{{.*}} iter_args(%{{.*}} = %[[ACC0]], %{{.*}} = %[[ACC1]])
// CHECK: %[[ROW:.*]] = vector.load %[[B4]][%{{.*}}, %[[K]], %{{.*}}, %{{.*}}] : memref<1x3x1x4xf32>, vector<4xf32>
// CHECK: memref.load %[[A4]][%{{.*}}, %[[K]], %{{.*}}, %{{.*}}] : memref<2x3x1x1xf32>
// CHECK: vector.fma %{{.*}}, %[[ROW]], %{{.*}} : vector<4xf32>
// CHECK: memref.load %[[A4]][%{{.*}}, %[[K]], %{{.*}}, %{{.*}}] : memref<2x3x1x1xf32>
// CHECK: vector.fma %{{.*}}, %[[ROW]], %{{.*}} : vector<4xf32>
// CHECK: vector.store %[[SUMS]]#0, %[[C4]]
// CHECK: vector.store %[[SUMS]]#1, %[[C4]]
// CHECK-NOT: linalg.matmul
func.func @matmul(%a: memref<2x3xf32>, %b: memref<3x4xf32>, %c: memref<2x4xf32>) {
  linalg.matmul {edgec.schedule = {lanes = 4 : i64, rows = 2 : i64, vectors = 1 : i64}} ins(%a, %b : memref<2x3xf32>, memref<3x4xf32>) outs(%c : memref<2x4xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @batch_matmul
// CHECK-SAME: (%[[A:.*]]: memref<5x2x3xf32>, %[[B:.*]]: memref<5x3x4xf32>, %[[C:.*]]: memref<5x2x4xf32>)
// CHECK: %[[C5:.*]] = arith.constant 5 : index
// CHECK: scf.for %[[I:.*]] = %{{.*}} to %[[C5]] step %{{.*}} {
// CHECK: %[[AI:.*]] = memref.subview %[[A]][%[[I]], 0, 0] [1, 2, 3] [1, 1, 1] : memref<5x2x3xf32> to memref<2x3xf32, strided<[3, 1], offset: ?>>
// CHECK: %[[BI:.*]] = memref.subview %[[B]][%[[I]], 0, 0] [1, 3, 4] [1, 1, 1] : memref<5x3x4xf32> to memref<3x4xf32, strided<[4, 1], offset: ?>>
// CHECK: %[[CI:.*]] = memref.subview %[[C]][%[[I]], 0, 0] [1, 2, 4] [1, 1, 1] : memref<5x2x4xf32> to memref<2x4xf32, strided<[4, 1], offset: ?>>
// CHECK: memref.expand_shape %[[AI]]
// CHECK: memref.expand_shape %[[BI]]
// CHECK: memref.expand_shape %[[CI]]
// CHECK: scf.for {{.*}} -> (vector<4xf32>, vector<4xf32>)
// CHECK: vector.fma
// CHECK-NOT: linalg.batch_matmul
func.func @batch_matmul(%a: memref<5x2x3xf32>, %b: memref<5x3x4xf32>, %c: memref<5x2x4xf32>) {
  linalg.batch_matmul {edgec.schedule = {lanes = 4 : i64, rows = 2 : i64, vectors = 1 : i64}} ins(%a, %b : memref<5x2x3xf32>, memref<5x3x4xf32>) outs(%c : memref<5x2x4xf32>)
  return
}

// -----

// Kernels read rows with vector loads: an operand whose innermost stride is
// not 1 is left to the generic lowering.
// CHECK-LABEL: func.func @non_unit_inner_stride
// CHECK-NOT: vector.
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : memref<2x3xf32, strided<[1, 2]>>, memref<3x4xf32>)
// CHECK-NOT: vector.
func.func @non_unit_inner_stride(%a: memref<2x3xf32, strided<[1, 2]>>, %b: memref<3x4xf32>, %c: memref<2x4xf32>) {
  linalg.matmul ins(%a, %b : memref<2x3xf32, strided<[1, 2]>>, memref<3x4xf32>) outs(%c : memref<2x4xf32>)
  return
}

// -----

// Nor are ops on tensors, dynamic shapes or other element types touched.
// CHECK-LABEL: func.func @not_kernels
// CHECK-NOT: vector.
// CHECK: linalg.matmul {{.*}} -> tensor<2x4xf32>
// CHECK: linalg.matmul {{.*}} outs(%{{.*}} : memref<?x4xf32>)
// CHECK: linalg.matmul {{.*}} outs(%{{.*}} : memref<2x4xf64>)
// CHECK-NOT: vector.
func.func @not_kernels(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<2x4xf32>,
                       %da: memref<?x3xf32>, %db: memref<3x4xf32>, %dc: memref<?x4xf32>,
                       %fa: memref<2x3xf64>, %fb: memref<3x4xf64>, %fc: memref<2x4xf64>) -> tensor<2x4xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<2x3xf32>, tensor<3x4xf32>) outs(%c : tensor<2x4xf32>) -> tensor<2x4xf32>
  linalg.matmul ins(%da, %db : memref<?x3xf32>, memref<3x4xf32>) outs(%dc : memref<?x4xf32>)
  linalg.matmul ins(%fa, %fb : memref<2x3xf64>, memref<3x4xf64>) outs(%fc : memref<2x4xf64>)
  return %0 : tensor<2x4xf32>
}
