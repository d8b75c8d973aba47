# GlobalMaxPool, LpPool and GlobalLpPool end to end: p = 1, 2 and 3, pads,
# strides, auto_pad, 1-D windows, and LpPool-1/GlobalLpPool-1's float p.
# FP32 relative L2 tolerance against float64 numpy; GlobalMaxPool selects
# and is exact (tolerance 0).
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import numpy as np

import edgec_testing as et
import refs_pooling

s = et.Suite("pool_lp")


def lp_pool(name, shape, kernel, p=None, opset=13, **attrs):
    x = s.randn(*shape)
    q = 2 if p is None else p
    y = refs_pooling.lp_pool(x, kernel, q, attrs.get("strides"),
                          attrs.get("pads"), attrs.get("auto_pad", "NOTSET"))
    if p is not None:
        attrs["p"] = float(p) if opset < 2 else p
    s.node(name, "LpPool", {"x": x}, {"y": y}, opset=opset,
           kernel_shape=kernel, **attrs)


lp_pool("lppool_default_p2", (1, 3, 8, 8), [2, 2], strides=[2, 2])
lp_pool("lppool_p1_pads", (2, 2, 7, 7), [3, 3], p=1, pads=[1, 1, 1, 1])
lp_pool("lppool_p3_strides", (1, 2, 9, 10), [3, 2], p=3, strides=[2, 3])
lp_pool("lppool_asymmetric_pads", (1, 2, 6, 7), [2, 3], p=2,
        pads=[1, 0, 0, 2])
lp_pool("lppool_same_upper", (1, 2, 7, 8), [3, 3], strides=[2, 2],
        auto_pad="SAME_UPPER")
lp_pool("lppool_same_lower", (1, 2, 7, 8), [2, 2], p=1, strides=[2, 2],
        auto_pad="SAME_LOWER")
lp_pool("lppool_1d", (2, 3, 17), [3], p=2, strides=[2], pads=[1, 1])
lp_pool("lppool_opset2", (1, 2, 6, 6), [2, 2], p=2, strides=[2, 2], opset=2)
lp_pool("lppool_opset1_float_p", (1, 2, 6, 6), [2, 2], p=3, opset=1)
lp_pool("lppool_opset1_default", (1, 2, 6, 6), [3, 3], opset=1)


def global_lp(name, shape, p=None, opset=13):
    x = s.randn(*shape)
    q = 2 if p is None else p
    axes = tuple(range(2, x.ndim))
    y = ((np.abs(x.astype(np.float64)) ** q).sum(axis=axes, keepdims=True)
         ** (1.0 / q)).astype(np.float32)
    attrs = {} if p is None else {"p": float(p) if opset < 2 else p}
    s.node(name, "GlobalLpPool", {"x": x}, {"y": y}, opset=opset, **attrs)


global_lp("globallppool_default", (2, 5, 7, 9))
global_lp("globallppool_p1", (1, 4, 6, 6), p=1)
global_lp("globallppool_p3_1d", (3, 4, 13), p=3)
global_lp("globallppool_opset1", (1, 3, 4, 4), p=1, opset=1)

for tag, shape in [("2d", (2, 5, 7, 9)), ("1d", (3, 4, 13)),
                   ("3d", (1, 3, 4, 5, 6)), ("2d_1x1", (1, 6, 1, 1))]:
    x = s.randn(*shape)
    y = x.max(axis=tuple(range(2, x.ndim)), keepdims=True)
    s.node(f"globalmaxpool_{tag}", "GlobalMaxPool", {"x": x}, {"y": y},
           tolerance=0)
x = -np.abs(s.randn(1, 2, 5, 5)) - 1  # all negative: the start must be -inf
s.node("globalmaxpool_negative", "GlobalMaxPool", {"x": x},
       {"y": x.max(axis=(2, 3), keepdims=True)}, tolerance=0)
x = s.randn(1, 2, 3, 3)
x[0, 1, 1, 2] = np.nan
s.node("globalmaxpool_nan", "GlobalMaxPool", {"x": x},
       {"y": x.max(axis=(2, 3), keepdims=True)}, tolerance=0)

s.main()
