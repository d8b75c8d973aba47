//===- Pipeline.cpp - The stages from graph to LLVM dialect ---------------===//

#include "codegen/Pipeline.h"
#include "codegen/Passes.h"

#include "autotuner/Transforms/Passes.h"

#include "dialects/conv/IR/ConvDialect.h"
#include "dialects/conv/Transforms/Passes.h"
#include "dialects/graph/IR/GraphDialect.h"
#include "dialects/graph/Transforms/Passes.h"
#include "dialects/qtensor/Conversion/Passes.h"
#include "dialects/qtensor/Transforms/Passes.h"
#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/FuncBufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Func/Extensions/InlinerExtension.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/Linalg/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tensor/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/Vector/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

namespace edgec::codegen {

ArrayRef<std::pair<StringRef, Stage>> stageNames() {
  static const std::pair<StringRef, Stage> names[] = {
      {"import", Stage::Import},   {"graph", Stage::Graph},
      {"linalg", Stage::Linalg},   {"buffers", Stage::Buffers},
      {"kernels", Stage::Kernels}, {"llvm-dialect", Stage::LLVMDialect},
      {"llvm", Stage::LLVMIR},     {"asm", Stage::Asm},
  };
  return names;
}

void addGraphCleanupPasses(OpPassManager &pm) {
  pm.addPass(createCanonicalizerPass());
  // Quantized convolutions become integer ops first; what remains
  // quantized becomes its storage integers and the graph arithmetic that
  // defines it (dequantized weights fold into constants).
  pm.addNestedPass<func::FuncOp>(qtensor::createFuseIntegerOps());
  pm.addPass(qtensor::createConvertQTensorToGraph());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  pm.addNestedPass<func::FuncOp>(graph::createDecomposeConvTranspose());
  pm.addNestedPass<func::FuncOp>(graph::createFoldBatchNorm());
}

void addStagePasses(OpPassManager &pm, Stage stage,
                    const PipelineOptions &options) {
  switch (stage) {
  case Stage::Import: {
    // import -> graph: simplify, then choose each convolution's algorithm
    // (tuned ones first) and layout, let the layout transposes cancel, and
    // fuse epilogues.
    addGraphCleanupPasses(pm);
    pm.addPass(tuning::createApplyTuning());
    conv::SelectAlgorithmOptions select;
    select.algorithm = options.convAlgorithm;
    pm.addNestedPass<func::FuncOp>(conv::createSelectAlgorithm(select));
    pm.addNestedPass<func::FuncOp>(graph::createPropagateTransposes());
    pm.addPass(createCanonicalizerPass());
    pm.addNestedPass<func::FuncOp>(conv::createFuseEpilogues());
    pm.addPass(createCanonicalizerPass());
    pm.addPass(createCSEPass());
    return;
  }
  case Stage::Graph: {
    // graph -> linalg
    pm.addPass(createConvertGraphToLinalg());
    AssignSchedulesOptions schedules;
    schedules.vectorLength = options.vectorLength;
    // Conv algorithms lower (and pack their filters) per their schedules;
    // the matrix products they produce get schedules of their own after.
    pm.addPass(createAssignSchedules(schedules));
    conv::LowerAlgorithmsOptions lower;
    lower.int8Dot = options.int8Dot;
    pm.addNestedPass<func::FuncOp>(conv::createLowerAlgorithms(lower));
    pm.addPass(createCanonicalizerPass());
    pm.addPass(createFuseElementwise());
    pm.addPass(createCanonicalizerPass());
    pm.addPass(createCSEPass());
    pm.addPass(createAssignSchedules(schedules));
    return;
  }
  case Stage::Linalg: {
    // linalg -> buffers
    EntryABIOptions abi;
    abi.symbol = options.symbol;
    pm.addPass(createEntryABI(abi));
    bufferization::OneShotBufferizationOptions bufferize;
    bufferize.setFunctionBoundaryTypeConversion(
        bufferization::LayoutMapOption::IdentityLayoutMap);
    // Copies as linalg.copy become plain loops; memref.copy would call into
    // MLIR's runtime library, which artifacts do not ship.
    bufferize.memCpyFn = [](OpBuilder &b, Location loc, Value from, Value to) {
      b.create<linalg::CopyOp>(loc, from, to);
      return success();
    };
    pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
    pm.addPass(createCanonicalizerPass());
    bufferization::BufferDeallocationPipelineOptions dealloc;
    bufferization::buildBufferDeallocationPipeline(pm, dealloc);
    pm.addPass(createPlanMemory());
    return;
  }
  case Stage::Buffers:
    // buffers -> kernels
    pm.addNestedPass<func::FuncOp>(createGenerateKernels());
    pm.addPass(createCanonicalizerPass());
    pm.addPass(createCSEPass());
    pm.addPass(createOutlineParallelLoops());
    pm.addPass(createOutlineKernels());
    return;
  case Stage::Kernels: {
    // kernels -> LLVM dialect
    pm.addPass(createExpandMath());
    pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
    pm.addPass(memref::createExpandStridedMetadataPass());
    pm.addPass(createLowerAffinePass());
    pm.addPass(createConvertSCFToCFPass());
    pm.addPass(arith::createArithExpandOpsPass());
    pm.addPass(createConvertVectorToLLVMPass());
    pm.addPass(createFinalizeMemRefToLLVMConversionPass());
    pm.addPass(createConvertMathToLLVMPass());
    pm.addPass(createArithToLLVMConversionPass());
    ConvertFuncToLLVMPassOptions func;
    func.useBarePtrCallConv = true;
    pm.addPass(createConvertFuncToLLVMPass(func));
    pm.addPass(createConvertControlFlowToLLVMPass());
    pm.addPass(createReconcileUnrealizedCastsPass());
    pm.addPass(createCanonicalizerPass());
    return;
  }
  case Stage::LLVMDialect:
  case Stage::LLVMIR:
  case Stage::Asm:
  case Stage::Object:
    return;
  }
}

void registerPipelineDialects(DialectRegistry &registry) {
  registry
      .insert<graph::GraphDialect, conv::ConvDialect, qtensor::QTensorDialect,
              quant::QuantizationDialect, affine::AffineDialect,
              arith::ArithDialect, bufferization::BufferizationDialect,
              cf::ControlFlowDialect, func::FuncDialect, linalg::LinalgDialect,
              LLVM::LLVMDialect, math::MathDialect, memref::MemRefDialect,
              scf::SCFDialect, tensor::TensorDialect, vector::VectorDialect>();
  arith::registerBufferizableOpInterfaceExternalModels(registry);
  conv::registerBufferizableOpInterfaceExternalModels(registry);
  bufferization::func_ext::registerBufferizableOpInterfaceExternalModels(
      registry);
  linalg::registerBufferizableOpInterfaceExternalModels(registry);
  scf::registerBufferizableOpInterfaceExternalModels(registry);
  tensor::registerBufferizableOpInterfaceExternalModels(registry);
  vector::registerBufferizableOpInterfaceExternalModels(registry);
  registerBuiltinDialectTranslation(registry);
  registerLLVMDialectTranslation(registry);
  func::registerInlinerExtension(registry);
}

} // namespace edgec::codegen
