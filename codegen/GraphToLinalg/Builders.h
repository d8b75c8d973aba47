//===- Builders.h - Structured-op builders for the lowering -----*- C++ -*-===//
//
// The pieces every edge-to-linalg pattern needs: filled tensors, padding,
// reshapes through collapse/expand, transposes that fold constants, and
// elementwise generics with numpy broadcasting.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_CODEGEN_GRAPHTOLINALG_BUILDERS_H
#define EDGEC_CODEGEN_GRAPHTOLINALG_BUILDERS_H

#include "mlir/IR/AffineMap.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"

namespace edgec::codegen {

using BodyBuilder = llvm::function_ref<mlir::Value(
    mlir::OpBuilder &, mlir::Location, mlir::ValueRange)>;

/// A tensor of `type` with every element `value`.
mlir::Value buildFilled(mlir::OpBuilder &b, mlir::Location loc,
                        mlir::RankedTensorType type, double value);

/// Pads `input` by `low` and `high` elements per dimension with `value`.
mlir::Value buildPad(mlir::OpBuilder &b, mlir::Location loc, mlir::Value input,
                     llvm::ArrayRef<int64_t> low, llvm::ArrayRef<int64_t> high,
                     double value);

/// Reinterprets `input` with `type`'s shape (same element count), through a
/// collapse to one dimension and an expand, which bufferize to views.
mlir::Value buildReshape(mlir::OpBuilder &b, mlir::Location loc,
                         mlir::Value input, mlir::RankedTensorType type);

/// Permutes the dimensions of `input`; a constant is permuted at compile
/// time.
mlir::Value buildTranspose(mlir::OpBuilder &b, mlir::Location loc,
                           mlir::Value input, llvm::ArrayRef<int64_t> perm);

/// A parallel `linalg.generic` producing `resultType` from `operands` read
/// through `maps` (one per operand); `body` maps the scalars to the result.
mlir::Value buildGeneric(mlir::OpBuilder &b, mlir::Location loc,
                         mlir::RankedTensorType resultType,
                         mlir::ValueRange operands,
                         llvm::ArrayRef<mlir::AffineMap> maps,
                         BodyBuilder body);

/// Like buildGeneric, with operands broadcast against `resultType` the way
/// numpy does (aligned on trailing dimensions, size-1 dimensions stretch).
mlir::Value buildBroadcastElementwise(mlir::OpBuilder &b, mlir::Location loc,
                                      mlir::RankedTensorType resultType,
                                      mlir::ValueRange operands,
                                      BodyBuilder body);

/// Broadcasts a `[C]` vector along dimension `axis` of `resultType`.
mlir::Value buildBroadcastAlong(mlir::OpBuilder &b, mlir::Location loc,
                                mlir::Value vector, int64_t axis,
                                mlir::RankedTensorType resultType);

/// The DenseIntElementsAttr linalg convolutions and pooling take.
mlir::DenseIntElementsAttr i64Elements(mlir::OpBuilder &b,
                                       llvm::ArrayRef<int64_t> values);

} // namespace edgec::codegen

#endif // EDGEC_CODEGEN_GRAPHTOLINALG_BUILDERS_H
