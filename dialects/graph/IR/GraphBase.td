//===- GraphBase.td - The edge graph dialect ---------------*- tablegen -*-===//
//
// The model-level dialect: one op per ONNX operator family, value semantics
// on statically shaped tensors. Every op infers its result type, so the
// importer and the passes never spell shapes by hand, and a malformed graph
// is caught by the verifier at the op that is wrong.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_GRAPH_BASE
#define EDGEC_GRAPH_BASE

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"

def Graph_Dialect : Dialect {
  let name = "edge";
  let cppNamespace = "::edgec::graph";
  let summary = "Model-level graph operations imported from ONNX";
  let description = [{
    The `edge` dialect holds a neural network as it comes from its
    framework: convolutions, matrix products, elementwise arithmetic with
    numpy broadcasting, pooling, normalization and data movement, on ranked,
    statically shaped tensors with value semantics.

    Every op implements `InferTypeOpInterface`: its result type follows from
    its operands and attributes, and the verifier rejects a declared type
    that disagrees. Attributes are explicit and normalized (for example,
    `auto_pad` is resolved into `pads` by the importer), so passes and
    lowerings read one canonical form.
  }];
  let hasConstantMaterializer = 1;
}

class Graph_Op<string mnemonic, list<Trait> traits = []>
    : Op<Graph_Dialect, mnemonic, traits>;

// Each result element depends only on the operands' elements at the same
// (numpy-broadcast) position, so the op commutes with a transpose of all its
// operands: layout passes move transposes through it.
def Graph_BroadcastElementwise
    : NativeOpTrait<"BroadcastElementwise"> {
  let cppNamespace = "::edgec::graph";
}

// Shapes are static: the importer resolves every dimension, and the shape
// rules and lowerings do arithmetic on extents that a dynamic dimension would
// make meaningless. Computation is float32; integers and booleans carry
// shapes, indices and masks. Quantized types arrive with the qtensor dialect.
def Graph_Tensor : StaticShapeTensorOf<[F32, F16, F64, I1, I8, UI8, I32,
                                          I64]>;
def Graph_FloatTensor : StaticShapeTensorOf<[F32]>;
def Graph_NumericTensor : StaticShapeTensorOf<[F32, I32, I64]>;
def Graph_IndexTensor : StaticShapeTensorOf<[I32, I64]>;
def Graph_BoolTensor : StaticShapeTensorOf<[I1]>;

#endif // EDGEC_GRAPH_BASE
