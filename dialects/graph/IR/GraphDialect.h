//===- GraphDialect.h - The edge graph dialect ------------------*- C++ -*-===//

#ifndef EDGEC_DIALECTS_GRAPH_IR_GRAPHDIALECT_H
#define EDGEC_DIALECTS_GRAPH_IR_GRAPHDIALECT_H

#include "mlir/IR/Dialect.h"

#include "dialects/graph/IR/GraphDialect.h.inc"

#endif // EDGEC_DIALECTS_GRAPH_IR_GRAPHDIALECT_H
