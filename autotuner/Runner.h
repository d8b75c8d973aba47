//===- Runner.h - Measuring one candidate -----------------------*- C++ -*-===//
//
// The local runner compiles a workload's one-convolution model with a
// candidate schedule, loads it into this process (the artifact's own code,
// as the Python bindings run it) and times it: warm-up runs, then runs until
// both a count and a time are reached, reporting the fastest. The fastest
// run is what the code can do; slower ones measure whatever else the
// machine was doing, which on a shared machine swings by tens of percent. Only
// devices of this machine's architecture are timed here; code for a board under
// qemu says nothing about the board's speed.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_AUTOTUNER_RUNNER_H
#define EDGEC_AUTOTUNER_RUNNER_H

#include "autotuner/ConvSchedule.h"
#include "autotuner/Workload.h"
#include "edgec/Targets/Device.h"

#include <optional>
#include <string>

namespace edgec::tuning {

struct RunnerOptions {
  int threads = 1;
  int warmup = 2;
  /// Timed runs continue until both are reached (or 500 runs).
  int minRuns = 10;
  double minSeconds = 0.1;
};

/// Milliseconds of the fastest run of `workload` with `schedule` (the
/// compiler's own choice when none) on this machine; none with `error` set when
/// it does not compile or run.
std::optional<double>
measureLocally(mlir::MLIRContext &context, const ConvWorkload &workload,
               const std::optional<ConvSchedule> &schedule,
               const DeviceDescription &device, const RunnerOptions &options,
               std::string &error);

} // namespace edgec::tuning

#endif // EDGEC_AUTOTUNER_RUNNER_H
