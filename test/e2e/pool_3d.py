# MaxPool, AveragePool and LpPool over 3-D windows end to end: strides,
# pads, dilation, ceil_mode, count_include_pad, auto_pad. FP32 relative L2
# tolerance against float64 numpy; max pooling selects and is exact
# (tolerance 0).
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import numpy as np

import edgec_testing as et
import refs_pooling

s = et.Suite("pool_3d")


def pool(name, op, shape, kernel, **attrs):
    x = s.randn(*shape)
    kind = "max" if op == "MaxPool" else "avg"
    y = et.ref.pool(x, kind, kernel, **attrs)
    s.node(name, op, {"x": x}, {"y": y}, kernel_shape=kernel,
           tolerance=0 if kind == "max" else et.FP32_TOLERANCE, **attrs)


pool("maxpool3d_2x2x2_s2", "MaxPool", (1, 2, 6, 6, 6), [2, 2, 2],
     strides=[2, 2, 2])
pool("maxpool3d_pads_strides", "MaxPool", (2, 3, 5, 7, 6), [3, 3, 2],
     strides=[2, 1, 2], pads=[1, 1, 0, 1, 0, 1])
pool("maxpool3d_dilation", "MaxPool", (1, 2, 7, 7, 7), [2, 2, 2],
     dilations=[2, 1, 3])
pool("maxpool3d_ceil", "MaxPool", (1, 2, 7, 8, 5), [3, 2, 2],
     strides=[2, 2, 2], ceil_mode=1)
pool("maxpool3d_same_upper", "MaxPool", (1, 1, 5, 6, 7), [3, 3, 3],
     strides=[2, 2, 2], auto_pad="SAME_UPPER")
for cip in (0, 1):
    pool(f"avgpool3d_pads_cip{cip}", "AveragePool", (1, 2, 5, 6, 7),
         [3, 3, 3], pads=[1, 1, 1, 1, 1, 1], count_include_pad=cip)
    pool(f"avgpool3d_ceil_cip{cip}", "AveragePool", (1, 2, 8, 7, 6),
         [3, 2, 3], strides=[2, 2, 2], pads=[0, 1, 1, 1, 0, 0], ceil_mode=1,
         count_include_pad=cip)
pool("avgpool3d_default", "AveragePool", (1, 3, 8, 8, 8), [2, 2, 2])

x = s.randn(1, 2, 6, 5, 7)
y = refs_pooling.lp_pool(x, [2, 3, 2], 2, [2, 1, 2], [1, 0, 0, 0, 1, 1])
s.node("lppool3d_p2", "LpPool", {"x": x}, {"y": y}, kernel_shape=[2, 3, 2],
       strides=[2, 1, 2], pads=[1, 0, 0, 0, 1, 1])

s.main()
