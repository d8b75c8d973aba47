# LayerNormalization-17 end to end (axes, epsilon, scale/bias broadcasting,
# no bias, the Mean and InvStdDev outputs), and the opset-13 decomposition
# torch 1.13 exports for nn.LayerNorm (ReduceMean, Sub, Pow 2, ReduceMean,
# Add epsilon, Sqrt, Div, Mul, Add). FP32 relative L2 tolerance against the
# float64 definition (population variance).
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import subprocess

import numpy as np
from onnx import helper

import edgec_testing as et

s = et.Suite("normalization_layernorm")


def layernorm_reference(x, w, b, axis, epsilon):
    x = x.astype(np.float64)
    axes = tuple(range(axis % x.ndim, x.ndim))
    mean = x.mean(axis=axes, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=axes, keepdims=True)
    inv = 1 / np.sqrt(var + epsilon)
    y = (x - mean) * inv * w
    if b is not None:
        y = y + b
    return (y.astype(np.float32), mean.astype(np.float32),
            inv.astype(np.float32))


def layernorm(name, shape, axis=-1, epsilon=1e-5, bias=True, stats=False,
              param_shape=None, offset=0.0):
    x = s.randn(*shape) + np.float32(offset)
    pshape = param_shape or shape[axis % len(shape):]
    w = s.randn(*pshape)
    b = s.randn(*pshape) if bias else None
    y, mean, inv = layernorm_reference(x, w, b, axis, epsilon)
    expected = {"y": y, "mean": mean, "inv_std_dev": inv} if stats else {
        "y": y}
    weights = {"w": w, "b": b} if bias else {"w": w}
    s.node(name, "LayerNormalization", {"x": x}, expected, weights, opset=17,
           axis=axis, epsilon=epsilon)


layernorm("layernorm_last_axis", (2, 5, 16))
layernorm("layernorm_vit_tokens", (1, 17, 64), epsilon=1e-6)
layernorm("layernorm_axis1", (2, 3, 4, 5), axis=1)
layernorm("layernorm_axis0", (3, 4), axis=0)
layernorm("layernorm_negative_axis", (2, 3, 4, 5), axis=-2, epsilon=1e-3)
layernorm("layernorm_no_bias", (4, 10), bias=False)
layernorm("layernorm_stats", (2, 3, 8), stats=True)
layernorm("layernorm_stats_axis1", (2, 3, 4), axis=1, stats=True)
layernorm("layernorm_broadcast_scale", (2, 3, 4, 5), axis=1,
          param_shape=(4, 1))
# A mean 10 times the spread: the two-pass variance (mean of squared
# deviations) stays accurate where E[x^2] - E[x]^2 would cancel. (Float32
# statistics, which stash_type = 1 asks for, still lose the mean's last bits
# when it is ~1000 times the spread.)
layernorm("layernorm_offset_mean", (3, 32), offset=10.0)


def ops_available(ops):
    listed = subprocess.run(["edgec", "--list-ops"], capture_output=True,
                            text=True, check=True).stdout
    return all(f"| {op} |" in listed for op in ops)


DECOMPOSED = ["ReduceMean", "Sub", "Pow", "Add", "Sqrt", "Div", "Mul"]


def decomposed(name, shape, epsilon=1e-5):
    """nn.LayerNorm(shape[-1]) as torch.onnx.export writes it at opset 13."""
    x = s.randn(*shape)
    w, b = s.randn(shape[-1]), s.randn(shape[-1])
    nodes = [
        helper.make_node("ReduceMean", ["x"], ["mean"], axes=[-1]),
        helper.make_node("Sub", ["x", "mean"], ["centered"]),
        helper.make_node("Pow", ["centered", "two"], ["squared"]),
        helper.make_node("ReduceMean", ["squared"], ["var"], axes=[-1]),
        helper.make_node("Add", ["var", "eps"], ["var_eps"]),
        helper.make_node("Sqrt", ["var_eps"], ["std"]),
        helper.make_node("Div", ["centered", "std"], ["normalized"]),
        helper.make_node("Mul", ["normalized", "w"], ["scaled"]),
        helper.make_node("Add", ["scaled", "b"], ["y"]),
    ]
    weights = {"two": np.array(2.0, np.float32),
               "eps": np.array(epsilon, np.float32), "w": w, "b": b}
    y, _, _ = layernorm_reference(x, w, b, -1, epsilon)
    s.graph(name, nodes, {"x": x}, {"y": y}, weights, opset=13)


# The elementwise ops come from another family; the decomposition is
# checked once they are all in the op table.
if ops_available(DECOMPOSED):
    decomposed("layernorm_torch_opset13", (2, 7, 32))
    decomposed("layernorm_torch_opset13_vit", (1, 197, 64), epsilon=1e-6)
else:
    print("note: layernorm_torch_opset13 skipped: edgec --list-ops lacks "
          "some of " + ", ".join(DECOMPOSED))

s.main()
