//===- Diagnostics.cpp - One-line errors for users ------------------------===//

#include "edgec/Support/Diagnostics.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Location.h"

#include <algorithm>

using namespace mlir;

std::string edgec::describeLocation(Location loc) {
  // The importer nests locations as node-name(op-type(file)).
  SmallVector<StringRef, 2> names;
  while (true) {
    if (auto name = dyn_cast<NameLoc>(loc)) {
      names.push_back(name.getName().getValue());
      loc = name.getChildLoc();
    } else if (auto fused = dyn_cast<FusedLoc>(loc)) {
      if (fused.getLocations().empty())
        break;
      loc = fused.getLocations().front();
    } else if (auto call = dyn_cast<CallSiteLoc>(loc)) {
      loc = call.getCallee();
    } else {
      break;
    }
  }
  std::string text;
  llvm::raw_string_ostream os(text);
  if (auto file = dyn_cast<FileLineColLoc>(loc)) {
    os << file.getFilename().getValue();
    if (file.getLine() != 0)
      os << ":" << file.getLine() << ":" << file.getColumn();
  } else {
    os << "<unknown>";
  }
  if (names.size() >= 2)
    os << ": node '" << names[0] << "' (" << names[1] << ")";
  else if (names.size() == 1)
    os << ": '" << names[0] << "'";
  return text;
}

edgec::FirstErrorHandler::FirstErrorHandler(MLIRContext &context,
                                            llvm::raw_ostream *echo)
    : handler_(&context,
               [this](Diagnostic &diag) {
                 if (diag.getSeverity() == DiagnosticSeverity::Error &&
                     firstError_.empty()) {
                   firstError_ =
                       describeLocation(diag.getLocation()) + ": " + diag.str();
                   // The promise is one line, whatever the message and the
                   // names from the model hold.
                   std::replace(firstError_.begin(), firstError_.end(), '\n',
                                ' ');
                   if (echo_)
                     *echo_ << "error: " << firstError_ << "\n";
                 }
                 // Remarks report choices the compiler made for the user
                 // (mixed precision); warnings and notes stay quiet.
                 if (diag.getSeverity() == DiagnosticSeverity::Remark && echo_)
                   *echo_ << "remark: " << diag.str() << "\n";
                 return success();
               }),
      echo_(echo) {}
