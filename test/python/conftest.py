"""Shared fixtures of the Python binding tests: where the build and the
sources are, the CLI to compare with, and small ONNX models built here."""
import os
import subprocess
import sys

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper

SRC = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.environ.get("EDGEC_BUILD_DIR", os.path.join(SRC, "build"))
EDGEC = os.path.join(BUILD, "bin", "edgec")
TINYNET = os.path.join(SRC, "docs", "examples", "tinynet")
sys.path.insert(0, os.path.join(SRC, "test", "lib"))


def cli(*args, check=True):
    """Runs the edgec command line; returns the finished process."""
    result = subprocess.run([EDGEC, *args], capture_output=True, text=True)
    if check and result.returncode:
        raise AssertionError(f"edgec {' '.join(args)} failed:\n"
                             f"{result.stderr}")
    return result


def save_model(graph, path, opset=17):
    model = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", opset)])
    onnx.checker.check_model(model)
    onnx.save(model, path)
    return path


@pytest.fixture
def gemm_relu(tmp_path):
    """y = relu(x @ w + b) with x: 2x8 float32; returns (path, w, b)."""
    rng = np.random.default_rng(7)
    w = rng.standard_normal((8, 4)).astype(np.float32)
    b = rng.standard_normal(4).astype(np.float32)
    graph = helper.make_graph(
        [helper.make_node("Gemm", ["x", "w", "b"], ["t"], name="fc"),
         helper.make_node("Relu", ["t"], ["y"], name="act")],
        "gemm_relu",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 8])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [2, 4])],
        [numpy_helper.from_array(w, "w"), numpy_helper.from_array(b, "b")])
    return save_model(graph, str(tmp_path / "gemm_relu.onnx")), w, b
