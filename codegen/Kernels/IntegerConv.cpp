//===- IntegerConv.cpp - int8 kernels for NHWC convolutions ---------------===//

#include "codegen/Kernels/IntegerConv.h"
#include "codegen/Kernels/KernelBuilder.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

using namespace mlir;

namespace edgec::codegen {
namespace {

ArrayRef<int64_t> shapeOf(Value v) {
  return cast<MemRefType>(v.getType()).getShape();
}

VectorType vectorOf(OpBuilder &b, int64_t lanes, unsigned bits) {
  return VectorType::get({lanes}, b.getIntegerType(bits));
}

Value splat(OpBuilder &b, Location loc, VectorType type, int64_t value) {
  return b.create<arith::ConstantOp>(
      loc, DenseElementsAttr::get(
               type, b.getIntegerAttr(type.getElementType(), value)));
}

/// The epilogue of one vector of channels: requantization (when the op
/// has it), with the channels' factors loaded once per tile, then the
/// store.
class IntegerStore {
public:
  IntegerStore(OpBuilder &b, Location loc, const IntegerEpilogue &e,
               Value channel, int64_t lanes)
      : loc_(loc), e_(e) {
    if (!e.multiplier)
      return;
    VectorType i32 = vectorOf(b, lanes, 32);
    i64_ = vectorOf(b, lanes, 64);
    multiplier_ =
        widen(b, b.create<vector::LoadOp>(loc, i32, e.multiplier, channel));
    shift_ = widen(b, b.create<vector::LoadOp>(loc, i32, e.shift, channel));
    Value one = splat(b, loc, i64_, 1);
    half_ = b.create<arith::ShLIOp>(loc, one,
                                    b.create<arith::SubIOp>(loc, shift_, one));
  }

  /// Stores the first `width` lanes of `acc`, requantized, at `index`.
  void store(OpBuilder &b, Value acc, int64_t width, Value out,
             ValueRange index) const {
    int64_t lanes = cast<VectorType>(acc.getType()).getNumElements();
    Value y = acc;
    if (e_.multiplier) {
      // (acc * m + 2^(s-1)) >> s in 64 bits: qtensor.rescale's rounding.
      Value v = b.create<arith::MulIOp>(loc_, widen(b, acc), multiplier_);
      v = b.create<arith::ShRSIOp>(
          loc_, b.create<arith::AddIOp>(loc_, v, half_), shift_);
      v = b.create<arith::AddIOp>(loc_, v, splat(b, loc_, i64_, e_.zeroPoint));
      v = b.create<arith::MaxSIOp>(loc_, v, splat(b, loc_, i64_, e_.min));
      v = b.create<arith::MinSIOp>(loc_, v, splat(b, loc_, i64_, e_.max));
      y = b.create<arith::TruncIOp>(loc_, vectorOf(b, lanes, 8), v);
    }
    if (width < lanes)
      y = b.create<vector::ExtractStridedSliceOp>(loc_, y, ArrayRef<int64_t>{0},
                                                  ArrayRef<int64_t>{width},
                                                  ArrayRef<int64_t>{1});
    b.create<vector::StoreOp>(loc_, y, out, index);
  }

private:
  Value widen(OpBuilder &b, Value v) const {
    return b.create<arith::ExtSIOp>(loc_, i64_, v);
  }

  Location loc_;
  const IntegerEpilogue &e_;
  VectorType i64_;
  Value multiplier_, shift_, half_;
};

/// acc[l] += sum over j < 4 of x[j] * w[4l + j]: `x` is 4 int8 values in
/// every int32 lane, `w` 4 int8 values per lane.
class DotProduct {
public:
  DotProduct(Location loc, StringRef dot, int64_t lanes)
      : loc_(loc), dot_(dot), lanes_(lanes) {}

  /// The broadcast operand, prepared once per pixel.
  Value prepare(OpBuilder &b, Value x) const {
    if (dot_ != "vnni")
      return x;
    // VPDPBUSD multiplies unsigned by signed bytes: x + 128 as uint8 (the
    // bias holds the -128 x sum of weights that compensates).
    return b.create<arith::XOrIOp>(loc_, x,
                                   splat(b, loc_, vectorOf(b, lanes_, 32),
                                         static_cast<int32_t>(0x80808080)));
  }

  Value accumulate(OpBuilder &b, Value acc, Value x, Value w) const {
    VectorType i32 = vectorOf(b, lanes_, 32),
               bytes = vectorOf(b, 4 * lanes_, 8);
    if (dot_ == "vnni")
      return b
          .create<LLVM::CallIntrinsicOp>(
              loc_, i32, b.getStringAttr("llvm.x86.avx512.vpdpbusd.512"),
              ValueRange{acc, x, b.create<vector::BitCastOp>(loc_, i32, w)})
          .getResult(0);
    Value xb = b.create<vector::BitCastOp>(loc_, bytes, x);
    if (dot_ == "sdot")
      return b
          .create<LLVM::CallIntrinsicOp>(
              loc_, i32, b.getStringAttr("llvm.aarch64.neon.sdot.v4i32.v16i8"),
              ValueRange{acc, xb, w})
          .getResult(0);
    // Products of two int8 values fit int16; four of them, int32.
    VectorType i16 = vectorOf(b, 4 * lanes_, 16);
    Value product =
        b.create<arith::MulIOp>(loc_, b.create<arith::ExtSIOp>(loc_, i16, xb),
                                b.create<arith::ExtSIOp>(loc_, i16, w));
    Value wide =
        b.create<arith::ExtSIOp>(loc_, vectorOf(b, 4 * lanes_, 32), product);
    Value sum = acc;
    for (int64_t j = 0; j < 4; ++j) {
      SmallVector<int64_t> lanesJ;
      for (int64_t l = 0; l < lanes_; ++l)
        lanesJ.push_back(4 * l + j);
      sum = b.create<arith::AddIOp>(
          loc_, sum, b.create<vector::ShuffleOp>(loc_, wide, wide, lanesJ));
    }
    return sum;
  }

private:
  Location loc_;
  StringRef dot_;
  int64_t lanes_;
};

} // namespace

void emitIntegerDirectNhwc(OpBuilder &b, Location loc, Value in, Value weight,
                           Value out, const WindowGeometry &g,
                           const IntegerEpilogue &e, const KernelSchedule &s,
                           StringRef dot) {
  KernelBuilder k(loc);
  ArrayRef<int64_t> o = shapeOf(out), w = shapeOf(weight);
  int64_t kernelH = w[1], kernelW = w[2], groups = w[3], lanes = w[4];
  int64_t channels = shapeOf(in)[3], fullGroups = channels / 4;
  assert(lanes == s.lanes && "packed for another schedule");
  DotProduct product(loc, dot, lanes);
  VectorType i32 = vectorOf(b, lanes, 32), bytes = vectorOf(b, 4 * lanes, 8);

  // Four channels of one pixel in every lane: group `group` of 4, or the
  // last, partial group, whose channels past C read as 0.
  auto broadcast = [&](OpBuilder &b, Value n, Value row, Value col, Value group,
                       bool partial) -> Value {
    Value word;
    if (!partial) {
      word =
          b.create<vector::LoadOp>(loc, vectorOf(b, 4, 8), in,
                                   ValueRange{n, row, col, k.mul(b, group, 4)});
    } else {
      word = splat(b, loc, vectorOf(b, 4, 8), 0);
      for (int64_t j = 0; 4 * fullGroups + j < channels; ++j) {
        Value x = b.create<memref::LoadOp>(
            loc, in, ValueRange{n, row, col, k.index(b, 4 * fullGroups + j)});
        word = b.create<vector::InsertOp>(loc, x, word, j);
      }
    }
    Value scalar = b.create<vector::ExtractOp>(
        loc, b.create<vector::BitCastOp>(loc, vectorOf(b, 1, 32), word), 0);
    return product.prepare(b, b.create<vector::BroadcastOp>(loc, i32, scalar));
  };

  // One register tile: pixels [ow0, ow0 + rows) of row oh, `vectors`
  // vectors of filters from packed vector `first`; the last one holds
  // `lastWidth` real filters.
  auto emitTile = [&](OpBuilder &b, Value n, Value oh, Value ow0, int64_t rows,
                      Value first, int64_t vectors, int64_t lastWidth) {
    SmallVector<Value> vecIndex, channel;
    for (int64_t v = 0; v < vectors; ++v) {
      vecIndex.push_back(k.add(b, first, v));
      channel.push_back(k.mul(b, vecIndex.back(), lanes));
    }
    SmallVector<Value> acc;
    for (int64_t p = 0; p < rows; ++p)
      for (int64_t v = 0; v < vectors; ++v)
        acc.push_back(b.create<vector::LoadOp>(loc, i32, e.bias, channel[v]));
    auto rowLoop = b.create<scf::ForOp>(
        loc, k.index(b, 0), k.index(b, kernelH), k.index(b, 1), acc,
        [&](OpBuilder &b, Location, Value kh, ValueRange rowAcc) {
          Value row =
              k.add(b, k.mul(b, oh, g.strideH), k.mul(b, kh, g.dilationH));
          SmallVector<Value> sums(rowAcc);
          for (int64_t kw = 0; kw < kernelW; ++kw) {
            SmallVector<Value> cols;
            for (int64_t p = 0; p < rows; ++p)
              cols.push_back(k.add(b, k.mul(b, k.add(b, ow0, p), g.strideW),
                                   kw * g.dilationW));
            auto step = [&](OpBuilder &b, Value group, bool partial,
                            SmallVector<Value> &next) {
              SmallVector<Value> weights;
              for (int64_t v = 0; v < vectors; ++v)
                weights.push_back(b.create<vector::LoadOp>(
                    loc, bytes, weight,
                    ValueRange{vecIndex[v], kh, k.index(b, kw), group,
                               k.index(b, 0), k.index(b, 0)}));
              for (int64_t p = 0; p < rows; ++p) {
                Value x = broadcast(b, n, row, cols[p], group, partial);
                for (int64_t v = 0; v < vectors; ++v) {
                  Value &sum = next[p * vectors + v];
                  sum = product.accumulate(b, sum, x, weights[v]);
                }
              }
            };
            if (fullGroups > 0) {
              auto groupLoop = b.create<scf::ForOp>(
                  loc, k.index(b, 0), k.index(b, fullGroups), k.index(b, 1),
                  sums,
                  [&](OpBuilder &b, Location, Value group, ValueRange gAcc) {
                    SmallVector<Value> next(gAcc);
                    step(b, group, /*partial=*/false, next);
                    b.create<scf::YieldOp>(loc, next);
                  });
              sums.assign(groupLoop.getResults().begin(),
                          groupLoop.getResults().end());
            }
            if (groups > fullGroups)
              step(b, k.index(b, fullGroups), /*partial=*/true, sums);
          }
          b.create<scf::YieldOp>(loc, sums);
        });
    for (int64_t v = 0; v < vectors; ++v) {
      IntegerStore epilogue(b, loc, e, channel[v], lanes);
      for (int64_t p = 0; p < rows; ++p)
        epilogue.store(b, rowLoop.getResult(p * vectors + v),
                       v + 1 == vectors ? lastWidth : lanes, out,
                       ValueRange{n, oh, k.add(b, ow0, p), channel[v]});
    }
  };

  // Tiles of `vectors` packed vectors; threads take (tile, output row).
  int64_t filters = o[3], tileWidth = lanes * s.vectors;
  int64_t fullTiles = filters / tileWidth, rest = filters % tileWidth;
  k.loop(b, 0, o[0], 1, [&](OpBuilder &b, Value n, int64_t) {
    auto rowsOf = [&](OpBuilder &b, Value oh, Value first, int64_t vectors,
                      int64_t lastWidth) {
      k.tiles(b, o[2], s.rows, [&](OpBuilder &b, Value ow0, int64_t rows) {
        emitTile(b, n, oh, ow0, rows, first, vectors, lastWidth);
      });
    };
    if (fullTiles > 0)
      k.parallel(b, fullTiles * o[1], [&](OpBuilder &b, Value i) {
        Value t = b.create<arith::DivUIOp>(loc, i, k.index(b, o[1]));
        Value oh = b.create<arith::RemUIOp>(loc, i, k.index(b, o[1]));
        rowsOf(b, oh, k.mul(b, t, s.vectors), s.vectors, lanes);
      });
    if (rest > 0)
      k.parallel(b, o[1], [&](OpBuilder &b, Value oh) {
        int64_t vectors = llvm::divideCeil(rest, lanes);
        int64_t lastWidth = rest - (vectors - 1) * lanes;
        rowsOf(b, oh, k.index(b, fullTiles * s.vectors), vectors, lastWidth);
      });
  });
}

void emitIntegerDepthwiseNhwc(OpBuilder &b, Location loc, Value in,
                              Value weight, Value out, const WindowGeometry &g,
                              const IntegerEpilogue &e,
                              const KernelSchedule &s) {
  KernelBuilder k(loc);
  ArrayRef<int64_t> o = shapeOf(out), w = shapeOf(weight);
  int64_t kernelH = w[0], kernelW = w[1], lanes = s.lanes;
  k.loop(b, 0, o[0], 1, [&](OpBuilder &b, Value n, int64_t) {
    k.parallel(b, o[1], [&](OpBuilder &b, Value oh) {
      k.tiles(b, o[2], s.rows, [&](OpBuilder &b, Value ow0, int64_t rows) {
        k.tiles(
            b, o[3], lanes * s.vectors,
            [&](OpBuilder &b, Value c0, int64_t width) {
              SmallVector<int64_t> widths =
                  KernelBuilder::vectorWidths(width, lanes);
              int64_t nv = widths.size();
              SmallVector<Value> channel, acc;
              for (int64_t v = 0; v < nv; ++v)
                channel.push_back(k.add(b, c0, v * lanes));
              // Full-width accumulators: bias and weights are padded.
              VectorType i32 = vectorOf(b, lanes, 32);
              for (int64_t p = 0; p < rows; ++p)
                for (int64_t v = 0; v < nv; ++v)
                  acc.push_back(
                      b.create<vector::LoadOp>(loc, i32, e.bias, channel[v]));
              for (int64_t kh = 0; kh < kernelH; ++kh) {
                Value row = k.add(b, k.mul(b, oh, g.strideH), kh * g.dilationH);
                for (int64_t kw = 0; kw < kernelW; ++kw) {
                  SmallVector<Value> weights;
                  for (int64_t v = 0; v < nv; ++v)
                    weights.push_back(b.create<arith::ExtSIOp>(
                        loc, i32,
                        b.create<vector::LoadOp>(
                            loc, vectorOf(b, lanes, 8), weight,
                            ValueRange{k.index(b, kh), k.index(b, kw),
                                       channel[v]})));
                  for (int64_t p = 0; p < rows; ++p) {
                    Value col = k.add(b, k.mul(b, k.add(b, ow0, p), g.strideW),
                                      kw * g.dilationW);
                    for (int64_t v = 0; v < nv; ++v) {
                      // Only the real channels are read; the rest of
                      // the vector is 0.
                      Value x = b.create<vector::LoadOp>(
                          loc, vectorOf(b, widths[v], 8), in,
                          ValueRange{n, row, col, channel[v]});
                      if (widths[v] < lanes)
                        x = b.create<vector::InsertStridedSliceOp>(
                            loc, x, splat(b, loc, vectorOf(b, lanes, 8), 0),
                            ArrayRef<int64_t>{0}, ArrayRef<int64_t>{1});
                      Value &sum = acc[p * nv + v];
                      sum = b.create<arith::AddIOp>(
                          loc, sum,
                          b.create<arith::MulIOp>(
                              loc, b.create<arith::ExtSIOp>(loc, i32, x),
                              weights[v]));
                    }
                  }
                }
              }
              for (int64_t v = 0; v < nv; ++v) {
                IntegerStore epilogue(b, loc, e, channel[v], lanes);
                for (int64_t p = 0; p < rows; ++p)
                  epilogue.store(
                      b, acc[p * nv + v], widths[v], out,
                      ValueRange{n, oh, k.add(b, ow0, p), channel[v]});
              }
            });
      });
    });
  });
}

} // namespace edgec::codegen
