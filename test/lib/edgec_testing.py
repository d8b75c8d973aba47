"""End-to-end numeric tests: build small ONNX models, run them with
`edgec run` on one or more targets, and compare with numpy references.

    import edgec_testing as et
    s = et.Suite("conv")                     # seeded numpy Generator inside
    x, w = s.randn(1, 3, 8, 8), s.randn(4, 3, 3, 3)
    s.node("conv_3x3", "Conv", inputs={"x": x}, weights={"w": w},
           expected={"y": et.ref.conv(x, w, pads=[1, 1, 1, 1])},
           pads=[1, 1, 1, 1])                # node attributes
    s.main()                                 # argv: targets, e.g. host rpi4

`Suite.graph` takes a list of nodes instead. The expected outputs define the
graph outputs (names, order, element types and shapes).

Every case is compiled and run once per target; each output must have the
reference's shape and a relative L2 error `||got - ref|| / ||ref||` of at
most the case's tolerance (FP32_TOLERANCE unless a case states otherwise
with a reason). The references below are written from the ONNX operator
specifications in float64, independently of edgec's lowering.

A case may carry `xfail="<bug>"`: it still runs, a failure is reported as
expected, and an unexpected pass fails the script so the mark gets removed.
A case may carry `flags=[...]`: extra `edgec run` arguments, such as
`--conv-algorithm=winograd4`.

edgec comes from PATH (lit puts build/bin there); EDGEC_TEST_JOBS sets how
many cases run at once (default 2), EDGEC_TEST_KEEP=1 keeps the work folder.
"""
# lit finds this file too (test/lib holds .py files); it then checks the
# references and the comparison against hand-computed values.
# RUN: %python %s --self-test
import concurrent.futures
import itertools
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

import numpy as np
import onnx
from onnx import helper, numpy_helper

# Relative L2 error allowed between an fp32 result and the float64
# reference. Never loosen it to make a test pass: find the bug instead.
FP32_TOLERANCE = 1e-5

DEFAULT_OPSET = 13


def sanitize(name):
    """The file name `edgec run --output-dir` writes for output `name`."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", name) or "_"


def output_files(names):
    """The file name of each output, in graph order: sanitized, and when
    that file is already taken by an earlier output, suffixed _1, _2, ..."""
    files = []
    for name in names:
        base = sanitize(name)
        file, suffix = base + ".npy", 0
        while file in files:
            suffix += 1
            file = f"{base}_{suffix}.npy"
        files.append(file)
    return files


def relative_l2(got, ref):
    """||got - ref|| / ||ref|| in float64; ||got - ref|| when ref is zero.
    NaN or infinity anywhere the reference is finite counts as infinite."""
    got = np.asarray(got, dtype=np.float64)
    ref = np.asarray(ref, dtype=np.float64)
    if not np.array_equal(np.isfinite(got), np.isfinite(ref)):
        return math.inf
    finite = np.isfinite(ref)
    if not np.array_equal(got[~finite], ref[~finite], equal_nan=True):
        return math.inf  # infinities of the wrong sign, or NaN for inf
    diff = np.linalg.norm(got[finite] - ref[finite])
    norm = np.linalg.norm(ref[finite])
    return float(diff / norm) if norm > 0 else float(diff)


# ---------------------------------------------------------------------------
# Models


def _value_info(name, array):
    dtype = np.asarray(array).dtype
    return helper.make_tensor_value_info(
        name, onnx.mapping.NP_TYPE_TO_TENSOR_TYPE[dtype], list(np.shape(array)))


def make_model(nodes, inputs, outputs, weights=None, opset=DEFAULT_OPSET,
               check=True):
    """A model of `nodes`; `inputs`/`outputs`/`weights` map names to arrays
    (graph inputs and outputs take their type and shape from them). `check`
    runs onnx's checker, which also insists on topologically sorted nodes."""
    graph = helper.make_graph(
        nodes, "e2e",
        [_value_info(n, a) for n, a in inputs.items()],
        [_value_info(n, a) for n, a in outputs.items()],
        [numpy_helper.from_array(np.asarray(a), n)
         for n, a in (weights or {}).items()])
    model = helper.make_model(
        graph, producer_name="edgec_testing",
        opset_imports=[helper.make_opsetid("", opset)])
    if check:
        onnx.checker.check_model(model)
    return model


class Case:
    def __init__(self, name, model, feeds, expected, tolerance=FP32_TOLERANCE,
                 xfail=None, flags=(), compare=None):
        """`compare(name, got, ref)`, when given, replaces the relative L2
        check: it returns what is wrong with output `name`, or None."""
        self.name = name
        self.model = model
        self.feeds = feeds
        self.expected = expected
        self.tolerance = tolerance
        self.xfail = xfail
        self.flags = list(flags)
        self.compare = compare


class Suite:
    def __init__(self, name, seed=0):
        self.name = name
        self.rng = np.random.default_rng(seed)
        self.cases = []

    # Inputs ---------------------------------------------------------------
    def randn(self, *shape, scale=1.0):
        return (self.rng.standard_normal(shape) * scale).astype(np.float32)

    def uniform(self, lo, hi, *shape):
        return self.rng.uniform(lo, hi, shape).astype(np.float32)

    # Cases ----------------------------------------------------------------
    def add(self, name, model, feeds, expected, **kwargs):
        if any(c.name == name for c in self.cases):
            raise ValueError(f"duplicate case name {name}")
        expected = {k: np.asarray(v) for k, v in expected.items()}
        for k, v in expected.items():
            if v.dtype == np.float64:
                raise ValueError(f"{name}: the reference of '{k}' is float64;"
                                 " cast it to the output's type (float32)")
        self.cases.append(Case(name, model, feeds, expected, **kwargs))

    def graph(self, name, nodes, inputs, expected, weights=None,
              opset=DEFAULT_OPSET, check=True, **kwargs):
        """A case for a small graph: `inputs` are fed, `expected` holds the
        reference of every graph output."""
        model = make_model(nodes, inputs, expected, weights, opset, check)
        self.add(name, model, inputs, expected, **kwargs)

    def node(self, name, op_type, inputs, expected, weights=None, order=None,
             opset=DEFAULT_OPSET, tolerance=FP32_TOLERANCE, xfail=None,
             **attrs):
        """A case for one node. Its inputs are `order` (names, "" for a left
        out optional input) or else the graph inputs then the weights."""
        weights = weights or {}
        names = order if order is not None else [*inputs, *weights]
        node = helper.make_node(op_type, names, list(expected), **attrs)
        self.graph(name, [node], inputs, expected, weights, opset,
                   tolerance=tolerance, xfail=xfail)

    # Running --------------------------------------------------------------
    def main(self, argv=None):
        argv = sys.argv[1:] if argv is None else argv
        targets = [t for t in argv if not t.startswith("-")]
        if not targets:
            targets = ["host"]
        sys.exit(run_cases(self.name, self.cases, targets))


def edgec_run(model_path, target, feeds, folder, flags=()):
    """`edgec run`s the model on `target` with `feeds` (name -> array) in
    `folder`, adding `flags` to the command line. Returns (outputs, error):
    outputs maps each graph output name to the array the runner wrote (None
    when it wrote no file), error is None or what went wrong."""
    cmd = ["edgec", "run", model_path, f"--target={target}",
           "--output-dir", os.path.join(folder, "out"), *flags]
    for i, (name, value) in enumerate(feeds.items()):
        path = os.path.join(folder, f"input_{i}.npy")
        np.save(path, value)
        cmd += ["--input", f"{name}={path}"]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True,
                              timeout=300)
    except subprocess.TimeoutExpired:
        return None, "edgec run timed out"
    except OSError as e:
        return None, f"cannot run edgec: {e}"
    if proc.returncode != 0:
        return None, (f"edgec run exited with {proc.returncode}: " +
                      (proc.stderr.strip() or proc.stdout.strip()))
    names = [o.name for o in onnx.load(model_path).graph.output]
    outputs = {}
    for name, file in zip(names, output_files(names)):
        path = os.path.join(folder, "out", file)
        outputs[name] = np.load(path) if os.path.exists(path) else None
    return outputs, None


def _run_one(case, target, workdir):
    """Compiles and runs `case` on `target`; returns (status, message)."""
    folder = os.path.join(workdir, f"{sanitize(case.name)}.{target}")
    os.makedirs(folder)
    model_path = os.path.join(folder, "model.onnx")
    onnx.save(case.model, model_path)
    outputs, error = edgec_run(model_path, target, case.feeds, folder,
                               case.flags)
    if error:
        return False, error
    problems = []
    for name, got in outputs.items():
        ref = case.expected[name]
        if got is None:
            problems.append(f"output '{name}': the runner wrote no file")
            continue
        if got.shape != ref.shape or got.dtype != ref.dtype.newbyteorder("="):
            problems.append(f"output '{name}': got {got.dtype}{list(got.shape)}"
                            f", expected {ref.dtype}{list(ref.shape)}")
            continue
        if case.compare:
            problem = case.compare(name, got, ref)
            if problem:
                problems.append(f"output '{name}' {list(ref.shape)}: {problem}")
            continue
        err = relative_l2(got, ref)
        if not err <= case.tolerance:
            where = np.unravel_index(
                np.nanargmax(np.where(np.isnan(got), np.inf,
                                      np.abs(got.astype(np.float64) - ref))),
                ref.shape) if ref.size else ()
            problems.append(
                f"output '{name}' {list(ref.shape)}: relative L2 error "
                f"{err:.3g} > {case.tolerance:g}; worst at {list(where)}: "
                f"got {got[where]!r}, expected {ref[where]!r}")
    return not problems, "\n  ".join(problems)


def run_cases(suite, cases, targets):
    """Runs every case on every target; prints one line per run and a
    summary. Returns the exit status (1 when anything failed)."""
    if not shutil.which("edgec"):
        print("error: edgec is not on PATH")
        return 1
    keep = os.environ.get("EDGEC_TEST_KEEP") == "1"
    workdir = tempfile.mkdtemp(prefix=f"edgec-e2e-{suite}-")
    jobs = int(os.environ.get("EDGEC_TEST_JOBS", "2"))
    runs = [(c, t) for c in cases for t in targets]
    failed = xfailed = 0
    try:
        with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
            results = pool.map(lambda r: _run_one(r[0], r[1], workdir), runs)
            for (case, target), (ok, message) in zip(runs, results):
                shapes = ", ".join(
                    f"{n}{list(np.shape(v))}" for n, v in case.feeds.items())
                label = f"{suite}/{case.name} [{target}] ({shapes})"
                if ok and case.xfail:
                    failed += 1
                    print(f"XPASS {label}: marked as failing for "
                          f"'{case.xfail}'; remove the mark")
                elif ok:
                    print(f"PASS  {label}")
                elif case.xfail:
                    xfailed += 1
                    print(f"XFAIL {label} ({case.xfail}):\n  {message}")
                else:
                    failed += 1
                    print(f"FAIL  {label}:\n  {message}")
                sys.stdout.flush()
    finally:
        if keep:
            print(f"work folder kept: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    passed = len(runs) - failed - xfailed
    print(f"{suite}: {len(cases)} cases on {', '.join(targets)}: "
          f"{passed} passed, {failed} failed, {xfailed} expected failures")
    return 1 if failed else 0


# ---------------------------------------------------------------------------
# References, in float64, from the ONNX operator specifications.


class ref:
    @staticmethod
    def window_pads(in_spatial, kernel, strides, dilations, pads, auto_pad):
        """Explicit [begin..., end...] pads for an auto_pad mode."""
        rank = len(in_spatial)
        if auto_pad in ("NOTSET", None):
            return list(pads) if pads is not None else [0] * (2 * rank)
        if auto_pad == "VALID":
            return [0] * (2 * rank)
        begin, end = [], []
        for i in range(rank):
            out = -(-in_spatial[i] // strides[i])
            total = max(0, (out - 1) * strides[i] +
                        dilations[i] * (kernel[i] - 1) + 1 - in_spatial[i])
            lower = total // 2 if auto_pad == "SAME_UPPER" else total - total // 2
            begin.append(lower)
            end.append(total - lower)
        return begin + end

    @staticmethod
    def _windows(xp, kernel, strides, dilations, out):
        """Yields (kernel offset, strided view of xp [N, C, out...]) for
        every kernel position."""
        for k in itertools.product(*(range(n) for n in kernel)):
            idx = (slice(None), slice(None)) + tuple(
                slice(k[i] * dilations[i],
                      k[i] * dilations[i] + (out[i] - 1) * strides[i] + 1,
                      strides[i]) for i in range(len(kernel)))
            yield k, xp[idx]

    @staticmethod
    def conv(x, w, b=None, strides=None, dilations=None, pads=None,
             group=1, auto_pad="NOTSET"):
        x = np.asarray(x, np.float64)
        w = np.asarray(w, np.float64)
        n, c = x.shape[:2]
        f, cg = w.shape[:2]
        kernel = w.shape[2:]
        rank = len(kernel)
        strides = strides or [1] * rank
        dilations = dilations or [1] * rank
        pads = ref.window_pads(x.shape[2:], kernel, strides, dilations, pads,
                               auto_pad)
        assert c == cg * group and f % group == 0
        xp = np.pad(x, [(0, 0), (0, 0)] +
                    [(pads[i], pads[i + rank]) for i in range(rank)])
        out = [(xp.shape[2 + i] - dilations[i] * (kernel[i] - 1) - 1)
               // strides[i] + 1 for i in range(rank)]
        y = np.zeros([n, f] + out)
        fg = f // group
        for g in range(group):
            for k, view in ref._windows(xp[:, g * cg:(g + 1) * cg], kernel,
                                        strides, dilations, out):
                wk = w[(slice(g * fg, (g + 1) * fg), slice(None)) + k]
                y[:, g * fg:(g + 1) * fg] += np.einsum("nc...,fc->nf...",
                                                       view, wk)
        if b is not None:
            y += np.asarray(b, np.float64).reshape([1, f] + [1] * rank)
        return y.astype(np.float32)

    @staticmethod
    def conv_transpose(x, w, b=None, strides=None, dilations=None, pads=None,
                       output_padding=None, output_shape=None, group=1,
                       auto_pad="NOTSET"):
        """ConvTranspose by its definition: every input value scatters
        value * weight into the full result, which pads then crop."""
        x = np.asarray(x, np.float64)
        w = np.asarray(w, np.float64)
        n, c = x.shape[:2]
        fg = w.shape[1]
        kernel = w.shape[2:]
        rank = len(kernel)
        strides = strides or [1] * rank
        dilations = dilations or [1] * rank
        output_padding = output_padding or [0] * rank
        full = [strides[i] * (x.shape[2 + i] - 1) + output_padding[i] +
                dilations[i] * (kernel[i] - 1) + 1 for i in range(rank)]
        if output_shape is None and auto_pad in ("SAME_UPPER", "SAME_LOWER"):
            output_shape = [x.shape[2 + i] * strides[i] for i in range(rank)]
        if output_shape is not None:
            output_shape = list(output_shape)[-rank:]
            total = [full[i] - output_shape[i] for i in range(rank)]
            # Floor division, as ONNX's reference: negative totals extend.
            if auto_pad == "SAME_UPPER":
                begin = [t // 2 for t in total]
            else:
                begin = [t - t // 2 for t in total]
            pads = begin + [total[i] - begin[i] for i in range(rank)]
        pads = pads or [0] * (2 * rank)
        y = np.zeros([n, fg * group] + full)
        cg = c // group
        for g in range(group):
            xs = x[:, g * cg:(g + 1) * cg]
            for k in itertools.product(*(range(m) for m in kernel)):
                idx = (slice(None), slice(g * fg, (g + 1) * fg)) + tuple(
                    slice(k[i] * dilations[i],
                          k[i] * dilations[i] +
                          (x.shape[2 + i] - 1) * strides[i] + 1, strides[i])
                    for i in range(rank))
                wk = w[(slice(g * cg, (g + 1) * cg), slice(None)) + k]
                y[idx] += np.einsum("nc...,cf->nf...", xs, wk)
        # Negative pads (an output_shape beyond the full result) extend it.
        y = np.pad(y, [(0, 0), (0, 0)] + [
            (max(0, -pads[i]), max(0, -pads[i + rank])) for i in range(rank)])
        crop = (slice(None), slice(None)) + tuple(
            slice(max(0, pads[i]), y.shape[2 + i] - max(0, pads[i + rank]))
            for i in range(rank))
        y = y[crop]
        if b is not None:
            y += np.asarray(b, np.float64).reshape([1, -1] + [1] * rank)
        return y.astype(np.float32)

    @staticmethod
    def pool_out_size(size, k, s, d, pb, pe, ceil_mode):
        span = d * (k - 1) + 1
        room = size + pb + pe - span
        out = (-(-room // s) if ceil_mode else room // s) + 1
        # PyTorch's and ONNX Runtime's rule: no window starts in the end pad.
        if ceil_mode and (out - 1) * s >= size + pb:
            out -= 1
        return out

    @staticmethod
    def pool(x, kind, kernel, strides=None, pads=None, dilations=None,
             ceil_mode=0, count_include_pad=0, auto_pad="NOTSET"):
        """MaxPool ('max') or AveragePool ('avg'). An average's divisor
        counts the input and, with count_include_pad, the explicit pads,
        never the extra room a ceil_mode window hangs past them (the rule of
        PyTorch and ONNX Runtime)."""
        x = np.asarray(x, np.float64)
        rank = len(kernel)
        strides = strides or [1] * rank
        dilations = dilations or [1] * rank
        pads = ref.window_pads(x.shape[2:], kernel, strides, dilations, pads,
                               auto_pad)
        out = [ref.pool_out_size(x.shape[2 + i], kernel[i], strides[i],
                                 dilations[i], pads[i], pads[i + rank],
                                 ceil_mode) for i in range(rank)]
        # Room for the last ceil_mode window; marked NaN = not counted.
        extra = [max(0, (out[i] - 1) * strides[i] + dilations[i] *
                     (kernel[i] - 1) + 1 -
                     (x.shape[2 + i] + pads[i] + pads[i + rank]))
                 for i in range(rank)]
        inner = [(0, 0), (0, 0)] + [(pads[i], pads[i + rank])
                                    for i in range(rank)]
        pad_value = -np.inf if kind == "max" else (
            0.0 if count_include_pad else np.nan)
        xp = np.pad(x, inner, constant_values=pad_value)
        xp = np.pad(xp, [(0, 0), (0, 0)] + [(0, e) for e in extra],
                    constant_values=-np.inf if kind == "max" else np.nan)
        views = [v for _, v in ref._windows(xp, kernel, strides, dilations,
                                            out)]
        stack = np.stack(views)
        if kind == "max":
            y = stack.max(axis=0)
        else:
            y = np.nansum(stack, axis=0) / np.sum(~np.isnan(stack), axis=0)
        return y.astype(np.float32)

    @staticmethod
    def softmax(x, axis=-1):
        x = np.asarray(x, np.float64)
        e = np.exp(x - x.max(axis=axis, keepdims=True))
        return (e / e.sum(axis=axis, keepdims=True)).astype(np.float32)

    @staticmethod
    def sigmoid(x):
        x = np.asarray(x, np.float64)
        # Written in both directions so exp never overflows.
        return np.where(x >= 0, 1 / (1 + np.exp(-np.abs(x))),
                        np.exp(-np.abs(x)) / (1 + np.exp(-np.abs(x)))
                        ).astype(np.float32)

    @staticmethod
    def batchnorm(x, scale, bias, mean, var, epsilon=1e-5):
        x = np.asarray(x, np.float64)
        shape = [1, -1] + [1] * (x.ndim - 2)
        r = lambda a: np.asarray(a, np.float64).reshape(shape)
        return ((x - r(mean)) / np.sqrt(r(var) + epsilon) * r(scale) +
                r(bias)).astype(np.float32)

    @staticmethod
    def gemm(a, b, c=None, alpha=1.0, beta=1.0, transA=0, transB=0):
        a = np.asarray(a, np.float64)
        b = np.asarray(b, np.float64)
        a = a.T if transA else a
        b = b.T if transB else b
        y = alpha * (a @ b)
        if c is not None:
            y = y + beta * np.asarray(c, np.float64)
        return y.astype(np.float32)


# ---------------------------------------------------------------------------
# Self-test: the references against values worked out by hand.


def _self_test():
    def check(what, got, want):
        if not np.allclose(got, want, rtol=1e-6, atol=1e-6):
            raise SystemExit(f"self-test {what}: got\n{got}\nwant\n{want}")

    assert sanitize("a:b/c d.e-f_g") == "a_b_c_d.e-f_g"
    assert sanitize("") == "_"
    assert output_files(["a/b", "a:b", "a_b", "c"]) == [
        "a_b.npy", "a_b_1.npy", "a_b_2.npy", "c.npy"]
    assert relative_l2([1.0, 2.0], [1.0, 2.0]) == 0.0
    check("relative_l2", relative_l2([3.0, 4.0], [0.0, 5.0]), math.sqrt(10) / 5)
    assert relative_l2([np.nan], [1.0]) == math.inf
    assert relative_l2([np.inf], [-np.inf]) == math.inf
    assert relative_l2([np.inf, 1.0], [np.inf, 1.0]) == 0.0
    assert relative_l2([np.nan, 1.0], [np.nan, 1.0]) == 0.0
    assert relative_l2([np.nan, 1.0], [np.inf, 1.0]) == math.inf
    assert relative_l2([1e-3], [0.0]) == 1e-3

    x = np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4)
    # 2x2 window of ones, stride 2: sums of 2x2 blocks.
    check("conv stride", ref.conv(x, np.ones((1, 1, 2, 2)), strides=[2, 2]),
          [[[[10, 18], [42, 50]]]])
    # Dilation 2 with a 2x2 kernel picks corners 2 apart.
    check("conv dilation", ref.conv(x, np.ones((1, 1, 2, 2)),
                                    dilations=[2, 2]),
          [[[[0 + 2 + 8 + 10, 1 + 3 + 9 + 11], [4 + 6 + 12 + 14,
                                                  5 + 7 + 13 + 15]]]])
    # Pads 1 on the left only, 1x2 kernel [1, 10]: y[i] = x[i-1] + 10 x[i].
    row = np.array([[[1, 2, 3]]], np.float32)
    check("conv 1-D pads", ref.conv(row, [[[1, 10]]], pads=[1, 0]),
          [[[10, 21, 32]]])
    # Two groups, one channel each, with bias.
    two = np.stack([row[0, 0], 2 * row[0, 0]])[None]
    check("conv groups", ref.conv(two, [[[1]], [[3]]], b=[0.5, -1], group=2),
          [[[1.5, 2.5, 3.5], [5, 11, 17]]])
    check("SAME_UPPER pads", ref.window_pads([5], [4], [2], [1], None,
                                             "SAME_UPPER"), [1, 2])
    check("SAME_LOWER pads", ref.window_pads([5], [4], [2], [1], None,
                                             "SAME_LOWER"), [2, 1])
    check("maxpool", ref.pool(x, "max", [2, 2], [2, 2]),
          [[[[5, 7], [13, 15]]]])
    # ceil_mode: 4 wide, window 3, stride 2 -> 2 windows, the second
    # hanging one past the end.
    check("avgpool ceil", ref.pool(row[:, :, :] * 1.0, "avg", [2], [2],
                                   ceil_mode=1), [[[1.5, 3]]])
    check("avgpool pads excluded", ref.pool(row, "avg", [2], [1],
                                            pads=[1, 0]), [[[1, 1.5, 2.5]]])
    check("avgpool pads included", ref.pool(row, "avg", [2], [1], pads=[1, 0],
                                            count_include_pad=1),
          [[[0.5, 1.5, 2.5]]])
    check("pool out ceil rule", ref.pool_out_size(5, 2, 2, 1, 0, 1, 1), 3)
    check("softmax", ref.softmax([[0.0, np.log(3.0)]]), [[0.25, 0.75]])
    check("sigmoid", ref.sigmoid([-1000.0, 0.0, 1000.0]), [0, 0.5, 1])
    check("gemm", ref.gemm([[1, 2]], [[3], [4]], c=[1], alpha=2, beta=3),
          [[25]])
    print("edgec_testing self-test passed")


if __name__ == "__main__" and "--self-test" in sys.argv:
    _self_test()
