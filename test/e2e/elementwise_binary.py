# Binary and variadic arithmetic end to end: Pow (float and integer bases
# and exponents), Max/Min/Sum/Mean with one to four inputs, Mod in both
# modes, and integer Add/Sub/Mul/Div; every broadcast direction, NaN and
# infinities where the operator defines them. fp32 relative L2 <= 1e-5
# against float64 numpy; integers exact.
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import numpy as np
from onnx import helper

import edgec_testing as et
import refs_elementwise as refs

s = et.Suite("elementwise_binary")
N = helper.make_node
NAN, INF = np.nan, np.inf

# (lhs shape, rhs shape): both directions of each kind of broadcast.
SHAPES = [
    ((2, 3, 4, 5), (2, 3, 4, 5)),
    ((2, 3, 4, 5), ()),
    ((), (3, 4, 5)),
    ((2, 3, 4, 5), (3, 1, 1)),
    ((3, 1, 1), (2, 3, 4, 5)),
    ((4, 7), (7,)),
    ((4, 1), (1, 7)),
    ((2, 1, 4, 1), (1, 3, 1, 5)),
    ((5, 1, 6), (4, 1)),
]


def f32(values):
    return np.asarray(values, np.float32)


def broadcasting(name, op, make, ref, dtype=np.float32, opset=13,
                 shapes=SHAPES, **attrs):
    """One case: `op` on every pair of SHAPES (one node each); `make(shape,
    side)` draws an operand."""
    nodes, inputs, expected = [], {}, {}
    for i, (ls, rs) in enumerate(shapes):
        a, b = make(ls, 0), make(rs, 1)
        inputs[f"a{i}"], inputs[f"b{i}"] = a, b
        nodes.append(N(op, [f"a{i}", f"b{i}"], [f"y{i}"], **attrs))
        with np.errstate(all="ignore"):
            expected[f"y{i}"] = np.asarray(ref(a, b)).astype(dtype)
    tolerance = et.FP32_TOLERANCE if dtype == np.float32 else 0.0
    s.graph(name, nodes, inputs, expected, opset=opset, tolerance=tolerance)


def pairs(name, op, a, b, ref, dtype, opset=13, **attrs):
    """One node on explicit operands."""
    with np.errstate(all="ignore"):
        y = np.asarray(ref(a, b)).astype(dtype)
    tolerance = et.FP32_TOLERANCE if dtype == np.float32 else 0.0
    s.node(name, op, {"a": a, "b": b}, {"y": y}, opset=opset,
           tolerance=tolerance, **attrs)


def randn(shape, side=0):
    return s.randn(*shape, scale=2.0)


def ints(dtype, lo=-50, hi=50):
    return lambda shape, side: s.rng.integers(lo, hi, shape).astype(dtype)


def f64(x):
    return np.asarray(x, np.float64)


# Pow -------------------------------------------------------------------------
def positive(shape, side):
    return s.uniform(0.1, 3.0, *shape) if side == 0 else s.uniform(-3, 3,
                                                                    *shape)


broadcasting("pow", "Pow", positive, lambda a, b: np.power(f64(a), f64(b)),
             opset=15)
# Negative bases with integral exponents; IEEE pow's special cases.
base = f32([-2.0, -2.0, -0.5, 0.0, 0.0, -0.0, NAN, 1.0, INF, -INF, -8.0, 2.0,
            10.0])
expo = f32([3.0, 2.0, -3.0, 0.0, -1.0, -1.0, 0.0, NAN, -1.0, 3.0, 1 / 3,
            0.5, 38.5])
pairs("pow_special", "Pow", base, expo,
      lambda a, b: np.power(f64(a), f64(b)), np.float32, opset=13)
# Integer exponents (Pow-12 and later), against a float base.
for dtype in (np.int32, np.int64):
    pairs(f"pow_exponent_{np.dtype(dtype).name}", "Pow",
          s.uniform(-3, 3, 4, 6), np.arange(-2, 4, dtype=dtype),
          lambda a, b: np.power(f64(a), f64(b)), np.float32, opset=12)
# Integer bases: raised in double precision and truncated, as numpy's
# (x ** y).astype(x.dtype).
pairs("pow_int32_base", "Pow", np.array([[2, -3, 7, 0, 5]], np.int32),
      np.array([[3], [2], [0]], np.int32),
      lambda a, b: np.power(f64(a), f64(b)).astype(np.int32), np.int32,
      opset=15)
pairs("pow_int64_base_float_exponent", "Pow",
      np.array([4, 9, 10, -2, 100], np.int64),
      f32([0.5, 0.5, 2.5, 3.0, 1.5]),
      lambda a, b: np.trunc(np.power(f64(a), f64(b))).astype(np.int64),
      np.int64, opset=12)


# Max, Min, Sum, Mean ----------------------------------------------------------
def variadic(name, op, shapes, ref, make=randn, dtype=np.float32, opset=13):
    inputs = {f"x{i}": make(shape, i) for i, shape in enumerate(shapes)}
    with np.errstate(all="ignore"):
        y = ref([f64(v) for v in inputs.values()])
    tolerance = et.FP32_TOLERANCE if dtype == np.float32 else 0.0
    s.node(name, op, inputs, {"y": np.asarray(y).astype(dtype)}, opset=opset,
           tolerance=tolerance)


def fold(fn):
    def apply(values):
        result = values[0]
        for v in values[1:]:
            result = fn(result, v)
        return result
    return apply


VARIADIC_SHAPES = {
    "one": [(3, 5)],
    "two": [(3, 5), (3, 5)],
    "three": [(2, 3, 4), (4,), (3, 1)],
    "four": [(1,), (2, 1, 1), (1, 3, 1), (1, 1, 4)],
}
REFS = {
    "Max": fold(np.maximum), "Min": fold(np.minimum), "Sum": fold(np.add),
    "Mean": lambda v: fold(np.add)(v) / len(v),
}
for op, ref in REFS.items():
    for tag, shapes in VARIADIC_SHAPES.items():
        variadic(f"{op.lower()}_{tag}", op, shapes, ref)
    broadcasting(f"{op.lower()}_broadcast", op, randn, lambda a, b, r=ref:
                 r([f64(a), f64(b)]))
# Max-6 and Sum-6: same-shaped inputs.
variadic("max_opset6", "Max", [(3, 5), (3, 5), (3, 5)], REFS["Max"], opset=6)
variadic("sum_opset8", "Sum", [(3, 5), (5,)], REFS["Sum"], opset=8)
# NaN propagates from either side, as numpy.maximum and numpy.minimum.
SPECIAL_A = f32([NAN, 1.0, NAN, INF, -INF, 0.0, -0.0, 2.0])
SPECIAL_B = f32([1.0, NAN, NAN, 5.0, 5.0, -0.0, 0.0, INF])
for op in ("Max", "Min", "Sum", "Mean"):
    pairs(f"{op.lower()}_special", op, SPECIAL_A, SPECIAL_B,
          lambda a, b, r=REFS[op]: r([f64(a), f64(b)]), np.float32)
for dtype in (np.int32, np.int64):
    info = np.iinfo(dtype)
    for op in ("Max", "Min", "Sum"):
        variadic(f"{op.lower()}_{np.dtype(dtype).name}", op,
                 [(2, 3, 4), (4,), (3, 1)], REFS[op], make=ints(dtype),
                 dtype=dtype)
    extremes = np.array([info.min, info.max, -1, 0], dtype)
    pairs(f"max_extremes_{np.dtype(dtype).name}", "Max", extremes,
          extremes[::-1].copy(), np.maximum, dtype)


# Mod --------------------------------------------------------------------------
def nonzero_ints(dtype):
    def make(shape, side):
        v = s.rng.integers(-20, 20, shape).astype(dtype)
        return np.where(v == 0, 7, v).astype(dtype) if side == 1 else v
    return make


for dtype in (np.int32, np.int64):
    tag = np.dtype(dtype).name
    broadcasting(f"mod_{tag}", "Mod", nonzero_ints(dtype),
                 lambda a, b: refs.mod(a, b), dtype=dtype)
    broadcasting(f"mod_fmod_{tag}", "Mod", nonzero_ints(dtype),
                 lambda a, b: refs.mod(a, b, 1), dtype=dtype, fmod=1)
    info = np.iinfo(dtype)
    # Mixed signs, INT_MIN, divisors of -1 (INT_MIN % -1 traps on x86 if done
    # naively) and 0 (undefined in ONNX; 0 here, as numpy says).
    a = np.array([5, -5, 5, -5, 7, -7, info.min, info.min, info.max, 3, -3],
                 dtype)
    b = np.array([3, 3, -3, -3, -1, 1, -1, 7, -2, 0, 0], dtype)
    pairs(f"mod_signs_{tag}", "Mod", a, b, lambda x, y: np.mod(x, y), dtype)
    pairs(f"mod_fmod_signs_{tag}", "Mod", a, b, lambda x, y: np.fmod(x, y),
          dtype, fmod=1)


def nonzero_floats(shape, side):
    v = s.randn(*shape, scale=5.0)
    return np.where(np.abs(v) < 0.1, 0.5, v).astype(np.float32) if side else v


broadcasting("mod_float_fmod", "Mod", nonzero_floats,
             lambda a, b: np.fmod(f64(a), f64(b)), fmod=1)
broadcasting("mod_float_python", "Mod", nonzero_floats,
             lambda a, b: np.mod(f64(a), f64(b)), opset=10)
fa = f32([5.5, -5.5, 5.5, -5.5, 0.0, 4.0, NAN, INF, 1.0, 1.0])
fb = f32([2.0, 2.0, -2.0, -2.0, 3.0, 2.0, 1.0, 2.0, INF, 0.0])
pairs("mod_float_fmod_special", "Mod", fa, fb,
      lambda a, b: np.fmod(f64(a), f64(b)), np.float32, fmod=1)


# Integer Add, Sub, Mul, Div ---------------------------------------------------
def trunc_div(a, b):
    """Division truncating towards zero; 0 for a zero divisor, INT_MIN / -1
    wraps (numpy's answers)."""
    a, b = np.broadcast_arrays(a, b)
    out = np.zeros(a.shape, a.dtype)
    nz = b != 0
    with np.errstate(all="ignore"):
        q = np.abs(a[nz]) // np.abs(b[nz])
        out[nz] = np.where((a[nz] < 0) != (b[nz] < 0), -q, q)
    return out


for dtype in (np.int32, np.int64):
    tag = np.dtype(dtype).name
    for op, fn in (("Add", np.add), ("Sub", np.subtract),
                   ("Mul", np.multiply)):
        broadcasting(f"{op.lower()}_{tag}", op, ints(dtype, -1000, 1000), fn,
                     dtype=dtype, opset=14)
    broadcasting(f"div_{tag}", "Div", nonzero_ints(dtype), trunc_div,
                 dtype=dtype)
    info = np.iinfo(dtype)
    a = np.array([7, -7, 7, -7, info.min, info.max, 5, info.min], dtype)
    b = np.array([2, 2, -2, -2, -1, 1, 0, 1], dtype)
    pairs(f"div_edges_{tag}", "Div", a, b, trunc_div, dtype)
    # Wrapping arithmetic, as numpy's.
    with np.errstate(all="ignore"):
        pairs(f"add_wraps_{tag}", "Add", np.array([info.max, info.min], dtype),
              np.array([1, -1], dtype), np.add, dtype)
        pairs(f"mul_wraps_{tag}", "Mul", np.array([info.max, info.min], dtype),
              np.array([2, -1], dtype), np.multiply, dtype, opset=7)

s.main()
