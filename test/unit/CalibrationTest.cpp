//===- CalibrationTest.cpp - Activation ranges from calibration samples ---===//

#include "edgec/Driver/Calibration.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

using namespace edgec;

namespace {

/// 100000 values uniform in [0, 1) and one outlier at 1000.
std::vector<float> uniformWithOutlier() {
  std::mt19937 rng(3);
  std::uniform_real_distribution<float> uniform(0.0f, 1.0f);
  std::vector<float> values(100000);
  for (float &v : values)
    v = uniform(rng);
  values.push_back(1000.0f);
  return values;
}

ActivationStatistics observe(const std::vector<float> &values) {
  ActivationStatistics s;
  s.observeRange(values.data(), values.size());
  s.observeHistogram(values.data(), values.size());
  return s;
}

TEST(Calibration, PercentileOfAUniformHistogram) {
  std::vector<double> histogram(100, 1.0);
  EXPECT_DOUBLE_EQ(percentileThreshold(histogram, 0.5, 0.5), 25.0);
  EXPECT_DOUBLE_EQ(percentileThreshold(histogram, 0.5, 1.0), 50.0);
}

TEST(Calibration, MinmaxKeepsTheOutlierAndHoldsZero) {
  auto [lo, hi] = observe(uniformWithOutlier()).range("minmax");
  EXPECT_EQ(lo, 0.0); // widened to hold 0 (all values are >= 0)
  EXPECT_EQ(hi, 1000.0);
}

TEST(Calibration, PercentileClipsTheOutlier) {
  auto [lo, hi] = observe(uniformWithOutlier()).range("percentile");
  EXPECT_EQ(lo, 0.0);
  // The 99.99th percentile of |x| is the upper edge of the bin holding
  // 1.0: bins are 1000 / 2048 wide.
  EXPECT_NEAR(hi, 1.0, 1000.0 / 2048);
}

TEST(Calibration, EntropyClipsTheOutlier) {
  auto [lo, hi] = observe(uniformWithOutlier()).range("entropy");
  EXPECT_EQ(lo, 0.0);
  // Spending 255 levels on [0, 1000] would leave the bulk of the values 2
  // levels; clipping costs one outlier. The search starts at one bin per
  // level (255 of 2048 bins: 124.8), the scheme's smallest threshold.
  EXPECT_NEAR(hi, 255.5 * 1000.0 / 2048, 1e-9);
}

TEST(Calibration, EntropyClipsALongTail) {
  // |Laplace(1)|: a long tail the 255 levels should not all be spent on.
  std::mt19937 rng(5);
  std::exponential_distribution<float> tail(1.0f);
  std::vector<float> values(200000);
  for (float &v : values)
    v = tail(rng);
  ActivationStatistics s = observe(values);
  double max = s.range("minmax").second;
  auto [lo, hi] = s.range("entropy");
  EXPECT_EQ(lo, 0.0);
  EXPECT_LT(hi, 0.9 * max);
  EXPECT_GT(hi, 4.0); // past the 98th percentile
}

TEST(Calibration, EntropyKeepsAWellSpreadRange) {
  // Values spread evenly up to 10: nothing to clip.
  std::vector<float> values;
  for (int i = 0; i <= 20000; ++i)
    values.push_back(i * 10.0f / 20000);
  auto [lo, hi] = observe(values).range("entropy");
  EXPECT_GT(hi, 9.5);
}

TEST(Calibration, SignedTensorsClipBothSides) {
  std::vector<float> values = uniformWithOutlier();
  for (float &v : values)
    v -= 0.5f; // [-0.5, 0.5) and an outlier at 999.5
  values.push_back(-999.5f);
  auto [lo, hi] = observe(values).range("percentile");
  EXPECT_LT(lo, -0.4);
  EXPECT_GT(lo, -1.5);
  EXPECT_LT(hi, 1.5);
}

} // namespace
