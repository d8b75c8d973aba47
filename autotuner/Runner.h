//===- Runner.h - Measuring or checking one candidate -----------*- C++ -*-===//
//
// A runner takes a workload's one-convolution model compiled with a
// candidate schedule and reports on it:
//   local                    loads it into this process and times it (the
//                            host's own code only);
//   qemu                     runs a board's code under qemu-user and checks
//                            its values against a plain-loop reference:
//                            correctness only, never a time, since an
//                            emulator's speed says nothing about the board;
//   ssh://user@host[:port]   cross-compiles here, copies the linked program
//                            to the board, runs it there and reads its
//                            timings back.
// Timed runners report the fastest run: what the code can do; slower runs
// measure whatever else the machine was doing.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_AUTOTUNER_RUNNER_H
#define EDGEC_AUTOTUNER_RUNNER_H

#include "autotuner/ConvSchedule.h"
#include "autotuner/Workload.h"
#include "edgec/Targets/CpuTarget.h"
#include "edgec/Targets/Device.h"
#include "targets/cpu/Process.h"

#include <memory>
#include <optional>
#include <string>

namespace edgec::tuning {

struct RunnerOptions {
  int threads = 1;
  int warmup = 2;
  /// Timed runs continue until both are reached (or 500 runs); the ssh
  /// runner, which cannot watch the clock remotely, makes `minRuns`.
  int minRuns = 10;
  double minSeconds = 0.1;
  /// An ssh_config file for the ssh runner (ssh -F), else the user's.
  std::string sshConfig;
};

/// What became of one run.
enum class RunStatus {
  Ok,
  /// The candidate did not compile, crashed or computed wrong values: it is
  /// recorded as failed and never tried again.
  Failed,
  /// The runner could not run anything (board unreachable, tool missing):
  /// the tuner stops instead of blaming the candidate.
  Unavailable,
};

class Runner {
public:
  virtual ~Runner() = default;
  /// How records name where they came from: "local", "qemu",
  /// "ssh://pi@board".
  virtual std::string name() const = 0;
  /// Whether run() reports times (the qemu runner only checks values).
  virtual bool timed() const = 0;
  /// Runs `schedule` (the compiler's own choice when none) on `workload`.
  /// Ok when it compiled, ran and (for the qemu runner) computed the right
  /// values, with `ms` set to its fastest run by timed runners; otherwise
  /// `error` says why not.
  virtual RunStatus run(mlir::MLIRContext &context,
                        const ConvWorkload &workload,
                        const std::optional<ConvSchedule> &schedule,
                        std::optional<double> &ms, std::string &error) = 0;
};

/// The runner `spec` names for `device`; null with `error` naming --runner
/// when the spec is malformed or cannot serve the device (the local runner
/// only runs this machine's code, qemu only a board's). An empty spec is
/// "local".
std::unique_ptr<Runner> createRunner(llvm::StringRef spec,
                                     const DeviceDescription &device,
                                     const RunnerOptions &options,
                                     std::string &error);

/// The workload's model compiled for `device` with `schedule`; the first
/// compiler error in `error` when it does not compile.
mlir::FailureOr<cpu::CpuModel>
compileCandidate(mlir::MLIRContext &context, const ConvWorkload &workload,
                 const std::optional<ConvSchedule> &schedule,
                 const DeviceDescription &device, std::string &error);

/// The candidate compiled for `device` and linked statically with the
/// generic runner into the fresh directory `dir` (for qemu and boards).
/// Failed when it does not compile, Unavailable when it cannot be linked.
RunStatus linkCandidate(mlir::MLIRContext &context,
                        const ConvWorkload &workload,
                        const std::optional<ConvSchedule> &schedule,
                        const DeviceDescription &device, cpu::TempDir &dir,
                        cpu::RunnerProgram &linked, std::string &error);

std::unique_ptr<Runner> createLocalRunner(const DeviceDescription &device,
                                          const RunnerOptions &options);
std::unique_ptr<Runner> createQemuRunner(const DeviceDescription &device);
/// `destination` is "[user@]host[:port]", checked by createRunner.
std::unique_ptr<Runner> createSshRunner(llvm::StringRef destination,
                                        const DeviceDescription &device,
                                        const RunnerOptions &options);

} // namespace edgec::tuning

#endif // EDGEC_AUTOTUNER_RUNNER_H
