//===- ParallelDispatch.h - Parallel loops onto the runtime -----*- C++ -*-===//
//
// edgec-outline-parallel-loops leaves a declaration
// `edgec_dispatch.<task>(count, captures...)` for every parallel loop; this
// defines each one: the captures go into a context on the stack, and
// `edgec_parallel_for(count, <task>.run, context)` calls back a trampoline
// that unpacks them into `<task>(begin, end, captures...)`.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_CODEGEN_LLVM_PARALLELDISPATCH_H
#define EDGEC_CODEGEN_LLVM_PARALLELDISPATCH_H

#include "llvm/IR/Module.h"

namespace edgec::codegen {

void defineParallelDispatch(llvm::Module &module);

} // namespace edgec::codegen

#endif // EDGEC_CODEGEN_LLVM_PARALLELDISPATCH_H
