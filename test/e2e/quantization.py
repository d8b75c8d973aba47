# QuantizeLinear and DequantizeLinear end to end against numpy's rendering
# of ONNX's definitions: y = saturate(rint(x / scale) + zero_point) in
# float32 (halves to even), x = (q - zero_point) * scale. Integers must be
# exact, and dequantized values too (one float32 product each). A QDQ
# convolution, whose float accumulation order differs from numpy's, must
# match the quantized reference exactly except where the reference lies
# within 1e-3 of a rounding boundary, and there by one step at most.
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import numpy as np
from onnx import helper

import edgec_testing as et

s = et.Suite("quantization")
N = helper.make_node


def params(scale, zero_point, axis, rank):
    """Scale (float32) and zero point (int32) shaped to broadcast along
    `axis` of a rank-`rank` tensor (scalars stay scalars)."""
    scale = np.asarray(scale, np.float32)
    zero = np.asarray(zero_point).astype(np.int32)
    if scale.ndim == 1:
        shape = [1] * rank
        shape[axis] = -1
        scale, zero = scale.reshape(shape), zero.reshape(shape)
    return scale, zero


def quantize(x, scale, zero_point, dtype, axis=1):
    scale, zero = params(scale, zero_point, axis, x.ndim)
    q = np.rint(x.astype(np.float32) / scale).astype(np.float64) + zero
    info = np.iinfo(dtype)
    return np.clip(q, info.min, info.max).astype(dtype)


def dequantize(q, scale, zero_point, axis=1):
    scale, zero = params(scale, zero_point, axis, q.ndim)
    return (q.astype(np.int32) - zero).astype(np.float32) * scale


# Per tensor, int8: ties in both directions, saturation both ways, -0.
scale, zero = np.float32(0.5), np.int8(-3)
x = s.randn(4, 33, scale=20.0)
x.flat[:10] = [0.25, 0.75, -0.25, -0.75, 1.25, 1000.0, -1000.0, -0.0,
               62.75, -63.25]
s.node("quantize_int8", "QuantizeLinear", {"x": x},
       {"y": quantize(x, scale, zero, np.int8)},
       {"s": scale, "z": zero}, tolerance=0.0)

# No zero point: uint8, zero point 0; negative values saturate to 0.
x = s.uniform(-1.0, 6.0, 3, 50)
s.node("quantize_uint8_default_zero_point", "QuantizeLinear", {"x": x},
       {"y": quantize(x, np.float32(0.02), 0, np.uint8)},
       {"s": np.float32(0.02)}, tolerance=0.0)

# Per axis (opset 13): channels of NCHW, and the last axis given as -1.
x = s.randn(1, 3, 5, 5, scale=4.0)
sa, za = np.array([0.1, 0.05, 0.2], np.float32), np.array([0, -10, 5], np.int8)
s.node("quantize_per_channel", "QuantizeLinear", {"x": x},
       {"y": quantize(x, sa, za, np.int8, axis=1)}, {"s": sa, "z": za},
       opset=13, axis=1, tolerance=0.0)
x = s.randn(2, 4, scale=3.0)
sl, zl = np.array([0.1, 0.2, 0.3, 0.4], np.float32), \
    np.array([128, 0, 255, 7], np.uint8)
s.node("quantize_per_last_axis", "QuantizeLinear", {"x": x},
       {"y": quantize(x, sl, zl, np.uint8, axis=1)}, {"s": sl, "z": zl},
       opset=13, axis=-1, tolerance=0.0)

# Dequantize every int8 and every uint8 value.
q8 = np.arange(-128, 128, dtype=np.int8).reshape(4, 64)
s.node("dequantize_int8", "DequantizeLinear", {"x": q8},
       {"y": dequantize(q8, np.float32(0.03), 7)},
       {"s": np.float32(0.03), "z": np.int8(7)}, tolerance=0.0)
qu = np.arange(0, 256, dtype=np.uint8).reshape(4, 64)
s.node("dequantize_uint8_per_axis", "DequantizeLinear", {"x": qu},
       {"y": dequantize(qu, np.float32([0.5, 0.1, 0.25, 2.0]),
                        np.uint8([0, 128, 255, 3]), axis=0)},
       {"s": np.float32([0.5, 0.1, 0.25, 2.0]),
        "z": np.uint8([0, 128, 255, 3])}, opset=13, axis=0, tolerance=0.0)

# int8 weights dequantized at compile time, then used.
w = s.rng.integers(-128, 128, (4, 6)).astype(np.int8)
ws = np.float32([0.5, 0.25, 0.125, 0.01])
x = s.randn(4, 6)
s.graph("dequantized_weights", [
    N("DequantizeLinear", ["w", "ws"], ["wf"], axis=0),
    N("Add", ["x", "wf"], ["y"]),
], {"x": x}, {"y": x + dequantize(w, ws, 0, axis=0)}, {"w": w, "ws": ws},
    opset=13, tolerance=0.0)

# Quantized under one scale, requantized under another (the canonicalizer
# makes the middle pair one requantize).
x = s.randn(3, 20, scale=2.0)
q1 = quantize(x, np.float32(0.05), 0, np.int8)
s.graph("requantize", [
    N("QuantizeLinear", ["x", "s1", "z1"], ["q1"]),
    N("DequantizeLinear", ["q1", "s1", "z1"], ["d1"]),
    N("QuantizeLinear", ["d1", "s2", "z2"], ["y"]),
], {"x": x}, {"y": quantize(dequantize(q1, np.float32(0.05), 0),
                            np.float32(0.07), 100, np.uint8)},
    {"s1": np.float32(0.05), "z1": np.int8(0), "s2": np.float32(0.07),
     "z2": np.uint8(100)}, tolerance=0.0)

# Opset 10's per-tensor round trip.
x = s.randn(2, 9)
s.graph("qdq_opset10", [
    N("QuantizeLinear", ["x", "s", "z"], ["q"]),
    N("DequantizeLinear", ["q", "s", "z"], ["y"]),
], {"x": x}, {"y": dequantize(quantize(x, np.float32(0.01), 10, np.uint8),
                              np.float32(0.01), 10)},
    {"s": np.float32(0.01), "z": np.uint8(10)}, opset=10, tolerance=0.0)

# A QDQ convolution as quantization tools write it: activations quantized
# per tensor (uint8), weights int8 per output channel, float bias, ReLU,
# output quantized per tensor.
x = s.uniform(-1.0, 1.0, 1, 8, 10, 10)
sx, zx = np.float32(2.0 / 255), np.uint8(128)
wf = s.randn(16, 8, 3, 3, scale=0.2)
sw = (np.abs(wf).reshape(16, -1).max(axis=1) / 127).astype(np.float32)
wq = quantize(wf, sw, np.zeros(16, np.int8), np.int8, axis=0)
bias = s.randn(16, scale=0.1)
sy, zy = np.float32(0.02), np.uint8(0)
xd = dequantize(quantize(x, sx, zx, np.uint8), sx, zx).astype(np.float64)
conv = et.ref.conv(xd, dequantize(wq, sw, 0, axis=0).astype(np.float64),
                   bias.astype(np.float64), pads=[1, 1, 1, 1])
exact = np.maximum(conv, 0) / np.float64(sy) + np.float64(zy)
reference = np.clip(np.rint(exact), 0, 255).astype(np.uint8)


def near_ties(exact):
    """A check that the output is exact except within 1e-3 of a rounding
    boundary of `exact` (the unrounded quantized values), and there off by
    one at most (float32 accumulation order against float64)."""
    def compare(name, got, ref):
        difference = np.abs(got.astype(np.int32) - ref.astype(np.int32))
        tie = np.abs(exact - np.floor(exact) - 0.5) < 1e-3
        if difference.max() > 1 or np.any(difference[~tie] != 0):
            where = np.unravel_index(
                np.argmax(difference * ~tie + difference), ref.shape)
            return (f"{np.count_nonzero(difference)} values differ; at "
                    f"{list(where)} got {got[where]}, expected {ref[where]} "
                    f"(unrounded {exact[where]:.6f})")
        return None
    return compare


s.graph("qdq_conv", [
    N("QuantizeLinear", ["x", "sx", "zx"], ["xq"]),
    N("DequantizeLinear", ["xq", "sx", "zx"], ["xd"]),
    N("DequantizeLinear", ["wq", "sw", "zw"], ["wd"], axis=0),
    N("Conv", ["xd", "wd", "b"], ["c"], pads=[1, 1, 1, 1]),
    N("Relu", ["c"], ["r"]),
    N("QuantizeLinear", ["r", "sy", "zy"], ["y"]),
], {"x": x}, {"y": reference},
    {"sx": sx, "zx": zx, "wq": wq, "sw": sw, "zw": np.zeros(16, np.int8),
     "b": bias, "sy": sy, "zy": zy}, opset=13, compare=near_ties(exact))

# QLinearConv: the same computation as one node, with ONNX's integer
# semantics as the reference: acc = sum((x - zx)(w - zw)) + B exactly, then
# y = saturate(rint(acc * x_scale * w_scale / y_scale) + zy).
xq = quantize(x, sx, zx, np.uint8)
bq = np.rint(bias / (sx * sw)).astype(np.int32)
acc = et.ref.conv(xq.astype(np.float64) - np.float64(zx), wq.astype(np.float64),
                  None, pads=[1, 1, 1, 1]) + bq.reshape(1, -1, 1, 1)
qexact = acc * (np.float64(sx) * sw.astype(np.float64).reshape(1, -1, 1, 1)) \
    / np.float64(sy) + np.float64(zy)
s.graph("qlinear_conv", [
    N("QLinearConv", ["xq", "sx", "zx", "wq", "sw", "zw", "sy", "zy", "bq"],
      ["y"], pads=[1, 1, 1, 1]),
], {"xq": xq}, {"y": np.clip(np.rint(qexact), 0, 255).astype(np.uint8)},
    {"sx": sx, "zx": zx, "wq": wq, "sw": sw, "zw": np.zeros(16, np.int8),
     "sy": sy, "zy": zy, "bq": bq}, opset=13, compare=near_ties(qexact))

# QLinearMatMul: uint8 activations, int8 weights, int8 output.
aq = s.rng.integers(0, 256, (3, 40)).astype(np.uint8)
bm = s.rng.integers(-128, 128, (40, 7)).astype(np.int8)
sa, za, sb, zb = np.float32(0.01), np.uint8(120), np.float32(0.02), np.int8(3)
so, zo = np.float32(0.05), np.int8(-5)
macc = (aq.astype(np.float64) - np.float64(za)) @ \
    (bm.astype(np.float64) - np.float64(zb))
mexact = macc * np.float64(sa) * np.float64(sb) / np.float64(so) + zo
s.graph("qlinear_matmul", [
    N("QLinearMatMul", ["a", "sa", "za", "b", "sb", "zb", "so", "zo"], ["y"]),
], {"a": aq}, {"y": np.clip(np.rint(mexact), -128, 127).astype(np.int8)},
    {"sa": sa, "za": za, "b": bm, "sb": sb, "zb": zb, "so": so, "zo": zo},
    opset=13, compare=near_ties(mexact))

s.main()
