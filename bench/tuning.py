"""Tuned against default schedules, end to end, on this machine.

    /usr/bin/python3 bench/tuning.py --db FILE [--models resnet18,...]
        [--trials 64] [--rounds 8] [--repeat 20] [--threads 1]
        [--markdown FILE]

For each model (torchvision architecture, random weights, batch 1) it runs
`edgec tune MODEL --db FILE --trials N` (resumable: trials already in the
database are not measured again), then times the model compiled with the
compiler's defaults and with `--tuning-db FILE` in alternation: --rounds
pairs of `edgec bench --repeat R --json`, each giving its fastest and
median run. The ratio is the median over rounds of the default's fastest
run over the tuned one's, so that a burst of load on a shared machine
cannot favour either side. It also reports what `edgec tune` measured per
kernel: how many trials each needed to come within 10 % of its best.
"""
import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "test", "lib"))

import torch_models  # noqa: E402


def edgec_binary():
    build = os.path.join(HERE, "..", "build", "bin", "edgec")
    return build if os.path.exists(build) else "edgec"


def bench(onnx_path, threads, repeat, db=None):
    args = [edgec_binary(), "bench", onnx_path, f"--threads={threads}",
            f"--repeat={repeat}", "--json"]
    if db:
        args += ["--tuning-db", db]
    out = subprocess.run(args, check=True, capture_output=True,
                         text=True).stdout
    result = json.loads(out)
    return result["min_ms"], result["median_ms"]


def within_10(db, workloads):
    """Trials each workload needed to come within 10 % of its best."""
    c = sqlite3.connect(db)
    needed = []
    for workload in workloads:
        times = [ms for (ms,) in c.execute(
            "SELECT ms FROM measurements WHERE device = 'host' AND "
            "workload = ? ORDER BY sequence", (workload,))]
        ok = [t for t in times if t is not None]
        if not ok:
            continue
        best = min(ok)
        needed.append(next(i + 1 for i, t in enumerate(times)
                           if t is not None and t <= 1.1 * best))
    return needed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--models", default="resnet18,mobilenet_v2")
    parser.add_argument("--trials", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--markdown")
    args = parser.parse_args()

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.models.split(","):
            directory = os.path.join(tmp, name)
            torch_models.export(name, directory, 17)
            path = os.path.join(directory, "model.onnx")
            tuned = subprocess.run(
                [edgec_binary(), "tune", path, "--db", args.db,
                 f"--trials={args.trials}"], check=True, capture_output=True,
                text=True).stdout
            workloads = [line.split("  ")[0].strip()
                         for line in tuned.splitlines()
                         if line.startswith("conv in=")]
            pairs = []
            for _ in range(args.rounds):
                pairs.append((bench(path, args.threads, args.repeat),
                              bench(path, args.threads, args.repeat,
                                    args.db)))
            default_min = statistics.median(d[0] for d, _ in pairs)
            tuned_min = statistics.median(t[0] for _, t in pairs)
            ratio = statistics.median(d[0] / t[0] for d, t in pairs)
            needed = within_10(args.db, workloads)
            row = {
                "model": name, "threads": args.threads,
                "kernels": len(workloads), "trials": args.trials,
                "default_ms": default_min, "tuned_ms": tuned_min,
                "speedup": ratio,
                "default_median_ms": statistics.median(
                    d[1] for d, _ in pairs),
                "tuned_median_ms": statistics.median(t[1] for _, t in pairs),
                "trials_to_within_10_median": statistics.median(needed),
                "trials_to_within_10_max": max(needed),
            }
            rows.append(row)
            print(json.dumps(row), flush=True)
    if args.markdown:
        lines = ["| model | threads | kernels | trials per kernel | default ms "
                 "| tuned ms | speedup | trials to within 10 % "
                 "(median / max) |",
                 "|---|---|---|---|---|---|---|---|"]
        for r in rows:
            lines.append(
                f"| {r['model']} | {r['threads']} | {r['kernels']} | "
                f"{r['trials']} | {r['default_ms']:.2f} | "
                f"{r['tuned_ms']:.2f} | {r['speedup']:.2f}x | "
                f"{r['trials_to_within_10_median']:.0f} / "
                f"{r['trials_to_within_10_max']} |")
        with open(args.markdown, "w") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
