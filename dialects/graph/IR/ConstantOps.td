//===- ConstantOps.td - Constants of the edge dialect ------*- tablegen -*-===//

#ifndef EDGEC_GRAPH_CONSTANT_OPS
#define EDGEC_GRAPH_CONSTANT_OPS

include "dialects/graph/IR/GraphBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

def Graph_ConstantOp : Graph_Op<"constant",
    [ConstantLike, Pure, InferTypeOpAdaptor]> {
  let summary = "A constant tensor: a weight, a bias, or a folded value";
  let description = [{
    Holds an initializer of the model or a value computed at compile time.
    The result type is the type of `value`.

    ```mlir
    %w = edge.constant dense<1.0> : tensor<8x3x3x3xf32>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "attr-dict $value";
  let hasFolder = 1;
}

#endif // EDGEC_GRAPH_CONSTANT_OPS
