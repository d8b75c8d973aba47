"""Writes the binary ONNX models of the importer tests.

    %python models.py CASE OUT.onnx

Most test models are ONNX text (.onnxtxt) in the test files themselves;
these cases need bytes the text syntax cannot express: raw_data, external
data, node names, and files that are not (whole) models at all.
"""
import os
import random
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def conv_model(weight=None, node_name="stem_conv", op_type="Conv"):
    """A one-Conv model whose weight is a raw_data initializer."""
    if weight is None:
        w = np.arange(4 * 3 * 3 * 3, dtype=np.float32).reshape(4, 3, 3, 3)
        weight = numpy_helper.from_array(w / 100.0, "w")
    node = helper.make_node(op_type, ["x", "w"], ["y"], name=node_name,
                            pads=[1, 1, 1, 1])
    graph = helper.make_graph(
        [node], "conv",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 8, 8])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4, 8, 8])],
        [weight])
    return helper.make_model(graph, producer_name="edgec-tests",
                             opset_imports=[helper.make_opsetid("", 13)])


def external_weight(location):
    """The conv weight stored as external data at `location`."""
    w = onnx.TensorProto()
    w.name = "w"
    w.data_type = TensorProto.FLOAT
    w.dims.extend([4, 3, 3, 3])
    w.data_location = TensorProto.EXTERNAL
    w.external_data.add(key="location", value=location)
    return w


def weight_bytes():
    w = np.arange(4 * 3 * 3 * 3, dtype=np.float32) / 100.0
    return w.tobytes()


def main(case, out):
    out_dir = os.path.dirname(os.path.abspath(out))
    os.makedirs(out_dir, exist_ok=True)
    data = None
    if case == "valid":
        model = conv_model()
    elif case == "truncated":
        # A real model cut inside its weights.
        data = conv_model().SerializeToString()
        data = data[:len(data) // 2]
    elif case == "random":
        data = random.Random(2026).randbytes(512)
    elif case == "empty":
        data = b""
    elif case == "raw-too-short":
        w = numpy_helper.from_array(np.zeros((4, 3, 3, 3), np.float32), "w")
        w.raw_data = w.raw_data[:-10]
        model = conv_model(w)
    elif case == "unsupported-named":
        model = conv_model(op_type="StringNormalizer", node_name="head_norm")
        del model.graph.node[0].attribute[:]
        model.graph.node[0].input.pop()
    elif case == "newline-name":
        # Names are bytes from the file; a newline in one must not split
        # the error line.
        model = conv_model(op_type="StringNormalizer", node_name="head\nnorm")
        del model.graph.node[0].attribute[:]
        model.graph.node[0].input.pop()
    elif case == "external-ok":
        # The weights live beside the model, in a file named after it.
        name = os.path.basename(out) + ".weights"
        with open(os.path.join(out_dir, name), "wb") as f:
            f.write(weight_bytes())
        model = conv_model(external_weight(name))
    elif case == "external-outside":
        # The file exists, but one directory up: the importer must refuse it.
        name = os.path.basename(out) + ".weights"
        with open(os.path.join(os.path.dirname(out_dir), name), "wb") as f:
            f.write(weight_bytes())
        model = conv_model(external_weight("../" + name))
    elif case == "external-absolute":
        model = conv_model(external_weight("/etc/passwd"))
    elif case == "external-missing":
        model = conv_model(external_weight("no-such-file.bin"))
    else:
        sys.exit(f"models.py: unknown case '{case}'")
    if data is None:
        data = model.SerializeToString()
    with open(out, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main(*sys.argv[1:])
