//===- ChannelsLast.h - Vector kernels for NHWC convolutions ----*- C++ -*-===//
//
// The kernels of conv.direct and conv.depthwise, on channels-last memrefs:
//
//   direct:     out[n, oh, ow, f] = epilogue(sum over kh, kw, c of
//                   in[n, oh*sh + kh*dh, ow*sw + kw*dw, c] * w[kh, kw, c, f])
//   depthwise:  out[n, oh, ow, c] = epilogue(sum over kh, kw of
//                   in[n, oh*sh + kh*dh, ow*sw + kw*dw, c] * w[kh, kw, c])
//
// Vectors run along output channels, so every layer vectorizes fully
// whatever its spatial size, and a stride only changes which pixels are
// read. The register tile is `rows` output pixels by `vectors` vectors of
// `lanes` channels: the direct kernel broadcasts one input value per pixel
// against a vector of weights; the depthwise kernel multiplies vectors of
// input and weight channels. The epilogue (bias, residual, activation) is
// applied on the registers before the one store.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_CODEGEN_KERNELS_CHANNELSLAST_H
#define EDGEC_CODEGEN_KERNELS_CHANNELSLAST_H

#include "codegen/Kernels/Schedule.h"

#include "mlir/IR/Builders.h"

namespace edgec::codegen {

/// What follows the accumulation in a conv kernel.
struct Epilogue {
  mlir::Value bias;     ///< [F] memref, or null
  mlir::Value residual; ///< memref shaped like the output, or null
  std::string activation = "none";
  float clipMin = 0, clipMax = 0;
};

struct WindowGeometry {
  int64_t strideH = 1, strideW = 1, dilationH = 1, dilationW = 1;
};

/// Emits conv.direct (already padded) at `b`'s insertion point. `in` is
/// [N, H, W, C], `weight` [KH, KW, C/group, F], `out` [N, OH, OW, F].
void emitDirectNhwc(mlir::OpBuilder &b, mlir::Location loc, mlir::Value in,
                    mlir::Value weight, mlir::Value out, int64_t group,
                    const WindowGeometry &geometry, const Epilogue &epilogue,
                    const KernelSchedule &schedule);

/// Emits conv.depthwise (already padded). `in` is [N, H, W, C], `weight`
/// [KH, KW, C], `out` [N, OH, OW, C].
void emitDepthwiseNhwc(mlir::OpBuilder &b, mlir::Location loc, mlir::Value in,
                       mlir::Value weight, mlir::Value out,
                       const WindowGeometry &geometry, const Epilogue &epilogue,
                       const KernelSchedule &schedule);

} // namespace edgec::codegen

#endif // EDGEC_CODEGEN_KERNELS_CHANNELSLAST_H
