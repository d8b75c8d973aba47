//===- OpTable.cpp - The operators the ONNX importer supports -------------===//

#include "NodeContext.h"

#include "edgec/Frontend/OnnxImporter.h"

using namespace edgec;
using namespace edgec::onnx_import;

const OpTable &edgec::onnx_import::getOpTable() {
  static const OpTable table = [] {
    OpTable t;
    registerConstantOps(t);
    registerConvOps(t);
    registerDataMovementOps(t);
    registerElementwiseOps(t);
    registerMatrixOps(t);
    registerNormalizationOps(t);
    registerPoolingOps(t);
    registerQuantizationOps(t);
    registerReductionOps(t);
    return t;
  }();
  return table;
}

std::vector<OnnxOpInfo> edgec::getSupportedOnnxOps() {
  std::vector<OnnxOpInfo> ops;
  for (const auto &entry : getOpTable())
    ops.push_back({entry.getKey().str(), entry.getValue().sinceVersions,
                   entry.getValue().constraints});
  llvm::sort(ops, [](const OnnxOpInfo &a, const OnnxOpInfo &b) {
    return a.opType < b.opType;
  });
  return ops;
}
