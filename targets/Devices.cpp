//===- Devices.cpp - The named devices edgec compiles for -----------------===//

#include "edgec/Targets/Device.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"

#include <thread>
#include <vector>

using namespace edgec;

llvm::StringRef edgec::deviceFamilyName(DeviceFamily family) {
  switch (family) {
  case DeviceFamily::CPU:
    return "cpu";
  case DeviceFamily::CUDA:
    return "cuda";
  case DeviceFamily::EdgeTPU:
    return "edgetpu";
  case DeviceFamily::FPGA:
    return "fpga";
  }
  return "unknown";
}

namespace {

/// The host's clock from /proc/cpuinfo, 0 where it says none.
double cpuClockGHz() {
  auto info = llvm::MemoryBuffer::getFileAsStream("/proc/cpuinfo");
  if (!info)
    return 0;
  llvm::SmallVector<llvm::StringRef> lines;
  (*info)->getBuffer().split(lines, '\n');
  for (llvm::StringRef line : lines) {
    auto [key, value] = line.split(':');
    double mhz;
    if (key.trim() == "cpu MHz" && !value.trim().getAsDouble(mhz))
      return mhz / 1000;
  }
  return 0;
}

/// The machine edgec runs on, read from LLVM's host detection.
DeviceDescription hostDevice() {
  llvm::StringMap<bool> features = llvm::sys::getHostCPUFeatures();
  std::string featureString;
  for (const auto &f : features)
    featureString += (featureString.empty() ? "" : ",") +
                     std::string(f.second ? "+" : "-") + f.first().str();
  llvm::Triple triple(llvm::sys::getProcessTriple());
  int vectorBits = 128;
  if (triple.isX86()) {
    if (features.lookup("avx512f"))
      vectorBits = 512;
    else if (features.lookup("avx2"))
      vectorBits = 256;
  }
  std::string cpu = llvm::sys::getHostCPUName().str();
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  DeviceDescription host = {"host",
                            "this machine: " + triple.getArchName().str() +
                                " " + cpu + ", " + std::to_string(cores) +
                                " cores",
                            DeviceFamily::CPU,
                            true,
                            "CPU code through LLVM, vectorized for this CPU",
                            triple.str(),
                            cpu,
                            featureString,
                            static_cast<int>(cores),
                            cpuClockGHz(),
                            vectorBits,
                            false,
                            ""};
  // AVX2 and SSE have 16 vector registers, AVX-512 and NEON 32.
  host.vectorRegisters = triple.isX86() && vectorBits < 512 ? 16 : 32;
  return host;
}

DeviceDescription armBoard(std::string name, std::string summary,
                           std::string cpu, std::string features, int cores,
                           double ghz, std::string qemuCpu, double memoryGBps) {
  DeviceDescription board = {std::move(name),
                             std::move(summary),
                             DeviceFamily::CPU,
                             true,
                             "NEON code through LLVM (aarch64 Linux)",
                             "aarch64-unknown-linux-gnu",
                             std::move(cpu),
                             std::move(features),
                             cores,
                             ghz,
                             128,
                             true,
                             std::move(qemuCpu)};
  board.memoryGBps = memoryGBps;
  return board;
}

DeviceDescription planned(std::string name, std::string summary,
                          DeviceFamily family, std::string status,
                          std::string cpu, int cores, double ghz) {
  std::string triple = name == "pynq-z2" ? "armv7a-unknown-linux-gnueabihf"
                                         : "aarch64-unknown-linux-gnu";
  return {std::move(name),
          std::move(summary),
          family,
          false,
          std::move(status),
          triple,
          std::move(cpu),
          "+neon",
          cores,
          ghz,
          128,
          true,
          ""};
}

std::vector<DeviceDescription> buildDevices() {
  return {
      hostDevice(),
      armBoard("rpi4", "Raspberry Pi 4: 4x Cortex-A72 at 1.5 GHz, NEON",
               "cortex-a72", "+neon,+fp-armv8,+crc", 4, 1.5, "cortex-a72",
               /*GB/s, typical of its LPDDR4-3200*/ 4.5),
      armBoard("rpi5",
               "Raspberry Pi 5: 4x Cortex-A76 at 2.4 GHz, NEON with dot "
               "product",
               "cortex-a76", "+neon,+fp-armv8,+crc,+dotprod,+fullfp16,+rcpc", 4,
               2.4, "cortex-a76", /*GB/s, LPDDR4X-4267*/ 10),
      planned("jetson-orin",
              "NVIDIA Jetson AGX Orin: 12x Cortex-A78AE, Ampere GPU sm_87 "
              "(2048 CUDA cores, 64 tensor cores)",
              DeviceFamily::CUDA,
              "CUDA code generation for sm_87 is not built yet", "cortex-a78",
              12, 2.2),
      planned("jetson-orin-nano",
              "NVIDIA Jetson Orin Nano: 6x Cortex-A78AE, Ampere GPU sm_87 "
              "(1024 CUDA cores, 32 tensor cores)",
              DeviceFamily::CUDA,
              "CUDA code generation for sm_87 is not built yet", "cortex-a78",
              6, 1.5),
      planned("coral",
              "Coral Dev Board: Edge TPU (4 TOPS int8), 4x Cortex-A53 "
              "(NXP i.MX 8M)",
              DeviceFamily::EdgeTPU,
              "int8 TFLite generation for the Edge TPU is not built yet",
              "cortex-a53", 4, 1.5),
      planned("zcu104",
              "AMD ZCU104: Zynq UltraScale+ ZU7EV (1728 DSP, 312 BRAM36, 96 "
              "URAM), 4x Cortex-A53",
              DeviceFamily::FPGA, "HLS C++ generation is not built yet",
              "cortex-a53", 4, 1.2),
      planned("ultra96v2",
              "Avnet Ultra96-V2: Zynq UltraScale+ ZU3EG (360 DSP, 216 "
              "BRAM36), 4x Cortex-A53",
              DeviceFamily::FPGA, "HLS C++ generation is not built yet",
              "cortex-a53", 4, 1.2),
      planned("kv260",
              "AMD Kria KV260: Zynq UltraScale+ K26 (1248 DSP, 144 BRAM36, "
              "64 URAM), 4x Cortex-A53",
              DeviceFamily::FPGA, "HLS C++ generation is not built yet",
              "cortex-a53", 4, 1.3),
      planned("pynq-z2",
              "TUL PYNQ-Z2: Zynq-7020 (220 DSP, 140 BRAM36), 2x Cortex-A9",
              DeviceFamily::FPGA, "HLS C++ generation is not built yet",
              "cortex-a9", 2, 0.65),
  };
}

} // namespace

llvm::ArrayRef<DeviceDescription> edgec::allDevices() {
  static const std::vector<DeviceDescription> devices = buildDevices();
  return devices;
}

const DeviceDescription *edgec::findDevice(llvm::StringRef name) {
  for (const DeviceDescription &device : allDevices())
    if (device.name == name)
      return &device;
  return nullptr;
}

std::string DeviceDescription::int8DotProduct() const {
  llvm::SmallVector<llvm::StringRef> list;
  llvm::StringRef(features).split(list, ',');
  auto has = [&](llvm::StringRef f) { return llvm::is_contained(list, f); };
  llvm::Triple arch(triple);
  if (arch.isX86() && vectorBits == 512 && has("+avx512vnni"))
    return "vnni";
  if (arch.isAArch64() && has("+dotprod"))
    return "sdot";
  return "generic";
}

bool edgec::deviceRunsOp(const DeviceDescription &device, llvm::StringRef) {
  return device.available && device.family == DeviceFamily::CPU;
}
