//===- QTensorDialect.h - The qtensor dialect -------------------*- C++ -*-===//

#ifndef EDGEC_DIALECTS_QTENSOR_IR_QTENSORDIALECT_H
#define EDGEC_DIALECTS_QTENSOR_IR_QTENSORDIALECT_H

#include "mlir/Dialect/Quant/QuantOps.h"
#include "mlir/IR/Dialect.h"

#include "dialects/qtensor/IR/QTensorDialect.h.inc"

#endif // EDGEC_DIALECTS_QTENSOR_IR_QTENSORDIALECT_H
