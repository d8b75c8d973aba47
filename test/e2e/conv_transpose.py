# ConvTranspose end to end against a numpy scatter reference: strides,
# dilations, pads, output_padding, output_shape and auto_pad, groups,
# depthwise, 1-D, bias, and weights given at run time, on the host and on
# the Raspberry Pi 4 under qemu. Strided cases take the sub-pixel form;
# dilation, a stride above the kernel and an output_shape beyond the full
# result take the zero-inserting one (edge-decompose-conv-transpose).
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import edgec_testing as et

s = et.Suite("conv_transpose")


def conv_t(name, x_shape, w_shape, bias=True, runtime_weights=False, **attrs):
    x = s.randn(*x_shape)
    w = s.randn(*w_shape)
    weights = {"w": w}
    if bias:
        weights["b"] = s.randn(w_shape[1] * attrs.get("group", 1))
    kw = {k: v for k, v in attrs.items() if k != "kernel_shape"}
    y = et.ref.conv_transpose(x, w, weights.get("b"), **kw)
    if runtime_weights:
        s.node(name, "ConvTranspose", {"x": x, **weights}, {"y": y}, **attrs)
    else:
        s.node(name, "ConvTranspose", {"x": x}, {"y": y}, weights, **attrs)


conv_t("plain_3x3", (1, 3, 5, 6), (3, 4, 3, 3))
conv_t("no_bias", (1, 3, 5, 6), (3, 4, 3, 3), bias=False)
conv_t("stride_2", (1, 4, 5, 5), (4, 3, 3, 3), strides=[2, 2])
conv_t("stride_2_pads", (1, 4, 6, 7), (4, 5, 3, 3), strides=[2, 2],
       pads=[1, 1, 1, 1])
conv_t("stride_2_output_padding", (1, 4, 6, 7), (4, 5, 3, 3),
       strides=[2, 2], pads=[1, 1, 1, 1], output_padding=[1, 1])
conv_t("stride_2_kernel_4", (1, 8, 7, 7), (8, 4, 4, 4), strides=[2, 2],
       pads=[1, 1, 1, 1])  # the usual 2x upsampling of decoders and GANs
conv_t("stride_3x2_asymmetric", (1, 2, 4, 5), (2, 3, 3, 2),
       strides=[3, 2], pads=[0, 1, 2, 0])
conv_t("stride_above_kernel", (1, 2, 4, 4), (2, 3, 2, 2), strides=[3, 3])
conv_t("crop_beyond_kernel", (1, 2, 9, 9), (2, 2, 3, 3), pads=[3, 3, 2, 4])
conv_t("dilation_2", (1, 3, 5, 5), (3, 2, 3, 3), dilations=[2, 2],
       pads=[1, 1, 1, 1])
conv_t("dilation_2_stride_2", (1, 3, 5, 6), (3, 2, 3, 3), dilations=[2, 2],
       strides=[2, 2], output_padding=[1, 0])
conv_t("grouped", (1, 4, 5, 5), (4, 3, 3, 3), group=2, strides=[2, 2])
conv_t("depthwise", (1, 6, 5, 5), (6, 1, 3, 3), group=6, strides=[2, 2],
       pads=[1, 1, 1, 1], output_padding=[1, 1])
conv_t("output_shape", (1, 3, 5, 5), (3, 2, 3, 3), strides=[2, 2],
       output_shape=[10, 10])
conv_t("output_shape_beyond_full", (1, 1, 3, 3), (1, 2, 3, 3),
       strides=[3, 2], output_shape=[10, 8])  # ONNX's own test: extends
conv_t("output_shape_nchw", (1, 3, 5, 5), (3, 2, 3, 3), strides=[2, 2],
       output_shape=[1, 2, 9, 10])
conv_t("auto_pad_same_upper", (1, 3, 5, 6), (3, 2, 4, 4), strides=[2, 2],
       auto_pad="SAME_UPPER")
conv_t("auto_pad_same_lower", (1, 3, 5, 6), (3, 2, 4, 4), strides=[2, 2],
       auto_pad="SAME_LOWER")
conv_t("auto_pad_valid", (1, 3, 5, 6), (3, 2, 3, 3), strides=[2, 2],
       auto_pad="VALID")
conv_t("kernel_shape_attr", (1, 2, 4, 4), (2, 3, 3, 3), kernel_shape=[3, 3])
conv_t("batch_2_wide", (2, 5, 3, 21), (5, 7, 3, 3), strides=[1, 2],
       pads=[1, 1, 1, 1])
conv_t("conv1d_stride_2", (1, 4, 9), (4, 3, 5), strides=[2], pads=[2, 1],
       output_padding=[1])
conv_t("runtime_weights", (1, 3, 4, 4), (3, 2, 3, 3), strides=[2, 2],
       runtime_weights=True)

if __name__ == "__main__":
    s.main()
