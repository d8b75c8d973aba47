# Every convolution algorithm end to end: each Conv model (with a bias and
# an epilogue that conv-fuse-epilogues folds into the kernel: Relu,
# Clip(0, 6), Sigmoid, x * Sigmoid(x), a residual Add) is compiled with
# `edgec run --conv-algorithm=X` for every algorithm that applies to its
# shape, and with the default choice, on the host and on the Raspberry Pi 4
# under qemu, against a float64 reference. Before running, each case checks
# (with --emit=graph) that the algorithm it names is the one compiled, so a
# silent fallback cannot pass for a working algorithm.
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}

# An unknown algorithm is a command-line error: one line, status 1, and no
# output directory, for `edgec run` and for compiling alike.
# RUN: rm -rf %t.out
# RUN: %python -m expect_error --absent %t.out -- edgec run %S/../Driver/Inputs/relu.onnxtxt --conv-algorithm=bogus --target=host --output-dir %t.out | FileCheck %s --check-prefix=BOGUS
# RUN: %python -m expect_error --absent %t.out -- edgec %S/../Driver/Inputs/relu.onnxtxt --conv-algorithm=bogus -o %t.out | FileCheck %s --check-prefix=BOGUS
# BOGUS: {{^}}error: unknown --conv-algorithm 'bogus'; algorithms: direct, depthwise, pointwise, im2col, winograd2, winograd4{{$}}
import os
import re
import subprocess
import sys
import tempfile

import numpy as np
import onnx
from onnx import helper

import edgec_testing as et

# Winograd trades multiplications for rounding error. F(m x m, 3 x 3)
# transforms each (m+2) x (m+2) input tile by Bᵀ and each filter by G, and
# the products back by Aᵀ. The entries of F(2,3)'s matrices are 0, ±1 and
# ±1/2, all exact, and its error stays at the level of a direct convolution
# (measured: below it, 1.2e-7 .. 5.2e-7). F(4,3) uses the points 0, ±1, ±2:
# Bᵀ has entries up to 5, Aᵀ up to 8, G has 1/6 and 1/24 (not exact in
# binary), so the transformed values are several times larger than the data
# and cancel when transformed back, and the error is roughly 4 to 7 times
# that of F(2,3). Both grow with the number of channels (like any dot
# product, about as sqrt(C)), not with the magnitude of the data.
#
# Measured relative L2 errors (host and rpi4 give bit-identical results)
# over 22 shapes, 3 to 256 channels, 5x5 to 32x32 images, standard normal
# data scaled by 1e-4 .. 1e4, with and without bias and padding:
#   F(2,3): 1.2e-7 .. 5.2e-7 (worst: 256 -> 32 channels, 6x6)
#   F(4,3): 5.4e-7 .. 3.4e-6 (worst: 256 -> 256 channels, 8x8)
#   direct: 7.9e-8 .. 8.6e-7
# The bounds below are about 4x the worst error seen.
WINOGRAD_F2_TOLERANCE = 2e-6
WINOGRAD_F4_TOLERANCE = 1.2e-5

# The flags, the tolerance, and what --emit=graph must show, per algorithm.
# "default" is edgec's own choice by shape (its op is given per case).
ALGORITHMS = {
    "default": ([], et.FP32_TOLERANCE, None),
    "direct": (["--conv-algorithm=direct"], et.FP32_TOLERANCE,
               r"conv\.direct "),
    "im2col": (["--conv-algorithm=im2col"], et.FP32_TOLERANCE,
               r"conv\.im2col "),
    "winograd2": (["--conv-algorithm=winograd2"], WINOGRAD_F2_TOLERANCE,
                  r"conv\.winograd .*tile = 2 : i64"),
    "winograd4": (["--conv-algorithm=winograd4"], WINOGRAD_F4_TOLERANCE,
                  r"conv\.winograd .*tile = 4 : i64"),
}

s = et.Suite("conv_algorithms")
# (case name, flags, pattern) to check with --emit=graph before running.
expected_ops = []


def as_f32(x):
    return np.asarray(x, np.float64).astype(np.float32)


def epilogue_nodes(kind, conv_out, inputs, weights):
    """ONNX nodes applying `kind` to `conv_out` (writing "y"), and the
    float64 reference of that epilogue as a function of the conv result."""
    if kind == "none":
        return [helper.make_node("Identity", [conv_out], ["y"])], lambda c: c
    if kind == "relu":
        return ([helper.make_node("Relu", [conv_out], ["y"])],
                lambda c: np.maximum(c, 0))
    if kind == "relu6":
        weights["lo"] = np.array(0.0, np.float32)
        weights["hi"] = np.array(6.0, np.float32)
        return ([helper.make_node("Clip", [conv_out, "lo", "hi"], ["y"])],
                lambda c: np.clip(c, 0, 6))
    if kind == "sigmoid":
        return ([helper.make_node("Sigmoid", [conv_out], ["y"])],
                lambda c: et.ref.sigmoid(c).astype(np.float64))
    if kind == "silu":
        return ([helper.make_node("Sigmoid", [conv_out], ["s"]),
                 helper.make_node("Mul", [conv_out, "s"], ["y"])],
                lambda c: c * et.ref.sigmoid(c).astype(np.float64))
    if kind in ("residual", "residual_relu"):
        # The residual is a graph input shaped like the conv output.
        relu = kind == "residual_relu"
        nodes = [helper.make_node("Add", ["r", conv_out],
                                  ["a" if relu else "y"])]
        if relu:
            nodes.append(helper.make_node("Relu", ["a"], ["y"]))
        r = inputs["r"].astype(np.float64)
        return nodes, (lambda c: np.maximum(c + r, 0) if relu else c + r)
    raise ValueError(kind)


def conv_case(name, x_shape, w_shape, epilogue="relu", algorithms=(),
              scale=1.0, default="direct", **attrs):
    """A Conv (with bias) followed by `epilogue`, compiled by default (to
    conv.`default`) and with each of `algorithms`."""
    x = s.randn(*x_shape, scale=scale)
    w = s.randn(*w_shape, scale=scale)
    b = s.randn(w_shape[0], scale=scale * scale)
    conv = et.ref.conv(x, w, b, **attrs).astype(np.float64)
    inputs = {"x": x}
    if epilogue.startswith("residual"):
        inputs["r"] = s.randn(*conv.shape, scale=scale * scale)
    weights = {"w": w, "b": b}
    nodes = [helper.make_node("Conv", ["x", "w", "b"], ["c"], **attrs)]
    tail, reference = epilogue_nodes(epilogue, "c", inputs, weights)
    expected = {"y": as_f32(reference(conv))}
    for algorithm in ("default", *algorithms):
        flags, tolerance, pattern = ALGORITHMS[algorithm]
        if algorithm == "default":
            pattern = rf"conv\.{default} "
        case = f"{name}.{algorithm}"
        s.graph(case, nodes + tail, inputs, expected, weights,
                tolerance=tolerance, flags=flags)
        expected_ops.append((case, flags, pattern))


DENSE = ("direct", "im2col")
WINOGRAD = ("winograd2", "winograd4")

# 3x3 stride 1: every algorithm. Output sizes that leave partial Winograd
# tiles (odd sizes for F(2,3), not multiples of 4 for F(4,3)) and remainder
# register tiles in the direct kernels.
conv_case("3x3_c3", (1, 3, 10, 10), (8, 3, 3, 3), "relu",
          DENSE + WINOGRAD, pads=[1, 1, 1, 1])
conv_case("3x3_c16_odd", (1, 16, 13, 11), (24, 16, 3, 3), "relu6",
          DENSE + WINOGRAD, pads=[1, 1, 1, 1])
conv_case("3x3_c32_valid", (1, 32, 9, 9), (32, 32, 3, 3), "sigmoid",
          DENSE + WINOGRAD)
conv_case("3x3_c64_silu", (1, 64, 8, 8), (48, 64, 3, 3), "silu",
          DENSE + WINOGRAD, pads=[1, 1, 1, 1])
conv_case("3x3_residual_relu", (1, 8, 6, 9), (12, 8, 3, 3), "residual_relu",
          DENSE + WINOGRAD, pads=[1, 1, 1, 1])
conv_case("3x3_batch2_residual", (2, 5, 6, 6), (7, 5, 3, 3), "residual",
          DENSE + WINOGRAD, pads=[1, 1, 1, 1])
conv_case("3x3_asymmetric_pads", (1, 4, 7, 10), (6, 4, 3, 3), "relu",
          DENSE + WINOGRAD, pads=[0, 1, 2, 0])
# Many channels, where Winograd's error is largest; no epilogue.
conv_case("3x3_c256", (1, 256, 6, 6), (32, 256, 3, 3), "none",
          DENSE + WINOGRAD, pads=[1, 1, 1, 1])
# Large and small magnitudes: Winograd's relative error does not depend on
# the scale.
conv_case("3x3_scale_1e3", (1, 24, 9, 9), (16, 24, 3, 3), "relu", WINOGRAD,
          scale=1e3, pads=[1, 1, 1, 1])
conv_case("3x3_scale_1e-3", (1, 24, 9, 9), (16, 24, 3, 3), "silu", WINOGRAD,
          scale=1e-3, pads=[1, 1, 1, 1])

# Dense, but not Winograd's shape: strided, dilated, other kernel sizes.
conv_case("3x3_stride_2", (1, 8, 11, 11), (16, 8, 3, 3), "relu", DENSE,
          strides=[2, 2], pads=[1, 1, 1, 1])
conv_case("3x3_dilation_2", (1, 6, 9, 9), (10, 6, 3, 3), "silu", DENSE,
          dilations=[2, 2], pads=[2, 2, 2, 2])
conv_case("5x5", (1, 4, 12, 12), (8, 4, 5, 5), "relu6", DENSE,
          pads=[2, 2, 2, 2])
conv_case("1x3", (1, 8, 5, 9), (6, 8, 1, 3), "sigmoid", DENSE,
          pads=[0, 1, 0, 1])
conv_case("1d", (1, 4, 20), (6, 4, 3), "relu", DENSE, pads=[1, 1])

# 1x1: the default is pointwise (one matrix product); strided, it is
# direct.
conv_case("1x1", (1, 32, 7, 7), (20, 32, 1, 1), "relu6", DENSE,
          default="pointwise")
conv_case("1x1_residual", (2, 16, 5, 3), (16, 16, 1, 1), "residual_relu",
          DENSE, default="pointwise")
conv_case("1x1_stride_2", (1, 8, 9, 9), (12, 8, 1, 1), "sigmoid", DENSE,
          strides=[2, 2])

# Grouped and depthwise: the default is conv.depthwise for one filter per
# channel; direct takes any group. (im2col and Winograd are dense only.)
conv_case("depthwise", (1, 24, 10, 10), (24, 1, 3, 3), "relu6", ("direct",),
          default="depthwise", group=24, pads=[1, 1, 1, 1])
conv_case("depthwise_stride_2", (1, 16, 9, 9), (16, 1, 3, 3), "silu",
          ("direct",), default="depthwise", group=16, strides=[2, 2],
          pads=[1, 1, 1, 1])
conv_case("depthwise_residual", (1, 10, 6, 6), (10, 1, 3, 3), "residual",
          ("direct",), default="depthwise", group=10, pads=[1, 1, 1, 1])
conv_case("depthwise_multiplier_2", (1, 4, 8, 8), (8, 1, 3, 3), "relu",
          ("direct",), group=4, pads=[1, 1, 1, 1])
conv_case("grouped", (1, 8, 6, 6), (12, 4, 3, 3), "sigmoid", ("direct",),
          group=2, pads=[1, 1, 1, 1])


def check_algorithms():
    """Each case that names an algorithm must compile with it: its
    --emit=graph output holds the conv op that algorithm is."""
    failures = []
    with tempfile.TemporaryDirectory(prefix="edgec-conv-algorithms-") as d:
        for case in s.cases:
            match = [e for e in expected_ops if e[0] == case.name]
            if not match:
                continue
            _, flags, pattern = match[0]
            path = os.path.join(d, "model.onnx")
            onnx.save(case.model, path)
            proc = subprocess.run(["edgec", path, "--emit=graph", *flags],
                                  capture_output=True, text=True)
            if proc.returncode != 0:
                failures.append(f"{case.name}: --emit=graph failed: "
                                f"{proc.stderr.strip()}")
            elif not re.search(pattern, proc.stdout):
                failures.append(f"{case.name}: {' '.join(flags)} did not "
                                f"compile to /{pattern}/")
    for failure in failures:
        print(f"FAIL  {failure}")
    return not failures


if __name__ == "__main__":
    if not check_algorithms():
        sys.exit(1)
    s.main()
