//===- Tuner.cpp - Model-guided evolutionary search -----------------------===//

#include "autotuner/Tuner.h"

#include "autotuner/CostModel.h"
#include "autotuner/LearnedCostModel.h"
#include "autotuner/SearchSpace.h"
#include "autotuner/Workload.h"
#include "codegen/Pipeline.h"
#include "dialects/graph/IR/GraphOps.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <thread>

using namespace mlir;

namespace edgec::tuning {
namespace {

/// One distinct workload of the model and a convolution that has it.
struct Task {
  ConvWorkload workload;
  graph::ConvOp op;
  int uses = 0;
};

/// Whether `q` is one step from `p`: the tile grown or shrunk a little, or
/// the same tile under another algorithm.
bool neighbours(const ConvSchedule &p, const ConvSchedule &q) {
  if (p.algorithm != q.algorithm)
    return q.rows == 0 || (q.rows == p.rows && q.vectors == p.vectors);
  int64_t distance =
      std::abs(p.rows - q.rows) + std::abs(p.vectors - q.vectors);
  return distance >= 1 && distance <= 2;
}

/// Fills `report`'s figures from a workload's records: confirmed times
/// where there are any, search times otherwise.
void summarize(const std::vector<Measurement> &records,
               WorkloadReport &report) {
  report.trials = static_cast<int>(records.size());
  report.bestMs.reset();
  report.defaultMs.reset();
  bool confirmed = llvm::any_of(
      records, [](const Measurement &m) { return m.confirmedMs.has_value(); });
  // Records of a runner that does not time rank by their predictions.
  report.predicted =
      llvm::none_of(records, [](const Measurement &m) { return m.ms; });
  auto time = [&](const Measurement &m) -> std::optional<double> {
    if (report.predicted)
      return m.error.empty() ? m.predictedMs : std::nullopt;
    return confirmed ? m.confirmedMs : m.ms;
  };
  for (const Measurement &m : records) {
    std::optional<double> ms = time(m);
    if (m.schedule == ConvSchedule::kDefault)
      report.defaultMs = ms ? ms : m.ms;
    if (ms && (!report.bestMs || *ms < *report.bestMs)) {
      report.bestMs = ms;
      report.best = m.schedule;
    }
  }
  // The search's own curve: when a search time first came within 10 % of
  // the search's best.
  std::optional<double> searchBest;
  for (const Measurement &m : records)
    if (m.ms && (!searchBest || *m.ms < *searchBest))
      searchBest = m.ms;
  report.trialsToWithin10 = 0;
  for (size_t i = 0; i < records.size() && searchBest; ++i)
    if (records[i].ms && *records[i].ms <= 1.1 * *searchBest) {
      report.trialsToWithin10 = static_cast<int>(i + 1);
      break;
    }
}

/// Confirmation rounds: the search's fastest few and the default are timed
/// again, interleaved, and ranked by the median. A single search
/// measurement that was lucky (or a default measured during a burst of
/// load) would otherwise decide the schedule.
constexpr int kConfirmRounds = 3;
constexpr size_t kConfirmCandidates = 3;

/// The successful records of searched schedules (not the default), the
/// fastest first.
std::vector<const Measurement *>
fastestSearched(const std::vector<Measurement> &records) {
  std::vector<const Measurement *> ranked;
  for (const Measurement &m : records)
    if (m.ms && m.schedule != ConvSchedule::kDefault)
      ranked.push_back(&m);
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](auto *a, auto *b) { return *a->ms < *b->ms; });
  return ranked;
}

class WorkloadTuner {
public:
  WorkloadTuner(MLIRContext &context, const Task &task,
                const DeviceDescription &device, TuningDb &db,
                const TuneOptions &tune, TuneProgress progress,
                LearnedCostModel &learned, Runner &runner)
      : context_(context), task_(task), device_(device), db_(db), tune_(tune),
        progress_(std::move(progress)), learned_(learned), runner_(runner),
        key_(task.workload.key()), family_(task.workload.family()),
        space_(searchSpace(task.op, device)),
        rng_(tune.seed ^ static_cast<unsigned>(llvm::hash_value(key_))) {}

  LogicalResult run(WorkloadReport &report);

private:
  /// Measures and records one candidate unless another tuner has it.
  LogicalResult measure(const std::optional<ConvSchedule> &schedule,
                        bool &measured);
  std::vector<ConvSchedule> nextBatch(const std::vector<Measurement> &records,
                                      const llvm::StringSet<> &done);
  /// `candidates` sorted by the cost model's estimate, the fastest first:
  /// the learned model once it has this device's times, else the roofline.
  std::vector<ConvSchedule> rankByCost(std::vector<ConvSchedule> candidates);
  double predict(const std::optional<ConvSchedule> &schedule);
  LogicalResult confirm();

  MLIRContext &context_;
  const Task &task_;
  const DeviceDescription &device_;
  TuningDb &db_;
  const TuneOptions &tune_;
  TuneProgress progress_;
  LearnedCostModel &learned_;
  Runner &runner_;
  std::string key_, family_;
  std::vector<ConvSchedule> space_;
  std::mt19937 rng_;
};

LogicalResult
WorkloadTuner::measure(const std::optional<ConvSchedule> &schedule,
                       bool &measured) {
  std::string text = schedule ? schedule->str() : ConvSchedule::kDefault.str();
  measured = db_.claim(device_.name, key_, text);
  if (!measured)
    return success();
  Measurement record;
  record.device = device_.name;
  record.workload = key_;
  record.family = family_;
  record.schedule = text;
  record.runner = runner_.name();
  RunStatus status =
      runner_.run(context_, task_.workload, schedule, record.ms, record.error);
  if (status == RunStatus::Unavailable) {
    db_.releaseClaims();
    return graph::ConvOp(task_.op).emitError()
           << "runner " << runner_.name() << ": " << record.error;
  }
  if (status == RunStatus::Failed)
    record.ms.reset();
  else if (!runner_.timed())
    record.predictedMs = predict(schedule);
  std::string error;
  if (!db_.record(record, error))
    return graph::ConvOp(task_.op).emitError() << error;
  return success();
}

double WorkloadTuner::predict(const std::optional<ConvSchedule> &schedule) {
  ConvSchedule s = schedule ? *schedule : defaultSchedule(task_.op, device_);
  if (learned_.trained())
    return learned_.predictMs(task_.workload, {s}, device_).front();
  return predictMs(task_.workload, s, device_);
}

std::vector<ConvSchedule>
WorkloadTuner::rankByCost(std::vector<ConvSchedule> candidates) {
  std::vector<double> predicted;
  if (learned_.trained())
    predicted = learned_.predictMs(task_.workload, candidates, device_);
  else
    for (const ConvSchedule &s : candidates)
      predicted.push_back(predictMs(task_.workload, s, device_));
  std::vector<size_t> order(candidates.size());
  for (size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return predicted[a] < predicted[b];
  });
  std::vector<ConvSchedule> sorted;
  for (size_t i : order)
    sorted.push_back(candidates[i]);
  return sorted;
}

std::vector<ConvSchedule>
WorkloadTuner::nextBatch(const std::vector<Measurement> &records,
                         const llvm::StringSet<> &done) {
  // Parents: the fastest schedules measured so far, else the fastest of
  // this family's other workloads.
  std::vector<ConvSchedule> parents;
  for (const Measurement *m : fastestSearched(records))
    if (parents.size() < 4)
      if (auto s = ConvSchedule::parse(m->schedule))
        parents.push_back(*s);
  if (parents.empty())
    for (const Measurement &m :
         db_.bestInFamily(device_.name, family_, key_, 4))
      if (auto s = ConvSchedule::parse(m.schedule))
        if (llvm::is_contained(space_, *s))
          parents.push_back(*s);

  std::vector<ConvSchedule> open, children;
  for (const ConvSchedule &s : space_)
    if (!done.contains(s.str()))
      open.push_back(s);
  // Without times there is nothing to breed from: the runner verifies the
  // candidates the cost model ranks fastest.
  if (!runner_.timed()) {
    open = rankByCost(std::move(open));
    open.resize(std::min<size_t>(open.size(), tune_.batch));
    return open;
  }
  for (const ConvSchedule &s : open)
    if (llvm::any_of(parents, [&](const ConvSchedule &p) {
          return p == s || neighbours(p, s);
        }))
      children.push_back(s);
  if (children.empty())
    children = open;
  children = rankByCost(std::move(children));
  int exploit = std::max(
      1, static_cast<int>(tune_.batch * (1.0 - tune_.exploration) + 0.5));
  std::vector<ConvSchedule> batch(
      children.begin(),
      children.begin() + std::min<size_t>(exploit, children.size()));
  std::shuffle(open.begin(), open.end(), rng_);
  for (const ConvSchedule &s : open)
    if (static_cast<int>(batch.size()) < tune_.batch &&
        !llvm::is_contained(batch, s))
      batch.push_back(s);
  return batch;
}

LogicalResult WorkloadTuner::run(WorkloadReport &report) {
  report.key = key_;
  report.family = family_;
  report.uses = task_.uses;
  report.macs = task_.workload.macs();
  report.spaceSize = static_cast<int>(space_.size());
  progress_.key = key_;
  progress_.budget = tune_.trials;
  auto tell = [&](int trials) {
    progress_.trials = trials;
    progress_.bestMs = report.bestMs;
    progress_.defaultMs = report.defaultMs;
    if (tune_.progress)
      tune_.progress(progress_);
  };
  // Bounded: each round measures a candidate, or waits for another tuner
  // that holds its batch, or stops; there are finitely many candidates.
  for (size_t round = 0; round <= space_.size() + 1; ++round) {
    std::vector<Measurement> records = db_.measurements(device_.name, key_);
    summarize(records, report);
    tell(report.trials);
    if (report.trials >= tune_.trials)
      break;
    llvm::StringSet<> done;
    for (const Measurement &m : records)
      done.insert(m.schedule);
    bool measured = false;
    // Another tuner holding what this one wants is measuring it: wait a
    // little for its record instead of spinning through the rounds.
    auto waitForOthers = [] {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    };
    if (!done.contains(ConvSchedule::kDefault)) {
      if (failed(measure(std::nullopt, measured)))
        return failure();
      if (!measured)
        waitForOthers();
      continue;
    }
    // Retrain on everything measured on this device (a few hundred to a
    // few thousand rows: milliseconds).
    std::string unused;
    learned_.train(db_.allMeasurements(device_.name), device_, unused);
    std::vector<ConvSchedule> batch = nextBatch(records, done);
    if (batch.empty())
      break;
    int trials = report.trials;
    bool any = false;
    for (const ConvSchedule &s : batch) {
      if (trials >= tune_.trials)
        break;
      if (failed(measure(s, measured)))
        return failure();
      if (measured)
        tell(++trials);
      any |= measured;
    }
    if (!any)
      waitForOthers();
  }
  if (runner_.timed() && failed(confirm()))
    return failure();
  summarize(db_.measurements(device_.name, key_), report);
  return success();
}

LogicalResult WorkloadTuner::confirm() {
  std::vector<Measurement> records = db_.measurements(device_.name, key_);
  auto defaultRecord = llvm::find_if(records, [](const Measurement &m) {
    return m.ms && m.schedule == ConvSchedule::kDefault;
  });
  if (defaultRecord == records.end())
    return success();
  std::vector<const Measurement *> ranked = fastestSearched(records);
  ranked.resize(std::min(ranked.size(), kConfirmCandidates));
  ranked.insert(ranked.begin(), &*defaultRecord);
  // Confirmed already, with nothing faster found since: done.
  if (llvm::all_of(ranked, [](auto *m) { return m->confirmedMs.has_value(); }))
    return success();
  std::vector<std::vector<double>> times(ranked.size());
  for (int round = 0; round < kConfirmRounds; ++round)
    for (size_t i = 0; i < ranked.size(); ++i) {
      std::optional<ConvSchedule> schedule =
          ConvSchedule::parse(ranked[i]->schedule);
      std::optional<double> ms;
      std::string error;
      if (runner_.run(context_, task_.workload, schedule, ms, error) ==
              RunStatus::Ok &&
          ms)
        times[i].push_back(*ms);
    }
  for (size_t i = 0; i < ranked.size(); ++i) {
    if (times[i].empty())
      continue;
    std::sort(times[i].begin(), times[i].end());
    std::string error;
    if (!db_.confirm(device_.name, key_, ranked[i]->schedule,
                     times[i][times[i].size() / 2], error))
      return graph::ConvOp(task_.op).emitError() << error;
  }
  return success();
}

} // namespace

namespace {

/// Tunes `tasks` in order, sharing one learned cost model, which is stored
/// in the database afterwards.
FailureOr<std::vector<WorkloadReport>>
tuneTasks(MLIRContext &context, const std::vector<Task *> &tasks,
          const DeviceDescription &device, TuningDb &db,
          const TuneOptions &tune, Location loc) {
  std::string error;
  std::unique_ptr<Runner> runner =
      createRunner(tune.runnerSpec, device, tune.runner, error);
  if (!runner)
    return emitError(loc) << error;
  std::vector<WorkloadReport> reports;
  TuneProgress progress;
  progress.workloads = static_cast<int>(tasks.size());
  LearnedCostModel learned;
  if (std::optional<std::string> stored = db.loadCostModel(device.name))
    learned.load(*stored, error);
  for (Task *task : tasks) {
    ++progress.workload;
    WorkloadReport report;
    WorkloadTuner tuner(context, *task, device, db, tune, progress, learned,
                        *runner);
    if (failed(tuner.run(report)))
      return failure();
    reports.push_back(std::move(report));
  }
  // Keep what the model learned with the measurements it learned from.
  std::string bytes;
  if (learned.trained() && learned.save(bytes, error) &&
      !db.saveCostModel(device.name, bytes, error))
    return emitError(loc) << error;
  return reports;
}

} // namespace

std::string checkTuneOptions(const CompileOptions &options, StringRef dbPath,
                             const TuneOptions &tune) {
  std::string error = checkCompileOptions(options);
  if (!error.empty())
    return error;
  if (dbPath.empty())
    return "edgec tune needs --db FILE (created if it does not exist)";
  if (tune.trials < 1)
    return "--trials must be at least 1";
  if (tune.batch < 1)
    return "--batch must be at least 1";
  if (tune.runner.threads < 1)
    return "--threads must be at least 1";
  const DeviceDescription *device = resolveTarget(options.target, error);
  if (!createRunner(tune.runnerSpec, *device, tune.runner, error))
    return error;
  return "";
}

FailureOr<std::vector<WorkloadReport>>
tuneModel(MLIRContext &context, StringRef path, const CompileOptions &options,
          TuningDb &db, const TuneOptions &tune) {
  std::string error;
  const DeviceDescription *device = resolveTarget(options.target, error);
  if (!device)
    return emitError(UnknownLoc::get(&context)) << error;
  OwningOpRef<ModuleOp> module = importOnnxFile(context, path, options.import);
  if (!module)
    return failure();
  PassManager pm(&context);
  codegen::addGraphCleanupPasses(pm);
  if (failed(pm.run(*module)))
    return failure();

  std::map<std::string, Task> tasks;
  module->walk([&](graph::ConvOp op) {
    if (op.getNumSpatialDims() > 2)
      return;
    ConvWorkload workload = ConvWorkload::fromOp(op);
    Task &task = tasks[workload.key()];
    if (task.uses++ == 0) {
      task.workload = workload;
      task.op = op;
    }
  });
  std::vector<Task *> order;
  for (auto &entry : tasks)
    order.push_back(&entry.second);
  // The workloads that take the most time first.
  std::stable_sort(order.begin(), order.end(), [](Task *a, Task *b) {
    return a->workload.macs() * a->uses > b->workload.macs() * b->uses;
  });

  return tuneTasks(context, order, *device, db, tune, module->getLoc());
}

FailureOr<std::vector<WorkloadReport>>
tuneWorkload(MLIRContext &context, const ConvWorkload &workload,
             StringRef target, TuningDb &db, const TuneOptions &tune) {
  std::string error;
  const DeviceDescription *device = resolveTarget(target, error);
  if (!device)
    return emitError(UnknownLoc::get(&context)) << error;
  OwningOpRef<ModuleOp> module = workload.buildModule(context);
  Task task;
  task.workload = workload;
  task.uses = 1;
  module->walk([&](graph::ConvOp op) { task.op = op; });
  return tuneTasks(context, {&task}, *device, db, tune, module->getLoc());
}

void remeasure(MLIRContext &context, Runner &runner,
               std::vector<WorkloadReport> &reports) {
  for (WorkloadReport &r : reports) {
    auto workload = ConvWorkload::parse(r.key);
    if (!workload)
      continue;
    std::string error;
    std::optional<double> ms;
    r.defaultMs =
        runner.run(context, *workload, std::nullopt, ms, error) == RunStatus::Ok
            ? ms
            : std::nullopt;
    std::optional<ConvSchedule> best = ConvSchedule::parse(r.best);
    if (!best) {
      r.bestMs = r.defaultMs;
      continue;
    }
    r.bestMs = runner.run(context, *workload, best, ms, error) == RunStatus::Ok
                   ? ms
                   : std::nullopt;
  }
}

} // namespace edgec::tuning
