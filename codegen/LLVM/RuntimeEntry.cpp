//===- RuntimeEntry.cpp - The model as the C runtime sees it --------------===//

#include "codegen/LLVM/RuntimeEntry.h"

#include "edgec/edgec_runtime.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/IR/IRBuilder.h"

using namespace mlir;

namespace edgec::codegen {

int32_t runtimeDType(Type type) {
  if (type.isF32())
    return EDGEC_DTYPE_F32;
  if (type.isF16())
    return EDGEC_DTYPE_F16;
  if (type.isInteger(1))
    return EDGEC_DTYPE_BOOL;
  if (type.isUnsignedInteger(8))
    return EDGEC_DTYPE_U8;
  if (type.isInteger(8))
    return EDGEC_DTYPE_I8;
  if (type.isInteger(32))
    return EDGEC_DTYPE_I32;
  if (type.isInteger(64))
    return EDGEC_DTYPE_I64;
  return 0;
}

StringRef runtimeDTypeName(int32_t dtype) {
  switch (dtype) {
  case EDGEC_DTYPE_F32:
    return "float32";
  case EDGEC_DTYPE_F16:
    return "float16";
  case EDGEC_DTYPE_I8:
    return "int8";
  case EDGEC_DTYPE_U8:
    return "uint8";
  case EDGEC_DTYPE_I32:
    return "int32";
  case EDGEC_DTYPE_I64:
    return "int64";
  case EDGEC_DTYPE_BOOL:
    return "bool";
  default:
    return "unknown";
  }
}

uint64_t fnv1a64(ArrayRef<char> data) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (char c : data) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  return hash;
}

FailureOr<ModelInterface> readModelInterface(ModuleOp module) {
  func::FuncOp entry;
  module.walk([&](func::FuncOp f) {
    if (f->hasAttr("edgec.entry"))
      entry = f;
  });
  if (!entry)
    return module.emitError("no function carries edgec.entry");
  ModelInterface interface;
  interface.symbol = entry.getSymName().str();
  auto numInputs = entry->getAttrOfType<IntegerAttr>("edgec.num_inputs");
  if (!numInputs)
    return entry.emitError("the entry function has no edgec.num_inputs");
  if (auto bytes = entry->getAttrOfType<IntegerAttr>("edgec.scratch_bytes"))
    interface.scratchBytes = bytes.getInt();
  if (auto bytes = entry->getAttrOfType<IntegerAttr>("edgec.naive_bytes"))
    interface.naiveBytes = bytes.getInt();
  for (unsigned i = 0, e = entry.getNumArguments(); i < e; ++i) {
    if (entry.getArgAttr(i, "edgec.weights"))
      break;
    auto type = cast<MemRefType>(entry.getArgumentTypes()[i]);
    TensorInterface tensor;
    if (auto name = entry.getArgAttrOfType<StringAttr>(i, "edgec.name"))
      tensor.name = name.str();
    tensor.dtype = runtimeDType(type.getElementType());
    if (!tensor.dtype)
      return entry.emitError("argument ")
             << i << " has element type " << type.getElementType()
             << ", which the runtime cannot describe";
    tensor.shape.assign(type.getShape().begin(), type.getShape().end());
    (i < numInputs.getInt() ? interface.inputs : interface.outputs)
        .push_back(tensor);
  }
  auto blob = module->getAttrOfType<DenseResourceElementsAttr>("edgec.weights");
  if (!blob || !blob.getRawHandle().getBlob())
    return module.emitError("the module has no edgec.weights blob");
  ArrayRef<char> data = blob.getRawHandle().getBlob()->getData();
  interface.weights.assign(data.begin(), data.end());
  return interface;
}

void emitRuntimeEntry(llvm::Module &module, const ModelInterface &interface,
                      const EntryOptions &options) {
  llvm::LLVMContext &ctx = module.getContext();
  llvm::IRBuilder<> b(ctx);
  llvm::Type *ptr = b.getPtrTy();
  llvm::Type *i32 = b.getInt32Ty();
  llvm::Type *i64 = b.getInt64Ty();

  // The trampoline unpacks args[] into the bare-pointer entry function.
  llvm::Function *forward = module.getFunction(interface.symbol);
  forward->setLinkage(llvm::GlobalValue::InternalLinkage);
  auto *trampolineType = llvm::FunctionType::get(b.getVoidTy(), {ptr}, false);
  auto *trampoline =
      llvm::Function::Create(trampolineType, llvm::GlobalValue::InternalLinkage,
                             "edgec_" + options.modelName + "_entry", module);
  b.SetInsertPoint(llvm::BasicBlock::Create(ctx, "entry", trampoline));
  SmallVector<llvm::Value *> args;
  for (unsigned i = 0; i < forward->arg_size(); ++i)
    args.push_back(b.CreateLoad(
        ptr, b.CreateConstInBoundsGEP1_64(ptr, trampoline->getArg(0), i)));
  b.CreateCall(forward, args);
  b.CreateRetVoid();

  auto string = [&](StringRef text) -> llvm::Constant * {
    return b.CreateGlobalStringPtr(text, "edgec.str", 0, &module);
  };
  auto *tensorType = llvm::StructType::get(ctx, {ptr, i32, i32, ptr});
  auto tensors = [&](ArrayRef<TensorInterface> list,
                     StringRef kind) -> llvm::Constant * {
    SmallVector<llvm::Constant *> entries;
    for (const TensorInterface &t : list) {
      SmallVector<uint64_t> dims(t.shape.begin(), t.shape.end());
      llvm::Constant *shape = new llvm::GlobalVariable(
          module, llvm::ArrayType::get(i64, dims.size()), true,
          llvm::GlobalValue::PrivateLinkage,
          llvm::ConstantDataArray::get(ctx, dims), "edgec.shape");
      entries.push_back(llvm::ConstantStruct::get(
          tensorType, {string(t.name), b.getInt32(t.dtype),
                       b.getInt32(t.shape.size()), shape}));
    }
    auto *arrayType = llvm::ArrayType::get(tensorType, entries.size());
    return new llvm::GlobalVariable(
        module, arrayType, true, llvm::GlobalValue::PrivateLinkage,
        llvm::ConstantArray::get(arrayType, entries), "edgec." + kind);
  };

  // Field for field the layout of edgec_model_desc.
  auto *descType = llvm::StructType::get(
      ctx, {i32, i32, i32, i32, ptr, ptr, ptr, ptr, i64, i64, i64, ptr});
  llvm::Constant *desc = llvm::ConstantStruct::get(
      descType,
      {b.getInt32(EDGEC_ABI_VERSION), b.getInt32(interface.inputs.size()),
       b.getInt32(interface.outputs.size()), b.getInt32(0),
       tensors(interface.inputs, "inputs"),
       tensors(interface.outputs, "outputs"), string(options.modelName),
       string(options.target), b.getInt64(interface.weights.size()),
       b.getInt64(fnv1a64(interface.weights)),
       b.getInt64(interface.scratchBytes), trampoline});
  new llvm::GlobalVariable(module, descType, true,
                           llvm::GlobalValue::ExternalLinkage, desc,
                           "edgec_model_" + options.modelName);
}

} // namespace edgec::codegen
