//===- Calibration.cpp - Activation ranges from calibration samples -------===//

#include "edgec/Driver/Calibration.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace edgec;

llvm::ArrayRef<llvm::StringRef> edgec::calibrators() {
  static const llvm::StringRef names[] = {"minmax", "percentile", "entropy"};
  return names;
}

void ActivationStatistics::observeRange(const float *values, int64_t count) {
  for (int64_t i = 0; i < count; ++i) {
    lo_ = std::min<double>(lo_, values[i]);
    hi_ = std::max<double>(hi_, values[i]);
  }
}

void ActivationStatistics::observeHistogram(const float *values,
                                            int64_t count) {
  double maxAbs = std::max(-lo_, hi_);
  if (histogram_.empty())
    histogram_.assign(kBins, 0.0);
  if (!(maxAbs > 0))
    return;
  double perBin = kBins / maxAbs;
  for (int64_t i = 0; i < count; ++i) {
    // Exact zeros (half of a ReLU's outputs) stay exact under every
    // threshold; counted, they would make the entropy search spend its
    // levels on resolving the bins next to zero.
    if (values[i] == 0)
      continue;
    auto bin = static_cast<int64_t>(std::fabs(values[i]) * perBin);
    histogram_[std::min<int64_t>(bin, kBins - 1)] += 1;
  }
}

std::pair<double, double>
ActivationStatistics::range(llvm::StringRef calibrator) const {
  double maxAbs = std::max(-lo_, hi_);
  if (calibrator == "minmax" || histogram_.empty() || !(maxAbs > 0))
    return {lo_, hi_};
  double width = maxAbs / kBins;
  // One-sided tensors (after a ReLU) spend all 256 levels on [0, T].
  double threshold =
      calibrator == "percentile"
          ? percentileThreshold(histogram_, width, 0.9999)
          : entropyThreshold(histogram_, width, lo_ >= 0 ? 255 : 128);
  return {std::max(lo_, -threshold), std::min(hi_, threshold)};
}

double edgec::percentileThreshold(llvm::ArrayRef<double> histogram,
                                  double binWidth, double fraction) {
  double total = 0;
  for (double c : histogram)
    total += c;
  double seen = 0;
  for (size_t i = 0; i < histogram.size(); ++i) {
    seen += histogram[i];
    if (seen >= fraction * total)
      return (i + 1) * binWidth;
  }
  return histogram.size() * binWidth;
}

namespace {

/// KL(p || q), both normalized here. Bins where only p has mass get a
/// small share of q's (taken evenly from its other bins), so that
/// clipping a few outliers costs what they weigh rather than infinity.
double divergence(llvm::ArrayRef<double> p, std::vector<double> q) {
  constexpr double kEpsilon = 1e-4;
  double pTotal = 0, qTotal = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    pTotal += p[i];
    qTotal += q[i];
  }
  if (!(pTotal > 0) || !(qTotal > 0))
    return std::numeric_limits<double>::infinity();
  int64_t missing = 0, present = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] > 0 && q[i] == 0)
      ++missing;
    present += q[i] > 0;
  }
  double take = present ? kEpsilon * missing / present : 0;
  double kl = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == 0)
      continue;
    double qi = q[i] > 0 ? q[i] / qTotal - take : kEpsilon;
    if (!(qi > 0))
      return std::numeric_limits<double>::infinity();
    double pi = p[i] / pTotal;
    kl += pi * std::log(pi / qi);
  }
  return kl;
}

} // namespace

double edgec::entropyThreshold(llvm::ArrayRef<double> histogram,
                               double binWidth, int levels) {
  int64_t bins = histogram.size();
  if (bins <= levels)
    return bins * binWidth;
  double best = std::numeric_limits<double>::infinity();
  int64_t bestEnd = bins;
  std::vector<double> reference, quantized;
  for (int64_t end = levels; end <= bins; ++end) {
    // The reference: the first `end` bins, outliers folded into the last.
    reference.assign(histogram.begin(), histogram.begin() + end);
    for (int64_t i = end; i < bins; ++i)
      reference[end - 1] += histogram[i];
    // Quantized: `levels` groups of the clipped bins (outliers left out),
    // each group's mass spread evenly over the bins the reference fills.
    quantized.assign(end, 0.0);
    for (int level = 0; level < levels; ++level) {
      int64_t first = level * end / levels;
      int64_t last = (level + 1) * end / levels;
      double mass = 0;
      int64_t used = 0;
      for (int64_t i = first; i < last; ++i) {
        mass += histogram[i];
        used += reference[i] > 0;
      }
      for (int64_t i = first; i < last; ++i)
        if (reference[i] > 0)
          quantized[i] = mass / used;
    }
    // The outliers folded into the reference's last bin are what
    // clipping costs; the rounding of the levels, what not clipping does.
    double kl = divergence(reference, quantized);
    if (kl < best) {
      best = kl;
      bestEnd = end;
    }
  }
  return (bestEnd + 0.5) * binWidth;
}
