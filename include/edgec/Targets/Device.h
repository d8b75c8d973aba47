//===- Device.h - The named devices edgec compiles for ----------*- C++ -*-===//
//
// A user names a device, not an ISA: `--target=rpi4`. Each description says
// what the device is, what edgec can do for it today, and the numbers that
// code generation and (later) the analytic cost model read from it.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_TARGETS_DEVICE_H
#define EDGEC_TARGETS_DEVICE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace edgec {

enum class DeviceFamily { CPU, CUDA, EdgeTPU, FPGA };

llvm::StringRef deviceFamilyName(DeviceFamily family);

struct DeviceDescription {
  std::string name;    ///< the --target spelling
  std::string summary; ///< the board and its processors
  DeviceFamily family;
  /// True when edgec compiles for it today; otherwise `status` says what is
  /// missing.
  bool available;
  std::string status;

  // The CPU that runs generated code (the host CPU of an accelerator).
  std::string triple, cpu, features;
  int cores;
  double clockGHz;
  /// Width of one SIMD register in bits (128 for NEON, 256 or 512 on x86).
  int vectorBits;
  /// How `edgec run` executes code for it: natively or under qemu.
  bool emulated;
  std::string qemuCpu;

  // What the analytic cost model reads: one core's FMA issue rate and the
  // registers its kernels tile into, and the memory bandwidth of the device
  // (published or typical figures for boards; estimates for the host).
  int vectorRegisters = 32;
  int fmaPerCycle = 2;
  double memoryGBps = 10;

  /// float32 lanes of one SIMD register.
  int vectorLanes() const { return vectorBits / 32; }
  /// The instruction int8 kernels multiply-accumulate with: "vnni"
  /// (AVX-512 VNNI's VPDPBUSD), "sdot" (Arm's dot product) or "generic"
  /// (widening multiplies, everywhere else).
  std::string int8DotProduct() const;
};

/// Every named device, `host` first.
llvm::ArrayRef<DeviceDescription> allDevices();

/// The device called `name`, or null.
const DeviceDescription *findDevice(llvm::StringRef name);

/// Whether code generation for `device` handles ONNX operator `opType` (one
/// the importer supports). CPU devices run every imported operator; the
/// accelerator families will list theirs, with the rest on their host CPU.
bool deviceRunsOp(const DeviceDescription &device, llvm::StringRef opType);

} // namespace edgec

#endif // EDGEC_TARGETS_DEVICE_H
