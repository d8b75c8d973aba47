//===- ReductionOps.td - Reductions ------------------------*- tablegen -*-===//

#ifndef EDGEC_GRAPH_REDUCTION_OPS
#define EDGEC_GRAPH_REDUCTION_OPS

include "dialects/graph/IR/GraphBase.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Reductions over a set of axes
//===----------------------------------------------------------------------===//

class Graph_ReduceOp<string mnemonic, string formula, Type tensorType>
    : Graph_Op<mnemonic,
        [Pure, SameOperandsAndResultElementType, InferTypeOpAdaptor]> {
  let summary = "Reduction: " # formula;
  let description = [{
    Computes `}] # formula # [{` over the dimensions listed in `axes`, which
    the importer normalizes: non-negative, strictly increasing, and every
    axis the ONNX operator reduces spelled out (an ONNX reduction with no
    axes reduces them all). An empty `axes` reduces nothing: each output
    element is the reduction of one input element. With `keepdims` the
    reduced dimensions stay with extent 1, else they are dropped.
    Accumulation is in the element type (float32 for floats, as ONNX
    specifies; integers wrap).
  }];
  let arguments = (ins tensorType:$input, DenseI64ArrayAttr:$axes,
                   BoolAttr:$keepdims);
  let results = (outs tensorType:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Graph_ReduceSumOp
    : Graph_ReduceOp<"reduce_sum", "sum(x)", Graph_NumericTensor>;
def Graph_ReduceMeanOp
    : Graph_ReduceOp<"reduce_mean", "sum(x) / count", Graph_FloatTensor>;
def Graph_ReduceMaxOp
    : Graph_ReduceOp<"reduce_max", "max(x)", Graph_NumericTensor>;
def Graph_ReduceMinOp
    : Graph_ReduceOp<"reduce_min", "min(x)", Graph_NumericTensor>;
def Graph_ReduceProdOp
    : Graph_ReduceOp<"reduce_prod", "prod(x)", Graph_NumericTensor>;
def Graph_ReduceL1Op
    : Graph_ReduceOp<"reduce_l1", "sum(|x|)", Graph_NumericTensor>;
def Graph_ReduceL2Op
    : Graph_ReduceOp<"reduce_l2", "sqrt(sum(x * x))", Graph_FloatTensor>;
def Graph_ReduceLogSumOp
    : Graph_ReduceOp<"reduce_log_sum", "log(sum(x))", Graph_FloatTensor>;
def Graph_ReduceLogSumExpOp
    : Graph_ReduceOp<"reduce_log_sum_exp", "log(sum(exp(x)))",
                     Graph_FloatTensor>;
def Graph_ReduceSumSquareOp
    : Graph_ReduceOp<"reduce_sum_square", "sum(x * x)", Graph_NumericTensor>;

//===----------------------------------------------------------------------===//
// Reductions along one axis that yield positions
//===----------------------------------------------------------------------===//

class Graph_ArgReduceOp<string mnemonic, string what>
    : Graph_Op<mnemonic, [Pure, InferTypeOpAdaptor]> {
  let summary = "Index of the " # what # " along one axis";
  let description = [{
    The int64 position along `axis` (non-negative) of the }] # what # [{
    element; among equal ones the first, or the last with
    `select_last_index`. A NaN is chosen over every number, as numpy's
    argmax and argmin do. With `keepdims` the axis stays with extent 1.
  }];
  let arguments = (ins Graph_NumericTensor:$input,
                   ConfinedAttr<I64Attr, [IntNonNegative]>:$axis,
                   BoolAttr:$keepdims, BoolAttr:$select_last_index);
  let results = (outs StaticShapeTensorOf<[I64]>:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Graph_ArgMaxOp : Graph_ArgReduceOp<"argmax", "largest">;
def Graph_ArgMinOp : Graph_ArgReduceOp<"argmin", "smallest">;

def Graph_TopKOp : Graph_Op<"topk", [Pure, InferTypeOpAdaptor]> {
  let summary = "The k largest (or smallest) elements along one axis";
  let description = [{
    `values` holds the `k` largest elements along `axis` (the smallest
    without `largest`), in order from the first selected, and `indices`
    their int64 positions in `input`. Equal elements are ordered by
    position, lower first, as ONNX specifies; NaN ranks above every number.
    `k` is a compile-time constant with `1 <= k <= input.shape[axis]`. The
    result is sorted whether or not `sorted` is set (ONNX leaves the order
    of an unsorted TopK unspecified).
  }];
  let arguments = (ins Graph_NumericTensor:$input,
                   ConfinedAttr<I64Attr, [IntPositive]>:$k,
                   ConfinedAttr<I64Attr, [IntNonNegative]>:$axis,
                   BoolAttr:$largest, BoolAttr:$sorted);
  let results = (outs Graph_NumericTensor:$values,
                      StaticShapeTensorOf<[I64]>:$indices);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def Graph_CumSumOp : Graph_Op<"cumsum",
    [Pure, SameOperandsAndResultType, InferTypeOpInterface]> {
  let summary = "Running sum along one axis";
  let description = [{
    `output[..., i, ...] = sum(input[..., j, ...])` over `j <= i` along
    `axis` (non-negative); `exclusive` leaves out `j = i`, `reverse` sums
    from the end (`j >= i`).
  }];
  let arguments = (ins Graph_NumericTensor:$input,
                   ConfinedAttr<I64Attr, [IntNonNegative]>:$axis,
                   BoolAttr:$exclusive, BoolAttr:$reverse);
  let results = (outs Graph_NumericTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

#endif // EDGEC_GRAPH_REDUCTION_OPS
