//===- edgec-opt.cpp - mlir-opt with the edgec dialects and passes --------===//

#include "autotuner/Transforms/Passes.h"
#include "codegen/Passes.h"
#include "codegen/Pipeline.h"
#include "dialects/conv/Transforms/Passes.h"
#include "dialects/graph/IR/GraphDialect.h"
#include "dialects/graph/Transforms/Passes.h"
#include "dialects/qtensor/Conversion/Passes.h"
#include "dialects/qtensor/Transforms/Passes.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::registerAllPasses();
  edgec::codegen::registerEdgecCodegenPasses();
  edgec::conv::registerEdgecConvPasses();
  edgec::graph::registerEdgecGraphPasses();
  edgec::qtensor::registerEdgecQTensorPasses();
  edgec::qtensor::registerEdgecQTensorTransformsPasses();
  edgec::tuning::registerEdgecTuningPasses();
  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  edgec::codegen::registerPipelineDialects(registry);
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "edgec optimizer driver\n", registry));
}
