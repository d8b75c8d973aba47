//===- ElementwiseOps.td - Elementwise ops -----------------*- tablegen -*-===//
//
// Unary math, activations, arithmetic, comparisons, logic, selection and
// casts. Each op is one class instance: the class says the shape rule (same
// type, or numpy broadcasting), the instance its formula and element types.
// Every op folds on constants (ElementwiseOps.cpp) and lowers to one
// elementwise linalg.generic whose body is the formula
// (codegen/GraphToLinalg/ElementwiseLowering.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_GRAPH_ELEMENTWISE_OPS
#define EDGEC_GRAPH_ELEMENTWISE_OPS

include "dialects/graph/IR/GraphBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

// Operands of comparisons: numbers, and booleans where equality makes sense.
def Graph_EqualityTensor : StaticShapeTensorOf<[F32, I32, I64, I1]>;

//===----------------------------------------------------------------------===//
// Binary ops with numpy broadcasting
//===----------------------------------------------------------------------===//

class Graph_BinaryOp<string mnemonic, string formula, list<Trait> traits = [],
                     Type tensor = Graph_NumericTensor, dag attrs = (ins)>
    : Graph_Op<mnemonic, !listconcat(traits,
        [Pure, SameOperandsAndResultElementType, InferTypeOpAdaptor,
         Graph_BroadcastElementwise])> {
  let summary = "Elementwise " # formula # " with numpy broadcasting";
  let description = [{
    Computes `output = }] # formula # [{` elementwise. The operands broadcast
    against each other the way numpy (and ONNX) do: shapes are aligned on
    their trailing dimensions, and a dimension of size 1 stretches to match.
    Integer division truncates towards zero, as ONNX specifies.
  }];
  let arguments = !con((ins tensor:$lhs, tensor:$rhs), attrs);
  let results = (outs tensor:$output);
  let assemblyFormat =
      "$lhs `,` $rhs attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Graph_AddOp : Graph_BinaryOp<"add", "lhs + rhs", [Commutative]>;
def Graph_SubOp : Graph_BinaryOp<"sub", "lhs - rhs">;
def Graph_MulOp : Graph_BinaryOp<"mul", "lhs * rhs", [Commutative]>;
def Graph_DivOp : Graph_BinaryOp<"div", "lhs / rhs">;
// NaN in either operand gives NaN, as numpy.maximum and numpy.minimum do.
def Graph_MaxOp : Graph_BinaryOp<"max", "max(lhs, rhs)", [Commutative]>;
def Graph_MinOp : Graph_BinaryOp<"min", "min(lhs, rhs)", [Commutative]>;
// `fmod` = C fmod (the result has the sign of lhs); otherwise the result has
// the sign of rhs, like Python's % and numpy.mod.
def Graph_ModOp : Graph_BinaryOp<"mod", "lhs mod rhs", [],
    Graph_NumericTensor, (ins DefaultValuedAttr<BoolAttr, "false">:$fmod)>;
def Graph_AndOp
    : Graph_BinaryOp<"and", "lhs and rhs", [Commutative], Graph_BoolTensor>;
def Graph_OrOp
    : Graph_BinaryOp<"or", "lhs or rhs", [Commutative], Graph_BoolTensor>;
def Graph_XorOp
    : Graph_BinaryOp<"xor", "lhs xor rhs", [Commutative], Graph_BoolTensor>;

def Graph_PowOp : Graph_Op<"pow", [Pure, InferTypeOpAdaptor,
                                   Graph_BroadcastElementwise]> {
  let summary = "Elementwise lhs ^ rhs with numpy broadcasting";
  let description = [{
    The result has the element type of the base `lhs`; the exponent may be a
    float or an integer. An integer base is raised in double precision and
    truncated, as numpy's `(x ** y).astype(x.dtype)`.
  }];
  let arguments = (ins Graph_NumericTensor:$lhs, Graph_NumericTensor:$rhs);
  let results = (outs Graph_NumericTensor:$output);
  let assemblyFormat =
      "$lhs `,` $rhs attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Graph_PReluOp : Graph_Op<"prelu", [Pure, SameOperandsAndResultElementType,
                                        InferTypeOpAdaptor]> {
  let summary = "Parametric ReLU: input < 0 ? slope * input : input";
  let description = [{
    `slope` broadcasts to the shape of `input` (unidirectionally: the result
    has the shape of `input`), typically one slope per channel as `[C, 1, 1]`.
  }];
  let arguments = (ins Graph_FloatTensor:$input, Graph_FloatTensor:$slope);
  let results = (outs Graph_FloatTensor:$output);
  let assemblyFormat =
      "$input `,` $slope attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Comparisons: numpy broadcasting, boolean result
//===----------------------------------------------------------------------===//

class Graph_CompareOp<string mnemonic, string formula, list<Trait> traits = [],
                      Type tensor = Graph_NumericTensor>
    : Graph_Op<mnemonic, !listconcat(traits,
        [Pure, SameOperandsElementType, InferTypeOpAdaptor,
         Graph_BroadcastElementwise])> {
  let summary = "Elementwise " # formula # " with numpy broadcasting";
  let description = [{
    The result is a boolean tensor of the broadcast shape. Comparisons with
    NaN are false (`!=` does not exist in ONNX).
  }];
  let arguments = (ins tensor:$lhs, tensor:$rhs);
  let results = (outs Graph_BoolTensor:$output);
  let assemblyFormat =
      "$lhs `,` $rhs attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Graph_EqualOp
    : Graph_CompareOp<"equal", "lhs == rhs", [Commutative], Graph_EqualityTensor>;
def Graph_LessOp : Graph_CompareOp<"less", "lhs < rhs">;
def Graph_LessEqualOp : Graph_CompareOp<"less_equal", "lhs <= rhs">;
def Graph_GreaterOp : Graph_CompareOp<"greater", "lhs > rhs">;
def Graph_GreaterEqualOp : Graph_CompareOp<"greater_equal", "lhs >= rhs">;

def Graph_WhereOp : Graph_Op<"where", [Pure, InferTypeOpAdaptor,
                                       Graph_BroadcastElementwise]> {
  let summary = "Elementwise condition ? lhs : rhs with numpy broadcasting";
  let description = [{
    The three operands broadcast against each other; the result has the
    element type of `lhs` and `rhs`.
  }];
  let arguments = (ins Graph_BoolTensor:$condition, Graph_Tensor:$lhs,
                   Graph_Tensor:$rhs);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "$condition `,` $lhs `,` $rhs attr-dict `:` "
                       "functional-type(operands, results)";
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Unary ops: the result has the type of the input
//===----------------------------------------------------------------------===//

class Graph_UnaryOp<string mnemonic, string summaryText,
                    Type tensor = Graph_FloatTensor, dag attrs = (ins),
                    list<Trait> traits = []>
    : Graph_Op<mnemonic, !listconcat(traits,
        [Pure, SameOperandsAndResultType, InferTypeOpInterface,
         Graph_BroadcastElementwise])> {
  let summary = summaryText;
  let arguments = !con((ins tensor:$input), attrs);
  let results = (outs tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input)";
  let hasFolder = 1;
}

// Math. On integers, abs and neg wrap (abs(INT_MIN) = INT_MIN), as numpy.
def Graph_AbsOp : Graph_UnaryOp<"abs", "Absolute value", Graph_NumericTensor>;
def Graph_NegOp : Graph_UnaryOp<"neg", "Negation", Graph_NumericTensor>;
def Graph_SignOp : Graph_UnaryOp<"sign",
    "-1, 0 or 1 by the sign of input (NaN stays NaN)", Graph_NumericTensor>;
def Graph_ExpOp : Graph_UnaryOp<"exp", "Natural exponential">;
def Graph_LogOp : Graph_UnaryOp<"log", "Natural logarithm">;
def Graph_SqrtOp : Graph_UnaryOp<"sqrt", "Square root">;
def Graph_ReciprocalOp : Graph_UnaryOp<"reciprocal", "1 / input">;
def Graph_TanhOp : Graph_UnaryOp<"tanh", "Hyperbolic tangent">;
def Graph_ErfOp : Graph_UnaryOp<"erf", "Gauss error function">;
def Graph_SinOp : Graph_UnaryOp<"sin", "Sine (radians)">;
def Graph_CosOp : Graph_UnaryOp<"cos", "Cosine (radians)">;
def Graph_TanOp : Graph_UnaryOp<"tan", "Tangent (radians)">;
def Graph_AsinOp : Graph_UnaryOp<"asin", "Arcsine">;
def Graph_AcosOp : Graph_UnaryOp<"acos", "Arccosine">;
def Graph_AtanOp : Graph_UnaryOp<"atan", "Arctangent">;
def Graph_SinhOp : Graph_UnaryOp<"sinh", "Hyperbolic sine">;
def Graph_CoshOp : Graph_UnaryOp<"cosh", "Hyperbolic cosine">;
def Graph_AsinhOp : Graph_UnaryOp<"asinh", "Inverse hyperbolic sine">;
def Graph_AcoshOp : Graph_UnaryOp<"acosh", "Inverse hyperbolic cosine">;
def Graph_AtanhOp : Graph_UnaryOp<"atanh", "Inverse hyperbolic tangent">;
def Graph_FloorOp : Graph_UnaryOp<"floor", "Rounds down to an integer">;
def Graph_CeilOp : Graph_UnaryOp<"ceil", "Rounds up to an integer">;
def Graph_RoundOp
    : Graph_UnaryOp<"round", "Rounds to the nearest integer, halves to even">;
def Graph_NotOp : Graph_UnaryOp<"not", "Logical negation", Graph_BoolTensor>;

// Activations.
def Graph_ReluOp : Graph_UnaryOp<"relu", "Rectified linear unit: max(input, 0)",
                                 Graph_NumericTensor>;
def Graph_SigmoidOp
    : Graph_UnaryOp<"sigmoid", "Logistic sigmoid: 1 / (1 + exp(-input))">;
def Graph_ClipOp : Graph_UnaryOp<"clip", "Clamps every element to [min, max]",
    Graph_FloatTensor, (ins F32Attr:$min, F32Attr:$max)> {
  let description = [{
    `min` and `max` are compile-time bounds; the importer rejects an ONNX
    Clip whose bounds are computed at run time. ReLU6 is `clip` with
    `min = 0.0, max = 6.0`.
  }];
}
def Graph_SoftplusOp
    : Graph_UnaryOp<"softplus", "Softplus: log(1 + exp(input))">;
def Graph_SoftsignOp
    : Graph_UnaryOp<"softsign", "Softsign: input / (1 + |input|)">;
def Graph_HardSigmoidOp : Graph_UnaryOp<"hard_sigmoid",
    "Hard sigmoid: clamp(alpha * input + beta, 0, 1)", Graph_FloatTensor,
    (ins F32Attr:$alpha, F32Attr:$beta)>;
def Graph_HardSwishOp : Graph_UnaryOp<"hard_swish",
    "Hard swish: input * clamp(input / 6 + 1 / 2, 0, 1)">;
def Graph_LeakyReluOp : Graph_UnaryOp<"leaky_relu",
    "Leaky ReLU: input < 0 ? alpha * input : input", Graph_FloatTensor,
    (ins F32Attr:$alpha)>;
def Graph_EluOp : Graph_UnaryOp<"elu",
    "Exponential linear unit: input < 0 ? alpha * (exp(input) - 1) : input",
    Graph_FloatTensor, (ins F32Attr:$alpha)>;
def Graph_SeluOp : Graph_UnaryOp<"selu",
    "Scaled ELU: gamma * (input <= 0 ? alpha * (exp(input) - 1) : input)",
    Graph_FloatTensor, (ins F32Attr:$alpha, F32Attr:$gamma)>;
def Graph_CeluOp : Graph_UnaryOp<"celu",
    "Continuously differentiable ELU: "
    "max(0, input) + min(0, alpha * (exp(input / alpha) - 1))",
    Graph_FloatTensor, (ins F32Attr:$alpha)>;
def Graph_ThresholdedReluOp : Graph_UnaryOp<"thresholded_relu",
    "Thresholded ReLU: input > alpha ? input : 0", Graph_FloatTensor,
    (ins F32Attr:$alpha)>;
def Graph_ShrinkOp : Graph_UnaryOp<"shrink",
    "Shrinkage: input < -lambd ? input + bias : "
    "input > lambd ? input - bias : 0", Graph_FloatTensor,
    (ins F32Attr:$bias, F32Attr:$lambd)>;

//===----------------------------------------------------------------------===//
// Ops that change the element type
//===----------------------------------------------------------------------===//

class Graph_PredicateOp<string mnemonic, string summaryText,
                        dag attrs = (ins)>
    : Graph_Op<mnemonic, [Pure, InferTypeOpAdaptor,
                          Graph_BroadcastElementwise]> {
  let summary = summaryText;
  let description = [{
    The result is a boolean tensor of the input's shape.
  }];
  let arguments = !con((ins Graph_FloatTensor:$input), attrs);
  let results = (outs Graph_BoolTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input)";
  let hasFolder = 1;
}

def Graph_IsNaNOp : Graph_PredicateOp<"is_nan", "True where input is NaN">;
def Graph_IsInfOp : Graph_PredicateOp<"is_inf",
    "True where input is an infinity that the attributes select",
    (ins DefaultValuedAttr<BoolAttr, "true">:$detect_negative,
         DefaultValuedAttr<BoolAttr, "true">:$detect_positive)>;

def Graph_CastOp : Graph_Op<"cast", [Pure, InferTypeOpAdaptor,
                                     Graph_BroadcastElementwise]> {
  let summary = "Converts every element to the element type `to`";
  let description = [{
    Floats convert to integers by truncation towards zero, to booleans by
    comparison with zero (NaN is true); booleans convert to 0 and 1. Integer
    conversions wrap. An element out of the range of an integer type gives
    an unspecified value, as ONNX says.
  }];
  let arguments = (ins Graph_Tensor:$input, TypeAttr:$to);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "$input `to` $to attr-dict `:` type($input)";
  let hasFolder = 1;
}

#endif // EDGEC_GRAPH_ELEMENTWISE_OPS
