# Gather, GatherElements and GatherND end to end: any axis, negative,
# int32 and int64 indices, constant and run-time indices (embedding
# lookups), scalar indices, batch_dims. Results are exact.
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import numpy as np

import edgec_testing as et

s = et.Suite("data_movement_gather")
EXACT = 0.0

data = s.randn(5, 4, 3)
idx = np.array([[0, 4], [-1, 2], [3, -5]], np.int64)
for axis in (0, 1, 2, -1):
    n = data.shape[axis]
    ind = np.clip(idx, -n, n - 1)
    s.node(f"gather_axis{axis}".replace("-", "m"), "Gather",
           {"x": data, "i": ind}, {"y": np.take(data, ind, axis=axis)},
           axis=axis, tolerance=EXACT)
s.node("gather_int32_indices", "Gather", {"x": data, "i": idx.astype(np.int32)},
       {"y": np.take(data, idx, axis=0)}, tolerance=EXACT)
s.node("gather_constant_indices", "Gather", {"x": data},
       {"y": np.take(data, [[2, 0, 1]], axis=1)},
       {"i": np.array([[2, 0, 1]], np.int64)}, axis=1, tolerance=EXACT)
s.node("gather_scalar_constant_index", "Gather", {"x": data},
       {"y": data[:, -1]}, {"i": np.array(-1, np.int64)}, axis=1,
       tolerance=EXACT)
s.node("gather_scalar_runtime_index", "Gather",
       {"x": data, "i": np.array(3, np.int64)}, {"y": data[3]},
       tolerance=EXACT)
table = s.randn(50, 16)
tokens = np.array([[1, 7, 49, 0], [3, 3, 8, 12]], np.int64)
s.node("gather_embedding_lookup", "Gather", {"tokens": tokens},
       {"y": table[tokens]}, {"table": table}, order=["table", "tokens"],
       tolerance=EXACT)
di = np.arange(60, dtype=np.int64).reshape(5, 12)
s.node("gather_int64_data", "Gather", {"x": di, "i": np.array([4, 0], np.int64)},
       {"y": di[:, [4, 0]]}, axis=1, tolerance=EXACT)
s.node("gather_bool_data", "Gather",
       {"x": di % 2 == 0, "i": np.array([1, 1, 0], np.int64)},
       {"y": (di % 2 == 0)[[1, 1, 0]]}, tolerance=EXACT)
s.node("gather_opset1", "Gather", {"x": data, "i": np.array([2, 0], np.int64)},
       {"y": data[[2, 0]]}, opset=1, tolerance=EXACT)
s.node("gather_opset11", "Gather", {"x": data, "i": np.array([-2], np.int64)},
       {"y": data[:, :, [-2]]}, opset=11, axis=2, tolerance=EXACT)

# GatherElements: output[p] = data[p with p[axis] = indices[p]].
def gather_elements(data, indices, axis):
    out = np.empty(indices.shape, data.dtype)
    for pos in np.ndindex(*indices.shape):
        src = list(pos)
        src[axis] = indices[pos]
        out[pos] = data[tuple(src)]
    return out


ge = np.array([[[0, 2, -1], [1, 0, 0]], [[2, 2, 1], [-3, 1, 0]]], np.int64)
d = s.randn(2, 3, 3)
for axis in (0, 1, 2):
    n = d.shape[axis]
    ind = np.clip(ge, -n, n - 1)
    s.node(f"gather_elements_axis{axis}", "GatherElements",
           {"x": d, "i": ind}, {"y": gather_elements(d, ind, axis)},
           axis=axis, tolerance=EXACT)
s.node("gather_elements_int32_opset11", "GatherElements",
       {"x": d[0], "i": np.array([[1, 0, 2]], np.int32)},
       {"y": gather_elements(d[0], np.array([[1, 0, 2]]), 0)},
       opset=11, tolerance=EXACT)

# GatherND.
def gather_nd(data, indices, batch_dims=0):
    batch = data.shape[:batch_dims]
    k = indices.shape[-1]
    out = np.empty(indices.shape[:-1] + data.shape[batch_dims + k:],
                   data.dtype)
    for pos in np.ndindex(*indices.shape[:-1]):
        tup = tuple(int(v) for v in indices[pos])
        out[pos] = data[pos[:batch_dims] + tup]
    return out


g = s.randn(2, 3, 4)
ind = np.array([[1, 2], [0, -1], [1, 0]], np.int64)
s.node("gather_nd_pairs", "GatherND", {"x": g, "i": ind},
       {"y": gather_nd(g, ind)}, tolerance=EXACT)
ind = np.array([[[1, 2, 3]], [[0, 0, 0]]], np.int64)
s.node("gather_nd_full_tuples", "GatherND", {"x": g, "i": ind},
       {"y": gather_nd(g, ind)}, tolerance=EXACT)
ind = np.array([[2], [0]], np.int32)
s.node("gather_nd_batch_dims", "GatherND", {"x": g, "i": ind},
       {"y": gather_nd(g, ind, 1)}, batch_dims=1, tolerance=EXACT)
ind = np.array([[1], [0]], np.int64)
s.node("gather_nd_opset11_slices", "GatherND",
       {"x": g.astype(np.int64) * 0 + np.arange(24).reshape(2, 3, 4), "i": ind},
       {"y": gather_nd(np.arange(24).reshape(2, 3, 4), ind)}, opset=11,
       tolerance=EXACT)

s.main()
