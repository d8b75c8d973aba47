# BatchNormalization (inference) and Softmax end to end (Softmax-1/11
# flatten the input to 2-D at axis).
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import numpy as np

import edgec_testing as et

s = et.Suite("normalization")


def batchnorm(name, shape, opset=13, **attrs):
    c = shape[1]
    x = s.randn(*shape)
    params = {
        "scale": s.randn(c),
        "bias": s.randn(c),
        "mean": s.randn(c),
        "var": s.uniform(0.1, 2.0, c),
    }
    y = et.ref.batchnorm(x, *params.values(), attrs.get("epsilon", 1e-5))
    s.node(name, "BatchNormalization", {"x": x}, {"y": y}, params,
           opset=opset, **attrs)


batchnorm("batchnorm_4d", (2, 5, 6, 7))
batchnorm("batchnorm_epsilon", (1, 3, 4, 4), epsilon=0.5)
batchnorm("batchnorm_2d", (6, 4))
batchnorm("batchnorm_3d", (2, 3, 11))
batchnorm("batchnorm_opset9", (1, 4, 3, 3), opset=9)
batchnorm("batchnorm_opset15", (1, 4, 3, 3), opset=15)
# Tiny variances: the epsilon decides the result.
x = s.randn(1, 2, 3, 3)
params = {"scale": np.ones(2, np.float32), "bias": np.zeros(2, np.float32),
          "mean": np.zeros(2, np.float32), "var": np.zeros(2, np.float32)}
s.node("batchnorm_zero_variance", "BatchNormalization", {"x": x},
       {"y": et.ref.batchnorm(x, *params.values(), 1e-3)}, params,
       epsilon=1e-3)


def softmax(name, x, axis=None, opset=13):
    attrs = {} if axis is None else {"axis": axis}
    ref_axis = axis if axis is not None else (-1 if opset >= 13 else 1)
    s.node(name, "Softmax", {"x": x}, {"y": et.ref.softmax(x, ref_axis)},
           opset=opset, **attrs)


softmax("softmax_last_axis", s.randn(3, 10))
softmax("softmax_last_axis_explicit", s.randn(2, 3, 17), axis=2)
softmax("softmax_negative_axis", s.randn(2, 3, 17), axis=-1)
softmax("softmax_axis1_4d", s.randn(2, 5, 3, 4), axis=1)
softmax("softmax_axis0", s.randn(4, 6), axis=0)
softmax("softmax_axis2_4d", s.randn(2, 3, 4, 5), axis=2)
softmax("softmax_1d", s.randn(9))
# Logits whose exp overflows float32: only the max subtraction saves them.
softmax("softmax_large_logits", s.randn(4, 8, scale=1000.0))
softmax("softmax_large_equal", np.full((2, 5), 1e30, np.float32))
softmax("softmax_axis_of_size_1", s.randn(3, 1, 4), axis=1)
masked = s.randn(3, 6)
masked[:, ::2] = -np.inf  # attention-style masks
softmax("softmax_masked_minus_inf", masked)
softmax("softmax_opset11_last", s.randn(3, 7), axis=1, opset=11)
softmax("softmax_opset1_default", s.randn(4, 6), opset=1)


def softmax_coerced(name, x, axis=None, opset=11):
    """Before opset 13: softmax over all the dimensions from axis (default
    1) on, the input seen as 2-D."""
    a = 1 if axis is None else axis % x.ndim
    outer = int(np.prod(x.shape[:a]))
    y = et.ref.softmax(x.reshape(outer, -1), 1).reshape(x.shape)
    attrs = {} if axis is None else {"axis": axis}
    s.node(name, "Softmax", {"x": x}, {"y": y}, opset=opset, **attrs)


softmax_coerced("softmax_opset11_flatten_default", s.randn(2, 3, 4))
softmax_coerced("softmax_opset11_flatten_axis0", s.randn(2, 3, 4), axis=0)
softmax_coerced("softmax_opset1_flatten_axis1_4d", s.randn(2, 3, 2, 2),
                axis=1, opset=1)
softmax_coerced("softmax_opset11_trailing_ones", s.randn(2, 5, 1, 1), axis=1)

s.main()
