//===- IntegerConv.h - int8 kernels for NHWC convolutions -------*- C++ -*-===//
//
// The kernels of conv.integer after conv-lower-algorithms: int8 inputs and
// filters, int32 accumulators that start at the (zero-point corrected)
// bias, and an epilogue that requantizes to int8 or stores the int32 sums.
//
// The dense kernel's register tile is `rows` output pixels by `vectors`
// vectors of `lanes` filters, like the float kernel's. Each step
// broadcasts 4 input channels of one pixel (one 32-bit word) against a
// vector holding those 4 channels of every filter of the vector, and one
// dot product per int32 lane adds them: VPDPBUSD on AVX-512 VNNI, SDOT on
// Arm's dot product, widening multiplies and adds elsewhere. The depthwise
// kernel multiplies vectors of input and filter channels, widened to int32.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_CODEGEN_KERNELS_INTEGERCONV_H
#define EDGEC_CODEGEN_KERNELS_INTEGERCONV_H

#include "codegen/Kernels/ChannelsLast.h"
#include "codegen/Kernels/Schedule.h"

#include "mlir/IR/Builders.h"

namespace edgec::codegen {

/// After the sums: requantization when `multiplier` is set (int32 [F']
/// memrefs, F' >= F), else int32 stores.
struct IntegerEpilogue {
  mlir::Value bias;       ///< int32 [F'], always present
  mlir::Value multiplier; ///< int32 [F'], or null
  mlir::Value shift;      ///< int32 [F'], or null
  int64_t zeroPoint = 0, min = -128, max = 127;
};

/// conv.integer, dense: `in` [N, H, W, C] (padded), `weight` packed
/// [ceil(F / L), KH, KW, ceil(C / 4), L, 4], `out` [N, OH, OW, F]. `dot` is
/// the packing's dot product (vnni, sdot or generic).
void emitIntegerDirectNhwc(mlir::OpBuilder &b, mlir::Location loc,
                           mlir::Value in, mlir::Value weight, mlir::Value out,
                           const WindowGeometry &geometry,
                           const IntegerEpilogue &epilogue,
                           const KernelSchedule &schedule, llvm::StringRef dot);

/// conv.integer, depthwise: `weight` [KH, KW, C'] with C' >= C.
void emitIntegerDepthwiseNhwc(mlir::OpBuilder &b, mlir::Location loc,
                              mlir::Value in, mlir::Value weight,
                              mlir::Value out, const WindowGeometry &geometry,
                              const IntegerEpilogue &epilogue,
                              const KernelSchedule &schedule);

} // namespace edgec::codegen

#endif // EDGEC_CODEGEN_KERNELS_INTEGERCONV_H
