"""Real models for the model tests: torchvision architectures with random
weights, exported by Debian's torch 1.13, and checked against PyTorch.

    python -m torch_models export NAME DIR [--opset N]   # DIR/model.onnx, input.npy, expected.npy
    python -m torch_models check DIR TARGET              # edgec run, compare

Nothing is downloaded: the weights are PyTorch's random initialization under
a fixed seed, which exercises every layer as well as trained weights do for
numerical agreement.
"""
import argparse
import os
import subprocess
import sys

import numpy as np

# fp32 agreement with PyTorch over a whole network (relative L2).
MODEL_TOLERANCE = 1e-4


def export(name, directory, opset):
    import torch
    import torchvision

    torch.manual_seed(0)
    model = getattr(torchvision.models, name)(weights=None).eval()
    x = torch.randn(1, 3, 224, 224)
    with torch.no_grad():
        expected = model(x)
    os.makedirs(directory, exist_ok=True)
    torch.onnx.export(model, x, os.path.join(directory, "model.onnx"),
                      opset_version=opset, input_names=["input"],
                      output_names=["output"])
    np.save(os.path.join(directory, "input.npy"), x.numpy())
    np.save(os.path.join(directory, "expected.npy"), expected.numpy())


def check(directory, target):
    out = os.path.join(directory, "out-" + target)
    subprocess.run(
        ["edgec", "run", os.path.join(directory, "model.onnx"),
         "--target=" + target, "--input", os.path.join(directory, "input.npy"),
         "--output-dir", out], check=True)
    got = np.load(os.path.join(out, "output.npy"))
    expected = np.load(os.path.join(directory, "expected.npy"))
    error = np.linalg.norm(got - expected) / np.linalg.norm(expected)
    print(f"{directory} on {target}: relative L2 error {error:.3g} "
          f"(tolerance {MODEL_TOLERANCE})")
    if not error <= MODEL_TOLERANCE:
        sys.exit(f"FAIL: relative L2 error {error} exceeds {MODEL_TOLERANCE}")


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    e = sub.add_parser("export")
    e.add_argument("name")
    e.add_argument("directory")
    e.add_argument("--opset", type=int, default=13)
    c = sub.add_parser("check")
    c.add_argument("directory")
    c.add_argument("target")
    args = parser.parse_args()
    if args.command == "export":
        export(args.name, args.directory, args.opset)
    else:
        check(args.directory, args.target)


if __name__ == "__main__":
    main()
