//===- PropagateTransposes.cpp - Sink layout transposes until they cancel -===//

#include "dialects/graph/IR/GraphOps.h"
#include "dialects/graph/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace edgec::graph {
#define GEN_PASS_DEF_PROPAGATETRANSPOSES
#include "dialects/graph/Transforms/Passes.h.inc"
} // namespace edgec::graph

using namespace mlir;
using namespace edgec::graph;

namespace {

bool isElementwise(Operation *op) {
  return op->hasTrait<BroadcastElementwise>();
}

SmallVector<int64_t> inverse(ArrayRef<int64_t> perm) {
  SmallVector<int64_t> inv(perm.size());
  for (size_t i = 0; i < perm.size(); ++i)
    inv[perm[i]] = i;
  return inv;
}

/// Whether every use of `value` (a value in the layout `perm` undoes) ends
/// in a transpose back by `inv` through elementwise ops whose other
/// operands are constants or are transposed by `perm` too: sinking a
/// transpose down those paths only ever meets transposes it cancels.
bool cancelsDownstream(Value value, ArrayRef<int64_t> perm,
                       ArrayRef<int64_t> inv, int depth) {
  if (depth == 0 || value.use_empty())
    return false;
  for (Operation *user : value.getUsers()) {
    if (auto t = dyn_cast<TransposeOp>(user)) {
      if (t.getPerm() != inv)
        return false;
      continue;
    }
    if (!isElementwise(user) || user->getNumResults() != 1)
      return false;
    for (Value operand : user->getOperands()) {
      auto t = operand.getDefiningOp<TransposeOp>();
      if (operand != value && !matchPattern(operand, m_Constant()) &&
          !(t && t.getPerm() == perm))
        return false;
    }
    if (!cancelsDownstream(user->getResult(0), perm, inv, depth - 1))
      return false;
  }
  return true;
}

/// A transpose moves below its user when it has one. With several users it
/// moves only when they are elementwise and all but one feed that one (the
/// gating shape x * f(x) of SiLU and HardSwish), or when every path from it
/// meets a transpose it cancels (a residual branch that also feeds a
/// quantized layer): in both cases the transposes it leaves meet again
/// and cancel, where users with outputs of their own would each need a
/// transpose back.
bool movable(TransposeOp t) {
  if (t->hasOneUse())
    return true;
  SmallPtrSet<Operation *, 4> users(t->user_begin(), t->user_end());
  Operation *join = nullptr;
  bool gating = true;
  for (Operation *user : users) {
    if (!isElementwise(user) || user->getNumResults() != 1)
      return false;
    Value result = user->getResult(0);
    if (result.hasOneUse() && users.contains(*result.user_begin()))
      continue;
    if (join)
      gating = false;
    join = user;
  }
  if (gating && join)
    return true;
  SmallVector<int64_t> perm(t.getPerm());
  return cancelsDownstream(t.getResult(), perm, inverse(perm),
                           /*depth=*/12);
}

/// Whether transposing a value of `shape` by `perm` only moves dimensions
/// of size 1, which makes it a free reshape.
bool isUnitPermutation(ArrayRef<int64_t> shape, ArrayRef<int64_t> perm) {
  int64_t last = -1;
  for (int64_t p : perm) {
    if (shape[p] == 1)
      continue;
    if (p < last)
      return false;
    last = p;
  }
  return true;
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
    for (Value operand : op->getOperands()) {
      auto t = operand.getDefiningOp<TransposeOp>();
      if (!t || !movable(t))
        continue;
      if (perm && ArrayRef<int64_t>(*perm) != t.getPerm())
        return failure();
      perm = SmallVector<int64_t>(t.getPerm());
    }
    if (!perm || static_cast<int64_t>(perm->size()) != rank)
      return failure();
    SmallVector<int64_t> inv = inverse(*perm);
    Location loc = op->getLoc();
    // Decide for every operand before changing anything: a pattern that
    // fails must leave the IR as it found it.
    enum class Kind { Transposed, TransposedBack, Broadcast };
    SmallVector<std::pair<Kind, Value>> plan;
    for (Value operand : op->getOperands()) {
      auto t = operand.getDefiningOp<TransposeOp>();
      if (t && movable(t) && t.getPerm() == ArrayRef<int64_t>(*perm)) {
        plan.push_back({Kind::Transposed, t.getInput()});
        continue;
      }
      // A value already transposed back for another user moves for free.
      if (TransposeOp back = existingTranspose(operand, inv, op)) {
        plan.push_back({Kind::TransposedBack, back});
        continue;
      }
      // So do constants (the transpose folds); anything else would need a
      // transpose of its own.
      auto operandType = cast<RankedTensorType>(operand.getType());
      SmallVector<int64_t> full(rank - operandType.getRank(), 1);
      full.append(operandType.getShape().begin(), operandType.getShape().end());
      if (!matchPattern(operand, m_Constant()))
        return failure();
      plan.push_back({Kind::Broadcast, operand});
    }
    SmallVector<Value> operands;
    for (auto [kind, value] : plan) {
      if (kind == Kind::Transposed) {
        operands.push_back(value);
      } else if (kind == Kind::TransposedBack) {
        // It only needs the operand, which `op` uses: it can move up to op.
        Operation *back = value.getDefiningOp();
        if (!back->isBeforeInBlock(op))
          rewriter.moveOpBefore(back, op);
        operands.push_back(value);
      } else {
        auto operandType = cast<RankedTensorType>(value.getType());
        SmallVector<int64_t> full(rank - operandType.getRank(), 1);
        full.append(operandType.getShape().begin(),
                    operandType.getShape().end());
        Value expanded = rewriter.createOrFold<ReshapeOp>(loc, value, full);
        operands.push_back(
            rewriter.createOrFold<TransposeOp>(loc, expanded, inv));
      }
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

/// global_avg_pool(T(x)) with T taking NHWC to NCHW: the mean over the
/// spatial dimensions of x, kept as [N, 1, 1, C], then transposed (a free
/// reshape, as only unit dimensions move).
struct SinkThroughGlobalAvgPool : OpRewritePattern<GlobalAveragePoolOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(GlobalAveragePoolOp op,
                                PatternRewriter &rewriter) const override {
    auto t = op.getInput().getDefiningOp<TransposeOp>();
    if (!t || t.getPerm() != ArrayRef<int64_t>{0, 3, 1, 2})
      return failure();
    Value mean = rewriter.create<ReduceMeanOp>(op.getLoc(), t.getInput(),
                                               ArrayRef<int64_t>{1, 2}, true);
    rewriter.replaceOpWithNewOp<TransposeOp>(op, mean, t.getPerm());
    return success();
  }
};

/// A transpose that only moves dimensions of size 1 is a reshape, which
/// costs nothing.
struct UnitTransposeToReshape : OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(TransposeOp op,
                                PatternRewriter &rewriter) const override {
    if (!isUnitPermutation(op.getInput().getType().getShape(), op.getPerm()))
      return failure();
    rewriter.replaceOpWithNewOp<ReshapeOp>(op, op.getInput(),
                                           op.getType().getShape());
    return success();
  }
};

struct PropagateTransposesPass
    : edgec::graph::impl::PropagateTransposesBase<PropagateTransposesPass> {
  size_t countOps() {
    size_t n = 0;
    getOperation()->walk([&](Operation *) { ++n; });
    return n;
  }

  void runOnOperation() override {
    MLIRContext *context = &getContext();
    RewritePatternSet patterns(context);
    patterns.add<SinkThroughElementwise, SinkThroughConcat,
                 SinkThroughGlobalAvgPool, UnitTransposeToReshape>(context);
    TransposeOp::getCanonicalizationPatterns(patterns, context);
    ReshapeOp::getCanonicalizationPatterns(patterns, context);
    // Every rewrite moves a transpose down, so a model needs at most a few
    // per op; the bound turns a pattern cycle into an error, not a hang.
    GreedyRewriteConfig config;
    config.maxNumRewrites = 64 * static_cast<int64_t>(countOps()) + 1024;
    if (failed(applyPatternsAndFoldGreedily(getOperation(), std::move(patterns),
                                            config))) {
      getOperation()->emitError("transpose propagation did not converge");
      signalPassFailure();
    }
  }
};

} // namespace
