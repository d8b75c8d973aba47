//===- Algorithms.h - Which algorithm can compute a convolution -*- C++ -*-===//
//
// conv-select-algorithm, the driver's --conv-algorithm check and the
// autotuner's search space all ask the same question: which algorithms can
// compute this edge.conv.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_DIALECTS_CONV_TRANSFORMS_ALGORITHMS_H
#define EDGEC_DIALECTS_CONV_TRANSFORMS_ALGORITHMS_H

#include "mlir/Support/LogicalResult.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace edgec::graph {
class ConvOp;
} // namespace edgec::graph

namespace edgec::conv {

/// Every algorithm's name, as schedules and --conv-algorithm spell it.
llvm::ArrayRef<llvm::StringRef> convAlgorithms();

/// The algorithm chosen for `op` when nothing asks for another: by its
/// shape (depthwise, pointwise, else direct).
llvm::StringRef defaultAlgorithm(graph::ConvOp op);

/// Whether `algorithm` can compute `op` (a 1-D or 2-D convolution).
bool algorithmApplies(graph::ConvOp op, llvm::StringRef algorithm);

class IntegerOp;

/// Lays conv.integer out for its kernel: explicit padding with the zero
/// point, the zero point folded into the bias, the filter packed for the
/// int8 dot product `dot` ("vnni", "sdot" or "generic"; the others where
/// the schedule's lanes do not fit the instruction).
mlir::LogicalResult lowerInteger(IntegerOp op, llvm::StringRef dot);

} // namespace edgec::conv

#endif // EDGEC_DIALECTS_CONV_TRANSFORMS_ALGORITHMS_H
