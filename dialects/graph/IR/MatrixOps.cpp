//===- MatrixOps.cpp - edge.gemm and edge.matmul --------------------------===//

#include "dialects/graph/IR/GraphOps.h"
#include "dialects/graph/IR/ShapeHelpers.h"
#include "mlir/Dialect/Traits.h"
#include "mlir/IR/Diagnostics.h"

using namespace mlir;
using namespace edgec::graph;

LogicalResult GemmOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &types) {
  auto aType = cast<RankedTensorType>(adaptor.getA().getType());
  auto bType = cast<RankedTensorType>(adaptor.getB().getType());
  if (aType.getRank() != 2 || bType.getRank() != 2)
    return emitOptionalError(loc, "A and B must be matrices, got shapes ",
                             formatShape(aType.getShape()), " and ",
                             formatShape(bType.getShape()));
  int64_t m = aType.getDimSize(adaptor.getTransA() ? 1 : 0);
  int64_t ka = aType.getDimSize(adaptor.getTransA() ? 0 : 1);
  int64_t kb = bType.getDimSize(adaptor.getTransB() ? 1 : 0);
  int64_t n = bType.getDimSize(adaptor.getTransB() ? 0 : 1);
  if (ka != kb)
    return emitOptionalError(loc, "inner dimensions differ: A ",
                             formatShape(aType.getShape()),
                             (adaptor.getTransA() ? " transposed" : ""),
                             " times B ", formatShape(bType.getShape()),
                             (adaptor.getTransB() ? " transposed" : ""));
  if (Value c = adaptor.getC()) {
    // C broadcasts one way only: to [M, N].
    ArrayRef<int64_t> cShape = cast<RankedTensorType>(c.getType()).getShape();
    int64_t mn[2] = {m, n};
    bool ok = cShape.size() <= 2;
    for (size_t i = 0; ok && i < cShape.size(); ++i) {
      int64_t want = mn[2 - cShape.size() + i];
      ok = cShape[i] == want || cShape[i] == 1;
    }
    if (!ok)
      return emitOptionalError(loc, "C of shape ", formatShape(cShape),
                               " does not broadcast to [", m, ", ", n, "]");
  }
  types.push_back(RankedTensorType::get({m, n}, aType.getElementType()));
  return success();
}

LogicalResult MatMulOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  auto lhsType = cast<RankedTensorType>(adaptor.getLhs().getType());
  auto rhsType = cast<RankedTensorType>(adaptor.getRhs().getType());
  if (lhsType.getRank() < 1 || rhsType.getRank() < 1)
    return emitOptionalError(loc, "operands must have rank 1 or more");
  SmallVector<int64_t> lhs(lhsType.getShape()), rhs(rhsType.getShape());
  bool lhsVector = lhs.size() == 1, rhsVector = rhs.size() == 1;
  if (lhsVector)
    lhs.insert(lhs.begin(), 1);
  if (rhsVector)
    rhs.push_back(1);
  int64_t k = lhs.back();
  if (rhs[rhs.size() - 2] != k)
    return emitOptionalError(
        loc, "inner dimensions differ: ", formatShape(lhsType.getShape()),
        " times ", formatShape(rhsType.getShape()));
  SmallVector<int64_t> batch;
  if (!OpTrait::util::getBroadcastedShape(ArrayRef(lhs).drop_back(2),
                                          ArrayRef(rhs).drop_back(2), batch))
    return emitOptionalError(
        loc, "batch dimensions of ", formatShape(lhsType.getShape()), " and ",
        formatShape(rhsType.getShape()), " do not broadcast");
  if (!lhsVector)
    batch.push_back(lhs[lhs.size() - 2]);
  if (!rhsVector)
    batch.push_back(rhs.back());
  types.push_back(RankedTensorType::get(batch, lhsType.getElementType()));
  return success();
}
