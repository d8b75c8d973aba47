//===- ChannelsLast.cpp - Vector kernels for NHWC convolutions ------------===//

#include "codegen/Kernels/ChannelsLast.h"
#include "codegen/Kernels/KernelBuilder.h"

#include "dialects/conv/IR/Epilogue.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

using namespace mlir;

namespace edgec::codegen {
namespace {

ArrayRef<int64_t> shapeOf(Value v) {
  return cast<MemRefType>(v.getType()).getShape();
}

/// The register tile of one kernel invocation: rows (pixels) by vectors
/// (channels), and how to start and finish it.
class Tile {
public:
  Tile(KernelBuilder &k, const Epilogue &epilogue, Value n, Value oh, Value ow0,
       int64_t rows, Value c0, ArrayRef<int64_t> widths)
      : k_(k), epilogue_(epilogue), n_(n), oh_(oh), ow0_(ow0), c0_(c0),
        rows_(rows), widths_(widths) {}

  int64_t rows() const { return rows_; }
  int64_t vectors() const { return widths_.size(); }
  int64_t width(int64_t v) const { return widths_[v]; }
  VectorType vectorType(OpBuilder &b, int64_t v) const {
    return VectorType::get({widths_[v]}, b.getF32Type());
  }
  /// Channel offset of vector `v`.
  Value channel(OpBuilder &b, int64_t v, int64_t lanes) const {
    return k_.add(b, c0_, v * lanes);
  }
  Value column(OpBuilder &b, int64_t p) const { return k_.add(b, ow0_, p); }

  /// Accumulators start at the bias (or zero).
  SmallVector<Value> initial(OpBuilder &b, int64_t lanes) const {
    SmallVector<Value> acc;
    for (int64_t p = 0; p < rows(); ++p)
      for (int64_t v = 0; v < vectors(); ++v) {
        VectorType type = vectorType(b, v);
        if (epilogue_.bias)
          acc.push_back(b.create<vector::LoadOp>(k_.loc(), type, epilogue_.bias,
                                                 channel(b, v, lanes)));
        else
          acc.push_back(b.create<arith::ConstantOp>(
              k_.loc(), DenseElementsAttr::get(type, 0.0f)));
      }
    return acc;
  }

  /// Residual, activation, store.
  void finish(OpBuilder &b, ValueRange acc, Value out, int64_t lanes) const {
    for (int64_t p = 0; p < rows(); ++p)
      for (int64_t v = 0; v < vectors(); ++v) {
        SmallVector<Value> idx = {n_, oh_, column(b, p), channel(b, v, lanes)};
        Value y = acc[p * vectors() + v];
        if (epilogue_.residual)
          y = b.create<arith::AddFOp>(
              k_.loc(), y,
              b.create<vector::LoadOp>(k_.loc(), vectorType(b, v),
                                       epilogue_.residual, idx));
        y = conv::buildActivation(b, k_.loc(), y, epilogue_.activation,
                                  epilogue_.clipMin, epilogue_.clipMax);
        b.create<vector::StoreOp>(k_.loc(), y, out, idx);
      }
  }

private:
  KernelBuilder &k_;
  const Epilogue &epilogue_;
  Value n_, oh_, ow0_, c0_;
  int64_t rows_;
  SmallVector<int64_t> widths_;
};

} // namespace

void emitDirectNhwc(OpBuilder &b, Location loc, Value in, Value weight,
                    Value out, int64_t group, const WindowGeometry &g,
                    const Epilogue &epilogue, const KernelSchedule &s) {
  KernelBuilder k(loc);
  ArrayRef<int64_t> o = shapeOf(out), w = shapeOf(weight);
  // HWIO [KH, KW, Cg, F], or packed [G, tiles, KH, KW, Cg, T].
  bool packed = w.size() == 6;
  ArrayRef<int64_t> hwio = packed ? w.drop_front(2) : w;
  int64_t kernelH = hwio[0], kernelW = hwio[1], perGroup = hwio[2];
  int64_t filtersPerGroup = o[3] / group;
  int64_t tileWidth = s.lanes * s.vectors;
  assert((!packed || w[5] == tileWidth) && "packed for another schedule");
  k.loop(b, 0, o[0], 1, [&](OpBuilder &b, Value n, int64_t) {
    k.loop(b, 0, group, 1, [&](OpBuilder &b, Value gi, int64_t) {
      Value cBase = k.mul(b, gi, perGroup);
      Value fBase = k.mul(b, gi, filtersPerGroup);
      // One output row of one tile of filters: f0 is the tile's first
      // filter within the group, `width` its filters.
      auto emitRow = [&](OpBuilder &b, Value f0, int64_t width, Value oh) {
        // Where vector v of the tile's weights for tap (kh, kw, c) is.
        auto weightAt = [&](OpBuilder &b, Value kh, int64_t kw, Value c,
                            int64_t v) -> SmallVector<Value> {
          if (!packed)
            return {kh, k.index(b, kw), c,
                    k.add(b, k.add(b, fBase, f0), v * s.lanes)};
          Value tileIndex =
              b.create<arith::DivUIOp>(loc, f0, k.index(b, tileWidth));
          return {
              gi, tileIndex, kh, k.index(b, kw), c, k.index(b, v * s.lanes)};
        };
        k.tiles(b, o[2], s.rows, [&](OpBuilder &b, Value ow0, int64_t rows) {
          Tile tile(k, epilogue, n, oh, ow0, rows, k.add(b, fBase, f0),
                    KernelBuilder::vectorWidths(width, s.lanes));
          auto rowLoop = b.create<scf::ForOp>(
              loc, k.index(b, 0), k.index(b, kernelH), k.index(b, 1),
              tile.initial(b, s.lanes),
              [&](OpBuilder &b, Location, Value kh, ValueRange acc) {
                Value row = k.add(b, k.mul(b, oh, g.strideH),
                                  k.mul(b, kh, g.dilationH));
                SmallVector<Value> sums(acc);
                for (int64_t kw = 0; kw < kernelW; ++kw) {
                  SmallVector<Value> cols;
                  for (int64_t p = 0; p < rows; ++p)
                    cols.push_back(k.add(b,
                                         k.mul(b, tile.column(b, p), g.strideW),
                                         kw * g.dilationW));
                  auto channelLoop = b.create<scf::ForOp>(
                      loc, k.index(b, 0), k.index(b, perGroup), k.index(b, 1),
                      sums,
                      [&](OpBuilder &b, Location, Value c, ValueRange cAcc) {
                        SmallVector<Value> next(cAcc);
                        SmallVector<Value> weights;
                        for (int64_t v = 0; v < tile.vectors(); ++v)
                          weights.push_back(b.create<vector::LoadOp>(
                              loc, tile.vectorType(b, v), weight,
                              weightAt(b, kh, kw, c, v)));
                        Value channel = k.add(b, cBase, c);
                        for (int64_t p = 0; p < rows; ++p) {
                          Value x = b.create<memref::LoadOp>(
                              loc, in, ValueRange{n, row, cols[p], channel});
                          for (int64_t v = 0; v < tile.vectors(); ++v) {
                            Value splat = b.create<vector::BroadcastOp>(
                                loc, tile.vectorType(b, v), x);
                            Value &sum = next[p * tile.vectors() + v];
                            sum = b.create<vector::FMAOp>(loc, splat,
                                                          weights[v], sum);
                          }
                        }
                        b.create<scf::YieldOp>(loc, next);
                      });
                  sums.assign(channelLoop.getResults().begin(),
                              channelLoop.getResults().end());
                }
                b.create<scf::YieldOp>(loc, sums);
              });
          tile.finish(b, rowLoop.getResults(), out, s.lanes);
        });
      };
      // Filter tiles outermost: one tile's weights stay in cache while
      // every output row uses them, and threads take whole tiles where
      // there are enough of them.
      int64_t fullTiles = filtersPerGroup / tileWidth;
      int64_t remainder = filtersPerGroup % tileWidth;
      if (fullTiles > 0)
        k.parallel(b, fullTiles * o[1], [&](OpBuilder &b, Value i) {
          Value rowCount = k.index(b, o[1]);
          Value t = b.create<arith::DivUIOp>(loc, i, rowCount);
          Value oh = b.create<arith::RemUIOp>(loc, i, rowCount);
          emitRow(b, k.mul(b, t, tileWidth), tileWidth, oh);
        });
      if (remainder > 0)
        k.parallel(b, o[1], [&](OpBuilder &b, Value oh) {
          emitRow(b, k.index(b, fullTiles * tileWidth), remainder, oh);
        });
    });
  });
}

void emitDepthwiseNhwc(OpBuilder &b, Location loc, Value in, Value weight,
                       Value out, const WindowGeometry &g,
                       const Epilogue &epilogue, const KernelSchedule &s) {
  KernelBuilder k(loc);
  ArrayRef<int64_t> o = shapeOf(out), w = shapeOf(weight);
  int64_t kernelH = w[0], kernelW = w[1];
  k.loop(b, 0, o[0], 1, [&](OpBuilder &b, Value n, int64_t) {
    k.parallel(b, o[1], [&](OpBuilder &b, Value oh) {
      k.tiles(b, o[2], s.rows, [&](OpBuilder &b, Value ow0, int64_t rows) {
        k.tiles(
            b, o[3], s.lanes * s.vectors,
            [&](OpBuilder &b, Value c0, int64_t width) {
              Tile tile(k, epilogue, n, oh, ow0, rows, c0,
                        KernelBuilder::vectorWidths(width, s.lanes));
              SmallVector<Value> acc = tile.initial(b, s.lanes);
              // Small windows: every tap unrolled.
              for (int64_t kh = 0; kh < kernelH; ++kh) {
                Value row = k.add(b, k.mul(b, oh, g.strideH), kh * g.dilationH);
                for (int64_t kw = 0; kw < kernelW; ++kw) {
                  SmallVector<Value> weights;
                  for (int64_t v = 0; v < tile.vectors(); ++v)
                    weights.push_back(b.create<vector::LoadOp>(
                        loc, tile.vectorType(b, v), weight,
                        ValueRange{k.index(b, kh), k.index(b, kw),
                                   tile.channel(b, v, s.lanes)}));
                  for (int64_t p = 0; p < rows; ++p) {
                    Value col = k.add(b, k.mul(b, tile.column(b, p), g.strideW),
                                      kw * g.dilationW);
                    for (int64_t v = 0; v < tile.vectors(); ++v) {
                      Value x = b.create<vector::LoadOp>(
                          loc, tile.vectorType(b, v), in,
                          ValueRange{n, row, col, tile.channel(b, v, s.lanes)});
                      Value &sum = acc[p * tile.vectors() + v];
                      sum = b.create<vector::FMAOp>(loc, x, weights[v], sum);
                    }
                  }
                }
              }
              tile.finish(b, acc, out, s.lanes);
            });
      });
    });
  });
}

} // namespace edgec::codegen
