//===- FixedPoint.h - Real factors as multiplier and shift ------*- C++ -*-===//
//
// Integer-only requantization multiplies an int32 accumulator by a real
// factor (input scale x filter scale / output scale). The factor becomes
// m * 2^-s with a 31-bit m, and the product is rounded half up by one
// arithmetic shift in 64 bits: the rule of qtensor.rescale, shared by the
// pass that chooses m and s, the kernels and the tests' references.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_DIALECTS_QTENSOR_IR_FIXEDPOINT_H
#define EDGEC_DIALECTS_QTENSOR_IR_FIXEDPOINT_H

#include <cstdint>
#include <optional>

namespace edgec::qtensor {

struct FixedPoint {
  int32_t multiplier; ///< in [2^30, 2^31), or 0 for a factor under 2^-62
  int32_t shift;      ///< in [1, 62]
};

/// `real` as m * 2^-s with the most precision m has room for; none where
/// the factor is negative, not finite or too large (2^30 or more).
std::optional<FixedPoint> toFixedPoint(double real);

/// (value * m + 2^(s-1)) >> s, the rounding of qtensor.rescale.
int64_t applyFixedPoint(int64_t value, FixedPoint factor);

} // namespace edgec::qtensor

#endif // EDGEC_DIALECTS_QTENSOR_IR_FIXEDPOINT_H
