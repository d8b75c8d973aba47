# Gemm, MatMul and Einsum end to end: every transA/transB combination,
# alpha/beta, every shape of C that broadcasts, numpy matmul's vector
# promotion and batch broadcasting, and the einsum contractions exporters
# write (batched attention, outer products, transposes, sums); sizes leave
# remainder tiles in the matrix kernel.
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import numpy as np

import edgec_testing as et

s = et.Suite("matrix")


def gemm(name, m, k, n, c_shape=None, c_is_input=False, **attrs):
    ta, tb = attrs.get("transA", 0), attrs.get("transB", 0)
    a = s.randn(*((k, m) if ta else (m, k)))
    b = s.randn(*((n, k) if tb else (k, n)))
    c = s.randn(*c_shape) if c_shape is not None else None
    y = et.ref.gemm(a, b, c, attrs.get("alpha", 1.0), attrs.get("beta", 1.0),
                    ta, tb)
    # B (and C unless asked otherwise) are weights, as exporters write them.
    inputs, weights = {"a": a}, {"b": b}
    if c is not None:
        (inputs if c_is_input else weights)["c"] = c
    order = ["a", "b"] + (["c"] if c is not None else [])
    s.node(name, "Gemm", inputs, {"y": y}, weights, order=order, **attrs)


for ta in (0, 1):
    for tb in (0, 1):
        gemm(f"gemm_transA{ta}_transB{tb}", 5, 7, 11, (11,), transA=ta,
             transB=tb)
gemm("gemm_no_c", 3, 16, 10)
gemm("gemm_no_c_alpha", 3, 16, 10, alpha=0.5)
gemm("gemm_alpha_beta", 6, 9, 13, (6, 13), alpha=0.25, beta=-1.5)
gemm("gemm_beta_only", 6, 9, 13, (13,), beta=2.0)
gemm("gemm_c_n", 4, 8, 19, (19,))
gemm("gemm_c_1xn", 4, 8, 19, (1, 19))
gemm("gemm_c_mx1", 4, 8, 19, (4, 1))
gemm("gemm_c_mxn", 4, 8, 19, (4, 19))
gemm("gemm_c_scalar", 4, 8, 19, ())
gemm("gemm_c_1x1", 4, 8, 19, (1, 1), alpha=1.5)
gemm("gemm_c_input", 4, 8, 19, (4, 19), c_is_input=True, transB=1)
gemm("gemm_fc_1x256x10", 1, 256, 10, (10,), transB=1)
gemm("gemm_a_weight_b_input", 7, 3, 9, (9,), transA=1)
# Both operands at run time, transposed at run time.
a, b = s.randn(6, 5), s.randn(7, 6)
s.node("gemm_runtime_b_transA_transB", "Gemm", {"a": a, "b": b},
       {"y": et.ref.gemm(a, b, transA=1, transB=1)}, transA=1, transB=1)
# A weight on the left: W x.
w, x = s.randn(10, 12), s.randn(12, 7)
s.node("matmul_weight_lhs", "MatMul", {"x": x}, {"y": np.matmul(
    w.astype(np.float64), x).astype(np.float32)}, {"w": w}, order=["w", "x"])
a, b = s.randn(64, 96), s.randn(96, 80)
s.node("matmul_64x96x80", "MatMul", {"a": a, "b": b}, {"y": np.matmul(
    a.astype(np.float64), b).astype(np.float32)})


def matmul(name, a_shape, b_shape, b_weight=False):
    a = s.randn(*a_shape)
    b = s.randn(*b_shape)
    y = np.matmul(a.astype(np.float64), b.astype(np.float64)).astype(
        np.float32)
    if b_weight:
        s.node(name, "MatMul", {"a": a}, {"y": y}, {"b": b})
    else:
        s.node(name, "MatMul", {"a": a, "b": b}, {"y": y})


matmul("matmul_2d", (5, 7), (7, 9))
matmul("matmul_2d_weight", (3, 33), (33, 17), b_weight=True)
matmul("matmul_3d_batched", (3, 4, 6), (3, 6, 5))
matmul("matmul_3d_times_2d", (2, 5, 6), (6, 13), b_weight=True)
matmul("matmul_batch_1_vs_k", (1, 4, 6), (3, 6, 5))
matmul("matmul_batch_k_vs_1", (3, 4, 6), (1, 6, 5))
matmul("matmul_2d_times_3d", (4, 6), (3, 6, 5))
matmul("matmul_1d_times_2d", (6,), (6, 9))
matmul("matmul_2d_times_1d", (9, 6), (6,))
matmul("matmul_1d_times_1d", (12,), (12,))
matmul("matmul_1d_times_3d", (6,), (2, 6, 5))
matmul("matmul_3d_times_1d", (2, 5, 6), (6,))
matmul("matmul_4d", (2, 3, 4, 5), (2, 3, 5, 6))
matmul("matmul_4d_broadcast", (2, 1, 4, 5), (1, 3, 5, 6))
matmul("matmul_4d_times_2d", (2, 3, 4, 5), (5, 7), b_weight=True)


def einsum(name, equation, *shapes, weight=False):
    operands = [s.randn(*shape) for shape in shapes]
    y = np.einsum(equation.replace(" ", ""),
                  *[o.astype(np.float64) for o in operands]).astype(np.float32)
    names = [f"x{i}" for i in range(len(operands))]
    inputs = dict(zip(names, operands))
    weights = {}
    if weight:
        weights = {names[-1]: inputs.pop(names[-1])}
    s.node(name, "Einsum", inputs, {"y": y}, weights, order=names,
           opset=13, equation=equation)


# maxvit's attention, with the spaces torch writes.
einsum("einsum_maxvit_attention", "B G H I D, B G H J D -> B G H I J",
       (1, 2, 3, 5, 4), (1, 2, 3, 6, 4))
einsum("einsum_matmul", "ij,jk->ik", (5, 7), (7, 9))
einsum("einsum_weight_rhs", "bld,hd->blh", (2, 5, 8), (6, 8), weight=True)
einsum("einsum_batch_permuted_output", "bij,bjk->kbi", (3, 4, 6), (3, 6, 5))
einsum("einsum_outer", "i,j->ij", (4,), (7,))
einsum("einsum_contract_two_labels", "abc,bcd->ad", (3, 4, 5), (4, 5, 6))
einsum("einsum_sum_private_label", "ij,k->i", (4, 5), (3,))
einsum("einsum_transpose", "abc->cab", (2, 3, 4))
einsum("einsum_sum", "abc->b", (2, 3, 4))
einsum("einsum_hadamard", "ij,ij->ij", (3, 4), (3, 4))
# Without '->', the labels that occur once, alphabetically.
einsum("einsum_implicit_inner", "i,i", (6,), (6,))
einsum("einsum_implicit_transpose", "ba", (3, 4))
einsum("einsum_implicit_matmul", "ij,jk", (3, 5), (5, 2))

s.main()
