//===- DataMovementOps.cpp - Shape rules and folders of data movement -----===//

#include "dialects/graph/IR/ConstantFolding.h"
#include "dialects/graph/IR/GraphOps.h"
#include "dialects/graph/IR/ShapeHelpers.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/PatternMatch.h"

#include <algorithm>
#include <cstring>
#include <numeric>

using namespace mlir;
using namespace edgec::graph;

namespace {

DenseI64ArrayAttr composePermutations(Builder &builder, DenseI64ArrayAttr inner,
                                      DenseI64ArrayAttr outer) {
  SmallVector<int64_t> composed;
  for (int64_t i : outer.asArrayRef())
    composed.push_back(inner[i]);
  return builder.getDenseI64ArrayAttr(composed);
}

#include "dialects/graph/IR/GraphCanonicalize.inc"

} // namespace

//===----------------------------------------------------------------------===//
// Moving the elements of constants
//===----------------------------------------------------------------------===//

namespace {

/// The most elements a folder creates: data movement folds shape
/// computations and weights, not activations.
constexpr int64_t kMaxFoldedElements = int64_t(1) << 24;

/// The elements of a constant in row-major order, one fixed-width slot each
/// (booleans, bit-packed in a DenseElementsAttr, take one byte). Working on
/// bytes moves a multi-megabyte weight once, whatever its element type.
struct Elements {
  size_t width = 0;
  std::vector<char> bytes;

  explicit Elements(DenseElementsAttr attr) {
    Type type = attr.getElementType();
    int64_t count = attr.getNumElements();
    if (type.isInteger(1)) {
      width = 1;
      for (bool v : attr.getValues<bool>())
        bytes.push_back(v);
      return;
    }
    width = (type.getIntOrFloatBitWidth() + 7) / 8;
    ArrayRef<char> raw = attr.getRawData();
    if (attr.isSplat()) {
      bytes.reserve(count * width);
      for (int64_t i = 0; i < count; ++i)
        bytes.insert(bytes.end(), raw.begin(), raw.begin() + width);
    } else {
      bytes.assign(raw.begin(), raw.end());
    }
  }

  /// A constant of `type` from the slots `source` lists (one per result
  /// element, in row-major order); a negative source takes `fill`.
  DenseElementsAttr take(RankedTensorType type, ArrayRef<int64_t> source,
                         ArrayRef<char> fill = {}) const {
    std::vector<char> out(source.size() * width);
    for (size_t i = 0; i < source.size(); ++i) {
      const char *from =
          source[i] < 0 ? fill.data() : &bytes[source[i] * width];
      std::memcpy(&out[i * width], from, width);
    }
    return pack(type, out);
  }

  static DenseElementsAttr pack(RankedTensorType type, ArrayRef<char> out) {
    if (type.getElementType().isInteger(1)) {
      SmallVector<bool> bools(out.begin(), out.end());
      return DenseElementsAttr::get(type, bools);
    }
    return DenseElementsAttr::getFromRawBuffer(type, out);
  }
};

/// The bytes of one element `value` of its type, as Elements stores them.
std::vector<char> elementBytes(TypedAttr value) {
  auto type = RankedTensorType::get({1}, value.getType());
  return Elements(DenseElementsAttr::get(type, value)).bytes;
}

/// Calls `fn` with every multi-index of `shape`, in row-major order.
void forEachIndex(ArrayRef<int64_t> shape,
                  function_ref<void(ArrayRef<int64_t>)> fn) {
  for (int64_t dim : shape)
    if (dim == 0)
      return;
  SmallVector<int64_t> index(shape.size(), 0);
  while (true) {
    fn(index);
    int64_t d = static_cast<int64_t>(shape.size()) - 1;
    for (; d >= 0; --d) {
      if (++index[d] < shape[d])
        break;
      index[d] = 0;
    }
    if (d < 0)
      return;
  }
}

/// Row-major strides of `shape`.
SmallVector<int64_t> stridesOf(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> strides(shape.size(), 1);
  for (size_t i = shape.size(); i-- > 1;)
    strides[i - 1] = strides[i] * shape[i];
  return strides;
}

/// Folds a data movement op on a constant `input`: result element i is
/// input element `sourceOf(index of i)` (negative for `fill`). A splat input
/// stays a splat.
DenseElementsAttr
moveConstant(Attribute input, RankedTensorType resultType,
             function_ref<int64_t(ArrayRef<int64_t>)> sourceOf,
             TypedAttr fill = {}) {
  auto dense = dyn_cast_if_present<DenseElementsAttr>(input);
  if (!dense || resultType.getNumElements() > kMaxFoldedElements)
    return {};
  if (dense.isSplat() && !fill)
    return dense.resizeSplat(resultType);
  SmallVector<int64_t> source;
  source.reserve(resultType.getNumElements());
  forEachIndex(resultType.getShape(), [&](ArrayRef<int64_t> index) {
    source.push_back(sourceOf(index));
  });
  std::vector<char> fillBytes;
  if (fill)
    fillBytes = elementBytes(fill);
  return Elements(dense).take(resultType, source, fillBytes);
}

/// The values of an integer constant, or nullopt.
std::optional<SmallVector<int64_t>> readInts(Attribute attr) {
  auto dense = dyn_cast_if_present<DenseElementsAttr>(attr);
  if (!dense || !isa<IntegerType>(dense.getElementType()))
    return std::nullopt;
  SmallVector<int64_t> values;
  for (const Scalar &s : readScalars(dense))
    values.push_back(s.i);
  return values;
}

/// An index into a dimension of `size`: negative counts from the end, and
/// out-of-range values are clamped, as the lowering does.
int64_t resolveIndex(int64_t index, int64_t size) {
  if (index < 0)
    index += size;
  return std::clamp<int64_t>(index, 0, size - 1);
}

} // namespace

DenseElementsAttr edgec::graph::permuteConstant(DenseElementsAttr input,
                                                ArrayRef<int64_t> perm) {
  ArrayRef<int64_t> inShape = input.getType().getShape();
  SmallVector<int64_t> outShape;
  for (int64_t p : perm)
    outShape.push_back(inShape[p]);
  auto resultType = RankedTensorType::get(outShape, input.getElementType());
  if (input.isSplat())
    return input.resizeSplat(resultType);
  SmallVector<int64_t> inStrides = stridesOf(inShape);
  SmallVector<int64_t> source;
  source.reserve(input.getNumElements());
  forEachIndex(outShape, [&](ArrayRef<int64_t> index) {
    int64_t src = 0;
    for (size_t i = 0; i < perm.size(); ++i)
      src += index[i] * inStrides[perm[i]];
    source.push_back(src);
  });
  return Elements(input).take(resultType, source);
}

//===----------------------------------------------------------------------===//
// ReshapeOp
//===----------------------------------------------------------------------===//

LogicalResult ReshapeOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &types) {
  auto type = cast<RankedTensorType>(adaptor.getInput().getType());
  ArrayRef<int64_t> shape = adaptor.getShape();
  int64_t count = 1;
  for (int64_t dim : shape) {
    if (dim < 0)
      return emitOptionalError(loc, "shape ", formatShape(shape),
                               " has a negative dimension");
    count *= dim;
  }
  if (count != type.getNumElements())
    return emitOptionalError(loc, "cannot reshape ",
                             formatShape(type.getShape()), " (",
                             type.getNumElements(), " elements) to ",
                             formatShape(shape), " (", count, " elements)");
  types.push_back(RankedTensorType::get(shape, type.getElementType()));
  return success();
}

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType())
    return getInput();
  if (auto dense = dyn_cast_if_present<DenseElementsAttr>(adaptor.getInput()))
    return dense.reshape(getType());
  return {};
}

void ReshapeOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                            MLIRContext *context) {
  patterns.add<ReshapeOfReshape>(context);
}

//===----------------------------------------------------------------------===//
// TransposeOp
//===----------------------------------------------------------------------===//

LogicalResult TransposeOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  auto type = cast<RankedTensorType>(adaptor.getInput().getType());
  ArrayRef<int64_t> perm = adaptor.getPerm();
  int64_t rank = type.getRank();
  SmallVector<bool> seen(rank, false);
  if (static_cast<int64_t>(perm.size()) != rank)
    return emitOptionalError(loc, "perm ", formatShape(perm), " does not have ",
                             rank, " entries");
  SmallVector<int64_t> shape;
  for (int64_t p : perm) {
    if (p < 0 || p >= rank || seen[p])
      return emitOptionalError(loc, "perm ", formatShape(perm),
                               " is not a permutation of [0, ", rank, ")");
    seen[p] = true;
    shape.push_back(type.getDimSize(p));
  }
  types.push_back(RankedTensorType::get(shape, type.getElementType()));
  return success();
}

OpFoldResult TransposeOp::fold(FoldAdaptor adaptor) {
  ArrayRef<int64_t> perm = getPerm();
  bool identity = true;
  for (size_t i = 0; i < perm.size(); ++i)
    identity &= perm[i] == static_cast<int64_t>(i);
  if (identity)
    return getInput();
  if (auto dense = dyn_cast_if_present<DenseElementsAttr>(adaptor.getInput()))
    return permuteConstant(dense, perm);
  return {};
}

void TransposeOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                              MLIRContext *context) {
  patterns.add<TransposeOfTranspose>(context);
}

//===----------------------------------------------------------------------===//
// ConcatOp
//===----------------------------------------------------------------------===//

LogicalResult ConcatOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  if (adaptor.getInputs().empty())
    return emitOptionalError(loc, "needs at least one input");
  auto first = cast<RankedTensorType>(adaptor.getInputs()[0].getType());
  int64_t axis = static_cast<int64_t>(adaptor.getAxis());
  if (axis >= first.getRank())
    return emitOptionalError(loc, "axis ", axis, " is out of range for rank ",
                             first.getRank());
  SmallVector<int64_t> shape(first.getShape());
  shape[axis] = 0;
  for (Value input : adaptor.getInputs()) {
    auto type = cast<RankedTensorType>(input.getType());
    ArrayRef<int64_t> dims = type.getShape();
    bool agree = type.getRank() == first.getRank() &&
                 type.getElementType() == first.getElementType();
    for (int64_t i = 0; agree && i < type.getRank(); ++i)
      agree = i == axis || dims[i] == shape[i];
    if (!agree)
      return emitOptionalError(loc, "input of type ", type, " does not match ",
                               first, " outside axis ", axis);
    shape[axis] += dims[axis];
  }
  types.push_back(RankedTensorType::get(shape, first.getElementType()));
  return success();
}

OpFoldResult ConcatOp::fold(FoldAdaptor adaptor) {
  if (getInputs().size() == 1)
    return getInputs()[0];
  RankedTensorType type = getType();
  if (type.getNumElements() > kMaxFoldedElements)
    return {};
  // Each input contributes one run of `dim(axis) * inner` elements per
  // index of the dimensions before the axis.
  int64_t axis = static_cast<int64_t>(getAxis());
  int64_t outer = 1, inner = 1;
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (d != axis)
      (d < axis ? outer : inner) *= type.getDimSize(d);
  SmallVector<Elements> inputs;
  for (Attribute operand : adaptor.getInputs()) {
    auto dense = dyn_cast_if_present<DenseElementsAttr>(operand);
    if (!dense)
      return {};
    inputs.emplace_back(dense);
  }
  std::vector<char> out;
  out.reserve(type.getNumElements() * inputs[0].width);
  for (int64_t o = 0; o < outer; ++o) {
    for (auto [input, value] : llvm::zip(inputs, getInputs())) {
      size_t run = cast<RankedTensorType>(value.getType()).getDimSize(axis) *
                   inner * input.width;
      out.insert(out.end(), input.bytes.begin() + o * run,
                 input.bytes.begin() + (o + 1) * run);
    }
  }
  return Elements::pack(type, out);
}

//===----------------------------------------------------------------------===//
// SliceOp
//===----------------------------------------------------------------------===//

LogicalResult SliceOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &types) {
  auto type = cast<RankedTensorType>(adaptor.getInput().getType());
  ArrayRef<int64_t> offsets = adaptor.getOffsets(), sizes = adaptor.getSizes(),
                    strides = adaptor.getStrides();
  int64_t rank = type.getRank();
  if (static_cast<int64_t>(offsets.size()) != rank ||
      static_cast<int64_t>(sizes.size()) != rank ||
      static_cast<int64_t>(strides.size()) != rank)
    return emitOptionalError(
        loc, "expected ", rank, " offsets, sizes and strides, got ",
        offsets.size(), ", ", sizes.size(), " and ", strides.size());
  for (int64_t d = 0; d < rank; ++d) {
    if (strides[d] == 0)
      return emitOptionalError(loc, "stride of dimension ", d, " is zero");
    if (sizes[d] < 0)
      return emitOptionalError(loc, "size of dimension ", d, " is negative");
    int64_t first = offsets[d], last = offsets[d] + (sizes[d] - 1) * strides[d];
    int64_t dim = type.getDimSize(d);
    if (sizes[d] > 0 && (first < 0 || first >= dim || last < 0 || last >= dim))
      return emitOptionalError(loc, "dimension ", d, " reads [", first, ", ",
                               last, "], outside the input's [0, ", dim, ")");
  }
  types.push_back(RankedTensorType::get(sizes, type.getElementType()));
  return success();
}

OpFoldResult SliceOp::fold(FoldAdaptor adaptor) {
  ArrayRef<int64_t> offsets = getOffsets(), strides = getStrides();
  if (getInput().getType() == getType() &&
      llvm::all_of(offsets, [](int64_t o) { return o == 0; }) &&
      llvm::all_of(strides, [](int64_t s) { return s == 1; }))
    return getInput();
  SmallVector<int64_t> inStrides = stridesOf(getInput().getType().getShape());
  return moveConstant(
      adaptor.getInput(), getType(), [&](ArrayRef<int64_t> index) {
        int64_t src = 0;
        for (size_t d = 0; d < index.size(); ++d)
          src += (offsets[d] + index[d] * strides[d]) * inStrides[d];
        return src;
      });
}

//===----------------------------------------------------------------------===//
// GatherOp
//===----------------------------------------------------------------------===//

LogicalResult GatherOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  auto data = cast<RankedTensorType>(adaptor.getData().getType());
  auto indices = cast<RankedTensorType>(adaptor.getIndices().getType());
  int64_t axis = static_cast<int64_t>(adaptor.getAxis());
  if (axis >= data.getRank())
    return emitOptionalError(loc, "axis ", axis, " is out of range for rank ",
                             data.getRank());
  SmallVector<int64_t> shape(data.getShape().take_front(axis));
  llvm::append_range(shape, indices.getShape());
  llvm::append_range(shape, data.getShape().drop_front(axis + 1));
  types.push_back(RankedTensorType::get(shape, data.getElementType()));
  return success();
}

OpFoldResult GatherOp::fold(FoldAdaptor adaptor) {
  std::optional<SmallVector<int64_t>> indices = readInts(adaptor.getIndices());
  if (!indices)
    return {};
  ArrayRef<int64_t> dataShape = getData().getType().getShape();
  SmallVector<int64_t> dataStrides = stridesOf(dataShape);
  SmallVector<int64_t> indexStrides =
      stridesOf(getIndices().getType().getShape());
  int64_t axis = static_cast<int64_t>(getAxis());
  int64_t q = getIndices().getType().getRank();
  return moveConstant(
      adaptor.getData(), getType(), [&](ArrayRef<int64_t> index) {
        int64_t flat = 0;
        for (int64_t i = 0; i < q; ++i)
          flat += index[axis + i] * indexStrides[i];
        int64_t src =
            resolveIndex((*indices)[flat], dataShape[axis]) * dataStrides[axis];
        for (int64_t d = 0; d < axis; ++d)
          src += index[d] * dataStrides[d];
        for (size_t d = axis + 1; d < dataShape.size(); ++d)
          src += index[d + q - 1] * dataStrides[d];
        return src;
      });
}

//===----------------------------------------------------------------------===//
// GatherElementsOp
//===----------------------------------------------------------------------===//

LogicalResult GatherElementsOp::inferReturnTypes(MLIRContext *,
                                                 std::optional<Location> loc,
                                                 Adaptor adaptor,
                                                 SmallVectorImpl<Type> &types) {
  auto data = cast<RankedTensorType>(adaptor.getData().getType());
  auto indices = cast<RankedTensorType>(adaptor.getIndices().getType());
  int64_t axis = static_cast<int64_t>(adaptor.getAxis());
  if (axis >= data.getRank())
    return emitOptionalError(loc, "axis ", axis, " is out of range for rank ",
                             data.getRank());
  bool fits = indices.getRank() == data.getRank();
  for (int64_t d = 0; fits && d < data.getRank(); ++d)
    fits = d == axis || indices.getDimSize(d) <= data.getDimSize(d);
  if (!fits)
    return emitOptionalError(
        loc, "indices of shape ", formatShape(indices.getShape()),
        " do not fit data of shape ", formatShape(data.getShape()),
        " outside axis ", axis);
  types.push_back(
      RankedTensorType::get(indices.getShape(), data.getElementType()));
  return success();
}

OpFoldResult GatherElementsOp::fold(FoldAdaptor adaptor) {
  std::optional<SmallVector<int64_t>> indices = readInts(adaptor.getIndices());
  if (!indices)
    return {};
  ArrayRef<int64_t> dataShape = getData().getType().getShape();
  SmallVector<int64_t> dataStrides = stridesOf(dataShape);
  int64_t axis = static_cast<int64_t>(getAxis()), flat = 0;
  return moveConstant(
      adaptor.getData(), getType(), [&](ArrayRef<int64_t> index) {
        int64_t src = 0;
        for (size_t d = 0; d < index.size(); ++d)
          src += (static_cast<int64_t>(d) == axis
                      ? resolveIndex((*indices)[flat], dataShape[d])
                      : index[d]) *
                 dataStrides[d];
        ++flat;
        return src;
      });
}

//===----------------------------------------------------------------------===//
// GatherNDOp
//===----------------------------------------------------------------------===//

LogicalResult GatherNDOp::inferReturnTypes(MLIRContext *,
                                           std::optional<Location> loc,
                                           Adaptor adaptor,
                                           SmallVectorImpl<Type> &types) {
  auto data = cast<RankedTensorType>(adaptor.getData().getType());
  auto indices = cast<RankedTensorType>(adaptor.getIndices().getType());
  int64_t batch = static_cast<int64_t>(adaptor.getBatchDims());
  int64_t r = data.getRank(), q = indices.getRank();
  if (q < 1 || batch >= std::min(q, r))
    return emitOptionalError(loc, "batch_dims ", batch,
                             " must be less than the ranks of data (", r,
                             ") and indices (", q, ")");
  int64_t k = indices.getShape().back();
  if (k < 1 || k > r - batch)
    return emitOptionalError(loc, "index tuples of ", k,
                             " entries do not fit data of rank ", r, " with ",
                             batch, " batch dimensions");
  for (int64_t d = 0; d < batch; ++d)
    if (data.getDimSize(d) != indices.getDimSize(d))
      return emitOptionalError(loc, "batch dimension ", d,
                               " differs: ", formatShape(data.getShape()),
                               " and ", formatShape(indices.getShape()));
  SmallVector<int64_t> shape(indices.getShape().drop_back());
  llvm::append_range(shape, data.getShape().drop_front(batch + k));
  types.push_back(RankedTensorType::get(shape, data.getElementType()));
  return success();
}

OpFoldResult GatherNDOp::fold(FoldAdaptor adaptor) {
  std::optional<SmallVector<int64_t>> indices = readInts(adaptor.getIndices());
  if (!indices)
    return {};
  ArrayRef<int64_t> dataShape = getData().getType().getShape();
  SmallVector<int64_t> dataStrides = stridesOf(dataShape);
  int64_t batch = static_cast<int64_t>(getBatchDims());
  ArrayRef<int64_t> indexShape = getIndices().getType().getShape();
  int64_t k = indexShape.back(), q = indexShape.size();
  SmallVector<int64_t> indexStrides = stridesOf(indexShape);
  return moveConstant(
      adaptor.getData(), getType(), [&](ArrayRef<int64_t> index) {
        // The tuple sits at index[0 .. q-1) of indices.
        int64_t tuple = 0;
        for (int64_t d = 0; d < q - 1; ++d)
          tuple += index[d] * indexStrides[d];
        int64_t src = 0;
        for (int64_t d = 0; d < batch; ++d)
          src += index[d] * dataStrides[d];
        for (int64_t j = 0; j < k; ++j)
          src += resolveIndex((*indices)[tuple + j], dataShape[batch + j]) *
                 dataStrides[batch + j];
        for (size_t d = batch + k; d < dataShape.size(); ++d)
          src += index[q - 1 + d - batch - k] * dataStrides[d];
        return src;
      });
}

//===----------------------------------------------------------------------===//
// ExpandOp
//===----------------------------------------------------------------------===//

LogicalResult ExpandOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  auto type = cast<RankedTensorType>(adaptor.getInput().getType());
  ArrayRef<int64_t> shape = adaptor.getShape();
  int64_t offset = static_cast<int64_t>(shape.size()) - type.getRank();
  bool fits = offset >= 0;
  for (int64_t d = 0; fits && d < type.getRank(); ++d)
    fits = type.getDimSize(d) == shape[d + offset] || type.getDimSize(d) == 1;
  if (!fits || llvm::any_of(shape, [](int64_t dim) { return dim < 0; }))
    return emitOptionalError(loc, "cannot broadcast ",
                             formatShape(type.getShape()), " to ",
                             formatShape(shape));
  types.push_back(RankedTensorType::get(shape, type.getElementType()));
  return success();
}

OpFoldResult ExpandOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType())
    return getInput();
  ArrayRef<int64_t> inShape = getInput().getType().getShape();
  SmallVector<int64_t> inStrides = stridesOf(inShape);
  int64_t offset = getType().getRank() - inShape.size();
  return moveConstant(adaptor.getInput(), getType(),
                      [&](ArrayRef<int64_t> index) {
                        int64_t src = 0;
                        for (size_t d = 0; d < inShape.size(); ++d)
                          if (inShape[d] != 1)
                            src += index[d + offset] * inStrides[d];
                        return src;
                      });
}

//===----------------------------------------------------------------------===//
// TileOp
//===----------------------------------------------------------------------===//

LogicalResult TileOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &types) {
  auto type = cast<RankedTensorType>(adaptor.getInput().getType());
  ArrayRef<int64_t> repeats = adaptor.getRepeats();
  if (static_cast<int64_t>(repeats.size()) != type.getRank())
    return emitOptionalError(loc, "expected ", type.getRank(), " repeats, got ",
                             repeats.size());
  SmallVector<int64_t> shape;
  for (auto [dim, repeat] : llvm::zip(type.getShape(), repeats)) {
    if (repeat < 0)
      return emitOptionalError(loc, "repeats ", formatShape(repeats),
                               " must not be negative");
    shape.push_back(dim * repeat);
  }
  types.push_back(RankedTensorType::get(shape, type.getElementType()));
  return success();
}

OpFoldResult TileOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType())
    return getInput();
  ArrayRef<int64_t> inShape = getInput().getType().getShape();
  SmallVector<int64_t> inStrides = stridesOf(inShape);
  return moveConstant(adaptor.getInput(), getType(),
                      [&](ArrayRef<int64_t> index) {
                        int64_t src = 0;
                        for (size_t d = 0; d < inShape.size(); ++d)
                          src += index[d] % inShape[d] * inStrides[d];
                        return src;
                      });
}

//===----------------------------------------------------------------------===//
// PadOp
//===----------------------------------------------------------------------===//

LogicalResult PadOp::inferReturnTypes(MLIRContext *,
                                      std::optional<Location> loc,
                                      Adaptor adaptor,
                                      SmallVectorImpl<Type> &types) {
  auto type = cast<RankedTensorType>(adaptor.getInput().getType());
  ArrayRef<int64_t> pads = adaptor.getPads();
  int64_t rank = type.getRank();
  if (static_cast<int64_t>(pads.size()) != 2 * rank)
    return emitOptionalError(loc, "expected ", 2 * rank, " pads, got ",
                             pads.size());
  if (adaptor.getValue().getType() != type.getElementType())
    return emitOptionalError(loc, "pad value ", adaptor.getValue(),
                             " does not have the element type ",
                             type.getElementType());
  bool fromInput = adaptor.getMode() != "constant";
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t low = pads[d], high = pads[d + rank];
    // Negative pads crop first; reflect and edge then read the rest.
    int64_t cropped = type.getDimSize(d) + std::min<int64_t>(low, 0) +
                      std::min<int64_t>(high, 0);
    if (cropped < 0 || (fromInput && cropped == 0 && (low > 0 || high > 0)))
      return emitOptionalError(loc, "pads ", formatShape(pads),
                               " leave nothing of dimension ", d, " (size ",
                               type.getDimSize(d), ") to pad from");
    shape.push_back(type.getDimSize(d) + low + high);
  }
  types.push_back(RankedTensorType::get(shape, type.getElementType()));
  return success();
}

/// The input position that pad result position `index` reads along one
/// dimension (-1 for the pad value): `low` is the dimension's leading pad,
/// and the input minus its cropped part starts at `cropLow` with
/// `croppedSize` elements.
static int64_t padSource(int64_t index, int64_t low, int64_t cropLow,
                         int64_t croppedSize, StringRef mode) {
  // Position in the cropped input.
  int64_t i = index - std::max<int64_t>(low, 0);
  if (i >= 0 && i < croppedSize)
    return i + cropLow;
  if (mode == "constant")
    return -1;
  if (mode == "edge" || croppedSize == 1)
    return std::clamp<int64_t>(i, 0, croppedSize - 1) + cropLow;
  // reflect: the input mirrored about its first and last elements, which
  // repeats with a period of 2 (n - 1).
  int64_t period = 2 * (croppedSize - 1);
  i %= period;
  if (i < 0)
    i += period;
  return (i < croppedSize ? i : period - i) + cropLow;
}

OpFoldResult PadOp::fold(FoldAdaptor adaptor) {
  ArrayRef<int64_t> pads = getPads();
  if (llvm::all_of(pads, [](int64_t p) { return p == 0; }))
    return getInput();
  ArrayRef<int64_t> inShape = getInput().getType().getShape();
  SmallVector<int64_t> inStrides = stridesOf(inShape);
  int64_t rank = inShape.size();
  StringRef mode = getMode();
  return moveConstant(
      adaptor.getInput(), getType(),
      [&](ArrayRef<int64_t> index) {
        int64_t src = 0;
        for (int64_t d = 0; d < rank; ++d) {
          int64_t low = pads[d], high = pads[d + rank];
          int64_t cropLow = std::max<int64_t>(-low, 0);
          int64_t cropped = inShape[d] - cropLow - std::max<int64_t>(-high, 0);
          int64_t i = padSource(index[d], low, cropLow, cropped, mode);
          if (i < 0)
            return int64_t(-1);
          src += i * inStrides[d];
        }
        return src;
      },
      getValue());
}

//===----------------------------------------------------------------------===//
// ResizeOp
//===----------------------------------------------------------------------===//

LogicalResult ResizeOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  auto type = cast<RankedTensorType>(adaptor.getInput().getType());
  ArrayRef<int64_t> sizes = adaptor.getSizes();
  ArrayRef<double> scales = adaptor.getScales();
  int64_t rank = type.getRank();
  if (static_cast<int64_t>(sizes.size()) != rank ||
      static_cast<int64_t>(scales.size()) != rank)
    return emitOptionalError(loc, "expected ", rank, " sizes and scales, got ",
                             sizes.size(), " and ", scales.size());
  for (int64_t d = 0; d < rank; ++d) {
    if (sizes[d] < 1)
      return emitOptionalError(loc, "sizes ", formatShape(sizes),
                               " must be positive");
    if (!(scales[d] > 0))
      return emitOptionalError(loc, "scale ", scales[d], " of dimension ", d,
                               " must be positive");
  }
  bool crop = adaptor.getCoordinateMode() == "tf_crop_and_resize";
  size_t roiSize = adaptor.getRoi().size();
  if (crop ? roiSize != static_cast<size_t>(2 * rank) : roiSize != 0)
    return emitOptionalError(loc, "roi has ", roiSize, " entries; expected ",
                             crop ? 2 * rank : 0, " with coordinate_mode ",
                             adaptor.getCoordinateMode());
  if (adaptor.getMode() != "nearest" && !type.getElementType().isF32())
    return emitOptionalError(loc, adaptor.getMode(),
                             " interpolation needs float32, not ",
                             type.getElementType());
  types.push_back(RankedTensorType::get(sizes, type.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// TriluOp
//===----------------------------------------------------------------------===//

LogicalResult TriluOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &types) {
  auto type = cast<RankedTensorType>(adaptor.getInput().getType());
  if (type.getRank() < 2)
    return emitOptionalError(loc, "needs a rank of at least 2, got ",
                             type.getRank());
  types.push_back(type);
  return success();
}

OpFoldResult TriluOp::fold(FoldAdaptor adaptor) {
  std::optional<SmallVector<int64_t>> kValue = readInts(adaptor.getK());
  if (!kValue)
    return {};
  RankedTensorType type = getType();
  int64_t rank = type.getRank(), k = kValue->front();
  bool upper = getUpper();
  SmallVector<int64_t> strides = stridesOf(type.getShape());
  Builder b(getContext());
  TypedAttr zero = isa<FloatType>(type.getElementType())
                       ? TypedAttr(b.getFloatAttr(type.getElementType(), 0))
                       : TypedAttr(b.getIntegerAttr(type.getElementType(), 0));
  return moveConstant(
      adaptor.getInput(), type,
      [&](ArrayRef<int64_t> index) {
        int64_t diff = index[rank - 1] - index[rank - 2];
        if (upper ? diff < k : diff > k)
          return int64_t(-1);
        int64_t src = 0;
        for (int64_t d = 0; d < rank; ++d)
          src += index[d] * strides[d];
        return src;
      },
      zero);
}

//===----------------------------------------------------------------------===//
// OneHotOp
//===----------------------------------------------------------------------===//

LogicalResult OneHotOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  auto indices = cast<RankedTensorType>(adaptor.getIndices().getType());
  auto values = cast<RankedTensorType>(adaptor.getValues().getType());
  int64_t axis = static_cast<int64_t>(adaptor.getAxis());
  if (values.getRank() != 1 || values.getDimSize(0) != 2)
    return emitOptionalError(loc, "values must be [off, on], not of shape ",
                             formatShape(values.getShape()));
  if (axis > indices.getRank())
    return emitOptionalError(loc, "axis ", axis, " is out of range for rank ",
                             indices.getRank() + 1);
  SmallVector<int64_t> shape(indices.getShape());
  shape.insert(shape.begin() + axis, adaptor.getDepth());
  types.push_back(RankedTensorType::get(shape, values.getElementType()));
  return success();
}

OpFoldResult OneHotOp::fold(FoldAdaptor adaptor) {
  auto indices = dyn_cast_if_present<DenseElementsAttr>(adaptor.getIndices());
  if (!indices)
    return {};
  SmallVector<Scalar> positions = readScalars(indices);
  int64_t axis = static_cast<int64_t>(getAxis()), depth = getDepth();
  SmallVector<int64_t> indexStrides =
      stridesOf(getIndices().getType().getShape());
  return moveConstant(
      adaptor.getValues(), getType(), [&](ArrayRef<int64_t> index) {
        int64_t flat = 0;
        for (size_t d = 0, j = 0; d < index.size(); ++d)
          if (static_cast<int64_t>(d) != axis)
            flat += index[d] * indexStrides[j++];
        const Scalar &s = positions[flat];
        int64_t at = s.isFloat ? static_cast<int64_t>(s.f) : s.i;
        if (at < 0)
          at += depth;
        return int64_t(at == index[axis] ? 1 : 0);
      });
}

//===----------------------------------------------------------------------===//
// ScatterElementsOp and ScatterNDOp
//===----------------------------------------------------------------------===//

/// Checks what both scatters share: updates of data's element type, and a
/// reduction that computes on numbers only.
static LogicalResult checkScatter(std::optional<Location> loc,
                                  RankedTensorType data,
                                  RankedTensorType updates,
                                  StringRef reduction) {
  if (updates.getElementType() != data.getElementType())
    return emitOptionalError(loc, "updates of type ", updates,
                             " do not match data of type ", data);
  Type element = data.getElementType();
  if (reduction != "none" &&
      !(element.isF32() || element.isInteger(32) || element.isInteger(64)))
    return emitOptionalError(loc, "reduction '", reduction,
                             "' needs float32, int32 or int64, not ", element);
  return success();
}

LogicalResult
ScatterElementsOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                    Adaptor adaptor,
                                    SmallVectorImpl<Type> &types) {
  auto data = cast<RankedTensorType>(adaptor.getData().getType());
  auto indices = cast<RankedTensorType>(adaptor.getIndices().getType());
  auto updates = cast<RankedTensorType>(adaptor.getUpdates().getType());
  int64_t axis = static_cast<int64_t>(adaptor.getAxis());
  if (failed(checkScatter(loc, data, updates, adaptor.getReduction())))
    return failure();
  if (axis >= data.getRank())
    return emitOptionalError(loc, "axis ", axis, " is out of range for rank ",
                             data.getRank());
  if (indices.getShape() != updates.getShape())
    return emitOptionalError(
        loc, "indices of shape ", formatShape(indices.getShape()),
        " and updates of shape ", formatShape(updates.getShape()), " differ");
  bool fits = indices.getRank() == data.getRank();
  for (int64_t d = 0; fits && d < data.getRank(); ++d)
    fits = d == axis || indices.getDimSize(d) <= data.getDimSize(d);
  if (!fits)
    return emitOptionalError(
        loc, "indices of shape ", formatShape(indices.getShape()),
        " do not fit data of shape ", formatShape(data.getShape()),
        " outside axis ", axis);
  types.push_back(data);
  return success();
}

LogicalResult ScatterNDOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  auto data = cast<RankedTensorType>(adaptor.getData().getType());
  auto indices = cast<RankedTensorType>(adaptor.getIndices().getType());
  auto updates = cast<RankedTensorType>(adaptor.getUpdates().getType());
  if (failed(checkScatter(loc, data, updates, adaptor.getReduction())))
    return failure();
  if (indices.getRank() < 1)
    return emitOptionalError(loc, "indices must have a rank of at least 1");
  int64_t k = indices.getShape().back();
  if (k < 1 || k > data.getRank())
    return emitOptionalError(loc, "index tuples of ", k,
                             " entries do not fit data of rank ",
                             data.getRank());
  SmallVector<int64_t> expected(indices.getShape().drop_back());
  llvm::append_range(expected, data.getShape().drop_front(k));
  if (updates.getShape() != ArrayRef<int64_t>(expected))
    return emitOptionalError(
        loc, "updates of shape ", formatShape(updates.getShape()),
        " do not have the expected shape ", formatShape(expected));
  types.push_back(data);
  return success();
}

/// Folds a scatter on constants: `targetOf(u)` is the flat data position
/// that update u (a flat position in updates) goes to.
static OpFoldResult foldScatter(Attribute dataAttr, Attribute updatesAttr,
                                RankedTensorType type, StringRef reduction,
                                function_ref<int64_t(int64_t)> targetOf) {
  auto data = dyn_cast_if_present<DenseElementsAttr>(dataAttr);
  auto updates = dyn_cast_if_present<DenseElementsAttr>(updatesAttr);
  if (!data || !updates || type.getNumElements() > kMaxFoldedElements)
    return {};
  SmallVector<Scalar> values = readScalars(data);
  SmallVector<Scalar> news = readScalars(updates);
  if (values.size() != static_cast<size_t>(data.getNumElements()) ||
      news.size() != static_cast<size_t>(updates.getNumElements()))
    return {};
  for (size_t u = 0; u < news.size(); ++u) {
    Scalar &to = values[targetOf(u)];
    const Scalar &from = news[u];
    if (reduction == "none")
      to = from;
    else if (to.isFloat)
      to.f = static_cast<float>(reduction == "add" ? to.f + from.f
                                                   : to.f * from.f);
    else
      to.i = reduction == "add" ? to.i + from.i : to.i * from.i;
  }
  return makeConstant(type, values);
}

OpFoldResult ScatterElementsOp::fold(FoldAdaptor adaptor) {
  std::optional<SmallVector<int64_t>> indices = readInts(adaptor.getIndices());
  if (!indices)
    return {};
  ArrayRef<int64_t> dataShape = getData().getType().getShape();
  ArrayRef<int64_t> indexShape = getIndices().getType().getShape();
  SmallVector<int64_t> dataStrides = stridesOf(dataShape);
  SmallVector<int64_t> indexStrides = stridesOf(indexShape);
  int64_t axis = static_cast<int64_t>(getAxis());
  return foldScatter(adaptor.getData(), adaptor.getUpdates(), getType(),
                     getReduction(), [&](int64_t u) {
                       int64_t target = 0, rest = u;
                       for (size_t d = 0; d < dataShape.size(); ++d) {
                         int64_t i = rest / indexStrides[d];
                         rest %= indexStrides[d];
                         if (static_cast<int64_t>(d) == axis)
                           i = resolveIndex((*indices)[u], dataShape[d]);
                         target += i * dataStrides[d];
                       }
                       return target;
                     });
}

OpFoldResult ScatterNDOp::fold(FoldAdaptor adaptor) {
  std::optional<SmallVector<int64_t>> indices = readInts(adaptor.getIndices());
  if (!indices)
    return {};
  ArrayRef<int64_t> dataShape = getData().getType().getShape();
  SmallVector<int64_t> dataStrides = stridesOf(dataShape);
  int64_t k = getIndices().getType().getShape().back();
  // Each tuple addresses a slice of `slice` contiguous elements.
  int64_t slice = k > 0 ? dataStrides[k - 1] : 1;
  return foldScatter(adaptor.getData(), adaptor.getUpdates(), getType(),
                     getReduction(), [&](int64_t u) {
                       int64_t tuple = u / slice, target = u % slice;
                       for (int64_t j = 0; j < k; ++j)
                         target += resolveIndex((*indices)[tuple * k + j],
                                                dataShape[j]) *
                                   dataStrides[j];
                       return target;
                     });
}
