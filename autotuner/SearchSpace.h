//===- SearchSpace.h - The schedules a convolution can take -----*- C++ -*-===//
//
// Every candidate generated here compiles and is worth measuring: an
// algorithm that applies to the convolution, and a register tile whose
// accumulators, filter vectors and broadcast fit the device's vector
// registers, no wider than the output channels and no longer than a row.
// Invalid points are never generated, so no measurement is wasted on them.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_AUTOTUNER_SEARCHSPACE_H
#define EDGEC_AUTOTUNER_SEARCHSPACE_H

#include "autotuner/ConvSchedule.h"
#include "edgec/Targets/Device.h"

#include <vector>

namespace edgec::graph {
class ConvOp;
} // namespace edgec::graph

namespace edgec::tuning {

/// The candidates for `op` on `device`, in a fixed order.
std::vector<ConvSchedule> searchSpace(graph::ConvOp op,
                                      const DeviceDescription &device);

/// The compiler's own choice for `op` on `device` as a point of the space
/// (its algorithm and the kernel's default tile), for the cost model to
/// rank the default among the candidates.
ConvSchedule defaultSchedule(graph::ConvOp op, const DeviceDescription &device);

/// Whether `schedule` is a point of that space.
bool inSearchSpace(graph::ConvOp op, const DeviceDescription &device,
                   const ConvSchedule &schedule);

} // namespace edgec::tuning

#endif // EDGEC_AUTOTUNER_SEARCHSPACE_H
