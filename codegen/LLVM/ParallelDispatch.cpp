//===- ParallelDispatch.cpp - Parallel loops onto the runtime -------------===//

#include "codegen/LLVM/ParallelDispatch.h"

#include "llvm/IR/IRBuilder.h"

namespace edgec::codegen {

void defineParallelDispatch(llvm::Module &module) {
  constexpr llvm::StringLiteral prefix = "edgec_dispatch.";
  llvm::LLVMContext &ctx = module.getContext();
  llvm::IRBuilder<> b(ctx);
  llvm::Type *ptr = b.getPtrTy(), *i64 = b.getInt64Ty();
  llvm::FunctionCallee parallelFor = module.getOrInsertFunction(
      "edgec_parallel_for",
      llvm::FunctionType::get(b.getVoidTy(), {i64, ptr, ptr}, false));

  llvm::SmallVector<llvm::Function *> dispatchers;
  for (llvm::Function &f : module)
    if (f.isDeclaration() && f.getName().starts_with(prefix))
      dispatchers.push_back(&f);
  for (llvm::Function *dispatch : dispatchers) {
    llvm::Function *task =
        module.getFunction(dispatch->getName().drop_front(prefix.size()));
    task->setLinkage(llvm::GlobalValue::InternalLinkage);
    llvm::SmallVector<llvm::Type *> fields;
    for (llvm::Argument &arg : llvm::drop_begin(dispatch->args()))
      fields.push_back(arg.getType());
    auto *contextType = llvm::StructType::get(ctx, fields);

    // void <task>.run(ptr context, i64 begin, i64 end)
    auto *trampoline = llvm::Function::Create(
        llvm::FunctionType::get(b.getVoidTy(), {ptr, i64, i64}, false),
        llvm::GlobalValue::InternalLinkage, task->getName() + ".run", module);
    b.SetInsertPoint(llvm::BasicBlock::Create(ctx, "entry", trampoline));
    llvm::SmallVector<llvm::Value *> args = {trampoline->getArg(1),
                                             trampoline->getArg(2)};
    for (unsigned i = 0; i < fields.size(); ++i)
      args.push_back(b.CreateLoad(
          fields[i], b.CreateStructGEP(contextType, trampoline->getArg(0), i)));
    b.CreateCall(task, args);
    b.CreateRetVoid();

    // void edgec_dispatch.<task>(i64 count, captures...)
    dispatch->setLinkage(llvm::GlobalValue::InternalLinkage);
    b.SetInsertPoint(llvm::BasicBlock::Create(ctx, "entry", dispatch));
    llvm::Value *context = b.CreateAlloca(contextType);
    for (unsigned i = 0; i < fields.size(); ++i)
      b.CreateStore(dispatch->getArg(i + 1),
                    b.CreateStructGEP(contextType, context, i));
    b.CreateCall(parallelFor, {dispatch->getArg(0), trampoline, context});
    b.CreateRetVoid();
  }
}

} // namespace edgec::codegen
