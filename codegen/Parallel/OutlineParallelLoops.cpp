//===- OutlineParallelLoops.cpp - Parallel loops as runtime tasks ---------===//

#include "codegen/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "mlir/Transforms/RegionUtils.h"
#include "llvm/ADT/SetVector.h"

namespace edgec::codegen {
#define GEN_PASS_DEF_OUTLINEPARALLELLOOPS
#include "codegen/Passes.h.inc"
} // namespace edgec::codegen

using namespace mlir;

namespace {

/// What a task needs from outside its loop: arguments, plus the ops that
/// are rebuilt inside (constants and views of argument buffers), in order.
struct Captures {
  llvm::SetVector<Value> arguments;
  llvm::SetVector<Operation *> rebuilt;
};

/// Adds `value` to `captures`; false when it cannot travel to a task.
bool capture(Value value, Captures &captures) {
  Operation *def = value.getDefiningOp();
  if (def &&
      (matchPattern(def, m_Constant()) || isa<ViewLikeOpInterface>(def))) {
    if (captures.rebuilt.contains(def))
      return true;
    for (Value operand : def->getOperands())
      if (!capture(operand, captures))
        return false;
    captures.rebuilt.insert(def);
    return true;
  }
  Type type = value.getType();
  if (auto memref = dyn_cast<MemRefType>(type)) {
    // Bare pointers carry only identity-layout, static buffers.
    if (!memref.hasStaticShape() || !memref.getLayout().isIdentity())
      return false;
  } else if (!type.isIntOrIndexOrFloat()) {
    return false;
  }
  captures.arguments.insert(value);
  return true;
}

bool isOutlinable(scf::ParallelOp loop) {
  if (loop.getNumLoops() != 1 || loop.getNumResults() != 0 ||
      loop->getParentOfType<scf::ParallelOp>())
    return false;
  return matchPattern(loop.getLowerBound()[0], m_Zero()) &&
         matchPattern(loop.getStep()[0], m_One());
}

LogicalResult outline(scf::ParallelOp loop, func::FuncOp entry,
                      unsigned index) {
  SetVector<Value> above;
  getUsedValuesDefinedAbove(loop.getRegion(), above);
  Captures captures;
  for (Value value : above)
    if (!capture(value, captures))
      return failure();
  // Rebuild in program order, so that definitions precede uses.
  DenseMap<Operation *, unsigned> position;
  entry.walk<WalkOrder::PreOrder>(
      [&](Operation *op) { position[op] = position.size(); });
  SmallVector<Operation *> rebuilt(captures.rebuilt.begin(),
                                   captures.rebuilt.end());
  llvm::sort(rebuilt, [&](Operation *a, Operation *b) {
    return position[a] < position[b];
  });

  OpBuilder b(entry);
  Location loc = loop.getLoc();
  SmallVector<Type> argTypes = {b.getIndexType(), b.getIndexType()};
  for (Value v : captures.arguments)
    argTypes.push_back(v.getType());
  std::string name = (entry.getSymName() + "_task" + Twine(index)).str();
  auto task =
      b.create<func::FuncOp>(loc, name, b.getFunctionType(argTypes, {}));
  task.setPrivate();
  Block *body = task.addEntryBlock();
  OpBuilder tb = OpBuilder::atBlockBegin(body);
  IRMapping mapping;
  for (auto [i, v] : llvm::enumerate(captures.arguments))
    mapping.map(v, body->getArgument(i + 2));
  for (Operation *op : rebuilt)
    tb.clone(*op, mapping);
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
  operands.append(captures.arguments.begin(), captures.arguments.end());
  lb.create<func::CallOp>(loc, dispatch, operands);
  loop.erase();
  return success();
}

struct OutlineParallelLoopsPass
    : edgec::codegen::impl::OutlineParallelLoopsBase<OutlineParallelLoopsPass> {
  void runOnOperation() override {
    SmallVector<func::FuncOp> entries;
    getOperation().walk([&](func::FuncOp f) {
      if (f->hasAttr("edgec.entry"))
        entries.push_back(f);
    });
    for (func::FuncOp entry : entries) {
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
