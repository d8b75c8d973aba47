// RUN: edgec-opt %s -split-input-file -conv-select-algorithm | FileCheck %s
// RUN: edgec-opt %s -split-input-file -conv-select-algorithm="algorithm=im2col" | FileCheck %s --check-prefix=IM2COL
// RUN: edgec-opt %s -split-input-file -conv-select-algorithm="algorithm=winograd2" | FileCheck %s --check-prefix=WINO2
// RUN: edgec-opt %s -split-input-file -conv-select-algorithm="algorithm=depthwise" | FileCheck %s --check-prefix=DW
// Each edge.conv becomes the conv op that suits its shape, on NHWC data
// between transposes that restore NCHW, with its filter in the op's layout
// (folded at compile time when it is a constant). The pass option, and
// above it an `algorithm` in the conv's schedule, ask for an algorithm that
// is used wherever it applies.

// A dense 3x3 convolution is conv.direct with an HWIO filter. The filter
// w[f, c, kh, kw] = 1 + 8f + 4c + 2kh + kw shows the layout: HWIO element
// [kh][kw][c] lists the 3 filters, e.g. [0][0][0] = w[0..2, 0, 0, 0] = 1, 9,
// 17 and [0][1][1] = w[0..2, 1, 0, 1] = 6, 14, 22.
// CHECK-LABEL: func.func @dense
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x4x4xf32>)
// CHECK-DAG: %[[B:.*]] = edge.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00]> : tensor<3xf32>
// CHECK-DAG: %[[NHWC:.*]] = edge.transpose %[[X]] {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x2x4x4xf32>) -> tensor<1x4x4x2xf32>
// CHECK-DAG: %[[INIT:.*]] = tensor.empty() : tensor<1x3x3x3xf32>
// CHECK-DAG: %[[W:.*]] = edge.constant dense<{{\[\[\[}}[1.000000e+00, 9.000000e+00, 1.700000e+01], [5.000000e+00, 1.300000e+01, 2.100000e+01]], {{\[}}[2.000000e+00, 1.000000e+01, 1.800000e+01], [6.000000e+00, 1.400000e+01, 2.200000e+01]]], {{\[\[}}[3.000000e+00, 1.100000e+01, 1.900000e+01], [7.000000e+00, 1.500000e+01, 2.300000e+01]], {{\[}}[4.000000e+00, 1.200000e+01, 2.000000e+01], [8.000000e+00, 1.600000e+01, 2.400000e+01]]]]> : tensor<2x2x2x3xf32>
// CHECK: %[[Y:.*]] = conv.direct ins(%[[NHWC]], %[[W]] : tensor<1x4x4x2xf32>, tensor<2x2x2x3xf32>) bias(%[[B]] : tensor<3xf32>) outs(%[[INIT]] : tensor<1x3x3x3xf32>)
// CHECK-SAME: dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>
// CHECK: %[[NCHW:.*]] = edge.transpose %[[Y]] {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x3x3x3xf32>) -> tensor<1x3x3x3xf32>
// CHECK: return %[[NCHW]]
// CHECK-NOT: edge.conv
// The option asks for im2col, which applies to any dense convolution.
// IM2COL-LABEL: func.func @dense
// IM2COL: conv.im2col
// IM2COL-SAME: tensor<2x2x2x3xf32>
// WINO2-LABEL: func.func @dense
// WINO2: conv.direct
// DW-LABEL: func.func @dense
// DW: conv.direct
func.func @dense(%x: tensor<1x2x4x4xf32>) -> tensor<1x3x3x3xf32> {
  %w = edge.constant dense<[[[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]], [[[9.0, 10.0], [11.0, 12.0]], [[13.0, 14.0], [15.0, 16.0]]], [[[17.0, 18.0], [19.0, 20.0]], [[21.0, 22.0], [23.0, 24.0]]]]> : tensor<3x2x2x2xf32>
  %b = edge.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %0 = edge.conv %x, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x2x4x4xf32>, tensor<3x2x2x2xf32>, tensor<3xf32>) -> tensor<1x3x3x3xf32>
  return %0 : tensor<1x3x3x3xf32>
}

// -----

// A filter that is not a constant is transposed at run time.
// CHECK-LABEL: func.func @runtime_filter
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>, %[[W:.*]]: tensor<4x3x3x3xf32>)
// CHECK-DAG: %[[NHWC:.*]] = edge.transpose %[[X]] {perm = array<i64: 0, 2, 3, 1>}
// CHECK-DAG: %[[HWIO:.*]] = edge.transpose %[[W]] {perm = array<i64: 2, 3, 1, 0>} : (tensor<4x3x3x3xf32>) -> tensor<3x3x3x4xf32>
// CHECK: conv.direct ins(%[[NHWC]], %[[HWIO]] : tensor<1x8x8x3xf32>, tensor<3x3x3x4xf32>)
// CHECK-SAME: pads = array<i64: 1, 1, 1, 1>
// Winograd transforms its filter at compile time: it needs a constant, and
// falls back to the choice by shape.
// WINO2-LABEL: func.func @runtime_filter
// WINO2-NOT: conv.winograd
// WINO2: conv.direct
// IM2COL-LABEL: func.func @runtime_filter
// IM2COL: conv.im2col ins(%{{.*}}, %{{.*}} : tensor<1x8x8x3xf32>, tensor<3x3x3x4xf32>)
func.func @runtime_filter(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32> {
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, group = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return %0 : tensor<1x4x8x8xf32>
}

// -----

// One filter per channel: conv.depthwise with a [KH, KW, C] filter, here
// w[c, 0, kh, kw] = 10c + 3kh + kw, so [kh][kw] lists w[0..2, 0, kh, kw].
// CHECK-LABEL: func.func @depthwise
// CHECK: %[[W:.*]] = edge.constant dense<{{\[\[}}[0.000000e+00, 1.000000e+01, 2.000000e+01], [1.000000e+00, 1.100000e+01, 2.100000e+01]], {{\[}}[3.000000e+00, 1.300000e+01, 2.300000e+01], [4.000000e+00, 1.400000e+01, 2.400000e+01]]]> : tensor<2x2x3xf32>
// CHECK: %[[Y:.*]] = conv.depthwise ins(%{{.*}}, %[[W]] : tensor<1x5x5x3xf32>, tensor<2x2x3xf32>) outs(%{{.*}} : tensor<1x2x2x3xf32>)
// CHECK-SAME: dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>
// CHECK: edge.transpose %[[Y]] {perm = array<i64: 0, 3, 1, 2>}
// The option's im2col does not apply to grouped convolutions.
// IM2COL-LABEL: func.func @depthwise
// IM2COL: conv.depthwise
// DW-LABEL: func.func @depthwise
// DW: conv.depthwise
func.func @depthwise(%x: tensor<1x3x5x5xf32>) -> tensor<1x3x2x2xf32> {
  %w = edge.constant dense<[[[[0.0, 1.0], [3.0, 4.0]]], [[[10.0, 11.0], [13.0, 14.0]]], [[[20.0, 21.0], [23.0, 24.0]]]]> : tensor<3x1x2x2xf32>
  %0 = edge.conv %x, %w {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 3} : (tensor<1x3x5x5xf32>, tensor<3x1x2x2xf32>) -> tensor<1x3x2x2xf32>
  return %0 : tensor<1x3x2x2xf32>
}

// -----

// A runtime depthwise filter [C, 1, KH, KW] is transposed to [KH, KW, 1, C]
// and reshaped.
// CHECK-LABEL: func.func @depthwise_runtime_filter
// CHECK-SAME: (%{{.*}}: tensor<1x3x8x8xf32>, %[[W:.*]]: tensor<3x1x3x3xf32>)
// CHECK: %[[T:.*]] = edge.transpose %[[W]] {perm = array<i64: 2, 3, 1, 0>} : (tensor<3x1x3x3xf32>) -> tensor<3x3x1x3xf32>
// CHECK: %[[R:.*]] = edge.reshape %[[T]] {shape = array<i64: 3, 3, 3>} : (tensor<3x3x1x3xf32>) -> tensor<3x3x3xf32>
// CHECK: conv.depthwise ins(%{{.*}}, %[[R]] : tensor<1x8x8x3xf32>, tensor<3x3x3xf32>)
// CHECK-SAME: dilations = array<i64: 2, 2>, pads = array<i64: 2, 2, 2, 2>
func.func @depthwise_runtime_filter(%x: tensor<1x3x8x8xf32>, %w: tensor<3x1x3x3xf32>) -> tensor<1x3x8x8xf32> {
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 2, 2>, pads = array<i64: 2, 2, 2, 2>, group = 3} : (tensor<1x3x8x8xf32>, tensor<3x1x3x3xf32>) -> tensor<1x3x8x8xf32>
  return %0 : tensor<1x3x8x8xf32>
}

// -----

// Two filters per channel (a channel multiplier) is a grouped conv.direct.
// CHECK-LABEL: func.func @depthwise_multiplier
// CHECK-NOT: conv.depthwise
// CHECK: conv.direct ins(%{{.*}}, %{{.*}} : tensor<1x8x8x3xf32>, tensor<3x3x1x6xf32>)
// CHECK-SAME: group = 3 : i64
// The option's depthwise does not apply either.
// DW-LABEL: func.func @depthwise_multiplier
// DW-NOT: conv.depthwise
// DW: conv.direct
func.func @depthwise_multiplier(%x: tensor<1x3x8x8xf32>, %w: tensor<6x1x3x3xf32>) -> tensor<1x6x8x8xf32> {
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, group = 3} : (tensor<1x3x8x8xf32>, tensor<6x1x3x3xf32>) -> tensor<1x6x8x8xf32>
  return %0 : tensor<1x6x8x8xf32>
}

// -----

// Grouped (two channels per group) is conv.direct with its group.
// CHECK-LABEL: func.func @grouped
// CHECK: conv.direct ins(%{{.*}}, %{{.*}} : tensor<1x6x6x4xf32>, tensor<3x3x2x4xf32>)
// CHECK-SAME: group = 2 : i64
// IM2COL-LABEL: func.func @grouped
// IM2COL-NOT: conv.im2col
// IM2COL: conv.direct
func.func @grouped(%x: tensor<1x4x6x6xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x4x4x4xf32> {
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 2} : (tensor<1x4x6x6xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

// A unit 1x1 convolution is one matrix product: conv.pointwise with a
// [C, F] filter, w[f, c] = 10f + c transposed.
// CHECK-LABEL: func.func @pointwise
// CHECK: %[[W:.*]] = edge.constant dense<{{\[}}[0.000000e+00, 1.000000e+01], [1.000000e+00, 1.100000e+01], [2.000000e+00, 1.200000e+01]]> : tensor<3x2xf32>
// CHECK: conv.pointwise ins(%{{.*}}, %[[W]] : tensor<1x5x7x3xf32>, tensor<3x2xf32>) outs(%{{.*}} : tensor<1x5x7x2xf32>)
// IM2COL-LABEL: func.func @pointwise
// IM2COL: conv.im2col
// IM2COL-SAME: tensor<1x1x3x2xf32>
func.func @pointwise(%x: tensor<1x3x5x7xf32>) -> tensor<1x2x5x7xf32> {
  %w = edge.constant dense<[[[[0.0]], [[1.0]], [[2.0]]], [[[10.0]], [[11.0]], [[12.0]]]]> : tensor<2x3x1x1xf32>
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x3x5x7xf32>, tensor<2x3x1x1xf32>) -> tensor<1x2x5x7xf32>
  return %0 : tensor<1x2x5x7xf32>
}

// -----

// A runtime pointwise filter: reshape to [F, C], then transpose.
// CHECK-LABEL: func.func @pointwise_runtime_filter
// CHECK-SAME: (%{{.*}}: tensor<1x3x8x8xf32>, %[[W:.*]]: tensor<5x3x1x1xf32>)
// CHECK: %[[R:.*]] = edge.reshape %[[W]] {shape = array<i64: 5, 3>}
// CHECK: %[[T:.*]] = edge.transpose %[[R]] {perm = array<i64: 1, 0>} : (tensor<5x3xf32>) -> tensor<3x5xf32>
// CHECK: conv.pointwise ins(%{{.*}}, %[[T]] : tensor<1x8x8x3xf32>, tensor<3x5xf32>)
func.func @pointwise_runtime_filter(%x: tensor<1x3x8x8xf32>, %w: tensor<5x3x1x1xf32>) -> tensor<1x5x8x8xf32> {
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x3x8x8xf32>, tensor<5x3x1x1xf32>) -> tensor<1x5x8x8xf32>
  return %0 : tensor<1x5x8x8xf32>
}

// -----

// Strided, padded or dilated 1x1 convolutions are not a plain product.
// CHECK-LABEL: func.func @pointwise_strided
// CHECK-NOT: conv.pointwise
// CHECK: conv.direct ins(%{{.*}}, %{{.*}} : tensor<1x8x8x3xf32>, tensor<1x1x3x5xf32>)
// CHECK-SAME: strides = array<i64: 2, 2>
// CHECK-LABEL: func.func @pointwise_padded
// CHECK-NOT: conv.pointwise
// CHECK: conv.direct
// CHECK-SAME: pads = array<i64: 1, 0, 0, 0>
// CHECK-LABEL: func.func @pointwise_dilated
// CHECK-NOT: conv.pointwise
// CHECK: conv.direct
// CHECK-SAME: dilations = array<i64: 1, 2>
func.func @pointwise_strided(%x: tensor<1x3x8x8xf32>, %w: tensor<5x3x1x1xf32>) -> tensor<1x5x4x4xf32> {
  %0 = edge.conv %x, %w {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x3x8x8xf32>, tensor<5x3x1x1xf32>) -> tensor<1x5x4x4xf32>
  return %0 : tensor<1x5x4x4xf32>
}
func.func @pointwise_padded(%x: tensor<1x3x8x8xf32>, %w: tensor<5x3x1x1xf32>) -> tensor<1x5x9x8xf32> {
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 0, 0, 0>, group = 1} : (tensor<1x3x8x8xf32>, tensor<5x3x1x1xf32>) -> tensor<1x5x9x8xf32>
  return %0 : tensor<1x5x9x8xf32>
}
func.func @pointwise_dilated(%x: tensor<1x3x8x8xf32>, %w: tensor<5x3x1x1xf32>) -> tensor<1x5x8x8xf32> {
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 2>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x3x8x8xf32>, tensor<5x3x1x1xf32>) -> tensor<1x5x8x8xf32>
  return %0 : tensor<1x5x8x8xf32>
}

// -----

// A dilated 3x3 convolution is conv.direct, and not Winograd even when
// asked for.
// CHECK-LABEL: func.func @dilated
// CHECK: conv.direct
// CHECK-SAME: dilations = array<i64: 2, 2>
// WINO2-LABEL: func.func @dilated
// WINO2-NOT: conv.winograd
// WINO2: conv.direct
func.func @dilated(%x: tensor<1x3x8x8xf32>) -> tensor<1x4x4x4xf32> {
  %w = edge.constant dense<1.0> : tensor<4x3x3x3xf32>
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, group = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

// So is a strided one.
// WINO2-LABEL: func.func @strided
// WINO2-NOT: conv.winograd
// WINO2: conv.direct
// WINO2-SAME: strides = array<i64: 2, 2>
func.func @strided(%x: tensor<1x3x8x8xf32>) -> tensor<1x4x4x4xf32> {
  %w = edge.constant dense<1.0> : tensor<4x3x3x3xf32>
  %0 = edge.conv %x, %w {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, group = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

// Winograd takes 3x3 stride-1 convolutions with constant filters; the
// filter stays in HWIO ([3, 3, C, F]) for its compile-time transform.
// CHECK-LABEL: func.func @winograd_eligible
// CHECK: conv.direct
// WINO2-LABEL: func.func @winograd_eligible
// WINO2: %[[W:.*]] = edge.constant dense<1.000000e+00> : tensor<3x3x3x4xf32>
// WINO2: conv.winograd ins(%{{.*}}, %[[W]] : tensor<1x8x8x3xf32>, tensor<3x3x3x4xf32>) outs(%{{.*}} : tensor<1x8x8x4xf32>)
// WINO2-SAME: pads = array<i64: 1, 1, 1, 1>
// WINO2-SAME: tile = 2 : i64
func.func @winograd_eligible(%x: tensor<1x3x8x8xf32>) -> tensor<1x4x8x8xf32> {
  %w = edge.constant dense<1.0> : tensor<4x3x3x3xf32>
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, group = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return %0 : tensor<1x4x8x8xf32>
}

// -----

// The schedule's algorithm wins over the option, and the schedule moves to
// the conv op.
// CHECK-LABEL: func.func @schedule_algorithm
// CHECK: conv.winograd
// CHECK-SAME: edgec.schedule = {algorithm = "winograd4", lanes = 4 : i64}
// CHECK-SAME: tile = 4 : i64
// WINO2-LABEL: func.func @schedule_algorithm
// WINO2: conv.winograd
// WINO2-SAME: tile = 4 : i64
// IM2COL-LABEL: func.func @schedule_algorithm
// IM2COL: conv.winograd
func.func @schedule_algorithm(%x: tensor<1x3x8x8xf32>) -> tensor<1x4x8x8xf32> {
  %w = edge.constant dense<1.0> : tensor<4x3x3x3xf32>
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, group = 1, edgec.schedule = {algorithm = "winograd4", lanes = 4 : i64}} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return %0 : tensor<1x4x8x8xf32>
}

// -----

// The schedule asks for im2col on a 1x1 convolution, which would otherwise
// be pointwise.
// CHECK-LABEL: func.func @schedule_im2col
// CHECK-NOT: conv.pointwise
// CHECK: conv.im2col
// CHECK-SAME: edgec.schedule = {algorithm = "im2col"}
func.func @schedule_im2col(%x: tensor<1x3x8x8xf32>, %w: tensor<5x3x1x1xf32>) -> tensor<1x5x8x8xf32> {
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1, edgec.schedule = {algorithm = "im2col"}} : (tensor<1x3x8x8xf32>, tensor<5x3x1x1xf32>) -> tensor<1x5x8x8xf32>
  return %0 : tensor<1x5x8x8xf32>
}

// -----

// A schedule's algorithm that does not apply (Winograd on a runtime filter)
// gives way to the option, and without one to the choice by shape.
// CHECK-LABEL: func.func @schedule_ineligible
// CHECK-NOT: conv.winograd
// CHECK: conv.direct
// CHECK-SAME: edgec.schedule = {algorithm = "winograd2"}
// IM2COL-LABEL: func.func @schedule_ineligible
// IM2COL: conv.im2col
// IM2COL-SAME: edgec.schedule = {algorithm = "winograd2"}
func.func @schedule_ineligible(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32> {
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, group = 1, edgec.schedule = {algorithm = "winograd2"}} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return %0 : tensor<1x4x8x8xf32>
}

// -----

// An unknown algorithm in a schedule applies nowhere.
// CHECK-LABEL: func.func @schedule_unknown
// CHECK: conv.depthwise
func.func @schedule_unknown(%x: tensor<1x3x8x8xf32>, %w: tensor<3x1x3x3xf32>) -> tensor<1x3x6x6xf32> {
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 3, edgec.schedule = {algorithm = "fft"}} : (tensor<1x3x8x8xf32>, tensor<3x1x3x3xf32>) -> tensor<1x3x6x6xf32>
  return %0 : tensor<1x3x6x6xf32>
}

// -----

// 1-D: [N, C, W] is [N, C, 1, W]; the height gets stride and dilation 1 and
// no pads, and the result goes back to [N, F, OW].
// CHECK-LABEL: func.func @conv_1d
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x10xf32>, %[[W:.*]]: tensor<4x2x3xf32>)
// CHECK: %[[X4:.*]] = edge.reshape %[[X]] {shape = array<i64: 1, 2, 1, 10>}
// CHECK: %[[NHWC:.*]] = edge.transpose %[[X4]] {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x2x1x10xf32>) -> tensor<1x1x10x2xf32>
// CHECK: %[[W4:.*]] = edge.reshape %[[W]] {shape = array<i64: 4, 2, 1, 3>}
// CHECK: %[[HWIO:.*]] = edge.transpose %[[W4]] {perm = array<i64: 2, 3, 1, 0>} : (tensor<4x2x1x3xf32>) -> tensor<1x3x2x4xf32>
// CHECK: %[[Y:.*]] = conv.direct ins(%[[NHWC]], %[[HWIO]] : tensor<1x1x10x2xf32>, tensor<1x3x2x4xf32>) outs(%{{.*}} : tensor<1x1x4x4xf32>)
// CHECK-SAME: dilations = array<i64: 1, 2>, group = 1 : i64, pads = array<i64: 0, 1, 0, 0>, strides = array<i64: 1, 2>
// CHECK: %[[NCHW:.*]] = edge.transpose %[[Y]] {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x1x4x4xf32>) -> tensor<1x4x1x4xf32>
// CHECK: %[[R:.*]] = edge.reshape %[[NCHW]] {shape = array<i64: 1, 4, 4>}
// CHECK: return %[[R]]
func.func @conv_1d(%x: tensor<1x2x10xf32>, %w: tensor<4x2x3xf32>) -> tensor<1x4x4xf32> {
  %0 = edge.conv %x, %w {strides = array<i64: 2>, dilations = array<i64: 2>, pads = array<i64: 1, 0>, group = 1} : (tensor<1x2x10xf32>, tensor<4x2x3xf32>) -> tensor<1x4x4xf32>
  return %0 : tensor<1x4x4xf32>
}

// -----

// A 1-D kernel of size 1 with unit stride is pointwise too.
// CHECK-LABEL: func.func @conv_1d_pointwise
// CHECK: conv.pointwise ins(%{{.*}}, %{{.*}} : tensor<1x1x6x3xf32>, tensor<3x4xf32>)
func.func @conv_1d_pointwise(%x: tensor<1x3x6xf32>, %w: tensor<4x3x1xf32>) -> tensor<1x4x6xf32> {
  %0 = edge.conv %x, %w {strides = array<i64: 1>, dilations = array<i64: 1>, pads = array<i64: 0, 0>, group = 1} : (tensor<1x3x6xf32>, tensor<4x3x1xf32>) -> tensor<1x4x6xf32>
  return %0 : tensor<1x4x6xf32>
}

// -----

// 3-D convolutions are left to the generic lowering.
// CHECK-LABEL: func.func @conv_3d
// CHECK: edge.conv
// CHECK-NOT: conv.
func.func @conv_3d(%x: tensor<1x2x4x4x4xf32>, %w: tensor<3x2x1x1x1xf32>) -> tensor<1x3x4x4x4xf32> {
  %0 = edge.conv %x, %w {strides = array<i64: 1, 1, 1>, dilations = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, group = 1} : (tensor<1x2x4x4x4xf32>, tensor<3x2x1x1x1xf32>) -> tensor<1x3x4x4x4xf32>
  return %0 : tensor<1x3x4x4x4xf32>
}
