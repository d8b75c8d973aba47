# Activations end to end: defaults and explicit attributes, random values
# around the kinks, tiny negative values (where exp(x) - 1 would cancel),
# special values; PRelu's slope broadcast every way it can; the GELU, SiLU,
# Mish and tanh-GELU chains exporters write. fp32 relative L2 <= 1e-5
# against float64 numpy; integer ReLU exact.
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import math

import numpy as np
from onnx import helper

import edgec_testing as et
import refs_elementwise as refs

s = et.Suite("elementwise_activations")
N = helper.make_node
NAN, INF = np.nan, np.inf


def f32(values):
    return np.asarray(values, np.float32)


SHAPE = (2, 3, 37)
SPECIAL = f32([NAN, INF, -INF, 0.0, -0.0, 1.0, -1.0, 100.0, -100.0, 1e30,
               -1e30])
# Small negative values: alpha * (exp(x) - 1) loses digits there.
TINY_NEGATIVE = -np.exp(s.uniform(np.log(1e-6), np.log(1e-2), 64)).astype(
    np.float32)


def activation(name, op, ref, opset=13, inputs=None, **attrs):
    inputs = inputs or {"x": s.randn(*SHAPE, scale=3.0), "s": SPECIAL,
                        "t": TINY_NEGATIVE}
    nodes = [N(op, [k], [f"y_{k}"], **attrs) for k in inputs]
    with np.errstate(all="ignore"):
        expected = {f"y_{k}": ref(v).astype(np.float32)
                    for k, v in inputs.items()}
    s.graph(name, nodes, inputs, expected, opset=opset)


activation("softplus", "Softplus", refs.softplus, opset=1,
           inputs={"x": s.uniform(-40, 40, *SHAPE), "s": SPECIAL,
                   "t": TINY_NEGATIVE})
activation("softsign", "Softsign", refs.softsign, opset=1)
activation("hardsigmoid_default", "HardSigmoid", refs.hard_sigmoid, opset=6)
activation("hardsigmoid_attrs", "HardSigmoid",
           lambda x: refs.hard_sigmoid(x, alpha=np.float32(0.7),
                                       beta=np.float32(-0.25)),
           opset=6, alpha=0.7, beta=-0.25)
activation("hardswish", "HardSwish", refs.hard_swish, opset=14)
activation("leakyrelu_default", "LeakyRelu",
           lambda x: refs.leaky_relu(x, np.float32(0.01)), opset=6)
activation("leakyrelu_alpha", "LeakyRelu",
           lambda x: refs.leaky_relu(x, np.float32(0.2)), opset=16, alpha=0.2)
activation("elu_default", "Elu", refs.elu, opset=6)
activation("elu_alpha", "Elu", lambda x: refs.elu(x, np.float32(0.3)),
           opset=6, alpha=0.3)
activation("selu_default", "Selu", refs.selu, opset=6)
activation("selu_attrs", "Selu", lambda x: refs.selu(x, 2.0, 0.5), opset=6,
           alpha=2.0, gamma=0.5)
activation("celu_default", "Celu", refs.celu, opset=12)
activation("celu_alpha", "Celu", lambda x: refs.celu(x, 2.5), opset=12,
           alpha=2.5)
activation("celu_negative_alpha", "Celu", lambda x: refs.celu(x, -0.5),
           opset=12, alpha=-0.5)
activation("thresholdedrelu_default", "ThresholdedRelu",
           refs.thresholded_relu, opset=10)
activation("thresholdedrelu_alpha", "ThresholdedRelu",
           lambda x: refs.thresholded_relu(x, np.float32(-0.3)), opset=10,
           alpha=-0.3)
activation("shrink_default", "Shrink", refs.shrink, opset=9)
activation("shrink_attrs", "Shrink", lambda x: refs.shrink(x, 1.5, 2.0),
           opset=9, bias=1.5, lambd=2.0)

# Integer ReLU (Relu-14), exact.
for dtype in (np.int32, np.int64):
    info = np.iinfo(dtype)
    x = np.array([info.min, -5, -1, 0, 1, 5, info.max], dtype)
    s.node(f"relu_{np.dtype(dtype).name}", "Relu", {"x": x},
           {"y": np.maximum(x, 0)}, opset=14, tolerance=0.0)

# PRelu: the slope broadcasts to X's shape from the trailing dimensions.
X = s.randn(2, 3, 4, 5)
for tag, slope_shape in [("channel", (3, 1, 1)), ("channel_4d", (1, 3, 1, 1)),
                         ("scalar", (1,)), ("rank0", ()), ("width", (5,)),
                         ("full", (2, 3, 4, 5)), ("rows", (4, 1)),
                         ("batch", (2, 1, 1, 1))]:
    slope = s.uniform(-1, 1, *slope_shape)
    s.node(f"prelu_{tag}", "PRelu", {"x": X, "slope": slope},
           {"y": refs.prelu(X, slope).astype(np.float32)}, opset=16)
# A constant slope, as exporters write it, at PRelu-9.
slope = s.uniform(0, 0.5, 3, 1, 1)
s.node("prelu_constant_slope", "PRelu", {"x": X},
       {"y": refs.prelu(X, slope).astype(np.float32)}, {"slope": slope},
       opset=9)
# PRelu-6: a slope of C elements applies along dimension 1.
slope = s.uniform(0, 0.5, 3)
s.node("prelu_opset6_channels", "PRelu", {"x": X},
       {"y": refs.prelu(X, slope.reshape(3, 1, 1)).astype(np.float32)},
       {"slope": slope}, opset=6)
s.node("prelu_special", "PRelu", {"x": SPECIAL},
       {"y": refs.prelu(SPECIAL, np.float32(0.25)).astype(np.float32)},
       {"slope": f32([0.25])}, opset=7)

# The chains torch 1.13 exports. GELU: x * 0.5 * (1 + erf(x / sqrt(2))).
x = s.randn(2, 8, 37, scale=3.0)
consts = {"sqrt2": f32(1.4142135381698608), "one": f32(1.0),
          "half": f32(0.5)}
s.graph("gelu_erf_chain", [
    N("Div", ["x", "sqrt2"], ["d"]), N("Erf", ["d"], ["e"]),
    N("Add", ["e", "one"], ["a"]), N("Mul", ["x", "a"], ["m"]),
    N("Mul", ["m", "half"], ["y"]),
], {"x": x}, {"y": refs.gelu(x).astype(np.float32)}, consts)
# GELU with tanh: 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3))).
k = math.sqrt(2 / math.pi)
xd = x.astype(np.float64)
tanh_gelu = 0.5 * xd * (1 + np.tanh(k * (xd + 0.044715 * xd ** 3)))
s.graph("gelu_tanh_chain", [
    N("Pow", ["x", "three"], ["p"]), N("Mul", ["p", "c"], ["pc"]),
    N("Add", ["x", "pc"], ["inner"]), N("Mul", ["inner", "k"], ["ik"]),
    N("Tanh", ["ik"], ["t"]), N("Add", ["t", "one"], ["t1"]),
    N("Mul", ["x", "t1"], ["xt"]), N("Mul", ["xt", "half"], ["y"]),
], {"x": x}, {"y": tanh_gelu.astype(np.float32)},
    {"three": f32(3.0), "c": f32(0.044715), "k": f32(k), "one": f32(1.0),
     "half": f32(0.5)})
# SiLU: x * sigmoid(x); Mish: x * tanh(softplus(x)).
s.graph("silu_chain", [N("Sigmoid", ["x"], ["g"]), N("Mul", ["x", "g"], ["y"])],
        {"x": x}, {"y": (xd / (1 + np.exp(-xd))).astype(np.float32)})
s.graph("mish_chain", [N("Softplus", ["x"], ["sp"]), N("Tanh", ["sp"], ["t"]),
                       N("Mul", ["x", "t"], ["y"])],
        {"x": x}, {"y": (xd * np.tanh(refs.softplus(xd))).astype(np.float32)})

s.main()
