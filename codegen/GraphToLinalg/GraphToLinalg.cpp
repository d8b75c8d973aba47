//===- GraphToLinalg.cpp - The edge-to-linalg conversion pass -------------===//

#include "codegen/GraphToLinalg/Patterns.h"
#include "codegen/Passes.h"

#include "dialects/graph/IR/GraphDialect.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

namespace edgec::codegen {
#define GEN_PASS_DEF_CONVERTGRAPHTOLINALG
#include "codegen/Passes.h.inc"
} // namespace edgec::codegen

using namespace mlir;

namespace {

struct ConvertGraphToLinalgPass
    : edgec::codegen::impl::ConvertGraphToLinalgBase<ConvertGraphToLinalgPass> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    ConversionTarget target(*context);
    target.addIllegalDialect<edgec::graph::GraphDialect>();
    target.addLegalDialect<arith::ArithDialect, linalg::LinalgDialect,
                           math::MathDialect, tensor::TensorDialect,
                           func::FuncDialect>();
    RewritePatternSet patterns(context);
    edgec::codegen::populateElementwiseLowering(patterns);
    edgec::codegen::populateDataMovementLowering(patterns);
    edgec::codegen::populateConvLowering(patterns);
    edgec::codegen::populatePoolLowering(patterns);
    edgec::codegen::populateReductionLowering(patterns);
    edgec::codegen::populateMatrixLowering(patterns);
    edgec::codegen::populateNormalizationLowering(patterns);
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
