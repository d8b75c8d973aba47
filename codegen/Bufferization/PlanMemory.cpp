//===- PlanMemory.cpp - One arena for the intermediate buffers ------------===//

#include "codegen/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Interfaces/CastInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

namespace edgec::codegen {
#define GEN_PASS_DEF_PLANMEMORY
#include "codegen/Passes.h.inc"
} // namespace edgec::codegen

using namespace mlir;

namespace {

constexpr int64_t kAlignment = 64;

struct Buffer {
  memref::AllocOp alloc;
  int64_t bytes = 0;
  unsigned first = 0, last = 0; // positions in the block, inclusive
  int64_t offset = 0;
  /// The buffer whose space this one takes over in place (same offset).
  Buffer *inPlaceOf = nullptr;
  bool reused = false;
};

/// Whether `generic` may write `init` in the buffer of `input`, which dies
/// there: with parallel loops and identity maps for both, each element is
/// read before the same element is written, and by no other iteration.
bool mayWriteInPlace(linalg::GenericOp generic, OpOperand &input,
                     OpOperand &init) {
  return generic.getNumLoops() == generic.getNumParallelLoops() &&
         generic.getMatchingIndexingMap(&input).isIdentity() &&
         generic.getMatchingIndexingMap(&init).isIdentity();
}

int64_t byteSize(MemRefType type) {
  int64_t bits = type.getElementTypeBitWidth();
  return llvm::alignTo(type.getNumElements() * ((bits + 7) / 8), kAlignment);
}

/// Places buffers largest first at the lowest offset where no buffer with
/// an overlapping lifetime is; returns the arena's size. A buffer written in
/// place of another shares its offset, and the two are placed as one.
int64_t place(MutableArrayRef<Buffer> buffers) {
  auto root = [](Buffer *b) {
    while (b->inPlaceOf)
      b = b->inPlaceOf;
    return b;
  };
  for (Buffer &b : buffers)
    if (b.inPlaceOf)
      root(&b)->last = std::max(root(&b)->last, b.last);
  SmallVector<Buffer *> order;
  for (Buffer &b : buffers)
    if (!b.inPlaceOf)
      order.push_back(&b);
  llvm::stable_sort(order,
                    [](Buffer *a, Buffer *b) { return a->bytes > b->bytes; });
  SmallVector<Buffer *> placed;
  int64_t arena = 0;
  for (Buffer *b : order) {
    SmallVector<std::pair<int64_t, int64_t>> taken;
    for (Buffer *p : placed)
      if (p->first <= b->last && b->first <= p->last)
        taken.push_back({p->offset, p->offset + p->bytes});
    llvm::sort(taken);
    int64_t offset = 0;
    for (auto [lo, hi] : taken) {
      if (offset + b->bytes <= lo)
        break;
      offset = std::max(offset, hi);
    }
    b->offset = offset;
    arena = std::max(arena, offset + b->bytes);
    placed.push_back(b);
  }
  for (Buffer &b : buffers)
    b.offset = root(&b)->offset;
  return arena;
}

/// Lets the result of an elementwise op take the buffer of a same-sized
/// input whose lifetime ends at that op, when both are used directly (not
/// through views, whose layouts the identity maps do not describe).
void reuseInPlace(Block &block, DenseMap<Operation *, unsigned> &position,
                  MutableArrayRef<Buffer> buffers) {
  DenseMap<Value, Buffer *> byValue;
  for (Buffer &b : buffers)
    byValue[b.alloc.getResult()] = &b;
  auto viewed = [](Buffer *b) {
    return llvm::any_of(b->alloc->getUsers(), [](Operation *u) {
      return isa<ViewLikeOpInterface, CastOpInterface>(u);
    });
  };
  for (Buffer &out : buffers) {
    if (viewed(&out))
      continue;
    for (Operation *user : out.alloc->getUsers()) {
      auto generic = dyn_cast<linalg::GenericOp>(user);
      if (!generic || block.findAncestorOpInBlock(*user) != user ||
          position[user] != out.first)
        continue;
      for (OpOperand &init : generic.getDpsInitsMutable()) {
        if (init.get() != out.alloc.getResult())
          continue;
        for (OpOperand *input : generic.getDpsInputOperands()) {
          Buffer *in = byValue.lookup(input->get());
          if (!in || in == &out || in->reused || out.inPlaceOf ||
              in->last != out.first ||
              in->alloc.getType() != out.alloc.getType() || viewed(in) ||
              !mayWriteInPlace(generic, *input, init))
            continue;
          in->reused = true;
          out.inPlaceOf = in;
        }
      }
    }
  }
}

struct PlanMemoryPass : edgec::codegen::impl::PlanMemoryBase<PlanMemoryPass> {
  void runOnOperation() override {
    getOperation().walk([&](func::FuncOp f) {
      if (f->hasAttr("edgec.entry"))
        plan(f);
    });
  }

  void plan(func::FuncOp entry) {
    Block &block = entry.getBody().front();
    DenseMap<Operation *, unsigned> position;
    for (Operation &op : block)
      position[&op] = position.size();
    SmallVector<Buffer> buffers;
    for (Operation &op : block) {
      auto alloc = dyn_cast<memref::AllocOp>(op);
      if (!alloc || !alloc.getType().hasStaticShape() ||
          !alloc.getType().getLayout().isIdentity())
        continue;
      Buffer buffer{alloc, byteSize(alloc.getType()), ~0u, 0, 0};
      // The lifetime runs from the first to the last use of the buffer or
      // of any view of it: an allocation holds no data until written.
      // Deallocations may sit anywhere after that (MLIR's pipeline puts
      // them at the end): they do not extend it.
      SmallVector<Value> aliases = {alloc.getResult()};
      while (!aliases.empty()) {
        Value value = aliases.pop_back_val();
        for (Operation *user : value.getUsers()) {
          if (isa<memref::DeallocOp>(user))
            continue;
          if (isa<ViewLikeOpInterface, CastOpInterface>(user))
            for (Value result : user->getResults())
              if (isa<BaseMemRefType>(result.getType()))
                aliases.push_back(result);
          Operation *top = block.findAncestorOpInBlock(*user);
          buffer.first = std::min(buffer.first, position[top]);
          buffer.last = std::max(buffer.last, position[top]);
        }
      }
      if (buffer.first == ~0u)
        buffer.first = buffer.last = position[&op];
      buffers.push_back(buffer);
    }
    reuseInPlace(block, position, buffers);
    int64_t naive = 0;
    for (const Buffer &b : buffers)
      naive += b.bytes;
    int64_t arena = place(buffers);

    OpBuilder builder(entry.getContext());
    auto scratchType = MemRefType::get({arena}, builder.getI8Type());
    unsigned index = entry.getNumArguments();
    (void)entry.insertArgument(index, scratchType,
                               builder.getDictionaryAttr(builder.getNamedAttr(
                                   "edgec.scratch", builder.getUnitAttr())),
                               entry.getLoc());
    Value scratch = entry.getArgument(index);
    for (Buffer &b : buffers) {
      builder.setInsertionPoint(b.alloc);
      Value offset =
          builder.create<arith::ConstantIndexOp>(b.alloc.getLoc(), b.offset);
      Value view = builder.create<memref::ViewOp>(
          b.alloc.getLoc(), b.alloc.getType(), scratch, offset, ValueRange{});
      for (Operation *user : llvm::make_early_inc_range(b.alloc->getUsers()))
        if (isa<memref::DeallocOp>(user))
          user->erase();
      b.alloc.replaceAllUsesWith(view);
      b.alloc.erase();
    }
    entry->setAttr("edgec.scratch_bytes", builder.getI64IntegerAttr(arena));
    entry->setAttr("edgec.in_place_buffers",
                   builder.getI64IntegerAttr(llvm::count_if(
                       buffers, [](const Buffer &b) { return b.inPlaceOf; })));
    entry->setAttr("edgec.naive_bytes", builder.getI64IntegerAttr(naive));
  }
};

} // namespace
