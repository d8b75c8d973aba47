"""Checks `edgec run` outputs of tiny.onnx against numpy.

    %python tiny_reference.py tiny.onnx image.npy OUTPUT_DIR

Recomputes the model (see tiny_model.py) from its initializers and fails
unless logits.npy and features.npy match to 1e-5 relative L2 error.
"""
import sys

import numpy as np
import onnx
from onnx import numpy_helper


def main(model_path, image_path, out_dir):
    model = onnx.load(model_path)
    w = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    x = np.load(image_path).astype(np.float64)
    padded = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    conv = np.zeros((1, 8, 8, 8))
    for i in range(8):
        for j in range(8):
            patch = padded[0, :, i:i + 3, j:j + 3]
            conv[0, :, i, j] = np.tensordot(w["conv_w"], patch, 3)
    features = np.maximum(conv + w["conv_b"][None, :, None, None], 0)
    logits = features.mean(axis=(2, 3)) @ w["fc_w"].T + w["fc_b"]
    for name, expected in (("logits", logits), ("features", features)):
        got = np.load(f"{out_dir}/{name}.npy")
        assert got.shape == expected.shape, (name, got.shape)
        error = np.linalg.norm(got - expected) / np.linalg.norm(expected)
        assert error < 1e-5, f"{name}: relative L2 error {error}"


if __name__ == "__main__":
    main(*sys.argv[1:])
