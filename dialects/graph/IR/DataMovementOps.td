//===- DataMovementOps.td - Data movement ------------------*- tablegen -*-===//

#ifndef EDGEC_GRAPH_DATAMOVEMENT_OPS
#define EDGEC_GRAPH_DATAMOVEMENT_OPS

include "dialects/graph/IR/GraphBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

def Graph_ReshapeOp : Graph_Op<"reshape",
    [Pure, SameOperandsAndResultElementType, InferTypeOpAdaptor]> {
  let summary = "Reinterprets a tensor with another static shape";
  let description = [{
    The elements keep their row-major order. `shape` is the result shape,
    fully resolved (no `0` or `-1` placeholders); ONNX `Reshape` and
    `Flatten` both import to this op.
  }];
  let arguments = (ins Graph_Tensor:$input, DenseI64ArrayAttr:$shape);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Graph_TransposeOp : Graph_Op<"transpose",
    [Pure, SameOperandsAndResultElementType, InferTypeOpAdaptor]> {
  let summary = "Permutes the dimensions of a tensor";
  let description = [{
    `output.shape[i] = input.shape[perm[i]]`.
  }];
  let arguments = (ins Graph_Tensor:$input, DenseI64ArrayAttr:$perm);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Graph_ConcatOp : Graph_Op<"concat",
    [Pure, SameOperandsAndResultElementType, InferTypeOpAdaptor]> {
  let summary = "Joins tensors along one axis";
  let description = [{
    All inputs agree on every dimension but `axis`, which is non-negative.
  }];
  let arguments = (ins Variadic<Graph_Tensor>:$inputs,
                   ConfinedAttr<I64Attr, [IntNonNegative]>:$axis);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "$inputs attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

#endif // EDGEC_GRAPH_DATAMOVEMENT_OPS
