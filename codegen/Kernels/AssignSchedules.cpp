//===- AssignSchedules.cpp - Default schedules for kernels ----------------===//

#include "codegen/Kernels/Schedule.h"
#include "codegen/Passes.h"

#include "dialects/conv/IR/ConvOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"

namespace edgec::codegen {
#define GEN_PASS_DEF_ASSIGNSCHEDULES
#include "codegen/Passes.h.inc"
} // namespace edgec::codegen

using namespace mlir;

namespace {

struct AssignSchedulesPass
    : edgec::codegen::impl::AssignSchedulesBase<AssignSchedulesPass> {
  using AssignSchedulesBase::AssignSchedulesBase;

  /// Channels-last tiles: as many accumulators as the register file holds
  /// (32 vector registers on AVX-512 and NEON, 16 with AVX2) with room for
  /// the weight vectors and one broadcast.
  edgec::codegen::KernelSchedule channelsLast(bool depthwise) const {
    edgec::codegen::KernelSchedule schedule;
    schedule.lanes = vectorLength;
    bool fewRegisters = vectorLength == 8;
    schedule.rows = fewRegisters ? 4 : (depthwise ? 4 : 8);
    schedule.vectors = 2;
    return schedule;
  }

  void runOnOperation() override {
    getOperation().walk([&](Operation *op) {
      if (!isa<edgec::conv::DirectOp, edgec::conv::DepthwiseOp,
               edgec::conv::PointwiseOp, edgec::conv::Im2colOp,
               edgec::conv::WinogradOp>(op) ||
          edgec::codegen::KernelSchedule::read(op))
        return;
      channelsLast(isa<edgec::conv::DepthwiseOp>(op)).write(op);
    });
    getOperation().walk([&](linalg::LinalgOp op) {
      if (!isa<linalg::Conv2DNchwFchwOp, linalg::DepthwiseConv2DNchwChwOp,
               linalg::Conv2DNgchwGfchwOp, linalg::MatmulOp,
               linalg::BatchMatmulOp>(op))
        return;
      if (edgec::codegen::KernelSchedule::read(op))
        return;
      edgec::codegen::KernelSchedule schedule;
      schedule.lanes = vectorLength;
      // Depthwise filters share no input rows: widen the row instead.
      bool depthwise = isa<linalg::DepthwiseConv2DNchwChwOp>(op);
      schedule.rows = depthwise ? 1 : 4;
      schedule.vectors = depthwise ? 4 : 2;
      schedule.write(op);
    });
  }
};

} // namespace
