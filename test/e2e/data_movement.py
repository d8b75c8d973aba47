# Flatten, Reshape, Transpose, Concat, Identity and Constant end to end.
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import numpy as np
from onnx import helper, numpy_helper

import edgec_testing as et

s = et.Suite("data_movement")

x = s.randn(2, 3, 4, 5)
for axis in (0, 1, 2, 3, 4, -1, -3):
    outer = int(np.prod(x.shape[:axis % 5 if axis >= 0 else axis + 4]))
    s.node(f"flatten_axis{axis}".replace("-", "m"), "Flatten", {"x": x},
           {"y": x.reshape(outer, -1)}, axis=axis)
s.node("flatten_default", "Flatten", {"x": x}, {"y": x.reshape(2, -1)})
s.node("flatten_opset9", "Flatten", {"x": x}, {"y": x.reshape(6, -1)},
       opset=9, axis=2)


def reshape(name, x, shape, expected_shape, **attrs):
    s.node(name, "Reshape", {"x": x}, {"y": x.reshape(expected_shape)},
           {"shape": np.array(shape, np.int64)}, **attrs)


reshape("reshape_explicit", x, [6, 20], (6, 20))
reshape("reshape_minus_one", x, [-1, 5], (24, 5))
reshape("reshape_zero_copies", x, [0, 0, -1], (2, 3, 20))
reshape("reshape_to_1d", x, [-1], (120,))
reshape("reshape_add_unit_dims", x, [2, 1, 3, 20, 1], (2, 1, 3, 20, 1))
reshape("reshape_opset14", x, [4, 0, 10], (4, 3, 10))
reshape("reshape_opset5", x, [5, 4, 3, 2], (5, 4, 3, 2))
x1 = s.randn(1, 1, 1)
reshape("reshape_to_scalar", x1, [], ())

x = s.randn(2, 3, 4, 5)
for perm in ([0, 1, 2, 3], [0, 2, 3, 1], [3, 2, 1, 0], [1, 0, 3, 2],
             [0, 3, 1, 2], [2, 0, 3, 1]):
    s.node("transpose_" + "".join(map(str, perm)), "Transpose", {"x": x},
           {"y": x.transpose(perm)}, perm=perm)
s.node("transpose_default_reverses", "Transpose", {"x": x},
       {"y": x.transpose()})
x5 = s.randn(2, 3, 1, 4, 5)
s.node("transpose_rank5", "Transpose", {"x": x5},
       {"y": x5.transpose(4, 2, 0, 3, 1)}, perm=[4, 2, 0, 3, 1])
m = s.randn(7, 9)
s.node("transpose_2d", "Transpose", {"x": m}, {"y": m.T}, perm=[1, 0])
w = s.randn(3, 5, 2)
s.node("transpose_constant", "Transpose", {}, {"y": w.transpose(2, 0, 1)},
       {"w": w}, perm=[2, 0, 1])

a, b, c = s.randn(2, 3, 4, 4), s.randn(2, 5, 4, 4), s.randn(2, 1, 4, 4)
s.node("concat_axis1_three", "Concat", {"a": a, "b": b, "c": c},
       {"y": np.concatenate([a, b, c], axis=1)}, axis=1)
a, b = s.randn(3, 2, 5), s.randn(1, 2, 5)
s.node("concat_axis0", "Concat", {"a": a, "b": b},
       {"y": np.concatenate([a, b], axis=0)}, axis=0)
a, b, c = s.randn(2, 3), s.randn(2, 7), s.randn(2, 1)
s.node("concat_last_negative", "Concat", {"a": a, "b": b, "c": c},
       {"y": np.concatenate([a, b, c], axis=-1)}, axis=-1)
s.node("concat_with_constant", "Concat", {"a": a}, {"y": np.concatenate(
    [a, c], axis=1)}, {"c": c}, axis=1)
s.node("concat_same_twice", "Concat", {"a": a}, {"y": np.concatenate(
    [a, a], axis=0)}, order=["a", "a"], axis=0)
s.node("concat_single", "Concat", {"a": a}, {"y": a}, axis=0)
s.node("concat_opset11", "Concat", {"a": a, "b": b},
       {"y": np.concatenate([a, b], axis=1)}, axis=1, opset=11)

x = s.randn(3, 4)
s.node("identity", "Identity", {"x": x}, {"y": x})
s.node("identity_opset1", "Identity", {"x": x}, {"y": x}, opset=1)

# Constant, alone and feeding a computation.
v = s.randn(2, 3)
s.node("constant_tensor", "Constant", {}, {"y": v},
       value=numpy_helper.from_array(v))
s.node("constant_value_float", "Constant", {}, {"y": np.array(2.5, np.float32)},
       value_float=2.5)
s.node("constant_value_floats", "Constant", {},
       {"y": np.array([1.5, -2, 3], np.float32)}, value_floats=[1.5, -2, 3])
x = s.randn(4, 2, 3)
s.graph("constant_into_add", [
    helper.make_node("Constant", [], ["c"], value=numpy_helper.from_array(v)),
    helper.make_node("Add", ["x", "c"], ["y"]),
], {"x": x}, {"y": x + v})
s.graph("constant_shape_for_reshape", [
    helper.make_node("Constant", [], ["shape"], value=numpy_helper.from_array(
        np.array([0, -1], np.int64))),
    helper.make_node("Reshape", ["x", "shape"], ["y"]),
], {"x": x}, {"y": x.reshape(4, 6)})
s.graph("constant_shape_value_ints", [
    helper.make_node("Constant", [], ["shape"], value_ints=[3, 8]),
    helper.make_node("Reshape", ["x", "shape"], ["y"]),
], {"x": x}, {"y": x.reshape(3, 8)})

# Every version and element type.
x = s.randn(2, 3, 4)
s.node("reshape_opset1_attribute", "Reshape", {"x": x},
       {"y": x.reshape(4, 6)}, opset=1, shape=[4, 6])
a, b = s.randn(2, 3), s.randn(2, 2)
s.node("concat_opset1_default_axis", "Concat", {"a": a, "b": b},
       {"y": np.concatenate([a, b], axis=1)}, opset=1)
ints = np.arange(24, dtype=np.int64).reshape(2, 3, 4)
s.node("concat_int64", "Concat", {"a": ints, "b": -ints},
       {"y": np.concatenate([ints, -ints], axis=2)}, axis=2)
s.node("transpose_bool", "Transpose", {"x": ints % 3 == 1},
       {"y": (ints % 3 == 1).transpose(2, 0, 1)}, perm=[2, 0, 1])
s.node("transpose_float16", "Transpose", {"x": x.astype(np.float16)},
       {"y": x.astype(np.float16).transpose(1, 0, 2)}, perm=[1, 0, 2])
s.node("reshape_uint8", "Reshape", {"x": ints.astype(np.uint8)},
       {"y": ints.astype(np.uint8).reshape(6, 4)},
       {"shape": np.array([6, 4], np.int64)})
s.node("flatten_int8", "Flatten", {"x": (ints - 12).astype(np.int8)},
       {"y": (ints - 12).astype(np.int8).reshape(6, 4)}, axis=2)
s.node("identity_int32_opset16", "Identity", {"x": ints.astype(np.int32)},
       {"y": ints.astype(np.int32)}, opset=16)
for value in (np.array([True, False, True]),
              np.array([1.5, -2, 65504], np.float16),
              np.array([[255, 0]], np.uint8), np.array([-128, 127], np.int8),
              np.array([7, -7], np.int32), np.array([2**40], np.int64)):
    s.node(f"constant_{value.dtype}", "Constant", {}, {"y": value},
           value=numpy_helper.from_array(value))
s.node("constant_opset9", "Constant", {}, {"y": v}, opset=9,
       value=numpy_helper.from_array(v))
s.node("constant_opset12_value_ints", "Constant", {},
       {"y": np.array([3, -1], np.int64)}, opset=12, value_ints=[3, -1])

s.main()
