//===- Captures.h - What outlined code takes from its function --*- C++ -*-===//
//
// The outlining passes move code out of the entry function into functions
// called with the bare-pointer convention. A value used inside but defined
// outside travels as an argument when it can (scalars, static identity-layout
// memrefs); constants and the views that give other memrefs their layout
// are rebuilt inside, from arguments.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_CODEGEN_OUTLINE_CAPTURES_H
#define EDGEC_CODEGEN_OUTLINE_CAPTURES_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/SetVector.h"

namespace edgec::codegen {

class Captures {
public:
  /// Collects what `regions` use from above them inside `function`;
  /// failure when some value cannot travel.
  mlir::LogicalResult collect(mlir::MutableArrayRef<mlir::Region> regions,
                              mlir::Operation *function);
  /// Same for all of `op`: its operands and what its regions use.
  mlir::LogicalResult collect(mlir::Operation *op, mlir::Operation *function);

  /// The values that become arguments, in order.
  llvm::ArrayRef<mlir::Value> arguments() const {
    return arguments_.getArrayRef();
  }

  /// Maps the arguments to `args` and clones the rebuilt ops at `builder`.
  void rebuild(mlir::OpBuilder &builder, mlir::ValueRange args,
               mlir::IRMapping &mapping) const;

private:
  mlir::LogicalResult collectValues(mlir::ValueRange operands,
                                    mlir::MutableArrayRef<mlir::Region> regions,
                                    mlir::Operation *function);

  llvm::SetVector<mlir::Value> arguments_;
  /// Ops cloned into the outlined function, in program order.
  llvm::SmallVector<mlir::Operation *> rebuilt_;
};

/// The model's entry functions (marked `edgec.entry`) in `module`, collected
/// before an outlining pass adds functions of its own.
llvm::SmallVector<mlir::Operation *> entryFunctions(mlir::Operation *module);

} // namespace edgec::codegen

#endif // EDGEC_CODEGEN_OUTLINE_CAPTURES_H
