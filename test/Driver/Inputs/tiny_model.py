"""Writes the small model the driver tests compile and run.

    %python tiny_model.py DIR

DIR/tiny.onnx: image [1,3,8,8] -> Conv 3x3 (8 filters, pad 1) -> Relu ->
GlobalAveragePool -> Flatten -> Gemm -> logits [1,5], with the conv
output also a graph output ("features"). Also writes DIR/image.npy (the
right input) and DIR/wrong.npy (a [1,3,4,4] input of the wrong shape).
Seeded, so every run writes the same files.
"""
import os
import sys

import numpy as np
from onnx import TensorProto, helper, numpy_helper

rng = np.random.default_rng(7)


def const(name, *shape):
    return numpy_helper.from_array(
        rng.standard_normal(shape).astype(np.float32) * 0.3, name)


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    nodes = [
        helper.make_node("Conv", ["image", "conv_w", "conv_b"], ["conv"],
                         pads=[1, 1, 1, 1], name="conv"),
        helper.make_node("Relu", ["conv"], ["features"], name="relu"),
        helper.make_node("GlobalAveragePool", ["features"], ["gap"],
                         name="gap"),
        helper.make_node("Flatten", ["gap"], ["flat"], name="flatten"),
        helper.make_node("Gemm", ["flat", "fc_w", "fc_b"], ["logits"],
                         transB=1, name="fc"),
    ]
    graph = helper.make_graph(
        nodes, "tiny",
        [helper.make_tensor_value_info("image", TensorProto.FLOAT,
                                       [1, 3, 8, 8])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, 5]),
         helper.make_tensor_value_info("features", TensorProto.FLOAT,
                                       [1, 8, 8, 8])],
        [const("conv_w", 8, 3, 3, 3), const("conv_b", 8),
         const("fc_w", 5, 8), const("fc_b", 5)])
    model = helper.make_model(graph, producer_name="edgec-tests",
                              opset_imports=[helper.make_opsetid("", 13)])
    with open(os.path.join(out_dir, "tiny.onnx"), "wb") as f:
        f.write(model.SerializeToString())
    np.save(os.path.join(out_dir, "image.npy"),
            rng.standard_normal((1, 3, 8, 8)).astype(np.float32))
    np.save(os.path.join(out_dir, "wrong.npy"),
            np.zeros((1, 3, 4, 4), np.float32))


if __name__ == "__main__":
    main(sys.argv[1])
