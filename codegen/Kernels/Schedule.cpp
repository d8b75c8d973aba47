//===- Schedule.cpp - The tunable parameters of one kernel ----------------===//

#include "codegen/Kernels/Schedule.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"

using namespace mlir;

namespace edgec::codegen {

KernelSchedule KernelSchedule::channelsLastDefault(int64_t lanes,
                                                   bool depthwise) {
  KernelSchedule schedule;
  schedule.lanes = lanes;
  bool fewRegisters = lanes == 8;
  schedule.rows = fewRegisters ? 4 : (depthwise ? 4 : 8);
  schedule.vectors = 2;
  return schedule;
}

std::optional<KernelSchedule> KernelSchedule::read(Operation *op) {
  auto dict = op->getAttrOfType<DictionaryAttr>(kAttrName);
  if (!dict)
    return std::nullopt;
  KernelSchedule schedule;
  for (auto [name, field] :
       {std::pair{"lanes", &schedule.lanes}, std::pair{"rows", &schedule.rows},
        std::pair{"vectors", &schedule.vectors}}) {
    auto value = dict.getAs<IntegerAttr>(name);
    if (!value)
      return std::nullopt;
    *field = value.getInt();
  }
  if (!schedule.isValid())
    return std::nullopt;
  return schedule;
}

void KernelSchedule::write(Operation *op) const {
  Builder b(op->getContext());
  op->setAttr(kAttrName,
              b.getDictionaryAttr({
                  b.getNamedAttr("rows", b.getI64IntegerAttr(rows)),
                  b.getNamedAttr("lanes", b.getI64IntegerAttr(lanes)),
                  b.getNamedAttr("vectors", b.getI64IntegerAttr(vectors)),
              }));
}

bool KernelSchedule::isValid() const {
  // Past 32 accumulators no register file holds the tile.
  return lanes >= 1 && lanes <= 64 && rows >= 1 && vectors >= 1 &&
         rows * vectors <= 32;
}

} // namespace edgec::codegen
