# Conv end to end: every layout the lowering distinguishes (dense, depthwise,
# grouped, depthwise with a channel multiplier), every window attribute, and
# output widths and channel counts that leave remainder tiles in the
# register-blocked kernels (filters x vectors*lanes), on the host and on the
# Raspberry Pi 4 under qemu.
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import edgec_testing as et

s = et.Suite("conv")


def conv(name, x_shape, w_shape, bias=True, runtime_weights=False, **attrs):
    """A Conv case with random input, weights and (optionally) bias; the
    weights are initializers unless `runtime_weights` makes them inputs."""
    x = s.randn(*x_shape)
    w = s.randn(*w_shape)
    weights = {"w": w}
    if bias:
        weights["b"] = s.randn(w_shape[0])
    kw = {k: v for k, v in attrs.items() if k != "kernel_shape"}
    y = et.ref.conv(x, w, weights.get("b"), **kw)
    if runtime_weights:
        s.node(name, "Conv", {"x": x, **weights}, {"y": y}, **attrs)
    else:
        s.node(name, "Conv", {"x": x}, {"y": y}, weights, **attrs)


# Dense.
conv("dense_3x3_pad1", (1, 3, 8, 8), (8, 3, 3, 3), pads=[1, 1, 1, 1])
conv("dense_no_bias", (1, 3, 8, 8), (8, 3, 3, 3), bias=False,
     pads=[1, 1, 1, 1])
conv("dense_kernel_shape_attr", (1, 2, 6, 6), (4, 2, 3, 3),
     kernel_shape=[3, 3])
conv("dense_batch2", (2, 3, 9, 10), (6, 3, 3, 3), pads=[1, 1, 1, 1])
conv("dense_5x5", (1, 2, 12, 12), (4, 2, 5, 5), pads=[2, 2, 2, 2])
conv("dense_1x3", (1, 4, 5, 9), (4, 4, 1, 3), pads=[0, 1, 0, 1])
conv("dense_3x1", (1, 4, 9, 5), (4, 4, 3, 1), pads=[1, 0, 1, 0])
conv("pointwise_1x1", (1, 16, 7, 7), (24, 16, 1, 1))
conv("pointwise_1x1_no_bias", (1, 5, 3, 11), (6, 5, 1, 1), bias=False)

# Output widths that leave remainder vectors and remainder tiles.
for width in (7, 13, 19, 33, 50):
    conv(f"width_{width}", (1, 3, 3, width), (4, 3, 3, 3), pads=[1, 1, 1, 1])
# Output channels that are not a multiple of the filter tile (4).
for filters in (1, 3, 5, 7):
    conv(f"filters_{filters}", (1, 3, 5, 10), (filters, 3, 3, 3),
         pads=[1, 1, 1, 1])

# Strides, dilations, pads.
conv("stride_2", (1, 3, 11, 11), (5, 3, 3, 3), strides=[2, 2],
     pads=[1, 1, 1, 1])
conv("stride_3", (1, 2, 14, 20), (4, 2, 3, 3), strides=[3, 3])
conv("stride_2_wide", (1, 2, 4, 67), (4, 2, 3, 3), strides=[1, 2],
     pads=[1, 1, 1, 1])  # 34 strided columns: shuffles in every tile kind
conv("stride_2x1", (1, 3, 9, 9), (4, 3, 3, 3), strides=[2, 1])
conv("dilation_2", (1, 3, 10, 10), (4, 3, 3, 3), dilations=[2, 2],
     pads=[2, 2, 2, 2])
conv("dilation_2_stride_2", (1, 2, 13, 13), (6, 2, 3, 3), dilations=[2, 2],
     strides=[2, 2])
conv("asymmetric_pads", (1, 3, 7, 9), (4, 3, 3, 3), pads=[0, 1, 2, 0])
conv("auto_pad_same_upper", (1, 3, 9, 10), (4, 3, 4, 4),
     auto_pad="SAME_UPPER", strides=[2, 2])
conv("auto_pad_same_lower", (1, 3, 9, 10), (4, 3, 4, 4),
     auto_pad="SAME_LOWER", strides=[2, 2])
conv("auto_pad_same_upper_stride1", (1, 2, 6, 7), (3, 2, 2, 2),
     auto_pad="SAME_UPPER")
conv("auto_pad_valid", (1, 3, 9, 10), (4, 3, 3, 3), auto_pad="VALID",
     strides=[2, 2])

# Depthwise: one filter per channel.
conv("depthwise_3x3", (1, 8, 10, 10), (8, 1, 3, 3), group=8,
     pads=[1, 1, 1, 1])
conv("depthwise_stride_2_odd", (1, 6, 15, 27), (6, 1, 3, 3), group=6,
     pads=[1, 1, 1, 1], strides=[2, 2])
conv("depthwise_dilation_2", (1, 4, 12, 12), (4, 1, 3, 3), group=4,
     dilations=[2, 2], pads=[2, 2, 2, 2], bias=False)
conv("depthwise_batch2_width_37", (2, 3, 3, 37), (3, 1, 3, 3), group=3,
     pads=[1, 1, 1, 1])
# Depthwise with channel multiplier 2: two filters per channel.
conv("depthwise_multiplier_2", (1, 4, 8, 9), (8, 1, 3, 3), group=4,
     pads=[1, 1, 1, 1])

# Grouped.
conv("grouped_2", (1, 8, 7, 7), (8, 4, 3, 3), group=2, pads=[1, 1, 1, 1])
conv("grouped_4", (1, 8, 6, 13), (12, 2, 3, 3), group=4, pads=[1, 1, 1, 1])
conv("grouped_4_stride_2_no_bias", (2, 8, 9, 9), (4, 2, 3, 3), group=4,
     strides=[2, 2], bias=False)
conv("grouped_2_1x1", (1, 6, 5, 5), (10, 3, 1, 1), group=2)

# Weights computed at run time (graph inputs) rather than initializers.
conv("dense_runtime_weights", (1, 3, 6, 9), (5, 3, 3, 3),
     runtime_weights=True, pads=[1, 1, 1, 1])
conv("depthwise_runtime_weights", (1, 4, 6, 9), (4, 1, 3, 3), group=4,
     runtime_weights=True, strides=[2, 2])
conv("grouped_runtime_weights", (1, 6, 6, 9), (9, 2, 3, 3), group=3,
     runtime_weights=True, bias=False, dilations=[1, 2])

# A layer of realistic size: long reductions, several full tiles.
conv("dense_32x32_16x16", (1, 32, 16, 16), (32, 32, 3, 3), pads=[1, 1, 1, 1])

# 1-D.
conv("conv1d", (1, 3, 20), (5, 3, 3), pads=[1, 1])
conv("conv1d_stride_dilation", (2, 4, 31), (6, 4, 3), strides=[2],
     dilations=[2], pads=[2, 1])
conv("conv1d_depthwise", (1, 4, 19), (4, 1, 5), group=4, pads=[2, 2])
conv("conv1d_grouped_same", (1, 6, 16), (6, 3, 4), group=2,
     auto_pad="SAME_LOWER")

s.main()
