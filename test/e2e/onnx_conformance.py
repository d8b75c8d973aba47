# Conformance with the ONNX backend tests shipped by Debian's
# libonnx-testdata (the node tests, and the single-layer models PyTorch
# exported): every test whose operators are all in edgec's op table (read
# from lib/Frontend/Onnx) is compiled and run on the host, and its outputs
# compared with the suite's expected outputs at the suite's usual
# tolerance. Prints PASS/FAIL/ERROR per test and passed/total per operator.
# REQUIRES: onnx-testdata
# RUN: %python %s --src %edgec_src
#
# `--write-doc` also writes the summary to docs/conformance.md; naming tests
# after the options runs only those.
import argparse
import concurrent.futures
import glob
import os
import re
import shutil
import sys
import tempfile

import numpy as np
import onnx
from onnx import numpy_helper

import edgec_testing as et

DATA = "/usr/share/libonnx-testdata/data"
# The operator tests, then the single-layer models PyTorch exported (older
# opsets, more window and group variants).
SUITES = ["node", "pytorch-converted", "pytorch-operator", "simple"]

# onnx.backend.test's default tolerance (np.testing.assert_allclose), which
# the backend runners (onnxruntime, onnx-tensorrt, ...) use for node tests.
RTOL = 1e-3
ATOL = 1e-7

# Tests of supported operators that edgec rejects on purpose: test ->
# (why, a piece of the one-line error edgec must give). A listed test that
# passes, or fails in another way, fails this script, so the list stays true.
UINT8 = ("uint8 tensors: edgec computes in float32 only",
         "only float32 is supported")
NARROW = ("float16, float64, 8- and 16-bit and unsigned integers: edgec's "
          "arithmetic computes on float32, int32 and int64",
          "only float32, int32, int64 are supported")
F64_IO = ("float64 graph inputs and outputs: the runtime exchanges float32, "
          "float16, bool and integer tensors",
          "which the runtime cannot describe")
BFLOAT16 = ("bfloat16 tensors are not graph tensors", "bfloat16")
STRINGS = ("string tensors are not graph tensors", "STRING")
TRAINING_DROPOUT = ("Dropout's training_mode is a graph input; edgec compiles "
                    "inference and needs it constant",
                    "training_mode (input 2, 't') must be a constant")
RESHAPE_SHAPE = ("Reshape's shape is a graph input; static shapes need a "
                 "constant", "shape (input 1, 'shape') must be a constant")
THREE_D = ("3-D windows: the CPU code generator has 1-D and 2-D ones",
           "3-D windows are not supported")
RUNTIME_AXES = ("ReduceSum's axes are a graph input; static shapes need a "
                "constant", "axes (input 1, 'axes') must be a constant")
EMPTY_AXES = ("ReduceSum's axes are an empty graph input; edgec has no "
              "zero-sized tensors (and needs constant axes)",
              "has a zero-sized dimension")
RUNTIME_K = ("TopK's K is a graph input; static shapes need a constant",
             "K (input 1, 'k') must be a constant")
RUNTIME_CUMSUM_AXIS = ("CumSum's axis is a graph input; edgec needs a "
                       "constant", "axis (input 1, 'axis') must be a constant")
FLOAT64 = ("float64 tensors: edgec computes in float32 only",
           "only float32 is supported")
# Why edgec's op table starts after these versions.
OLD_VERSIONS = {
    ("Add", 6): "legacy broadcast/axis attributes, not numpy broadcasting",
    ("Mul", 6): "legacy broadcast/axis attributes, not numpy broadcasting",
    ("Pow", 1): "legacy broadcast/axis attributes, not numpy broadcasting",
    ("Gemm", 6): "legacy broadcast attribute for C",
}


def old_version(op, version):
    return (f"{op}-{version}: {OLD_VERSIONS[(op, version)]}",
            f"{op}-{version} (opset")


def runtime_input(op, role):
    """A shape-like input of `op` that the test feeds at run time."""
    return (f"{op}'s {role} is a graph input; static shapes need a constant",
            f"({op}): {role} (input")


ZERO_SIZED_INPUT = ("a graph input with a zero-sized dimension",
                    "has a zero-sized dimension")


EINSUM_ELLIPSIS = ("Einsum with an ellipsis (broadcast dimensions)",
                   "has an ellipsis")
F64_MATH = ("float64 arithmetic: edgec computes on float32, int32 and int64",
            "only float32 is supported")

# Tests that feed as graph inputs what edgec needs as constants, and real
# models keep as initializers: the quantization parameters, which become
# the quantized type. These run with those inputs (the test's own values)
# turned into initializers, and are counted as such in the summary.
CONSTANT_INPUTS = {
    "node/test_quantizelinear": ["y_scale", "y_zero_point"],
    "node/test_quantizelinear_axis": ["y_scale", "y_zero_point"],
    "node/test_dequantizelinear": ["x_scale", "x_zero_point"],
    "node/test_dequantizelinear_axis": ["x_scale", "x_zero_point"],
    "node/test_qlinearconv": ["x_scale", "x_zero_point", "w", "w_scale",
                              "w_zero_point", "y_scale", "y_zero_point"],
    "node/test_basic_convinteger": ["w", "x_zero_point"],
    "node/test_convinteger_with_padding": ["w", "x_zero_point"],
    "node/test_convinteger_without_padding": ["w", "x_zero_point"],
    "node/test_matmulinteger": ["B", "a_zero_point", "b_zero_point"],
    "node/test_qlinearmatmul_2D": ["a_scale", "a_zero_point", "b_scale",
                                   "b_zero_point", "y_scale", "y_zero_point"],
    "node/test_qlinearmatmul_3D": ["a_scale", "a_zero_point", "b_scale",
                                   "b_zero_point", "y_scale", "y_zero_point"],
}

DYNAMIC_QUANTIZATION = (
    "dynamic quantization: the scale is computed at run time, and edgec's "
    "quantized types need constant scales", "(QuantizeLinear): y_scale (input")

KNOWN_FAILURES = {
    "node/test_dynamicquantizelinear_expanded": DYNAMIC_QUANTIZATION,
    "node/test_dynamicquantizelinear_max_adjusted_expanded":
        DYNAMIC_QUANTIZATION,
    "node/test_dynamicquantizelinear_min_adjusted_expanded":
        DYNAMIC_QUANTIZATION,
    "node/test_einsum_batch_diagonal": EINSUM_ELLIPSIS,
    "node/test_einsum_batch_matmul": F64_MATH,
    "node/test_einsum_inner_prod": F64_MATH,
    "node/test_einsum_sum": F64_MATH,
    "node/test_einsum_transpose": F64_MATH,
    "node/test_add_uint8": NARROW,
    "node/test_sub_uint8": NARROW,
    "node/test_mul_uint8": NARROW,
    "node/test_div_uint8": NARROW,
    "node/test_maxpool_2d_uint8": UINT8,
    "node/test_clip_default_int8_inbounds": NARROW,
    "node/test_clip_default_int8_max": NARROW,
    "node/test_clip_default_int8_min": NARROW,
    "node/test_cast_BFLOAT16_to_FLOAT": BFLOAT16,
    "node/test_cast_FLOAT_to_BFLOAT16": BFLOAT16,
    "node/test_castlike_BFLOAT16_to_FLOAT": BFLOAT16,
    "node/test_castlike_BFLOAT16_to_FLOAT_expanded": BFLOAT16,
    "node/test_castlike_FLOAT_to_BFLOAT16": BFLOAT16,
    "node/test_castlike_FLOAT_to_BFLOAT16_expanded": BFLOAT16,
    "node/test_cast_DOUBLE_to_FLOAT": F64_IO,
    "node/test_cast_DOUBLE_to_FLOAT16": F64_IO,
    "node/test_cast_FLOAT16_to_DOUBLE": F64_IO,
    "node/test_cast_FLOAT_to_DOUBLE": F64_IO,
    "node/test_castlike_DOUBLE_to_FLOAT": F64_IO,
    "node/test_castlike_DOUBLE_to_FLOAT_expanded": F64_IO,
    "node/test_castlike_DOUBLE_to_FLOAT16": F64_IO,
    "node/test_castlike_DOUBLE_to_FLOAT16_expanded": F64_IO,
    "node/test_castlike_FLOAT16_to_DOUBLE": F64_IO,
    "node/test_castlike_FLOAT16_to_DOUBLE_expanded": F64_IO,
    "node/test_castlike_FLOAT_to_DOUBLE": F64_IO,
    "node/test_castlike_FLOAT_to_DOUBLE_expanded": F64_IO,
    "node/test_cast_FLOAT_to_STRING": STRINGS,
    "node/test_cast_STRING_to_FLOAT": STRINGS,
    "node/test_castlike_FLOAT_to_STRING": STRINGS,
    "node/test_castlike_FLOAT_to_STRING_expanded": STRINGS,
    "node/test_castlike_STRING_to_FLOAT": STRINGS,
    "node/test_castlike_STRING_to_FLOAT_expanded": STRINGS,
    "node/test_max_float16": NARROW,
    "node/test_max_float64": NARROW,
    "node/test_max_int8": NARROW,
    "node/test_max_int16": NARROW,
    "node/test_max_uint8": NARROW,
    "node/test_max_uint16": NARROW,
    "node/test_max_uint32": NARROW,
    "node/test_max_uint64": NARROW,
    "node/test_min_float16": NARROW,
    "node/test_min_float64": NARROW,
    "node/test_min_int8": NARROW,
    "node/test_min_int16": NARROW,
    "node/test_min_uint8": NARROW,
    "node/test_min_uint16": NARROW,
    "node/test_min_uint32": NARROW,
    "node/test_min_uint64": NARROW,
    "node/test_mod_mixed_sign_float16": NARROW,
    "node/test_mod_mixed_sign_float64": NARROW,
    "node/test_mod_mixed_sign_int8": NARROW,
    "node/test_mod_mixed_sign_int16": NARROW,
    "node/test_mod_uint8": NARROW,
    "node/test_mod_uint16": NARROW,
    "node/test_mod_uint32": NARROW,
    "node/test_mod_uint64": NARROW,
    "node/test_pow_types_float32_uint32": NARROW,
    "node/test_pow_types_float32_uint64": NARROW,
    "node/test_training_dropout": TRAINING_DROPOUT,
    "node/test_training_dropout_default": TRAINING_DROPOUT,
    "node/test_training_dropout_default_mask": TRAINING_DROPOUT,
    "node/test_training_dropout_mask": TRAINING_DROPOUT,
    "node/test_training_dropout_zero_ratio": TRAINING_DROPOUT,
    "node/test_training_dropout_zero_ratio_mask": TRAINING_DROPOUT,
    "pytorch-converted/test_GLU": old_version("Mul", 6),
    "pytorch-converted/test_GLU_dim": old_version("Mul", 6),
    "pytorch-converted/test_PoissonNLLLLoss_no_reduce": old_version("Mul", 6),
    "pytorch-converted/test_Softsign": old_version("Add", 6),
    "pytorch-operator/test_operator_basic": old_version("Add", 6),
    "pytorch-operator/test_operator_params": old_version("Add", 6),
    "pytorch-operator/test_operator_pow": old_version("Pow", 1),
    "node/test_reshape_extended_dims": RESHAPE_SHAPE,
    "node/test_reshape_negative_dim": RESHAPE_SHAPE,
    "node/test_reshape_negative_extended_dims": RESHAPE_SHAPE,
    "node/test_reshape_one_dim": RESHAPE_SHAPE,
    "node/test_reshape_reduced_dims": RESHAPE_SHAPE,
    "node/test_reshape_reordered_all_dims": RESHAPE_SHAPE,
    "node/test_reshape_reordered_last_dims": RESHAPE_SHAPE,
    "node/test_reshape_zero_and_negative_dim": RESHAPE_SHAPE,
    "node/test_reshape_zero_dim": RESHAPE_SHAPE,
    "node/test_reshape_allowzero_reordered": (
        "a graph input with a zero-sized dimension (and a run-time shape)",
        "has a zero-sized dimension"),
    "node/test_batchnorm_epsilon_training_mode": (
        "BatchNormalization training_mode = 1: edgec compiles for inference",
        "training_mode = 1 is not supported"),
    "node/test_batchnorm_example_training_mode": (
        "BatchNormalization training_mode = 1: edgec compiles for inference",
        "training_mode = 1 is not supported"),
    "node/test_identity_opt": ("optional-typed values: tensors only",
                          "is not a tensor"),
    "node/test_identity_sequence": ("sequence-typed values: tensors only",
                               "is not a tensor"),
    "node/test_maxpool_with_argmax_2d_precomputed_pads": (
        "MaxPool's Indices output is not computed",
        "output 1 ('z') of MaxPool is not supported"),
    "node/test_cumsum_1d": RUNTIME_CUMSUM_AXIS,
    "node/test_cumsum_1d_exclusive": RUNTIME_CUMSUM_AXIS,
    "node/test_cumsum_1d_reverse": RUNTIME_CUMSUM_AXIS,
    "node/test_cumsum_1d_reverse_exclusive": RUNTIME_CUMSUM_AXIS,
    "node/test_cumsum_2d_axis_0": RUNTIME_CUMSUM_AXIS,
    "node/test_cumsum_2d_axis_1": RUNTIME_CUMSUM_AXIS,
    "node/test_cumsum_2d_negative_axis": RUNTIME_CUMSUM_AXIS,
    "node/test_reduce_log_sum_exp_default_axes_keepdims_example": FLOAT64,
    "node/test_reduce_log_sum_exp_default_axes_keepdims_random": FLOAT64,
    "node/test_reduce_log_sum_exp_do_not_keepdims_example": FLOAT64,
    "node/test_reduce_log_sum_exp_do_not_keepdims_random": FLOAT64,
    "node/test_reduce_log_sum_exp_keepdims_example": FLOAT64,
    "node/test_reduce_log_sum_exp_keepdims_random": FLOAT64,
    "node/test_reduce_log_sum_exp_negative_axes_keepdims_example": FLOAT64,
    "node/test_reduce_log_sum_exp_negative_axes_keepdims_random": FLOAT64,
    "node/test_reduce_sum_default_axes_keepdims_example": EMPTY_AXES,
    "node/test_reduce_sum_default_axes_keepdims_random": EMPTY_AXES,
    "node/test_reduce_sum_do_not_keepdims_example": RUNTIME_AXES,
    "node/test_reduce_sum_do_not_keepdims_random": RUNTIME_AXES,
    "node/test_reduce_sum_empty_axes_input_noop_example": EMPTY_AXES,
    "node/test_reduce_sum_empty_axes_input_noop_random": EMPTY_AXES,
    "node/test_reduce_sum_keepdims_example": RUNTIME_AXES,
    "node/test_reduce_sum_keepdims_random": RUNTIME_AXES,
    "node/test_reduce_sum_negative_axes_keepdims_example": RUNTIME_AXES,
    "node/test_reduce_sum_negative_axes_keepdims_random": EMPTY_AXES,
    "node/test_top_k": RUNTIME_K,
    "node/test_top_k_negative_axis": RUNTIME_K,
    "node/test_top_k_smallest": RUNTIME_K,
    "node/test_maxpool_with_argmax_2d_precomputed_strides": (
        "MaxPool storage_order = 1 (column-major Indices)",
        "storage_order = 1 is not supported"),
    "node/test_convtranspose_3d": THREE_D,
    # The models PyTorch exported at opset 6.
    "pytorch-converted/test_Conv3d": THREE_D,
    "pytorch-converted/test_Conv3d_dilated": THREE_D,
    "pytorch-converted/test_Conv3d_dilated_strided": THREE_D,
    "pytorch-converted/test_Conv3d_groups": THREE_D,
    "pytorch-converted/test_Conv3d_no_bias": THREE_D,
    "pytorch-converted/test_Conv3d_stride": THREE_D,
    "pytorch-converted/test_Conv3d_stride_padding": THREE_D,
    "pytorch-converted/test_Linear":
        old_version("Gemm", 6),
    "pytorch-operator/test_operator_add_broadcast":
        old_version("Add", 6),
    "pytorch-operator/test_operator_add_size1_broadcast":
        old_version("Add", 6),
    "pytorch-operator/test_operator_add_size1_right_broadcast":
        old_version("Add", 6),
    "pytorch-operator/test_operator_add_size1_singleton_broadcast":
        old_version("Add", 6),
    "pytorch-operator/test_operator_addconstant":
        old_version("Add", 6),
    "pytorch-operator/test_operator_addmm":
        old_version("Gemm", 6),
    "pytorch-operator/test_operator_mm":
        old_version("Gemm", 6),
    "pytorch-operator/test_operator_non_float_params":
        old_version("Add", 6),
    # Data movement: the node tests feed shape-like inputs (Slice's starts,
    # Pad's pads, Resize's scales, ...) at run time.
    "node/test_blackmanwindow_expanded": runtime_input("Range", "limit"),
    "node/test_blackmanwindow_symmetric_expanded":
        runtime_input("Range", "limit"),
    "node/test_constant_pad": runtime_input("Pad", "pads"),
    "node/test_constantofshape_float_ones":
        runtime_input("ConstantOfShape", "shape"),
    "node/test_constantofshape_int_shape_zero":
        runtime_input("ConstantOfShape", "shape"),
    "node/test_constantofshape_int_zeros":
        runtime_input("ConstantOfShape", "shape"),
    "node/test_edge_pad": runtime_input("Pad", "pads"),
    "node/test_expand_dim_changed": runtime_input("Expand", "shape"),
    "node/test_expand_dim_unchanged": runtime_input("Expand", "shape"),
    "node/test_hammingwindow_expanded": runtime_input("Range", "limit"),
    "node/test_hammingwindow_symmetric_expanded":
        runtime_input("Range", "limit"),
    "node/test_hannwindow_expanded": runtime_input("Range", "limit"),
    "node/test_hannwindow_symmetric_expanded": runtime_input("Range", "limit"),
    "node/test_onehot_negative_indices": runtime_input("OneHot", "depth"),
    "node/test_onehot_with_axis": runtime_input("OneHot", "depth"),
    "node/test_onehot_with_negative_axis": runtime_input("OneHot", "depth"),
    "node/test_onehot_without_axis": runtime_input("OneHot", "depth"),
    "node/test_range_float_type_positive_delta":
        runtime_input("Range", "start"),
    "node/test_range_int32_type_negative_delta":
        runtime_input("Range", "start"),
    "node/test_reflect_pad": runtime_input("Pad", "pads"),
    "node/test_resize_downsample_scales_cubic":
        runtime_input("Resize", "scales"),
    "node/test_resize_downsample_scales_cubic_A_n0p5_exclude_outside":
        runtime_input("Resize", "scales"),
    "node/test_resize_downsample_scales_cubic_align_corners":
        runtime_input("Resize", "scales"),
    "node/test_resize_downsample_scales_linear":
        runtime_input("Resize", "scales"),
    "node/test_resize_downsample_scales_linear_align_corners":
        runtime_input("Resize", "scales"),
    "node/test_resize_downsample_scales_nearest":
        runtime_input("Resize", "scales"),
    "node/test_resize_downsample_sizes_cubic":
        runtime_input("Resize", "sizes"),
    "node/test_resize_downsample_sizes_linear_pytorch_half_pixel":
        runtime_input("Resize", "sizes"),
    "node/test_resize_downsample_sizes_nearest":
        runtime_input("Resize", "sizes"),
    "node/test_resize_downsample_sizes_nearest_tf_half_pixel_for_nn":
        runtime_input("Resize", "sizes"),
    "node/test_resize_tf_crop_and_resize": runtime_input("Resize", "roi"),
    "node/test_resize_upsample_scales_cubic":
        runtime_input("Resize", "scales"),
    "node/test_resize_upsample_scales_cubic_A_n0p5_exclude_outside":
        runtime_input("Resize", "scales"),
    "node/test_resize_upsample_scales_cubic_align_corners":
        runtime_input("Resize", "scales"),
    "node/test_resize_upsample_scales_cubic_asymmetric":
        runtime_input("Resize", "scales"),
    "node/test_resize_upsample_scales_linear":
        runtime_input("Resize", "scales"),
    "node/test_resize_upsample_scales_linear_align_corners":
        runtime_input("Resize", "scales"),
    "node/test_resize_upsample_scales_nearest":
        runtime_input("Resize", "scales"),
    "node/test_resize_upsample_sizes_cubic": runtime_input("Resize", "sizes"),
    "node/test_resize_upsample_sizes_nearest":
        runtime_input("Resize", "sizes"),
    "node/test_resize_upsample_sizes_nearest_ceil_half_pixel":
        runtime_input("Resize", "sizes"),
    "node/test_resize_upsample_sizes_nearest_floor_align_corners":
        runtime_input("Resize", "sizes"),
    "node/test_resize_upsample_sizes_nearest_round_prefer_ceil_asymmetric":
        runtime_input("Resize", "sizes"),
    "node/test_slice": runtime_input("Slice", "starts"),
    "node/test_slice_default_axes": runtime_input("Slice", "starts"),
    "node/test_slice_default_steps": runtime_input("Slice", "starts"),
    "node/test_slice_end_out_of_bounds": runtime_input("Slice", "starts"),
    "node/test_slice_neg": runtime_input("Slice", "starts"),
    "node/test_slice_neg_steps": runtime_input("Slice", "starts"),
    "node/test_slice_negative_axes": runtime_input("Slice", "starts"),
    "node/test_slice_start_out_of_bounds": runtime_input("Slice", "starts"),
    "node/test_split_variable_parts_1d": runtime_input("Split", "split"),
    "node/test_split_variable_parts_2d": runtime_input("Split", "split"),
    "node/test_split_variable_parts_default_axis":
        runtime_input("Split", "split"),
    "node/test_squeeze": runtime_input("Squeeze", "axes"),
    "node/test_squeeze_negative_axes": runtime_input("Squeeze", "axes"),
    "node/test_tile": runtime_input("Tile", "repeats"),
    "node/test_tile_precomputed": runtime_input("Tile", "repeats"),
    "node/test_unsqueeze_axis_0": runtime_input("Unsqueeze", "axes"),
    "node/test_unsqueeze_axis_1": runtime_input("Unsqueeze", "axes"),
    "node/test_unsqueeze_axis_2": runtime_input("Unsqueeze", "axes"),
    "node/test_unsqueeze_negative_axes": runtime_input("Unsqueeze", "axes"),
    "node/test_unsqueeze_three_axes": runtime_input("Unsqueeze", "axes"),
    "node/test_unsqueeze_two_axes": runtime_input("Unsqueeze", "axes"),
    "node/test_unsqueeze_unsorted_axes": runtime_input("Unsqueeze", "axes"),
    "node/test_upsample_nearest": runtime_input("Upsample", "scales"),
    "simple/test_expand_shape_model1": runtime_input("Expand", "shape"),
    "simple/test_expand_shape_model2": runtime_input("Expand", "shape"),
    "simple/test_expand_shape_model3": runtime_input("Expand", "shape"),
    "simple/test_expand_shape_model4": runtime_input("Expand", "shape"),
    "node/test_eyelike_with_dtype": F64_IO,
    "node/test_split_zero_size_splits": ZERO_SIZED_INPUT,
    "node/test_tril_zero": ZERO_SIZED_INPUT,
    "node/test_triu_zero": ZERO_SIZED_INPUT,
}


def supported_ops(src):
    """The operator names in edgec's op table (lib/Frontend/Onnx)."""
    ops = set()
    for path in glob.glob(os.path.join(src, "lib", "Frontend", "Onnx",
                                       "*.cpp")):
        with open(path) as f:
            ops |= set(re.findall(r'table\["(\w+)"\]', f.read()))
    if not ops:
        sys.exit(f"error: no op table found under {src}/lib/Frontend/Onnx")
    return ops


def load_tensor(path):
    tensor = onnx.TensorProto()
    with open(path, "rb") as f:
        tensor.ParseFromString(f.read())
    return numpy_helper.to_array(tensor)


def run_test(test, workdir):
    """Returns ('pass' | 'fail' | 'error', message)."""
    src = os.path.join(DATA, test)
    model = onnx.load(os.path.join(src, "model.onnx"))
    data = os.path.join(src, "test_data_set_0")
    initializers = {t.name for t in model.graph.initializer}
    inputs = [i for i in model.graph.input if i.name not in initializers]
    feeds = {}
    for i, info in enumerate(inputs):
        path = os.path.join(data, f"input_{i}.pb")
        if not info.type.HasField("tensor_type") or not os.path.exists(path):
            continue  # edgec reports the non-tensor input itself
        feeds[info.name] = load_tensor(path)
    folder = os.path.join(workdir, test.replace("/", "."))
    os.makedirs(folder)
    model_path = os.path.join(src, "model.onnx")
    if test in CONSTANT_INPUTS:
        for name in CONSTANT_INPUTS[test]:
            model.graph.initializer.append(
                numpy_helper.from_array(feeds.pop(name), name))
        kept = [i for i in model.graph.input if i.name in feeds]
        del model.graph.input[:]
        model.graph.input.extend(kept)
        model_path = os.path.join(folder, "model.onnx")
        onnx.save(model, model_path)
    outputs, error = et.edgec_run(model_path, "host", feeds, folder)
    if error:
        return "error", error
    problems = []
    for i, (name, got) in enumerate(outputs.items()):
        want = load_tensor(os.path.join(data, f"output_{i}.pb"))
        if got is None:
            problems.append(f"output '{name}': no file written")
        elif got.shape != want.shape or got.dtype != want.dtype:
            problems.append(f"output '{name}': got {got.dtype}"
                            f"{list(got.shape)}, expected {want.dtype}"
                            f"{list(want.shape)}")
        else:
            bad = ~np.isclose(got, want, rtol=RTOL, atol=ATOL,
                              equal_nan=True)
            if bad.any():
                where = tuple(np.argwhere(bad)[0])
                problems.append(
                    f"output '{name}': {bad.sum()} of {bad.size} elements "
                    f"differ; first at {list(where)}: got {got[where]!r}, "
                    f"expected {want[where]!r}")
    return ("fail", "; ".join(problems)) if problems else ("pass", "")


def summary(tests, results, skipped):
    """Markdown: passed/total per operator and suite, then every test that
    does not pass and why."""
    counts = {}  # (op, suite) -> [passed, total]
    for test, ops in tests.items():
        suite = test.split("/")[0]
        for op in ops:
            c = counts.setdefault((op, suite), [0, 0])
            c[0] += results[test][0] == "pass"
            c[1] += 1
    suites = [s for s in SUITES if any(k[1] == s for k in counts)]
    lines = [
        "# ONNX backend test conformance",
        "",
        "Generated by `test/e2e/onnx_conformance.py --write-doc` (lit runs",
        "the same check) from Debian's libonnx-testdata (ONNX "
        f"{onnx.__version__}).",
        "Every test whose operators are all in edgec's op table is compiled",
        "and run with `edgec run --target=host` and compared with the",
        f"suite's expected outputs at `rtol={RTOL:g}`, `atol={ATOL:g}` (the",
        "backend test suite's default). Tests using other operators are not",
        f"counted ({skipped} of them). The quantization tests feed their",
        "scales and zero points as graph inputs; they run with those",
        "inputs (the tests' own values) as initializers, as quantized",
        f"models keep them: {', '.join(sorted(CONSTANT_INPUTS))}.",
        "",
        "| suite | passed / run |",
        "| --- | --- |",
    ]
    for suite in suites:
        run = [r for t, r in results.items() if t.split("/")[0] == suite]
        lines.append(f"| {suite} | "
                     f"{sum(r[0] == 'pass' for r in run)} / {len(run)} |")
    lines += ["", "| operator | " + " | ".join(suites) + " |",
              "| --- |" + " --- |" * len(suites)]
    for op in sorted({k[0] for k in counts}):
        cells = [f"{counts[(op, s)][0]} / {counts[(op, s)][1]}"
                 if (op, s) in counts else "" for s in suites]
        lines.append(f"| {op} | " + " | ".join(cells) + " |")
    lines += ["", "## Tests that do not pass", "",
              "Each fails with the one-line error that `KNOWN_FAILURES` in",
              "the script expects, for the reason given there.", "",
              "| test | result | why |", "| --- | --- | --- |"]
    for test in sorted(results):
        status, message = results[test]
        if status == "pass":
            continue
        why = KNOWN_FAILURES[test][0] if test in KNOWN_FAILURES else message
        why = why.replace("|", "\\|").replace("\n", " ")
        lines.append(f"| {test} | {status} | {why} |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--src", required=True, help="edgec's source tree")
    parser.add_argument("--write-doc", action="store_true",
                        help="also write the summary to docs/conformance.md")
    parser.add_argument("tests", nargs="*", help="only these tests")
    args = parser.parse_args()
    if not os.path.isdir(os.path.join(DATA, "node")):
        print(f"skipped: {DATA}/node is missing (apt-get install "
              "libonnx-testdata)")
        return 0
    ops = supported_ops(args.src)
    tests, skipped = {}, 0
    for test in (f"{suite}/{name}" for suite in SUITES
                 for name in sorted(os.listdir(os.path.join(DATA, suite)))):
        if args.tests and test not in args.tests:
            continue
        path = os.path.join(DATA, test, "model.onnx")
        if not os.path.exists(path):
            continue
        model = onnx.load(path)
        types = sorted({n.op_type for n in model.graph.node})
        if types and set(types) <= ops:
            tests[test] = types
        else:
            skipped += 1
    stale = sorted(set(KNOWN_FAILURES) - set(tests))
    if stale and not args.tests:
        print(f"error: KNOWN_FAILURES lists tests that are not run: {stale}")
        return 1

    workdir = tempfile.mkdtemp(prefix="edgec-onnx-conformance-")
    jobs = int(os.environ.get("EDGEC_TEST_JOBS", "2"))
    try:
        with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
            results = dict(zip(tests, pool.map(
                lambda t: run_test(t, workdir), tests)))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    unexpected = 0
    for test, (status, message) in results.items():
        why, error = KNOWN_FAILURES.get(test, (None, None))
        if status == "pass" and why:
            unexpected += 1
            print(f"XPASS {test}: listed as failing ({why}); remove it "
                  "from KNOWN_FAILURES")
        elif status == "pass":
            print(f"PASS  {test}")
        elif why and status == "error" and error in message:
            print(f"XFAIL {test} ({why})")
        elif why:
            unexpected += 1
            print(f"{status.upper():5} {test}: listed as failing with "
                  f"'{error}' ({why}), but: {message}")
        else:
            unexpected += 1
            print(f"{status.upper():5} {test}: {message}")
    text = summary(tests, results, skipped)
    print()
    print(text)
    if args.write_doc:
        path = os.path.join(args.src, "docs", "conformance.md")
        with open(path, "w") as f:
            f.write(text)
        print(f"wrote {path}")
    passed = sum(r[0] == "pass" for r in results.values())
    print(f"onnx_conformance: {passed} passed, {unexpected} unexpected "
          f"results, {len(results) - passed - unexpected} known failures")
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
