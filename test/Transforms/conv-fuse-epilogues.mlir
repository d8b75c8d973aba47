// RUN: edgec-opt %s -split-input-file -conv-fuse-epilogues | FileCheck %s
// A residual edge.add and a following activation (relu, clip, sigmoid, and
// SiLU as x * sigmoid(x)) fold into the conv op that produces their input,
// when nothing else reads the conv's result.

// CHECK-LABEL: func.func @residual
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x2xf32>, %[[W:.*]]: tensor<1x1x2x3xf32>, %[[R:.*]]: tensor<1x4x4x3xf32>)
// CHECK: %[[Y:.*]] = conv.direct ins(%[[X]], %[[W]] : tensor<1x4x4x2xf32>, tensor<1x1x2x3xf32>) residual(%[[R]] : tensor<1x4x4x3xf32>) outs(%{{.*}} : tensor<1x4x4x3xf32>)
// CHECK-NOT: activation
// CHECK-SAME: -> tensor<1x4x4x3xf32>
// CHECK-NOT: edge.add
// CHECK: return %[[Y]]
func.func @residual(%x: tensor<1x4x4x2xf32>, %w: tensor<1x1x2x3xf32>, %r: tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32> {
  %i = tensor.empty() : tensor<1x4x4x3xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x4x4x2xf32>, tensor<1x1x2x3xf32>) outs(%i : tensor<1x4x4x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} -> tensor<1x4x4x3xf32>
  %1 = edge.add %0, %r : (tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32>
  return %1 : tensor<1x4x4x3xf32>
}

// -----

// The conv result may be either operand of the add. The residual here is
// computed after the conv, which moves down to the add to use it.
// CHECK-LABEL: func.func @residual_rhs_defined_later
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x2xf32>, %[[W:.*]]: tensor<1x1x2x3xf32>, %[[S:.*]]: tensor<1x4x4x3xf32>)
// CHECK: %[[R:.*]] = edge.sigmoid %[[S]]
// CHECK: %[[Y:.*]] = conv.direct ins(%[[X]], %[[W]] : {{.*}}) residual(%[[R]] : tensor<1x4x4x3xf32>)
// CHECK-NOT: edge.add
// CHECK: return %[[Y]]
func.func @residual_rhs_defined_later(%x: tensor<1x4x4x2xf32>, %w: tensor<1x1x2x3xf32>, %s: tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32> {
  %i = tensor.empty() : tensor<1x4x4x3xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x4x4x2xf32>, tensor<1x1x2x3xf32>) outs(%i : tensor<1x4x4x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} -> tensor<1x4x4x3xf32>
  %r = edge.sigmoid %s : tensor<1x4x4x3xf32>
  %1 = edge.add %r, %0 : (tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32>
  return %1 : tensor<1x4x4x3xf32>
}

// -----

// CHECK-LABEL: func.func @relu
// CHECK: %[[Y:.*]] = conv.direct
// CHECK-SAME: activation = "relu"
// CHECK-NOT: edge.relu
// CHECK: return %[[Y]]
func.func @relu(%x: tensor<1x4x4x2xf32>, %w: tensor<1x1x2x3xf32>, %b: tensor<3xf32>) -> tensor<1x4x4x3xf32> {
  %i = tensor.empty() : tensor<1x4x4x3xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x4x4x2xf32>, tensor<1x1x2x3xf32>) bias(%b : tensor<3xf32>) outs(%i : tensor<1x4x4x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} -> tensor<1x4x4x3xf32>
  %1 = edge.relu %0 : tensor<1x4x4x3xf32>
  return %1 : tensor<1x4x4x3xf32>
}

// -----

// Clip (ReLU6 here) keeps its bounds.
// CHECK-LABEL: func.func @clip
// CHECK: %[[Y:.*]] = conv.depthwise
// CHECK-SAME: activation = "clip", clip_max = 6.000000e+00 : f32, clip_min = 0.000000e+00 : f32
// CHECK-NOT: edge.clip
// CHECK: return %[[Y]]
func.func @clip(%x: tensor<1x4x4x3xf32>, %w: tensor<3x3x3xf32>) -> tensor<1x2x2x3xf32> {
  %i = tensor.empty() : tensor<1x2x2x3xf32>
  %0 = conv.depthwise ins(%x, %w : tensor<1x4x4x3xf32>, tensor<3x3x3xf32>) outs(%i : tensor<1x2x2x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} -> tensor<1x2x2x3xf32>
  %1 = edge.clip %0 {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x2x2x3xf32>
  return %1 : tensor<1x2x2x3xf32>
}

// -----

// CHECK-LABEL: func.func @sigmoid
// CHECK: %[[Y:.*]] = conv.pointwise
// CHECK-SAME: activation = "sigmoid"
// CHECK-NOT: edge.sigmoid
// CHECK: return %[[Y]]
func.func @sigmoid(%x: tensor<1x4x4x2xf32>, %w: tensor<2x3xf32>) -> tensor<1x4x4x3xf32> {
  %i = tensor.empty() : tensor<1x4x4x3xf32>
  %0 = conv.pointwise ins(%x, %w : tensor<1x4x4x2xf32>, tensor<2x3xf32>) outs(%i : tensor<1x4x4x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} -> tensor<1x4x4x3xf32>
  %1 = edge.sigmoid %0 : tensor<1x4x4x3xf32>
  return %1 : tensor<1x4x4x3xf32>
}

// -----

// SiLU: x * sigmoid(x), with x the conv result, in either order.
// CHECK-LABEL: func.func @silu
// CHECK: %[[Y:.*]] = conv.winograd
// CHECK-SAME: activation = "silu"
// CHECK-NOT: edge.sigmoid
// CHECK-NOT: edge.mul
// CHECK: return %[[Y]]
func.func @silu(%x: tensor<1x4x4x2xf32>, %w: tensor<3x3x2x3xf32>) -> tensor<1x2x2x3xf32> {
  %i = tensor.empty() : tensor<1x2x2x3xf32>
  %0 = conv.winograd ins(%x, %w : tensor<1x4x4x2xf32>, tensor<3x3x2x3xf32>) outs(%i : tensor<1x2x2x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, tile = 2} -> tensor<1x2x2x3xf32>
  %1 = edge.sigmoid %0 : tensor<1x2x2x3xf32>
  %2 = edge.mul %0, %1 : (tensor<1x2x2x3xf32>, tensor<1x2x2x3xf32>) -> tensor<1x2x2x3xf32>
  return %2 : tensor<1x2x2x3xf32>
}

// -----

// CHECK-LABEL: func.func @silu_sigmoid_first
// CHECK: %[[Y:.*]] = conv.im2col
// CHECK-SAME: activation = "silu"
// CHECK-NOT: edge.sigmoid
// CHECK-NOT: edge.mul
// CHECK: return %[[Y]]
func.func @silu_sigmoid_first(%x: tensor<1x4x4x2xf32>, %w: tensor<3x3x2x3xf32>) -> tensor<1x2x2x3xf32> {
  %i = tensor.empty() : tensor<1x2x2x3xf32>
  %0 = conv.im2col ins(%x, %w : tensor<1x4x4x2xf32>, tensor<3x3x2x3xf32>) outs(%i : tensor<1x2x2x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} -> tensor<1x2x2x3xf32>
  %1 = edge.sigmoid %0 : tensor<1x2x2x3xf32>
  %2 = edge.mul %1, %0 : (tensor<1x2x2x3xf32>, tensor<1x2x2x3xf32>) -> tensor<1x2x2x3xf32>
  return %2 : tensor<1x2x2x3xf32>
}

// -----

// Residual, then the activation: relu(conv + r).
// CHECK-LABEL: func.func @residual_then_relu
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x2xf32>, %[[W:.*]]: tensor<1x1x2x3xf32>, %[[R:.*]]: tensor<1x4x4x3xf32>)
// CHECK: %[[Y:.*]] = conv.direct ins(%[[X]], %[[W]] : {{.*}}) residual(%[[R]] : tensor<1x4x4x3xf32>)
// CHECK-SAME: activation = "relu"
// CHECK-NOT: edge.
// CHECK: return %[[Y]]
func.func @residual_then_relu(%x: tensor<1x4x4x2xf32>, %w: tensor<1x1x2x3xf32>, %r: tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32> {
  %i = tensor.empty() : tensor<1x4x4x3xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x4x4x2xf32>, tensor<1x1x2x3xf32>) outs(%i : tensor<1x4x4x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} -> tensor<1x4x4x3xf32>
  %1 = edge.add %r, %0 : (tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32>
  %2 = edge.relu %1 : tensor<1x4x4x3xf32>
  return %2 : tensor<1x4x4x3xf32>
}

// -----

// Residual, then SiLU.
// CHECK-LABEL: func.func @residual_then_silu
// CHECK: %[[Y:.*]] = conv.direct
// CHECK-SAME: residual
// CHECK-SAME: activation = "silu"
// CHECK-NOT: edge.
// CHECK: return %[[Y]]
func.func @residual_then_silu(%x: tensor<1x4x4x2xf32>, %w: tensor<1x1x2x3xf32>, %r: tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32> {
  %i = tensor.empty() : tensor<1x4x4x3xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x4x4x2xf32>, tensor<1x1x2x3xf32>) outs(%i : tensor<1x4x4x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} -> tensor<1x4x4x3xf32>
  %1 = edge.add %0, %r : (tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32>
  %2 = edge.sigmoid %1 : tensor<1x4x4x3xf32>
  %3 = edge.mul %1, %2 : (tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32>
  return %3 : tensor<1x4x4x3xf32>
}

// -----

// The activation comes after the residual, so a conv that already has one
// takes no residual: relu(conv) + r is not relu(conv + r).
// CHECK-LABEL: func.func @no_residual_after_activation
// CHECK: %[[Y:.*]] = conv.direct
// CHECK-NOT: residual
// CHECK-SAME: activation = "relu"
// CHECK: %[[A:.*]] = edge.add %[[Y]], %{{.*}}
// CHECK: return %[[A]]
func.func @no_residual_after_activation(%x: tensor<1x4x4x2xf32>, %w: tensor<1x1x2x3xf32>, %r: tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32> {
  %i = tensor.empty() : tensor<1x4x4x3xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x4x4x2xf32>, tensor<1x1x2x3xf32>) outs(%i : tensor<1x4x4x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1, activation = "relu"} -> tensor<1x4x4x3xf32>
  %1 = edge.add %0, %r : (tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32>
  return %1 : tensor<1x4x4x3xf32>
}

// -----

// A conv whose activation is set keeps it: relu(clip(conv)) stays a relu.
// CHECK-LABEL: func.func @activation_already_set
// CHECK: %[[Y:.*]] = conv.direct
// CHECK-SAME: activation = "clip"
// CHECK: %[[A:.*]] = edge.relu %[[Y]]
// CHECK: return %[[A]]
func.func @activation_already_set(%x: tensor<1x4x4x2xf32>, %w: tensor<1x1x2x3xf32>) -> tensor<1x4x4x3xf32> {
  %i = tensor.empty() : tensor<1x4x4x3xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x4x4x2xf32>, tensor<1x1x2x3xf32>) outs(%i : tensor<1x4x4x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1, activation = "clip", clip_min = -1.0 : f32, clip_max = 1.0 : f32} -> tensor<1x4x4x3xf32>
  %1 = edge.relu %0 : tensor<1x4x4x3xf32>
  return %1 : tensor<1x4x4x3xf32>
}

// -----

// A residual is set once: a second add stays.
// CHECK-LABEL: func.func @residual_already_set
// CHECK-SAME: (%{{.*}}: tensor<1x4x4x2xf32>, %{{.*}}: tensor<1x1x2x3xf32>, %[[R:.*]]: tensor<1x4x4x3xf32>, %[[S:.*]]: tensor<1x4x4x3xf32>)
// CHECK: %[[Y:.*]] = conv.direct {{.*}} residual(%[[R]] : tensor<1x4x4x3xf32>)
// CHECK: %[[A:.*]] = edge.add %[[Y]], %[[S]]
// CHECK: return %[[A]]
func.func @residual_already_set(%x: tensor<1x4x4x2xf32>, %w: tensor<1x1x2x3xf32>, %r: tensor<1x4x4x3xf32>, %s: tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32> {
  %i = tensor.empty() : tensor<1x4x4x3xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x4x4x2xf32>, tensor<1x1x2x3xf32>) residual(%r : tensor<1x4x4x3xf32>) outs(%i : tensor<1x4x4x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} -> tensor<1x4x4x3xf32>
  %1 = edge.add %0, %s : (tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32>
  return %1 : tensor<1x4x4x3xf32>
}

// -----

// The conv result has another user: fusing would change what that user
// sees, so neither the add nor the relu folds.
// CHECK-LABEL: func.func @two_users
// CHECK: %[[Y:.*]] = conv.direct
// CHECK-NOT: residual
// CHECK-NOT: activation
// CHECK-SAME: -> tensor<1x4x4x3xf32>
// CHECK: %[[A:.*]] = edge.add %[[Y]], %{{.*}}
// CHECK: %[[B:.*]] = edge.relu %[[Y]]
// CHECK: return %[[A]], %[[B]]
func.func @two_users(%x: tensor<1x4x4x2xf32>, %w: tensor<1x1x2x3xf32>, %r: tensor<1x4x4x3xf32>) -> (tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>) {
  %i = tensor.empty() : tensor<1x4x4x3xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x4x4x2xf32>, tensor<1x1x2x3xf32>) outs(%i : tensor<1x4x4x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} -> tensor<1x4x4x3xf32>
  %1 = edge.add %0, %r : (tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32>
  %2 = edge.relu %0 : tensor<1x4x4x3xf32>
  return %1, %2 : tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>
}

// -----

// The conv result is also returned: no SiLU.
// CHECK-LABEL: func.func @silu_conv_returned
// CHECK: %[[Y:.*]] = conv.direct
// CHECK-NOT: activation
// CHECK-SAME: -> tensor<1x4x4x3xf32>
// CHECK: %[[S:.*]] = edge.sigmoid %[[Y]]
// CHECK: %[[M:.*]] = edge.mul %[[Y]], %[[S]]
// CHECK: return %[[M]], %[[Y]]
func.func @silu_conv_returned(%x: tensor<1x4x4x2xf32>, %w: tensor<1x1x2x3xf32>) -> (tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>) {
  %i = tensor.empty() : tensor<1x4x4x3xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x4x4x2xf32>, tensor<1x1x2x3xf32>) outs(%i : tensor<1x4x4x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} -> tensor<1x4x4x3xf32>
  %1 = edge.sigmoid %0 : tensor<1x4x4x3xf32>
  %2 = edge.mul %0, %1 : (tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32>
  return %2, %0 : tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>
}

// -----

// The sigmoid is also returned: it must stay, so no SiLU (and the conv,
// read by both, takes no sigmoid either).
// CHECK-LABEL: func.func @silu_sigmoid_returned
// CHECK: %[[Y:.*]] = conv.direct
// CHECK-NOT: activation
// CHECK-SAME: -> tensor<1x4x4x3xf32>
// CHECK: %[[S:.*]] = edge.sigmoid %[[Y]]
// CHECK: %[[M:.*]] = edge.mul %[[Y]], %[[S]]
// CHECK: return %[[M]], %[[S]]
func.func @silu_sigmoid_returned(%x: tensor<1x4x4x2xf32>, %w: tensor<1x1x2x3xf32>) -> (tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>) {
  %i = tensor.empty() : tensor<1x4x4x3xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x4x4x2xf32>, tensor<1x1x2x3xf32>) outs(%i : tensor<1x4x4x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} -> tensor<1x4x4x3xf32>
  %1 = edge.sigmoid %0 : tensor<1x4x4x3xf32>
  %2 = edge.mul %0, %1 : (tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32>
  return %2, %1 : tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>
}

// -----

// x * sigmoid(y) of two different values is no SiLU.
// CHECK-LABEL: func.func @mul_sigmoid_of_other
// CHECK: conv.direct
// CHECK-NOT: activation
// CHECK-SAME: -> tensor<1x4x4x3xf32>
// CHECK: edge.sigmoid
// CHECK: edge.mul
func.func @mul_sigmoid_of_other(%x: tensor<1x4x4x2xf32>, %w: tensor<1x1x2x3xf32>, %z: tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32> {
  %i = tensor.empty() : tensor<1x4x4x3xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x4x4x2xf32>, tensor<1x1x2x3xf32>) outs(%i : tensor<1x4x4x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} -> tensor<1x4x4x3xf32>
  %1 = edge.sigmoid %z : tensor<1x4x4x3xf32>
  %2 = edge.mul %0, %1 : (tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32>
  return %2 : tensor<1x4x4x3xf32>
}

// -----

// A broadcasting add (a per-channel bias here) is not a residual.
// CHECK-LABEL: func.func @broadcasting_add
// CHECK: %[[Y:.*]] = conv.direct
// CHECK-NOT: residual
// CHECK-SAME: -> tensor<1x4x4x3xf32>
// CHECK: %[[A:.*]] = edge.add %[[Y]], %{{.*}} : (tensor<1x4x4x3xf32>, tensor<3xf32>)
// CHECK: return %[[A]]
func.func @broadcasting_add(%x: tensor<1x4x4x2xf32>, %w: tensor<1x1x2x3xf32>, %b: tensor<3xf32>) -> tensor<1x4x4x3xf32> {
  %i = tensor.empty() : tensor<1x4x4x3xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x4x4x2xf32>, tensor<1x1x2x3xf32>) outs(%i : tensor<1x4x4x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} -> tensor<1x4x4x3xf32>
  %1 = edge.add %0, %b : (tensor<1x4x4x3xf32>, tensor<3xf32>) -> tensor<1x4x4x3xf32>
  return %1 : tensor<1x4x4x3xf32>
}

// -----

// Nor is one whose other operand broadcasts the conv result up.
// CHECK-LABEL: func.func @broadcasting_add_larger
// CHECK: %[[Y:.*]] = conv.direct
// CHECK-NOT: residual
// CHECK-SAME: -> tensor<1x4x4x3xf32>
// CHECK: edge.add %{{.*}}, %[[Y]] : (tensor<2x4x4x3xf32>, tensor<1x4x4x3xf32>) -> tensor<2x4x4x3xf32>
func.func @broadcasting_add_larger(%x: tensor<1x4x4x2xf32>, %w: tensor<1x1x2x3xf32>, %r: tensor<2x4x4x3xf32>) -> tensor<2x4x4x3xf32> {
  %i = tensor.empty() : tensor<1x4x4x3xf32>
  %0 = conv.direct ins(%x, %w : tensor<1x4x4x2xf32>, tensor<1x1x2x3xf32>) outs(%i : tensor<1x4x4x3xf32>) {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1} -> tensor<1x4x4x3xf32>
  %1 = edge.add %r, %0 : (tensor<2x4x4x3xf32>, tensor<1x4x4x3xf32>) -> tensor<2x4x4x3xf32>
  return %1 : tensor<2x4x4x3xf32>
}

// -----

// Values that are not conv results are left alone.
// CHECK-LABEL: func.func @no_conv
// CHECK: edge.add
// CHECK: edge.relu
func.func @no_conv(%x: tensor<1x4x4x3xf32>, %r: tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32> {
  %0 = edge.add %x, %r : (tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32>
  %1 = edge.relu %0 : tensor<1x4x4x3xf32>
  return %1 : tensor<1x4x4x3xf32>
}
