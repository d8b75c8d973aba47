//===- PropagateTransposes.cpp - Sink layout transposes until they cancel -===//

#include "dialects/graph/IR/GraphOps.h"
#include "dialects/graph/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace edgec::graph {
#define GEN_PASS_DEF_PROPAGATETRANSPOSES
#include "dialects/graph/Transforms/Passes.h.inc"
} // namespace edgec::graph

using namespace mlir;
using namespace edgec::graph;

namespace {

/// Ops that compute each element from the elements at the same position of
/// their (broadcast) operands, so they commute with a transpose.
bool isElementwise(Operation *op) {
  return isa<AddOp, SubOp, MulOp, DivOp, ReluOp, SigmoidOp, ClipOp>(op);
}

SmallVector<int64_t> inverse(ArrayRef<int64_t> perm) {
  SmallVector<int64_t> inv(perm.size());
  for (size_t i = 0; i < perm.size(); ++i)
    inv[perm[i]] = i;
  return inv;
}

SmallVector<int64_t> permute(ArrayRef<int64_t> shape, ArrayRef<int64_t> perm) {
  SmallVector<int64_t> out;
  for (int64_t p : perm)
    out.push_back(shape[p]);
  return out;
}

/// A user of `value` that transposes it by `perm`, in `op`'s block.
TransposeOp existingTranspose(Value value, ArrayRef<int64_t> perm,
                              Operation *op) {
  for (Operation *user : value.getUsers())
    if (auto t = dyn_cast<TransposeOp>(user))
      if (t.getPerm() == perm && t->getBlock() == op->getBlock())
        return t;
  return nullptr;
}

/// op(T(x), c, ...) -> T(op(x, T⁻¹(c), ...)) for transposes of one
/// permutation, broadcastable constants, and values that are transposed by
/// T⁻¹ anyway.
struct SinkThroughElementwise : RewritePattern {
  SinkThroughElementwise(MLIRContext *context)
      : RewritePattern(MatchAnyOpTypeTag(), /*benefit=*/1, context) {}

  LogicalResult matchAndRewrite(Operation *op,
                                PatternRewriter &rewriter) const override {
    if (!isElementwise(op) || op->getNumResults() != 1)
      return failure();
    auto type = cast<RankedTensorType>(op->getResult(0).getType());
    int64_t rank = type.getRank();
    std::optional<SmallVector<int64_t>> perm;
    // Transposes move only when this op is their one user: each rewrite
    // then removes as many transposes as it adds, and they only go down.
    for (Value operand : op->getOperands()) {
      auto t = operand.getDefiningOp<TransposeOp>();
      if (!t || !t->hasOneUse())
        continue;
      if (perm && ArrayRef<int64_t>(*perm) != t.getPerm())
        return failure();
      perm = SmallVector<int64_t>(t.getPerm());
    }
    if (!perm || static_cast<int64_t>(perm->size()) != rank)
      return failure();
    SmallVector<int64_t> inv = inverse(*perm);
    Location loc = op->getLoc();
    SmallVector<Value> operands;
    for (Value operand : op->getOperands()) {
      auto t = operand.getDefiningOp<TransposeOp>();
      if (t && t->hasOneUse() && t.getPerm() == ArrayRef<int64_t>(*perm)) {
        operands.push_back(t.getInput());
        continue;
      }
      // A value already transposed back for another user moves for free.
      if (TransposeOp back = existingTranspose(operand, inv, op)) {
        // It only needs `operand`, which `op` uses: it can move up to `op`.
        if (!back->isBeforeInBlock(op))
          rewriter.moveOpBefore(back, op);
        operands.push_back(back);
        continue;
      }
      // So do constants; anything else would need a transpose of its own.
      if (!matchPattern(operand, m_Constant()))
        return failure();
      auto operandType = cast<RankedTensorType>(operand.getType());
      SmallVector<int64_t> full(rank - operandType.getRank(), 1);
      full.append(operandType.getShape().begin(), operandType.getShape().end());
      Value expanded = rewriter.createOrFold<ReshapeOp>(loc, operand, full);
      operands.push_back(
          rewriter.createOrFold<TransposeOp>(loc, expanded, inv));
    }
    OperationState state(loc, op->getName());
    state.addOperands(operands);
    state.propertiesAttr = op->getPropertiesAsAttribute();
    state.addAttributes(llvm::to_vector(op->getDiscardableAttrs()));
    state.addTypes(RankedTensorType::get(permute(type.getShape(), inv),
                                         type.getElementType()));
    Operation *moved = rewriter.create(state);
    rewriter.replaceOpWithNewOp<TransposeOp>(op, moved->getResult(0), *perm);
    return success();
  }
};

/// concat(T(x)..., axis) -> T(concat(x..., perm[axis])).
struct SinkThroughConcat : OpRewritePattern<ConcatOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ConcatOp op,
                                PatternRewriter &rewriter) const override {
    std::optional<SmallVector<int64_t>> perm;
    SmallVector<Value> inputs;
    for (Value input : op.getInputs()) {
      auto t = input.getDefiningOp<TransposeOp>();
      if (!t || (perm && ArrayRef<int64_t>(*perm) != t.getPerm()))
        return failure();
      perm = SmallVector<int64_t>(t.getPerm());
      inputs.push_back(t.getInput());
    }
    int64_t axis = (*perm)[op.getAxis()];
    Value concat = rewriter.create<ConcatOp>(op.getLoc(), inputs,
                                             static_cast<uint64_t>(axis));
    rewriter.replaceOpWithNewOp<TransposeOp>(op, concat, *perm);
    return success();
  }
};

/// A transpose that only moves dimensions of size 1 is a reshape, which
/// costs nothing.
struct UnitTransposeToReshape : OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(TransposeOp op,
                                PatternRewriter &rewriter) const override {
    ArrayRef<int64_t> shape = op.getInput().getType().getShape();
    int64_t last = -1;
    for (int64_t p : op.getPerm()) {
      if (shape[p] == 1)
        continue;
      if (p < last)
        return failure();
      last = p;
    }
    rewriter.replaceOpWithNewOp<ReshapeOp>(op, op.getInput(),
                                           op.getType().getShape());
    return success();
  }
};

struct PropagateTransposesPass
    : edgec::graph::impl::PropagateTransposesBase<PropagateTransposesPass> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    RewritePatternSet patterns(context);
    patterns
        .add<SinkThroughElementwise, SinkThroughConcat, UnitTransposeToReshape>(
            context);
    TransposeOp::getCanonicalizationPatterns(patterns, context);
    ReshapeOp::getCanonicalizationPatterns(patterns, context);
    if (failed(
            applyPatternsAndFoldGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
