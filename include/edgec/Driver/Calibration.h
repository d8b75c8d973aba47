//===- Calibration.h - Activation ranges from calibration samples -*- C++
//-*-===//
//
// What post-training quantization learns of each activation tensor from the
// calibration samples, and the calibrators that turn it into a range:
//
//   minmax      the smallest and largest value seen;
//   percentile  |x| clipped at the 99.99th percentile of its histogram;
//   entropy     |x| clipped where the 8-bit quantized histogram loses the
//               least information (Kullback-Leibler divergence to the
//               clipped reference, the TensorRT calibration scheme).
//
// Ranges always hold 0, so that zero padding is exact.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_DRIVER_CALIBRATION_H
#define EDGEC_DRIVER_CALIBRATION_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace edgec {

/// Every calibrator's name, as --calibrator spells it.
llvm::ArrayRef<llvm::StringRef> calibrators();

class ActivationStatistics {
public:
  static constexpr int kBins = 2048;

  /// First pass over the samples: the extremes.
  void observeRange(const float *values, int64_t count);
  /// Second pass (percentile and entropy): the histogram of the nonzero
  /// |x| over [0, max |x|] in kBins bins.
  void observeHistogram(const float *values, int64_t count);

  /// The range `calibrator` chooses, widened to hold 0.
  std::pair<double, double> range(llvm::StringRef calibrator) const;

private:
  double lo_ = 0, hi_ = 0;
  std::vector<double> histogram_;
};

/// The |x| below which `fraction` of the histogram's mass lies (the upper
/// edge of the bin that reaches it).
double percentileThreshold(llvm::ArrayRef<double> histogram, double binWidth,
                           double fraction);

/// The |x| at which clipping the histogram and quantizing it to `levels`
/// levels diverges least from the clipped histogram (KL divergence).
double entropyThreshold(llvm::ArrayRef<double> histogram, double binWidth,
                        int levels);

} // namespace edgec

#endif // EDGEC_DRIVER_CALIBRATION_H
