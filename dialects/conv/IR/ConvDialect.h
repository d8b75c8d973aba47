//===- ConvDialect.h - The conv dialect -------------------------*- C++ -*-===//

#ifndef EDGEC_DIALECTS_CONV_IR_CONVDIALECT_H
#define EDGEC_DIALECTS_CONV_IR_CONVDIALECT_H

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Dialect.h"

#include "dialects/conv/IR/ConvDialect.h.inc"

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace edgec::conv {

/// Lets one-shot bufferization turn the tensor form of every conv op into
/// its memref form.
void registerBufferizableOpInterfaceExternalModels(
    mlir::DialectRegistry &registry);

} // namespace edgec::conv

#endif // EDGEC_DIALECTS_CONV_IR_CONVDIALECT_H
