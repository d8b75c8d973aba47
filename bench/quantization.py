"""int8 against float32: edgec's own two versions of a model, same run.

    /usr/bin/python3 bench/quantization.py [--models resnet18,mobilenet_v2]
        [--threads 1,2] [--repeat 50] [--rounds 3] [--markdown FILE]

For each model (torchvision architecture, random weights with batch-norm
statistics of random inputs, opset 13, batch 1) it writes 8 standard-normal
calibration samples and 4 held-out samples of the same distribution, then:
  - accuracy: the int8 model (`--quantize=int8 --calibration-data`) against
    the float32 one on the held-out samples (cosine similarity of the
    logits, top-1 agreement), through the Python module;
  - latency: `edgec bench --json` of both at each thread count, alternating
    float32 and int8 for --rounds rounds and keeping each one's best median
    (machine noise only ever adds time); the speed-up is float32 / int8.
"""
import argparse
import os
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "test", "lib"))
sys.path.insert(0, os.path.join(HERE, "..", "build", "python"))

import torch_models  # noqa: E402
from models import time_edgec  # noqa: E402


def write_samples(folder, count, seed):
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(seed)
    paths = []
    for i in range(count):
        path = os.path.join(folder, f"sample{i}.npy")
        np.save(path, rng.standard_normal((1, 3, 224, 224)).astype(np.float32))
        paths.append(path)
    return paths


def accuracy(model, calibration, held_out):
    import edgec

    quantized = edgec.compile(model, quantize="int8",
                              calibration_data=calibration)
    reference = edgec.compile(model)
    cosines, agree = [], 0
    for path in held_out:
        x = np.load(path)
        a = next(iter(quantized.run(x).values())).ravel().astype(np.float64)
        b = next(iter(reference.run(x).values())).ravel().astype(np.float64)
        cosines.append(float(a @ b / np.linalg.norm(a) / np.linalg.norm(b)))
        agree += int(a.argmax() == b.argmax())
    return min(cosines), float(np.mean(cosines)), agree


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", default="resnet18,mobilenet_v2")
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--markdown")
    args = parser.parse_args()

    rows = []
    with tempfile.TemporaryDirectory(prefix="edgec-int8-") as work:
        calibration = os.path.join(work, "calibration")
        write_samples(calibration, 8, seed=1)
        held_out = write_samples(os.path.join(work, "held_out"), 4, seed=2)
        int8 = ["--quantize=int8", "--calibration-data", calibration]
        for name in args.models.split(","):
            folder = os.path.join(work, name)
            torch_models.export(name, folder, 13)
            model = os.path.join(folder, "model.onnx")
            cos_min, cos_mean, agree = accuracy(model, calibration, held_out)
            for threads in [int(t) for t in args.threads.split(",")]:
                best = {"fp32": float("inf"), "int8": float("inf")}
                for _ in range(args.rounds):
                    best["fp32"] = min(best["fp32"], time_edgec(
                        model, threads, args.repeat, 5))
                    best["int8"] = min(best["int8"], time_edgec(
                        model, threads, args.repeat, 5, int8))
                row = (name, threads, best["fp32"], best["int8"],
                       best["fp32"] / best["int8"], cos_min, cos_mean, agree,
                       len(held_out))
                rows.append(row)
                print(f"{name} threads={threads}: fp32 {row[2]:.2f} ms, int8 "
                      f"{row[3]:.2f} ms, speed-up {row[4]:.2f}x; cosine "
                      f"{cos_min:.5f} min / {cos_mean:.5f} mean, top-1 "
                      f"{agree}/{len(held_out)}", flush=True)

    lines = ["| model | threads | float32 (ms) | int8 (ms) | speed-up | "
             "cosine to float32 (min / mean) | top-1 agreement |",
             "|---|---|---|---|---|---|---|"]
    for name, threads, fp32, q, ratio, cmin, cmean, agree, n in rows:
        lines.append(f"| {name} | {threads} | {fp32:.2f} | {q:.2f} | "
                     f"{ratio:.2f}x | {cmin:.5f} / {cmean:.5f} | "
                     f"{agree} / {n} |")
    table = "\n".join(lines) + "\n"
    print(table)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(table)


if __name__ == "__main__":
    main()
