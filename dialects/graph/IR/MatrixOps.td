//===- MatrixOps.td - Matrix products of the edge dialect --*- tablegen -*-===//

#ifndef EDGEC_GRAPH_MATRIX_OPS
#define EDGEC_GRAPH_MATRIX_OPS

include "dialects/graph/IR/GraphBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Matrix products
//===----------------------------------------------------------------------===//

def Graph_GemmOp : Graph_Op<"gemm", [Pure, InferTypeOpAdaptor]> {
  let summary = "General matrix product: alpha * op(A) * op(B) + beta * C";
  let description = [{
    ONNX `Gemm`: `A` and `B` are matrices, transposed first when `transA` or
    `transB` is set, and the optional `C` broadcasts to the `[M, N]` result.
  }];
  let arguments = (ins Graph_FloatTensor:$a, Graph_FloatTensor:$b,
                   Optional<Graph_FloatTensor>:$c,
                   F32Attr:$alpha, F32Attr:$beta, BoolAttr:$transA,
                   BoolAttr:$transB);
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

def Graph_MatMulOp : Graph_Op<"matmul", [Pure, InferTypeOpAdaptor]> {
  let summary = "Matrix product with numpy semantics";
  let description = [{
    ONNX `MatMul`, which is `numpy.matmul`: the last two dimensions multiply
    as matrices and the leading (batch) dimensions broadcast. A 1-D operand
    is a vector: a leading 1 is prepended to `lhs`, a trailing 1 appended to
    `rhs`, and that dimension is removed from the result.
  }];
  let arguments = (ins Graph_FloatTensor:$lhs, Graph_FloatTensor:$rhs);
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

#endif // EDGEC_GRAPH_MATRIX_OPS
