//===- ReductionOps.cpp - Importing reductions ----------------------------===//

#include "NodeContext.h"

#include "dialects/graph/IR/GraphOps.h"

using namespace mlir;
using namespace edgec::onnx_import;
namespace graph = edgec::graph;

void edgec::onnx_import::registerReductionOps(OpTable &) {}
