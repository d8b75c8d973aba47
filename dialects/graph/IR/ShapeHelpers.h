//===- ShapeHelpers.h - Shape rules shared by graph ops ---------*- C++ -*-===//
//
// Convolution and pooling share one rule for the extent of their output and
// one set of attribute checks; every op reports shapes in one format.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_DIALECTS_GRAPH_IR_SHAPEHELPERS_H
#define EDGEC_DIALECTS_GRAPH_IR_SHAPEHELPERS_H

#include "mlir/IR/Location.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/SmallVector.h"

#include <string>

namespace edgec::graph {

/// "[1, 3, 224, 224]": how diagnostics spell a shape.
std::string formatShape(llvm::ArrayRef<int64_t> shape);

/// Checks the window attributes of an op over `spatial` dimensions and
/// appends the output extents to `outShape`.
mlir::LogicalResult inferWindowShape(
    std::optional<mlir::Location> loc, llvm::ArrayRef<int64_t> inputSpatial,
    llvm::ArrayRef<int64_t> kernel, llvm::ArrayRef<int64_t> strides,
    llvm::ArrayRef<int64_t> dilations, llvm::ArrayRef<int64_t> pads,
    bool ceilMode, llvm::SmallVectorImpl<int64_t> &outShape);

} // namespace edgec::graph

#endif // EDGEC_DIALECTS_GRAPH_IR_SHAPEHELPERS_H
