# Shape, Size, Squeeze, Unsqueeze, ConstantOfShape, Range, EyeLike,
# DepthToSpace and SpaceToDepth end to end, and the shape computations
# PyTorch exports (Shape -> Gather -> Unsqueeze -> Concat -> Reshape), which
# fold to constants at import. Results are exact.
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import numpy as np
from onnx import helper, numpy_helper, TensorProto

import edgec_testing as et

s = et.Suite("shape")
EXACT = 0.0
i64 = lambda *v: np.array(v, np.int64)

x = s.randn(2, 3, 1, 4)
s.node("shape", "Shape", {"x": x}, {"y": i64(2, 3, 1, 4)}, tolerance=EXACT)
s.node("shape_opset1", "Shape", {"x": x}, {"y": i64(2, 3, 1, 4)}, opset=1,
       tolerance=EXACT)
s.node("shape_start_end", "Shape", {"x": x}, {"y": i64(3, 1)}, opset=15,
       start=1, end=-1, tolerance=EXACT)
s.node("shape_clamped", "Shape", {"x": x}, {"y": i64(2, 3, 1, 4)}, opset=15,
       start=-10, end=10, tolerance=EXACT)
s.node("shape_empty_range", "Shape", {"x": x},
       {"y": np.zeros(0, np.int64)}, opset=15, start=3, end=1,
       tolerance=EXACT)
s.node("size", "Size", {"x": x}, {"y": np.array(24, np.int64)},
       tolerance=EXACT)
s.node("size_opset1", "Size", {"x": x}, {"y": np.array(24, np.int64)},
       opset=1, tolerance=EXACT)

# Squeeze and Unsqueeze: axes as attribute (1, 11) and input (13).
s.node("squeeze_all_ones", "Squeeze", {"x": x}, {"y": x.reshape(2, 3, 4)},
       tolerance=EXACT)
s.node("squeeze_axes_input", "Squeeze", {"x": x}, {"y": x.reshape(2, 3, 4)},
       {"axes": i64(-2)}, tolerance=EXACT)
s.node("squeeze_opset11", "Squeeze", {"x": x}, {"y": x.reshape(2, 3, 4)},
       opset=11, axes=[-2], tolerance=EXACT)
s.node("squeeze_opset1", "Squeeze", {"x": x}, {"y": x.reshape(2, 3, 4)},
       opset=1, axes=[2], tolerance=EXACT)
s.node("unsqueeze_input", "Unsqueeze", {"x": x},
       {"y": x.reshape(1, 2, 3, 1, 1, 4)}, {"axes": i64(0, -2)},
       tolerance=EXACT)
s.node("unsqueeze_unsorted", "Unsqueeze", {"x": x},
       {"y": x.reshape(2, 3, 1, 4, 1, 1)}, {"axes": i64(5, 4)},
       tolerance=EXACT)
s.node("unsqueeze_opset11", "Unsqueeze", {"x": x},
       {"y": x.reshape(2, 3, 1, 4, 1)}, opset=11, axes=[-1], tolerance=EXACT)
s.node("unsqueeze_opset1", "Unsqueeze", {"x": x},
       {"y": x.reshape(1, 2, 3, 1, 4)}, opset=1, axes=[0], tolerance=EXACT)
s.node("unsqueeze_scalar_int64", "Unsqueeze", {"x": np.array(5, np.int64)},
       {"y": i64(5)}, {"axes": i64(0)}, tolerance=EXACT)

# ConstantOfShape, Range, EyeLike: constants computed at import.
s.node("constant_of_shape_default", "ConstantOfShape", {},
       {"y": np.zeros((2, 3), np.float32)}, {"shape": i64(2, 3)},
       tolerance=EXACT)
s.node("constant_of_shape_int32", "ConstantOfShape", {},
       {"y": np.full((3, 1, 2), 7, np.int32)}, {"shape": i64(3, 1, 2)},
       value=numpy_helper.from_array(np.array([7], np.int32)),
       tolerance=EXACT)
s.node("constant_of_shape_bool", "ConstantOfShape", {},
       {"y": np.ones((4,), bool)}, {"shape": i64(4)},
       value=numpy_helper.from_array(np.array([True])), tolerance=EXACT)
s.node("range_int64", "Range", {}, {"y": np.arange(10, -3, -4, dtype=np.int64)},
       {"a": np.array(10, np.int64), "b": np.array(-3, np.int64),
        "c": np.array(-4, np.int64)}, tolerance=EXACT)
s.node("range_float", "Range", {}, {"y": np.arange(0.5, 3, 0.75,
                                                   dtype=np.float32)},
       {"a": np.array(0.5, np.float32), "b": np.array(3, np.float32),
        "c": np.array(0.75, np.float32)}, tolerance=EXACT)
s.node("range_empty_int32", "Range", {}, {"y": np.zeros(0, np.int32)},
       {"a": np.array(5, np.int32), "b": np.array(1, np.int32),
        "c": np.array(1, np.int32)}, tolerance=EXACT)
m = s.randn(3, 5)
s.node("eyelike", "EyeLike", {"x": m}, {"y": np.eye(3, 5, dtype=np.float32)},
       tolerance=EXACT)
s.node("eyelike_k_dtype", "EyeLike", {"x": m},
       {"y": np.eye(3, 5, k=-1, dtype=np.int64)}, k=-1,
       dtype=TensorProto.INT64, tolerance=EXACT)

# DepthToSpace and SpaceToDepth.
def depth_to_space(x, b, mode):
    n, c, h, w = x.shape
    if mode == "DCR":
        y = x.reshape(n, b, b, c // b**2, h, w).transpose(0, 3, 4, 1, 5, 2)
    else:
        y = x.reshape(n, c // b**2, b, b, h, w).transpose(0, 1, 4, 2, 5, 3)
    return y.reshape(n, c // b**2, h * b, w * b)


d = s.randn(2, 8, 3, 2)
s.node("depth_to_space_dcr", "DepthToSpace", {"x": d},
       {"y": depth_to_space(d, 2, "DCR")}, blocksize=2, tolerance=EXACT)
s.node("depth_to_space_crd", "DepthToSpace", {"x": d},
       {"y": depth_to_space(d, 2, "CRD")}, blocksize=2, mode="CRD",
       tolerance=EXACT)
s.node("depth_to_space_opset1", "DepthToSpace", {"x": d},
       {"y": depth_to_space(d, 2, "DCR")}, blocksize=2, opset=1,
       tolerance=EXACT)
sd = s.randn(1, 3, 4, 6)
y = sd.reshape(1, 3, 2, 2, 3, 2).transpose(0, 3, 5, 1, 2, 4).reshape(
    1, 12, 2, 3)
s.node("space_to_depth", "SpaceToDepth", {"x": sd}, {"y": y}, blocksize=2,
       tolerance=EXACT)
s.node("space_to_depth_opset1", "SpaceToDepth", {"x": sd}, {"y": y},
       blocksize=2, opset=1, tolerance=EXACT)

# What torch.onnx exports for x.view(x.size(0), -1) and x.flatten(1): a
# shape computation that must fold into a static reshape.
f = s.randn(3, 4, 2, 2)
nodes = [
    helper.make_node("Shape", ["x"], ["shape"]),
    helper.make_node("Constant", [], ["zero"],
                     value=numpy_helper.from_array(np.array(0, np.int64))),
    helper.make_node("Gather", ["shape", "zero"], ["batch"], axis=0),
    helper.make_node("Unsqueeze", ["batch", "axes0"], ["batch1"]),
    helper.make_node("Concat", ["batch1", "minus_one"], ["target"], axis=0),
    helper.make_node("Reshape", ["x", "target"], ["y"]),
]
s.graph("torch_view_chain", nodes, {"x": f}, {"y": f.reshape(3, -1)},
        weights={"axes0": i64(0), "minus_one": i64(-1)}, tolerance=EXACT)
nodes = [
    helper.make_node("Shape", ["x"], ["shape"]),
    helper.make_node("Slice", ["shape", "s0", "s1", "s2"], ["lead"]),
    helper.make_node("Cast", ["lead"], ["lead32"], to=TensorProto.INT32),
    helper.make_node("Cast", ["lead32"], ["lead64"], to=TensorProto.INT64),
    helper.make_node("Concat", ["lead64", "tail"], ["target"], axis=0),
    helper.make_node("Reshape", ["x", "target"], ["y"]),
]
s.graph("torch_flatten_chain_with_casts", nodes, {"x": f},
        {"y": f.reshape(3, 4, 4)},
        weights={"s0": i64(0), "s1": i64(2), "s2": i64(0), "tail": i64(-1)},
        tolerance=EXACT)
nodes = [
    helper.make_node("Shape", ["x"], ["shape"]),
    helper.make_node("ConstantOfShape", ["shape"], ["ones"],
                     value=numpy_helper.from_array(np.array([1.0],
                                                            np.float32))),
    helper.make_node("Expand", ["b", "shape"], ["bb"]),
    helper.make_node("Concat", ["ones", "bb"], ["y"], axis=1),
]
b = s.randn(4, 1, 1)
s.graph("shape_feeds_constant_of_shape_and_expand", nodes, {"x": f},
        {"y": np.concatenate([np.ones_like(f),
                              np.broadcast_to(b, f.shape)], axis=1)},
        weights={"b": b}, tolerance=EXACT)

s.main()
