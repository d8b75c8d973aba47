//===- QTensorCanonicalize.td - qtensor rewrites ------------*- tablegen -*-===//

#ifndef EDGEC_QTENSOR_CANONICALIZE
#define EDGEC_QTENSOR_CANONICALIZE

include "dialects/qtensor/IR/QTensorOps.td"
include "mlir/IR/PatternBase.td"

// Quantizing what a dequantize gave, under other parameters, is one
// requantize (under the same ones, quantize folds to the input).
def QuantizeOfDequantize
    : Pat<(QTensor_QuantizeOp:$result (QTensor_DequantizeOp $input)),
          (QTensor_RequantizeOp $input),
          [(Constraint<CPred<"$0.getType() != $1.getType()">>
               $result, $input)]>;

#endif // EDGEC_QTENSOR_CANONICALIZE
