//===- ConvOps.h - Operations of the conv dialect ---------------*- C++ -*-===//

#ifndef EDGEC_DIALECTS_CONV_IR_CONVOPS_H
#define EDGEC_DIALECTS_CONV_IR_CONVOPS_H

#include "dialects/conv/IR/ConvDialect.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/DestinationStyleOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#define GET_OP_CLASSES
#include "dialects/conv/IR/ConvOps.h.inc"

namespace edgec::conv {

/// The activations an epilogue applies, as spelled in `activation`.
bool isKnownActivation(llvm::StringRef name);

} // namespace edgec::conv

#endif // EDGEC_DIALECTS_CONV_IR_CONVOPS_H
