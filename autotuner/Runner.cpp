//===- Runner.cpp - Measuring one candidate -------------------------------===//

#include "autotuner/Runner.h"

#include "edgec/Driver/Compiler.h"
#include "edgec/Support/Diagnostics.h"
#include "edgec/Targets/LoadedModel.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <vector>

namespace edgec::tuning {

std::optional<double>
measureLocally(mlir::MLIRContext &context, const ConvWorkload &workload,
               const std::optional<ConvSchedule> &schedule,
               const DeviceDescription &device, const RunnerOptions &options,
               std::string &error) {
  if (!cpu::runsNatively(device)) {
    error = "'" + device.name +
            "' code does not run natively here; only the host is timed";
    return std::nullopt;
  }
  mlir::DictionaryAttr attr =
      schedule ? schedule->toAttr(&context, device.vectorLanes()) : nullptr;
  CompileOptions compile;
  compile.target = device.name;
  mlir::FailureOr<cpu::CpuModel> model = [&] {
    FirstErrorHandler diagnostics(context, /*echo=*/nullptr);
    auto result = compileModule(context, workload.buildModule(context, attr),
                                "tune", "tune", compile, llvm::nulls());
    if (failed(result))
      error = diagnostics.hadError() ? diagnostics.firstError()
                                     : "compilation failed";
    return result;
  }();
  if (failed(model))
    return std::nullopt;
  std::unique_ptr<cpu::LoadedModel> loaded =
      cpu::LoadedModel::load(*model, error);
  if (!loaded)
    return std::nullopt;
  if (loaded->setNumThreads(options.threads) != EDGEC_OK) {
    error = "cannot run with " + std::to_string(options.threads) + " threads";
    return std::nullopt;
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
  for (int i = 0; i < options.warmup + 500; ++i) {
    auto start = Clock::now();
    edgec_status status = loaded->run(inputs, outputs);
    double ms =
        std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (status != EDGEC_OK) {
      error = loaded->statusString(status);
      return std::nullopt;
    }
    if (i < options.warmup)
      continue;
    times.push_back(ms);
    total += ms / 1e3;
    if (static_cast<int>(times.size()) >= options.minRuns &&
        total >= options.minSeconds)
      break;
  }
  return *std::min_element(times.begin(), times.end());
}

} // namespace edgec::tuning
