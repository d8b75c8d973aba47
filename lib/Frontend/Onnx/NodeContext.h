//===- NodeContext.h - What an op importer sees of one node -----*- C++ -*-===//
//
// Each ONNX operator is imported by one function that reads its node through
// a NodeContext. Errors are sticky: the first one is reported at the node's
// location and every accessor after it returns a harmless default, so an
// importer checks `failed()` once before it builds anything.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_LIB_FRONTEND_ONNX_NODECONTEXT_H
#define EDGEC_LIB_FRONTEND_ONNX_NODECONTEXT_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "llvm/ADT/StringMap.h"

#include <onnx/onnx_pb.h>

#include <optional>
#include <vector>

namespace edgec::onnx_import {

class NodeContext {
public:
  NodeContext(const onnx::NodeProto &node, int version,
              mlir::OpBuilder &builder, mlir::Location loc,
              llvm::ArrayRef<mlir::Value> inputs, llvm::StringRef baseDir);

  const onnx::NodeProto &node() const { return node_; }
  /// The version of the operator's schema in effect (its since_version).
  int version() const { return version_; }
  mlir::OpBuilder &builder() { return builder_; }
  mlir::Location loc() const { return loc_; }
  mlir::MLIRContext *context() const { return loc_.getContext(); }
  /// The model's directory, where external tensor data lives.
  llvm::StringRef baseDir() const { return baseDir_; }

  /// Reports an error at the node; later accessors return defaults.
  mlir::InFlightDiagnostic error();
  bool failed() const { return failed_; }

  // Inputs -----------------------------------------------------------------
  size_t numInputs() const { return inputs_.size(); }
  /// Input `i`, or null when the node leaves it out.
  mlir::Value input(size_t i) const;
  /// Input `i`, which must be present (of any element type; the op's
  /// verifier says which it accepts).
  mlir::Value tensorInput(size_t i);
  /// Input `i`, which must be present and a float32 tensor.
  mlir::Value floatInput(size_t i);
  /// Input `i` if present (then a float32 tensor), else null.
  mlir::Value optionalFloatInput(size_t i);
  /// The value of input `i`, which must be present and a constant.
  mlir::DenseElementsAttr constantInput(size_t i, llvm::StringRef role);
  /// Input `i` as integers, for shape-like inputs such as Reshape's `shape`.
  llvm::SmallVector<int64_t> constantInts(size_t i, llvm::StringRef role);
  /// Input `i` as a float scalar, or `fallback` when absent.
  float constantFloatScalar(size_t i, llvm::StringRef role, float fallback);

  // Attributes -------------------------------------------------------------
  bool hasAttr(llvm::StringRef name) const;
  int64_t intAttr(llvm::StringRef name, int64_t fallback);
  float floatAttr(llvm::StringRef name, float fallback);
  std::string stringAttr(llvm::StringRef name, llvm::StringRef fallback);
  llvm::SmallVector<int64_t> intsAttr(llvm::StringRef name,
                                      llvm::ArrayRef<int64_t> fallback);
  llvm::SmallVector<float> floatsAttr(llvm::StringRef name);
  /// The tensor value of attribute `name` (null when absent).
  const onnx::TensorProto *tensorAttr(llvm::StringRef name);
  /// Normalizes an axis attribute into [0, rank).
  int64_t axisAttr(llvm::StringRef name, int64_t fallback, int64_t rank);

  // Results ----------------------------------------------------------------
  /// Builds an op, infers its result types and verifies it, then folds it
  /// when its operands are constants (shapes are static, so exporters' shape
  /// computations become constants here). Returns the op's first result, or
  /// null after reporting why the node does not fit.
  template <typename OpTy, typename... Args>
  mlir::Value create(Args &&...args) {
    if (failed_)
      return {};
    mlir::OperationState state(loc_, OpTy::getOperationName());
    OpTy::build(builder_, state, placeholderType(),
                std::forward<Args>(args)...);
    return finish(state, [&](llvm::SmallVectorImpl<mlir::Type> &types) {
      return OpTy::inferReturnTypes(context(), loc_, state.operands,
                                    state.attributes.getDictionary(context()),
                                    state.getRawProperties(), state.regions,
                                    types);
    });
  }

  /// As create, for ops whose result type is chosen rather than inferred
  /// (a quantized type, whose scales come from other inputs).
  template <typename OpTy, typename... Args>
  mlir::Value createWithType(mlir::Type type, Args &&...args) {
    if (failed_)
      return {};
    mlir::OperationState state(loc_, OpTy::getOperationName());
    OpTy::build(builder_, state, type, std::forward<Args>(args)...);
    return finish(state, [&](llvm::SmallVectorImpl<mlir::Type> &types) {
      types.push_back(type);
      return mlir::success();
    });
  }

  /// The values of the node's outputs, in order.
  void setResults(llvm::ArrayRef<mlir::Value> values);
  llvm::ArrayRef<mlir::Value> results() const { return results_; }

private:
  const onnx::AttributeProto *findAttr(llvm::StringRef name) const;
  const onnx::AttributeProto *typedAttr(llvm::StringRef name,
                                        onnx::AttributeProto_AttributeType type,
                                        llvm::StringRef typeName);
  mlir::Type placeholderType();
  mlir::Value finish(mlir::OperationState &state,
                     llvm::function_ref<mlir::LogicalResult(
                         llvm::SmallVectorImpl<mlir::Type> &)>
                         infer);

  const onnx::NodeProto &node_;
  int version_;
  mlir::OpBuilder &builder_;
  mlir::Location loc_;
  llvm::SmallVector<mlir::Value> inputs_;
  llvm::SmallVector<mlir::Value> results_;
  std::string baseDir_;
  bool failed_ = false;
};

/// A Conv node's window over input `x` with filter `w`: its kernel_shape
/// (checked against `w`), strides, dilations, pads (auto_pad resolved) and
/// group. None after reporting an error.
struct ConvWindow {
  llvm::SmallVector<int64_t> strides, dilations, pads;
  int64_t group = 1;
};
std::optional<ConvWindow> readConvWindow(NodeContext &ctx, mlir::Value x,
                                         mlir::Value w);

/// Conv's computation on `x`, `w` and `bias` (may be null) with the node's
/// Conv attributes: shared by Conv and QLinearConv. Null after reporting an
/// error.
mlir::Value buildConv(NodeContext &ctx, mlir::Value x, mlir::Value w,
                      mlir::Value bias);

/// Imports one node; sets its results or reports an error.
using ImportFn = mlir::LogicalResult (*)(NodeContext &);

struct OpImporter {
  std::vector<int> sinceVersions;
  std::string constraints;
  ImportFn import;
};

using OpTable = llvm::StringMap<OpImporter>;

// One registration function per op family, each in its own file.
void registerConstantOps(OpTable &table);
void registerConvOps(OpTable &table);
void registerDataMovementOps(OpTable &table);
void registerElementwiseOps(OpTable &table);
void registerMatrixOps(OpTable &table);
void registerNormalizationOps(OpTable &table);
void registerPoolingOps(OpTable &table);
void registerQuantizationOps(OpTable &table);
void registerReductionOps(OpTable &table);

/// The full table, built once.
const OpTable &getOpTable();

/// Resolves ONNX `auto_pad` into explicit pads for `inputSpatial` extents.
/// Returns false (after reporting) for an unknown mode.
bool resolveAutoPad(NodeContext &ctx, llvm::ArrayRef<int64_t> inputSpatial,
                    llvm::ArrayRef<int64_t> kernel,
                    llvm::ArrayRef<int64_t> strides,
                    llvm::ArrayRef<int64_t> dilations,
                    llvm::SmallVectorImpl<int64_t> &pads);

} // namespace edgec::onnx_import

#endif // EDGEC_LIB_FRONTEND_ONNX_NODECONTEXT_H
