"""Per-layer convolution throughput against this machine's measured peak.

    /usr/bin/python3 bench/layers.py [--models resnet18,mobilenet_v2]
        [--threads 1] [--algorithm X] [--markdown FILE]

Every distinct convolution of each model (its shapes, strides, pads, groups,
with bias and ReLU as the model fuses them) becomes a one-conv ONNX model
whose input and output are channels-last, so that the layout transposes
cancel and only the convolution is timed by `edgec bench`. GFLOP/s count 2
FLOPs per multiply-accumulate. The fp32 FMA peak and the memory bandwidth
come from bench/peak.c, compiled and run first. Depthwise layers are
memory-bound: their bound is the time to move input, output and weights
once at the measured bandwidth.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper, shape_inference

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "test", "lib"))

import torch_models  # noqa: E402
from models import edgec_binary  # noqa: E402


def measure_peak(workdir):
    exe = os.path.join(workdir, "peak")
    subprocess.run(["cc", "-O3", "-march=native", "-ffp-contract=fast",
                    os.path.join(HERE, "peak.c"), "-o", exe], check=True)
    return json.loads(subprocess.run([exe], check=True, capture_output=True,
                                     text=True).stdout)


def model_convs(onnx_path):
    """(signature, count) of each distinct Conv in the model."""
    model = shape_inference.infer_shapes(onnx.load(onnx_path))
    shapes = {v.name: [d.dim_value for d in v.type.tensor_type.shape.dim]
              for v in list(model.graph.value_info) + list(model.graph.input)}
    weights = {i.name: list(i.dims) for i in model.graph.initializer}
    found = {}
    for node in model.graph.node:
        if node.op_type != "Conv":
            continue
        attrs = {a.name: helper.get_attribute_value(a) for a in node.attribute}
        _, c, h, w = shapes[node.input[0]]
        f, cg, kh, kw = weights[node.input[1]]
        sig = (c, h, w, f, kh, kw, tuple(attrs.get("strides", [1, 1])),
               tuple(attrs.get("pads", [0, 0, 0, 0])),
               tuple(attrs.get("dilations", [1, 1])), attrs.get("group", 1))
        found[sig] = found.get(sig, 0) + 1
    return found


def conv_model(sig, path):
    c, h, w, f, kh, kw, strides, pads, dilations, group = sig
    rng = np.random.default_rng(0)
    weight = (rng.standard_normal((f, c // group, kh, kw)) * 0.1).astype(
        np.float32)
    bias = rng.standard_normal(f).astype(np.float32)
    oh = (h + pads[0] + pads[2] - dilations[0] * (kh - 1) - 1) // strides[0] + 1
    ow = (w + pads[1] + pads[3] - dilations[1] * (kw - 1) - 1) // strides[1] + 1
    nodes = [
        helper.make_node("Transpose", ["x"], ["xt"], perm=[0, 3, 1, 2]),
        helper.make_node("Conv", ["xt", "w", "b"], ["c"], strides=strides,
                         pads=pads, dilations=dilations, group=group),
        helper.make_node("Relu", ["c"], ["r"]),
        helper.make_node("Transpose", ["r"], ["y"], perm=[0, 2, 3, 1]),
    ]
    graph = helper.make_graph(
        nodes, "conv",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, h, w, c])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT,
                                       [1, oh, ow, f])],
        [numpy_helper.from_array(weight, "w"),
         numpy_helper.from_array(bias, "b")])
    onnx.save(helper.make_model(graph, opset_imports=[
        helper.make_opsetid("", 13)]), path)
    macs = f * oh * ow * (c // group) * kh * kw
    moved = 4 * (c * h * w + f * oh * ow + weight.size + f)
    return macs, moved


def kind(sig):
    c, _, _, f, kh, kw, strides, _, _, group = sig
    if group == c and group > 1:
        return "depthwise"
    if group > 1:
        return "grouped"
    if kh == kw == 1:
        return "pointwise"
    return f"{kh}x{kw}/{strides[0]}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--models", default="resnet18,mobilenet_v2")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--algorithm")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--markdown")
    args = parser.parse_args()
    lines = []
    with tempfile.TemporaryDirectory() as workdir:
        peak = measure_peak(workdir)
        peak_gflops = peak["fma_peak_gflops_per_core"] * args.threads
        bandwidth = peak["triad_bandwidth_gbs"]
        lines.append(
            f"Measured ceilings: fp32 FMA peak {peak_gflops:.1f} GFLOP/s "
            f"({args.threads} thread(s), {peak['fp32_lanes']} lanes), "
            f"triad bandwidth {bandwidth:.1f} GB/s.\n")
        head = ("| model | layer (C→F, HxW, kernel/stride, groups) | count | "
                "ms | GFLOP/s | % of FMA peak | depthwise: × bandwidth bound |")
        lines += [head, "|---|---|---|---|---|---|---|"]
        for name in args.models.split(","):
            directory = os.path.join(workdir, name)
            torch_models.export(name, directory, 13)
            convs = model_convs(os.path.join(directory, "model.onnx"))
            total = 0.0
            for i, (sig, count) in enumerate(convs.items()):
                path = os.path.join(workdir, f"{name}-{i}.onnx")
                macs, moved = conv_model(sig, path)
                cmd = [edgec_binary(), "bench", path, "--json",
                       f"--threads={args.threads}", f"--repeat={args.repeat}"]
                if args.algorithm:
                    cmd.append("--conv-algorithm=" + args.algorithm)
                ms = json.loads(subprocess.run(
                    cmd, check=True, capture_output=True,
                    text=True).stdout)["median_ms"]
                total += ms * count
                gflops = 2 * macs / ms / 1e6
                c, h, w, f, kh, kw, strides, _, _, group = sig
                bound = ""
                if kind(sig) == "depthwise":
                    bound = f"{ms / (moved / bandwidth / 1e6):.2f}"
                lines.append(
                    f"| {name} | {c}→{f}, {h}x{w}, {kind(sig)}, g{group} | "
                    f"{count} | {ms:.3f} | {gflops:.1f} | "
                    f"{100 * gflops / peak_gflops:.0f} | {bound} |")
                print(lines[-1], flush=True)
            lines.append(f"| {name} | all convolutions | | {total:.2f} | | | |")
    table = "\n".join(lines) + "\n"
    print(table)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(table)


if __name__ == "__main__":
    main()
