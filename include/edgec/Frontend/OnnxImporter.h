//===- OnnxImporter.h - ONNX models into the edge dialect -------*- C++ -*-===//
//
// Reads an ONNX model (binary protobuf, or ONNX's textual syntax) and builds
// a module holding one `func.func @main` of edge ops. Every problem with the
// model is reported as an MLIR error at a location naming the file and, where
// there is one, the node (see Support/Diagnostics.h).
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_FRONTEND_ONNXIMPORTER_H
#define EDGEC_FRONTEND_ONNXIMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

#include <string>
#include <vector>

namespace edgec {

struct OnnxImportOptions {
  /// Static shapes for graph inputs, replacing what the model declares (for
  /// symbolic dimensions such as a batch size).
  llvm::StringMap<llvm::SmallVector<int64_t>> inputShapes;
};

/// Imports the model at `path`. Files ending in `.onnxtxt` are read in ONNX's
/// textual syntax, everything else as a binary ModelProto. External data
/// files are looked up beside the model. Returns null after reporting an
/// error.
mlir::OwningOpRef<mlir::ModuleOp>
importOnnxFile(mlir::MLIRContext &context, llvm::StringRef path,
               const OnnxImportOptions &options = {});

/// One operator the importer understands, for documentation and `inspect`.
struct OnnxOpInfo {
  std::string opType;
  std::vector<int> sinceVersions; ///< the ONNX schema versions supported
  std::string constraints;        ///< what is rejected, in a sentence
};

/// Every operator the importer supports, sorted by name.
std::vector<OnnxOpInfo> getSupportedOnnxOps();

/// The range of default-domain opsets the importer is tested with.
constexpr int kMinTestedOpset = 13;
constexpr int kMaxTestedOpset = 17;

} // namespace edgec

#endif // EDGEC_FRONTEND_ONNXIMPORTER_H
