//===- TuningCurve.h - Best latency against trials, as SVG ------*- C++ -*-===//
//
// One line per workload: the fastest time measured so far, relative to the
// compiler's default, after each trial. A flat tail says more trials would
// not help; the dashed line marks 10 % above each workload's final best.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_AUTOTUNER_TUNINGCURVE_H
#define EDGEC_AUTOTUNER_TUNINGCURVE_H

#include "autotuner/TuningDb.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace edgec::tuning {

/// Writes the curves of `workloads` (records in the order measured) to
/// `path` as SVG, atomically; false with `error` set when it cannot.
bool writeTuningCurve(llvm::StringRef path, llvm::StringRef title,
                      const std::vector<std::vector<Measurement>> &workloads,
                      std::string &error);

} // namespace edgec::tuning

#endif // EDGEC_AUTOTUNER_TUNINGCURVE_H
