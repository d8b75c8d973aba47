# Trilu and OneHot end to end: upper and lower triangles with constant and
# run-time k, one-hot vectors along every axis with negative indices.
# Results are exact.
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import numpy as np

import edgec_testing as et

s = et.Suite("data_movement_masks")
EXACT = 0.0

# Triangles and one-hot vectors.
t = s.randn(2, 4, 5)
for upper, k in ((1, 0), (1, 2), (1, -1), (0, 0), (0, -2), (0, 9)):
    ref = np.triu(t, k) if upper else np.tril(t, k)
    s.node(f"trilu_{'upper' if upper else 'lower'}_k{k}".replace("-", "m"),
           "Trilu", {"x": t}, {"y": ref}, {"k": np.array(k, np.int64)},
           opset=14, upper=upper, tolerance=EXACT)
s.node("trilu_runtime_k", "Trilu", {"x": t, "k": np.array(-1, np.int64)},
       {"y": np.tril(t, -1)}, opset=14, upper=0, tolerance=EXACT)
s.node("trilu_bool", "Trilu", {"x": t > 0}, {"y": np.triu(t > 0, 1)},
       {"k": np.array(1, np.int64)}, opset=14, tolerance=EXACT)
s.node("trilu_default_int32", "Trilu",
       {"x": np.arange(12, dtype=np.int32).reshape(3, 4) + 1},
       {"y": np.triu(np.arange(12, dtype=np.int32).reshape(3, 4) + 1)},
       opset=14, tolerance=EXACT)


def one_hot(indices, depth, values, axis=-1):
    indices = np.where(indices < 0, indices + depth, indices).astype(np.int64)
    hot = np.arange(depth) == indices[..., None]
    out = np.where(hot, values[1], values[0]).astype(values.dtype)
    return np.moveaxis(out, -1, axis)


ind = np.array([[0, 3, -1], [2, 7, -4]], np.int64)
vals = np.array([-1, 5], np.float32)
for axis in (-1, 0, 1):
    s.node(f"one_hot_axis{axis}".replace("-", "m"), "OneHot", {"i": ind},
           {"y": one_hot(ind, 4, vals, axis)},
           {"depth": np.array(4, np.int64), "values": vals}, axis=axis,
           tolerance=EXACT)
s.node("one_hot_float_indices_int_values", "OneHot",
       {"i": np.array([1.0, 2.7, 0.0], np.float32)},
       {"y": one_hot(np.array([1, 2, 0]), 3, np.array([0, 1], np.int64))},
       {"depth": np.array(3.0, np.float32),
        "values": np.array([0, 1], np.int64)}, tolerance=EXACT)
s.node("one_hot_runtime_values_opset9", "OneHot",
       {"i": np.array([2, 0], np.int32), "v": vals},
       {"y": one_hot(np.array([2, 0]), 3, vals)},
       {"depth": np.array(3, np.int32)}, order=["i", "depth", "v"], opset=9,
       tolerance=EXACT)

s.main()
