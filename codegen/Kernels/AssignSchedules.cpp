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

  void runOnOperation() override {
    getOperation().walk([&](Operation *op) {
      if (!isa<edgec::conv::DirectOp, edgec::conv::DepthwiseOp,
               edgec::conv::PointwiseOp, edgec::conv::Im2colOp,
               edgec::conv::WinogradOp, edgec::conv::IntegerOp>(op) ||
          edgec::codegen::KernelSchedule::read(op))
        return;
      // int8 kernels keep int32 accumulators: as many lanes as float32.
      auto integer = dyn_cast<edgec::conv::IntegerOp>(op);
      edgec::codegen::KernelSchedule::channelsLastDefault(
          vectorLength, isa<edgec::conv::DepthwiseOp>(op) ||
                            (integer && integer.getDepthwise()))
          .write(op);
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
