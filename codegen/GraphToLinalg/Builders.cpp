//===- Builders.cpp - Structured-op builders for the lowering -------------===//

#include "codegen/GraphToLinalg/Builders.h"

#include "dialects/graph/IR/GraphOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;

namespace edgec::codegen {

Value buildFilled(OpBuilder &b, Location loc, RankedTensorType type,
                  double value) {
  Value empty =
      b.create<tensor::EmptyOp>(loc, type.getShape(), type.getElementType());
  Value scalar = b.create<arith::ConstantOp>(
      loc, b.getFloatAttr(type.getElementType(), value));
  return b.create<linalg::FillOp>(loc, ValueRange{scalar}, ValueRange{empty})
      .getResult(0);
}

Value buildPad(OpBuilder &b, Location loc, Value input, ArrayRef<int64_t> low,
               ArrayRef<int64_t> high, double value) {
  if (llvm::all_of(low, [](int64_t p) { return p == 0; }) &&
      llvm::all_of(high, [](int64_t p) { return p == 0; }))
    return input;
  auto type = cast<RankedTensorType>(input.getType());
  SmallVector<int64_t> shape(type.getShape());
  for (size_t i = 0; i < shape.size(); ++i)
    shape[i] += low[i] + high[i];
  auto resultType = RankedTensorType::get(shape, type.getElementType());
  Value pad = b.create<arith::ConstantOp>(
      loc, b.getFloatAttr(type.getElementType(), value));
  SmallVector<OpFoldResult> lowOfr, highOfr;
  for (size_t i = 0; i < shape.size(); ++i) {
    lowOfr.push_back(b.getIndexAttr(low[i]));
    highOfr.push_back(b.getIndexAttr(high[i]));
  }
  return b.create<tensor::PadOp>(loc, resultType, input, lowOfr, highOfr, pad);
}

Value buildReshape(OpBuilder &b, Location loc, Value input,
                   RankedTensorType type) {
  auto inputType = cast<RankedTensorType>(input.getType());
  if (inputType.getShape() == type.getShape())
    return input;
  Value flat = input;
  if (inputType.getRank() != 1) {
    // Collapse everything into one dimension (rank 0 expands directly).
    if (inputType.getRank() > 0) {
      ReassociationIndices all;
      for (int64_t i = 0; i < inputType.getRank(); ++i)
        all.push_back(i);
      flat = b.create<tensor::CollapseShapeOp>(
          loc,
          RankedTensorType::get({inputType.getNumElements()},
                                inputType.getElementType()),
          input, ArrayRef<ReassociationIndices>{all});
    }
  }
  auto flatType = cast<RankedTensorType>(flat.getType());
  if (flatType.getShape() == type.getShape())
    return flat;
  if (type.getRank() == 0)
    return b.create<tensor::CollapseShapeOp>(loc, type, flat,
                                             ArrayRef<ReassociationIndices>{});
  SmallVector<ReassociationIndices> groups;
  if (flatType.getRank() == 1) {
    ReassociationIndices all;
    for (int64_t i = 0; i < type.getRank(); ++i)
      all.push_back(i);
    groups.push_back(all);
  }
  return b.create<tensor::ExpandShapeOp>(loc, type, flat, groups);
}

Value buildTranspose(OpBuilder &b, Location loc, Value input,
                     ArrayRef<int64_t> perm) {
  if (auto constant = input.getDefiningOp<arith::ConstantOp>())
    if (auto dense = dyn_cast<DenseElementsAttr>(constant.getValue()))
      if (DenseElementsAttr permuted = graph::permuteConstant(dense, perm))
        return b.create<arith::ConstantOp>(loc, permuted);
  auto type = cast<RankedTensorType>(input.getType());
  SmallVector<int64_t> shape;
  for (int64_t p : perm)
    shape.push_back(type.getDimSize(p));
  Value init = b.create<tensor::EmptyOp>(loc, shape, type.getElementType());
  return b.create<linalg::TransposeOp>(loc, input, init, perm).getResult()[0];
}

Value buildGeneric(OpBuilder &b, Location loc, RankedTensorType resultType,
                   ValueRange operands, ArrayRef<AffineMap> maps,
                   BodyBuilder body) {
  Value init = b.create<tensor::EmptyOp>(loc, resultType.getShape(),
                                         resultType.getElementType());
  SmallVector<AffineMap> allMaps(maps);
  allMaps.push_back(b.getMultiDimIdentityMap(resultType.getRank()));
  SmallVector<utils::IteratorType> iterators(resultType.getRank(),
                                             utils::IteratorType::parallel);
  auto generic = b.create<linalg::GenericOp>(
      loc, TypeRange{resultType}, operands, ValueRange{init}, allMaps,
      iterators, [&](OpBuilder &nb, Location nloc, ValueRange args) {
        Value result = body(nb, nloc, args.drop_back());
        nb.create<linalg::YieldOp>(nloc, result);
      });
  return generic.getResult(0);
}

Value buildBroadcastElementwise(OpBuilder &b, Location loc,
                                RankedTensorType resultType,
                                ValueRange operands, BodyBuilder body) {
  int64_t rank = resultType.getRank();
  SmallVector<Value> collapsed;
  SmallVector<AffineMap> maps;
  for (Value operand : operands) {
    auto type = cast<RankedTensorType>(operand.getType());
    int64_t offset = rank - type.getRank();
    // Dimensions that stretch are dropped from the operand (they all have
    // size 1); the map reads the remaining ones.
    SmallVector<AffineExpr> exprs;
    SmallVector<int64_t> keptShape;
    SmallVector<ReassociationIndices> groups;
    ReassociationIndices pending;
    for (int64_t i = 0; i < type.getRank(); ++i) {
      pending.push_back(i);
      bool stretched =
          type.getDimSize(i) == 1 && resultType.getDimSize(i + offset) != 1;
      if (stretched)
        continue;
      exprs.push_back(b.getAffineDimExpr(i + offset));
      keptShape.push_back(type.getDimSize(i));
      groups.push_back(pending);
      pending.clear();
    }
    Value value = operand;
    if (keptShape.size() != static_cast<size_t>(type.getRank())) {
      // Trailing stretched dimensions join the last kept group.
      if (!groups.empty())
        groups.back().append(pending.begin(), pending.end());
      value = b.create<tensor::CollapseShapeOp>(
          loc, RankedTensorType::get(keptShape, type.getElementType()), operand,
          groups);
    }
    collapsed.push_back(value);
    maps.push_back(AffineMap::get(rank, 0, exprs, b.getContext()));
  }
  return buildGeneric(b, loc, resultType, collapsed, maps, body);
}

Value buildBroadcastAlong(OpBuilder &b, Location loc, Value vector,
                          int64_t axis, RankedTensorType resultType) {
  AffineMap map = AffineMap::get(resultType.getRank(), 0,
                                 b.getAffineDimExpr(axis), b.getContext());
  return buildGeneric(
      b, loc, resultType, vector, map,
      [](OpBuilder &, Location, ValueRange args) { return args[0]; });
}

DenseIntElementsAttr i64Elements(OpBuilder &b, ArrayRef<int64_t> values) {
  auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                    b.getI64Type());
  return DenseIntElementsAttr::get(type, values);
}

} // namespace edgec::codegen
