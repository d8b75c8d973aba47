//===- CostModel.h - The analytic (roofline) cost model ---------*- C++ -*-===//
//
// Predicts a schedule's time from the device's description alone, so that
// it ranks candidates for devices nothing can be measured on: the larger of
// the compute time (MACs over the FMA peak, derated by how well the
// register tile keeps the FMA units fed and by the lanes remainders waste)
// and the memory time (bytes over bandwidth). It ranks; it does not promise
// absolute times.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_AUTOTUNER_COSTMODEL_H
#define EDGEC_AUTOTUNER_COSTMODEL_H

#include "autotuner/ConvSchedule.h"
#include "autotuner/Workload.h"
#include "edgec/Targets/Device.h"

namespace edgec::tuning {

/// Predicted milliseconds of one single-threaded run of `workload` with
/// `schedule` on `device`.
double predictMs(const ConvWorkload &workload, const ConvSchedule &schedule,
                 const DeviceDescription &device);

} // namespace edgec::tuning

#endif // EDGEC_AUTOTUNER_COSTMODEL_H
