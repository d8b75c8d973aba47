# MaxPool, AveragePool and GlobalAveragePool end to end: strides, pads,
# ceil_mode, dilation, count_include_pad, auto_pad, 1-D windows.
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import numpy as np

import edgec_testing as et

s = et.Suite("pool")


def pool(name, op, shape, kernel, opset=13, **attrs):
    x = s.randn(*shape)
    kind = "max" if op == "MaxPool" else "avg"
    y = et.ref.pool(x, kind, kernel, **attrs)
    s.node(name, op, {"x": x}, {"y": y}, kernel_shape=kernel, opset=opset,
           **attrs)


pool("maxpool_2x2_s2", "MaxPool", (1, 3, 8, 8), [2, 2], strides=[2, 2])
pool("maxpool_2x2_s2_odd", "MaxPool", (2, 3, 9, 11), [2, 2], strides=[2, 2])
pool("maxpool_3x3_s2_pad1", "MaxPool", (1, 4, 13, 13), [3, 3],
     strides=[2, 2], pads=[1, 1, 1, 1])
pool("maxpool_3x3_s1", "MaxPool", (1, 2, 7, 9), [3, 3])
pool("maxpool_ceil", "MaxPool", (1, 2, 8, 8), [3, 3], strides=[2, 2],
     ceil_mode=1)
pool("maxpool_ceil_pads", "MaxPool", (1, 2, 10, 7), [3, 2], strides=[2, 2],
     pads=[1, 0, 1, 1], ceil_mode=1)
pool("maxpool_ceil_no_extra", "MaxPool", (1, 2, 9, 9), [3, 3],
     strides=[2, 2], ceil_mode=1)
pool("maxpool_dilation_2", "MaxPool", (1, 3, 10, 10), [2, 2],
     dilations=[2, 2])
pool("maxpool_dilation_2_stride_2_pad", "MaxPool", (1, 2, 11, 11), [3, 3],
     dilations=[2, 2], strides=[2, 2], pads=[2, 2, 2, 2])
pool("maxpool_asymmetric_pads", "MaxPool", (1, 2, 6, 7), [2, 3],
     pads=[1, 0, 0, 2])
pool("maxpool_same_upper", "MaxPool", (1, 2, 7, 8), [3, 3], strides=[2, 2],
     auto_pad="SAME_UPPER")
pool("maxpool_same_lower", "MaxPool", (1, 2, 7, 8), [2, 2], strides=[2, 2],
     auto_pad="SAME_LOWER")
pool("maxpool_valid", "MaxPool", (1, 2, 7, 8), [3, 3], strides=[2, 2],
     auto_pad="VALID")
pool("maxpool_1d", "MaxPool", (2, 3, 17), [3], strides=[2], pads=[1, 1])
pool("maxpool_1d_ceil_dilation", "MaxPool", (1, 2, 16), [2], strides=[3],
     dilations=[2], ceil_mode=1)
pool("maxpool_opset8", "MaxPool", (1, 2, 6, 6), [2, 2], strides=[2, 2],
     opset=8)
pool("maxpool_opset10_ceil", "MaxPool", (1, 2, 7, 7), [2, 2],
     strides=[2, 2], ceil_mode=1, opset=10)
# All-negative input: padding must not win the max.
x = -np.abs(s.randn(1, 2, 5, 5)) - 1
s.node("maxpool_negative_pad1", "MaxPool", {"x": x},
       {"y": et.ref.pool(x, "max", [3, 3], pads=[1, 1, 1, 1])},
       kernel_shape=[3, 3], pads=[1, 1, 1, 1])

for cip in (0, 1):
    pool(f"avgpool_pads_cip{cip}", "AveragePool", (1, 3, 7, 7), [3, 3],
         pads=[1, 1, 1, 1], count_include_pad=cip)
    pool(f"avgpool_asym_pads_s2_cip{cip}", "AveragePool", (2, 2, 8, 9),
         [3, 2], strides=[2, 2], pads=[0, 1, 2, 1], count_include_pad=cip)
    pool(f"avgpool_ceil_cip{cip}", "AveragePool", (1, 2, 8, 8), [3, 3],
         strides=[2, 2], ceil_mode=1, count_include_pad=cip)
    pool(f"avgpool_ceil_pads_cip{cip}", "AveragePool", (1, 2, 10, 7),
         [3, 3], strides=[2, 2], pads=[1, 1, 1, 1], ceil_mode=1,
         count_include_pad=cip)
    pool(f"avgpool_1d_cip{cip}", "AveragePool", (1, 3, 12), [4],
         strides=[3], pads=[2, 1], count_include_pad=cip)
    pool(f"avgpool_same_upper_cip{cip}", "AveragePool", (1, 2, 7, 8), [3, 3],
         strides=[2, 2], auto_pad="SAME_UPPER", count_include_pad=cip)
pool("avgpool_2x2_s2", "AveragePool", (1, 4, 8, 10), [2, 2], strides=[2, 2])
pool("avgpool_global_window", "AveragePool", (1, 3, 5, 6), [5, 6])
pool("avgpool_opset7", "AveragePool", (1, 2, 6, 6), [3, 3], pads=[1, 1, 1, 1],
     opset=7)
pool("avgpool_opset10_ceil", "AveragePool", (1, 2, 7, 7), [2, 2],
     strides=[2, 2], ceil_mode=1, opset=10)

for tag, shape in [("2d", (2, 5, 7, 9)), ("1d", (3, 4, 13)),
                   ("2d_1x1", (1, 6, 1, 1)), ("2d_large", (1, 8, 32, 32))]:
    x = s.randn(*shape)
    y = x.astype(np.float64).mean(axis=tuple(range(2, x.ndim)),
                                  keepdims=True).astype(np.float32)
    s.node(f"globalavgpool_{tag}", "GlobalAveragePool", {"x": x}, {"y": y})

s.main()
