//===- FixedPoint.cpp - Real factors as multiplier and shift --------------===//

#include "dialects/qtensor/IR/FixedPoint.h"

#include <cmath>

using namespace edgec::qtensor;

std::optional<FixedPoint> edgec::qtensor::toFixedPoint(double real) {
  if (!std::isfinite(real) || real < 0)
    return std::nullopt;
  if (real == 0)
    return FixedPoint{0, 1};
  int exponent = 0;
  double mantissa = std::frexp(real, &exponent); // real = mantissa * 2^e
  int64_t m = std::llround(mantissa * 2147483648.0);
  if (m == 2147483648LL) { // rounded up to 1.0
    m /= 2;
    ++exponent;
  }
  int shift = 31 - exponent;
  if (shift < 1)
    return std::nullopt;
  if (shift > 62) {
    // Tiny factors lose precision bits rather than overflow the shift.
    int drop = shift - 62;
    m = drop >= 31 ? 0 : (m + (int64_t{1} << (drop - 1))) >> drop;
    shift = 62;
  }
  return FixedPoint{static_cast<int32_t>(m), shift};
}

int64_t edgec::qtensor::applyFixedPoint(int64_t value, FixedPoint factor) {
  int64_t product = value * factor.multiplier;
  return (product + (int64_t{1} << (factor.shift - 1))) >> factor.shift;
}
