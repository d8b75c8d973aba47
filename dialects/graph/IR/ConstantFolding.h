//===- ConstantFolding.h - Evaluating graph ops on constants ----*- C++ -*-===//
//
// Shapes are static, so the Shape/Gather/Concat/Reshape chains that
// exporters emit are computations on constants; folders evaluate them at
// compile time with the helpers here. Elements are read as double or int64
// and written back in the result's element type.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_DIALECTS_GRAPH_IR_CONSTANTFOLDING_H
#define EDGEC_DIALECTS_GRAPH_IR_CONSTANTFOLDING_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"

#include <optional>

namespace edgec::graph {

/// One element of a constant: a float (any width, as double) or an integer
/// (booleans are 0 and 1).
struct Scalar {
  bool isFloat = false;
  double f = 0;
  int64_t i = 0;

  static Scalar ofFloat(double v) { return {true, v, 0}; }
  static Scalar ofInt(int64_t v) { return {false, 0, v}; }
  double asDouble() const { return isFloat ? f : static_cast<double>(i); }
};

/// Reads the elements of a constant in row-major order; empty for element
/// types other than floats and integers.
llvm::SmallVector<Scalar> readScalars(mlir::DenseElementsAttr attr);

/// A constant of `type` from row-major elements, converted to its element
/// type (floats round, integers wrap, booleans are "non-zero").
mlir::DenseElementsAttr makeConstant(mlir::RankedTensorType type,
                                     llvm::ArrayRef<Scalar> values);

/// Evaluates `fn` over `operands` broadcast (numpy rules) to `resultType`.
/// Returns null when an operand is not a constant, when `fn` declines an
/// element (returns nullopt, e.g. integer division by zero), or when the
/// result would exceed `maxElements`.
mlir::DenseElementsAttr foldElementwise(
    llvm::ArrayRef<mlir::Attribute> operands, mlir::RankedTensorType resultType,
    llvm::function_ref<std::optional<Scalar>(llvm::ArrayRef<Scalar>)> fn,
    int64_t maxElements = int64_t(1) << 24);

} // namespace edgec::graph

#endif // EDGEC_DIALECTS_GRAPH_IR_CONSTANTFOLDING_H
