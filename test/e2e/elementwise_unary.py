# Unary math end to end: every operator on random values of its domain,
# on tiny values (where a formula like (e^x - e^-x) / 2 would cancel), and
# on special values (NaN, infinities, signed zeros, domain edges); Abs, Neg
# and Sign on int32 and int64. Float outputs: relative L2 <= 1e-5 against
# float64 numpy; integers and booleans exact.
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import numpy as np
from onnx import helper

import edgec_testing as et
import refs_elementwise as refs

s = et.Suite("elementwise_unary")
N = helper.make_node
NAN, INF = np.nan, np.inf


def f32(values):
    return np.asarray(values, np.float32)


def log_uniform(lo, hi, *shape, signed=True):
    """Magnitudes spread over decades, with random signs."""
    mag = np.exp(s.uniform(np.log(lo), np.log(hi), *shape)).astype(np.float32)
    if signed:
        mag *= np.where(s.uniform(0, 1, *shape) < 0.5, -1, 1).astype(np.float32)
    return mag


def unary(name, op, ref, inputs, out_dtype=np.float32, tolerance=None,
          opset=13, **attrs):
    """One case: `op` on each input (one node each), one output per input."""
    nodes = [N(op, [k], [f"y_{k}"], **attrs) for k in inputs]
    with np.errstate(all="ignore"):
        expected = {f"y_{k}": np.asarray(ref(v)).astype(out_dtype)
                    for k, v in inputs.items()}
    if tolerance is None:
        tolerance = et.FP32_TOLERANCE if out_dtype == np.float32 else 0.0
    s.graph(name, nodes, inputs, expected, opset=opset, tolerance=tolerance)


# An odd trailing extent leaves a remainder after the vector loop.
SHAPE = (2, 3, 37)
ZEROS_INFS = f32([NAN, INF, -INF, 0.0, -0.0])

unary("abs", "Abs", np.abs, {"x": s.randn(*SHAPE), "s": ZEROS_INFS})
unary("neg", "Neg", np.negative, {"x": s.randn(*SHAPE), "s": ZEROS_INFS})
unary("sign", "Sign", np.sign, {"x": s.randn(*SHAPE), "s": ZEROS_INFS})
unary("exp", "Exp", np.exp, {
    "x": s.uniform(-20, 20, *SHAPE),
    "s": f32([NAN, INF, -INF, 0.0, 88.7, 88.8, -87.0, -104.0])})
unary("log", "Log", np.log, {
    "x": log_uniform(1e-6, 1e6, *SHAPE, signed=False),
    "s": f32([NAN, INF, 0.0, -0.0, -1.0, 1.0, 1e-45, 3.4e38])})
unary("sqrt", "Sqrt", np.sqrt, {
    "x": log_uniform(1e-6, 1e6, *SHAPE, signed=False),
    "s": f32([NAN, INF, 0.0, -0.0, -1.0, -INF, 1e-45, 3.4e38])})
unary("reciprocal", "Reciprocal", np.reciprocal, {
    "x": log_uniform(1e-3, 1e3, *SHAPE),
    "s": f32([NAN, INF, -INF, 0.0, -0.0, 1e-39])})
unary("tanh", "Tanh", np.tanh, {
    "x": s.uniform(-10, 10, *SHAPE), "t": log_uniform(1e-5, 1e-2, 64),
    "m": s.uniform(-1, 1, 64),
    "s": f32([NAN, INF, -INF, 0.0, -0.0, 0.625, -0.625, 9.0, 100.0])})
unary("erf", "Erf", refs.erf, {
    "x": s.uniform(-5, 5, *SHAPE), "t": log_uniform(1e-5, 1e-2, 64),
    "m": s.uniform(0.8, 4.2, 256),
    "s": f32([NAN, INF, -INF, 0.0, -0.0, 1.0, -1.0, 3.92, 3.9, 10.0])})
unary("sin", "Sin", np.sin, {
    "x": s.uniform(-10, 10, *SHAPE),
    "s": f32([NAN, INF, -INF, 0.0, -0.0, np.pi / 2])}, opset=7)
unary("cos", "Cos", np.cos, {
    "x": s.uniform(-10, 10, *SHAPE), "s": f32([NAN, INF, -INF, 0.0])},
    opset=7)
unary("tan", "Tan", np.tan, {
    "x": s.uniform(-1.5, 1.5, *SHAPE), "t": log_uniform(1e-5, 1e-2, 64),
    "s": f32([NAN, INF, -INF, 0.0, -0.0])}, opset=7)
unary("asin", "Asin", np.arcsin, {
    "x": s.uniform(-1, 1, *SHAPE), "t": log_uniform(1e-5, 1e-2, 64),
    "e": f32(1 - log_uniform(1e-7, 1e-2, 64, signed=False)),
    "s": f32([NAN, 1.0, -1.0, 0.0, -0.0, 1.5, -2.0, INF])}, opset=7)
unary("acos", "Acos", np.arccos, {
    "x": s.uniform(-1, 1, *SHAPE),
    "e": f32(1 - log_uniform(1e-7, 1e-2, 64, signed=False)),
    "n": f32(log_uniform(1e-7, 1e-2, 64, signed=False) - 1),
    "s": f32([NAN, 1.0, -1.0, 0.0, 1.5, -2.0, -INF])}, opset=7)
unary("atan", "Atan", np.arctan, {
    "x": log_uniform(1e-3, 1e3, *SHAPE), "t": log_uniform(1e-5, 1e-2, 64),
    "m": s.uniform(-2, 2, 256),
    "s": f32([NAN, INF, -INF, 0.0, -0.0, 1.0, -1.0, 3.4e38])}, opset=7)
unary("sinh", "Sinh", np.sinh, {
    "x": s.uniform(-10, 10, *SHAPE), "t": log_uniform(1e-5, 1e-2, 64),
    "m": s.uniform(-1.5, 1.5, 256),
    "s": f32([NAN, INF, -INF, 0.0, -0.0, 88.5, 89.0, -89.4, 90.0])}, opset=9)
unary("cosh", "Cosh", np.cosh, {
    "x": s.uniform(-10, 10, *SHAPE), "t": log_uniform(1e-5, 1e-2, 64),
    "s": f32([NAN, INF, -INF, 0.0, 88.5, -89.0, 90.0])}, opset=9)
unary("asinh", "Asinh", np.arcsinh, {
    "x": log_uniform(1e-3, 1e8, *SHAPE), "t": log_uniform(1e-5, 1e-2, 64),
    "s": f32([NAN, INF, -INF, 0.0, -0.0, 4096.0, 4097.0, 3.4e38, -3.4e38])},
    opset=9)
unary("acosh", "Acosh", np.arccosh, {
    "x": log_uniform(1, 1e8, *SHAPE, signed=False),
    "e": f32(1 + log_uniform(1e-6, 1e-2, 64, signed=False)),
    "s": f32([NAN, INF, 1.0, 0.5, -1.0, -INF, 4096.0, 4097.0, 3.4e38])},
    opset=9)
unary("atanh", "Atanh", np.arctanh, {
    "x": s.uniform(-0.999, 0.999, *SHAPE), "t": log_uniform(1e-5, 1e-2, 64),
    "s": f32([NAN, 1.0, -1.0, 0.0, -0.0, 1.5, -INF])}, opset=9)

# Halves of both parities, and magnitudes above 2^23 that are integers.
HALVES = f32([-3.5, -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5, -0.0, 0.0, 1e9,
              -8388609.0, 0.49999997, NAN, INF, -INF])
ROUNDING = s.uniform(-50, 50, *SHAPE)
unary("floor", "Floor", np.floor, {"x": ROUNDING, "s": HALVES})
unary("ceil", "Ceil", np.ceil, {"x": ROUNDING, "s": HALVES})
unary("round", "Round", np.round, {"x": ROUNDING, "s": HALVES}, opset=11)

# Predicates: booleans, exact.
PREDICATE = f32([NAN, INF, -INF, 0.0, -0.0, 1.0, -3.4e38, 3.4e38, -NAN])
unary("isnan", "IsNaN", np.isnan, {"s": PREDICATE}, out_dtype=np.bool_)
unary("isinf", "IsInf", np.isinf, {"s": PREDICATE}, out_dtype=np.bool_,
      opset=10)
unary("isinf_positive", "IsInf", lambda v: v == INF, {"s": PREDICATE},
      out_dtype=np.bool_, opset=10, detect_negative=0)
unary("isinf_negative", "IsInf", lambda v: v == -INF, {"s": PREDICATE},
      out_dtype=np.bool_, opset=10, detect_positive=0)
unary("isinf_none", "IsInf", lambda v: np.zeros(v.shape, bool),
      {"s": PREDICATE}, out_dtype=np.bool_, opset=10, detect_positive=0,
      detect_negative=0)

# Integers, exact: numpy wraps abs and neg of INT_MIN.
for dtype in (np.int32, np.int64):
    info = np.iinfo(dtype)
    ints = np.array([info.min, info.min + 1, -7, -1, 0, 1, 7, info.max],
                    dtype)
    rand = s.rng.integers(-1000, 1000, SHAPE).astype(dtype)
    tag = np.dtype(dtype).name
    for op, fn in (("Abs", np.abs), ("Neg", np.negative), ("Sign", np.sign)):
        unary(f"{op.lower()}_{tag}", op, fn, {"x": rand, "s": ints},
              out_dtype=dtype)

s.main()
