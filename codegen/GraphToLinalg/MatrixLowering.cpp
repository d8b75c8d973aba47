//===- MatrixLowering.cpp - Gemm and MatMul to linalg.matmul --------------===//

#include "codegen/GraphToLinalg/Builders.h"
#include "codegen/GraphToLinalg/Patterns.h"

#include "dialects/graph/IR/GraphOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
namespace graph = edgec::graph;

namespace edgec::codegen {
namespace {

Value buildMatmul(OpBuilder &b, Location loc, Value lhs, Value rhs,
                  Value init) {
  return b
      .create<linalg::MatmulOp>(loc, TypeRange{init.getType()},
                                ValueRange{lhs, rhs}, ValueRange{init})
      .getResult(0);
}

struct GemmLowering : OpConversionPattern<graph::GemmOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::GemmOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    // Transposes of weights fold into constants here.
    Value a = adaptor.getA(), b = adaptor.getB();
    if (op.getTransA())
      a = buildTranspose(rewriter, loc, a, {1, 0});
    if (op.getTransB())
      b = buildTranspose(rewriter, loc, b, {1, 0});
    RankedTensorType type = op.getType();
    double alpha = op.getAlpha().convertToDouble();
    double beta = op.getBeta().convertToDouble();
    Value c = adaptor.getC();
    if (c && alpha == 1.0 && beta == 1.0) {
      // C + A * B: accumulate straight into the broadcast bias.
      Value init = buildBroadcastElementwise(
          rewriter, loc, type, ValueRange{c},
          [](OpBuilder &, Location, ValueRange args) { return args[0]; });
      rewriter.replaceOp(op, buildMatmul(rewriter, loc, a, b, init));
      return success();
    }
    Value product =
        buildMatmul(rewriter, loc, a, b, buildFilled(rewriter, loc, type, 0.0));
    if (!c && alpha == 1.0) {
      rewriter.replaceOp(op, product);
      return success();
    }
    SmallVector<Value> operands = {product};
    if (c)
      operands.push_back(c);
    Value result = buildBroadcastElementwise(
        rewriter, loc, type, operands,
        [&](OpBuilder &nb, Location l, ValueRange args) -> Value {
          Type f32 = args[0].getType();
          Value scaled = nb.create<arith::MulFOp>(
              l, args[0],
              nb.create<arith::ConstantOp>(l, nb.getFloatAttr(f32, alpha)));
          if (args.size() == 1)
            return scaled;
          Value bias = nb.create<arith::MulFOp>(
              l, args[1],
              nb.create<arith::ConstantOp>(l, nb.getFloatAttr(f32, beta)));
          return nb.create<arith::AddFOp>(l, scaled, bias);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// numpy.matmul: vectors are promoted to matrices, batch dimensions
/// broadcast. A right-hand matrix shared by the whole batch folds the batch
/// into the rows of one linalg.matmul; otherwise both sides are broadcast
/// and the batch is one dimension of linalg.batch_matmul.
struct MatMulLowering : OpConversionPattern<graph::MatMulOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(graph::MatMulOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value lhs = adaptor.getLhs(), rhs = adaptor.getRhs();
    auto lhsType = cast<RankedTensorType>(lhs.getType());
    auto rhsType = cast<RankedTensorType>(rhs.getType());
    Type f32 = lhsType.getElementType();
    SmallVector<int64_t> l(lhsType.getShape()), r(rhsType.getShape());
    if (l.size() == 1)
      l.insert(l.begin(), 1);
    if (r.size() == 1)
      r.push_back(1);
    int64_t m = l[l.size() - 2], k = l.back(), n = r.back();
    SmallVector<int64_t> batch(op.getType().getShape());
    // The result's batch dimensions: drop the matrix dims that survived.
    batch.resize(std::max(l.size(), r.size()) - 2);
    int64_t batchSize = 1;
    for (int64_t d : batch)
      batchSize *= d;

    Value result;
    if (r.size() == 2) {
      Value lhs2 = buildReshape(rewriter, loc, lhs,
                                RankedTensorType::get({batchSize * m, k}, f32));
      Value rhs2 =
          buildReshape(rewriter, loc, rhs, RankedTensorType::get({k, n}, f32));
      auto outType = RankedTensorType::get({batchSize * m, n}, f32);
      result = buildMatmul(rewriter, loc, lhs2, rhs2,
                           buildFilled(rewriter, loc, outType, 0.0));
    } else {
      auto broadcastTo = [&](Value v, ArrayRef<int64_t> matrix,
                             ArrayRef<int64_t> own) {
        SmallVector<int64_t> full(batch);
        full.append(matrix.begin(), matrix.end());
        Value promoted =
            buildReshape(rewriter, loc, v, RankedTensorType::get(own, f32));
        Value broadcast = buildBroadcastElementwise(
            rewriter, loc, RankedTensorType::get(full, f32),
            ValueRange{promoted},
            [](OpBuilder &, Location, ValueRange args) { return args[0]; });
        return buildReshape(
            rewriter, loc, broadcast,
            RankedTensorType::get({batchSize, matrix[0], matrix[1]}, f32));
      };
      Value lhs3 = broadcastTo(lhs, {m, k}, l);
      Value rhs3 = broadcastTo(rhs, {k, n}, r);
      auto outType = RankedTensorType::get({batchSize, m, n}, f32);
      result = rewriter
                   .create<linalg::BatchMatmulOp>(
                       loc, TypeRange{outType}, ValueRange{lhs3, rhs3},
                       ValueRange{buildFilled(rewriter, loc, outType, 0.0)})
                   .getResult(0);
    }
    rewriter.replaceOp(op, buildReshape(rewriter, loc, result, op.getType()));
    return success();
  }
};

} // namespace

void populateMatrixLowering(RewritePatternSet &patterns) {
  patterns.add<GemmLowering, MatMulLowering>(patterns.getContext());
}

} // namespace edgec::codegen
