//===- Schedule.h - The tunable parameters of one kernel --------*- C++ -*-===//
//
// A kernel's schedule travels in the IR as an `edgec.schedule` dictionary on
// its linalg op, so that the autotuner can rewrite it and lit tests can pin
// it. This header is the one place that reads and writes that dictionary.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_CODEGEN_KERNELS_SCHEDULE_H
#define EDGEC_CODEGEN_KERNELS_SCHEDULE_H

#include "mlir/IR/Operation.h"

#include <optional>

namespace edgec::codegen {

/// Register tile of a direct convolution or matrix product: `rows` by
/// `vectors` vectors of `lanes` elements, kept in vector registers across
/// the reduction. Rows are what the kernel broadcasts: output channels (or
/// matrix rows) in the channels-first kernel, output pixels in the
/// channels-last ones, whose vectors run along output channels.
struct KernelSchedule {
  int64_t lanes = 8;
  int64_t rows = 4;
  int64_t vectors = 2;

  static constexpr llvm::StringLiteral kAttrName = "edgec.schedule";

  /// The default tile of the channels-last convolution kernels with vectors
  /// of `lanes` floats: as many accumulators as the register file holds
  /// (32 vector registers on AVX-512 and NEON, 16 with AVX2), with room for
  /// the filter vectors and one broadcast.
  static KernelSchedule channelsLastDefault(int64_t lanes, bool depthwise);

  /// The schedule on `op`, if it has a well-formed one.
  static std::optional<KernelSchedule> read(mlir::Operation *op);
  void write(mlir::Operation *op) const;
  /// Whether every parameter is in range.
  bool isValid() const;
};

} // namespace edgec::codegen

#endif // EDGEC_CODEGEN_KERNELS_SCHEDULE_H
