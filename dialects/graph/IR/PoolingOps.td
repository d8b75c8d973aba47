//===- PoolingOps.td - Pooling of the edge dialect ---------*- tablegen -*-===//

#ifndef EDGEC_GRAPH_POOLING_OPS
#define EDGEC_GRAPH_POOLING_OPS

include "dialects/graph/IR/GraphBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

class Graph_PoolOp<string mnemonic> : Graph_Op<mnemonic,
    [Pure, InferTypeOpAdaptor]> {
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  code commonDescription = [{
    The window slides over the spatial dimensions of an `[N, C, spatial...]`
    input. `pads` lists the leading pads of every spatial dimension, then the
    trailing ones. With `ceil_mode`, the output size rounds up, and a last
    window that would start inside the trailing padding is dropped.
  }];
}

def Graph_MaxPoolOp : Graph_PoolOp<"max_pool"> {
  let summary = "Max pooling";
  let description = commonDescription;
  let arguments = (ins Graph_FloatTensor:$input,
                   DenseI64ArrayAttr:$kernel_shape, DenseI64ArrayAttr:$strides,
                   DenseI64ArrayAttr:$dilations, DenseI64ArrayAttr:$pads,
                   BoolAttr:$ceil_mode);
}

def Graph_AveragePoolOp : Graph_PoolOp<"avg_pool"> {
  let summary = "Average pooling";
  let description = commonDescription # [{
    Padding counts towards the divisor only with `count_include_pad`;
    elements past the padded input (from `ceil_mode`) never do.
  }];
  let arguments = (ins Graph_FloatTensor:$input,
                   DenseI64ArrayAttr:$kernel_shape, DenseI64ArrayAttr:$strides,
                   DenseI64ArrayAttr:$pads, BoolAttr:$ceil_mode,
                   BoolAttr:$count_include_pad);
}

def Graph_GlobalAveragePoolOp : Graph_Op<"global_avg_pool",
    [Pure, InferTypeOpAdaptor]> {
  let summary = "Mean over all spatial dimensions";
  let description = [{
    `[N, C, spatial...]` to `[N, C, 1...]`: the mean of each channel.
  }];
  let arguments = (ins Graph_FloatTensor:$input);
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def Graph_LpPoolOp : Graph_PoolOp<"lp_pool"> {
  let summary = "Lp pooling";
  let description = commonDescription # [{
    Each output is `(sum(|x| ^ p)) ^ (1 / p)` over its window; padding
    contributes zeros.
  }];
  let arguments = (ins Graph_FloatTensor:$input,
                   DenseI64ArrayAttr:$kernel_shape, DenseI64ArrayAttr:$strides,
                   DenseI64ArrayAttr:$pads,
                   ConfinedAttr<I64Attr, [IntPositive]>:$p);
}

def Graph_GlobalMaxPoolOp : Graph_Op<"global_max_pool",
    [Pure, InferTypeOpAdaptor]> {
  let summary = "Maximum over all spatial dimensions";
  let description = [{
    `[N, C, spatial...]` to `[N, C, 1...]`: the largest element of each
    channel (NaN if there is one).
  }];
  let arguments = (ins Graph_FloatTensor:$input);
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def Graph_GlobalLpPoolOp : Graph_Op<"global_lp_pool",
    [Pure, InferTypeOpAdaptor]> {
  let summary = "Lp norm over all spatial dimensions";
  let description = [{
    `[N, C, spatial...]` to `[N, C, 1...]`: `(sum(|x| ^ p)) ^ (1 / p)` of
    each channel.
  }];
  let arguments = (ins Graph_FloatTensor:$input,
                   ConfinedAttr<I64Attr, [IntPositive]>:$p);
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

#endif // EDGEC_GRAPH_POOLING_OPS
