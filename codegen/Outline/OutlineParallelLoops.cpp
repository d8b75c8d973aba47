//===- OutlineParallelLoops.cpp - Parallel loops as runtime tasks ---------===//

#include "Captures.h"
#include "codegen/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Matchers.h"

namespace edgec::codegen {
#define GEN_PASS_DEF_OUTLINEPARALLELLOOPS
#include "codegen/Passes.h.inc"
} // namespace edgec::codegen

using namespace mlir;

namespace {

bool isOutlinable(scf::ParallelOp loop) {
  if (loop.getNumLoops() != 1 || loop.getNumResults() != 0 ||
      loop->getParentOfType<scf::ParallelOp>())
    return false;
  return matchPattern(loop.getLowerBound()[0], m_Zero()) &&
         matchPattern(loop.getStep()[0], m_One());
}

LogicalResult outline(scf::ParallelOp loop, func::FuncOp entry,
                      unsigned index) {
  edgec::codegen::Captures captures;
  if (failed(captures.collect(loop.getRegion(), entry)))
    return failure();

  OpBuilder b(entry);
  Location loc = loop.getLoc();
  SmallVector<Type> argTypes = {b.getIndexType(), b.getIndexType()};
  for (Value v : captures.arguments())
    argTypes.push_back(v.getType());
  std::string name = (entry.getSymName() + "_task" + Twine(index)).str();
  auto task =
      b.create<func::FuncOp>(loc, name, b.getFunctionType(argTypes, {}));
  task.setPrivate();
  Block *body = task.addEntryBlock();
  OpBuilder tb = OpBuilder::atBlockBegin(body);
  IRMapping mapping;
  captures.rebuild(tb, body->getArguments().drop_front(2), mapping);
  Value one = tb.create<arith::ConstantIndexOp>(loc, 1);
  tb.create<scf::ForOp>(
      loc, body->getArgument(0), body->getArgument(1), one, ValueRange{},
      [&](OpBuilder &fb, Location, Value iv, ValueRange) {
        mapping.map(loop.getInductionVars()[0], iv);
        for (Operation &op : loop.getBody()->without_terminator())
          fb.clone(op, mapping);
        fb.create<scf::YieldOp>(loc);
      });
  tb.create<func::ReturnOp>(loc);

  // The dispatcher, defined by the LLVM back end.
  SmallVector<Type> dispatchTypes = {b.getIndexType()};
  dispatchTypes.append(argTypes.begin() + 2, argTypes.end());
  auto dispatch = b.create<func::FuncOp>(loc, "edgec_dispatch." + name,
                                         b.getFunctionType(dispatchTypes, {}));
  dispatch.setPrivate();
  OpBuilder lb(loop);
  SmallVector<Value> operands = {loop.getUpperBound()[0]};
  llvm::append_range(operands, captures.arguments());
  lb.create<func::CallOp>(loc, dispatch, operands);
  loop.erase();
  return success();
}

struct OutlineParallelLoopsPass
    : edgec::codegen::impl::OutlineParallelLoopsBase<OutlineParallelLoopsPass> {
  void runOnOperation() override {
    for (Operation *op : edgec::codegen::entryFunctions(getOperation())) {
      auto entry = cast<func::FuncOp>(op);
      SmallVector<scf::ParallelOp> loops;
      entry.walk([&](scf::ParallelOp loop) {
        if (isOutlinable(loop))
          loops.push_back(loop);
      });
      unsigned index = 0;
      // A loop that cannot be outlined stays sequential.
      for (scf::ParallelOp loop : loops)
        if (succeeded(outline(loop, entry, index)))
          ++index;
    }
  }
};

} // namespace
