//===- Window.h - Sliding windows seen as 2-D -------------------*- C++ -*-===//
//
// Convolution and pooling lower through one view of their window: 1-D
// windows become 2-D ones of height 1, pads split into low and high per
// dimension of the NC... tensor, and ceil_mode widens the trailing padding.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_CODEGEN_GRAPHTOLINALG_WINDOW_H
#define EDGEC_CODEGEN_GRAPHTOLINALG_WINDOW_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"

namespace edgec::codegen {

/// A sliding-window op seen as 2-D: 1-D inputs get a height of 1.
struct Window2D {
  mlir::Value input;
  mlir::RankedTensorType resultType; ///< the 2-D result
  llvm::SmallVector<int64_t> kernel, strides, dilations, padLow, padHigh;
  bool oneD = false;
};

/// Fills `window` from 1-D or 2-D attributes; reports 3-D windows.
mlir::LogicalResult makeWindow2D(mlir::Operation *op, mlir::Value input,
                                 mlir::RankedTensorType resultType,
                                 llvm::ArrayRef<int64_t> kernel,
                                 llvm::ArrayRef<int64_t> strides,
                                 llvm::ArrayRef<int64_t> dilations,
                                 llvm::ArrayRef<int64_t> pads,
                                 mlir::OpBuilder &b, Window2D &window);

/// Extra trailing padding so the last (ceil_mode) window reads only padding
/// instead of past the tensor.
void addCeilPadding(Window2D &window);

} // namespace edgec::codegen

#endif // EDGEC_CODEGEN_GRAPHTOLINALG_WINDOW_H
