//===- CodeGen.cpp - LLVM dialect to an object for a CPU device -----------===//

#include "edgec/Targets/CpuTarget.h"

#include "codegen/LLVM/MachineCode.h"
#include "codegen/LLVM/ParallelDispatch.h"

#include "mlir/IR/Diagnostics.h"

using namespace mlir;

namespace edgec::cpu {

LogicalResult generateCode(ModuleOp module, CpuModel &model,
                           codegen::Stage stage, llvm::raw_ostream &emitOut) {
  const DeviceDescription &device = *model.device;
  std::string error;
  auto machine = codegen::createTargetMachine(
      {device.triple, device.cpu, device.features}, error);
  if (!machine)
    return emitError(module.getLoc())
           << "target " << device.name << ": " << error;
  llvm::LLVMContext context;
  std::unique_ptr<llvm::Module> llvmModule =
      codegen::translateToLLVMIR(module, context, *machine);
  if (!llvmModule)
    return failure();
  llvmModule->setModuleIdentifier(model.name);
  llvmModule->setSourceFileName(model.source);
  codegen::defineParallelDispatch(*llvmModule);
  codegen::emitRuntimeEntry(*llvmModule, model.interface,
                            {model.name, device.name});
  codegen::optimizeLLVMIR(*llvmModule, *machine);
  if (stage == codegen::Stage::LLVMIR) {
    llvmModule->print(emitOut, nullptr);
    return success();
  }
  bool assembly = stage == codegen::Stage::Asm;
  std::string code;
  if (!codegen::emitMachineCode(*llvmModule, *machine, assembly, code, error))
    return emitError(module.getLoc())
           << "target " << device.name << ": " << error;
  if (assembly)
    emitOut << code;
  else
    model.object = std::move(code);
  return success();
}

} // namespace edgec::cpu
