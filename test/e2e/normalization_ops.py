# InstanceNormalization, LRN, LogSoftmax, Hardmax, MeanVarianceNormalization
# and LpNormalization end to end, against float64 numpy references written
# from the ONNX definitions. FP32 relative L2 tolerance; Hardmax's one-hot
# output is exact (tolerance 0).
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import numpy as np

import edgec_testing as et

s = et.Suite("normalization_ops")


def moments(x, axes):
    mean = x.mean(axis=axes, keepdims=True)
    return mean, ((x - mean) ** 2).mean(axis=axes, keepdims=True)


def instancenorm(name, shape, epsilon=None, opset=13):
    x, c = s.randn(*shape), shape[1]
    scale, bias = s.randn(c), s.randn(c)
    wide = x.astype(np.float64)
    mean, var = moments(wide, tuple(range(2, x.ndim)))
    r = [1, c] + [1] * (x.ndim - 2)
    eps = 1e-5 if epsilon is None else epsilon
    y = (wide - mean) / np.sqrt(var + eps) * scale.reshape(r) + bias.reshape(r)
    attrs = {} if epsilon is None else {"epsilon": epsilon}
    s.node(name, "InstanceNormalization", {"x": x},
           {"y": y.astype(np.float32)}, {"scale": scale, "bias": bias},
           opset=opset, **attrs)


instancenorm("instancenorm_4d", (2, 3, 5, 6))
instancenorm("instancenorm_epsilon", (1, 4, 3, 3), epsilon=0.1)
instancenorm("instancenorm_3d", (2, 5, 17))
instancenorm("instancenorm_5d", (1, 2, 3, 4, 5))
instancenorm("instancenorm_opset1", (1, 3, 4, 4), opset=1)


def lrn(name, shape, size, alpha=1e-4, beta=0.75, bias=1.0, opset=13,
        defaults=False):
    x = s.randn(*shape, scale=3.0)
    wide = x.astype(np.float64)
    c = shape[1]
    square_sum = np.zeros_like(wide)
    for i in range(c):
        lo = max(0, i - (size - 1) // 2)
        hi = min(c - 1, i + (size - 1) - (size - 1) // 2)
        square_sum[:, i] = (wide[:, lo:hi + 1] ** 2).sum(axis=1)
    y = wide / (bias + alpha / size * square_sum) ** beta
    attrs = {"size": size}
    if not defaults:
        attrs.update(alpha=alpha, beta=beta, bias=bias)
    s.node(name, "LRN", {"x": x}, {"y": y.astype(np.float32)}, opset=opset,
           **attrs)


lrn("lrn_defaults", (2, 6, 4, 4), 3, defaults=True)
lrn("lrn_alexnet", (1, 8, 5, 5), 5, alpha=1e-4, beta=0.75, bias=2.0)
lrn("lrn_even_size", (1, 7, 3, 3), 4, alpha=0.5, beta=1.5, bias=1.5)
lrn("lrn_size_1", (1, 3, 2, 2), 1, alpha=0.3)
lrn("lrn_size_larger_than_c", (2, 3, 4), 7, alpha=0.2)
lrn("lrn_opset1", (1, 5, 3, 3), 3, opset=1)


def log_softmax_reference(x, axis):
    x = x.astype(np.float64)
    m = x.max(axis=axis, keepdims=True)
    return (x - m - np.log(np.exp(x - m).sum(axis=axis, keepdims=True))
            ).astype(np.float32)


def hardmax_reference(x, axis):
    idx = np.expand_dims(np.argmax(x, axis=axis), axis)
    y = np.zeros_like(x)
    np.put_along_axis(y, idx, 1.0, axis=axis)
    return y


def coerced(fn, x, axis):
    """Before opset 13: flatten to 2-D at axis, apply along axis 1."""
    outer = int(np.prod(x.shape[:axis]))
    return fn(x.reshape(outer, -1), 1).reshape(x.shape)


def axis_op(name, op, fn, x, axis=None, opset=13, tolerance=None):
    attrs = {} if axis is None else {"axis": axis}
    default = -1 if opset >= 13 else 1
    a = default if axis is None else axis
    y = fn(x, a) if opset >= 13 else coerced(fn, x, a % x.ndim)
    s.node(name, op, {"x": x}, {"y": y}, opset=opset,
           tolerance=et.FP32_TOLERANCE if tolerance is None else tolerance,
           **attrs)


axis_op("logsoftmax_default", "LogSoftmax", log_softmax_reference,
        s.randn(3, 10))
axis_op("logsoftmax_axis1_4d", "LogSoftmax", log_softmax_reference,
        s.randn(2, 5, 3, 4), axis=1)
axis_op("logsoftmax_axis0", "LogSoftmax", log_softmax_reference,
        s.randn(4, 6), axis=0)
axis_op("logsoftmax_negative_axis", "LogSoftmax", log_softmax_reference,
        s.randn(2, 3, 7), axis=-2)
axis_op("logsoftmax_large_logits", "LogSoftmax", log_softmax_reference,
        s.randn(4, 8, scale=1000.0))
axis_op("logsoftmax_opset11_coerced", "LogSoftmax", log_softmax_reference,
        s.randn(2, 3, 4), axis=1, opset=11)
axis_op("logsoftmax_opset1_default", "LogSoftmax", log_softmax_reference,
        s.randn(2, 3, 4), opset=1)
axis_op("logsoftmax_opset11_last", "LogSoftmax", log_softmax_reference,
        s.randn(3, 9), opset=11)

ties = s.rng.integers(0, 3, (4, 6, 5)).astype(np.float32)
nan = s.randn(3, 6)
nan[1, 3] = nan[1, 5] = np.nan
for axis in (None, 0, 1, -2):
    tag = "default" if axis is None else str(axis).replace("-", "neg")
    axis_op(f"hardmax_axis_{tag}", "Hardmax", hardmax_reference,
            s.randn(3, 4, 5), axis=axis, tolerance=0)
axis_op("hardmax_ties_first", "Hardmax", hardmax_reference, ties, axis=2,
        tolerance=0)
axis_op("hardmax_nan", "Hardmax", hardmax_reference, nan, tolerance=0)
axis_op("hardmax_opset11_coerced", "Hardmax", hardmax_reference, ties,
        axis=1, opset=11, tolerance=0)
axis_op("hardmax_opset1_default", "Hardmax", hardmax_reference,
        s.randn(2, 3, 4), opset=1, tolerance=0)


def mvn(name, shape, axes=None, opset=13):
    x = s.randn(*shape)
    wide = x.astype(np.float64)
    mean, var = moments(wide, tuple(axes if axes is not None else (0, 2, 3)))
    y = (wide - mean) / (np.sqrt(var) + 1e-9)
    attrs = {} if axes is None else {"axes": axes}
    s.node(name, "MeanVarianceNormalization", {"x": x},
           {"y": y.astype(np.float32)}, opset=opset, **attrs)


mvn("mvn_default_axes", (2, 3, 4, 5))
mvn("mvn_last_axis", (3, 16), axes=[1])
mvn("mvn_axes_unsorted_negative", (2, 3, 4, 5), axes=[-1, 1])
mvn("mvn_opset9", (2, 3, 2, 2), opset=9)


def lpnorm(name, x, axis=None, p=None):
    wide = x.astype(np.float64)
    a = -1 if axis is None else axis
    q = 2 if p is None else p
    norm = (np.abs(wide) ** q).sum(axis=a, keepdims=True) ** (1.0 / q)
    attrs = {}
    if axis is not None:
        attrs["axis"] = axis
    if p is not None:
        attrs["p"] = p
    s.node(name, "LpNormalization", {"x": x},
           {"y": (wide / norm).astype(np.float32)}, opset=13, **attrs)


lpnorm("lpnorm_default", s.randn(3, 8))
lpnorm("lpnorm_p1", s.randn(3, 8), p=1)
lpnorm("lpnorm_axis1_4d", s.randn(2, 4, 3, 3), axis=1)
lpnorm("lpnorm_axis0_p1", s.randn(5, 3), axis=0, p=1)

s.main()
