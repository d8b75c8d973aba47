//===- ReductionOps.cpp - Reductions of the edge dialect ------------------===//

#include "dialects/graph/IR/GraphOps.h"

using namespace mlir;
using namespace edgec::graph;
