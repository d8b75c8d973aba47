//===- GraphOps.td - Operations of the edge graph dialect --*- tablegen -*-===//

#ifndef EDGEC_GRAPH_OPS
#define EDGEC_GRAPH_OPS

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
  let results = (outs Graph_AnyTensor:$output);
  let assemblyFormat = "attr-dict $value";
  let hasFolder = 1;
}

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
  }];
  let arguments = (ins Graph_FloatTensor:$lhs, Graph_FloatTensor:$rhs);
  let results = (outs Graph_FloatTensor:$output);
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

//===----------------------------------------------------------------------===//
// Convolution and linear algebra
//===----------------------------------------------------------------------===//

def Graph_ConvOp : Graph_Op<"conv", [Pure, InferTypeOpAdaptor]> {
  let summary = "Grouped, strided, dilated, padded convolution (NC[D]HW)";
  let description = [{
    The convolution of ONNX `Conv`, in channels-first layout:
    `input` is `[N, C, spatial...]`, `weight` is `[F, C / group, kernel...]`,
    the optional `bias` is `[F]`, and the result is `[N, F, out...]` with

        out[i] = floor((in[i] + pads[i] + pads[i + r] - dilations[i] *
                        (kernel[i] - 1) - 1) / strides[i]) + 1

    for `r` spatial dimensions. `pads` lists the leading pads of every
    spatial dimension, then the trailing ones, as ONNX does.
  }];
  let arguments = (ins Graph_FloatTensor:$input, Graph_FloatTensor:$weight,
                   Optional<Graph_FloatTensor>:$bias,
                   DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$dilations,
                   DenseI64ArrayAttr:$pads,
                   ConfinedAttr<I64Attr, [IntPositive]>:$group);
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let extraClassDeclaration = [{
    /// Number of spatial dimensions (1 for 1-D, 2 for 2-D convolution).
    int64_t getNumSpatialDims() {
      return getInput().getType().getRank() - 2;
    }
    /// True when every input channel has a filter of its own.
    bool isDepthwise();
  }];
}

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
  let arguments = (ins Graph_AnyTensor:$input, DenseI64ArrayAttr:$shape);
  let results = (outs Graph_AnyTensor:$output);
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
  let arguments = (ins Graph_AnyTensor:$input, DenseI64ArrayAttr:$perm);
  let results = (outs Graph_AnyTensor:$output);
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
  let arguments = (ins Variadic<Graph_AnyTensor>:$inputs,
                   ConfinedAttr<I64Attr, [IntNonNegative]>:$axis);
  let results = (outs Graph_AnyTensor:$output);
  let assemblyFormat = "$inputs attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

#endif // EDGEC_GRAPH_OPS
