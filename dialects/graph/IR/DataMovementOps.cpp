//===- DataMovementOps.cpp - reshape, transpose and concat ----------------===//

#include "dialects/graph/IR/GraphOps.h"
#include "dialects/graph/IR/ShapeHelpers.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/PatternMatch.h"

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

/// Works on the raw bytes, so a multi-megabyte weight is moved once,
/// whatever its element type.
DenseElementsAttr edgec::graph::permuteConstant(DenseElementsAttr input,
                                                ArrayRef<int64_t> perm) {
  ArrayRef<int64_t> inShape = input.getType().getShape();
  SmallVector<int64_t> outShape;
  for (int64_t p : perm)
    outShape.push_back(inShape[p]);
  auto resultType = RankedTensorType::get(outShape, input.getElementType());
  if (input.isSplat())
    return input.resizeSplat(resultType);
  // i1 is bit-packed in a DenseElementsAttr; go element by element.
  if (input.getElementType().isInteger(1))
    return {};
  ArrayRef<char> raw = input.getRawData();
  size_t rank = inShape.size();
  size_t elemBytes = raw.size() / input.getNumElements();
  SmallVector<int64_t> inStrides(rank, 1);
  for (size_t i = rank; i-- > 1;)
    inStrides[i - 1] = inStrides[i] * inShape[i];
  std::vector<char> out(raw.size());
  SmallVector<int64_t> index(rank, 0);
  for (int64_t flat = 0, n = input.getNumElements(); flat < n; ++flat) {
    int64_t src = 0;
    for (size_t i = 0; i < rank; ++i)
      src += index[i] * inStrides[perm[i]];
    std::memcpy(&out[flat * elemBytes], &raw[src * elemBytes], elemBytes);
    for (size_t i = rank; i-- > 0;) {
      if (++index[i] < outShape[i])
        break;
      index[i] = 0;
    }
  }
  return DenseElementsAttr::getFromRawBuffer(resultType, out);
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

OpFoldResult ConcatOp::fold(FoldAdaptor) {
  if (getInputs().size() == 1)
    return getInputs()[0];
  return {};
}
