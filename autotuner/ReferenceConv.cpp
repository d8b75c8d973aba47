//===- ReferenceConv.cpp - Plain-loop convolution to check against --------===//

#include "autotuner/ReferenceConv.h"

#include <cmath>

namespace edgec::tuning {

std::vector<float> referenceConv(const ConvWorkload &w,
                                 llvm::ArrayRef<float> input) {
  // 1-D workloads are 2-D ones of height 1.
  bool twoD = w.input.size() == 4;
  auto at = [&](llvm::ArrayRef<int64_t> v, size_t i, int64_t oneD) {
    return twoD ? v[i] : oneD;
  };
  int64_t n = w.input[0], c = w.input[1], h = at(w.input, 2, 1),
          wd = w.input.back();
  int64_t f = w.weight[0], cg = w.weight[1], kh = at(w.weight, 2, 1),
          kw = w.weight.back();
  int64_t sh = at(w.strides, 0, 1), sw = w.strides.back();
  int64_t dh = at(w.dilations, 0, 1), dw = w.dilations.back();
  size_t s = w.input.size() - 2;
  int64_t ph = twoD ? w.pads[0] : 0, pw = w.pads[s - 1];
  llvm::SmallVector<int64_t, 4> out = w.outputShape();
  int64_t oh = at(out, 2, 1), ow = out.back();
  int64_t fg = f / w.group;
  auto [filter, bias] = w.seededWeights();
  // NHWC for 2-D (the model's layout), NCW for 1-D.
  auto inIndex = [&](int64_t b, int64_t ch, int64_t y, int64_t x) {
    return twoD ? ((b * h + y) * wd + x) * c + ch : (b * c + ch) * wd + x;
  };
  auto outIndex = [&](int64_t b, int64_t ch, int64_t y, int64_t x) {
    return twoD ? ((b * oh + y) * ow + x) * f + ch : (b * f + ch) * ow + x;
  };
  std::vector<float> result(n * f * oh * ow);
  for (int64_t b = 0; b < n; ++b)
    for (int64_t o = 0; o < f; ++o) {
      int64_t g = o / fg;
      for (int64_t y = 0; y < oh; ++y)
        for (int64_t x = 0; x < ow; ++x) {
          double sum = bias.empty() ? 0.0 : bias[o];
          for (int64_t k = 0; k < cg; ++k)
            for (int64_t i = 0; i < kh; ++i) {
              int64_t iy = y * sh - ph + i * dh;
              if (iy < 0 || iy >= h)
                continue;
              for (int64_t j = 0; j < kw; ++j) {
                int64_t ix = x * sw - pw + j * dw;
                if (ix < 0 || ix >= wd)
                  continue;
                sum += static_cast<double>(
                           filter[((o * cg + k) * kh + i) * kw + j]) *
                       input[inIndex(b, g * cg + k, iy, ix)];
              }
            }
          result[outIndex(b, o, y, x)] = static_cast<float>(sum);
        }
    }
  return result;
}

double relativeL2(llvm::ArrayRef<float> got, llvm::ArrayRef<float> want) {
  if (got.size() != want.size())
    return INFINITY;
  double difference = 0, norm = 0;
  for (size_t i = 0; i < want.size(); ++i) {
    double d = static_cast<double>(got[i]) - want[i];
    difference += d * d;
    norm += static_cast<double>(want[i]) * want[i];
  }
  if (std::isnan(difference))
    return INFINITY;
  return norm == 0 ? std::sqrt(difference) : std::sqrt(difference / norm);
}

double toleranceFor(llvm::StringRef algorithm) {
  if (algorithm == "winograd2")
    return 2e-6;
  if (algorithm == "winograd4")
    return 1.2e-5;
  return 1e-5;
}

} // namespace edgec::tuning
