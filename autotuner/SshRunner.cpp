//===- SshRunner.cpp - Timing a candidate on a board over ssh -------------===//
//
// Cross-compiles the candidate here, links it statically with the generic
// runner (the board then needs no matching C library), copies program and
// weights to a scratch directory on the board, runs them there and reads
// the runner's JSON timings back. One ssh connection is shared by all
// commands of a tuning run (ControlMaster) and the scratch directory is
// removed at the end. ssh runs in batch mode: a board that asks for a
// password fails at once instead of waiting for an answer nobody types.
//
//===----------------------------------------------------------------------===//

#include "autotuner/Runner.h"
#include "targets/cpu/Process.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace edgec::tuning {
namespace {

std::string readFile(llvm::StringRef path) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  return buffer ? (*buffer)->getBuffer().str() : "";
}

class SshRunner : public Runner {
public:
  SshRunner(llvm::StringRef destination, const DeviceDescription &device,
            const RunnerOptions &options);
  ~SshRunner() override;
  std::string name() const override { return "ssh://" + destination_; }
  bool timed() const override { return true; }
  RunStatus run(mlir::MLIRContext &context, const ConvWorkload &workload,
                const std::optional<ConvSchedule> &schedule,
                std::optional<double> &ms, std::string &error) override;

private:
  /// ssh's or scp's options: batch mode, the shared connection, the
  /// config file and the port (`-p` for ssh, `-P` for scp).
  std::vector<std::string> options(llvm::StringRef portFlag) const;
  /// Runs `tool` (ssh or scp) with `args`; its exit status (-1 when it
  /// did not start), its stdout in `output`, `error` set unless it is 0.
  int call(llvm::StringRef tool, std::vector<std::string> args,
           std::string &output, std::string &error);
  /// The board's scratch directory, created on first use.
  bool remoteDir(std::string &error);

  std::string destination_, host_, port_;
  const DeviceDescription &device_;
  RunnerOptions options_;
  cpu::TempDir local_;
  std::string remote_;
};

SshRunner::SshRunner(llvm::StringRef destination,
                     const DeviceDescription &device,
                     const RunnerOptions &options)
    : destination_(destination), device_(device), options_(options) {
  // "[user@]host[:port]": ssh and scp take the port as a flag.
  llvm::StringRef hostPart =
      destination.contains('@') ? destination.rsplit('@').second : destination;
  auto [userHost, port] = destination.rsplit(':');
  bool hasPort = hostPart.contains(':');
  host_ = hasPort ? userHost.str() : destination.str();
  port_ = hasPort ? port.str() : "";
}

SshRunner::~SshRunner() {
  std::string output, error;
  if (!remote_.empty())
    call("ssh", {host_, "rm", "-rf", remote_}, output, error);
  if (!local_.path.empty())
    call("ssh", {"-O", "exit", host_}, output, error);
}

std::vector<std::string> SshRunner::options(llvm::StringRef portFlag) const {
  llvm::SmallString<256> control(local_.path);
  llvm::sys::path::append(control, "connection");
  std::vector<std::string> args = {
      "-o", "BatchMode=yes",      "-o", "ConnectTimeout=15",
      "-o", "ControlMaster=auto", "-o", "ControlPath=" + std::string(control),
      "-o", "ControlPersist=60"};
  if (!options_.sshConfig.empty())
    args.insert(args.end(), {"-F", options_.sshConfig});
  if (!port_.empty())
    args.insert(args.end(), {portFlag.str(), port_});
  return args;
}

int SshRunner::call(llvm::StringRef tool, std::vector<std::string> args,
                    std::string &output, std::string &error) {
  std::string program;
  if (local_.path.empty() && !local_.create("edgec-ssh", error))
    return -1;
  if (!cpu::findTool(tool, program, error))
    return -1;
  std::vector<std::string> argv = options(tool == "scp" ? "-P" : "-p");
  argv.insert(argv.end(), args.begin(), args.end());
  llvm::SmallString<256> out(local_.path), err(local_.path);
  llvm::sys::path::append(out, "stdout");
  llvm::sys::path::append(err, "stderr");
  int status =
      cpu::execute(program, argv, error, out.str(), llvm::StringRef(err));
  output = readFile(out);
  if (status > 0) {
    // ssh's last line says why (the first ones are often warnings).
    std::string said = llvm::StringRef(readFile(err)).trim().str();
    llvm::StringRef last = llvm::StringRef(said).rsplit('\n').second;
    if (last.empty())
      last = said;
    error = llvm::formatv("{0} to {1} failed (exit {2}){3}{4}", tool,
                          destination_, status, last.empty() ? "" : ": ", last)
                .str();
  }
  return status;
}

bool SshRunner::remoteDir(std::string &error) {
  if (!remote_.empty())
    return true;
  std::string output;
  if (call("ssh", {host_, "mktemp", "-d", "/tmp/edgec-tune.XXXXXX"}, output,
           error) != 0)
    return false;
  remote_ = llvm::StringRef(output).trim().str();
  if (remote_.empty() ||
      remote_.find_first_of(" '\"$`;") != std::string::npos) {
    error = "the board's mktemp gave no usable directory: '" + output + "'";
    remote_.clear();
    return false;
  }
  return true;
}

RunStatus SshRunner::run(mlir::MLIRContext &context,
                         const ConvWorkload &workload,
                         const std::optional<ConvSchedule> &schedule,
                         std::optional<double> &ms, std::string &error) {
  ms.reset();
  cpu::TempDir temp;
  cpu::RunnerProgram linked;
  if (RunStatus status = linkCandidate(context, workload, schedule, device_,
                                       temp, linked, error);
      status != RunStatus::Ok)
    return status;
  if (!remoteDir(error))
    return RunStatus::Unavailable;
  std::string output;
  if (call("scp", {"-q", linked.program, linked.weights, host_ + ":" + remote_},
           output, error) != 0)
    return RunStatus::Unavailable;
  int repeat = std::max(options_.minRuns, 1);
  int status =
      call("ssh",
           {host_, remote_ + "/runner", "--weights", remote_ + "/weights.bin",
            "--random-inputs", "--json", "--repeat", std::to_string(repeat),
            "--warmup", std::to_string(options_.warmup), "--threads",
            std::to_string(options_.threads)},
           output, error);
  // ssh exits with 255 for its own failures (the connection), else with the
  // program's status.
  if (status < 0 || status == 255)
    return RunStatus::Unavailable;
  if (status != 0)
    return RunStatus::Failed;
  llvm::Expected<llvm::json::Value> parsed = llvm::json::parse(output);
  const llvm::json::Object *timings = parsed ? parsed->getAsObject() : nullptr;
  std::optional<double> fastest =
      timings ? timings->getNumber("min_ms") : std::nullopt;
  if (!parsed)
    llvm::consumeError(parsed.takeError());
  if (!fastest) {
    error = "the board's runner printed no timings: '" +
            llvm::StringRef(output).trim().str() + "'";
    return RunStatus::Failed;
  }
  ms = *fastest;
  return RunStatus::Ok;
}

} // namespace

std::unique_ptr<Runner> createSshRunner(llvm::StringRef destination,
                                        const DeviceDescription &device,
                                        const RunnerOptions &options) {
  return std::make_unique<SshRunner>(destination, device, options);
}

} // namespace edgec::tuning
