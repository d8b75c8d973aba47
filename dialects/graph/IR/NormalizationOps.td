//===- NormalizationOps.td - Normalization -----------------*- tablegen -*-===//

#ifndef EDGEC_GRAPH_NORMALIZATION_OPS
#define EDGEC_GRAPH_NORMALIZATION_OPS

include "dialects/graph/IR/GraphBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

def Graph_BatchNormOp : Graph_Op<"batch_norm", [Pure, InferTypeOpAdaptor]> {
  let summary = "Batch normalization in inference mode";
  let description = [{
    `output = (input - mean) / sqrt(variance + epsilon) * scale + bias`, with
    the `[C]` parameters broadcast along dimension 1 of `input`.
  }];
  let arguments = (ins Graph_FloatTensor:$input, Graph_FloatTensor:$scale,
                   Graph_FloatTensor:$bias, Graph_FloatTensor:$mean,
                   Graph_FloatTensor:$variance, F32Attr:$epsilon);
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

def Graph_SoftmaxOp : Graph_Op<"softmax",
    [Pure, SameOperandsAndResultType, InferTypeOpInterface]> {
  let summary = "Softmax along one axis";
  let description = [{
    `exp(x) / sum(exp(x))` along `axis` (ONNX `Softmax` from opset 13).
    `axis` is normalized to be non-negative.
  }];
  let arguments = (ins Graph_FloatTensor:$input,
                   ConfinedAttr<I64Attr, [IntNonNegative]>:$axis);
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input)";
  let hasVerifier = 1;
}

class Graph_NormAxisOp<string mnemonic> : Graph_Op<mnemonic,
    [Pure, SameOperandsAndResultType, InferTypeOpInterface]> {
  let arguments = (ins Graph_FloatTensor:$input,
                   ConfinedAttr<I64Attr, [IntNonNegative]>:$axis);
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input)";
  let hasVerifier = 1;
}

def Graph_LogSoftmaxOp : Graph_NormAxisOp<"log_softmax"> {
  let summary = "Logarithm of the softmax along one axis";
  let description = [{
    `x - max - log(sum(exp(x - max)))` along `axis` (ONNX `LogSoftmax` from
    opset 13), with `max` the maximum along the axis so that `exp` cannot
    overflow. `axis` is non-negative.
  }];
}

def Graph_HardmaxOp : Graph_NormAxisOp<"hardmax"> {
  let summary = "One-hot of the first maximum along one axis";
  let description = [{
    1 at the first position of the largest element along `axis` (a NaN is
    chosen over every number, as numpy's argmax does) and 0 elsewhere.
  }];
}

def Graph_LpNormOp : Graph_Op<"lp_norm",
    [Pure, SameOperandsAndResultType, InferTypeOpInterface]> {
  let summary = "Divides by the L1 or L2 norm along one axis";
  let description = [{
    `x / sum(|x|)` (`p = 1`) or `x / sqrt(sum(x * x))` (`p = 2`) along
    `axis`; a zero norm divides by zero as ONNX's reference does.
  }];
  let arguments = (ins Graph_FloatTensor:$input,
                   ConfinedAttr<I64Attr, [IntNonNegative]>:$axis,
                   ConfinedAttr<I64Attr, [IntMinValue<1>, IntMaxValue<2>]>:$p);
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input)";
  let hasVerifier = 1;
}

def Graph_LayerNormOp : Graph_Op<"layer_norm", [Pure, InferTypeOpAdaptor]> {
  let summary = "Layer normalization over the trailing dimensions";
  let description = [{
    Normalizes over the dimensions from `axis` (non-negative) to the last:
    `output = (input - mean) * inv_std_dev * scale + bias` with
    `inv_std_dev = 1 / sqrt(variance + epsilon)` (the population variance).
    `scale` and the optional `bias` broadcast against those dimensions
    (numpy rules). `mean` and `inv_std_dev` keep the input's rank with
    extent 1 from `axis` on, as ONNX's optional outputs do; statistics are
    computed in float32.
  }];
  let arguments = (ins Graph_FloatTensor:$input, Graph_FloatTensor:$scale,
                   Optional<Graph_FloatTensor>:$bias,
                   ConfinedAttr<I64Attr, [IntNonNegative]>:$axis,
                   F32Attr:$epsilon);
  let results = (outs Graph_FloatTensor:$output, Graph_FloatTensor:$mean,
                      Graph_FloatTensor:$inv_std_dev);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

def Graph_InstanceNormOp : Graph_Op<"instance_norm",
    [Pure, InferTypeOpAdaptor]> {
  let summary = "Instance normalization";
  let description = [{
    Normalizes every `[N, C]` slice of an `[N, C, spatial...]` input over
    its spatial dimensions: `(input - mean) / sqrt(variance + epsilon) *
    scale + bias`, with the `[C]` parameters broadcast along dimension 1.
  }];
  let arguments = (ins Graph_FloatTensor:$input, Graph_FloatTensor:$scale,
                   Graph_FloatTensor:$bias, F32Attr:$epsilon);
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

def Graph_MeanVarianceNormOp : Graph_Op<"mean_variance_norm",
    [Pure, SameOperandsAndResultType, InferTypeOpInterface]> {
  let summary = "Mean-variance normalization over a set of axes";
  let description = [{
    `(input - mean) / (sqrt(variance) + 1e-9)` with the mean and the
    population variance over `axes` (non-negative, strictly increasing),
    ONNX `MeanVarianceNormalization`'s definition.
  }];
  let arguments = (ins Graph_FloatTensor:$input, DenseI64ArrayAttr:$axes);
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input)";
  let hasVerifier = 1;
}

def Graph_LRNOp : Graph_Op<"lrn",
    [Pure, SameOperandsAndResultType, InferTypeOpInterface]> {
  let summary = "Local response normalization across channels";
  let description = [{
    `output = input / (bias + alpha / size * square_sum) ^ beta` on an
    `[N, C, ...]` input, where `square_sum` adds the squares of the
    channels `c - floor((size - 1) / 2)` to `c + ceil((size - 1) / 2)`
    that exist.
  }];
  let arguments = (ins Graph_FloatTensor:$input, F32Attr:$alpha,
                   F32Attr:$beta, F32Attr:$bias,
                   ConfinedAttr<I64Attr, [IntPositive]>:$size);
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input)";
  let hasVerifier = 1;
}

#endif // EDGEC_GRAPH_NORMALIZATION_OPS
