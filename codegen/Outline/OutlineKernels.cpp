//===- OutlineKernels.cpp - One function per kernel -----------------------===//
//
// A model's entry function would otherwise hold every kernel inline: one
// function of 100k+ LLVM instructions, on which optimization and register
// allocation spend most of the compile time. Kernels as functions compile
// piecewise, show up by name in profiles, and the kernels that repeat
// (blocks of the same shape) compile once.
//
//===----------------------------------------------------------------------===//

#include "Captures.h"
#include "codegen/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringMap.h"

namespace edgec::codegen {
#define GEN_PASS_DEF_OUTLINEKERNELS
#include "codegen/Passes.h.inc"
} // namespace edgec::codegen

using namespace mlir;

namespace {

/// The function's text without its name: equal keys, interchangeable code.
std::string bodyKey(func::FuncOp function) {
  StringAttr name = function.getSymNameAttr();
  function.setSymName("kernel");
  std::string key;
  llvm::raw_string_ostream os(key);
  function->print(os, OpPrintingFlags().printGenericOpForm().useLocalScope());
  function.setSymNameAttr(name);
  return key;
}

struct OutlineKernelsPass
    : edgec::codegen::impl::OutlineKernelsBase<OutlineKernelsPass> {
  void runOnOperation() override {
    for (Operation *entry : edgec::codegen::entryFunctions(getOperation()))
      outlineAll(cast<func::FuncOp>(entry));
  }

  void outlineAll(func::FuncOp entry) {
    SmallVector<Operation *> kernels;
    for (Operation &op : entry.getBody().getOps())
      if (op.getNumRegions() != 0 && op.getNumResults() == 0)
        kernels.push_back(&op);
    llvm::StringMap<func::FuncOp> byBody;
    unsigned index = 0;
    for (Operation *op : kernels) {
      edgec::codegen::Captures captures;
      // What cannot travel stays inline.
      if (failed(captures.collect(op, entry)))
        continue;
      OpBuilder b(entry);
      Location loc = op->getLoc();
      SmallVector<Type> argTypes;
      for (Value v : captures.arguments())
        argTypes.push_back(v.getType());
      std::string name = (entry.getSymName() + "_kernel" + Twine(index)).str();
      auto kernel =
          b.create<func::FuncOp>(loc, name, b.getFunctionType(argTypes, {}));
      kernel.setPrivate();
      // Private in LLVM too, and kept apart: inlining would rebuild the
      // giant function.
      kernel->setAttr(
          "llvm.linkage",
          LLVM::LinkageAttr::get(b.getContext(), LLVM::Linkage::Internal));
      kernel->setAttr("no_inline", b.getUnitAttr());
      Block *body = kernel.addEntryBlock();
      OpBuilder kb = OpBuilder::atBlockBegin(body);
      IRMapping mapping;
      captures.rebuild(kb, body->getArguments(), mapping);
      kb.clone(*op, mapping);
      kb.create<func::ReturnOp>(loc);

      auto [it, inserted] = byBody.try_emplace(bodyKey(kernel), kernel);
      if (inserted)
        ++index;
      else
        kernel.erase();
      OpBuilder(op).create<func::CallOp>(loc, it->second, captures.arguments());
      op->erase();
    }
  }
};

} // namespace
