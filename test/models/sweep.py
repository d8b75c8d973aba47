"""The model-zoo sweep: every torchvision classification model (and the
transformer encoders of torch_models) exported at the given opsets,
compiled, run on each target and compared with PyTorch, with `edgec
inspect`'s figures and its MAC count checked against PyTorch hooks.

    /usr/bin/python3 test/models/sweep.py --results R.json [--targets host,rpi4]
        [--opsets 13,17] [--models a,b,...] [--markdown docs/models.md]
        [--merge OTHER.json,...]

Too long for CI (hours under qemu for the large models); lit runs a subset
(test/models/*.test). Results accumulate in R.json, one entry per
model@opset, so an interrupted sweep resumes where it stopped; --markdown
renders the table of docs/models.md from them. Sweeps of different targets
can run side by side into different files; --merge folds the others' entries
into R.json's before rendering.
"""
import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))

import torch_models  # noqa: E402


def all_models():
    import torchvision

    return sorted(torchvision.models.list_models(
        module=torchvision.models)) + ["vit_tiny", "transformer_encoder"]


def edgec():
    build = os.path.join(HERE, "..", "..", "build", "bin", "edgec")
    return build if os.path.exists(build) else "edgec"


def sweep_one(name, opset, targets, workdir):
    entry = {"model": name, "opset": opset}
    directory = os.path.join(workdir, f"{name}-{opset}")
    try:
        torch_models.export(name, directory, opset)
    except Exception as e:  # noqa: BLE001 - PyTorch's own export failures
        entry["export_error"] = str(e).splitlines()[0][:200]
        return entry
    import onnx

    model = onnx.load(os.path.join(directory, "model.onnx"),
                      load_external_data=False)
    entry["onnx_ops"] = dict(collections.Counter(
        n.op_type for n in model.graph.node))
    inspect = subprocess.run(
        [edgec(), "inspect", os.path.join(directory, "model.onnx"), "--json"],
        capture_output=True, text=True)
    if inspect.returncode:
        entry["error"] = inspect.stderr.strip()
        return entry
    report = json.loads(inspect.stdout)
    entry.update(report["totals"])
    with open(os.path.join(directory, "macs.json")) as f:
        entry["torch_macs"] = json.load(f)["macs"]
    os.environ["PATH"] = os.path.dirname(edgec()) + os.pathsep + \
        os.environ["PATH"]
    for target in targets:
        start = time.time()
        try:
            error, note = torch_models.check(directory, target)
            entry[f"rel_l2_{target}"] = error
            if note:
                entry[f"fp64_{target}"] = note
        except (SystemExit, subprocess.CalledProcessError) as e:
            entry[f"error_{target}"] = str(e)[:300]
        entry[f"seconds_{target}"] = round(time.time() - start, 1)
    shutil.rmtree(directory, ignore_errors=True)
    return entry


def markdown(results):
    lines = [
        "| model | opset | ONNX op types | MMACs | MACs vs hooks | params (M) | "
        "activations planned / naive (MB) | compile s | rel. L2 host | "
        "rel. L2 rpi4 |",
        "|---|---|---|---|---|---|---|---|---|---|"]
    for key in sorted(results):
        r = results[key]
        if "export_error" in r:
            lines.append(f"| {r['model']} | {r['opset']} | PyTorch cannot "
                         f"export it: {r['export_error'][:80]} | | | | | | | |")
            continue
        if "error" in r:
            lines.append(f"| {r['model']} | {r['opset']} | edgec: "
                         f"{r['error'][:120]} | | | | | | | |")
            continue

        def l2(t):
            if f"fp64_{t}" in r:  # PyTorch float32 itself strays further
                return f"{r[f'rel_l2_{t}']:.1e} ({r[f'fp64_{t}']})"
            if f"rel_l2_{t}" in r:
                return f"{r[f'rel_l2_{t}']:.1e}"
            return "FAIL" if f"error_{t}" in r else "not run"

        lines.append(
            f"| {r['model']} | {r['opset']} | {len(r['onnx_ops'])} | "
            f"{r['macs'] / 1e6:,.0f} | {r['macs'] / r['torch_macs']:.4f} | "
            f"{r['params'] / 1e6:.2f} | "
            f"{r['peak_activation_bytes_planned'] / 1e6:.1f} / "
            f"{r['activation_bytes_naive'] / 1e6:.1f} | "
            f"{r['compile_seconds']:.1f} | {l2('host')} | {l2('rpi4')} |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--results", required=True)
    parser.add_argument("--targets", default="host,rpi4")
    parser.add_argument("--opsets", default="13,17")
    parser.add_argument("--models")
    parser.add_argument("--markdown")
    parser.add_argument("--merge", default="")
    args = parser.parse_args()
    results = {}
    if os.path.exists(args.results):
        with open(args.results) as f:
            results = json.load(f)
    for other in [m for m in args.merge.split(",") if m]:
        with open(other) as f:
            for key, entry in json.load(f).items():
                results[key] = {**results.get(key, {}), **entry}
    names = args.models.split(",") if args.models else all_models()
    targets = [t for t in args.targets.split(",") if t]
    with tempfile.TemporaryDirectory() as workdir:
        for opset in [int(o) for o in args.opsets.split(",")]:
            for name in names:
                key = f"{name}@{opset}"
                done = results.get(key, {})
                needed = [t for t in targets if f"rel_l2_{t}" not in done
                          and f"error_{t}" not in done]
                if "export_error" in done or "error" in done or not needed:
                    continue
                entry = sweep_one(name, opset, needed, workdir)
                results[key] = {**done, **entry}
                print(json.dumps(results[key]), flush=True)
                tmp = args.results + ".tmp"
                with open(tmp, "w") as f:
                    json.dump(results, f, indent=1)
                os.replace(tmp, args.results)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(markdown(results))


if __name__ == "__main__":
    main()
