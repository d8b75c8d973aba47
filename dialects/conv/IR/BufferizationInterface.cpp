//===- BufferizationInterface.cpp - One-shot bufferization of conv ops ----===//
//
// Conv ops are in destination-passing style, like linalg: the result is the
// `init` operand, written in place. Bufferization swaps every tensor operand
// for its buffer and rebuilds the op without results.
//
//===----------------------------------------------------------------------===//

#include "dialects/conv/IR/ConvOps.h"

#include "mlir/Dialect/Bufferization/IR/BufferizableOpInterface.h"
#include "mlir/Dialect/Bufferization/IR/DstBufferizableOpInterfaceImpl.h"
#include "mlir/IR/DialectRegistry.h"

using namespace mlir;
using namespace mlir::bufferization;

namespace {

template <typename OpTy>
struct ConvBufferization
    : DstBufferizableOpInterfaceExternalModel<ConvBufferization<OpTy>, OpTy> {
  /// The kernels overwrite every element of `init` without reading it, so
  /// an out-of-place init needs no copy of its old contents.
  bool bufferizesToMemoryRead(Operation *op, OpOperand &operand,
                              const AnalysisState &) const {
    return &operand != &cast<OpTy>(op).getInitMutable();
  }

  LogicalResult bufferize(Operation *op, RewriterBase &rewriter,
                          const BufferizationOptions &options) const {
    SmallVector<Value> buffers;
    for (Value operand : op->getOperands()) {
      FailureOr<Value> buffer = getBuffer(rewriter, operand, options);
      if (failed(buffer))
        return failure();
      buffers.push_back(*buffer);
    }
    rewriter.setInsertionPoint(op);
    OperationState state(op->getLoc(), op->getName());
    state.addOperands(buffers);
    state.propertiesAttr = op->getPropertiesAsAttribute();
    state.addAttributes(llvm::to_vector(op->getDiscardableAttrs()));
    rewriter.create(state);
    unsigned init = cast<OpTy>(op).getInitMutable().getOperandNumber();
    replaceOpWithBufferizedValues(rewriter, op, buffers[init]);
    return success();
  }
};

template <typename... Ops> void attach(MLIRContext *context) {
  (Ops::template attachInterface<ConvBufferization<Ops>>(*context), ...);
}

} // namespace

void edgec::conv::registerBufferizableOpInterfaceExternalModels(
    DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *context, ConvDialect *) {
    attach<DirectOp, DepthwiseOp, PointwiseOp, Im2colOp, WinogradOp, IntegerOp>(
        context);
  });
}
