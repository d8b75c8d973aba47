//===- DataMovementOps.cpp - Importing reshapes, transposes, concat -------===//

#include "NodeContext.h"

#include "dialects/graph/IR/GraphOps.h"
#include "dialects/graph/IR/ShapeHelpers.h"

using namespace mlir;
using namespace edgec::onnx_import;
namespace graph = edgec::graph;

namespace {

/// The first input, of any element type (data movement does not compute).
Value anyInput(NodeContext &ctx) {
  Value x = ctx.input(0);
  if (!x && !ctx.failed())
    ctx.error() << "input 0 is required";
  return x;
}

LogicalResult importFlatten(NodeContext &ctx) {
  Value x = anyInput(ctx);
  if (ctx.failed())
    return failure();
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank();
  // The axis lies in [-rank, rank]: it may equal the rank (everything goes
  // to the outer dimension), and a negative one counts from the back.
  int64_t axis = ctx.intAttr("axis", 1);
  if (ctx.failed())
    return failure();
  if (axis < -rank || axis > rank)
    return ctx.error() << "attribute 'axis' = " << axis
                       << " is out of range for rank " << rank;
  if (axis < 0)
    axis += rank;
  int64_t outer = 1, inner = 1;
  for (int64_t i = 0; i < rank; ++i)
    (i < axis ? outer : inner) *= type.getDimSize(i);
  Value result =
      ctx.create<graph::ReshapeOp>(x, ArrayRef<int64_t>{outer, inner});
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

LogicalResult importReshape(NodeContext &ctx) {
  Value x = anyInput(ctx);
  if (DenseElementsAttr shapeValue = ctx.constantInput(1, "shape"))
    if (shapeValue.getType().getRank() != 1)
      return ctx.error() << "shape (input 1) must be 1-D, not of shape "
                         << graph::formatShape(shapeValue.getType().getShape());
  SmallVector<int64_t> shape = ctx.constantInts(1, "shape");
  bool allowZero = ctx.intAttr("allowzero", 0) != 0;
  if (ctx.failed())
    return failure();
  auto type = cast<RankedTensorType>(x.getType());
  // Resolve ONNX's placeholders: 0 copies the input dimension, -1 is
  // whatever is left.
  int64_t known = 1, inferred = -1;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == 0 && !allowZero) {
      if (static_cast<int64_t>(i) >= type.getRank())
        return ctx.error() << "shape " << graph::formatShape(shape)
                           << " copies dimension " << i << " that the input "
                           << type << " does not have";
      shape[i] = type.getDimSize(i);
    }
    if (shape[i] == -1) {
      if (inferred >= 0)
        return ctx.error() << "shape " << graph::formatShape(shape)
                           << " has more than one -1";
      inferred = i;
      continue;
    }
    if (shape[i] < 0)
      return ctx.error() << "shape " << graph::formatShape(shape)
                         << " has a negative dimension";
    known *= shape[i];
  }
  if (inferred >= 0) {
    if (known == 0 || type.getNumElements() % known != 0)
      return ctx.error() << "cannot reshape " << type << " to "
                         << graph::formatShape(shape);
    shape[inferred] = type.getNumElements() / known;
  }
  Value result = ctx.create<graph::ReshapeOp>(x, shape);
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

LogicalResult importTranspose(NodeContext &ctx) {
  Value x = anyInput(ctx);
  if (ctx.failed())
    return failure();
  int64_t rank = cast<RankedTensorType>(x.getType()).getRank();
  SmallVector<int64_t> reversed;
  for (int64_t i = rank - 1; i >= 0; --i)
    reversed.push_back(i);
  Value result =
      ctx.create<graph::TransposeOp>(x, ctx.intsAttr("perm", reversed));
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

LogicalResult importConcat(NodeContext &ctx) {
  SmallVector<Value> inputs;
  for (size_t i = 0; i < ctx.numInputs(); ++i) {
    if (!ctx.input(i))
      return ctx.error() << "input " << i << " is missing";
    inputs.push_back(ctx.input(i));
  }
  if (inputs.empty())
    return ctx.error() << "needs at least one input";
  if (!ctx.hasAttr("axis"))
    return ctx.error() << "attribute 'axis' is required";
  int64_t rank = cast<RankedTensorType>(inputs[0].getType()).getRank();
  int64_t axis = ctx.axisAttr("axis", 0, rank);
  Value result =
      ctx.create<graph::ConcatOp>(inputs, static_cast<uint64_t>(axis));
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

LogicalResult importIdentity(NodeContext &ctx) {
  Value x = anyInput(ctx);
  if (ctx.failed())
    return failure();
  ctx.setResults(x);
  return success();
}

} // namespace

void edgec::onnx_import::registerDataMovementOps(OpTable &table) {
  table["Flatten"] = {{1, 9, 11, 13}, "", importFlatten};
  table["Reshape"] = {
      {5, 13, 14}, "the shape input must be a constant", importReshape};
  table["Transpose"] = {{1, 13}, "", importTranspose};
  table["Concat"] = {{4, 11, 13}, "", importConcat};
  table["Identity"] = {{1, 13, 14, 16}, "tensors only", importIdentity};
}
