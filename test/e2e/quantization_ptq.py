# Post-training int8 quantization (--quantize=int8 --calibration-data DIR)
# end to end: a conv -> relu -> conv model calibrated on random samples, run
# on a held-out input, against numpy's rendering of the same scheme: minmax
# ranges of each convolution's float input over the samples (widened to
# hold 0), uint8 activations, int8 filters symmetric per output channel,
# bias rounded to the int32 grid of input scale x filter scale. fp32
# tolerance: the quantized model's float arithmetic against float64.
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import atexit
import os
import shutil
import tempfile

import numpy as np
from onnx import helper

import edgec_testing as et

s = et.Suite("quantization_ptq")
N = helper.make_node


def fake_quantize(x, scale, zero, lo, hi):
    q = np.clip(np.rint(x.astype(np.float32) / scale) + zero, lo, hi)
    return ((q - zero).astype(np.float32) * scale).astype(np.float32)


def activation_params(lo, hi):
    lo, hi = min(0.0, float(lo)), max(0.0, float(hi))
    scale = np.float32((hi - lo) / 255.0)
    zero = int(np.clip(np.floor(-lo / float(scale) + 0.5) - 128, -128, 127))
    return scale, zero


def filter_scales(w):
    max_abs = np.abs(w.reshape(w.shape[0], -1)).max(axis=1)
    return np.where(max_abs > 0, (max_abs.astype(np.float64) / 127.0),
                    1.0).astype(np.float32)


def quantized_conv(x, w, b, x_range, pads):
    xs, xz = activation_params(*x_range)
    xq = fake_quantize(x, xs, xz, -128, 127)
    ws = filter_scales(w)
    wq = fake_quantize(w, ws.reshape(-1, 1, 1, 1), 0, -128, 127)
    step = np.float64(xs) * ws.astype(np.float64)
    bq = (np.rint(b / step) * step).astype(np.float32)
    return et.ref.conv(xq, wq, bq, pads=pads)


w1, b1 = s.randn(8, 3, 3, 3, scale=0.3), s.randn(8, scale=0.1)
w2, b2 = s.randn(4, 8, 3, 3, scale=0.2), s.randn(4, scale=0.1)
calibration = [s.randn(1, 3, 10, 10) for _ in range(6)]
held_out = s.randn(1, 3, 10, 10) * np.float32(0.8)


def float_model(x):
    h = np.maximum(et.ref.conv(x, w1, b1, pads=[1, 1, 1, 1]), 0)
    return et.ref.conv(h.astype(np.float32), w2, b2, pads=[0, 0, 0, 0]), h


# Calibration sees the float model's activations.
x_range = (min(c.min() for c in calibration), max(c.max() for c in calibration))
hs = [float_model(c)[1] for c in calibration]
h_range = (min(h.min() for h in hs), max(h.max() for h in hs))

h = np.maximum(quantized_conv(held_out, w1, b1, x_range, [1, 1, 1, 1]), 0)
y = quantized_conv(h.astype(np.float32), w2, b2, h_range, [0, 0, 0, 0])
fp32 = float_model(held_out)[0]
assert et.relative_l2(y, fp32) > 1e-3, "the reference barely quantizes"

folder = tempfile.mkdtemp(prefix="edgec-calibration-")
atexit.register(shutil.rmtree, folder, True)
for i, c in enumerate(calibration):
    np.save(os.path.join(folder, f"sample{i}.npy"), c)
s.graph("conv_relu_conv", [
    N("Conv", ["x", "w1", "b1"], ["c1"], pads=[1, 1, 1, 1]),
    N("Relu", ["c1"], ["h"]),
    N("Conv", ["h", "w2", "b2"], ["y"]),
], {"x": held_out}, {"y": y.astype(np.float32)},
    {"w1": w1, "b1": b1, "w2": w2, "b2": b2},
    flags=["--quantize=int8", "--calibration-data", folder])

s.main()
