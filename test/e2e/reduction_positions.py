# ArgMax, ArgMin, TopK and CumSum end to end, against numpy. Positions and
# selected values are exact (tolerance 0): ties go to the lower index (or,
# for ArgMax/ArgMin with select_last_index, the higher one), NaN is chosen
# over every number as numpy's argmax/argmin do, and TopK ranks NaN above
# every number. CumSum sums in float32 (FP32 relative L2 tolerance); on
# integers it is exact.
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import numpy as np

import edgec_testing as et

s = et.Suite("reduction_positions")


def arg_reference(x, op, axis, keepdims, last):
    fn = np.argmax if op == "ArgMax" else np.argmin
    if last:
        flipped = np.flip(x, axis)
        idx = x.shape[axis] - 1 - fn(flipped, axis=axis)
    else:
        idx = fn(x, axis=axis)
    if keepdims:
        idx = np.expand_dims(idx, axis)
    return idx.astype(np.int64)


def arg(name, op, x, axis=0, keepdims=1, last=0, opset=13):
    attrs = {"axis": axis, "keepdims": keepdims}
    if opset >= 12:
        attrs["select_last_index"] = last
    y = arg_reference(x, op, axis, keepdims, last)
    s.node(name, op, {"x": x}, {"y": y}, opset=opset, tolerance=0, **attrs)


x = s.randn(3, 4, 5)
ties = s.rng.integers(0, 3, (4, 7)).astype(np.float32)  # many equal values
nan = s.randn(3, 6)
nan[0, 2] = nan[0, 4] = np.nan
nan[2, 0] = np.nan
for op in ("ArgMax", "ArgMin"):
    tag = op.lower()
    arg(f"{tag}_default", op, x)
    arg(f"{tag}_axis1", op, x, axis=1)
    arg(f"{tag}_last_axis_no_keepdims", op, x, axis=-1, keepdims=0)
    arg(f"{tag}_ties_first", op, ties, axis=1)
    arg(f"{tag}_ties_last", op, ties, axis=1, last=1)
    arg(f"{tag}_ties_axis0_last", op, ties, axis=0, last=1, keepdims=0)
    arg(f"{tag}_nan", op, nan, axis=1)
    arg(f"{tag}_nan_last", op, nan, axis=1, last=1)
    arg(f"{tag}_int64", op, s.rng.integers(-5, 5, (6, 8)).astype(np.int64),
        axis=1, last=1)
    arg(f"{tag}_int32", op, s.rng.integers(-5, 5, (6, 8)).astype(np.int32),
        axis=0)
    arg(f"{tag}_opset11", op, x, axis=2, opset=11)
    arg(f"{tag}_opset1", op, x, axis=1, opset=1)


def topk_reference(x, k, axis, largest):
    """Stable sort: equal keys keep their order, so ties go to the lower
    index. NaN sorts as the largest value."""
    keys = np.asarray(x, np.float64)
    if largest:
        # Descending with NaN first: sort -x, where NaN (kept NaN) sorts
        # last in ascending order, so map NaN to -inf first.
        keys = np.where(np.isnan(keys), -np.inf, -keys)
    else:
        keys = np.where(np.isnan(keys), np.inf, keys)
    order = np.argsort(keys, axis=axis, kind="stable")
    idx = np.take(order, np.arange(k), axis=axis)
    return np.take_along_axis(x, idx, axis=axis), idx.astype(np.int64)


def topk(name, x, k, axis=-1, largest=1, opset=13, **attrs):
    values, indices = topk_reference(x, k, axis, largest)
    if opset >= 11:
        attrs.update(axis=axis, largest=largest)
    else:
        attrs.update(axis=axis)
    if opset >= 10:
        s.node(name, "TopK", {"x": x}, {"values": values, "indices": indices},
               {"k": np.array([k], np.int64)}, opset=opset, tolerance=0,
               **attrs)
    else:
        s.node(name, "TopK", {"x": x}, {"values": values, "indices": indices},
               opset=opset, tolerance=0, k=k, **attrs)


topk("topk_last_axis", s.randn(3, 10), 3)
topk("topk_axis1", s.randn(2, 9, 4), 4, axis=1)
topk("topk_negative_axis", s.randn(2, 9, 4), 2, axis=-3)
topk("topk_smallest", s.randn(4, 8), 3, largest=0)
topk("topk_k_equals_n", s.randn(3, 6), 6)
topk("topk_ties", ties, 4)
topk("topk_ties_smallest", ties, 5, largest=0)
topk("topk_nan", nan, 3)
topk("topk_nan_smallest", nan, 4, largest=0)
topk("topk_unsorted_attr", s.randn(3, 8), 3, sorted=0)
topk("topk_int64", s.rng.integers(-9, 9, (3, 12)).astype(np.int64), 5)
topk("topk_int32_smallest", s.rng.integers(-9, 9, (12, 3)).astype(np.int32),
     4, axis=0, largest=0)
topk("topk_opset10", s.randn(2, 7), 2, opset=10)
topk("topk_opset1", s.randn(2, 7), 3, opset=1)
topk("topk_long_row", s.randn(2, 1000), 5)


def cumsum_reference(x, axis, exclusive, reverse):
    wide = x.astype(np.float64) if x.dtype.kind == "f" else x
    if reverse:
        wide = np.flip(wide, axis)
    y = np.cumsum(wide, axis=axis)
    if exclusive:
        y = y - wide
    if reverse:
        y = np.flip(y, axis)
    return y.astype(x.dtype)


def cumsum(name, x, axis, exclusive=0, reverse=0, axis_type=np.int64,
           opset=14):
    y = cumsum_reference(x, axis, exclusive, reverse)
    tolerance = 0 if x.dtype.kind == "i" else et.FP32_TOLERANCE
    s.node(name, "CumSum", {"x": x}, {"y": y},
           {"axis": np.array(axis, axis_type)}, opset=opset,
           tolerance=tolerance, exclusive=exclusive, reverse=reverse)


for exclusive in (0, 1):
    for reverse in (0, 1):
        tag = f"ex{exclusive}_rev{reverse}"
        cumsum(f"cumsum_1d_{tag}", s.randn(17), 0, exclusive, reverse)
        cumsum(f"cumsum_axis1_{tag}", s.randn(3, 8, 5), 1, exclusive, reverse)
cumsum("cumsum_negative_axis", s.randn(4, 6), -1)
cumsum("cumsum_int32_axis", s.randn(4, 6), 0, axis_type=np.int32)
cumsum("cumsum_int64", s.rng.integers(-100, 100, (5, 9)).astype(np.int64), 1)
cumsum("cumsum_int32_reverse",
       s.rng.integers(-100, 100, (5, 9)).astype(np.int32), 0, reverse=1)
cumsum("cumsum_long", s.randn(2, 500), 1)
cumsum("cumsum_opset11", s.randn(3, 4), 1, opset=11)

s.main()
