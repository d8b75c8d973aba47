//===- Runner.cpp - Choosing a runner; compiling a candidate --------------===//

#include "autotuner/Runner.h"

#include "edgec/Driver/Compiler.h"
#include "edgec/Support/Diagnostics.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/raw_ostream.h"

namespace edgec::tuning {

mlir::FailureOr<cpu::CpuModel>
compileCandidate(mlir::MLIRContext &context, const ConvWorkload &workload,
                 const std::optional<ConvSchedule> &schedule,
                 const DeviceDescription &device, std::string &error) {
  mlir::DictionaryAttr attr =
      schedule ? schedule->toAttr(&context, device.vectorLanes()) : nullptr;
  CompileOptions compile;
  compile.target = device.name;
  FirstErrorHandler diagnostics(context, /*echo=*/nullptr);
  auto model = compileModule(context, workload.buildModule(context, attr),
                             "tune", "tune", compile, llvm::nulls());
  if (failed(model))
    error = diagnostics.hadError() ? diagnostics.firstError()
                                   : "compilation failed";
  return model;
}

RunStatus linkCandidate(mlir::MLIRContext &context,
                        const ConvWorkload &workload,
                        const std::optional<ConvSchedule> &schedule,
                        const DeviceDescription &device, cpu::TempDir &dir,
                        cpu::RunnerProgram &linked, std::string &error) {
  mlir::FailureOr<cpu::CpuModel> model =
      compileCandidate(context, workload, schedule, device, error);
  if (failed(model))
    return RunStatus::Failed;
  if (!dir.create("edgec-candidate", error) ||
      !cpu::linkRunner(*model, dir.path, /*staticLink=*/true, linked, error))
    return RunStatus::Unavailable;
  return RunStatus::Ok;
}

/// "[user@]host[:port]" with a non-empty host and a port in 1..65535.
static bool validDestination(llvm::StringRef destination) {
  llvm::StringRef host =
      destination.contains('@') ? destination.rsplit('@').second : destination;
  auto [name, port] = host.split(':');
  unsigned number = 0;
  if (name.empty() || name.contains('/') || name.starts_with("-"))
    return false;
  return !host.contains(':') ||
         (!port.getAsInteger(10, number) && number >= 1 && number <= 65535);
}

std::unique_ptr<Runner> createRunner(llvm::StringRef spec,
                                     const DeviceDescription &device,
                                     const RunnerOptions &options,
                                     std::string &error) {
  bool native = cpu::runsNatively(device);
  if (spec.empty() || spec == "local") {
    if (native)
      return createLocalRunner(device, options);
    error = "--runner=local times this machine's own code, and '" +
            device.name +
            "' code runs under qemu here: use --runner=qemu (checks values; "
            "the cost model ranks) or --runner=ssh://user@board";
    return nullptr;
  }
  if (spec == "qemu") {
    if (!native)
      return createQemuRunner(device);
    error = "--runner=qemu checks code for boards emulated here; '" +
            device.name + "' code runs natively: use --runner=local";
    return nullptr;
  }
  if (spec.consume_front("ssh://")) {
    if (validDestination(spec))
      return createSshRunner(spec, device, options);
    error = "--runner=ssh://" + spec.str() + " is not ssh://[user@]host[:port]";
    return nullptr;
  }
  error = "--runner=" + spec.str() +
          " is not a runner: local, qemu or ssh://[user@]host[:port]";
  return nullptr;
}

} // namespace edgec::tuning
