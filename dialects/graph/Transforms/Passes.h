//===- Passes.h - Passes of the edge graph dialect --------------*- C++ -*-===//

#ifndef EDGEC_DIALECTS_GRAPH_TRANSFORMS_PASSES_H
#define EDGEC_DIALECTS_GRAPH_TRANSFORMS_PASSES_H

#include "mlir/Pass/Pass.h"

namespace mlir::func {
class FuncOp;
} // namespace mlir::func

namespace edgec::graph {

#define GEN_PASS_DECL
#include "dialects/graph/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "dialects/graph/Transforms/Passes.h.inc"

} // namespace edgec::graph

#endif // EDGEC_DIALECTS_GRAPH_TRANSFORMS_PASSES_H
