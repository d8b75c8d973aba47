//===- QemuRunner.cpp - Checking a board's candidate under qemu -----------===//
//
// Links the candidate with the generic runner for the board, runs it under
// qemu-user on a seeded input and compares its output with the plain-loop
// reference, within the bound of the candidate's algorithm. No time is
// reported: qemu translates the board's instructions, so its speed ranks
// nothing.
//
//===----------------------------------------------------------------------===//

#include "autotuner/ReferenceConv.h"
#include "autotuner/Runner.h"
#include "targets/cpu/Process.h"

#include "npy.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <random>

namespace edgec::tuning {
namespace {

/// The last non-empty line of a file: what a failing program said last.
std::string lastLine(llvm::StringRef path) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer)
    return "";
  llvm::StringRef text = (*buffer)->getBuffer().rtrim();
  return text.rsplit('\n').second.empty() ? text.str()
                                          : text.rsplit('\n').second.str();
}

class QemuRunner : public Runner {
public:
  explicit QemuRunner(const DeviceDescription &device) : device_(device) {}
  std::string name() const override { return "qemu"; }
  bool timed() const override { return false; }
  RunStatus run(mlir::MLIRContext &context, const ConvWorkload &workload,
                const std::optional<ConvSchedule> &schedule,
                std::optional<double> &ms, std::string &error) override;

private:
  const DeviceDescription &device_;
};

RunStatus QemuRunner::run(mlir::MLIRContext &context,
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

  // The model's own layout: NHWC for 2-D workloads (Workload.cpp).
  llvm::SmallVector<int64_t, 4> shape(workload.input);
  if (shape.size() == 4)
    shape = {shape[0], shape[2], shape[3], shape[1]};
  int64_t count = 1;
  for (int64_t d : shape)
    count *= d;
  std::vector<float> input(count);
  std::mt19937 rng(13);
  std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
  for (float &v : input)
    v = uniform(rng);

  auto file = [&](llvm::StringRef name) {
    llvm::SmallString<256> path(temp.path);
    llvm::sys::path::append(path, name);
    return std::string(path);
  };
  std::string inputFile = file("x.npy"), outputDir = file("out"),
              stderrFile = file("stderr");
  char message[256] = "";
  if (edgec_npy_write(inputFile.c_str(), EDGEC_DTYPE_F32,
                      static_cast<int32_t>(shape.size()), shape.data(),
                      input.data(), message, sizeof message) != 0) {
    error = message;
    return RunStatus::Unavailable;
  }
  int status = cpu::executeRunner(
      device_, linked, {"--input", "x=" + inputFile, "--output-dir", outputDir},
      error, file("stdout"), llvm::StringRef(stderrFile));
  // -1: qemu did not start.
  if (status < 0)
    return RunStatus::Unavailable;
  if (status != 0) {
    error = llvm::formatv("the program failed under qemu (exit {0}): {1}",
                          status, lastLine(stderrFile))
                .str();
    return RunStatus::Failed;
  }

  edgec_npy output{};
  llvm::SmallString<256> outputFile(outputDir);
  llvm::sys::path::append(outputFile, "y.npy");
  if (edgec_npy_read(outputFile.c_str(), &output, message, sizeof message) !=
      0) {
    error = message;
    return RunStatus::Failed;
  }
  std::vector<float> got(static_cast<const float *>(output.data),
                         static_cast<const float *>(output.data) +
                             output.nbytes / sizeof(float));
  bool isFloat = output.dtype == EDGEC_DTYPE_F32;
  edgec_npy_free(&output);
  std::vector<float> want = referenceConv(workload, input);
  double distance = isFloat ? relativeL2(got, want) : INFINITY;
  std::string algorithm = schedule ? schedule->algorithm : "direct";
  if (distance <= toleranceFor(algorithm))
    return RunStatus::Ok;
  error = llvm::formatv("wrong values under qemu: relative L2 {0:e} from the "
                        "reference (bound {1:e} for {2})",
                        distance, toleranceFor(algorithm), algorithm)
              .str();
  return RunStatus::Failed;
}

} // namespace

std::unique_ptr<Runner> createQemuRunner(const DeviceDescription &device) {
  return std::make_unique<QemuRunner>(device);
}

} // namespace edgec::tuning
