# QDQ convolutions run as integer code (int8 x int8 products summed in
# int32, fixed-point requantization), checked against an integer numpy
# reference of the documented rule, exactly:
#   acc = bias_q + sum (x_q - x_zero) * w_q          (bias_q = rint(b / (sx sw)))
#   m, s = the factor sx * sw / sy as m * 2^-s, m a 31-bit integer
#   y_q = clamp(y_zero + ((acc * m + 2^(s-1)) >> s), activation bounds)
# and, on the same outputs, within one step of ONNX's float QDQ semantics
# (which round the float product halves to even). ConvInteger and
# MatMulInteger exactly against numpy's int64 sums. Host (AVX-512 VNNI
# where the CPU has it), rpi4 (widening multiplies) and rpi5 (SDOT) under
# qemu.
# RUN: %python %s host %if aarch64-emulation %{ rpi4 rpi5 %}
import math

import numpy as np
from onnx import helper

import edgec_testing as et

s = et.Suite("quantization_integer")
N = helper.make_node


def quantize(x, scale, zero, dtype):
    info = np.iinfo(dtype)
    q = np.rint(x.astype(np.float32) / np.float32(scale)) + zero
    return np.clip(q, info.min, info.max).astype(dtype)


def fixed_point(real):
    """real = m * 2^-s, as edgec's toFixedPoint chooses them."""
    mantissa, exponent = math.frexp(real)
    m = round(mantissa * 2**31)
    if m == 2**31:
        m //= 2
        exponent += 1
    shift = 31 - exponent
    if shift > 62:
        drop = shift - 62
        m = 0 if drop >= 31 else (m + (1 << (drop - 1))) >> drop
        shift = 62
    return m, shift


def accumulate(xq, x_zero, wq, bq, strides, pads, dilations, group):
    """bias_q + sum over the window of (x - x_zero) * w, in int64 (exact;
    float references round past 2^24)."""
    x = np.pad(xq.astype(np.int64) - x_zero,
               [(0, 0), (0, 0), (pads[0], pads[2]), (pads[1], pads[3])])
    w = wq.astype(np.int64)
    f, cg, kh, kw = w.shape
    out_h = (x.shape[2] - dilations[0] * (kh - 1) - 1) // strides[0] + 1
    out_w = (x.shape[3] - dilations[1] * (kw - 1) - 1) // strides[1] + 1
    acc = np.zeros((x.shape[0], f, out_h, out_w), np.int64)
    fg = f // group
    for g in range(group):
        xg = x[:, g * cg:(g + 1) * cg]
        for i in range(kh):
            for j in range(kw):
                top, left = i * dilations[0], j * dilations[1]
                view = xg[:, :, top:top + strides[0] * (out_h - 1) + 1:
                          strides[0], left:left + strides[1] * (out_w - 1) + 1:
                          strides[1]]
                acc[:, g * fg:(g + 1) * fg] += np.einsum(
                    "nchw,fc->nfhw", view, w[g * fg:(g + 1) * fg, :, i, j])
    return acc + bq.reshape(1, -1, 1, 1)


def requantize(acc, real, y_zero, lo, hi):
    out = np.empty_like(acc)
    for f, factor in enumerate(real):
        m, shift = fixed_point(float(factor))
        out[:, f] = (acc[:, f] * m + (1 << (shift - 1))) >> shift
    return np.clip(out + y_zero, lo, hi)


def within_one_step(exact, integer):
    """The output must equal the integer rule exactly, and lie within one
    step of the float semantics (rint of the exact real value)."""
    def compare(name, got, ref):
        got = got.astype(np.int64)
        if not np.array_equal(got, integer):
            bad = np.argwhere(got != integer)[0]
            return (f"{np.count_nonzero(got != integer)} values differ from "
                    f"the integer rule; at {list(bad)} got {got[tuple(bad)]},"
                    f" expected {integer[tuple(bad)]}")
        off = np.abs(got - exact)
        if off.max() > 1:
            return f"{off.max()} steps from ONNX's float semantics"
        return None
    return compare


def qdq_conv(name, c, f, size, kernel=3, strides=(1, 1), pads=(1, 1, 1, 1),
             dilations=(1, 1), group=1, activation="relu", x_type=np.int8,
             y_type=np.int8):
    """Quantize -> Dequantize -> Conv [-> activation] -> Quantize, with
    per-channel int8 filters and a float bias, as quantization tools write
    it; the model's output is the quantized tensor."""
    x = s.uniform(-1.0, 1.5, 1, c, size, size)
    sx = np.float32(2.5 / 255)
    x_zero = (-128 if x_type == np.int8 else 0) + 102
    wf = s.randn(f, c // group, kernel, kernel, scale=0.3)
    sw = (np.abs(wf).reshape(f, -1).max(axis=1) / 127).astype(np.float32)
    wq = quantize(wf / sw.reshape(-1, 1, 1, 1), 1.0, 0, np.int8)
    bias = s.randn(f, scale=0.2)
    sy = np.float32(0.03)
    y_zero = (-128 if y_type == np.int8 else 0) + 40

    xq = quantize(x, sx, x_zero, x_type)
    step = np.float64(sx) * sw.astype(np.float64)
    bq = np.rint(bias / step).astype(np.int64)
    acc = accumulate(xq, x_zero, wq, bq, list(strides), list(pads),
                     list(dilations), group)
    info = np.iinfo(y_type)
    lo, hi = info.min, info.max
    nodes = [
        N("QuantizeLinear", ["x", "sx", "zx"], ["xq"]),
        N("DequantizeLinear", ["xq", "sx", "zx"], ["xd"]),
        N("DequantizeLinear", ["wq", "sw", "zw"], ["wd"], axis=0),
        N("Conv", ["xd", "wd", "b"], ["c"], kernel_shape=[kernel, kernel],
          strides=list(strides), pads=list(pads), dilations=list(dilations),
          group=group),
    ]
    weights = {"sx": sx, "zx": np.asarray(x_zero, x_type), "wq": wq,
               "sw": sw, "zw": np.zeros(f, np.int8), "b": bias, "sy": sy,
               "zy": np.asarray(y_zero, y_type)}
    if activation == "relu":
        nodes.append(N("Relu", ["c"], ["a"]))
        lo = y_zero
    elif activation == "relu6":
        nodes.append(N("Clip", ["c", "lo", "hi"], ["a"]))
        weights.update(lo=np.float32(0), hi=np.float32(6))
        lo, hi = y_zero, min(hi, y_zero + int(np.rint(6 / sy)))
    else:
        nodes.append(N("Identity", ["c"], ["a"]))
    nodes.append(N("QuantizeLinear", ["a", "sy", "zy"], ["y"]))

    real = step / np.float64(sy)
    integer = requantize(acc, real, y_zero, lo, hi)
    exact = np.clip(np.rint(acc * real.reshape(1, -1, 1, 1)) + y_zero, lo, hi)
    s.graph(name, nodes, {"x": x}, {"y": integer.astype(y_type)}, weights,
            opset=13, compare=within_one_step(exact, integer))


# Dense 3x3 with padding (padding stands for the input's zero point), ReLU.
qdq_conv("dense_3x3_relu", 8, 16, 10)
# 3 input channels (a partial group of 4), 24 filters (a partial tile),
# stride 2, no activation.
qdq_conv("stem_stride2", 3, 24, 17, strides=(2, 2), activation="none")
# Dilated, asymmetric padding, ReLU6 as clamp bounds.
qdq_conv("dilated_relu6", 16, 32, 12, dilations=(2, 2), pads=(2, 1, 2, 3),
         activation="relu6")
# Depthwise, stride 2, channels that are not a whole number of vectors.
qdq_conv("depthwise_stride2", 40, 40, 15, strides=(2, 2), group=40,
         activation="relu6")
# Pointwise with uint8 activations in and out (shifted to int8 and back).
qdq_conv("pointwise_uint8", 48, 20, 7, kernel=1, pads=(0, 0, 0, 0),
         activation="none", x_type=np.uint8, y_type=np.uint8)

# A result the float graph goes on with (a residual addition) leaves as
# int32 sums times input scale x filter scale: float32 within rounding.
x = s.uniform(-1.0, 1.0, 1, 8, 6, 6)
skip = s.randn(1, 16, 6, 6)
sx, x_zero = np.float32(2.0 / 255), -1
wf = s.randn(16, 8, 3, 3, scale=0.3)
sw = (np.abs(wf).reshape(16, -1).max(axis=1) / 127).astype(np.float32)
wq = quantize(wf / sw.reshape(-1, 1, 1, 1), 1.0, 0, np.int8)
xq = quantize(x, sx, x_zero, np.int8)
acc = accumulate(xq, x_zero, wq, np.zeros(16, np.int64), [1, 1],
                 [1, 1, 1, 1], [1, 1], 1)
scale = (np.float64(sx) * sw.astype(np.float64)).reshape(1, -1, 1, 1)
s.graph("float_output_residual", [
    N("QuantizeLinear", ["x", "sx", "zx"], ["xq"]),
    N("DequantizeLinear", ["xq", "sx", "zx"], ["xd"]),
    N("DequantizeLinear", ["wq", "sw", "zw"], ["wd"], axis=0),
    N("Conv", ["xd", "wd"], ["c"], pads=[1, 1, 1, 1]),
    N("Add", ["c", "skip"], ["y"]),
], {"x": x, "skip": skip}, {"y": (acc * scale + skip).astype(np.float32)},
    {"sx": sx, "zx": np.int8(x_zero), "wq": wq, "sw": sw,
     "zw": np.zeros(16, np.int8)}, opset=13)

# ConvInteger and MatMulInteger: exact int32 results, with sums far past
# 2^24 (where float32 would round). uint8 activations, constant filters
# with zero points (per output channel for MatMulInteger's B).
xi = s.rng.integers(0, 256, (1, 256, 6, 6)).astype(np.uint8)
wi = s.rng.choice(np.array([-127, 127], np.int8), (8, 256, 3, 3))
xi[:, :, 2:4, 2:4] = 255
wi[0] = 127
yi = accumulate(xi, 3, wi, np.zeros(8, np.int64), [1, 1], [1, 1, 1, 1],
                [1, 1], 1)
assert np.abs(yi).max() > 2**24, "the sums should pass float32's integers"
s.graph("conv_integer_exact", [
    N("ConvInteger", ["x", "w", "xz"], ["y"], pads=[1, 1, 1, 1]),
], {"x": xi}, {"y": yi.astype(np.int32)}, {"w": wi, "xz": np.uint8(3)},
    opset=10, tolerance=0.0)

ai = s.rng.integers(-128, 128, (3, 5, 700)).astype(np.int8)
b_zero = np.array([120, 128, 130, 125, 127, 129], np.uint8)
bi = np.clip(s.rng.integers(-128, 128, (700, 6)) + b_zero.astype(np.int64),
             0, 255).astype(np.uint8)
ai[0, 0] = -128
bi[:, 0] = 0  # b - 120 = -120 everywhere in column 0
mi = (ai.astype(np.int64) + 7) @ (bi.astype(np.int64) - b_zero)
assert np.abs(mi).max() > 2**16
s.graph("matmul_integer_exact", [
    N("MatMulInteger", ["a", "b", "az", "bz"], ["y"]),
], {"a": ai}, {"y": mi.astype(np.int32)},
    {"b": bi, "az": np.int8(-7), "bz": b_zero}, opset=10, tolerance=0.0)

s.main()
