"""Builds tinynet.onnx, the example model of the README's quickstart.

A small image classifier (3x32x32 input, 10 classes) in the style of the
edge models edgec targets: a convolution stem with batch normalization, a
depthwise-separable block with ReLU6 and a residual connection, max
pooling, global average pooling, a classifier and softmax. Its weights are
random (seeded), so the outputs mean nothing; the model exists to show the
pipeline end to end. Regenerate with Debian's Python:

    /usr/bin/python3 docs/examples/tinynet/make_tinynet.py
"""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

rng = np.random.default_rng(2026)
here = os.path.dirname(os.path.abspath(__file__))
inits = []


def weight(name, *shape, scale=None):
    fan_in = int(np.prod(shape[1:])) if len(shape) > 1 else shape[0]
    scale = scale or np.sqrt(2.0 / fan_in)
    inits.append(numpy_helper.from_array(
        (rng.standard_normal(shape) * scale).astype(np.float32), name))
    return name


def batchnorm(prefix, channels):
    inits.extend([
        numpy_helper.from_array(rng.uniform(0.5, 1.5, channels).astype(np.float32), prefix + "_scale"),
        numpy_helper.from_array(rng.normal(0, 0.1, channels).astype(np.float32), prefix + "_bias"),
        numpy_helper.from_array(rng.normal(0, 0.1, channels).astype(np.float32), prefix + "_mean"),
        numpy_helper.from_array(rng.uniform(0.5, 1.5, channels).astype(np.float32), prefix + "_var"),
    ])
    return [prefix + s for s in ("_scale", "_bias", "_mean", "_var")]


nodes = [
    helper.make_node("Conv", ["image", weight("stem_w", 16, 3, 3, 3)], ["stem"],
                     pads=[1, 1, 1, 1], strides=[2, 2], name="stem_conv"),
    helper.make_node("BatchNormalization", ["stem"] + batchnorm("stem_bn", 16),
                     ["stem_bn"], epsilon=1e-5, name="stem_bn"),
    helper.make_node("Relu", ["stem_bn"], ["stem_relu"], name="stem_relu"),
    # Depthwise-separable block with ReLU6 and a residual connection.
    helper.make_node("Conv", ["stem_relu", weight("dw_w", 16, 1, 3, 3)], ["dw"],
                     pads=[1, 1, 1, 1], group=16, name="block_dw"),
    helper.make_node("Clip", ["dw", "zero", "six"], ["dw_relu6"], name="block_relu6"),
    helper.make_node("Conv", ["dw_relu6", weight("pw_w", 16, 16, 1, 1), weight("pw_b", 16, scale=0.1)],
                     ["pw"], name="block_pw"),
    helper.make_node("Add", ["pw", "stem_relu"], ["residual"], name="block_add"),
    helper.make_node("MaxPool", ["residual"], ["pooled"], kernel_shape=[2, 2], strides=[2, 2],
                     name="pool"),
    helper.make_node("Conv", ["pooled", weight("head_w", 32, 16, 3, 3), weight("head_b", 32, scale=0.1)],
                     ["head"], pads=[1, 1, 1, 1], name="head_conv"),
    helper.make_node("Relu", ["head"], ["head_relu"], name="head_relu"),
    helper.make_node("GlobalAveragePool", ["head_relu"], ["gap"], name="gap"),
    helper.make_node("Flatten", ["gap"], ["features"], axis=1, name="flatten"),
    helper.make_node("Gemm", ["features", weight("fc_w", 10, 32), weight("fc_b", 10, scale=0.1)],
                     ["logits"], transB=1, name="classifier"),
    helper.make_node("Softmax", ["logits"], ["probabilities"], axis=-1, name="softmax"),
]
inits += [numpy_helper.from_array(np.array(0.0, np.float32), "zero"),
          numpy_helper.from_array(np.array(6.0, np.float32), "six")]
graph = helper.make_graph(
    nodes, "tinynet",
    [helper.make_tensor_value_info("image", TensorProto.FLOAT, [1, 3, 32, 32])],
    [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [1, 10])],
    inits)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)],
                          producer_name="edgec-example")
model.ir_version = 8
onnx.checker.check_model(model)
onnx.save(model, os.path.join(here, "tinynet.onnx"))

# A smooth synthetic "image" as the example input.
y, x = np.mgrid[0:32, 0:32] / 31.0
image = np.stack([np.sin(3 * x + c) * np.cos(2 * y - c) for c in range(3)])
np.save(os.path.join(here, "input.npy"), image[None].astype(np.float32))
