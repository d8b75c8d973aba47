# Conformance with the ONNX backend tests shipped by Debian's
# libonnx-testdata (the node tests, and the single-layer models PyTorch
# exported): every test whose operators are all in edgec's op table (read
# from lib/Frontend/Onnx) is compiled and run on the host, and its outputs
# compared with the suite's expected outputs at the suite's usual
# tolerance. Prints PASS/FAIL/ERROR per test and passed/total per operator.
# REQUIRES: onnx-testdata
# RUN: %python %s --src %edgec_src
#
# `--write-doc` also writes the summary to docs/conformance.md; naming tests
# after the options runs only those.
import argparse
import concurrent.futures
import glob
import os
import re
import shutil
import sys
import tempfile

import numpy as np
import onnx
from onnx import numpy_helper

import edgec_testing as et

DATA = "/usr/share/libonnx-testdata/data"
# The operator tests, then the single-layer models PyTorch exported (older
# opsets, more window and group variants).
SUITES = ["node", "pytorch-converted", "pytorch-operator", "simple"]

# onnx.backend.test's default tolerance (np.testing.assert_allclose), which
# the backend runners (onnxruntime, onnx-tensorrt, ...) use for node tests.
RTOL = 1e-3
ATOL = 1e-7

# Tests of supported operators that edgec rejects on purpose: test ->
# (why, a piece of the one-line error edgec must give). A listed test that
# passes, or fails in another way, fails this script, so the list stays true.
UINT8 = ("uint8 tensors: edgec computes in float32 only",
         "only float32 is supported")
INT8 = ("int8 tensors: edgec computes in float32 only",
        "only float32 is supported")
CLIP_BOUNDS = ("Clip's bounds are graph inputs; edgec folds them into the "
               "kernel and needs constants", "must be a constant")
RESHAPE_SHAPE = ("Reshape's shape is a graph input; static shapes need a "
                 "constant", "shape (input 1, 'shape') must be a constant")
THREE_D = ("3-D windows: the CPU code generator has 1-D and 2-D ones",
           "3-D windows are not supported")
# Why edgec's op table starts after these versions.
OLD_VERSIONS = {
    ("Add", 6): "legacy broadcast/axis attributes, not numpy broadcasting",
    ("Gemm", 6): "legacy broadcast attribute for C",
}


def old_version(op, version):
    return (f"{op}-{version}: {OLD_VERSIONS[(op, version)]}",
            f"{op}-{version} (opset")


KNOWN_FAILURES = {
    "node/test_add_uint8": UINT8,
    "node/test_sub_uint8": UINT8,
    "node/test_mul_uint8": UINT8,
    "node/test_div_uint8": UINT8,
    "node/test_maxpool_2d_uint8": UINT8,
    "node/test_clip_default_int8_inbounds": INT8,
    "node/test_clip_default_int8_max": INT8,
    "node/test_clip_default_int8_min": INT8,
    "node/test_clip": CLIP_BOUNDS,
    "node/test_clip_default_max": CLIP_BOUNDS,
    "node/test_clip_default_min": CLIP_BOUNDS,
    "node/test_clip_example": CLIP_BOUNDS,
    "node/test_clip_inbounds": CLIP_BOUNDS,
    "node/test_clip_outbounds": CLIP_BOUNDS,
    "node/test_clip_splitbounds": CLIP_BOUNDS,
    "node/test_reshape_extended_dims": RESHAPE_SHAPE,
    "node/test_reshape_negative_dim": RESHAPE_SHAPE,
    "node/test_reshape_negative_extended_dims": RESHAPE_SHAPE,
    "node/test_reshape_one_dim": RESHAPE_SHAPE,
    "node/test_reshape_reduced_dims": RESHAPE_SHAPE,
    "node/test_reshape_reordered_all_dims": RESHAPE_SHAPE,
    "node/test_reshape_reordered_last_dims": RESHAPE_SHAPE,
    "node/test_reshape_zero_and_negative_dim": RESHAPE_SHAPE,
    "node/test_reshape_zero_dim": RESHAPE_SHAPE,
    "node/test_reshape_allowzero_reordered": (
        "a graph input with a zero-sized dimension (and a run-time shape)",
        "has a zero-sized dimension"),
    "node/test_batchnorm_epsilon_training_mode": (
        "BatchNormalization training_mode = 1: edgec compiles for inference",
        "training_mode = 1 is not supported"),
    "node/test_batchnorm_example_training_mode": (
        "BatchNormalization training_mode = 1: edgec compiles for inference",
        "training_mode = 1 is not supported"),
    "node/test_identity_opt": ("optional-typed values: tensors only",
                          "is not a tensor"),
    "node/test_identity_sequence": ("sequence-typed values: tensors only",
                               "is not a tensor"),
    "node/test_maxpool_with_argmax_2d_precomputed_pads": (
        "MaxPool's Indices output is not computed",
        "output 1 ('z') of MaxPool is not supported"),
    "node/test_maxpool_with_argmax_2d_precomputed_strides": (
        "MaxPool storage_order = 1 (column-major Indices)",
        "storage_order = 1 is not supported"),
    "node/test_averagepool_3d_default": THREE_D,
    "node/test_maxpool_3d_default": THREE_D,
    # The models PyTorch exported at opset 6.
    "pytorch-converted/test_AvgPool3d": THREE_D,
    "pytorch-converted/test_AvgPool3d_stride": THREE_D,
    "pytorch-converted/test_AvgPool3d_stride1_pad0_gpu_input": THREE_D,
    "pytorch-converted/test_Conv3d": THREE_D,
    "pytorch-converted/test_Conv3d_dilated": THREE_D,
    "pytorch-converted/test_Conv3d_dilated_strided": THREE_D,
    "pytorch-converted/test_Conv3d_groups": THREE_D,
    "pytorch-converted/test_Conv3d_no_bias": THREE_D,
    "pytorch-converted/test_Conv3d_stride": THREE_D,
    "pytorch-converted/test_Conv3d_stride_padding": THREE_D,
    "pytorch-converted/test_Linear":
        old_version("Gemm", 6),
    "pytorch-converted/test_MaxPool3d": THREE_D,
    "pytorch-converted/test_MaxPool3d_stride": THREE_D,
    "pytorch-converted/test_MaxPool3d_stride_padding": THREE_D,
    "pytorch-operator/test_operator_add_broadcast":
        old_version("Add", 6),
    "pytorch-operator/test_operator_add_size1_broadcast":
        old_version("Add", 6),
    "pytorch-operator/test_operator_add_size1_right_broadcast":
        old_version("Add", 6),
    "pytorch-operator/test_operator_add_size1_singleton_broadcast":
        old_version("Add", 6),
    "pytorch-operator/test_operator_addconstant":
        old_version("Add", 6),
    "pytorch-operator/test_operator_addmm":
        old_version("Gemm", 6),
    "pytorch-operator/test_operator_mm":
        old_version("Gemm", 6),
    "pytorch-operator/test_operator_non_float_params":
        old_version("Add", 6),
}


def supported_ops(src):
    """The operator names in edgec's op table (lib/Frontend/Onnx)."""
    ops = set()
    for path in glob.glob(os.path.join(src, "lib", "Frontend", "Onnx",
                                       "*.cpp")):
        with open(path) as f:
            ops |= set(re.findall(r'table\["(\w+)"\]', f.read()))
    if not ops:
        sys.exit(f"error: no op table found under {src}/lib/Frontend/Onnx")
    return ops


def load_tensor(path):
    tensor = onnx.TensorProto()
    with open(path, "rb") as f:
        tensor.ParseFromString(f.read())
    return numpy_helper.to_array(tensor)


def run_test(test, workdir):
    """Returns ('pass' | 'fail' | 'error', message)."""
    src = os.path.join(DATA, test)
    model = onnx.load(os.path.join(src, "model.onnx"))
    data = os.path.join(src, "test_data_set_0")
    initializers = {t.name for t in model.graph.initializer}
    inputs = [i for i in model.graph.input if i.name not in initializers]
    feeds = {}
    for i, info in enumerate(inputs):
        path = os.path.join(data, f"input_{i}.pb")
        if not info.type.HasField("tensor_type") or not os.path.exists(path):
            continue  # edgec reports the non-tensor input itself
        feeds[info.name] = load_tensor(path)
    folder = os.path.join(workdir, test.replace("/", "."))
    os.makedirs(folder)
    outputs, error = et.edgec_run(os.path.join(src, "model.onnx"), "host",
                                  feeds, folder)
    if error:
        return "error", error
    problems = []
    for i, (name, got) in enumerate(outputs.items()):
        want = load_tensor(os.path.join(data, f"output_{i}.pb"))
        if got is None:
            problems.append(f"output '{name}': no file written")
        elif got.shape != want.shape or got.dtype != want.dtype:
            problems.append(f"output '{name}': got {got.dtype}"
                            f"{list(got.shape)}, expected {want.dtype}"
                            f"{list(want.shape)}")
        else:
            bad = ~np.isclose(got, want, rtol=RTOL, atol=ATOL,
                              equal_nan=True)
            if bad.any():
                where = tuple(np.argwhere(bad)[0])
                problems.append(
                    f"output '{name}': {bad.sum()} of {bad.size} elements "
                    f"differ; first at {list(where)}: got {got[where]!r}, "
                    f"expected {want[where]!r}")
    return ("fail", "; ".join(problems)) if problems else ("pass", "")


def summary(tests, results, skipped):
    """Markdown: passed/total per operator and suite, then every test that
    does not pass and why."""
    counts = {}  # (op, suite) -> [passed, total]
    for test, ops in tests.items():
        suite = test.split("/")[0]
        for op in ops:
            c = counts.setdefault((op, suite), [0, 0])
            c[0] += results[test][0] == "pass"
            c[1] += 1
    suites = [s for s in SUITES if any(k[1] == s for k in counts)]
    lines = [
        "# ONNX backend test conformance",
        "",
        "Generated by `test/e2e/onnx_conformance.py --write-doc` (lit runs",
        "the same check) from Debian's libonnx-testdata (ONNX "
        f"{onnx.__version__}).",
        "Every test whose operators are all in edgec's op table is compiled",
        "and run with `edgec run --target=host` and compared with the",
        f"suite's expected outputs at `rtol={RTOL:g}`, `atol={ATOL:g}` (the",
        "backend test suite's default). Tests using other operators are not",
        f"counted ({skipped} of them).",
        "",
        "| suite | passed / run |",
        "| --- | --- |",
    ]
    for suite in suites:
        run = [r for t, r in results.items() if t.split("/")[0] == suite]
        lines.append(f"| {suite} | "
                     f"{sum(r[0] == 'pass' for r in run)} / {len(run)} |")
    lines += ["", "| operator | " + " | ".join(suites) + " |",
              "| --- |" + " --- |" * len(suites)]
    for op in sorted({k[0] for k in counts}):
        cells = [f"{counts[(op, s)][0]} / {counts[(op, s)][1]}"
                 if (op, s) in counts else "" for s in suites]
        lines.append(f"| {op} | " + " | ".join(cells) + " |")
    lines += ["", "## Tests that do not pass", "",
              "Each fails with the one-line error that `KNOWN_FAILURES` in",
              "the script expects, for the reason given there.", "",
              "| test | result | why |", "| --- | --- | --- |"]
    for test in sorted(results):
        status, message = results[test]
        if status == "pass":
            continue
        why = KNOWN_FAILURES[test][0] if test in KNOWN_FAILURES else message
        why = why.replace("|", "\\|").replace("\n", " ")
        lines.append(f"| {test} | {status} | {why} |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--src", required=True, help="edgec's source tree")
    parser.add_argument("--write-doc", action="store_true",
                        help="also write the summary to docs/conformance.md")
    parser.add_argument("tests", nargs="*", help="only these tests")
    args = parser.parse_args()
    if not os.path.isdir(os.path.join(DATA, "node")):
        print(f"skipped: {DATA}/node is missing (apt-get install "
              "libonnx-testdata)")
        return 0
    ops = supported_ops(args.src)
    tests, skipped = {}, 0
    for test in (f"{suite}/{name}" for suite in SUITES
                 for name in sorted(os.listdir(os.path.join(DATA, suite)))):
        if args.tests and test not in args.tests:
            continue
        path = os.path.join(DATA, test, "model.onnx")
        if not os.path.exists(path):
            continue
        model = onnx.load(path)
        types = sorted({n.op_type for n in model.graph.node})
        if types and set(types) <= ops:
            tests[test] = types
        else:
            skipped += 1
    stale = sorted(set(KNOWN_FAILURES) - set(tests))
    if stale and not args.tests:
        print(f"error: KNOWN_FAILURES lists tests that are not run: {stale}")
        return 1

    workdir = tempfile.mkdtemp(prefix="edgec-onnx-conformance-")
    jobs = int(os.environ.get("EDGEC_TEST_JOBS", "2"))
    try:
        with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
            results = dict(zip(tests, pool.map(
                lambda t: run_test(t, workdir), tests)))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    unexpected = 0
    for test, (status, message) in results.items():
        why, error = KNOWN_FAILURES.get(test, (None, None))
        if status == "pass" and why:
            unexpected += 1
            print(f"XPASS {test}: listed as failing ({why}); remove it "
                  "from KNOWN_FAILURES")
        elif status == "pass":
            print(f"PASS  {test}")
        elif why and status == "error" and error in message:
            print(f"XFAIL {test} ({why})")
        elif why:
            unexpected += 1
            print(f"{status.upper():5} {test}: listed as failing with "
                  f"'{error}' ({why}), but: {message}")
        else:
            unexpected += 1
            print(f"{status.upper():5} {test}: {message}")
    text = summary(tests, results, skipped)
    print()
    print(text)
    if args.write_doc:
        path = os.path.join(args.src, "docs", "conformance.md")
        with open(path, "w") as f:
            f.write(text)
        print(f"wrote {path}")
    passed = sum(r[0] == "pass" for r in results.values())
    print(f"onnx_conformance: {passed} passed, {unexpected} unexpected "
          f"results, {len(results) - passed - unexpected} known failures")
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
