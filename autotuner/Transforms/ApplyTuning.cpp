//===- ApplyTuning.cpp - Tuned schedules onto their convolutions ----------===//

#include "autotuner/Transforms/Passes.h"
#include "autotuner/Workload.h"

#include "dialects/graph/IR/GraphOps.h"

namespace edgec::tuning {
#define GEN_PASS_DEF_APPLYTUNING
#include "autotuner/Transforms/Passes.h.inc"
} // namespace edgec::tuning

using namespace mlir;

namespace {

struct ApplyTuningPass : edgec::tuning::impl::ApplyTuningBase<ApplyTuningPass> {
  void runOnOperation() override {
    auto table = getOperation()->getAttrOfType<DictionaryAttr>(
        edgec::tuning::kTuningAttrName);
    if (!table)
      return;
    getOperation().walk([&](edgec::graph::ConvOp op) {
      if (op->hasAttr("edgec.schedule"))
        return;
      std::string key = edgec::tuning::ConvWorkload::fromOp(op).key();
      if (auto schedule = table.getAs<DictionaryAttr>(key))
        op->setAttr("edgec.schedule", schedule);
    });
  }
};

} // namespace
