//===- Patterns.h - Lowering patterns from edge to linalg -------*- C++ -*-===//

#ifndef EDGEC_CODEGEN_GRAPHTOLINALG_PATTERNS_H
#define EDGEC_CODEGEN_GRAPHTOLINALG_PATTERNS_H

#include "mlir/IR/PatternMatch.h"

namespace edgec::codegen {

void populateElementwiseLowering(mlir::RewritePatternSet &patterns);
void populateDataMovementLowering(mlir::RewritePatternSet &patterns);
void populateConvLowering(mlir::RewritePatternSet &patterns);
void populatePoolLowering(mlir::RewritePatternSet &patterns);
void populateReductionLowering(mlir::RewritePatternSet &patterns);
void populateMatrixLowering(mlir::RewritePatternSet &patterns);
void populateNormalizationLowering(mlir::RewritePatternSet &patterns);

} // namespace edgec::codegen

#endif // EDGEC_CODEGEN_GRAPHTOLINALG_PATTERNS_H
