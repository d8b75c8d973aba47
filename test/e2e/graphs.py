# Small multi-op graphs end to end: a residual block, an MLP, several inputs
# and outputs whose names need sanitizing into file names, a graph output
# that is a graph input, and an intermediate value that is also an output.
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import numpy as np
from onnx import helper

import edgec_testing as et

s = et.Suite("graphs")
ref = et.ref
N = helper.make_node

# Residual block: conv-bn-relu-conv-bn, + input, relu; then a strided
# projection branch, as in ResNet's downsampling blocks.
x = s.randn(1, 8, 10, 10)
w = {
    "w1": s.randn(8, 8, 3, 3, scale=0.2), "w2": s.randn(8, 8, 3, 3, scale=0.2),
    "wp": s.randn(16, 8, 1, 1, scale=0.3), "w3": s.randn(16, 8, 3, 3,
                                                          scale=0.2),
}
for i in (1, 2):
    w[f"s{i}"] = s.uniform(0.5, 1.5, 8)
    w[f"b{i}"] = s.randn(8)
    w[f"m{i}"] = s.randn(8, scale=0.1)
    w[f"v{i}"] = s.uniform(0.5, 1.5, 8)
pad1 = [1, 1, 1, 1]
h = ref.conv(x, w["w1"], pads=pad1)
h = np.maximum(ref.batchnorm(h, w["s1"], w["b1"], w["m1"], w["v1"]), 0)
h = ref.conv(h, w["w2"], pads=pad1)
h = ref.batchnorm(h, w["s2"], w["b2"], w["m2"], w["v2"])
r = np.maximum(h + x, 0)
down = np.maximum(ref.conv(r, w["w3"], strides=[2, 2], pads=pad1) +
                  ref.conv(r, w["wp"], strides=[2, 2]), 0)
s.graph("residual_block", [
    N("Conv", ["x", "w1"], ["c1"], pads=pad1),
    N("BatchNormalization", ["c1", "s1", "b1", "m1", "v1"], ["n1"]),
    N("Relu", ["n1"], ["r1"]),
    N("Conv", ["r1", "w2"], ["c2"], pads=pad1),
    N("BatchNormalization", ["c2", "s2", "b2", "m2", "v2"], ["n2"]),
    N("Add", ["n2", "x"], ["sum"]),
    N("Relu", ["sum"], ["r"]),
    N("Conv", ["r", "w3"], ["c3"], strides=[2, 2], pads=pad1),
    N("Conv", ["r", "wp"], ["p"], strides=[2, 2]),
    N("Add", ["c3", "p"], ["sum2"]),
    N("Relu", ["sum2"], ["y"]),
], {"x": x}, {"y": down}, w)

# MLP: flatten, Gemm-Relu twice, Gemm, Softmax.
x = s.randn(3, 4, 5, 5)
w = {"w1": s.randn(32, 100, scale=0.1), "b1": s.randn(32),
     "w2": s.randn(24, 32, scale=0.2), "b2": s.randn(24),
     "w3": s.randn(24, 10, scale=0.2), "b3": s.randn(10)}
h = x.reshape(3, 100)
h = np.maximum(ref.gemm(h, w["w1"], w["b1"], transB=1), 0)
h = np.maximum(ref.gemm(h, w["w2"], w["b2"], transB=1), 0)
y = ref.softmax(ref.gemm(h, w["w3"], w["b3"]), axis=1)
s.graph("mlp", [
    N("Flatten", ["x"], ["f"]),
    N("Gemm", ["f", "w1", "b1"], ["g1"], transB=1),
    N("Relu", ["g1"], ["h1"]),
    N("Gemm", ["h1", "w2", "b2"], ["g2"], transB=1),
    N("Relu", ["g2"], ["h2"]),
    N("Gemm", ["h2", "w3", "b3"], ["g3"]),
    N("Softmax", ["g3"], ["y"], axis=1),
], {"x": x}, {"y": y}, w)

# Two inputs, two outputs; the names need sanitizing to become file names
# ([A-Za-z0-9._-] kept, everything else '_'). The node order in the file is
# not the dependency order.
a, b = s.randn(2, 3, 4), s.randn(3, 4)
s.graph("two_in_two_out_odd_names", [
    N("Mul", ["prod:0", "input/b"], ["out/scaled:0"]),
    N("Mul", ["input:a", "input/b"], ["prod:0"]),
    N("Sigmoid", ["input:a"], ["out sig.v-1"]),
], {"input:a": a, "input/b": b},
    {"out/scaled:0": a * b * b, "out sig.v-1": ref.sigmoid(a)}, check=False)

# Outputs whose names sanitize to the same file: the later one gets _1.
x = s.randn(5)
y1 = np.maximum(x, 0)
s.graph("colliding_output_names", [
    N("Relu", ["x"], ["a/b"]),
    N("Sigmoid", ["x"], ["a:b"]),
], {"x": x}, {"a/b": y1, "a:b": ref.sigmoid(x)})

# A graph output that is a graph input, next to a computed one.
x = s.randn(2, 3)
s.graph("output_is_input", [N("Relu", ["x"], ["y"])], {"x": x},
        {"x": x, "y": np.maximum(x, 0)})
s.graph("only_output_is_input", [], {"x": x}, {"x": x})
# An intermediate value that is also a graph output.
s.graph("intermediate_output", [
    N("Relu", ["x"], ["r"]),
    N("Add", ["r", "x"], ["y"]),
], {"x": x}, {"y": np.maximum(x, 0) + x, "r": np.maximum(x, 0)})

# One value under several output names (Identity makes them the same SSA
# value): every output buffer must be written.
s.graph("one_value_two_outputs", [
    N("Relu", ["x"], ["r"]),
    N("Identity", ["r"], ["y1"]),
    N("Identity", ["r"], ["y2"]),
], {"x": x}, {"y1": np.maximum(x, 0), "y2": np.maximum(x, 0)})
s.graph("input_as_two_outputs", [
    N("Identity", ["x"], ["y1"]),
    N("Identity", ["x"], ["y2"]),
], {"x": x}, {"y1": x, "y2": x})
# Outputs that are weights: an initializer itself, and through Identity.
c = s.randn(3, 2)
s.graph("output_is_initializer", [N("Identity", ["c"], ["y"])], {"x": x},
        {"c": c, "y": c, "x": x}, {"c": c})

# Kernels writing into views: convolutions concatenated along channels and
# along the width (their outputs become strided slices of the concat), a
# conv reading a concat, and a conv whose result is transposed into a
# matrix product.
x = s.randn(1, 6, 9, 11)
w = {"wa": s.randn(4, 6, 1, 1), "wb": s.randn(5, 6, 3, 3), "bb": s.randn(5),
     "wc": s.randn(3, 15, 3, 3), "wd": s.randn(7, 6, 3, 1)}
a = ref.conv(x, w["wa"])
b = ref.conv(x, w["wb"], w["bb"], pads=pad1)
p = ref.pool(x, "max", [3, 3], pads=pad1)
cat = np.concatenate([a, b, p], axis=1)
s.graph("inception_concat_channels", [
    N("Conv", ["x", "wa"], ["a"]),
    N("Conv", ["x", "wb", "bb"], ["b"], pads=pad1),
    N("MaxPool", ["x"], ["p"], kernel_shape=[3, 3], pads=pad1),
    N("Concat", ["a", "b", "p"], ["cat"], axis=1),
    N("Conv", ["cat", "wc"], ["y"], pads=pad1),
], {"x": x}, {"y": ref.conv(cat, w["wc"], pads=pad1), "cat": cat}, w)
d = ref.conv(x, w["wd"], pads=[1, 0, 1, 0])
s.graph("concat_conv_outputs_width", [
    N("Conv", ["x", "wd"], ["d"], pads=[1, 0, 1, 0]),
    N("Conv", ["x", "wd"], ["e"], pads=[1, 0, 1, 0]),
    N("Relu", ["e"], ["r"]),
    N("Concat", ["d", "r"], ["y"], axis=3),
], {"x": x}, {"y": np.concatenate([d, np.maximum(d, 0)], axis=3)}, w)
m = s.randn(11, 5)
t = d.transpose(0, 1, 3, 2)  # [1, 7, 11, 9]
s.graph("conv_transpose_matmul", [
    N("Conv", ["x", "wd"], ["d"], pads=[1, 0, 1, 0]),
    N("Transpose", ["d"], ["t"], perm=[0, 1, 3, 2]),
    N("MatMul", ["d", "m"], ["y1"]),
    N("MatMul", ["t", "t2"], ["y2"]),
    N("Transpose", ["t"], ["t2"], perm=[0, 1, 3, 2]),
], {"x": x}, {"y1": np.matmul(d.astype(np.float64), m).astype(np.float32),
              "y2": np.matmul(t.astype(np.float64), d).astype(np.float32)},
    {**w, "m": m}, check=False)
# One input feeding two convolutions and a graph output.
s.graph("input_to_two_convs_and_output", [
    N("Conv", ["x", "wa"], ["a"]),
    N("Conv", ["x", "wb", "bb"], ["b"], pads=pad1),
], {"x": x}, {"b": b, "x": x, "a": a}, w)

s.main()
