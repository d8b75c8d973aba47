//===- Epilogue.h - The activations a conv epilogue applies -----*- C++ -*-===//
//
// One builder for every place that applies a conv op's activation: the
// vector kernels (on registers) and the Winograd output transform (on
// scalars). exp is a polynomial (Cephes' expf, about 1 ulp) so that vector
// code does not call libm one lane at a time.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_DIALECTS_CONV_IR_EPILOGUE_H
#define EDGEC_DIALECTS_CONV_IR_EPILOGUE_H

#include "mlir/IR/Builders.h"

namespace edgec::conv {

/// exp(x) for an f32 scalar or vector `x`: Cephes' polynomial, about 1 ulp
/// where the result is a normal float, and IEEE's +inf, 0 and NaN outside.
mlir::Value buildExp(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x);

/// `activation` (as in the conv ops' attribute) of an f32 scalar or vector;
/// `clipMin`/`clipMax` are read for "clip" only.
mlir::Value buildActivation(mlir::OpBuilder &b, mlir::Location loc,
                            mlir::Value x, llvm::StringRef activation,
                            float clipMin, float clipMax);

} // namespace edgec::conv

#endif // EDGEC_DIALECTS_CONV_IR_EPILOGUE_H
