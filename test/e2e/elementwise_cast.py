# Cast and CastLike end to end between every pair of the element types the
# runtime exchanges (float32, float16, bool, int8, uint8, int32, int64):
# floats truncate towards zero into integers, non-zero (NaN included) is
# true, integers wrap, and float16 rounds to nearest even. Values are drawn
# inside the target's range where ONNX leaves the rest undefined. Results
# are exact (numpy's astype).
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import numpy as np
from onnx import TensorProto, helper

import edgec_testing as et

s = et.Suite("elementwise_cast")
N = helper.make_node
NAN, INF = np.nan, np.inf

TYPES = {
    np.float32: TensorProto.FLOAT, np.float16: TensorProto.FLOAT16,
    np.bool_: TensorProto.BOOL, np.int8: TensorProto.INT8,
    np.uint8: TensorProto.UINT8, np.int32: TensorProto.INT32,
    np.int64: TensorProto.INT64,
}


def name(dtype):
    return np.dtype(dtype).name


def source(src, dst):
    """Values of type `src` whose conversion to `dst` ONNX defines."""
    shape = (3, 37)
    if src == np.bool_:
        return s.rng.integers(0, 2, shape).astype(np.bool_)
    if np.issubdtype(src, np.floating):
        if dst == np.bool_:
            v = s.rng.integers(-2, 3, shape) * 0.75
            v.flat[:4] = [NAN, -0.0, INF, 1e-7]
            return v.astype(src)
        if np.issubdtype(dst, np.integer):
            info = np.iinfo(dst)
            lo, hi = max(info.min, -60000), min(info.max, 60000)
            v = s.uniform(lo, hi, *shape)
            v.flat[:4] = [0.99, -0.99, hi, lo]
            return v.astype(src)
        v = s.randn(*shape, scale=1000.0)
        if src == np.float32 and dst == np.float16:
            v.flat[:6] = [NAN, INF, -INF, 70000.0, 1e-8, 65519.0]
        elif src == np.float16:
            v.flat[:3] = [NAN, INF, -INF]
        return v.astype(src)
    info = np.iinfo(src)
    v = s.rng.integers(info.min, info.max, shape, dtype=np.int64,
                       endpoint=True)
    if np.issubdtype(dst, np.floating) and src == np.int64:
        v.flat[:2] = [2 ** 53 + 1, -(2 ** 40) - 3]  # rounds to nearest
    if dst == np.float16:
        v = np.clip(v, -60000, 60000)  # beyond, float16 is inf
    v.flat[-3:] = [0, info.min, info.max]
    if dst == np.float16:
        v = np.clip(v, -60000, 60000)
    return v.astype(src)


for src in TYPES:
    nodes, inputs, expected = [], {}, {}
    for dst, onnx_type in TYPES.items():
        if dst == src:
            continue
        x = source(src, dst)
        inputs[f"to_{name(dst)}"] = x
        nodes.append(N("Cast", [f"to_{name(dst)}"], [f"y_{name(dst)}"],
                       to=onnx_type))
        with np.errstate(all="ignore"):
            if np.issubdtype(src, np.floating) and np.issubdtype(
                    dst, np.integer):
                y = np.trunc(x).astype(np.int64).astype(dst)
            else:
                y = x.astype(dst)
        expected[f"y_{name(dst)}"] = y
    s.graph(f"cast_from_{name(src)}", nodes, inputs, expected, tolerance=0.0)

# Cast-6 and Cast-9, and a cast to the input's own type.
x = s.randn(2, 5, scale=10.0)
s.node("cast_opset6", "Cast", {"x": x}, {"y": np.trunc(x).astype(np.int32)},
       opset=6, to=TensorProto.INT32, tolerance=0.0)
s.node("cast_opset9", "Cast", {"x": x}, {"y": x != 0}, opset=9,
       to=TensorProto.BOOL, tolerance=0.0)
s.node("cast_same_type", "Cast", {"x": x}, {"y": x}, to=TensorProto.FLOAT,
       tolerance=0.0)
# An image as uint8, scaled to float: the usual input pipeline.
img = s.rng.integers(0, 256, (1, 3, 8, 8)).astype(np.uint8)
s.graph("uint8_image", [
    N("Cast", ["img"], ["f"], to=TensorProto.FLOAT),
    N("Div", ["f", "scale"], ["y"]),
], {"img": img}, {"y": (img.astype(np.float64) / 255).astype(np.float32)},
    {"scale": np.array(255, np.float32)})

# CastLike takes the type of its second input.
h = s.randn(4, 6, scale=100.0).astype(np.float16)
s.node("castlike_f16_to_i64", "CastLike", {"x": h, "like": np.zeros(2, np.int64)},
       {"y": np.trunc(h).astype(np.int64)}, opset=15, tolerance=0.0)
s.node("castlike_f32_to_f16", "CastLike", {"x": x},
       {"y": x.astype(np.float16)}, {"like": np.zeros(1, np.float16)},
       opset=15, tolerance=0.0)

s.main()
