# ScatterElements, Scatter and ScatterND end to end: every axis, negative
# and duplicate indices (the later update wins), indices smaller than the
# data, run-time and constant indices, reductions add and mul (version 16).
# Results are exact (add and mul in float32 round as numpy does in float32).
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import numpy as np

import edgec_testing as et

s = et.Suite("data_movement_scatter")
EXACT = 0.0


def scatter_elements(data, indices, updates, axis=0, reduction="none"):
    out = data.copy()
    for pos in np.ndindex(*indices.shape):
        dst = list(pos)
        i = int(indices[pos])
        dst[axis] = i + data.shape[axis] if i < 0 else i
        dst = tuple(dst)
        if reduction == "add":
            out[dst] = out[dst] + updates[pos]
        elif reduction == "mul":
            out[dst] = out[dst] * updates[pos]
        else:
            out[dst] = updates[pos]
    return out


def scatter_nd(data, indices, updates, reduction="none"):
    out = data.copy()
    for pos in np.ndindex(*indices.shape[:-1]):
        dst = tuple(int(v) + (data.shape[j] if v < 0 else 0)
                    for j, v in enumerate(indices[pos]))
        if reduction == "add":
            out[dst] = out[dst] + updates[pos]
        elif reduction == "mul":
            out[dst] = out[dst] * updates[pos]
        else:
            out[dst] = updates[pos]
    return out


data = s.randn(3, 4, 5)
for axis in (0, 1, 2, -1):
    n = data.shape[axis]
    shape = [2, 3, 4]
    shape[axis] = 3
    ind = s.rng.integers(-n, n, size=shape).astype(np.int64)
    upd = s.randn(*shape)
    s.node(f"scatter_elements_axis{axis}".replace("-", "m"), "ScatterElements",
           {"x": data, "i": ind, "u": upd},
           {"y": scatter_elements(data, ind, upd, axis % 3)}, axis=axis,
           tolerance=EXACT)
ind = np.array([[1, 1, 0, 1]], np.int32)
upd = s.randn(1, 4)
s.node("scatter_elements_duplicates_int32", "ScatterElements",
       {"x": data[0], "i": ind, "u": upd},
       {"y": scatter_elements(data[0], ind, upd)}, tolerance=EXACT)
for reduction in ("add", "mul"):
    ind = np.array([[0, 2, 2], [1, 1, 0]], np.int64)
    upd = s.randn(2, 3)
    s.node(f"scatter_elements_{reduction}", "ScatterElements",
           {"x": data[0], "i": ind, "u": upd},
           {"y": scatter_elements(data[0], ind, upd, 1, reduction)},
           opset=16, axis=1, reduction=reduction, tolerance=EXACT)
di = np.arange(20, dtype=np.int64).reshape(4, 5)
ind = np.array([[4, 0], [3, 3]], np.int64)
s.node("scatter_elements_int64_constant_indices", "ScatterElements",
       {"x": di, "u": np.array([[-1, -2], [-3, -4]], np.int64)},
       {"y": scatter_elements(di, ind, np.array([[-1, -2], [-3, -4]]), 1)},
       {"i": ind}, order=["x", "i", "u"], axis=1, tolerance=EXACT)
s.node("scatter_opset9", "Scatter", {"x": data[0], "i": ind, "u": s.randn(2, 2)
                                     * 0 + 1},
       {"y": scatter_elements(data[0], ind, np.ones((2, 2), np.float32), 1)},
       opset=9, axis=1, tolerance=EXACT)

g = s.randn(4, 3, 2)
ind = np.array([[1], [-1], [0]], np.int64)
upd = s.randn(3, 3, 2)
s.node("scatter_nd_slices", "ScatterND", {"x": g, "i": ind, "u": upd},
       {"y": scatter_nd(g, ind, upd)}, tolerance=EXACT)
ind = np.array([[[0, 1, 1], [3, 2, 0]], [[0, 1, 1], [2, 0, 1]]], np.int64)
upd = s.randn(2, 2)
s.node("scatter_nd_elements_duplicates", "ScatterND",
       {"x": g, "i": ind, "u": upd}, {"y": scatter_nd(g, ind, upd)},
       tolerance=EXACT)
for reduction in ("add", "mul"):
    s.node(f"scatter_nd_{reduction}", "ScatterND",
           {"x": g, "i": ind, "u": upd},
           {"y": scatter_nd(g, ind, upd, reduction)}, opset=16,
           reduction=reduction, tolerance=EXACT)
gb = g > 0
ind = np.array([[2, 1]], np.int32)
s.node("scatter_nd_bool_opset11", "ScatterND",
       {"x": gb, "i": ind, "u": np.array([[True, False]])},
       {"y": scatter_nd(gb, ind, np.array([[True, False]]))}, opset=11,
       tolerance=EXACT)

s.main()
