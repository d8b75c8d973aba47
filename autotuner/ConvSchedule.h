//===- ConvSchedule.h - One point of a convolution's search space -*- C++
//-*-===//
//
// What the autotuner chooses for a convolution: its algorithm and, where the
// algorithm's kernel has one, the register tile (codegen/Kernels/Schedule.h).
// The database stores it as text ("direct r8 v2", "winograd4"); the
// compiler reads it as the conv's edgec.schedule dictionary.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_AUTOTUNER_CONVSCHEDULE_H
#define EDGEC_AUTOTUNER_CONVSCHEDULE_H

#include "mlir/IR/BuiltinAttributes.h"

#include <optional>
#include <string>

namespace edgec::tuning {

struct ConvSchedule {
  std::string algorithm;
  /// Pixels and output-channel vectors of the register tile; 0 where the
  /// algorithm's kernel has no such tile (Winograd's matrix products take
  /// the defaults).
  int64_t rows = 0, vectors = 0;

  /// The compiler's own choice, measured as the baseline of every workload.
  static constexpr llvm::StringLiteral kDefault = "default";

  std::string str() const;
  static std::optional<ConvSchedule> parse(llvm::StringRef text);
  /// The edgec.schedule dictionary asking for this schedule with vectors of
  /// `lanes` floats.
  mlir::DictionaryAttr toAttr(mlir::MLIRContext *context, int64_t lanes) const;

  bool operator==(const ConvSchedule &other) const {
    return algorithm == other.algorithm && rows == other.rows &&
           vectors == other.vectors;
  }
};

} // namespace edgec::tuning

#endif // EDGEC_AUTOTUNER_CONVSCHEDULE_H
