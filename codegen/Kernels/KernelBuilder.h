//===- KernelBuilder.h - Loop and index helpers for kernels -----*- C++ -*-===//
//
// What every kernel emitter does over and over: index constants and
// arithmetic, counted loops (a single trip emits no loop), and covering an
// extent with full tiles plus one narrower, static remainder.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_CODEGEN_KERNELS_KERNELBUILDER_H
#define EDGEC_CODEGEN_KERNELS_KERNELBUILDER_H

#include "mlir/IR/Builders.h"

namespace edgec::codegen {

class KernelBuilder {
public:
  explicit KernelBuilder(mlir::Location loc) : loc_(loc) {}

  /// body(builder, index, size): `size` is the step (or remainder) covered.
  using Body =
      llvm::function_ref<void(mlir::OpBuilder &, mlir::Value, int64_t)>;

  mlir::Location loc() const { return loc_; }
  mlir::Value index(mlir::OpBuilder &b, int64_t v) const;
  mlir::Value add(mlir::OpBuilder &b, mlir::Value x, int64_t c) const;
  mlir::Value add(mlir::OpBuilder &b, mlir::Value x, mlir::Value y) const;
  mlir::Value mul(mlir::OpBuilder &b, mlir::Value x, int64_t c) const;

  /// for (i = lo; i < hi; i += step) body(i, step).
  void loop(mlir::OpBuilder &b, int64_t lo, int64_t hi, int64_t step,
            Body body) const;

  /// for (i = 0; i < count; ++i) body(i) with iterations independent of
  /// each other: an scf.parallel, which the runtime splits across threads.
  void
  parallel(mlir::OpBuilder &b, int64_t count,
           llvm::function_ref<void(mlir::OpBuilder &, mlir::Value)> body) const;

  /// Covers [0, extent) with tiles of `tile`, then one narrower remainder.
  void tiles(mlir::OpBuilder &b, int64_t extent, int64_t tile, Body body) const;

  /// Widths of the vectors covering `width` elements, `lanes` at a time.
  static llvm::SmallVector<int64_t> vectorWidths(int64_t width, int64_t lanes);

private:
  mlir::Location loc_;
};

} // namespace edgec::codegen

#endif // EDGEC_CODEGEN_KERNELS_KERNELBUILDER_H
