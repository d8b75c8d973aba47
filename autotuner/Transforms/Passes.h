//===- Passes.h - Passes that apply tuning results --------------*- C++ -*-===//

#ifndef EDGEC_AUTOTUNER_TRANSFORMS_PASSES_H
#define EDGEC_AUTOTUNER_TRANSFORMS_PASSES_H

#include "mlir/Pass/Pass.h"

namespace edgec::tuning {

/// The module attribute edgec-apply-tuning reads.
constexpr llvm::StringLiteral kTuningAttrName = "edgec.tuning";

#define GEN_PASS_DECL
#include "autotuner/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "autotuner/Transforms/Passes.h.inc"

} // namespace edgec::tuning

#endif // EDGEC_AUTOTUNER_TRANSFORMS_PASSES_H
