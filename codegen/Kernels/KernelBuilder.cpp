//===- KernelBuilder.cpp - Loop and index helpers for kernels -------------===//

#include "codegen/Kernels/KernelBuilder.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;

namespace edgec::codegen {

Value KernelBuilder::index(OpBuilder &b, int64_t v) const {
  return b.create<arith::ConstantIndexOp>(loc_, v);
}

Value KernelBuilder::add(OpBuilder &b, Value x, int64_t c) const {
  return c == 0 ? x : b.create<arith::AddIOp>(loc_, x, index(b, c));
}

Value KernelBuilder::add(OpBuilder &b, Value x, Value y) const {
  return b.create<arith::AddIOp>(loc_, x, y);
}

Value KernelBuilder::mul(OpBuilder &b, Value x, int64_t c) const {
  return c == 1 ? x : b.create<arith::MulIOp>(loc_, x, index(b, c));
}

void KernelBuilder::loop(OpBuilder &b, int64_t lo, int64_t hi, int64_t step,
                         Body body) const {
  if (hi - lo <= step) {
    body(b, index(b, lo), step);
    return;
  }
  b.create<scf::ForOp>(loc_, index(b, lo), index(b, hi), index(b, step),
                       ValueRange{},
                       [&](OpBuilder &nb, Location, Value iv, ValueRange) {
                         body(nb, iv, step);
                         nb.create<scf::YieldOp>(loc_);
                       });
}

void KernelBuilder::parallel(
    OpBuilder &b, int64_t count,
    function_ref<void(OpBuilder &, Value)> body) const {
  if (count == 1) {
    body(b, index(b, 0));
    return;
  }
  b.create<scf::ParallelOp>(
      loc_, ValueRange{index(b, 0)}, ValueRange{index(b, count)},
      ValueRange{index(b, 1)},
      [&](OpBuilder &nb, Location, ValueRange ivs) { body(nb, ivs[0]); });
}

void KernelBuilder::tiles(OpBuilder &b, int64_t extent, int64_t tile,
                          Body body) const {
  int64_t full = extent / tile * tile;
  if (full > 0)
    loop(b, 0, full, tile, body);
  if (extent > full)
    body(b, index(b, full), extent - full);
}

SmallVector<int64_t> KernelBuilder::vectorWidths(int64_t width, int64_t lanes) {
  SmallVector<int64_t> widths;
  for (int64_t done = 0; done < width; done += lanes)
    widths.push_back(std::min(lanes, width - done));
  return widths;
}

} // namespace edgec::codegen
