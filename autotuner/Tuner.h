//===- Tuner.h - Model-guided evolutionary search ---------------*- C++ -*-===//
//
// `edgec tune`: every distinct convolution workload of a model, the most
// MACs first, gets up to `trials` measurements. The first is the compiler's
// default; then each round breeds a batch from the fastest schedules so far
// (one parameter changed at a time), ranks it with the cost model, keeps
// the best-ranked and mixes in random points of the space (exploration).
// A workload with no measurements starts from the fastest schedules of its
// family's other workloads in the database (a warm start). Every
// measurement is recorded as it is taken, so a killed tuner restarts where
// it stopped.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_AUTOTUNER_TUNER_H
#define EDGEC_AUTOTUNER_TUNER_H

#include "autotuner/Runner.h"
#include "autotuner/TuningDb.h"
#include "autotuner/Workload.h"
#include "edgec/Driver/Compiler.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace edgec::tuning {

/// Where the tuner is, for a progress bar.
struct TuneProgress {
  int workload = 0, workloads = 0; ///< 1-based index, count
  std::string key;
  int trials = 0, budget = 0;
  std::optional<double> bestMs, defaultMs;
};

struct TuneOptions {
  /// Measurements per workload, the default's included.
  int trials = 64;
  /// Candidates per round.
  int batch = 8;
  /// Share of each round drawn at random from the whole space.
  double exploration = 0.25;
  unsigned seed = 1;
  /// Which runner measures: "local" (the default), "qemu" or
  /// "ssh://[user@]host[:port]" (Runner.h).
  std::string runnerSpec;
  RunnerOptions runner;
  std::function<void(const TuneProgress &)> progress;
};

/// What tuning found for one workload.
struct WorkloadReport {
  std::string key, family;
  int uses = 0; ///< convolutions of the model with this workload
  int64_t macs = 0;
  int spaceSize = 0;
  int trials = 0; ///< measurements recorded, this run's and earlier ones
  std::optional<double> defaultMs, bestMs;
  std::string best;
  /// Trials until one came within 10 % of the best.
  int trialsToWithin10 = 0;
  /// The times are the cost model's predictions for verified candidates
  /// (the qemu runner checks values, it does not time).
  bool predicted = false;
};

/// Why `options` cannot tune into `dbPath` (no database, no trials, a
/// runner that cannot serve the target), or empty. The text names the
/// command-line flag, for the CLI and the Python bindings alike.
std::string checkTuneOptions(const CompileOptions &options,
                             llvm::StringRef dbPath, const TuneOptions &tune);

/// Tunes every convolution of the model at `path` for `options.target`,
/// recording into `db`. Fails (with a diagnostic) when the model does not
/// import; a candidate that fails is recorded with its error and skipped.
mlir::FailureOr<std::vector<WorkloadReport>>
tuneModel(mlir::MLIRContext &context, llvm::StringRef path,
          const CompileOptions &options, TuningDb &db, const TuneOptions &tune);

/// Tunes one workload for `target`, as if a model held it once.
mlir::FailureOr<std::vector<WorkloadReport>>
tuneWorkload(mlir::MLIRContext &context, const ConvWorkload &workload,
             llvm::StringRef target, TuningDb &db, const TuneOptions &tune);

/// Times each report's default and best schedule again with `runner` (a
/// timed one), now, replacing the recorded figures (for comparisons taken
/// in one run).
void remeasure(mlir::MLIRContext &context, Runner &runner,
               std::vector<WorkloadReport> &reports);

} // namespace edgec::tuning

#endif // EDGEC_AUTOTUNER_TUNER_H
