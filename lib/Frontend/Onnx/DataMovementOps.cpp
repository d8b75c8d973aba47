//===- DataMovementOps.cpp - Importing shape and data movement ops --------===//
//
// Reshapes, transposes, slices, gathers, pads, tiles and resizes. Shapes are
// static, so every shape-like input (Reshape's shape, Slice's starts, Pad's
// pads, ...) must be a constant once the importer has folded what feeds it;
// the ops keep any element type.
//
//===----------------------------------------------------------------------===//

#include "NodeContext.h"

#include "dialects/graph/IR/ConstantFolding.h"
#include "dialects/graph/IR/GraphOps.h"
#include "dialects/graph/IR/ShapeHelpers.h"

#include <cmath>
#include <limits>

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

RankedTensorType typeOf(Value value) {
  return cast<RankedTensorType>(value.getType());
}

/// Sets the node's result to `value` when it was built.
LogicalResult finish(NodeContext &ctx, Value value) {
  if (!value)
    return failure();
  ctx.setResults(value);
  return success();
}

/// Input `i` as a constant 1-D list of integers (`role` names it).
std::optional<SmallVector<int64_t>> constantList(NodeContext &ctx, size_t i,
                                                 StringRef role) {
  if (DenseElementsAttr value = ctx.constantInput(i, role))
    if (value.getType().getRank() != 1) {
      ctx.error() << role << " (input " << i << ") must be 1-D, not of shape "
                  << graph::formatShape(value.getType().getShape());
      return std::nullopt;
    }
  SmallVector<int64_t> values = ctx.constantInts(i, role);
  if (ctx.failed())
    return std::nullopt;
  return values;
}

/// Input `i` as a constant list of numbers (floats or integers).
std::optional<SmallVector<double>> constantNumbers(NodeContext &ctx, size_t i,
                                                   StringRef role) {
  DenseElementsAttr value = ctx.constantInput(i, role);
  if (!value)
    return std::nullopt;
  SmallVector<double> values;
  for (const graph::Scalar &s : graph::readScalars(value))
    values.push_back(s.asDouble());
  return values;
}

/// Normalizes `axes` into [0, rank); reports out-of-range and repeated ones.
bool normalizeAxes(NodeContext &ctx, SmallVectorImpl<int64_t> &axes,
                   int64_t rank) {
  SmallVector<int64_t> given(axes.begin(), axes.end());
  SmallVector<bool> seen(rank, false);
  for (int64_t &axis : axes) {
    if (axis < -rank || axis >= rank) {
      ctx.error() << "axes " << graph::formatShape(given)
                  << " has an axis out of range for rank " << rank;
      return false;
    }
    if (axis < 0)
      axis += rank;
    if (seen[axis]) {
      ctx.error() << "axes " << graph::formatShape(given) << " name dimension "
                  << axis << " twice";
      return false;
    }
    seen[axis] = true;
  }
  return true;
}

//===----------------------------------------------------------------------===//
// Reshapes
//===----------------------------------------------------------------------===//

LogicalResult importFlatten(NodeContext &ctx) {
  Value x = anyInput(ctx);
  if (ctx.failed())
    return failure();
  auto type = typeOf(x);
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
  return finish(
      ctx, ctx.create<graph::ReshapeOp>(x, ArrayRef<int64_t>{outer, inner}));
}

LogicalResult importReshape(NodeContext &ctx) {
  Value x = anyInput(ctx);
  SmallVector<int64_t> shape;
  // Reshape-1 takes the shape as an attribute.
  if (ctx.version() < 5) {
    if (!ctx.hasAttr("shape"))
      return ctx.error() << "attribute 'shape' is required";
    shape = ctx.intsAttr("shape", {});
  } else if (std::optional<SmallVector<int64_t>> list =
                 constantList(ctx, 1, "shape")) {
    shape = *list;
  }
  bool allowZero = ctx.intAttr("allowzero", 0) != 0;
  if (ctx.failed())
    return failure();
  auto type = typeOf(x);
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
  return finish(ctx, ctx.create<graph::ReshapeOp>(x, shape));
}

/// Squeeze's and Unsqueeze's axes: an attribute before version 13, an
/// input since. Returns nullopt when absent.
std::optional<SmallVector<int64_t>> squeezeAxes(NodeContext &ctx) {
  if (ctx.version() < 13) {
    if (!ctx.hasAttr("axes"))
      return std::nullopt;
    return ctx.intsAttr("axes", {});
  }
  if (!ctx.input(1))
    return std::nullopt;
  return constantList(ctx, 1, "axes");
}

LogicalResult importSqueeze(NodeContext &ctx) {
  Value x = anyInput(ctx);
  std::optional<SmallVector<int64_t>> axes = squeezeAxes(ctx);
  if (ctx.failed())
    return failure();
  auto type = typeOf(x);
  int64_t rank = type.getRank();
  SmallVector<bool> drop(rank, false);
  if (axes) {
    if (!normalizeAxes(ctx, *axes, rank))
      return failure();
    for (int64_t axis : *axes) {
      if (type.getDimSize(axis) != 1)
        return ctx.error() << "cannot squeeze dimension " << axis << " of size "
                           << type.getDimSize(axis);
      drop[axis] = true;
    }
  } else {
    // No axes: every dimension of size 1 goes.
    for (int64_t d = 0; d < rank; ++d)
      drop[d] = type.getDimSize(d) == 1;
  }
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < rank; ++d)
    if (!drop[d])
      shape.push_back(type.getDimSize(d));
  return finish(ctx, ctx.create<graph::ReshapeOp>(x, shape));
}

LogicalResult importUnsqueeze(NodeContext &ctx) {
  Value x = anyInput(ctx);
  std::optional<SmallVector<int64_t>> axes = squeezeAxes(ctx);
  if (ctx.failed())
    return failure();
  if (!axes)
    return ctx.error() << (ctx.version() < 13 ? "attribute 'axes'"
                                              : "axes (input 1)")
                       << " is required";
  auto type = typeOf(x);
  // Axes index the result, whose rank counts the new dimensions.
  int64_t rank = type.getRank() + static_cast<int64_t>(axes->size());
  if (!normalizeAxes(ctx, *axes, rank))
    return failure();
  SmallVector<int64_t> shape;
  ArrayRef<int64_t> dims = type.getShape();
  for (int64_t d = 0; d < rank; ++d) {
    if (llvm::is_contained(*axes, d)) {
      shape.push_back(1);
    } else {
      shape.push_back(dims.front());
      dims = dims.drop_front();
    }
  }
  return finish(ctx, ctx.create<graph::ReshapeOp>(x, shape));
}

LogicalResult importTranspose(NodeContext &ctx) {
  Value x = anyInput(ctx);
  if (ctx.failed())
    return failure();
  int64_t rank = typeOf(x).getRank();
  SmallVector<int64_t> reversed;
  for (int64_t i = rank - 1; i >= 0; --i)
    reversed.push_back(i);
  return finish(
      ctx, ctx.create<graph::TransposeOp>(x, ctx.intsAttr("perm", reversed)));
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
  // Concat-1 defaults the axis to 1; later versions require it.
  if (ctx.version() >= 4 && !ctx.hasAttr("axis"))
    return ctx.error() << "attribute 'axis' is required";
  int64_t rank = typeOf(inputs[0]).getRank();
  int64_t axis = ctx.axisAttr("axis", 1, rank);
  return finish(
      ctx, ctx.create<graph::ConcatOp>(inputs, static_cast<uint64_t>(axis)));
}

LogicalResult importIdentity(NodeContext &ctx) {
  Value x = anyInput(ctx);
  if (ctx.failed())
    return failure();
  ctx.setResults(x);
  return success();
}

/// DepthToSpace and SpaceToDepth: a reshape that splits dimensions, a
/// transpose that interleaves them, and a reshape that joins them.
LogicalResult importDepthToSpace(NodeContext &ctx) {
  Value x = anyInput(ctx);
  int64_t b = ctx.intAttr("blocksize", 0);
  std::string mode = ctx.stringAttr("mode", "DCR");
  if (ctx.failed())
    return failure();
  if (!ctx.hasAttr("blocksize"))
    return ctx.error() << "attribute 'blocksize' is required";
  auto type = typeOf(x);
  if (type.getRank() != 4)
    return ctx.error() << "input must be [N, C, H, W], got " << type;
  if (b < 1 || type.getDimSize(1) % (b * b) != 0)
    return ctx.error() << "blocksize " << b << " does not divide "
                       << type.getDimSize(1) << " channels into blocks";
  if (mode != "DCR" && mode != "CRD")
    return ctx.error() << "mode '" << mode << "' is not DCR or CRD";
  int64_t n = type.getDimSize(0), c = type.getDimSize(1) / (b * b),
          h = type.getDimSize(2), w = type.getDimSize(3);
  // DCR: depth, then column, then row; CRD: column, row, then depth.
  bool dcr = mode == "DCR";
  SmallVector<int64_t> split = dcr ? SmallVector<int64_t>{n, b, b, c, h, w}
                                   : SmallVector<int64_t>{n, c, b, b, h, w};
  SmallVector<int64_t> perm = dcr ? SmallVector<int64_t>{0, 3, 4, 1, 5, 2}
                                  : SmallVector<int64_t>{0, 1, 4, 2, 5, 3};
  Value v = ctx.create<graph::ReshapeOp>(x, split);
  v = ctx.create<graph::TransposeOp>(v, perm);
  return finish(ctx, ctx.create<graph::ReshapeOp>(
                         v, ArrayRef<int64_t>{n, c, h * b, w * b}));
}

LogicalResult importSpaceToDepth(NodeContext &ctx) {
  Value x = anyInput(ctx);
  int64_t b = ctx.intAttr("blocksize", 0);
  if (ctx.failed())
    return failure();
  if (!ctx.hasAttr("blocksize"))
    return ctx.error() << "attribute 'blocksize' is required";
  auto type = typeOf(x);
  if (type.getRank() != 4)
    return ctx.error() << "input must be [N, C, H, W], got " << type;
  int64_t n = type.getDimSize(0), c = type.getDimSize(1),
          h = type.getDimSize(2), w = type.getDimSize(3);
  if (b < 1 || h % b != 0 || w % b != 0)
    return ctx.error() << "blocksize " << b << " does not divide the " << h
                       << "x" << w << " spatial dimensions";
  Value v = ctx.create<graph::ReshapeOp>(
      x, ArrayRef<int64_t>{n, c, h / b, b, w / b, b});
  v = ctx.create<graph::TransposeOp>(v, ArrayRef<int64_t>{0, 3, 5, 1, 2, 4});
  return finish(ctx, ctx.create<graph::ReshapeOp>(
                         v, ArrayRef<int64_t>{n, c * b * b, h / b, w / b}));
}

//===----------------------------------------------------------------------===//
// Slices
//===----------------------------------------------------------------------===//

/// A resolved slice: ONNX's starts/ends/steps clamped into offsets, sizes
/// and strides of every dimension.
struct SliceBox {
  SmallVector<int64_t> offsets, sizes, strides;

  explicit SliceBox(RankedTensorType type)
      : offsets(type.getRank(), 0), sizes(type.getShape()),
        strides(type.getRank(), 1) {}

  /// Applies ONNX Slice's rule for one axis.
  void set(int64_t axis, int64_t start, int64_t end, int64_t step,
           int64_t dim) {
    // Negative positions count from the end; then both are clamped, to
    // [0, dim] going forwards and [-1, dim - 1] going backwards.
    if (start < 0)
      start += dim;
    if (end < 0)
      end += dim;
    int64_t size;
    if (step > 0) {
      start = std::clamp<int64_t>(start, 0, dim);
      end = std::clamp<int64_t>(end, 0, dim);
      size = end > start ? (end - start + step - 1) / step : 0;
    } else {
      start = std::clamp<int64_t>(start, 0, dim - 1);
      end = std::clamp<int64_t>(end, -1, dim - 1);
      size = start > end ? (start - end - step - 1) / -step : 0;
    }
    offsets[axis] = size > 0 ? start : 0;
    sizes[axis] = size;
    strides[axis] = step;
  }
};

LogicalResult importSlice(NodeContext &ctx) {
  Value x = anyInput(ctx);
  if (ctx.failed())
    return failure();
  auto type = typeOf(x);
  int64_t rank = type.getRank();
  SmallVector<int64_t> starts, ends, axes, steps;
  if (ctx.version() < 10) {
    // Slice-1: attributes, no steps.
    if (!ctx.hasAttr("starts") || !ctx.hasAttr("ends"))
      return ctx.error() << "attributes 'starts' and 'ends' are required";
    starts = ctx.intsAttr("starts", {});
    ends = ctx.intsAttr("ends", {});
    axes = ctx.intsAttr("axes", {});
  } else {
    std::optional<SmallVector<int64_t>> s = constantList(ctx, 1, "starts");
    std::optional<SmallVector<int64_t>> e = constantList(ctx, 2, "ends");
    if (!s || !e)
      return failure();
    starts = *s;
    ends = *e;
    if (ctx.input(3)) {
      std::optional<SmallVector<int64_t>> a = constantList(ctx, 3, "axes");
      if (!a)
        return failure();
      axes = *a;
    }
    if (ctx.input(4)) {
      std::optional<SmallVector<int64_t>> st = constantList(ctx, 4, "steps");
      if (!st)
        return failure();
      steps = *st;
    }
  }
  if (ctx.failed())
    return failure();
  if (axes.empty())
    for (size_t i = 0; i < starts.size(); ++i)
      axes.push_back(i);
  if (steps.empty())
    steps.assign(starts.size(), 1);
  if (ends.size() != starts.size() || axes.size() != starts.size() ||
      steps.size() != starts.size())
    return ctx.error() << "starts, ends, axes and steps have " << starts.size()
                       << ", " << ends.size() << ", " << axes.size() << " and "
                       << steps.size() << " entries; they must agree";
  if (!normalizeAxes(ctx, axes, rank))
    return failure();
  SliceBox box(type);
  for (size_t i = 0; i < axes.size(); ++i) {
    if (steps[i] == 0)
      return ctx.error() << "steps " << graph::formatShape(steps)
                         << " has a zero step";
    box.set(axes[i], starts[i], ends[i], steps[i], type.getDimSize(axes[i]));
  }
  return finish(
      ctx, ctx.create<graph::SliceOp>(x, box.offsets, box.sizes, box.strides));
}

LogicalResult importSplit(NodeContext &ctx) {
  Value x = anyInput(ctx);
  if (ctx.failed())
    return failure();
  auto type = typeOf(x);
  int64_t axis = ctx.axisAttr("axis", 0, type.getRank());
  int64_t outputs = ctx.node().output_size();
  // The sizes: an attribute before version 13 (Split-1 also took them as
  // an optional input), an optional input since.
  SmallVector<int64_t> split;
  if (ctx.input(1)) {
    std::optional<SmallVector<int64_t>> list = constantList(ctx, 1, "split");
    if (!list)
      return failure();
    split = *list;
  } else if (ctx.version() < 13) {
    split = ctx.intsAttr("split", {});
  }
  if (ctx.failed())
    return failure();
  int64_t dim = type.getDimSize(axis);
  if (split.empty()) {
    if (dim % outputs != 0)
      return ctx.error() << "dimension " << axis << " of size " << dim
                         << " does not split into " << outputs
                         << " equal parts";
    split.assign(outputs, dim / outputs);
  }
  if (static_cast<int64_t>(split.size()) != outputs)
    return ctx.error() << "split " << graph::formatShape(split) << " has "
                       << split.size() << " parts for " << outputs
                       << " outputs";
  int64_t total = 0;
  for (int64_t part : split) {
    if (part < 0)
      return ctx.error() << "split " << graph::formatShape(split)
                         << " has a negative part";
    total += part;
  }
  if (total != dim)
    return ctx.error() << "split " << graph::formatShape(split)
                       << " adds up to " << total << ", not to the size " << dim
                       << " of dimension " << axis;
  SmallVector<Value> results;
  int64_t offset = 0;
  for (int64_t part : split) {
    SliceBox box(type);
    box.set(axis, offset, offset + part, 1, dim);
    offset += part;
    Value result =
        ctx.create<graph::SliceOp>(x, box.offsets, box.sizes, box.strides);
    if (!result)
      return failure();
    results.push_back(result);
  }
  ctx.setResults(results);
  return success();
}

//===----------------------------------------------------------------------===//
// Gathers
//===----------------------------------------------------------------------===//

LogicalResult importGather(NodeContext &ctx) {
  Value data = anyInput(ctx), indices = ctx.tensorInput(1);
  if (ctx.failed())
    return failure();
  int64_t axis = ctx.axisAttr("axis", 0, typeOf(data).getRank());
  return finish(ctx, ctx.create<graph::GatherOp>(data, indices,
                                                 static_cast<uint64_t>(axis)));
}

LogicalResult importGatherElements(NodeContext &ctx) {
  Value data = anyInput(ctx), indices = ctx.tensorInput(1);
  if (ctx.failed())
    return failure();
  int64_t axis = ctx.axisAttr("axis", 0, typeOf(data).getRank());
  return finish(ctx, ctx.create<graph::GatherElementsOp>(
                         data, indices, static_cast<uint64_t>(axis)));
}

LogicalResult importGatherND(NodeContext &ctx) {
  Value data = anyInput(ctx), indices = ctx.tensorInput(1);
  int64_t batchDims = ctx.intAttr("batch_dims", 0);
  if (ctx.failed())
    return failure();
  if (batchDims < 0)
    return ctx.error() << "attribute 'batch_dims' = " << batchDims
                       << " is negative";
  return finish(ctx, ctx.create<graph::GatherNDOp>(
                         data, indices, static_cast<uint64_t>(batchDims)));
}

//===----------------------------------------------------------------------===//
// Broadcasts, tiles and pads
//===----------------------------------------------------------------------===//

LogicalResult importExpand(NodeContext &ctx) {
  Value x = anyInput(ctx);
  std::optional<SmallVector<int64_t>> shape = constantList(ctx, 1, "shape");
  if (!shape)
    return failure();
  // Expand broadcasts both ways: the result is the broadcast of the input's
  // shape and `shape`, where a 1 in either stretches to the other.
  ArrayRef<int64_t> dims = typeOf(x).getShape();
  size_t rank = std::max(dims.size(), shape->size());
  SmallVector<int64_t> result(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t a = i < rank - dims.size() ? 1 : dims[i - (rank - dims.size())];
    int64_t b =
        i < rank - shape->size() ? 1 : (*shape)[i - (rank - shape->size())];
    if (a != b && a != 1 && b != 1)
      return ctx.error() << "cannot broadcast " << graph::formatShape(dims)
                         << " to " << graph::formatShape(*shape);
    result[i] = a == 1 ? b : a;
  }
  return finish(ctx, ctx.create<graph::ExpandOp>(x, result));
}

LogicalResult importTile(NodeContext &ctx) {
  Value x = anyInput(ctx);
  std::optional<SmallVector<int64_t>> repeats = constantList(ctx, 1, "repeats");
  if (!repeats)
    return failure();
  return finish(ctx, ctx.create<graph::TileOp>(x, *repeats));
}

LogicalResult importPad(NodeContext &ctx) {
  Value x = anyInput(ctx);
  if (ctx.failed())
    return failure();
  auto type = typeOf(x);
  Type elementType = type.getElementType();
  Builder b(ctx.context());
  SmallVector<int64_t> pads;
  TypedAttr value;
  if (ctx.version() < 11) {
    // Pad-1 calls them `paddings`, Pad-2 `pads`; the value is a float.
    StringRef name = ctx.version() < 2 ? "paddings" : "pads";
    if (!ctx.hasAttr(name))
      return ctx.error() << "attribute '" << name << "' is required";
    pads = ctx.intsAttr(name, {});
    double v = ctx.floatAttr("value", 0.0f);
    value =
        isa<FloatType>(elementType)
            ? TypedAttr(b.getFloatAttr(elementType, v))
            : TypedAttr(b.getIntegerAttr(elementType, static_cast<int64_t>(v)));
  } else {
    std::optional<SmallVector<int64_t>> list = constantList(ctx, 1, "pads");
    if (!list)
      return failure();
    pads = *list;
    if (ctx.input(2)) {
      DenseElementsAttr given = ctx.constantInput(2, "constant_value");
      if (!given)
        return failure();
      if (given.getElementType() != elementType)
        return ctx.error() << "constant_value (input 2) has type "
                           << given.getType() << ", not the input's "
                           << elementType;
      if (given.getNumElements() != 1)
        return ctx.error() << "constant_value (input 2) must be a scalar";
      value = cast<TypedAttr>(*given.getValues<Attribute>().begin());
    }
  }
  std::string mode = ctx.stringAttr("mode", "constant");
  if (ctx.failed())
    return failure();
  if (!value)
    value = isa<FloatType>(elementType)
                ? TypedAttr(b.getFloatAttr(elementType, 0.0))
                : TypedAttr(b.getIntegerAttr(elementType, 0));
  if (mode != "constant" && mode != "reflect" && mode != "edge")
    return ctx.error() << "mode '" << mode
                       << "' is not one of constant, reflect, edge";
  return finish(ctx, ctx.create<graph::PadOp>(x, pads, mode, value));
}

//===----------------------------------------------------------------------===//
// Resize and Upsample
//===----------------------------------------------------------------------===//

/// Builds edge.resize from scales or sizes (exactly one non-empty) and the
/// attributes the ONNX version has.
LogicalResult buildResize(NodeContext &ctx, Value x, ArrayRef<double> scales,
                          ArrayRef<int64_t> sizes, StringRef mode,
                          StringRef coordinateMode, StringRef nearestMode,
                          ArrayRef<double> roi) {
  auto type = typeOf(x);
  int64_t rank = type.getRank();
  SmallVector<int64_t> outSizes;
  SmallVector<double> outScales;
  if (!sizes.empty()) {
    if (static_cast<int64_t>(sizes.size()) != rank)
      return ctx.error() << "sizes " << graph::formatShape(sizes) << " has "
                         << sizes.size() << " entries for rank " << rank;
    outSizes.assign(sizes.begin(), sizes.end());
    for (int64_t d = 0; d < rank; ++d)
      outScales.push_back(static_cast<double>(sizes[d]) /
                          static_cast<double>(type.getDimSize(d)));
  } else {
    if (static_cast<int64_t>(scales.size()) != rank)
      return ctx.error() << "scales has " << scales.size()
                         << " entries for rank " << rank;
    for (int64_t d = 0; d < rank; ++d) {
      if (!(scales[d] > 0))
        return ctx.error() << "scale " << scales[d] << " of dimension " << d
                           << " is not positive";
      // The scales are float32 in the model: the product rounds down.
      outSizes.push_back(static_cast<int64_t>(
          std::floor(static_cast<double>(type.getDimSize(d)) * scales[d])));
      outScales.push_back(scales[d]);
    }
  }
  for (int64_t d = 0; d < rank; ++d)
    if (outSizes[d] < 1)
      return ctx.error() << "the result shape " << graph::formatShape(outSizes)
                         << " has an empty dimension";
  if (mode != "nearest" && mode != "linear" && mode != "cubic")
    return ctx.error() << "mode '" << mode
                       << "' is not one of nearest, linear, cubic";
  // Linear and cubic interpolate the resized dimensions; the lowering
  // supports any of them, as ONNX does.
  Builder b(ctx.context());
  float cubicA = ctx.floatAttr("cubic_coeff_a", -0.75f);
  bool exclude = ctx.intAttr("exclude_outside", 0) != 0;
  float extrapolation = ctx.floatAttr("extrapolation_value", 0.0f);
  if (ctx.failed())
    return failure();
  static constexpr StringLiteral kCoordinateModes[] = {
      "half_pixel", "pytorch_half_pixel",   "align_corners",
      "asymmetric", "tf_half_pixel_for_nn", "tf_crop_and_resize"};
  if (!llvm::is_contained(kCoordinateModes, coordinateMode))
    return ctx.error() << "coordinate_transformation_mode '" << coordinateMode
                       << "' is not supported";
  static constexpr StringLiteral kNearestModes[] = {
      "round_prefer_floor", "round_prefer_ceil", "floor", "ceil"};
  if (!llvm::is_contained(kNearestModes, nearestMode))
    return ctx.error() << "nearest_mode '" << nearestMode
                       << "' is not supported";
  SmallVector<double> roiValues;
  if (coordinateMode == "tf_crop_and_resize") {
    if (static_cast<int64_t>(roi.size()) != 2 * rank)
      return ctx.error() << "tf_crop_and_resize needs a constant roi of "
                         << 2 * rank << " entries, got " << roi.size();
    roiValues.assign(roi.begin(), roi.end());
  }
  Value result = ctx.create<graph::ResizeOp>(
      x, b.getDenseI64ArrayAttr(outSizes), b.getDenseF64ArrayAttr(outScales),
      b.getStringAttr(mode), b.getStringAttr(coordinateMode),
      b.getStringAttr(nearestMode), b.getF64FloatAttr(cubicA),
      b.getBoolAttr(exclude), b.getF64FloatAttr(extrapolation),
      b.getDenseF64ArrayAttr(roiValues));
  return finish(ctx, result);
}

LogicalResult importResize(NodeContext &ctx) {
  Value x = anyInput(ctx);
  if (ctx.failed())
    return failure();
  std::string mode = ctx.stringAttr("mode", "nearest");
  if (ctx.version() == 10) {
    // Resize-10 is Upsample-9: asymmetric coordinates, and nearest takes
    // the element at or before the mapped position.
    std::optional<SmallVector<double>> scales =
        constantNumbers(ctx, 1, "scales");
    if (!scales)
      return failure();
    return buildResize(ctx, x, *scales, {}, mode, "asymmetric", "floor", {});
  }
  // Resize-11 and 13: (X, roi, scales, sizes); scales and sizes exclusive.
  SmallVector<double> roi, scales;
  SmallVector<int64_t> sizes;
  std::string coordinateMode =
      ctx.stringAttr("coordinate_transformation_mode", "half_pixel");
  std::string nearestMode =
      ctx.stringAttr("nearest_mode", "round_prefer_floor");
  if (ctx.failed())
    return failure();
  auto nonEmpty = [&](size_t i) {
    return ctx.input(i) && typeOf(ctx.input(i)).getNumElements() > 0;
  };
  if (coordinateMode == "tf_crop_and_resize" && nonEmpty(1)) {
    std::optional<SmallVector<double>> list = constantNumbers(ctx, 1, "roi");
    if (!list)
      return failure();
    roi = *list;
  }
  if (nonEmpty(2)) {
    std::optional<SmallVector<double>> list = constantNumbers(ctx, 2, "scales");
    if (!list)
      return failure();
    scales = *list;
  }
  if (nonEmpty(3)) {
    std::optional<SmallVector<int64_t>> list = constantList(ctx, 3, "sizes");
    if (!list)
      return failure();
    sizes = *list;
  }
  if (scales.empty() == sizes.empty())
    return ctx.error() << "exactly one of scales (input 2) and sizes (input "
                          "3) must be given";
  return buildResize(ctx, x, scales, sizes, mode, coordinateMode, nearestMode,
                     roi);
}

LogicalResult importUpsample(NodeContext &ctx) {
  Value x = anyInput(ctx);
  std::string mode = ctx.stringAttr("mode", "nearest");
  if (ctx.failed())
    return failure();
  SmallVector<double> scales;
  if (ctx.version() < 9) {
    SmallVector<float> attr = ctx.floatsAttr("scales");
    if (attr.empty())
      return ctx.error() << "attribute 'scales' is required";
    scales.assign(attr.begin(), attr.end());
  } else {
    std::optional<SmallVector<double>> list = constantNumbers(ctx, 1, "scales");
    if (!list)
      return failure();
    scales = *list;
  }
  return buildResize(ctx, x, scales, {}, mode, "asymmetric", "floor", {});
}

//===----------------------------------------------------------------------===//
// Triangles and one-hot vectors
//===----------------------------------------------------------------------===//

LogicalResult importTrilu(NodeContext &ctx) {
  Value x = anyInput(ctx);
  bool upper = ctx.intAttr("upper", 1) != 0;
  if (ctx.failed())
    return failure();
  // k may be computed at run time; it defaults to 0.
  Value k = ctx.input(1);
  if (!k)
    k = ctx.create<graph::ConstantOp>(cast<ElementsAttr>(DenseElementsAttr::get(
        RankedTensorType::get({}, IntegerType::get(ctx.context(), 64)),
        int64_t(0))));
  else if (typeOf(k).getNumElements() == 1 && typeOf(k).getRank() != 0)
    k = ctx.create<graph::ReshapeOp>(k, ArrayRef<int64_t>{});
  Builder b(ctx.context());
  return finish(ctx, ctx.create<graph::TriluOp>(x, k, b.getBoolAttr(upper)));
}

LogicalResult importOneHot(NodeContext &ctx) {
  Value indices = anyInput(ctx), values = ctx.tensorInput(2);
  std::optional<SmallVector<double>> depth = constantNumbers(ctx, 1, "depth");
  if (!depth || ctx.failed())
    return failure();
  if (depth->size() != 1)
    return ctx.error() << "depth (input 1) must be a scalar";
  // A float depth rounds down, as ONNX casts it to an integer.
  auto size = static_cast<int64_t>(std::floor((*depth)[0]));
  if (size < 1)
    return ctx.error() << "depth " << (*depth)[0] << " is not positive";
  int64_t axis = ctx.axisAttr("axis", -1, typeOf(indices).getRank() + 1);
  if (ctx.failed())
    return failure();
  return finish(ctx, ctx.create<graph::OneHotOp>(indices, values,
                                                 static_cast<uint64_t>(axis),
                                                 static_cast<uint64_t>(size)));
}

//===----------------------------------------------------------------------===//
// Scatters
//===----------------------------------------------------------------------===//

/// The reduction attribute of ScatterND and ScatterElements (version 16).
std::optional<std::string> scatterReduction(NodeContext &ctx) {
  std::string reduction = ctx.stringAttr("reduction", "none");
  if (ctx.failed())
    return std::nullopt;
  if (reduction != "none" && reduction != "add" && reduction != "mul") {
    ctx.error() << "reduction '" << reduction
                << "' is not one of none, add, mul";
    return std::nullopt;
  }
  return reduction;
}

/// ScatterElements, and Scatter (its deprecated name).
LogicalResult importScatterElements(NodeContext &ctx) {
  Value data = anyInput(ctx), indices = ctx.tensorInput(1),
        updates = ctx.tensorInput(2);
  std::optional<std::string> reduction = scatterReduction(ctx);
  if (!reduction)
    return failure();
  int64_t axis = ctx.axisAttr("axis", 0, typeOf(data).getRank());
  Builder b(ctx.context());
  return finish(ctx, ctx.create<graph::ScatterElementsOp>(
                         data, indices, updates, b.getI64IntegerAttr(axis),
                         b.getStringAttr(*reduction)));
}

LogicalResult importScatterND(NodeContext &ctx) {
  Value data = anyInput(ctx), indices = ctx.tensorInput(1),
        updates = ctx.tensorInput(2);
  std::optional<std::string> reduction = scatterReduction(ctx);
  if (!reduction)
    return failure();
  Builder b(ctx.context());
  return finish(ctx, ctx.create<graph::ScatterNDOp>(
                         data, indices, updates, b.getStringAttr(*reduction)));
}

} // namespace

void edgec::onnx_import::registerDataMovementOps(OpTable &table) {
  table["Flatten"] = {{1, 9, 11, 13}, "", importFlatten};
  table["Reshape"] = {
      {1, 5, 13, 14}, "the shape input must be a constant", importReshape};
  table["Squeeze"] = {
      {1, 11, 13}, "the axes input must be a constant", importSqueeze};
  table["Unsqueeze"] = {
      {1, 11, 13}, "the axes input must be a constant", importUnsqueeze};
  table["Transpose"] = {{1, 13}, "", importTranspose};
  table["Concat"] = {{1, 4, 11, 13}, "", importConcat};
  table["Identity"] = {{1, 13, 14, 16}, "tensors only", importIdentity};
  table["DepthToSpace"] = {{1, 11, 13}, "4-D input", importDepthToSpace};
  table["SpaceToDepth"] = {{1, 13}, "4-D input", importSpaceToDepth};
  table["Slice"] = {{1, 10, 11, 13},
                    "starts, ends, axes and steps must be constants",
                    importSlice};
  table["Split"] = {
      {1, 2, 11, 13}, "split sizes must be constants", importSplit};
  table["Gather"] = {{1, 11, 13}, "int32 or int64 indices", importGather};
  table["GatherElements"] = {
      {11, 13}, "int32 or int64 indices", importGatherElements};
  table["GatherND"] = {{11, 12, 13}, "int32 or int64 indices", importGatherND};
  table["Expand"] = {
      {8, 13}, "the shape input must be a constant", importExpand};
  table["Tile"] = {{6, 13}, "repeats must be a constant", importTile};
  table["Pad"] = {{1, 2, 11, 13},
                  "modes constant, reflect, edge; pads and value must be "
                  "constants",
                  importPad};
  table["Resize"] = {{10, 11, 13},
                     "nearest (any type), linear or cubic (float32); roi, "
                     "scales and sizes must be constants",
                     importResize};
  table["Upsample"] = {{7, 9, 10},
                       "nearest (any type) or linear (float32); scales "
                       "must be constants",
                       importUpsample};
  table["Trilu"] = {{14}, "", importTrilu};
  table["OneHot"] = {{9, 11}, "depth must be a constant", importOneHot};
  const char *scatter = "int32 or int64 indices; reduction none, add or mul; "
                        "the cost grows with the updates per element";
  table["ScatterElements"] = {{11, 13, 16}, scatter, importScatterElements};
  table["Scatter"] = {{9, 11}, scatter, importScatterElements};
  table["ScatterND"] = {{11, 13, 16}, scatter, importScatterND};
}
