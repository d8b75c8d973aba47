//===- DirectConv.cpp - The register-blocked direct convolution -----------===//

#include "codegen/Kernels/DirectConv.h"
#include "codegen/Kernels/KernelBuilder.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

using namespace mlir;

namespace edgec::codegen {
namespace {

class DirectConvEmitter {
public:
  DirectConvEmitter(OpBuilder &b, Location loc, Value in, Value weight,
                    Value out, const ConvGeometry &g, const KernelSchedule &s)
      : b_(b), loc_(loc), k_(loc), in_(in), weight_(weight), out_(out), g_(g),
        s_(s) {
    auto outShape = cast<MemRefType>(out.getType()).getShape();
    auto wShape = cast<MemRefType>(weight.getType()).getShape();
    batch_ = outShape[0];
    filters_ = outShape[1];
    outH_ = outShape[2];
    outW_ = outShape[3];
    channels_ = wShape[1];
    kernelH_ = wShape[2];
    kernelW_ = wShape[3];
    f32_ = b.getF32Type();
  }

  void emit() {
    k_.loop(b_, 0, batch_, 1, [&](OpBuilder &b, Value n, int64_t) {
      k_.tiles(b, filters_, s_.rows, [&](OpBuilder &b, Value f0, int64_t fs) {
        k_.loop(b, 0, outH_, 1, [&](OpBuilder &b, Value oh, int64_t) {
          k_.tiles(b, outW_, s_.lanes * s_.vectors,
                   [&](OpBuilder &b, Value ow0, int64_t width) {
                     emitTile(b, n, f0, fs, oh, ow0, width);
                   });
        });
      });
    });
  }

private:
  /// `count` input columns starting at `col`, `stride` apart.
  Value loadColumns(OpBuilder &b, ValueRange prefix, Value col, int64_t count,
                    int64_t stride) {
    SmallVector<Value> idx(prefix);
    idx.push_back(col);
    int64_t span = (count - 1) * stride + 1;
    Value row =
        b.create<vector::LoadOp>(loc_, VectorType::get({span}, f32_), in_, idx);
    if (stride == 1)
      return row;
    SmallVector<int64_t> mask;
    for (int64_t i = 0; i < count; ++i)
      mask.push_back(i * stride);
    return b.create<vector::ShuffleOp>(loc_, row, row, mask);
  }

  void emitTile(OpBuilder &b, Value n, Value f0, int64_t numFilters, Value oh,
                Value ow0, int64_t width) {
    // Vector widths covering the tile's columns.
    SmallVector<int64_t> widths = KernelBuilder::vectorWidths(width, s_.lanes);
    int64_t nv = widths.size();
    SmallVector<Value> fIdx, colIdx;
    for (int64_t f = 0; f < numFilters; ++f)
      fIdx.push_back(k_.add(b, f0, f));
    for (int64_t v = 0; v < nv; ++v)
      colIdx.push_back(k_.add(b, ow0, v * s_.lanes));

    SmallVector<Value> acc;
    for (int64_t f = 0; f < numFilters; ++f)
      for (int64_t v = 0; v < nv; ++v)
        acc.push_back(b.create<vector::LoadOp>(
            loc_, VectorType::get({widths[v]}, f32_), out_,
            ValueRange{n, fIdx[f], oh, colIdx[v]}));

    Value ohBase = k_.mul(b, oh, g_.strideH);
    SmallVector<Value> colBase;
    for (Value col : colIdx)
      colBase.push_back(k_.mul(b, col, g_.strideW));

    auto channelLoop = b.create<scf::ForOp>(
        loc_, k_.index(b, 0), k_.index(b, channels_), k_.index(b, 1), acc,
        [&](OpBuilder &cb, Location, Value c, ValueRange cAcc) {
          auto rowLoop = cb.create<scf::ForOp>(
              loc_, k_.index(cb, 0), k_.index(cb, kernelH_), k_.index(cb, 1),
              cAcc, [&](OpBuilder &kb, Location, Value kh, ValueRange kAcc) {
                SmallVector<Value> sums(kAcc);
                Value row = kb.create<arith::AddIOp>(
                    loc_, ohBase, k_.mul(kb, kh, g_.dilationH));
                for (int64_t kw = 0; kw < kernelW_; ++kw) {
                  SmallVector<Value> xs;
                  for (int64_t v = 0; v < nv; ++v)
                    xs.push_back(
                        loadColumns(kb, ValueRange{n, c, row},
                                    k_.add(kb, colBase[v], kw * g_.dilationW),
                                    widths[v], g_.strideW));
                  for (int64_t f = 0; f < numFilters; ++f) {
                    Value w = kb.create<memref::LoadOp>(
                        loc_, weight_,
                        ValueRange{fIdx[f], c, kh, k_.index(kb, kw)});
                    llvm::SmallDenseMap<int64_t, Value> splats;
                    for (int64_t v = 0; v < nv; ++v) {
                      Value &splat = splats[widths[v]];
                      if (!splat)
                        splat = kb.create<vector::BroadcastOp>(
                            loc_, VectorType::get({widths[v]}, f32_), w);
                      Value &sum = sums[f * nv + v];
                      sum = kb.create<vector::FMAOp>(loc_, splat, xs[v], sum);
                    }
                  }
                }
                kb.create<scf::YieldOp>(loc_, sums);
              });
          cb.create<scf::YieldOp>(loc_, rowLoop.getResults());
        });

    for (int64_t f = 0; f < numFilters; ++f)
      for (int64_t v = 0; v < nv; ++v)
        b.create<vector::StoreOp>(loc_, channelLoop.getResult(f * nv + v), out_,
                                  ValueRange{n, fIdx[f], oh, colIdx[v]});
  }

  OpBuilder &b_;
  Location loc_;
  KernelBuilder k_;
  Value in_, weight_, out_;
  ConvGeometry g_;
  KernelSchedule s_;
  int64_t batch_, filters_, outH_, outW_, channels_, kernelH_, kernelW_;
  Type f32_;
};

} // namespace

void emitDirectConv(OpBuilder &b, Location loc, Value in, Value weight,
                    Value out, const ConvGeometry &geometry,
                    const KernelSchedule &schedule) {
  DirectConvEmitter(b, loc, in, weight, out, geometry, schedule).emit();
}

} // namespace edgec::codegen
