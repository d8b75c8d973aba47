# RUN: %python %s
# The vector kernels of -edgec-generate-kernels compute what linalg does:
# each case runs one scheduled op through the kernel generator and the same
# op through linalg's loop lowering (its operands cast to dynamic shapes, which
# the kernel generator leaves alone), on integer-valued inputs so that every
# sum is exact, and requires identical outputs. Cases cover strides,
# dilations, filter and column remainder tiles, batches and every op kind.

import os
import shutil
import subprocess
import sys

RUNNER = shutil.which("mlir-cpu-runner")
LIBDIR = os.path.join(os.path.dirname(os.path.realpath(RUNNER)), "..", "lib")
LOWER = [
    "--convert-linalg-to-loops", "--expand-strided-metadata", "--lower-affine",
    "--convert-scf-to-cf", "--convert-vector-to-llvm", "--convert-math-to-llvm",
    "--finalize-memref-to-llvm", "--convert-arith-to-llvm",
    "--convert-func-to-llvm", "--convert-cf-to-llvm", "--convert-index-to-llvm",
    "--reconcile-unrealized-casts",
]


def typ(shape, dynamic=False):
    dims = "x".join("?" if dynamic else str(d) for d in shape)
    return f"memref<{dims}xf32>"


def count(shape):
    n = 1
    for d in shape:
        n *= d
    return n


def fill(name, shape, seed):
    """Stores ((i * 7 + seed) mod 13) - 6 at flat index i."""
    n, dims = count(shape), ", ".join(str(i) for i in range(len(shape)))
    return f"""
  %{name} = memref.alloc() : {typ(shape)}
  %{name}_flat = memref.collapse_shape %{name} [[{dims}]] : {typ(shape)} into memref<{n}xf32>
  %{name}_n = arith.constant {n} : index
  %{name}_seed = arith.constant {seed} : i64
  scf.for %i = %c0 to %{name}_n step %c1 {{
    %ii = arith.index_cast %i : index to i64
    %m = arith.muli %ii, %i7 : i64
    %s = arith.addi %m, %{name}_seed : i64
    %r = arith.remsi %s, %i13 : i64
    %f = arith.sitofp %r : i64 to f32
    %v = arith.subf %f, %f6 : f32
    memref.store %v, %{name}_flat[%i] : memref<{n}xf32>
  }}"""


def module(op, attrs, a, b, o, schedule):
    f, lanes, vectors = schedule
    sched = (f"edgec.schedule = {{rows = {f} : i64, lanes = {lanes} : i64, "
             f"vectors = {vectors} : i64}}")
    kernel_attrs = "{" + ", ".join(x for x in (attrs, sched) if x) + "}"
    ref_attrs = "{" + attrs + "}" if attrs else ""
    sig = f"{typ(a)}, {typ(b)}, {typ(o)}"
    return f"""
func.func private @printMemrefF32(memref<*xf32>)
func.func @kernel(%a: {typ(a)}, %b: {typ(b)}, %o: {typ(o)}) {{
  {op} {kernel_attrs} ins(%a, %b : {typ(a)}, {typ(b)}) outs(%o : {typ(o)})
  return
}}
func.func @ref(%a0: {typ(a)}, %b0: {typ(b)}, %o0: {typ(o)}) {{
  %a = memref.cast %a0 : {typ(a)} to {typ(a, True)}
  %b = memref.cast %b0 : {typ(b)} to {typ(b, True)}
  %o = memref.cast %o0 : {typ(o)} to {typ(o, True)}
  {op} {ref_attrs} ins(%a, %b : {typ(a, True)}, {typ(b, True)}) outs(%o : {typ(o, True)})
  return
}}
func.func @main() {{
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %i7 = arith.constant 7 : i64
  %i13 = arith.constant 13 : i64
  %f6 = arith.constant 6.0 : f32
  {fill("a", a, 1)}
  {fill("b", b, 2)}
  {fill("o", o, 3)}
  {fill("ref", o, 3)}
  call @kernel(%a, %b, %o) : ({sig}) -> ()
  call @ref(%a, %b, %ref) : ({sig}) -> ()
  %zero = arith.constant 0.0 : f32
  %diff = scf.for %i = %c0 to %o_n step %c1 iter_args(%acc = %zero) -> (f32) {{
    %x = memref.load %o_flat[%i] : memref<{count(o)}xf32>
    %y = memref.load %ref_flat[%i] : memref<{count(o)}xf32>
    %d = arith.subf %x, %y : f32
    %ad = math.absf %d : f32
    %mx = arith.maximumf %acc, %ad : f32
    scf.yield %mx : f32
  }}
  %res = memref.alloc() : memref<1xf32>
  memref.store %diff, %res[%c0] : memref<1xf32>
  %u = memref.cast %res : memref<1xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}}
"""


def conv_attrs(s, d):
    return (f"dilations = dense<[{d[0]}, {d[1]}]> : tensor<2xi64>, "
            f"strides = dense<[{s[0]}, {s[1]}]> : tensor<2xi64>")


def out(size, k, s, d):
    return (size - d * (k - 1) - 1) // s + 1


cases = {}
# Dense: N, C, H, W, F, KH, KW, strides, dilations, (rows, lanes, vectors).
for i, (n, c, h, w, f, kh, kw, s, d, sch) in enumerate([
        (1, 3, 8, 8, 4, 3, 3, (1, 1), (1, 1), (2, 4, 1)),
        (2, 3, 9, 13, 5, 3, 3, (2, 2), (1, 1), (4, 4, 2)),
        (1, 2, 11, 17, 3, 3, 2, (1, 2), (2, 1), (2, 4, 2)),
        (1, 4, 7, 23, 6, 1, 1, (1, 3), (1, 1), (4, 8, 1)),
        (1, 1, 10, 10, 1, 3, 3, (2, 2), (2, 2), (1, 4, 3))]):
    cases[f"conv{i}"] = module(
        "linalg.conv_2d_nchw_fchw", conv_attrs(s, d), (n, c, h, w),
        (f, c, kh, kw),
        (n, f, out(h, kh, s[0], d[0]), out(w, kw, s[1], d[1])), sch)
for i, (n, c, h, w, kh, kw, s, d, sch) in enumerate([
        (1, 3, 6, 10, 3, 3, (1, 1), (1, 1), (1, 4, 4)),
        (2, 5, 9, 19, 3, 3, (2, 2), (1, 1), (1, 4, 2)),
        (1, 2, 9, 9, 2, 3, (1, 2), (2, 2), (1, 8, 1))]):
    cases[f"depthwise{i}"] = module(
        "linalg.depthwise_conv_2d_nchw_chw", conv_attrs(s, d), (n, c, h, w),
        (c, kh, kw),
        (n, c, out(h, kh, s[0], d[0]), out(w, kw, s[1], d[1])), sch)
for i, (n, g, cg, h, w, fg, kh, kw, s, sch) in enumerate([
        (1, 2, 2, 5, 9, 3, 3, 3, (1, 1), (2, 4, 1)),
        (2, 3, 1, 7, 11, 2, 3, 3, (2, 2), (4, 4, 2))]):
    cases[f"grouped{i}"] = module(
        "linalg.conv_2d_ngchw_gfchw", conv_attrs(s, (1, 1)),
        (n, g, cg, h, w), (g, fg, cg, kh, kw),
        (n, g, fg, out(h, kh, s[0], 1), out(w, kw, s[1], 1)), sch)
for i, (m, k, n, sch) in enumerate([
        (2, 3, 4, (2, 4, 1)), (7, 5, 19, (4, 4, 2)), (1, 9, 1, (4, 8, 2)),
        (13, 4, 8, (3, 4, 2))]):
    cases[f"matmul{i}"] = module("linalg.matmul", "", (m, k), (k, n), (m, n),
                                 sch)
for i, (bt, m, k, n, sch) in enumerate([
        (3, 2, 3, 5, (2, 4, 1)), (2, 5, 4, 9, (4, 4, 2))]):
    cases[f"batch_matmul{i}"] = module("linalg.batch_matmul", "", (bt, m, k),
                                       (bt, k, n), (bt, m, n), sch)


def run(name, text):
    kernels = subprocess.run(["edgec-opt", "-edgec-generate-kernels"],
                             input=text, capture_output=True, text=True,
                             check=True).stdout
    assert "linalg.conv" not in kernels.split("func.func @ref")[0] and \
        "linalg.matmul" not in kernels.split("func.func @ref")[0] and \
        "linalg.batch_matmul" not in kernels.split("func.func @ref")[0], \
        f"{name}: the kernel op was not replaced"
    llvm = subprocess.run(["mlir-opt"] + LOWER, input=kernels,
                          capture_output=True, text=True, check=True).stdout
    result = subprocess.run(
        [RUNNER, "-e", "main", "-entry-point-result=void",
         f"-shared-libs={LIBDIR}/libmlir_runner_utils.so,"
         f"{LIBDIR}/libmlir_c_runner_utils.so"],
        input=llvm, capture_output=True, text=True, check=True).stdout
    return result.strip().splitlines()[-1]


failures = []
for name, text in cases.items():
    diff = run(name, text)
    print(f"{name}: max |kernel - linalg| = {diff}")
    if diff != "[0]":
        failures.append(name)
if failures:
    sys.exit("kernels differ from linalg: " + ", ".join(failures))
