//===- ConstantOps.cpp - Importing ops whose results are constants --------===//
//
// Constant, and the ops whose result follows from static shapes or constant
// inputs alone (Shape, Size, ConstantOfShape, Range, EyeLike): they all
// become edge.constant at import.
//
//===----------------------------------------------------------------------===//

#include "NodeContext.h"
#include "Tensors.h"

#include "dialects/graph/IR/ConstantFolding.h"
#include "dialects/graph/IR/GraphOps.h"
#include "dialects/graph/IR/ShapeHelpers.h"

#include <cmath>

using namespace mlir;
using namespace edgec::onnx_import;
namespace graph = edgec::graph;

/// Sets the node's result to a constant `value`.
static LogicalResult setConstant(NodeContext &ctx, DenseElementsAttr value) {
  if (ctx.failed() || !value)
    return failure();
  Value result = ctx.create<graph::ConstantOp>(cast<ElementsAttr>(value));
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

/// The first input, which must be present (of any element type).
static Value requiredInput(NodeContext &ctx) {
  Value x = ctx.input(0);
  if (!x && !ctx.failed())
    ctx.error() << "input 0 is required";
  return x;
}

static LogicalResult importConstant(NodeContext &ctx) {
  Builder b(ctx.context());
  DenseElementsAttr value;
  int given = 0;
  for (const auto &attr : ctx.node().attribute())
    given +=
        attr.name().rfind("value", 0) == 0 || attr.name() == "sparse_value";
  if (given != 1)
    return ctx.error() << "needs exactly one value attribute, has " << given;
  if (const onnx::TensorProto *tensor = ctx.tensorAttr("value")) {
    value =
        convertTensor(*tensor, ctx.loc(), "attribute 'value'", ctx.baseDir());
    if (!value)
      return failure();
  } else if (ctx.hasAttr("value_float")) {
    value = DenseElementsAttr::get(RankedTensorType::get({}, b.getF32Type()),
                                   ctx.floatAttr("value_float", 0.0f));
  } else if (ctx.hasAttr("value_floats")) {
    SmallVector<float> values = ctx.floatsAttr("value_floats");
    value = DenseElementsAttr::get(
        RankedTensorType::get({static_cast<int64_t>(values.size())},
                              b.getF32Type()),
        ArrayRef<float>(values));
  } else if (ctx.hasAttr("value_int")) {
    value = DenseElementsAttr::get(RankedTensorType::get({}, b.getI64Type()),
                                   ctx.intAttr("value_int", 0));
  } else if (ctx.hasAttr("value_ints")) {
    SmallVector<int64_t> values = ctx.intsAttr("value_ints", {});
    value = DenseElementsAttr::get(
        RankedTensorType::get({static_cast<int64_t>(values.size())},
                              b.getI64Type()),
        ArrayRef<int64_t>(values));
  } else {
    return ctx.error() << "sparse and string constants are not supported";
  }
  if (ctx.failed())
    return failure();
  Value result = ctx.create<graph::ConstantOp>(cast<ElementsAttr>(value));
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

/// Shape: the input's dimensions, from `start` to `end` (since version 15;
/// negative values count from the back, and both are clamped).
static LogicalResult importShape(NodeContext &ctx) {
  Value x = requiredInput(ctx);
  if (ctx.failed())
    return failure();
  ArrayRef<int64_t> dims = cast<RankedTensorType>(x.getType()).getShape();
  auto rank = static_cast<int64_t>(dims.size());
  auto clampToRank = [&](int64_t v) {
    return std::clamp<int64_t>(v < 0 ? v + rank : v, 0, rank);
  };
  int64_t start = clampToRank(ctx.intAttr("start", 0));
  int64_t end = clampToRank(ctx.intAttr("end", rank));
  SmallVector<int64_t> values;
  for (int64_t d = start; d < end; ++d)
    values.push_back(dims[d]);
  auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                    IntegerType::get(ctx.context(), 64));
  return setConstant(ctx,
                     DenseElementsAttr::get(type, ArrayRef<int64_t>(values)));
}

static LogicalResult importSize(NodeContext &ctx) {
  Value x = requiredInput(ctx);
  if (ctx.failed())
    return failure();
  auto type = RankedTensorType::get({}, IntegerType::get(ctx.context(), 64));
  return setConstant(
      ctx, DenseElementsAttr::get(
               type, cast<RankedTensorType>(x.getType()).getNumElements()));
}

static LogicalResult importConstantOfShape(NodeContext &ctx) {
  DenseElementsAttr shapeValue = ctx.constantInput(0, "shape");
  if (!shapeValue)
    return failure();
  if (shapeValue.getType().getRank() != 1)
    return ctx.error() << "shape (input 0) must be 1-D, not of shape "
                       << graph::formatShape(shapeValue.getType().getShape());
  SmallVector<int64_t> shape = ctx.constantInts(0, "shape");
  if (ctx.failed())
    return failure();
  for (int64_t dim : shape)
    if (dim < 0)
      return ctx.error() << "shape " << graph::formatShape(shape)
                         << " has a negative dimension";
  if (failed(checkShape(ctx.loc(), "the result", shape)))
    return failure();
  // `value` is a one-element tensor giving the element type too; the
  // default is a float32 zero.
  DenseElementsAttr value;
  if (const onnx::TensorProto *tensor = ctx.tensorAttr("value")) {
    value =
        convertTensor(*tensor, ctx.loc(), "attribute 'value'", ctx.baseDir());
    if (!value)
      return failure();
    if (value.getNumElements() != 1)
      return ctx.error() << "attribute 'value' must hold one element, not "
                         << value.getNumElements();
  } else {
    if (ctx.failed())
      return failure();
    value = DenseElementsAttr::get(
        RankedTensorType::get({1}, Float32Type::get(ctx.context())), 0.0f);
  }
  auto type = RankedTensorType::get(shape, value.getElementType());
  return setConstant(
      ctx, DenseElementsAttr::get(type, *value.getValues<Attribute>().begin()));
}

/// Range: start, start + delta, ... up to `limit` (excluded), from constant
/// scalars of one type.
static LogicalResult importRange(NodeContext &ctx) {
  SmallVector<DenseElementsAttr> operands;
  static constexpr StringLiteral kRoles[] = {"start", "limit", "delta"};
  for (auto [i, role] : llvm::enumerate(kRoles)) {
    DenseElementsAttr value = ctx.constantInput(i, role);
    if (!value)
      return failure();
    if (value.getNumElements() != 1)
      return ctx.error() << role << " (input " << i << ") must be a scalar";
    operands.push_back(value);
  }
  Type elementType = operands[0].getElementType();
  if (operands[1].getElementType() != elementType ||
      operands[2].getElementType() != elementType)
    return ctx.error() << "start, limit and delta must have one type";
  graph::Scalar start = graph::readScalars(operands[0])[0];
  graph::Scalar limit = graph::readScalars(operands[1])[0];
  graph::Scalar delta = graph::readScalars(operands[2])[0];
  if (delta.asDouble() == 0)
    return ctx.error() << "delta (input 2) is zero";
  // ONNX: max(ceil((limit - start) / delta), 0) elements, start + i * delta.
  double count =
      std::ceil((limit.asDouble() - start.asDouble()) / delta.asDouble());
  if (!(count < static_cast<double>(kMaxElements)))
    return ctx.error() << "the result would have " << count << " elements";
  auto n = static_cast<int64_t>(std::max(count, 0.0));
  SmallVector<graph::Scalar> values;
  for (int64_t i = 0; i < n; ++i)
    values.push_back(start.isFloat
                         ? graph::Scalar::ofFloat(start.f + i * delta.f)
                         : graph::Scalar::ofInt(start.i + i * delta.i));
  return setConstant(ctx, graph::makeConstant(
                              RankedTensorType::get({n}, elementType), values));
}

/// EyeLike: ones on the k-th diagonal of a matrix shaped like the input,
/// of the input's element type or `dtype`.
static LogicalResult importEyeLike(NodeContext &ctx) {
  Value x = requiredInput(ctx);
  int64_t k = ctx.intAttr("k", 0);
  if (ctx.failed())
    return failure();
  auto inputType = cast<RankedTensorType>(x.getType());
  if (inputType.getRank() != 2)
    return ctx.error() << "input must be 2-D, got " << inputType;
  Type elementType = inputType.getElementType();
  if (ctx.hasAttr("dtype")) {
    int64_t dtype = ctx.intAttr("dtype", 0);
    elementType = convertElementType(ctx.context(), static_cast<int>(dtype));
    if (!elementType)
      return ctx.error() << "dtype " << dtype << " is not supported";
  }
  int64_t rows = inputType.getDimSize(0), cols = inputType.getDimSize(1);
  SmallVector<graph::Scalar> values;
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j)
      values.push_back(graph::Scalar::ofInt(j - i == k ? 1 : 0));
  return setConstant(
      ctx, graph::makeConstant(RankedTensorType::get({rows, cols}, elementType),
                               values));
}

void edgec::onnx_import::registerConstantOps(OpTable &table) {
  table["Shape"] = {{1, 13, 15}, "folds to a constant", importShape};
  table["Size"] = {{1, 13}, "folds to a constant", importSize};
  table["ConstantOfShape"] = {
      {9}, "the shape input must be a constant", importConstantOfShape};
  table["Range"] = {
      {11}, "start, limit and delta must be constants", importRange};
  table["EyeLike"] = {{9}, "2-D input", importEyeLike};
  table["Constant"] = {{1, 9, 11, 12, 13},
                       "dense tensors, floats and ints; not sparse or string",
                       importConstant};
}
