//===- CostModel.cpp - The analytic (roofline) cost model -----------------===//

#include "autotuner/CostModel.h"

#include <algorithm>
#include <cmath>

namespace edgec::tuning {
namespace {

/// FMA latency in cycles of the cores edgec targets (Skylake and later,
/// Cortex-A72/A76): a tile needs latency x issue rate accumulators in
/// flight to reach the peak.
constexpr double kFmaLatency = 4;
/// Vector loads issued per cycle.
constexpr double kLoadsPerCycle = 2;

/// Fraction of the FMA peak a rows x vectors tile reaches: per reduction
/// step it issues rows x vectors FMAs, needs `loads` loads, and cannot go
/// faster than the FMA latency allows.
double tileEfficiency(double rows, double vectors, double loads,
                      double fmaPerCycle) {
  double fmas = rows * vectors;
  double cycles =
      std::max({fmas / fmaPerCycle, loads / kLoadsPerCycle, kFmaLatency * 1.0});
  return fmas / fmaPerCycle / cycles;
}

/// Fraction of the computed lanes that are useful when `extent` is covered
/// by tiles of `tile`.
double utilization(double extent, double tile) {
  return extent / (std::ceil(extent / tile) * tile);
}

} // namespace

double predictMs(const ConvWorkload &w, const ConvSchedule &s,
                 const DeviceDescription &device) {
  double lanes = device.vectorLanes();
  double ghz = device.clockGHz > 0 ? device.clockGHz : 2.0;
  double peakMacs = ghz * 1e9 * device.fmaPerCycle * lanes;
  double bandwidth = device.memoryGBps * 1e9;
  auto out = w.outputShape();
  double macs = static_cast<double>(w.macs());
  double bytes = static_cast<double>(w.bytes());
  double channels = static_cast<double>(w.weight[0]) / w.group;
  double rowPixels = static_cast<double>(out.back());

  double compute = 0, memory = bytes / bandwidth;
  if (s.algorithm.rfind("winograd", 0) == 0) {
    // Multiplies per output drop by m^2 x 9 / (m + 2)^2; the transforms
    // stream the (m + 2)^2 / m^2 larger tiles through memory several times.
    double m = s.algorithm == "winograd2" ? 2 : 4;
    double tileGrowth = (m + 2) * (m + 2) / (m * m);
    double products = macs * tileGrowth / 9;
    compute =
        products / (peakMacs * tileEfficiency(4, 2, 6, device.fmaPerCycle));
    memory += 4 * tileGrowth * bytes / bandwidth;
  } else {
    bool depthwise = s.algorithm == "depthwise";
    if (depthwise)
      channels = static_cast<double>(w.weight[0]);
    if (s.algorithm == "pointwise" || s.algorithm == "im2col")
      rowPixels = macs / (channels * w.weight[1] * w.weight[2] *
                          (w.weight.size() > 3 ? w.weight[3] : 1));
    // Depthwise loads an input vector per accumulator; the others
    // broadcast one value per row and load one filter vector per column.
    double loads =
        depthwise ? s.rows * s.vectors + s.vectors : s.rows + s.vectors;
    double efficiency =
        tileEfficiency(s.rows, s.vectors, loads, device.fmaPerCycle) *
        utilization(channels, s.vectors * lanes) *
        utilization(rowPixels, s.rows);
    compute = macs / (peakMacs * efficiency);
    if (s.algorithm == "im2col")
      // The patch matrix is written once and read once.
      memory += 2.0 * 4 * macs / channels / bandwidth;
  }
  return 1e3 * std::max(compute, memory);
}

} // namespace edgec::tuning
