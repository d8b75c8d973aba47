//===- Tune.cpp - edgec tune: measure schedules into a database -----------===//
//
// Tunes every convolution of a model on this machine and records each
// measurement in the SQLite database --db as it is taken; a later
// `edgec ... --tuning-db FILE` compiles with the fastest records. Killed and
// started again, it continues where it stopped. Progress goes to stderr,
// the summary table to stdout.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "autotuner/LearnedCostModel.h"
#include "autotuner/Tuner.h"
#include "autotuner/TuningCurve.h"
#include "edgec/Support/Diagnostics.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

using namespace llvm;

namespace edgec::tool {
namespace {

cl::opt<std::string> dbPath("db", cl::desc("Tuning database (SQLite)"),
                            cl::value_desc("file"), cl::sub(tuneCommand()),
                            cl::cat(category));
cl::opt<int> trials("trials",
                    cl::desc("Measured schedules per kernel, the default's "
                             "included (default 64)"),
                    cl::init(64), cl::sub(tuneCommand()), cl::cat(category));
cl::opt<int> batch("batch", cl::desc("Candidates per search round (default 8)"),
                   cl::init(8), cl::sub(tuneCommand()), cl::cat(category));
cl::opt<int> tuneThreads("threads",
                         cl::desc("Threads per measured run (default 1)"),
                         cl::init(1), cl::sub(tuneCommand()),
                         cl::cat(category));

cl::opt<std::string> runnerSpec(
    "runner",
    cl::desc("Where candidates run: local (this machine, timed; the "
             "default), qemu (a board's code under emulation: values "
             "checked, the cost model ranks) or ssh://[user@]host[:port] "
             "(cross-compiled here, timed on the board)"),
    cl::value_desc("runner"), cl::sub(tuneCommand()), cl::cat(category));
cl::opt<std::string> sshConfig(
    "ssh-config",
    cl::desc("ssh_config file for --runner=ssh://... (ssh -F), else the "
             "user's"),
    cl::value_desc("file"), cl::sub(tuneCommand()), cl::cat(category));

cl::opt<std::string> workloadKey(
    "workload",
    cl::desc("Tune this one workload (a key as the summary prints it) "
             "instead of a model's"),
    cl::value_desc("key"), cl::sub(tuneCommand()), cl::cat(category));
cl::opt<bool> remeasureFlag(
    "remeasure",
    cl::desc("Time each workload's default and best schedule again after "
             "tuning and report those times"),
    cl::sub(tuneCommand()), cl::cat(category));
cl::opt<bool> evaluate(
    "evaluate-cost-models",
    cl::desc("Report how well the roofline and the learned cost model rank "
             "the database's measurements of held-out workloads (no model "
             "needed)"),
    cl::sub(tuneCommand()), cl::cat(category));

std::string ms(std::optional<double> value) {
  return value ? formatv("{0:F4}", *value).str() : "-";
}

/// One line rewritten in place on a terminal; a line per kernel otherwise.
void showProgress(const tuning::TuneProgress &p) {
  static bool terminal = sys::Process::StandardErrIsDisplayed();
  static std::pair<int, int> shown;
  bool finished = p.trials >= p.budget;
  if ((!terminal && !finished) || shown == std::pair(p.workload, p.trials))
    return;
  shown = {p.workload, p.trials};
  constexpr int width = 24;
  int filled = p.budget ? std::min(width, p.trials * width / p.budget) : width;
  errs() << (terminal ? "\r" : "")
         << formatv("[{0}/{1}] [{2}{3}] {4,3}/{5} best {6} ms (default {7}) "
                    "{8}",
                    p.workload, p.workloads, std::string(filled, '#'),
                    std::string(width - filled, '.'), p.trials, p.budget,
                    ms(p.bestMs), ms(p.defaultMs), p.key)
         << (terminal && !finished ? "\x1b[K" : "\n");
}

} // namespace

/// --evaluate-cost-models: Kendall's tau and top-5 recall per workload.
int evaluateMain() {
  if (dbPath.empty())
    return fail("--evaluate-cost-models needs --db FILE");
  std::string error;
  const DeviceDescription *device = resolveTarget(targetFlag(), error);
  if (!device)
    return fail(error);
  if (!sys::fs::exists(dbPath))
    return fail("--db '" + dbPath + "' does not exist");
  std::unique_ptr<tuning::TuningDb> db = tuning::TuningDb::open(dbPath, error);
  if (!db)
    return fail(error + " (--db)");
  std::vector<tuning::RankingQuality> quality =
      tuning::evaluateCostModels(db->allMeasurements(device->name), *device);
  if (quality.empty())
    return fail("'" + dbPath + "' holds no workload with 10 measurements on '" +
                device->name + "' and others to learn from");
  outs() << formatv("{0,-62} {1,8} {2,13} {3,13} {4,13} {5,13}\n",
                    "held-out workload", "measured", "roofline tau",
                    "learned tau", "roofline top5", "learned top5");
  double sums[4] = {0, 0, 0, 0};
  for (const tuning::RankingQuality &q : quality) {
    outs() << formatv("{0,-62} {1,8} {2,13:F3} {3,13:F3} {4,13:F2} "
                      "{5,13:F2}\n",
                      q.workload, q.measured, q.rooflineTau, q.learnedTau,
                      q.rooflineTop5, q.learnedTop5);
    sums[0] += q.rooflineTau;
    sums[1] += q.learnedTau;
    sums[2] += q.rooflineTop5;
    sums[3] += q.learnedTop5;
  }
  double n = static_cast<double>(quality.size());
  outs() << formatv("{0,-62} {1,8} {2,13:F3} {3,13:F3} {4,13:F2} {5,13:F2}\n",
                    "mean", quality.size(), sums[0] / n, sums[1] / n,
                    sums[2] / n, sums[3] / n);
  return 0;
}

int tuneMain() {
  if (evaluate)
    return evaluateMain();
  CompileOptions options;
  std::optional<tuning::ConvWorkload> single;
  if (!workloadKey.empty()) {
    if (!modelPath.empty())
      return fail("give a model or --workload, not both");
    single = tuning::ConvWorkload::parse(workloadKey);
    if (!single)
      return fail("--workload '" + workloadKey +
                  "' is not a workload key such as 'conv in=1x64x56x56 "
                  "w=64x64x3x3 s=1x1 d=1x1 p=1x1x1x1 g=1 bias'");
    options.target = targetFlag();
  } else if (!buildCompileOptions(options)) {
    return 1;
  }
  tuning::TuneOptions tune;
  tune.trials = trials;
  tune.batch = batch;
  tune.runner.threads = tuneThreads;
  tune.runner.sshConfig = sshConfig;
  tune.runnerSpec = runnerSpec;
  tune.progress = showProgress;
  std::string error = tuning::checkTuneOptions(options, dbPath, tune);
  if (!error.empty())
    return fail(error);
  if (remeasureFlag && runnerSpec == "qemu")
    return fail("--remeasure needs a runner that times (--runner=qemu checks "
                "values only)");
  std::unique_ptr<tuning::TuningDb> db = tuning::TuningDb::open(dbPath, error);
  if (!db)
    return fail(error + " (--db)");

  mlir::MLIRContext context;
  prepareContext(context);
  FirstErrorHandler diagnostics(context);
  auto reports =
      single ? tuning::tuneWorkload(context, *single, options.target, *db, tune)
             : tuning::tuneModel(context, modelPath, options, *db, tune);
  if (failed(reports)) {
    if (!diagnostics.hadError())
      fail(modelPath + ": tuning failed");
    return 1;
  }
  bool predicted = llvm::any_of(
      *reports, [](const tuning::WorkloadReport &r) { return r.predicted; });
  if (remeasureFlag) {
    // Longer than a trial: these are the figures users compare.
    tuning::RunnerOptions longer = tune.runner;
    longer.minRuns = 20;
    longer.minSeconds = 0.5;
    std::unique_ptr<tuning::Runner> runner = tuning::createRunner(
        runnerSpec, *resolveTarget(options.target, error), longer, error);
    tuning::remeasure(context, *runner, *reports);
  }

  outs() << formatv("{0,-62} {1,4} {2,10} {3,10} {4,7} {5,-16} {6}\n",
                    "workload", "uses", "default ms", "tuned ms", "speedup",
                    "schedule", "trials");
  double before = 0, after = 0;
  for (const tuning::WorkloadReport &r : *reports) {
    std::string speedup =
        r.defaultMs && r.bestMs
            ? formatv("{0:F2}x", *r.defaultMs / *r.bestMs).str()
            : "-";
    outs() << formatv("{0,-62} {1,4} {2,10} {3,10} {4,7} {5,-16} {6}/{7}\n",
                      r.key, r.uses, ms(r.defaultMs), ms(r.bestMs), speedup,
                      r.best, r.trials, r.spaceSize + 1);
    if (r.defaultMs && r.bestMs) {
      before += *r.defaultMs * r.uses;
      after += *r.bestMs * r.uses;
    }
  }
  if (after > 0)
    outs() << formatv("convolutions, summed over uses: {0:F4} ms by default, "
                      "{1:F4} ms tuned ({2:F2}x)\n",
                      before, after, before / after);
  if (predicted)
    outs() << "times are the cost model's estimates for '" << options.target
           << "': --runner=" << runnerSpec
           << " checked the candidates' values, it does not time them\n";

  if (single || predicted)
    return 0;
  // The tuning curve goes beside the database: <db>.<model>.<target>.svg.
  std::vector<std::vector<tuning::Measurement>> curves;
  for (const tuning::WorkloadReport &r : *reports)
    curves.push_back(db->measurements(options.target, r.key));
  SmallString<128> curvePath(dbPath);
  sys::path::replace_extension(curvePath, sys::path::stem(modelPath) + "." +
                                              options.target + ".svg");
  if (!tuning::writeTuningCurve(curvePath,
                                sys::path::filename(modelPath).str() + " on " +
                                    options.target +
                                    ": fastest so far, relative to the default",
                                curves, error))
    return fail(error);
  outs() << "tuning curve: " << curvePath << "\n";
  return 0;
}

} // namespace edgec::tool
