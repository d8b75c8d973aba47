"""edgec's tuned convolutions against Halide 14's Adams2019 autoscheduler.

    /usr/bin/python3 bench/halide.py --db FILE
        [--beam 32] [--limit N] [--markdown FILE]

For every 2-D convolution workload that FILE (a tuning database written by
`edgec tune` on this machine) holds, in the same run:
  - edgec: `edgec tune --workload KEY --db FILE --remeasure` times the
    compiler's default and the database's fastest schedule afresh (one
    thread, fastest of at least 10 runs and 0.1 s, NHWC in and out),
  - Halide: bench/halide_conv.cpp, built here against Debian's libHalide14,
    expresses the same convolution (NHWC, constant filter and bias, input
    already padded), lets the Adams2019 autoscheduler schedule it for one
    core (--beam sets HL_BEAM_SIZE: 1 is its greedy mode, 32 its default
    beam search, seconds per convolution), JIT-compiles and times it the
    same way, checking one output against a direct sum.
Ratios are Halide's time over edgec's tuned time (above 1: edgec faster).
"""
import argparse
import json
import os
import re
import sqlite3
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def edgec_binary():
    build = os.path.join(HERE, "..", "build", "bin", "edgec")
    return build if os.path.exists(build) else "edgec"


def build_halide(directory):
    binary = os.path.join(directory, "halide_conv")
    subprocess.run(
        ["g++", "-O2", "-std=c++17", "-I/usr/include/halide14",
         os.path.join(HERE, "halide_conv.cpp"),
         "/usr/lib/x86_64-linux-gnu/libHalide14.so.0", "-ldl", "-lpthread",
         "-o", binary], check=True)
    return binary


def edgec_times(db, key):
    out = subprocess.run(
        [edgec_binary(), "tune", "--workload", key, "--db", db,
         "--trials=1", "--remeasure"], check=True, capture_output=True,
        text=True).stdout
    for line in out.splitlines():
        if line.startswith(key):
            # uses, default ms, tuned ms, "speedup schedule", trials
            fields = re.split(r"\s{2,}", line[len(key):].strip())
            return (float(fields[1]), float(fields[2]),
                    fields[3].split(" ", 1)[1])
    raise RuntimeError(f"no line for {key} in:\n{out}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--beam", type=int, default=32)
    parser.add_argument("--limit", type=int, default=0,
                        help="only the N workloads with the most MACs")
    parser.add_argument("--markdown")
    args = parser.parse_args()

    keys = [k for (k,) in sqlite3.connect(args.db).execute(
        "SELECT DISTINCT workload FROM measurements WHERE device = 'host' "
        "AND schedule != 'default'")]
    def work(key):
        # Filter size x output pixels, near enough to order by cost.
        fields = dict(f.split("=") for f in key.split()[1:] if "=" in f)
        x = [int(v) for v in fields["in"].split("x")]
        w = [int(v) for v in fields["w"].split("x")]
        s = [int(v) for v in fields["s"].split("x")]
        pixels = 1
        for extent, stride in zip(x[2:], s):
            pixels *= -(-extent // stride)
        size = 1
        for v in w:
            size *= v
        return size * pixels * x[0]
    keys.sort(key=work, reverse=True)
    if args.limit:
        keys = keys[:args.limit]
    rows = []
    env = dict(os.environ, HL_NUM_THREADS="1", HL_BEAM_SIZE=str(args.beam))
    with tempfile.TemporaryDirectory() as tmp:
        halide = build_halide(tmp)
        for key in keys:
            if len(key.split()[1].split("=")[1].split("x")) != 4:
                continue
            default_ms, tuned_ms, schedule = edgec_times(args.db, key)
            out = subprocess.run([halide, key], check=True,
                                 capture_output=True, text=True, env=env)
            halide_ms = json.loads(out.stdout)["ms"]
            row = {"workload": key, "edgec_default_ms": default_ms,
                   "edgec_tuned_ms": tuned_ms, "edgec_schedule": schedule,
                   "halide_ms": halide_ms, "beam": args.beam,
                   "halide_over_edgec": halide_ms / tuned_ms}
            rows.append(row)
            print(json.dumps(row), flush=True)
    if args.markdown:
        lines = ["| workload | edgec default ms | edgec tuned ms | schedule | "
                 f"Halide Adams2019 (beam {args.beam}) ms | Halide / edgec |",
                 "|---|---|---|---|---|---|"]
        for r in rows:
            lines.append(
                f"| `{r['workload']}` | {r['edgec_default_ms']:.3f} | "
                f"{r['edgec_tuned_ms']:.3f} | {r['edgec_schedule']} | "
                f"{r['halide_ms']:.3f} | {r['halide_over_edgec']:.2f}x |")
        with open(args.markdown, "w") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
