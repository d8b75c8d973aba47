//===- Reduce.h - Reduction builders for the lowering -----------*- C++ -*-===//
//
// Reductions, normalizations and global pooling share one way to reduce a
// tensor over some of its dimensions: a linalg.generic whose reduced
// dimensions are "reduction" iterators, accumulating into a filled tensor
// that drops them. Loops over it vectorize when the reduced dimension is not
// the innermost, or when the accumulation may be reassociated.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_CODEGEN_GRAPHTOLINALG_REDUCE_H
#define EDGEC_CODEGEN_GRAPHTOLINALG_REDUCE_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"

namespace edgec::codegen {

/// Combines one element into the accumulator: `args` are the input element,
/// the elements of the `extras`, then the accumulator.
using ReduceBody = llvm::function_ref<mlir::Value(
    mlir::OpBuilder &, mlir::Location, mlir::ValueRange args)>;

/// Reduces `input` over `dims` (increasing) into a tensor filled with
/// `init` that drops them. `extras` have the result's shape and are read at
/// the result position (e.g. a maximum to subtract first).
mlir::Value buildReduction(mlir::OpBuilder &b, mlir::Location loc,
                           mlir::Value input, llvm::ArrayRef<int64_t> dims,
                           mlir::TypedAttr init, mlir::ValueRange extras,
                           ReduceBody body);

/// The int64 position along `axis` of the largest (`smallest`: smallest)
/// element, the first of equal ones or the last with `lastIndex`; NaN is
/// chosen over every number. The result drops `axis`.
mlir::Value buildArgReduce(mlir::OpBuilder &b, mlir::Location loc,
                           mlir::Value input, int64_t axis, bool smallest,
                           bool lastIndex);

/// `a + b` for floats or integers; float additions may be reassociated so
/// that reduction loops vectorize.
mlir::Value buildAccumulate(mlir::OpBuilder &b, mlir::Location loc,
                            mlir::Value acc, mlir::Value x);

/// A scalar constant of `type` (float or integer).
mlir::Value buildScalar(mlir::OpBuilder &b, mlir::Location loc, mlir::Type type,
                        double value);

/// The shape of `type` with `dims` set to 1.
mlir::RankedTensorType keepDimsType(mlir::RankedTensorType type,
                                    llvm::ArrayRef<int64_t> dims);

} // namespace edgec::codegen

#endif // EDGEC_CODEGEN_GRAPHTOLINALG_REDUCE_H
