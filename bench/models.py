"""End-to-end latency of edgec against PyTorch on this machine, same run.

    /usr/bin/python3 bench/models.py [--models resnet18,mobilenet_v2,...]
        [--threads 1,2] [--repeat 50] [--markdown FILE] [--json FILE]

For each model (torchvision architecture, random weights, batch 1) and each
thread count, it times:
  - edgec: `edgec bench MODEL --target=host --threads=N --json` (median of
    --repeat runs after warm-up; compilation excluded),
  - PyTorch eager, TorchScript traced, TorchScript traced and frozen
    (torch.jit.freeze, which folds BatchNorm and enables oneDNN fusions),
    oneDNN (mkldnn) tensors via torch.utils.mkldnn, and the mobile
    optimizer's XNNPACK path, each where this PyTorch build supports it,
all under torch.no_grad with torch.set_num_threads(N), medians of the same
number of runs after the same warm-up. Ratios are edgec's median over the
fastest PyTorch path's.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "test", "lib"))

import torch_models  # noqa: E402


def edgec_binary():
    build = os.path.join(HERE, "..", "build", "bin", "edgec")
    return build if os.path.exists(build) else "edgec"


def time_edgec(onnx_path, threads, repeat, warmup, flags=()):
    out = subprocess.run(
        [edgec_binary(), "bench", onnx_path, "--target=host",
         f"--threads={threads}", f"--repeat={repeat}", f"--warmup={warmup}",
         "--json", *flags], check=True, capture_output=True, text=True).stdout
    return json.loads(out)["median_ms"]


def median_ms(fn, x, repeat, warmup):
    import torch

    with torch.no_grad():
        for _ in range(warmup):
            fn(x)
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            fn(x)
            times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def torch_paths(name, model, x):
    """name -> (callable, input) for each PyTorch path that works here."""
    import torch

    paths = {"eager": (model, x)}
    with torch.no_grad():
        try:
            traced = torch.jit.trace(model, x)
            paths["torchscript"] = (traced, x)
            frozen = torch.jit.freeze(torch.jit.trace(model, x).eval())
            frozen(x)
            paths["torchscript-frozen"] = (frozen, x)
        except Exception as e:  # noqa: BLE001 - report and go on
            print(f"  torchscript: {e}", file=sys.stderr)
        try:
            from torch.utils import mkldnn as mkldnn_utils
            # to_mkldnn converts in place: give it its own copy.
            mk = mkldnn_utils.to_mkldnn(torch_models.build(name)[0])
            xm = x.to_mkldnn()
            mk(xm)
            paths["mkldnn"] = (lambda t, m=mk: m(t).to_dense(), xm)
        except Exception as e:  # noqa: BLE001
            print(f"  mkldnn: {str(e).splitlines()[0]}", file=sys.stderr)
        try:
            from torch.utils.mobile_optimizer import optimize_for_mobile
            mobile = optimize_for_mobile(torch.jit.script(model))
            mobile(x)
            paths["xnnpack"] = (mobile, x)
        except Exception as e:  # noqa: BLE001
            print(f"  xnnpack: {str(e).splitlines()[0]}", file=sys.stderr)
    return paths


def bench_model(name, threads_list, repeat, warmup, workdir):
    import torch

    directory = os.path.join(workdir, name)
    torch_models.export(name, directory, 13)
    onnx_path = os.path.join(directory, "model.onnx")
    model, x = torch_models.build(name)
    rows = []
    for threads in threads_list:
        torch.set_num_threads(threads)
        row = {"model": name, "threads": threads,
               "edgec_ms": time_edgec(onnx_path, threads, repeat, warmup)}
        for path, (fn, inp) in torch_paths(name, model, x).items():
            row[path + "_ms"] = median_ms(fn, inp, repeat, warmup)
        torch_ms = {k: v for k, v in row.items()
                    if k.endswith("_ms") and k != "edgec_ms"}
        fastest = min(torch_ms, key=torch_ms.get)
        row["fastest_torch"] = fastest[:-3]
        row["ratio"] = row["edgec_ms"] / torch_ms[fastest]
        print(json.dumps(row), flush=True)
        rows.append(row)
    return rows


PATHS = ["eager", "torchscript", "torchscript-frozen", "mkldnn", "xnnpack"]


def markdown(rows):
    head = ("| model | threads | edgec ms | " +
            " | ".join(f"{p} ms" for p in PATHS) +
            " | edgec / fastest PyTorch |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in rows:
        cells = [r["model"], str(r["threads"]), f"{r['edgec_ms']:.2f}"]
        for p in PATHS:
            v = r.get(p + "_ms")
            cells.append(f"{v:.2f}" if v is not None else "n/a")
        cells.append(f"{r['ratio']:.2f} ({r['fastest_torch']})")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--models",
                        default="resnet18,mobilenet_v2,efficientnet_b0")
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--markdown")
    parser.add_argument("--json")
    args = parser.parse_args()
    threads = [int(t) for t in args.threads.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as workdir:
        for name in args.models.split(","):
            rows += bench_model(name, threads, args.repeat, args.warmup,
                                workdir)
    table = markdown(rows)
    print(table)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(table)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()
