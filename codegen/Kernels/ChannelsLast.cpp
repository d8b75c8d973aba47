//===- ChannelsLast.cpp - Vector kernels for NHWC convolutions ------------===//

#include "codegen/Kernels/ChannelsLast.h"
#include "codegen/Kernels/KernelBuilder.h"

#include "dialects/conv/IR/Epilogue.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "llvm/Support/MathExtras.h"

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

/// Parallel tasks a direct kernel offers at least, when its shape allows:
/// enough for the thread counts of the devices edgec targets (up to 4
/// cores) to share the work evenly.
constexpr int64_t kMinParallelTasks = 16;
constexpr int64_t kMinRowTilesPerTask = 4;

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
      // Columns [col0, col0 + cols) of one output row of one tile of
      // filters: f0 is the tile's first filter within the group, `width`
      // its filters.
      auto emitRow = [&](OpBuilder &b, Value f0, int64_t width, Value oh,
                         Value col0, int64_t cols) {
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
        k.tiles(b, cols, s.rows, [&](OpBuilder &b, Value at, int64_t rows) {
          Value ow0 = k.add(b, col0, at);
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
      // Few rows and tiles (a pointwise layer is one row of every pixel)
      // would leave threads idle: then rows also split into chunks of
      // columns, whole row tiles each, so that no extra remainder tiles
      // appear and every output is computed as before.
      int64_t tasks = std::max<int64_t>(fullTiles, 1) * o[1];
      int64_t chunk = o[2];
      if (tasks < kMinParallelTasks) {
        // Chunks of at least kMinRowTilesPerTask row tiles: smaller ones
        // would cost more in dispatch than they share.
        int64_t pieces = llvm::divideCeil(kMinParallelTasks, tasks);
        int64_t wanted = std::max<int64_t>(llvm::divideCeil(o[2], pieces),
                                           kMinRowTilesPerTask * s.rows);
        chunk = std::min<int64_t>(o[2], llvm::alignTo(wanted, s.rows));
      }
      int64_t chunks = o[2] / chunk, lastChunk = o[2] % chunk;
      // Tiles of filters, rows and chunks, in this nesting order.
      auto eachTask = [&](int64_t tiles, int64_t count, int64_t cols,
                          Value colBase, auto body) {
        k.parallel(b, tiles * o[1] * count, [&](OpBuilder &b, Value i) {
          Value perTile = k.index(b, o[1] * count);
          Value t = b.create<arith::DivUIOp>(loc, i, perTile);
          Value rest = b.create<arith::RemUIOp>(loc, i, perTile);
          Value oh = b.create<arith::DivUIOp>(loc, rest, k.index(b, count));
          Value c = b.create<arith::RemUIOp>(loc, rest, k.index(b, count));
          body(b, t, oh, k.add(b, colBase, k.mul(b, c, cols)), cols);
        });
      };
      auto forColumns = [&](int64_t tiles, auto body) {
        if (chunks > 0)
          eachTask(tiles, chunks, chunk, k.index(b, 0), body);
        if (lastChunk > 0)
          eachTask(tiles, 1, lastChunk, k.index(b, chunks * chunk), body);
      };
      if (fullTiles > 0)
        forColumns(fullTiles, [&](OpBuilder &b, Value t, Value oh, Value col0,
                                  int64_t cols) {
          emitRow(b, k.mul(b, t, tileWidth), tileWidth, oh, col0, cols);
        });
      if (remainder > 0)
        forColumns(
            1, [&](OpBuilder &b, Value, Value oh, Value col0, int64_t cols) {
              emitRow(b, k.index(b, fullTiles * tileWidth), remainder, oh, col0,
                      cols);
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
