// RUN: edgec-opt %s | edgec-opt | FileCheck %s
// RUN: edgec-opt %s --mlir-print-op-generic | edgec-opt | FileCheck %s
// The data movement ops print in a form that parses back to themselves,
// with any element type.

// CHECK-LABEL: func.func @slice
func.func @slice(%x: tensor<4x5x6xf32>, %b: tensor<4x5x6xi1>) -> (tensor<2x5x3xf32>, tensor<4x0x6xi1>) {
  // CHECK: edge.slice %{{.*}} {offsets = array<i64: 1, 0, 5>, sizes = array<i64: 2, 5, 3>, strides = array<i64: 2, 1, -2>} : (tensor<4x5x6xf32>) -> tensor<2x5x3xf32>
  %0 = edge.slice %x {offsets = array<i64: 1, 0, 5>, sizes = array<i64: 2, 5, 3>, strides = array<i64: 2, 1, -2>} : (tensor<4x5x6xf32>) -> tensor<2x5x3xf32>
  // CHECK: edge.slice %{{.*}} {{.*}} : (tensor<4x5x6xi1>) -> tensor<4x0x6xi1>
  %1 = edge.slice %b {offsets = array<i64: 0, 0, 0>, sizes = array<i64: 4, 0, 6>, strides = array<i64: 1, 1, 1>} : (tensor<4x5x6xi1>) -> tensor<4x0x6xi1>
  return %0, %1 : tensor<2x5x3xf32>, tensor<4x0x6xi1>
}

// CHECK-LABEL: func.func @gathers
func.func @gathers(%x: tensor<5x4x3xf16>, %i: tensor<2x2xi64>, %s: tensor<i32>, %ie: tensor<5x4x2xi32>, %ind: tensor<3x2xi64>)
    -> (tensor<5x2x2x3xf16>, tensor<4x3xf16>, tensor<5x4x2xf16>, tensor<3x3xf16>) {
  // CHECK: edge.gather %{{.*}}, %{{.*}} {axis = 1 : i64} : (tensor<5x4x3xf16>, tensor<2x2xi64>) -> tensor<5x2x2x3xf16>
  %0 = edge.gather %x, %i {axis = 1 : i64} : (tensor<5x4x3xf16>, tensor<2x2xi64>) -> tensor<5x2x2x3xf16>
  // CHECK: edge.gather %{{.*}}, %{{.*}} {axis = 0 : i64} : (tensor<5x4x3xf16>, tensor<i32>) -> tensor<4x3xf16>
  %1 = edge.gather %x, %s {axis = 0 : i64} : (tensor<5x4x3xf16>, tensor<i32>) -> tensor<4x3xf16>
  // CHECK: edge.gather_elements %{{.*}}, %{{.*}} {axis = 2 : i64} : (tensor<5x4x3xf16>, tensor<5x4x2xi32>) -> tensor<5x4x2xf16>
  %2 = edge.gather_elements %x, %ie {axis = 2 : i64} : (tensor<5x4x3xf16>, tensor<5x4x2xi32>) -> tensor<5x4x2xf16>
  // CHECK: edge.gather_nd %{{.*}}, %{{.*}} {batch_dims = 0 : i64} : (tensor<5x4x3xf16>, tensor<3x2xi64>) -> tensor<3x3xf16>
  %3 = edge.gather_nd %x, %ind {batch_dims = 0 : i64} : (tensor<5x4x3xf16>, tensor<3x2xi64>) -> tensor<3x3xf16>
  return %0, %1, %2, %3 : tensor<5x2x2x3xf16>, tensor<4x3xf16>, tensor<5x4x2xf16>, tensor<3x3xf16>
}

// CHECK-LABEL: func.func @gather_nd_batch
func.func @gather_nd_batch(%x: tensor<2x3x4xi64>, %ind: tensor<2x5x1xi64>) -> tensor<2x5x4xi64> {
  // CHECK: edge.gather_nd %{{.*}}, %{{.*}} {batch_dims = 1 : i64} : (tensor<2x3x4xi64>, tensor<2x5x1xi64>) -> tensor<2x5x4xi64>
  %0 = edge.gather_nd %x, %ind {batch_dims = 1 : i64} : (tensor<2x3x4xi64>, tensor<2x5x1xi64>) -> tensor<2x5x4xi64>
  return %0 : tensor<2x5x4xi64>
}

// CHECK-LABEL: func.func @scatters
func.func @scatters(%x: tensor<4x3xf32>, %i: tensor<2x3xi64>, %u: tensor<2x3xf32>, %ind: tensor<2x1xi32>) -> (tensor<4x3xf32>, tensor<4x3xf32>) {
  // CHECK: edge.scatter_elements %{{.*}}, %{{.*}}, %{{.*}} {axis = 0 : i64, reduction = "add"} : (tensor<4x3xf32>, tensor<2x3xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  %0 = edge.scatter_elements %x, %i, %u {axis = 0 : i64, reduction = "add"} : (tensor<4x3xf32>, tensor<2x3xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  // The reduction defaults to "none" and is then not printed.
  // CHECK: edge.scatter_nd %{{.*}}, %{{.*}}, %{{.*}} : (tensor<4x3xf32>, tensor<2x1xi32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  %1 = edge.scatter_nd %x, %ind, %u : (tensor<4x3xf32>, tensor<2x1xi32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return %0, %1 : tensor<4x3xf32>, tensor<4x3xf32>
}

// CHECK-LABEL: func.func @broadcasts
func.func @broadcasts(%x: tensor<3x1xi8>) -> (tensor<2x3x4xi8>, tensor<6x2xi8>) {
  // CHECK: edge.expand %{{.*}} {shape = array<i64: 2, 3, 4>} : (tensor<3x1xi8>) -> tensor<2x3x4xi8>
  %0 = edge.expand %x {shape = array<i64: 2, 3, 4>} : (tensor<3x1xi8>) -> tensor<2x3x4xi8>
  // CHECK: edge.tile %{{.*}} {repeats = array<i64: 2, 2>} : (tensor<3x1xi8>) -> tensor<6x2xi8>
  %1 = edge.tile %x {repeats = array<i64: 2, 2>} : (tensor<3x1xi8>) -> tensor<6x2xi8>
  return %0, %1 : tensor<2x3x4xi8>, tensor<6x2xi8>
}

// CHECK-LABEL: func.func @pads
func.func @pads(%x: tensor<1x2x5x6xf32>, %u: tensor<3x4xui8>) -> (tensor<1x2x6x7xf32>, tensor<5x3xui8>) {
  // CHECK: edge.pad %{{.*}} {mode = "reflect", pads = array<i64: 0, 0, 1, -1, 0, 0, 0, 2>, value = 0.000000e+00 : f32} : (tensor<1x2x5x6xf32>) -> tensor<1x2x6x7xf32>
  %0 = edge.pad %x {mode = "reflect", pads = array<i64: 0, 0, 1, -1, 0, 0, 0, 2>, value = 0.0 : f32} : (tensor<1x2x5x6xf32>) -> tensor<1x2x6x7xf32>
  // CHECK: edge.pad %{{.*}} {mode = "constant", pads = array<i64: 1, 0, 1, -1>, value = 255 : ui8} : (tensor<3x4xui8>) -> tensor<5x3xui8>
  %1 = edge.pad %u {mode = "constant", pads = array<i64: 1, 0, 1, -1>, value = 255 : ui8} : (tensor<3x4xui8>) -> tensor<5x3xui8>
  return %0, %1 : tensor<1x2x6x7xf32>, tensor<5x3xui8>
}

// CHECK-LABEL: func.func @resize
func.func @resize(%x: tensor<1x2x5x7xf32>) -> (tensor<1x2x10x14xf32>, tensor<1x2x3x3xf32>) {
  // CHECK: edge.resize %{{.*}} {coordinate_mode = "half_pixel", mode = "nearest", scales = array<f64: 1.000000e+00, 1.000000e+00, 2.000000e+00, 2.000000e+00>, sizes = array<i64: 1, 2, 10, 14>} : (tensor<1x2x5x7xf32>) -> tensor<1x2x10x14xf32>
  %0 = edge.resize %x {coordinate_mode = "half_pixel", mode = "nearest", scales = array<f64: 1.0, 1.0, 2.0, 2.0>, sizes = array<i64: 1, 2, 10, 14>} : (tensor<1x2x5x7xf32>) -> tensor<1x2x10x14xf32>
  // CHECK: edge.resize %{{.*}} {coordinate_mode = "tf_crop_and_resize", cubic_coeff_a = -5.000000e-01 : f64, exclude_outside = true, extrapolation_value = 1.000000e+00 : f64, mode = "cubic", nearest_mode = "ceil", roi = array<f64: 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00>, scales = array<f64: 1.000000e+00, 1.000000e+00, 6.000000e-01, 5.000000e-01>, sizes = array<i64: 1, 2, 3, 3>}
  %1 = edge.resize %x {coordinate_mode = "tf_crop_and_resize", cubic_coeff_a = -0.5, exclude_outside = true, extrapolation_value = 1.0, mode = "cubic", nearest_mode = "ceil", roi = array<f64: 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0>, scales = array<f64: 1.0, 1.0, 0.6, 0.5>, sizes = array<i64: 1, 2, 3, 3>} : (tensor<1x2x5x7xf32>) -> tensor<1x2x3x3xf32>
  return %0, %1 : tensor<1x2x10x14xf32>, tensor<1x2x3x3xf32>
}

// CHECK-LABEL: func.func @masks
func.func @masks(%x: tensor<2x4x5xi1>, %k: tensor<i64>, %i: tensor<3xf32>, %v: tensor<2xi64>) -> (tensor<2x4x5xi1>, tensor<3x7xi64>) {
  // CHECK: edge.trilu %{{.*}}, %{{.*}} {upper = false} : (tensor<2x4x5xi1>, tensor<i64>) -> tensor<2x4x5xi1>
  %0 = edge.trilu %x, %k {upper = false} : (tensor<2x4x5xi1>, tensor<i64>) -> tensor<2x4x5xi1>
  // CHECK: edge.one_hot %{{.*}}, %{{.*}} {axis = 1 : i64, depth = 7 : i64} : (tensor<3xf32>, tensor<2xi64>) -> tensor<3x7xi64>
  %1 = edge.one_hot %i, %v {axis = 1 : i64, depth = 7 : i64} : (tensor<3xf32>, tensor<2xi64>) -> tensor<3x7xi64>
  return %0, %1 : tensor<2x4x5xi1>, tensor<3x7xi64>
}
