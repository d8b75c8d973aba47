//===- FuseEpilogues.cpp - Residuals and activations into conv ops --------===//

#include "dialects/conv/IR/ConvOps.h"
#include "dialects/conv/Transforms/Passes.h"

#include "dialects/graph/IR/GraphOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace edgec::conv {
#define GEN_PASS_DEF_FUSEEPILOGUES
#include "dialects/conv/Transforms/Passes.h.inc"
} // namespace edgec::conv

using namespace mlir;
namespace graph = edgec::graph;
namespace conv = edgec::conv;

namespace {

/// What an epilogue rewrite needs of any conv op.
struct ConvView {
  Operation *op = nullptr;
  MutableOperandRange residual;
  StringRef activation;
};

std::optional<ConvView> viewConv(Value v) {
  Operation *op = v.getDefiningOp();
  if (!op)
    return std::nullopt;
  std::optional<ConvView> view;
  auto make = [&](auto c) -> std::optional<ConvView> {
    if (c.hasBufferSemantics())
      return std::nullopt;
    return ConvView{c, c.getResidualMutable(), c.getActivation()};
  };
  if (auto c = dyn_cast<conv::DirectOp>(op))
    view = make(c);
  else if (auto c = dyn_cast<conv::DepthwiseOp>(op))
    view = make(c);
  else if (auto c = dyn_cast<conv::PointwiseOp>(op))
    view = make(c);
  else if (auto c = dyn_cast<conv::Im2colOp>(op))
    view = make(c);
  else if (auto c = dyn_cast<conv::WinogradOp>(op))
    view = make(c);
  return view;
}

/// Moves `convOp` to `user` and makes its result replace the user's.
void absorb(PatternRewriter &rewriter, Operation *convOp, Operation *user) {
  rewriter.modifyOpInPlace(convOp, [&] { convOp->moveBefore(user); });
  rewriter.replaceOp(user, convOp->getResult(0));
}

/// add(conv, r) -> conv with residual r (before any activation).
struct FuseResidual : OpRewritePattern<graph::AddOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(graph::AddOp add,
                                PatternRewriter &rewriter) const override {
    for (auto [mine, other] : {std::pair{add.getLhs(), add.getRhs()},
                               std::pair{add.getRhs(), add.getLhs()}}) {
      std::optional<ConvView> c = viewConv(mine);
      if (!c || !mine.hasOneUse() || !c->residual.empty() ||
          c->activation != "none" || other.getType() != add.getType() ||
          mine.getType() != add.getType() || other == mine)
        continue;
      rewriter.modifyOpInPlace(c->op, [&] { c->residual.assign(other); });
      absorb(rewriter, c->op, add);
      return success();
    }
    return failure();
  }
};

void setActivation(Operation *op, StringRef name,
                   std::optional<std::pair<float, float>> clip = {}) {
  Builder b(op->getContext());
  op->setAttr("activation", b.getStringAttr(name));
  if (clip) {
    op->setAttr("clip_min", b.getF32FloatAttr(clip->first));
    op->setAttr("clip_max", b.getF32FloatAttr(clip->second));
  }
}

/// relu / clip / sigmoid of a conv result used only there.
template <typename OpTy> struct FuseActivation : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    std::optional<ConvView> c = viewConv(op.getInput());
    if (!c || !op.getInput().hasOneUse() || c->activation != "none")
      return failure();
    rewriter.modifyOpInPlace(c->op, [&] {
      if constexpr (std::is_same_v<OpTy, graph::ReluOp>)
        setActivation(c->op, "relu");
      else if constexpr (std::is_same_v<OpTy, graph::SigmoidOp>)
        setActivation(c->op, "sigmoid");
      else
        setActivation(c->op, "clip",
                      std::pair{op.getMin().convertToFloat(),
                                op.getMax().convertToFloat()});
    });
    absorb(rewriter, c->op, op);
    return success();
  }
};

/// x * sigmoid(x) with x a conv result used only by the two: SiLU.
struct FuseSiLU : OpRewritePattern<graph::MulOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(graph::MulOp mul,
                                PatternRewriter &rewriter) const override {
    for (auto [x, s] : {std::pair{mul.getLhs(), mul.getRhs()},
                        std::pair{mul.getRhs(), mul.getLhs()}}) {
      auto sigmoid = s.getDefiningOp<graph::SigmoidOp>();
      std::optional<ConvView> c = viewConv(x);
      if (!sigmoid || sigmoid.getInput() != x || !c ||
          c->activation != "none" || !s.hasOneUse() ||
          !llvm::hasNItems(x.getUses(), 2))
        continue;
      rewriter.modifyOpInPlace(c->op, [&] { setActivation(c->op, "silu"); });
      absorb(rewriter, c->op, mul);
      rewriter.eraseOp(sigmoid);
      return success();
    }
    return failure();
  }
};

struct FuseEpiloguesPass : conv::impl::FuseEpiloguesBase<FuseEpiloguesPass> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    RewritePatternSet patterns(context);
    patterns.add<FuseResidual, FuseActivation<graph::ReluOp>,
                 FuseActivation<graph::ClipOp>,
                 FuseActivation<graph::SigmoidOp>, FuseSiLU>(context);
    if (failed(
            applyPatternsAndFoldGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
