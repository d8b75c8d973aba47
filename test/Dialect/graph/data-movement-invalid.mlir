// RUN: edgec-opt %s -split-input-file -verify-diagnostics
// Every diagnostic of the data movement ops' shape inference. A failed
// shape inference reports its reason, then that inference failed.

func.func @slice_counts(%x: tensor<4x5xf32>) {
  // expected-error @+2 {{expected 2 offsets, sizes and strides, got 1, 2 and 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.slice %x {offsets = array<i64: 0>, sizes = array<i64: 4, 5>, strides = array<i64: 1, 1>} : (tensor<4x5xf32>) -> tensor<4x5xf32>
  return
}

// -----

func.func @slice_zero_stride(%x: tensor<4x5xf32>) {
  // expected-error @+2 {{stride of dimension 1 is zero}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.slice %x {offsets = array<i64: 0, 0>, sizes = array<i64: 4, 5>, strides = array<i64: 1, 0>} : (tensor<4x5xf32>) -> tensor<4x5xf32>
  return
}

// -----

func.func @slice_negative_size(%x: tensor<4x5xf32>) {
  // expected-error @+2 {{size of dimension 0 is negative}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.slice %x {offsets = array<i64: 0, 0>, sizes = array<i64: -1, 5>, strides = array<i64: 1, 1>} : (tensor<4x5xf32>) -> tensor<4x5xf32>
  return
}

// -----

func.func @slice_outside(%x: tensor<4x5xf32>) {
  // A backwards slice from 1 with stride -2 reads 1 and -1.
  // expected-error @+2 {{dimension 0 reads [1, -1], outside the input's [0, 4)}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.slice %x {offsets = array<i64: 1, 0>, sizes = array<i64: 2, 5>, strides = array<i64: -2, 1>} : (tensor<4x5xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @gather_axis(%x: tensor<4x5xf32>, %i: tensor<2xi64>) {
  // expected-error @+2 {{axis 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.gather %x, %i {axis = 2 : i64} : (tensor<4x5xf32>, tensor<2xi64>) -> tensor<4x2xf32>
  return
}

// -----

func.func @gather_float_indices(%x: tensor<4x5xf32>, %i: tensor<2xf32>) {
  // expected-error @+1 {{operand #1 must be statically shaped tensor of 32-bit signless integer or 64-bit signless integer values}}
  %0 = edge.gather %x, %i {axis = 0 : i64} : (tensor<4x5xf32>, tensor<2xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @gather_elements_axis(%x: tensor<4x5xf32>, %i: tensor<2x5xi64>) {
  // expected-error @+2 {{axis 3 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.gather_elements %x, %i {axis = 3 : i64} : (tensor<4x5xf32>, tensor<2x5xi64>) -> tensor<2x5xf32>
  return
}

// -----

func.func @gather_elements_fit(%x: tensor<4x5xf32>, %i: tensor<2x6xi64>) {
  // expected-error @+2 {{indices of shape [2, 6] do not fit data of shape [4, 5] outside axis 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.gather_elements %x, %i {axis = 0 : i64} : (tensor<4x5xf32>, tensor<2x6xi64>) -> tensor<2x6xf32>
  return
}

// -----

func.func @gather_nd_batch(%x: tensor<4x5xf32>, %i: tensor<4x1xi64>) {
  // expected-error @+2 {{batch_dims 2 must be less than the ranks of data (2) and indices (2)}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.gather_nd %x, %i {batch_dims = 2 : i64} : (tensor<4x5xf32>, tensor<4x1xi64>) -> tensor<4xf32>
  return
}

// -----

func.func @gather_nd_tuple(%x: tensor<4x5xf32>, %i: tensor<4x3xi64>) {
  // expected-error @+2 {{index tuples of 3 entries do not fit data of rank 2 with 0 batch dimensions}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.gather_nd %x, %i {batch_dims = 0 : i64} : (tensor<4x5xf32>, tensor<4x3xi64>) -> tensor<4xf32>
  return
}

// -----

func.func @gather_nd_batch_mismatch(%x: tensor<4x5xf32>, %i: tensor<3x1xi64>) {
  // expected-error @+2 {{batch dimension 0 differs: [4, 5] and [3, 1]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.gather_nd %x, %i {batch_dims = 1 : i64} : (tensor<4x5xf32>, tensor<3x1xi64>) -> tensor<3xf32>
  return
}

// -----

func.func @expand_mismatch(%x: tensor<3x2xf32>) {
  // expected-error @+2 {{cannot broadcast [3, 2] to [3, 4]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.expand %x {shape = array<i64: 3, 4>} : (tensor<3x2xf32>) -> tensor<3x4xf32>
  return
}

// -----

func.func @expand_lower_rank(%x: tensor<3x2xf32>) {
  // expected-error @+2 {{cannot broadcast [3, 2] to [2]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.expand %x {shape = array<i64: 2>} : (tensor<3x2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @tile_count(%x: tensor<3x2xf32>) {
  // expected-error @+2 {{expected 2 repeats, got 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.tile %x {repeats = array<i64: 1, 1, 1>} : (tensor<3x2xf32>) -> tensor<3x2xf32>
  return
}

// -----

func.func @tile_negative(%x: tensor<3x2xf32>) {
  // expected-error @+2 {{repeats [1, -1] must not be negative}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.tile %x {repeats = array<i64: 1, -1>} : (tensor<3x2xf32>) -> tensor<3x2xf32>
  return
}

// -----

func.func @pad_count(%x: tensor<3x2xf32>) {
  // expected-error @+2 {{expected 4 pads, got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.pad %x {mode = "constant", pads = array<i64: 1, 1>, value = 0.0 : f32} : (tensor<3x2xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @pad_value_type(%x: tensor<3x2xf32>) {
  // expected-error @+2 {{pad value 0 : i64 does not have the element type 'f32'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.pad %x {mode = "constant", pads = array<i64: 0, 0, 0, 0>, value = 0 : i64} : (tensor<3x2xf32>) -> tensor<3x2xf32>
  return
}

// -----

func.func @pad_crop_too_much(%x: tensor<3x2xf32>) {
  // expected-error @+2 {{pads [0, -2, 0, -1] leave nothing of dimension 1 (size 2) to pad from}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.pad %x {mode = "constant", pads = array<i64: 0, -2, 0, -1>, value = 0.0 : f32} : (tensor<3x2xf32>) -> tensor<3x0xf32>
  return
}

// -----

func.func @pad_reflect_from_nothing(%x: tensor<3x2xf32>) {
  // expected-error @+2 {{pads [0, -2, 0, 1] leave nothing of dimension 1 (size 2) to pad from}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.pad %x {mode = "reflect", pads = array<i64: 0, -2, 0, 1>, value = 0.0 : f32} : (tensor<3x2xf32>) -> tensor<3x1xf32>
  return
}

// -----

func.func @pad_mode(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{attribute 'mode' failed to satisfy constraint: string attribute one of constant, reflect, edge}}
  %0 = edge.pad %x {mode = "wrap", pads = array<i64: 0, 0, 0, 0>, value = 0.0 : f32} : (tensor<3x2xf32>) -> tensor<3x2xf32>
  return
}

// -----

func.func @resize_counts(%x: tensor<1x2x5x7xf32>) {
  // expected-error @+2 {{expected 4 sizes and scales, got 4 and 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.resize %x {coordinate_mode = "half_pixel", mode = "nearest", scales = array<f64: 2.0, 2.0>, sizes = array<i64: 1, 2, 10, 14>} : (tensor<1x2x5x7xf32>) -> tensor<1x2x10x14xf32>
  return
}

// -----

func.func @resize_empty(%x: tensor<1x2x5x7xf32>) {
  // expected-error @+2 {{sizes [1, 2, 0, 14] must be positive}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.resize %x {coordinate_mode = "half_pixel", mode = "nearest", scales = array<f64: 1.0, 1.0, 0.0, 2.0>, sizes = array<i64: 1, 2, 0, 14>} : (tensor<1x2x5x7xf32>) -> tensor<1x2x0x14xf32>
  return
}

// -----

func.func @resize_scale(%x: tensor<1x2x5x7xf32>) {
  // expected-error @+2 {{scale -1.000000e+00 of dimension 1 must be positive}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.resize %x {coordinate_mode = "half_pixel", mode = "nearest", scales = array<f64: 1.0, -1.0, 1.0, 1.0>, sizes = array<i64: 1, 2, 5, 7>} : (tensor<1x2x5x7xf32>) -> tensor<1x2x5x7xf32>
  return
}

// -----

func.func @resize_roi(%x: tensor<1x2x5x7xf32>) {
  // expected-error @+2 {{roi has 0 entries; expected 8 with coordinate_mode tf_crop_and_resize}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.resize %x {coordinate_mode = "tf_crop_and_resize", mode = "linear", scales = array<f64: 1.0, 1.0, 1.0, 1.0>, sizes = array<i64: 1, 2, 5, 7>} : (tensor<1x2x5x7xf32>) -> tensor<1x2x5x7xf32>
  return
}

// -----

func.func @resize_linear_integers(%x: tensor<1x2x5x7xi64>) {
  // expected-error @+2 {{linear interpolation needs float32, not 'i64'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.resize %x {coordinate_mode = "half_pixel", mode = "linear", scales = array<f64: 1.0, 1.0, 2.0, 2.0>, sizes = array<i64: 1, 2, 10, 14>} : (tensor<1x2x5x7xi64>) -> tensor<1x2x10x14xi64>
  return
}

// -----

func.func @resize_coordinate_mode(%x: tensor<1x2x5x7xf32>) {
  // expected-error @+1 {{attribute 'coordinate_mode' failed to satisfy constraint: string attribute one of half_pixel, pytorch_half_pixel, align_corners, asymmetric, tf_half_pixel_for_nn, tf_crop_and_resize}}
  %0 = edge.resize %x {coordinate_mode = "half_pixel_symmetric", mode = "linear", scales = array<f64: 1.0, 1.0, 2.0, 2.0>, sizes = array<i64: 1, 2, 10, 14>} : (tensor<1x2x5x7xf32>) -> tensor<1x2x10x14xf32>
  return
}

// -----

func.func @trilu_rank(%x: tensor<5xf32>, %k: tensor<i64>) {
  // expected-error @+2 {{needs a rank of at least 2, got 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.trilu %x, %k {upper = true} : (tensor<5xf32>, tensor<i64>) -> tensor<5xf32>
  return
}

// -----

func.func @one_hot_values(%i: tensor<3xi64>, %v: tensor<3xf32>) {
  // expected-error @+2 {{values must be [off, on], not of shape [3]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.one_hot %i, %v {axis = 1 : i64, depth = 4 : i64} : (tensor<3xi64>, tensor<3xf32>) -> tensor<3x4xf32>
  return
}

// -----

func.func @one_hot_axis(%i: tensor<3xi64>, %v: tensor<2xf32>) {
  // expected-error @+2 {{axis 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.one_hot %i, %v {axis = 2 : i64, depth = 4 : i64} : (tensor<3xi64>, tensor<2xf32>) -> tensor<3x4xf32>
  return
}

// -----

func.func @scatter_updates_type(%x: tensor<4x3xf32>, %i: tensor<2x3xi64>, %u: tensor<2x3xi64>) {
  // expected-error @+2 {{updates of type 'tensor<2x3xi64>' do not match data of type 'tensor<4x3xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.scatter_elements %x, %i, %u {axis = 0 : i64} : (tensor<4x3xf32>, tensor<2x3xi64>, tensor<2x3xi64>) -> tensor<4x3xf32>
  return
}

// -----

func.func @scatter_reduction_type(%x: tensor<4x3xi1>, %i: tensor<2x3xi64>, %u: tensor<2x3xi1>) {
  // expected-error @+2 {{reduction 'add' needs float32, int32 or int64, not 'i1'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.scatter_elements %x, %i, %u {axis = 0 : i64, reduction = "add"} : (tensor<4x3xi1>, tensor<2x3xi64>, tensor<2x3xi1>) -> tensor<4x3xi1>
  return
}

// -----

func.func @scatter_elements_axis(%x: tensor<4x3xf32>, %i: tensor<2x3xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+2 {{axis 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.scatter_elements %x, %i, %u {axis = 2 : i64} : (tensor<4x3xf32>, tensor<2x3xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @scatter_elements_shapes(%x: tensor<4x3xf32>, %i: tensor<2x3xi64>, %u: tensor<2x2xf32>) {
  // expected-error @+2 {{indices of shape [2, 3] and updates of shape [2, 2] differ}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.scatter_elements %x, %i, %u {axis = 0 : i64} : (tensor<4x3xf32>, tensor<2x3xi64>, tensor<2x2xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @scatter_elements_fit(%x: tensor<4x3xf32>, %i: tensor<2x4xi64>, %u: tensor<2x4xf32>) {
  // expected-error @+2 {{indices of shape [2, 4] do not fit data of shape [4, 3] outside axis 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.scatter_elements %x, %i, %u {axis = 0 : i64} : (tensor<4x3xf32>, tensor<2x4xi64>, tensor<2x4xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @scatter_nd_rank(%x: tensor<4x3xf32>, %i: tensor<i64>, %u: tensor<4x3xf32>) {
  // expected-error @+2 {{indices must have a rank of at least 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.scatter_nd %x, %i, %u : (tensor<4x3xf32>, tensor<i64>, tensor<4x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @scatter_nd_tuple(%x: tensor<4x3xf32>, %i: tensor<2x3xi64>, %u: tensor<2xf32>) {
  // expected-error @+2 {{index tuples of 3 entries do not fit data of rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.scatter_nd %x, %i, %u : (tensor<4x3xf32>, tensor<2x3xi64>, tensor<2xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @scatter_nd_updates(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x4xf32>) {
  // expected-error @+2 {{updates of shape [2, 4] do not have the expected shape [2, 3]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = edge.scatter_nd %x, %i, %u : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x4xf32>) -> tensor<4x3xf32>
  return
}
