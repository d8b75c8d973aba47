//===- DirectConv.h - The register-blocked direct convolution ---*- C++ -*-===//
//
// One loop nest serves every convolution and matrix product on the CPU:
//
//   out[n, f, oh, ow] += sum over c, kh, kw of
//       weight[f, c, kh, kw] * in[n, c, oh*sh + kh*dh, ow*sw + kw*dw]
//
// on 4-D memrefs (channels first). A tile of `rows` output channels by
// `vectors * lanes` output columns stays in vector registers across the
// whole reduction; each step loads one row of input columns and broadcasts
// one weight per output channel into a fused multiply-add. A matrix product
// is the 1x1 case (rows are filters, columns are output columns).
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_CODEGEN_KERNELS_DIRECTCONV_H
#define EDGEC_CODEGEN_KERNELS_DIRECTCONV_H

#include "codegen/Kernels/Schedule.h"

#include "mlir/IR/Builders.h"

namespace edgec::codegen {

struct ConvGeometry {
  int64_t strideH = 1, strideW = 1, dilationH = 1, dilationW = 1;
};

/// Emits the loop nest at `b`'s insertion point. `in`, `weight` and `out`
/// are 4-D f32 memrefs with static shapes and unit innermost stride.
void emitDirectConv(mlir::OpBuilder &b, mlir::Location loc, mlir::Value in,
                    mlir::Value weight, mlir::Value out,
                    const ConvGeometry &geometry,
                    const KernelSchedule &schedule);

} // namespace edgec::codegen

#endif // EDGEC_CODEGEN_KERNELS_DIRECTCONV_H
