//===- Passes.h - Passes of the conv dialect --------------------*- C++ -*-===//

#ifndef EDGEC_DIALECTS_CONV_TRANSFORMS_PASSES_H
#define EDGEC_DIALECTS_CONV_TRANSFORMS_PASSES_H

#include "dialects/conv/IR/ConvDialect.h"
#include "dialects/graph/IR/GraphDialect.h"
#include "mlir/Pass/Pass.h"

namespace mlir {
namespace arith {
class ArithDialect;
} // namespace arith
namespace func {
class FuncOp;
} // namespace func
namespace linalg {
class LinalgDialect;
} // namespace linalg
namespace math {
class MathDialect;
} // namespace math
} // namespace mlir

namespace edgec::conv {

#define GEN_PASS_DECL
#include "dialects/conv/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "dialects/conv/Transforms/Passes.h.inc"

} // namespace edgec::conv

#endif // EDGEC_DIALECTS_CONV_TRANSFORMS_PASSES_H
