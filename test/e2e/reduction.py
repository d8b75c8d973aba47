# Reductions end to end: every ONNX Reduce* op (axes as attribute and, for
# ReduceSum-13, as a constant input; negative, unsorted and missing axes;
# keepdims; noop_with_empty_axes), integer inputs, NaN propagation, and the
# versions in effect at opsets 11 to 17. Float results must be within the
# FP32 relative L2 tolerance of float64 numpy (accumulation is float32, as
# ONNX specifies); integer results are exact (tolerance 0).
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import numpy as np

import edgec_testing as et

s = et.Suite("reduction")

REFS = {
    "ReduceSum": lambda x, a, k: np.sum(x, axis=a, keepdims=k),
    "ReduceMean": lambda x, a, k: np.mean(x, axis=a, keepdims=k),
    "ReduceMax": lambda x, a, k: np.max(x, axis=a, keepdims=k),
    "ReduceMin": lambda x, a, k: np.min(x, axis=a, keepdims=k),
    "ReduceProd": lambda x, a, k: np.prod(x, axis=a, keepdims=k),
    "ReduceL1": lambda x, a, k: np.sum(np.abs(x), axis=a, keepdims=k),
    "ReduceL2": lambda x, a, k: np.sqrt(np.sum(x * x, axis=a, keepdims=k)),
    "ReduceLogSum": lambda x, a, k: np.log(np.sum(x, axis=a, keepdims=k)),
    "ReduceLogSumExp": lambda x, a, k: np.log(
        np.sum(np.exp(x), axis=a, keepdims=k)),
    "ReduceSumSquare": lambda x, a, k: np.sum(x * x, axis=a, keepdims=k),
}


def reference(op, x, axes, keepdims):
    """The ONNX reduction in float64 (integers stay integers)."""
    wide = x.astype(np.float64) if x.dtype.kind == "f" else x.astype(np.int64)
    axis = None if axes is None else tuple(axes)
    with np.errstate(divide="ignore"):  # log(0) = -inf is the answer
        y = REFS[op](wide, axis, bool(keepdims))
    return np.asarray(y).astype(x.dtype)


def reduce(name, op, x, axes=None, keepdims=1, opset=13, **kwargs):
    """A Reduce* node; ReduceSum from opset 13 takes its axes as a constant
    input, the others as an attribute."""
    attrs = {"keepdims": keepdims}
    weights, order = {}, None
    if axes is not None and op == "ReduceSum" and opset >= 13:
        weights = {"axes": np.array(axes, np.int64)}
    elif axes is not None:
        attrs["axes"] = axes
    y = reference(op, x, axes, keepdims)
    tolerance = 0 if x.dtype.kind == "i" else et.FP32_TOLERANCE
    s.node(name, op, {"x": x}, {"y": y}, weights, order=order, opset=opset,
           tolerance=tolerance, **attrs, **kwargs)


x = s.randn(3, 4, 5)
positive = s.uniform(0.5, 1.5, 3, 4, 5)
for op in REFS:
    tag = op[len("Reduce"):].lower()
    data = positive if op in ("ReduceLogSum", "ReduceProd") else x
    reduce(f"{tag}_axis1", op, data, axes=[1])
    reduce(f"{tag}_last_no_keepdims", op, data, axes=[-1], keepdims=0)
    reduce(f"{tag}_all", op, data)
    reduce(f"{tag}_two_axes_unsorted", op, data, axes=[2, 0], keepdims=0)
    reduce(f"{tag}_opset11", op, data, axes=[-2], opset=11)

# Reductions over long rows, where float32 accumulation order matters.
long_rows = s.randn(4, 4096)
for op in ("ReduceSum", "ReduceMean", "ReduceL2", "ReduceSumSquare",
           "ReduceLogSumExp"):
    reduce(f"{op[6:].lower()}_long_rows", op, long_rows, axes=[1])
reduce("mean_nchw_spatial", "ReduceMean", s.randn(2, 8, 7, 7), axes=[2, 3])
reduce("sum_leading_axis", "ReduceSum", s.randn(64, 33), axes=[0])
reduce("max_rank1_to_scalar", "ReduceMax", s.randn(37), keepdims=0)
reduce("logsumexp_large", "ReduceLogSumExp", s.randn(3, 6, scale=300.0),
       axes=[1])

# ReduceSum-13: no axes input reduces everything; an empty one with
# noop_with_empty_axes forwards the input.
reduce("sum_opset13_no_axes", "ReduceSum", x, keepdims=0)
s.node("sum_noop_empty_axes", "ReduceSum", {"x": x}, {"y": x},
       {"axes": np.zeros(0, np.int64)}, noop_with_empty_axes=1)
reduce("sum_opset17", "ReduceSum", x, axes=[0, 2], opset=17)
reduce("max_opset12", "ReduceMax", x, axes=[1], opset=12)

# NaN propagates through max and min, as with numpy.
nan = s.randn(4, 6)
nan[1, 2] = np.nan
reduce("max_nan", "ReduceMax", nan, axes=[1])
reduce("min_nan", "ReduceMin", nan, axes=[1])
inf = s.randn(2, 5)
inf[0, :] = -np.inf
reduce("logsumexp_all_minus_inf", "ReduceLogSumExp", inf, axes=[1])

# Integers (exact).
xi = s.rng.integers(-50, 50, (3, 4, 5)).astype(np.int64)
for op in ("ReduceSum", "ReduceMax", "ReduceMin", "ReduceL1",
           "ReduceSumSquare"):
    reduce(f"{op[6:].lower()}_int64", op, xi, axes=[1, 2])
reduce("prod_int64", "ReduceProd", s.rng.integers(-3, 4, (4, 5)).astype(
    np.int64), axes=[1])
reduce("max_int32", "ReduceMax", xi.astype(np.int32), axes=[0], keepdims=0)
reduce("sum_int32", "ReduceSum", xi.astype(np.int32), axes=[2])

s.main()
