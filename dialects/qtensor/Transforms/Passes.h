//===- Passes.h - Transforms of the qtensor dialect -------------*- C++ -*-===//

#ifndef EDGEC_DIALECTS_QTENSOR_TRANSFORMS_PASSES_H
#define EDGEC_DIALECTS_QTENSOR_TRANSFORMS_PASSES_H

#include "dialects/graph/IR/GraphDialect.h"
#include "dialects/qtensor/IR/QTensorDialect.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace edgec::qtensor {

#define GEN_PASS_DECL
#include "dialects/qtensor/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "dialects/qtensor/Transforms/Passes.h.inc"

} // namespace edgec::qtensor

#endif // EDGEC_DIALECTS_QTENSOR_TRANSFORMS_PASSES_H
