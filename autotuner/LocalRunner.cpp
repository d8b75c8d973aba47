//===- LocalRunner.cpp - Timing a candidate in this process ---------------===//
//
// The artifact's code is loaded into this process, as the Python bindings
// run it: no program to link and start for every candidate.
//
//===----------------------------------------------------------------------===//

#include "autotuner/Runner.h"

#include "edgec/Targets/LoadedModel.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <vector>

namespace edgec::tuning {
namespace {

class LocalRunner : public Runner {
public:
  LocalRunner(const DeviceDescription &device, const RunnerOptions &options)
      : device_(device), options_(options) {}
  std::string name() const override { return "local"; }
  bool timed() const override { return true; }
  RunStatus run(mlir::MLIRContext &context, const ConvWorkload &workload,
                const std::optional<ConvSchedule> &schedule,
                std::optional<double> &ms, std::string &error) override;

private:
  const DeviceDescription &device_;
  RunnerOptions options_;
};

RunStatus LocalRunner::run(mlir::MLIRContext &context,
                           const ConvWorkload &workload,
                           const std::optional<ConvSchedule> &schedule,
                           std::optional<double> &ms, std::string &error) {
  mlir::FailureOr<cpu::CpuModel> model =
      compileCandidate(context, workload, schedule, device_, error);
  if (failed(model))
    return RunStatus::Failed;
  std::unique_ptr<cpu::LoadedModel> loaded =
      cpu::LoadedModel::load(*model, error);
  if (!loaded)
    return RunStatus::Failed;
  if (loaded->setNumThreads(options_.threads) != EDGEC_OK) {
    error = "cannot run with " + std::to_string(options_.threads) + " threads";
    return RunStatus::Failed;
  }

  int64_t inputCount = 1, outputCount = 1;
  for (int64_t d : workload.input)
    inputCount *= d;
  for (int64_t d : workload.outputShape())
    outputCount *= d;
  std::vector<float> input(inputCount);
  std::mt19937 rng(11);
  std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
  for (float &v : input)
    v = uniform(rng);
  std::vector<float> output(outputCount);
  const void *inputs[] = {input.data()};
  void *outputs[] = {output.data()};

  using Clock = std::chrono::steady_clock;
  std::vector<double> times;
  double total = 0;
  for (int i = 0; i < options_.warmup + 500; ++i) {
    auto start = Clock::now();
    edgec_status status = loaded->run(inputs, outputs);
    double elapsed =
        std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (status != EDGEC_OK) {
      error = loaded->statusString(status);
      return RunStatus::Failed;
    }
    if (i < options_.warmup)
      continue;
    times.push_back(elapsed);
    total += elapsed / 1e3;
    if (static_cast<int>(times.size()) >= options_.minRuns &&
        total >= options_.minSeconds)
      break;
  }
  ms = *std::min_element(times.begin(), times.end());
  return RunStatus::Ok;
}

} // namespace

std::unique_ptr<Runner> createLocalRunner(const DeviceDescription &device,
                                          const RunnerOptions &options) {
  return std::make_unique<LocalRunner>(device, options);
}

} // namespace edgec::tuning
