//===- Tensors.h - ONNX tensors and types as MLIR values --------*- C++ -*-===//
//
// Initializers and constant attributes arrive as TensorProto: in raw bytes,
// in typed repeated fields, or in a file beside the model. All three are
// checked against the declared shape before any byte is trusted.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_LIB_FRONTEND_ONNX_TENSORS_H
#define EDGEC_LIB_FRONTEND_ONNX_TENSORS_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Location.h"

#include <onnx/onnx_pb.h>

namespace edgec::onnx_import {

/// Limits that keep a hostile model from asking for absurd allocations.
constexpr int64_t kMaxDimension = (int64_t(1) << 31) - 1;
constexpr int64_t kMaxElements = int64_t(1) << 31;

/// The MLIR element type of an ONNX TensorProto data type, or null.
mlir::Type convertElementType(mlir::MLIRContext *context, int onnxType);

/// The ONNX name of a TensorProto data type ("FLOAT", "INT64", ...).
llvm::StringRef onnxTypeName(int onnxType);

/// numpy's spelling of a tensor type, "float32[1, 3, 224, 224]", with `?`
/// for unknown dimensions; diagnostics compare types in this form.
std::string describeTensorType(mlir::Type elementType,
                               llvm::ArrayRef<int64_t> shape);

/// Checks dimensions against the limits; reports at `loc` what `what`
/// (e.g. "input 'x'") gets wrong.
mlir::LogicalResult checkShape(mlir::Location loc, llvm::StringRef what,
                               llvm::ArrayRef<int64_t> dims);

/// Converts a tensor, reading external data relative to `baseDir`. Returns
/// null after reporting at `loc`.
mlir::DenseElementsAttr convertTensor(const onnx::TensorProto &tensor,
                                      mlir::Location loc, llvm::StringRef what,
                                      llvm::StringRef baseDir);

} // namespace edgec::onnx_import

#endif // EDGEC_LIB_FRONTEND_ONNX_TENSORS_H
