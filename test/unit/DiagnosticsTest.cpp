//===- DiagnosticsTest.cpp - One-line errors ------------------------------===//

#include "edgec/Support/Diagnostics.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/MLIRContext.h"

#include <gtest/gtest.h>

using namespace mlir;

namespace {

TEST(Diagnostics, NodeLocationNamesNodeAndOpType) {
  MLIRContext context;
  Location file = FileLineColLoc::get(&context, "model.onnx", 0, 0);
  Location op = NameLoc::get(StringAttr::get(&context, "Conv"), file);
  Location node = NameLoc::get(StringAttr::get(&context, "conv1"), op);
  EXPECT_EQ(edgec::describeLocation(node), "model.onnx: node 'conv1' (Conv)");
}

TEST(Diagnostics, FileLocationWithoutLineIsJustTheFile) {
  MLIRContext context;
  EXPECT_EQ(edgec::describeLocation(
                FileLineColLoc::get(&context, "model.onnx", 0, 0)),
            "model.onnx");
  EXPECT_EQ(
      edgec::describeLocation(FileLineColLoc::get(&context, "a.mlir", 3, 7)),
      "a.mlir:3:7");
}

TEST(Diagnostics, InitializerLocationNamesTheValue) {
  MLIRContext context;
  Location file = FileLineColLoc::get(&context, "m.onnx", 0, 0);
  EXPECT_EQ(edgec::describeLocation(
                NameLoc::get(StringAttr::get(&context, "w"), file)),
            "m.onnx: 'w'");
}

TEST(Diagnostics, KeepsOnlyTheFirstErrorAndDropsNotes) {
  MLIRContext context;
  std::string printed;
  llvm::raw_string_ostream os(printed);
  edgec::FirstErrorHandler handler(context, &os);
  Location loc = FileLineColLoc::get(&context, "m.onnx", 0, 0);
  emitWarning(loc) << "not an error";
  EXPECT_FALSE(handler.hadError());
  {
    InFlightDiagnostic diag = emitError(loc) << "first";
    diag.attachNote() << "a note";
  }
  emitError(loc) << "second";
  EXPECT_TRUE(handler.hadError());
  EXPECT_EQ(handler.firstError(), "m.onnx: first");
  EXPECT_EQ(printed, "error: m.onnx: first\n");
}

} // namespace
