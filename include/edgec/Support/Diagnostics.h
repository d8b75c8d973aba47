//===- Diagnostics.h - One-line errors for users ----------------*- C++ -*-===//
//
// edgec reports a failure as exactly one line, `error: <where>: <message>`,
// and exits with status 1. <where> names the file and, for an imported op,
// the ONNX node and its op type, read back from the op's location.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_SUPPORT_DIAGNOSTICS_H
#define EDGEC_SUPPORT_DIAGNOSTICS_H

#include "mlir/IR/Diagnostics.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace edgec {

/// "model.onnx: node 'conv1' (Conv)", "model.onnx", or "file.mlir:3:7".
std::string describeLocation(mlir::Location loc);

/// Keeps the first error of a context (as text) and drops everything after
/// it, including the notes MLIR attaches. Prints it when `echo` is set.
class FirstErrorHandler {
public:
  explicit FirstErrorHandler(mlir::MLIRContext &context,
                             llvm::raw_ostream *echo = &llvm::errs());
  bool hadError() const { return !firstError_.empty(); }
  /// "<where>: <message>" without the "error: " prefix.
  const std::string &firstError() const { return firstError_; }

private:
  mlir::ScopedDiagnosticHandler handler_;
  std::string firstError_;
  llvm::raw_ostream *echo_;
};

} // namespace edgec

#endif // EDGEC_SUPPORT_DIAGNOSTICS_H
