//===- ConvSchedule.cpp - One point of a convolution's search space -------===//

#include "autotuner/ConvSchedule.h"

#include "dialects/conv/Transforms/Algorithms.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

using namespace mlir;

namespace edgec::tuning {

std::string ConvSchedule::str() const {
  if (rows == 0)
    return algorithm;
  return algorithm + " r" + std::to_string(rows) + " v" +
         std::to_string(vectors);
}

std::optional<ConvSchedule> ConvSchedule::parse(llvm::StringRef text) {
  llvm::SmallVector<llvm::StringRef> fields;
  text.split(fields, ' ', -1, /*KeepEmpty=*/false);
  if (fields.empty() || !llvm::is_contained(conv::convAlgorithms(), fields[0]))
    return std::nullopt;
  ConvSchedule schedule;
  schedule.algorithm = fields[0].str();
  if (fields.size() == 1)
    return schedule;
  if (fields.size() != 3 || !fields[1].consume_front("r") ||
      !fields[2].consume_front("v") ||
      fields[1].getAsInteger(10, schedule.rows) ||
      fields[2].getAsInteger(10, schedule.vectors) || schedule.rows < 1 ||
      schedule.vectors < 1)
    return std::nullopt;
  return schedule;
}

DictionaryAttr ConvSchedule::toAttr(MLIRContext *context, int64_t lanes) const {
  Builder b(context);
  SmallVector<NamedAttribute> entries = {
      b.getNamedAttr("algorithm", b.getStringAttr(algorithm))};
  if (rows > 0) {
    entries.push_back(b.getNamedAttr("lanes", b.getI64IntegerAttr(lanes)));
    entries.push_back(b.getNamedAttr("rows", b.getI64IntegerAttr(rows)));
    entries.push_back(b.getNamedAttr("vectors", b.getI64IntegerAttr(vectors)));
  }
  return b.getDictionaryAttr(entries);
}

} // namespace edgec::tuning
