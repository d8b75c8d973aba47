# Add/Sub/Mul/Div with numpy broadcasting in every direction, and the unary
# ops Relu, Clip (every way to give its bounds, at compile time or at run
# time, on floats and integers), Sigmoid and Dropout, end to end.
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import numpy as np

import edgec_testing as et

s = et.Suite("elementwise")

BINARY = {
    "Add": np.add,
    "Sub": np.subtract,
    "Mul": np.multiply,
    "Div": np.divide,
}

# (name, lhs shape, rhs shape): both directions of each broadcast.
SHAPES = [
    ("same", (2, 3, 4, 5), (2, 3, 4, 5)),
    ("scalar_rhs", (2, 3, 4, 5), ()),
    ("scalar_lhs", (), (3, 4, 5)),
    ("channel_c11", (2, 3, 4, 5), (3, 1, 1)),
    ("channel_1c11", (1, 3, 4, 5), (1, 3, 1, 1)),
    ("channel_lhs", (3, 1, 1), (2, 3, 4, 5)),
    ("row", (4, 7), (7,)),
    ("row_lhs", (1, 7), (4, 7)),
    ("column", (4, 7), (4, 1)),
    ("column_lhs", (4, 1), (4, 7)),
    ("outer", (4, 1), (1, 7)),
    ("both_stretch", (2, 1, 4, 1), (1, 3, 1, 5)),
    ("one_elem", (1,), (3, 5)),
    ("rank_up_middle", (5, 1, 6), (4, 1)),
    ("scalars", (), ()),
    ("rank6", (2, 1, 3, 1, 2, 3), (1, 2, 1, 4, 2, 1)),
]

for op, fn in BINARY.items():
    for tag, ls, rs in SHAPES:
        a = s.randn(*ls)
        b = s.randn(*rs)
        if op == "Div":  # keep divisors away from zero
            b = (np.sign(b) * (np.abs(b) + 0.5)).astype(np.float32)
        y = fn(a.astype(np.float64), b.astype(np.float64)).astype(np.float32)
        s.node(f"{op.lower()}_{tag}", op, {"a": a, "b": b}, {"y": y})
    # A constant operand, as exporters write biases and scales.
    a = s.randn(1, 4, 3, 3)
    c = s.randn(4, 1, 1) + np.float32(3.0)
    y = fn(a.astype(np.float64), c.astype(np.float64)).astype(np.float32)
    s.node(f"{op.lower()}_constant", op, {"a": a}, {"y": y}, {"c": c})

# Same operand on both sides.
x = s.randn(3, 5)
s.node("mul_square", "Mul", {"x": x}, {"y": x * x},
       order=["x", "x"])

x = s.randn(2, 3, 5, 7)
s.node("relu", "Relu", {"x": x}, {"y": np.maximum(x, 0)})
x = s.randn(37)
s.node("relu_1d_odd", "Relu", {"x": x}, {"y": np.maximum(x, 0)})

# Clip: opset 11+ takes the bounds as (constant) inputs, opset 6 as
# attributes; every bound may be left out.
x = s.randn(3, 4, 5, scale=3.0)
lo, hi = np.float32(-1.5), np.float32(0.75)
s.node("clip_both", "Clip", {"x": x}, {"y": np.clip(x, lo, hi)},
       {"lo": np.array(lo), "hi": np.array(hi)})
s.node("clip_min_only", "Clip", {"x": x}, {"y": np.maximum(x, lo)},
       {"lo": np.array(lo)})
s.node("clip_max_only", "Clip", {"x": x}, {"y": np.minimum(x, hi)},
       {"hi": np.array(hi)}, order=["x", "", "hi"])
s.node("clip_no_bounds", "Clip", {"x": x}, {"y": x})
s.node("clip_min_above_max", "Clip", {"x": x},
       {"y": np.minimum(np.maximum(x, hi), lo)},
       {"lo": np.array(hi), "hi": np.array(lo)})
s.node("clip_relu6_opset11", "Clip", {"x": x}, {"y": np.clip(x, 0, 6)},
       {"lo": np.array(0, np.float32), "hi": np.array(6, np.float32)},
       opset=11)
s.node("clip_opset6_both", "Clip", {"x": x}, {"y": np.clip(x, lo, hi)},
       opset=6, min=float(lo), max=float(hi))
s.node("clip_opset6_min", "Clip", {"x": x}, {"y": np.maximum(x, lo)},
       opset=6, min=float(lo))
s.node("clip_opset6_max", "Clip", {"x": x}, {"y": np.minimum(x, hi)},
       opset=6, max=float(hi))

x = s.randn(2, 3, 4, 5, scale=2.0)
s.node("sigmoid", "Sigmoid", {"x": x}, {"y": et.ref.sigmoid(x)})
# Large magnitudes: exp(-x) overflows float32 for x < -88.7.
big = np.array([-1e4, -1000, -100, -89, -88, -30, -1e-3, 0, 1e-3, 30, 88, 89,
                100, 1000, 1e4, 3.4e38, -3.4e38], np.float32)
s.node("sigmoid_large", "Sigmoid", {"x": big}, {"y": et.ref.sigmoid(big)})
# Special values pass through the way numpy's formulas say.
special = np.array([np.nan, np.inf, -np.inf, -0.0, 0.0, 1.0, -1.0],
                   np.float32)
s.node("relu_special", "Relu", {"x": special},
       {"y": np.where(special < 0, 0, special).astype(np.float32)})
s.node("clip_special", "Clip", {"x": special},
       {"y": np.clip(special, lo, hi)},
       {"lo": np.array(lo), "hi": np.array(hi)})
s.node("sigmoid_special", "Sigmoid", {"x": special},
       {"y": et.ref.sigmoid(special)})
s.node("sigmoid_opset6", "Sigmoid", {"x": x}, {"y": et.ref.sigmoid(x)},
       opset=6)

# Clip's bounds computed at run time: max, then min (numpy.clip's order).
x = s.randn(3, 4, 5, scale=3.0)
lo, hi = np.array(-1.25, np.float32), np.array(0.5, np.float32)
s.node("clip_runtime_bounds", "Clip", {"x": x, "lo": lo, "hi": hi},
       {"y": np.clip(x, lo, hi)})
s.node("clip_runtime_min", "Clip", {"x": x, "lo": lo},
       {"y": np.maximum(x, lo)})
s.node("clip_runtime_max_above_min", "Clip", {"x": x, "lo": hi, "hi": lo},
       {"y": np.minimum(np.maximum(x, hi), lo)})
s.node("clip_runtime_special", "Clip", {"x": special, "lo": lo, "hi": hi},
       {"y": np.clip(special, lo, hi)})
# Integer Clip (Clip-12 and later), exact.
for dtype in (np.int32, np.int64):
    xi = s.rng.integers(-100, 100, (4, 9)).astype(dtype)
    bounds = {"lo": np.array(-20, dtype), "hi": np.array(35, dtype)}
    s.node(f"clip_{np.dtype(dtype).name}", "Clip", {"x": xi},
           {"y": np.clip(xi, -20, 35)}, bounds, tolerance=0.0)
    s.node(f"clip_{np.dtype(dtype).name}_runtime", "Clip", {"x": xi, **bounds},
           {"y": np.clip(xi, -20, 35)}, opset=12, tolerance=0.0)

# Dropout in inference is its input; its mask, all true (Dropout-10 and
# later) or all ones of the input's type (Dropout-7).
x = s.randn(2, 3, 4)
s.node("dropout", "Dropout", {"x": x}, {"y": x}, tolerance=0.0)
s.node("dropout_mask", "Dropout", {"x": x},
       {"y": x, "mask": np.ones(x.shape, np.bool_)},
       {"ratio": np.array(0.5, np.float32), "training": np.array(False)},
       tolerance=0.0)
# Training mode with ratio 0 keeps everything unscaled (Swin's export).
s.node("dropout_training_ratio_0", "Dropout", {"x": x},
       {"y": x, "mask": np.ones(x.shape, np.bool_)},
       {"ratio": np.array(0.0, np.float32), "training": np.array(True)},
       tolerance=0.0)
s.node("dropout_runtime_ratio", "Dropout", {"x": x, "ratio": np.array(
    0.3, np.float32)}, {"y": x}, tolerance=0.0)
s.node("dropout_opset10_mask", "Dropout", {"x": x},
       {"y": x, "mask": np.ones(x.shape, np.bool_)}, opset=10, ratio=0.2,
       tolerance=0.0)
s.node("dropout_opset7_mask", "Dropout", {"x": x},
       {"y": x, "mask": np.ones(x.shape, np.float32)}, opset=7,
       tolerance=0.0)

s.main()
