# Comparisons, logic and Where end to end: float (NaN, signed zeros,
# infinities), int32, int64 and bool operands; every broadcast direction,
# including all three operands of Where. Booleans and integers are exact;
# float Where outputs are exact too (it only selects).
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import numpy as np
from onnx import helper

import edgec_testing as et

s = et.Suite("elementwise_logic")
N = helper.make_node
NAN, INF = np.nan, np.inf

SHAPES = [
    ((2, 3, 4, 5), (2, 3, 4, 5)),
    ((2, 3, 4, 5), ()),
    ((), (3, 4, 5)),
    ((2, 3, 4, 5), (3, 1, 1)),
    ((3, 1, 1), (2, 3, 4, 5)),
    ((4, 7), (7,)),
    ((4, 1), (1, 7)),
    ((2, 1, 4, 1), (1, 3, 1, 5)),
]


def make(dtype):
    """Operands with many equal pairs, so that == and <= are exercised."""
    def draw(shape):
        if dtype == np.bool_:
            return s.rng.integers(0, 2, shape).astype(np.bool_)
        if np.issubdtype(dtype, np.integer):
            return s.rng.integers(-3, 3, shape).astype(dtype)
        return (s.rng.integers(-6, 6, shape) * 0.5).astype(dtype)
    return draw


def broadcasting(name, op, dtype, ref, opset=13):
    nodes, inputs, expected = [], {}, {}
    draw = make(dtype)
    for i, (ls, rs) in enumerate(SHAPES):
        inputs[f"a{i}"], inputs[f"b{i}"] = draw(ls), draw(rs)
        nodes.append(N(op, [f"a{i}", f"b{i}"], [f"y{i}"]))
        expected[f"y{i}"] = ref(inputs[f"a{i}"], inputs[f"b{i}"])
    s.graph(name, nodes, inputs, expected, opset=opset, tolerance=0.0)


COMPARE = {
    "Equal": (np.equal, 13), "Less": (np.less, 13), "Greater": (np.greater, 13),
    "LessOrEqual": (np.less_equal, 16), "GreaterOrEqual": (np.greater_equal, 16),
}
for op, (ref, opset) in COMPARE.items():
    for dtype in (np.float32, np.int32, np.int64):
        broadcasting(f"{op.lower()}_{np.dtype(dtype).name}", op, dtype, ref,
                     opset)
broadcasting("equal_bool", "Equal", np.bool_, np.equal)
# Older versions: Less-9, Greater-7, Equal-11, LessOrEqual-12.
broadcasting("less_opset9", "Less", np.int64, np.less, opset=9)
broadcasting("greater_opset7", "Greater", np.float32, np.greater, opset=7)
broadcasting("equal_opset11", "Equal", np.float32, np.equal, opset=11)
broadcasting("lessorequal_opset12", "LessOrEqual", np.int32, np.less_equal,
             opset=12)

# NaN compares false, -0 equals 0, infinities order.
a = np.array([NAN, NAN, 1.0, -0.0, INF, -INF, INF, 1.0], np.float32)
b = np.array([NAN, 1.0, NAN, 0.0, INF, INF, 3.4e38, 1.0], np.float32)
for op, (ref, opset) in COMPARE.items():
    s.node(f"{op.lower()}_special", op, {"a": a, "b": b}, {"y": ref(a, b)},
           opset=opset, tolerance=0.0)
# Integer extremes.
for dtype in (np.int32, np.int64):
    info = np.iinfo(dtype)
    a = np.array([info.min, info.max, info.min, 0], dtype)
    b = np.array([info.max, info.min, info.min, -1], dtype)
    s.node(f"less_extremes_{np.dtype(dtype).name}", "Less", {"a": a, "b": b},
           {"y": a < b}, tolerance=0.0)

for op, ref in (("And", np.logical_and), ("Or", np.logical_or),
                ("Xor", np.logical_xor)):
    broadcasting(op.lower(), op, np.bool_, ref, opset=7)
p = s.rng.integers(0, 2, (3, 4, 5)).astype(np.bool_)
s.node("not", "Not", {"x": p}, {"y": np.logical_not(p)}, opset=1,
       tolerance=0.0)

# Where: all three operands broadcast.
WHERE_SHAPES = [
    ((2, 3, 4), (2, 3, 4), (2, 3, 4)),
    ((2, 3, 4), (), ()),
    ((), (2, 3, 4), (4,)),
    ((3, 1), (1, 4), (2, 1, 1)),
    ((4,), (3, 1), (2, 3, 4)),
    ((2, 1, 4), (1, 3, 1), ()),
]
for dtype in (np.float32, np.int32, np.int64, np.bool_, np.uint8, np.int8,
              np.float16):
    nodes, inputs, expected = [], {}, {}
    for i, (cs, xs, ys) in enumerate(WHERE_SHAPES):
        c = s.rng.integers(0, 2, cs).astype(np.bool_)
        x = s.rng.integers(0, 100, xs).astype(dtype)
        y = s.rng.integers(0, 100, ys).astype(dtype)
        inputs.update({f"c{i}": c, f"x{i}": x, f"y{i}": y})
        nodes.append(N("Where", [f"c{i}", f"x{i}", f"y{i}"], [f"w{i}"]))
        expected[f"w{i}"] = np.where(c, x, y)
    s.graph(f"where_{np.dtype(dtype).name}", nodes, inputs, expected,
            opset=16, tolerance=0.0)
# Where-9, and NaN passes through the selection.
c = np.array([True, False, True, False])
x = np.array([NAN, 1.0, INF, 2.0], np.float32)
y = np.array([0.0, NAN, 0.0, -INF], np.float32)
s.node("where_special", "Where", {"c": c, "x": x, "y": y},
       {"w": np.where(c, x, y)}, opset=9, tolerance=0.0)

s.main()
