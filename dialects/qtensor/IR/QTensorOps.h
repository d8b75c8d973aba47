//===- QTensorOps.h - Operations of the qtensor dialect ---------*- C++ -*-===//

#ifndef EDGEC_DIALECTS_QTENSOR_IR_QTENSOROPS_H
#define EDGEC_DIALECTS_QTENSOR_IR_QTENSOROPS_H

#include "dialects/qtensor/IR/QTensorDialect.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/Dialect/Quant/QuantTypes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#define GET_OP_CLASSES
#include "dialects/qtensor/IR/QTensorOps.h.inc"

namespace edgec::qtensor {

/// The element type of a quantized tensor type, or null.
mlir::quant::QuantizedType quantizedElement(mlir::Type type);

/// The tensor type holding `type`'s integers: int8 for i8 storage, uint8
/// for u8 (the importer's spelling of ONNX's types).
mlir::RankedTensorType storageTensorType(mlir::RankedTensorType type);

} // namespace edgec::qtensor

#endif // EDGEC_DIALECTS_QTENSOR_IR_QTENSOROPS_H
