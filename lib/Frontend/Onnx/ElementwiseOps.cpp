//===- ElementwiseOps.cpp - Importing elementwise ONNX ops ----------------===//
//
// Unary math, activations, arithmetic, comparisons, logic, Where and casts.
// Most operators map one to one onto an edge op; the variadic ones (Sum,
// Mean, Max, Min) become chains of binary ops, and Dropout, in inference,
// is its input.
//
//===----------------------------------------------------------------------===//

#include "NodeContext.h"
#include "Tensors.h"

#include "dialects/graph/IR/GraphOps.h"

#include <array>
#include <limits>

using namespace mlir;
using namespace edgec::onnx_import;
namespace graph = edgec::graph;

namespace {

/// The element types an operator computes on, and how errors name them.
enum class Types { Float, Numeric, Bool, Comparable, Any };

bool accepts(Types types, Type element) {
  bool isInt = element.isSignlessInteger(32) || element.isSignlessInteger(64);
  switch (types) {
  case Types::Float:
    return element.isF32();
  case Types::Numeric:
    return element.isF32() || isInt;
  case Types::Bool:
    return element.isSignlessInteger(1);
  case Types::Comparable:
    return element.isF32() || isInt || element.isSignlessInteger(1);
  case Types::Any:
    return element.isF32() || element.isF16() || element.isF64() ||
           element.isSignlessInteger(1) || element.isSignlessInteger(8) ||
           element.isUnsignedInteger(8) || isInt;
  }
  return false;
}

const char *describe(Types types) {
  switch (types) {
  case Types::Float:
    return "float32";
  case Types::Numeric:
    return "float32, int32, int64";
  case Types::Bool:
    return "bool";
  case Types::Comparable:
    return "float32, int32, int64, bool";
  case Types::Any:
    return "float32, float16, float64, bool, int8, uint8, int32, int64";
  }
  return "";
}

/// Input `i`, which must be present and hold one of `types`.
Value typedInput(NodeContext &ctx, size_t i, Types types) {
  Value value = ctx.tensorInput(i);
  if (!value)
    return {};
  auto type = cast<RankedTensorType>(value.getType());
  if (!accepts(types, type.getElementType())) {
    ctx.error() << "input " << i << " ('" << ctx.node().input(i)
                << "') has type "
                << describeTensorType(type.getElementType(), type.getShape())
                << "; only " << describe(types) << " are supported here";
    return {};
  }
  return value;
}

/// Input `i`, which must also have the element type of `first` (input 0).
Value sameTypedInput(NodeContext &ctx, size_t i, Types types, Value first) {
  Value value = typedInput(ctx, i, types);
  if (!value || !first)
    return {};
  auto type = cast<RankedTensorType>(value.getType());
  auto firstType = cast<RankedTensorType>(first.getType());
  if (type.getElementType() != firstType.getElementType()) {
    ctx.error() << "input " << i << " ('" << ctx.node().input(i)
                << "') has type "
                << describeTensorType(type.getElementType(), type.getShape())
                << " but input 0 has type "
                << describeTensorType(firstType.getElementType(),
                                      firstType.getShape());
    return {};
  }
  return value;
}

LogicalResult setResult(NodeContext &ctx, Value result) {
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

template <typename OpTy, Types types = Types::Float>
LogicalResult importUnary(NodeContext &ctx) {
  Value x = typedInput(ctx, 0, types);
  return setResult(ctx, ctx.create<OpTy>(x));
}

template <typename OpTy, Types types = Types::Numeric>
LogicalResult importBinary(NodeContext &ctx) {
  Value lhs = typedInput(ctx, 0, types);
  Value rhs = sameTypedInput(ctx, 1, types, lhs);
  return setResult(ctx, ctx.create<OpTy>(lhs, rhs));
}

/// Sum, Max and Min of one or more inputs, left to right.
template <typename OpTy> LogicalResult importVariadic(NodeContext &ctx) {
  Value first = typedInput(ctx, 0, Types::Numeric), result = first;
  for (size_t i = 1; i < ctx.numInputs(); ++i)
    result =
        ctx.create<OpTy>(result, sameTypedInput(ctx, i, Types::Numeric, first));
  return setResult(ctx, result);
}

LogicalResult importMean(NodeContext &ctx) {
  Value sum = typedInput(ctx, 0, Types::Float);
  for (size_t i = 1; i < ctx.numInputs(); ++i)
    sum = ctx.create<graph::AddOp>(sum, typedInput(ctx, i, Types::Float));
  if (ctx.numInputs() == 1)
    return setResult(ctx, sum);
  auto scalar = RankedTensorType::get({}, ctx.builder().getF32Type());
  Value count = ctx.create<graph::ConstantOp>(cast<ElementsAttr>(
      DenseElementsAttr::get(scalar, static_cast<float>(ctx.numInputs()))));
  return setResult(ctx, ctx.create<graph::DivOp>(sum, count));
}

LogicalResult importMod(NodeContext &ctx) {
  Value lhs = typedInput(ctx, 0, Types::Numeric);
  Value rhs = sameTypedInput(ctx, 1, Types::Numeric, lhs);
  int64_t fmod = ctx.intAttr("fmod", 0);
  if (fmod != 0 && fmod != 1)
    return ctx.error() << "attribute 'fmod' = " << fmod << " is not 0 or 1";
  return setResult(ctx, ctx.create<graph::ModOp>(lhs, rhs, fmod == 1));
}

LogicalResult importPow(NodeContext &ctx) {
  Value base = typedInput(ctx, 0, Types::Numeric);
  Value exponent = typedInput(ctx, 1, Types::Numeric);
  return setResult(ctx, ctx.create<graph::PowOp>(base, exponent));
}

LogicalResult importWhere(NodeContext &ctx) {
  Value condition = typedInput(ctx, 0, Types::Bool);
  Value lhs = typedInput(ctx, 1, Types::Any);
  Value rhs = typedInput(ctx, 2, Types::Any);
  if (lhs && rhs &&
      cast<RankedTensorType>(lhs.getType()).getElementType() !=
          cast<RankedTensorType>(rhs.getType()).getElementType()) {
    auto l = cast<RankedTensorType>(lhs.getType());
    auto r = cast<RankedTensorType>(rhs.getType());
    return ctx.error() << "input 2 ('" << ctx.node().input(2) << "') has type "
                       << describeTensorType(r.getElementType(), r.getShape())
                       << " but input 1 has type "
                       << describeTensorType(l.getElementType(), l.getShape());
  }
  return setResult(ctx, ctx.create<graph::WhereOp>(condition, lhs, rhs));
}

LogicalResult importPRelu(NodeContext &ctx) {
  Value x = typedInput(ctx, 0, Types::Float);
  Value slope = typedInput(ctx, 1, Types::Float);
  if (!x || !slope)
    return failure();
  // Before PRelu-7, a slope of C elements applied along the channels
  // (dimension 1), as in Caffe2 and old PyTorch exports; as [C, 1, ...]
  // it broadcasts the same way.
  auto xType = cast<RankedTensorType>(x.getType());
  auto slopeType = cast<RankedTensorType>(slope.getType());
  if (ctx.version() < 7 && xType.getRank() > 2 && slopeType.getRank() == 1 &&
      slopeType.getDimSize(0) == xType.getDimSize(1)) {
    SmallVector<int64_t> shape(xType.getRank() - 1, 1);
    shape[0] = slopeType.getDimSize(0);
    Builder b(ctx.context());
    slope = ctx.create<graph::ReshapeOp>(slope, b.getDenseI64ArrayAttr(shape));
  }
  return setResult(ctx, ctx.create<graph::PReluOp>(x, slope));
}

LogicalResult importIsInf(NodeContext &ctx) {
  Value x = typedInput(ctx, 0, Types::Float);
  bool negative = ctx.intAttr("detect_negative", 1) != 0;
  bool positive = ctx.intAttr("detect_positive", 1) != 0;
  return setResult(ctx, ctx.create<graph::IsInfOp>(x, negative, positive));
}

//===----------------------------------------------------------------------===//
// Activations with attributes
//===----------------------------------------------------------------------===//

/// An activation whose float attributes `names` default to `defaults`.
template <typename OpTy, size_t N>
LogicalResult importActivation(NodeContext &ctx,
                               const std::array<const char *, N> &names,
                               const std::array<float, N> &defaults) {
  Value x = typedInput(ctx, 0, Types::Float);
  Builder b(ctx.context());
  std::array<FloatAttr, N> attrs;
  for (size_t i = 0; i < N; ++i)
    attrs[i] = b.getF32FloatAttr(ctx.floatAttr(names[i], defaults[i]));
  if constexpr (N == 1)
    return setResult(ctx, ctx.create<OpTy>(x, attrs[0]));
  else
    return setResult(ctx, ctx.create<OpTy>(x, attrs[0], attrs[1]));
}

LogicalResult importHardSigmoid(NodeContext &ctx) {
  return importActivation<graph::HardSigmoidOp, 2>(ctx, {"alpha", "beta"},
                                                   {0.2f, 0.5f});
}

LogicalResult importLeakyRelu(NodeContext &ctx) {
  return importActivation<graph::LeakyReluOp, 1>(ctx, {"alpha"}, {0.01f});
}

LogicalResult importElu(NodeContext &ctx) {
  return importActivation<graph::EluOp, 1>(ctx, {"alpha"}, {1.0f});
}

LogicalResult importSelu(NodeContext &ctx) {
  // The defaults are ONNX's float32 constants.
  return importActivation<graph::SeluOp, 2>(
      ctx, {"alpha", "gamma"},
      {1.67326319217681884765625f, 1.05070102214813232421875f});
}

LogicalResult importCelu(NodeContext &ctx) {
  float alpha = ctx.floatAttr("alpha", 1.0f);
  if (!ctx.failed() && alpha == 0.0f)
    return ctx.error() << "attribute 'alpha' must not be 0";
  return importActivation<graph::CeluOp, 1>(ctx, {"alpha"}, {1.0f});
}

LogicalResult importThresholdedRelu(NodeContext &ctx) {
  return importActivation<graph::ThresholdedReluOp, 1>(ctx, {"alpha"}, {1.0f});
}

LogicalResult importShrink(NodeContext &ctx) {
  return importActivation<graph::ShrinkOp, 2>(ctx, {"bias", "lambd"},
                                              {0.0f, 0.5f});
}

//===----------------------------------------------------------------------===//
// Clip, casts, Dropout
//===----------------------------------------------------------------------===//

LogicalResult importClip(NodeContext &ctx) {
  constexpr float kInf = std::numeric_limits<float>::infinity();
  Builder b(ctx.context());
  if (ctx.version() < 11) {
    Value x = typedInput(ctx, 0, Types::Float);
    float lo = ctx.floatAttr("min", std::numeric_limits<float>::lowest());
    float hi = ctx.floatAttr("max", std::numeric_limits<float>::max());
    return setResult(ctx, ctx.create<graph::ClipOp>(x, b.getF32FloatAttr(lo),
                                                    b.getF32FloatAttr(hi)));
  }
  Value x =
      typedInput(ctx, 0, ctx.version() < 12 ? Types::Float : Types::Numeric);
  if (!x)
    return failure();
  auto isConstant = [&](size_t i) {
    return !ctx.input(i) || ctx.input(i).getDefiningOp<graph::ConstantOp>();
  };
  // Float bounds known at compile time go into the attributes (a conv
  // epilogue takes them); any others clamp with max and min, in numpy.clip's
  // order.
  if (cast<RankedTensorType>(x.getType()).getElementType().isF32() &&
      isConstant(1) && isConstant(2)) {
    float lo = ctx.constantFloatScalar(1, "min", -kInf);
    float hi = ctx.constantFloatScalar(2, "max", kInf);
    return setResult(ctx, ctx.create<graph::ClipOp>(x, b.getF32FloatAttr(lo),
                                                    b.getF32FloatAttr(hi)));
  }
  Value result = x;
  for (auto [i, role] :
       {std::pair<size_t, const char *>{1, "min"}, {2, "max"}}) {
    Value bound = ctx.input(i);
    if (!bound)
      continue;
    auto type = cast<RankedTensorType>(bound.getType());
    if (type.getRank() != 0 && type.getNumElements() != 1)
      return ctx.error() << role << " (input " << i << ") must be a scalar, "
                         << "not of shape "
                         << describeTensorType(type.getElementType(),
                                               type.getShape());
    if (i == 1)
      result =
          ctx.create<graph::MaxOp>(result, typedInput(ctx, i, Types::Numeric));
    else
      result =
          ctx.create<graph::MinOp>(result, typedInput(ctx, i, Types::Numeric));
  }
  return setResult(ctx, result);
}

/// How errors name an element type: as in describeTensorType ("float16"),
/// or by its ONNX name where MLIR has no such type ("STRING").
std::string typeName(Type type, int onnxType) {
  if (!type)
    return onnxTypeName(onnxType).str();
  std::string text = describeTensorType(type, {});
  return text.substr(0, text.size() - 2); // without "[]"
}

LogicalResult castTo(NodeContext &ctx, Type to, StringRef what) {
  Value x = typedInput(ctx, 0, Types::Any);
  if (!x)
    return failure();
  if (!to || !accepts(Types::Any, to))
    return ctx.error() << "casting to " << what << " is not supported; "
                       << "only to " << describe(Types::Any);
  // A cast to the input's own type is the input.
  if (cast<RankedTensorType>(x.getType()).getElementType() == to)
    return setResult(ctx, x);
  return setResult(ctx, ctx.create<graph::CastOp>(x, TypeAttr::get(to)));
}

LogicalResult importCast(NodeContext &ctx) {
  if (!ctx.hasAttr("to"))
    return ctx.error() << "attribute 'to' is required";
  int64_t to = ctx.intAttr("to", 0);
  if (ctx.failed())
    return failure();
  Type type = convertElementType(ctx.context(), to);
  return castTo(ctx, type, typeName(type, static_cast<int>(to)));
}

LogicalResult importCastLike(NodeContext &ctx) {
  Value like = ctx.tensorInput(1);
  if (!like)
    return failure();
  Type to = cast<RankedTensorType>(like.getType()).getElementType();
  return castTo(ctx, to, typeName(to, 0));
}

LogicalResult importDropout(NodeContext &ctx) {
  Value x = typedInput(ctx, 0, Types::Float);
  if (!x)
    return failure();
  // Dropout-12 takes training_mode as an input; edgec compiles inference.
  if (ctx.version() >= 12 && ctx.input(2)) {
    DenseElementsAttr training = ctx.constantInput(2, "training_mode");
    if (!training)
      return failure();
    if (!training.getElementType().isInteger(1) ||
        training.getNumElements() != 1)
      return ctx.error() << "training_mode (input 2) must be a bool scalar";
    if (*training.getValues<bool>().begin()) {
      // With ratio 0 a training-mode dropout keeps every element unscaled:
      // the identity (torchvision's Swin exports its attention dropout so).
      DenseElementsAttr ratio =
          ctx.input(1) ? ctx.constantInput(1, "ratio") : DenseElementsAttr();
      if (ctx.input(1) && !ratio)
        return failure();
      bool keepsAll = ratio && ratio.getNumElements() == 1 &&
                      isa<FloatType>(ratio.getElementType()) &&
                      (*ratio.getValues<APFloat>().begin()).isZero();
      if (!keepsAll)
        return ctx.error() << "training_mode = true is not supported with a "
                              "ratio other than 0; edgec compiles for "
                              "inference";
    }
  }
  // In inference every element is kept: the mask is all true (of the input's
  // type before Dropout-10).
  auto type = cast<RankedTensorType>(x.getType());
  Value mask;
  if (ctx.node().output_size() > 1 && !ctx.node().output(1).empty()) {
    Builder b(ctx.context());
    DenseElementsAttr ones =
        ctx.version() >= 10
            ? DenseElementsAttr::get(type.clone(b.getI1Type()), true)
            : DenseElementsAttr::get(type, 1.0f);
    mask = ctx.create<graph::ConstantOp>(cast<ElementsAttr>(ones));
    if (!mask)
      return failure();
    ctx.setResults({x, mask});
    return success();
  }
  ctx.setResults(x);
  return success();
}

} // namespace

void edgec::onnx_import::registerElementwiseOps(OpTable &table) {
  const char *numeric = "float32, int32, int64; numpy broadcasting";
  const char *compare = "float32, int32, int64; numpy broadcasting";
  const char *logical = "bool; numpy broadcasting";
  const char *f32 = "float32";
  constexpr Types Numeric = Types::Numeric, Bool = Types::Bool,
                  Comparable = Types::Comparable;

  // Arithmetic.
  table["Add"] = {{7, 13, 14}, numeric, importBinary<graph::AddOp>};
  table["Sub"] = {{7, 13, 14}, numeric, importBinary<graph::SubOp>};
  table["Mul"] = {{7, 13, 14}, numeric, importBinary<graph::MulOp>};
  table["Div"] = {{7, 13, 14}, numeric, importBinary<graph::DivOp>};
  table["Pow"] = {{7, 12, 13, 15},
                  "float32, int32, int64 base and exponent; numpy "
                  "broadcasting",
                  importPow};
  table["Mod"] = {{10, 13},
                  "float32, int32, int64; numpy broadcasting; fmod 0 or 1",
                  importMod};
  table["Max"] = {{6, 8, 12, 13},
                  "float32, int32, int64; numpy broadcasting; NaN propagates",
                  importVariadic<graph::MaxOp>};
  table["Min"] = {{6, 8, 12, 13},
                  "float32, int32, int64; numpy broadcasting; NaN propagates",
                  importVariadic<graph::MinOp>};
  table["Sum"] = {{6, 8, 13}, numeric, importVariadic<graph::AddOp>};
  table["Mean"] = {{6, 8, 13}, "float32; numpy broadcasting", importMean};

  // Comparisons and logic.
  table["Equal"] = {{7, 11, 13},
                    "float32, int32, int64, bool; numpy broadcasting",
                    importBinary<graph::EqualOp, Comparable>};
  table["Less"] = {{7, 9, 13}, compare, importBinary<graph::LessOp>};
  table["LessOrEqual"] = {{12, 16}, compare, importBinary<graph::LessEqualOp>};
  table["Greater"] = {{7, 9, 13}, compare, importBinary<graph::GreaterOp>};
  table["GreaterOrEqual"] = {
      {12, 16}, compare, importBinary<graph::GreaterEqualOp>};
  table["And"] = {{7}, logical, importBinary<graph::AndOp, Bool>};
  table["Or"] = {{7}, logical, importBinary<graph::OrOp, Bool>};
  table["Xor"] = {{7}, logical, importBinary<graph::XorOp, Bool>};
  table["Not"] = {{1}, "bool", importUnary<graph::NotOp, Bool>};
  table["Where"] = {{9, 16},
                    "bool condition; numpy broadcasting of all three inputs",
                    importWhere};

  // Unary math.
  table["Abs"] = {
      {6, 13}, "float32, int32, int64", importUnary<graph::AbsOp, Numeric>};
  table["Neg"] = {
      {6, 13}, "float32, int32, int64", importUnary<graph::NegOp, Numeric>};
  table["Sign"] = {
      {9, 13}, "float32, int32, int64", importUnary<graph::SignOp, Numeric>};
  table["Exp"] = {{6, 13}, f32, importUnary<graph::ExpOp>};
  table["Log"] = {{6, 13}, f32, importUnary<graph::LogOp>};
  table["Sqrt"] = {{6, 13}, f32, importUnary<graph::SqrtOp>};
  table["Reciprocal"] = {{6, 13}, f32, importUnary<graph::ReciprocalOp>};
  table["Tanh"] = {{6, 13}, f32, importUnary<graph::TanhOp>};
  table["Erf"] = {{9, 13}, f32, importUnary<graph::ErfOp>};
  table["Sin"] = {{7}, f32, importUnary<graph::SinOp>};
  table["Cos"] = {{7}, f32, importUnary<graph::CosOp>};
  table["Tan"] = {{7}, f32, importUnary<graph::TanOp>};
  table["Asin"] = {{7}, f32, importUnary<graph::AsinOp>};
  table["Acos"] = {{7}, f32, importUnary<graph::AcosOp>};
  table["Atan"] = {{7}, f32, importUnary<graph::AtanOp>};
  table["Sinh"] = {{9}, f32, importUnary<graph::SinhOp>};
  table["Cosh"] = {{9}, f32, importUnary<graph::CoshOp>};
  table["Asinh"] = {{9}, f32, importUnary<graph::AsinhOp>};
  table["Acosh"] = {{9}, f32, importUnary<graph::AcoshOp>};
  table["Atanh"] = {{9}, f32, importUnary<graph::AtanhOp>};
  table["Floor"] = {{6, 13}, f32, importUnary<graph::FloorOp>};
  table["Ceil"] = {{6, 13}, f32, importUnary<graph::CeilOp>};
  table["Round"] = {
      {11}, "float32; halves to even", importUnary<graph::RoundOp>};
  table["IsNaN"] = {{9, 13}, f32, importUnary<graph::IsNaNOp>};
  table["IsInf"] = {{10}, f32, importIsInf};

  // Activations.
  table["Relu"] = {{6, 13, 14},
                   "float32, int32, int64",
                   importUnary<graph::ReluOp, Numeric>};
  table["Sigmoid"] = {{6, 13}, f32, importUnary<graph::SigmoidOp>};
  table["Clip"] = {{6, 11, 12, 13},
                   "float32 (int32, int64 since Clip-12); scalar bounds",
                   importClip};
  table["Softplus"] = {{1}, f32, importUnary<graph::SoftplusOp>};
  table["Softsign"] = {{1}, f32, importUnary<graph::SoftsignOp>};
  table["HardSigmoid"] = {{6}, f32, importHardSigmoid};
  table["HardSwish"] = {{14}, f32, importUnary<graph::HardSwishOp>};
  table["LeakyRelu"] = {{6, 16}, f32, importLeakyRelu};
  table["Elu"] = {{6}, f32, importElu};
  table["Selu"] = {{6}, f32, importSelu};
  table["Celu"] = {{12}, f32, importCelu};
  table["ThresholdedRelu"] = {{10}, f32, importThresholdedRelu};
  table["Shrink"] = {{9}, f32, importShrink};
  table["PRelu"] = {{6, 7, 9, 16},
                    "float32; slope broadcasts to the input's shape (along "
                    "the channels before PRelu-7)",
                    importPRelu};

  // Casts.
  table["Cast"] = {{6, 9, 13},
                   "to and from float32, float16, float64, bool, int8, uint8, "
                   "int32, int64",
                   importCast};
  table["CastLike"] = {{15}, "as Cast", importCastLike};
  table["Dropout"] = {{7, 10, 12, 13},
                      "float32; inference only (the mask is all true)",
                      importDropout};
}
