//===- ElementwiseOps.td - Elementwise ops -----------------*- tablegen -*-===//

#ifndef EDGEC_GRAPH_ELEMENTWISE_OPS
#define EDGEC_GRAPH_ELEMENTWISE_OPS

include "dialects/graph/IR/GraphBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

class Graph_BinaryOp<string mnemonic, string formula, list<Trait> traits = []>
    : Graph_Op<mnemonic, !listconcat(traits,
        [Pure, SameOperandsAndResultElementType, InferTypeOpAdaptor])> {
  let summary = "Elementwise " # formula # " with numpy broadcasting";
  let description = [{
    Computes `output = }] # formula # [{` elementwise. The operands broadcast
    against each other the way numpy (and ONNX) do: shapes are aligned on
    their trailing dimensions, and a dimension of size 1 stretches to match.
    Integer division truncates towards zero, as ONNX specifies.
  }];
  let arguments = (ins Graph_NumericTensor:$lhs, Graph_NumericTensor:$rhs);
  let results = (outs Graph_NumericTensor:$output);
  let assemblyFormat =
      "$lhs `,` $rhs attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Graph_AddOp : Graph_BinaryOp<"add", "lhs + rhs", [Commutative]>;
def Graph_SubOp : Graph_BinaryOp<"sub", "lhs - rhs">;
def Graph_MulOp : Graph_BinaryOp<"mul", "lhs * rhs", [Commutative]>;
def Graph_DivOp : Graph_BinaryOp<"div", "lhs / rhs">;

class Graph_UnaryOp<string mnemonic, list<Trait> traits = []>
    : Graph_Op<mnemonic, !listconcat(traits,
        [Pure, SameOperandsAndResultType, InferTypeOpInterface])> {
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input)";
}

def Graph_ReluOp : Graph_UnaryOp<"relu"> {
  let summary = "Rectified linear unit: max(input, 0)";
  let arguments = (ins Graph_FloatTensor:$input);
  let hasFolder = 1;
}

def Graph_SigmoidOp : Graph_UnaryOp<"sigmoid"> {
  let summary = "Logistic sigmoid: 1 / (1 + exp(-input))";
  let arguments = (ins Graph_FloatTensor:$input);
  let hasFolder = 1;
}

def Graph_ClipOp : Graph_UnaryOp<"clip"> {
  let summary = "Clamps every element to [min, max]";
  let description = [{
    `min` and `max` are compile-time bounds; the importer rejects an ONNX
    Clip whose bounds are computed at run time. ReLU6 is `clip` with
    `min = 0.0, max = 6.0`.
  }];
  let arguments = (ins Graph_FloatTensor:$input, F32Attr:$min, F32Attr:$max);
  let hasFolder = 1;
}

#endif // EDGEC_GRAPH_ELEMENTWISE_OPS
