//===- LowerAlgorithms.cpp - Conv algorithms to kernels and linalg --------===//
//
// After this pass the only conv ops left are conv.direct and conv.depthwise
// without padding: the two loop nests the kernel generator emits. The other
// algorithms are rewritten in terms of them and of linalg.
//
//===----------------------------------------------------------------------===//

#include "dialects/conv/IR/ConvOps.h"
#include "dialects/conv/IR/Epilogue.h"
#include "dialects/conv/Transforms/Algorithms.h"
#include "dialects/conv/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

namespace edgec::conv {
#define GEN_PASS_DEF_LOWERALGORITHMS
#include "dialects/conv/Transforms/Passes.h.inc"
} // namespace edgec::conv

using namespace mlir;
namespace conv = edgec::conv;

namespace {

RankedTensorType tensorOf(ArrayRef<int64_t> shape, Builder &b) {
  return RankedTensorType::get(shape, b.getF32Type());
}

ArrayRef<int64_t> shapeOf(Value v) {
  return cast<RankedTensorType>(v.getType()).getShape();
}

/// Collapses or expands `v` to `shape` (same element count, row-major).
Value reshape(OpBuilder &b, Location loc, Value v, ArrayRef<int64_t> shape) {
  if (shapeOf(v) == shape)
    return v;
  // Constant filters stay constants, so that packFilter sees them.
  DenseElementsAttr constant;
  if (matchPattern(v, m_Constant(&constant)))
    return b.create<arith::ConstantOp>(loc,
                                       constant.reshape(tensorOf(shape, b)));
  int64_t n = 1;
  for (int64_t d : shapeOf(v))
    n *= d;
  ReassociationIndices all;
  for (size_t i = 0; i < shapeOf(v).size(); ++i)
    all.push_back(i);
  Value flat = b.create<tensor::CollapseShapeOp>(
      loc, tensorOf({n}, b), v, ArrayRef<ReassociationIndices>{all});
  ReassociationIndices out;
  for (size_t i = 0; i < shape.size(); ++i)
    out.push_back(i);
  return b.create<tensor::ExpandShapeOp>(loc, tensorOf(shape, b), flat,
                                         ArrayRef<ReassociationIndices>{out});
}

Value pad(OpBuilder &b, Location loc, Value input, ArrayRef<int64_t> low,
          ArrayRef<int64_t> high) {
  if (llvm::all_of(low, [](int64_t p) { return p == 0; }) &&
      llvm::all_of(high, [](int64_t p) { return p == 0; }))
    return input;
  SmallVector<int64_t> shape(shapeOf(input));
  SmallVector<OpFoldResult> lo, hi;
  for (size_t i = 0; i < shape.size(); ++i) {
    shape[i] += low[i] + high[i];
    lo.push_back(b.getIndexAttr(low[i]));
    hi.push_back(b.getIndexAttr(high[i]));
  }
  Value zero = b.create<arith::ConstantOp>(loc, b.getF32FloatAttr(0.0f));
  return b.create<tensor::PadOp>(loc, tensorOf(shape, b), input, lo, hi, zero);
}

Value empty(OpBuilder &b, Location loc, ArrayRef<int64_t> shape) {
  return b.create<tensor::EmptyOp>(loc, shape, b.getF32Type());
}

/// Copies the epilogue (bias, residual, activation) and the schedule of
/// `from` onto a new conv.direct computing `input * filter` into `init`.
Value buildDirect(OpBuilder &b, Location loc, Operation *from, Value input,
                  Value filter, Value bias, Value residual, Value init,
                  ArrayRef<int64_t> strides, ArrayRef<int64_t> dilations,
                  int64_t group) {
  auto direct = b.create<conv::DirectOp>(
      loc, TypeRange{init.getType()}, input, filter, bias, residual, init,
      b.getDenseI64ArrayAttr(strides), b.getDenseI64ArrayAttr(dilations),
      b.getDenseI64ArrayAttr({0, 0, 0, 0}),
      from->getAttrOfType<StringAttr>("activation"),
      from->getAttrOfType<FloatAttr>("clip_min"),
      from->getAttrOfType<FloatAttr>("clip_max"), b.getI64IntegerAttr(group),
      /*packed=*/nullptr);
  if (Attribute schedule = from->getAttr("edgec.schedule"))
    direct->setAttr("edgec.schedule", schedule);
  return direct.getResult()[0];
}

/// conv.direct / conv.depthwise keep their kernel; padding becomes explicit.
template <typename OpTy> void padInPlace(OpTy op) {
  ArrayRef<int64_t> p = op.getPads();
  if (llvm::all_of(p, [](int64_t v) { return v == 0; }))
    return;
  OpBuilder b(op);
  Value padded = pad(b, op.getLoc(), op.getInput(), {0, p[0], p[1], 0},
                     {0, p[2], p[3], 0});
  op.getInputMutable().assign(padded);
  op.setPadsAttr(b.getDenseI64ArrayAttr({0, 0, 0, 0}));
}

/// Every pixel is one row: [1, 1, N*H*W, C] x [1, 1, C, F].
void lowerPointwise(conv::PointwiseOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  ArrayRef<int64_t> in = shapeOf(op.getInput());
  ArrayRef<int64_t> out = shapeOf(op.getInit());
  int64_t pixels = in[0] * in[1] * in[2];
  int64_t c = in[3], f = out[3];
  Value input = reshape(b, loc, op.getInput(), {1, 1, pixels, c});
  Value filter = reshape(b, loc, op.getFilter(), {1, 1, c, f});
  Value init = empty(b, loc, {1, 1, pixels, f});
  Value residual = op.getResidual()
                       ? reshape(b, loc, op.getResidual(), {1, 1, pixels, f})
                       : Value();
  Value result = buildDirect(b, loc, op, input, filter, op.getBias(), residual,
                             init, {1, 1}, {1, 1}, 1);
  op.getResult()[0].replaceAllUsesWith(reshape(b, loc, result, out));
  op.erase();
}

/// Patches [N*OH*OW, KH*KW*C] times the filter [KH*KW*C, F], as a 1x1
/// convolution over one row of patches.
void lowerIm2col(conv::Im2colOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  ArrayRef<int64_t> p = op.getPads();
  Value input =
      pad(b, loc, op.getInput(), {0, p[0], p[1], 0}, {0, p[2], p[3], 0});
  ArrayRef<int64_t> w = shapeOf(op.getFilter());
  ArrayRef<int64_t> out = shapeOf(op.getInit());
  int64_t kh = w[0], kw = w[1], c = w[2], f = w[3];
  ArrayRef<int64_t> s = op.getStrides(), d = op.getDilations();
  // patches[n, oh, ow, i, j, c] = input[n, oh*s0 + i*d0, ow*s1 + j*d1, c]
  SmallVector<int64_t> patchShape = {out[0], out[1], out[2], kh, kw, c};
  MLIRContext *ctx = b.getContext();
  auto dim = [&](unsigned i) { return getAffineDimExpr(i, ctx); };
  AffineMap inMap = AffineMap::get(6, 0,
                                   {dim(0), dim(1) * s[0] + dim(3) * d[0],
                                    dim(2) * s[1] + dim(4) * d[1], dim(5)},
                                   ctx);
  AffineMap outMap = AffineMap::getMultiDimIdentityMap(6, ctx);
  SmallVector<utils::IteratorType> iterators(6, utils::IteratorType::parallel);
  Value patches = b.create<linalg::GenericOp>(
                       loc, TypeRange{tensorOf(patchShape, b)},
                       ValueRange{input}, ValueRange{empty(b, loc, patchShape)},
                       ArrayRef<AffineMap>{inMap, outMap}, iterators,
                       [](OpBuilder &nb, Location nl, ValueRange args) {
                         nb.create<linalg::YieldOp>(nl, args[0]);
                       })
                      .getResult(0);
  int64_t rows = out[0] * out[1] * out[2], depth = kh * kw * c;
  Value lhs = reshape(b, loc, patches, {1, 1, rows, depth});
  Value filter = reshape(b, loc, op.getFilter(), {1, 1, depth, f});
  Value residual = op.getResidual()
                       ? reshape(b, loc, op.getResidual(), {1, 1, rows, f})
                       : Value();
  Value result = buildDirect(b, loc, op, lhs, filter, op.getBias(), residual,
                             empty(b, loc, {1, 1, rows, f}), {1, 1}, {1, 1}, 1);
  op.getResult()[0].replaceAllUsesWith(reshape(b, loc, result, out));
  op.erase();
}

//===----------------------------------------------------------------------===//
// Winograd
//===----------------------------------------------------------------------===//

/// Transform matrices of F(m x m, 3 x 3) (Lavin & Gray, 2016).
struct WinogradMatrices {
  int64_t m, a; // output tile, input tile = m + 2
  std::vector<std::vector<double>> bt, g, at;
};

WinogradMatrices winogradMatrices(int64_t m) {
  if (m == 2)
    return {2,
            4,
            {{1, 0, -1, 0}, {0, 1, 1, 0}, {0, -1, 1, 0}, {0, 1, 0, -1}},
            {{1, 0, 0}, {0.5, 0.5, 0.5}, {0.5, -0.5, 0.5}, {0, 0, 1}},
            {{1, 1, 1, 0}, {0, 1, -1, -1}}};
  return {4,
          6,
          {{4, 0, -5, 0, 1, 0},
           {0, -4, -4, 1, 1, 0},
           {0, 4, -4, -1, 1, 0},
           {0, -2, -1, 2, 1, 0},
           {0, 2, -1, -2, 1, 0},
           {0, 4, 0, -5, 0, 1}},
          {{1.0 / 4, 0, 0},
           {-1.0 / 6, -1.0 / 6, -1.0 / 6},
           {-1.0 / 6, 1.0 / 6, -1.0 / 6},
           {1.0 / 24, 1.0 / 12, 1.0 / 6},
           {1.0 / 24, -1.0 / 12, 1.0 / 6},
           {0, 0, 1}},
          {{1, 1, 1, 1, 1, 0},
           {0, 1, -1, 2, -2, 0},
           {0, 1, 1, 4, 4, 0},
           {0, 1, -1, 8, -8, 1}}};
}

Value matrixConstant(OpBuilder &b, Location loc,
                     const std::vector<std::vector<double>> &rows) {
  SmallVector<float> values;
  for (const auto &row : rows)
    for (double v : row)
      values.push_back(static_cast<float>(v));
  auto type = tensorOf(
      {static_cast<int64_t>(rows.size()), static_cast<int64_t>(rows[0].size())},
      b);
  return b.create<arith::ConstantOp>(
      loc, DenseElementsAttr::get(type, ArrayRef<float>(values)));
}

/// out = sum over the reduced dims of lhs * rhs, as one linalg.generic.
Value contract(OpBuilder &b, Location loc, Value lhs, AffineMap lhsMap,
               Value rhs, AffineMap rhsMap, ArrayRef<int64_t> outShape,
               AffineMap outMap, ArrayRef<utils::IteratorType> iterators) {
  Value zero = b.create<arith::ConstantOp>(loc, b.getF32FloatAttr(0.0f));
  Value init =
      b.create<linalg::FillOp>(loc, zero, empty(b, loc, outShape)).getResult(0);
  return b
      .create<linalg::GenericOp>(
          loc, TypeRange{tensorOf(outShape, b)}, ValueRange{lhs, rhs},
          ValueRange{init}, ArrayRef<AffineMap>{lhsMap, rhsMap, outMap},
          iterators,
          [](OpBuilder &nb, Location nl, ValueRange args) {
            Value product = nb.create<arith::MulFOp>(nl, args[0], args[1]);
            nb.create<linalg::YieldOp>(
                nl, nb.create<arith::AddFOp>(nl, product, args[2]).getResult());
          })
      .getResult(0);
}

/// The filter transform G g Gᵀ, at compile time: [a*a, C, F].
DenseElementsAttr transformFilter(DenseElementsAttr filter,
                                  const WinogradMatrices &w, Builder &b) {
  ArrayRef<int64_t> shape = filter.getType().getShape(); // [3, 3, C, F]
  int64_t c = shape[2], f = shape[3], a = w.a;
  auto g = llvm::to_vector(filter.getValues<float>());
  std::vector<float> u(a * a * c * f);
  for (int64_t xi = 0; xi < a; ++xi)
    for (int64_t nu = 0; nu < a; ++nu)
      for (int64_t k = 0; k < c * f; ++k) {
        double sum = 0;
        for (int64_t i = 0; i < 3; ++i)
          for (int64_t j = 0; j < 3; ++j)
            sum += w.g[xi][i] * g[(i * 3 + j) * c * f + k] * w.g[nu][j];
        u[(xi * a + nu) * c * f + k] = static_cast<float>(sum);
      }
  return DenseElementsAttr::get(tensorOf({a * a, c, f}, b), ArrayRef<float>(u));
}

LogicalResult lowerWinograd(conv::WinogradOp op) {
  DenseElementsAttr filter;
  if (!matchPattern(op.getFilter(), m_Constant(&filter)))
    return op.emitOpError("needs a constant filter: its transform happens "
                          "at compile time");
  WinogradMatrices w = winogradMatrices(op.getTile());
  OpBuilder b(op);
  Location loc = op.getLoc();
  MLIRContext *ctx = b.getContext();
  auto dim = [&](unsigned i) { return getAffineDimExpr(i, ctx); };
  auto par = utils::IteratorType::parallel;
  auto red = utils::IteratorType::reduction;
  int64_t m = w.m, a = w.a;
  ArrayRef<int64_t> out = shapeOf(op.getInit());
  int64_t n = out[0], oh = out[1], ow = out[2], f = out[3];
  int64_t c = shapeOf(op.getInput())[3];
  int64_t th = (oh + m - 1) / m, tw = (ow + m - 1) / m;
  // Pad so that th x tw tiles of a x a input fit.
  ArrayRef<int64_t> p = op.getPads();
  ArrayRef<int64_t> in = shapeOf(op.getInput());
  int64_t extraH = th * m + 2 - (in[1] + p[0] + p[2]);
  int64_t extraW = tw * m + 2 - (in[2] + p[1] + p[3]);
  Value input = pad(b, loc, op.getInput(), {0, p[0], p[1], 0},
                    {0, p[2] + extraH, p[3] + extraW, 0});
  Value bt = matrixConstant(b, loc, w.bt);
  Value at = matrixConstant(b, loc, w.at);

  // Input transform Bᵀ d B, one side at a time.
  // t1[n, ty, tx, xi, j, c] = sum_i bt[xi, i] * in[n, ty*m+i, tx*m+j, c]
  // dims: n ty tx xi j c i
  Value t1 = contract(
      b, loc, input,
      AffineMap::get(7, 0,
                     {dim(0), dim(1) * m + dim(6), dim(2) * m + dim(4), dim(5)},
                     ctx),
      bt, AffineMap::get(7, 0, {dim(3), dim(6)}, ctx), {n, th, tw, a, a, c},
      AffineMap::get(7, 0, {dim(0), dim(1), dim(2), dim(3), dim(4), dim(5)},
                     ctx),
      {par, par, par, par, par, par, red});
  // v[xi, nu, n, ty, tx, c] = sum_j t1[n, ty, tx, xi, j, c] * bt[nu, j]
  // dims: xi nu n ty tx c j
  Value v = contract(
      b, loc, t1,
      AffineMap::get(7, 0, {dim(2), dim(3), dim(4), dim(0), dim(6), dim(5)},
                     ctx),
      bt, AffineMap::get(7, 0, {dim(1), dim(6)}, ctx), {a, a, n, th, tw, c},
      AffineMap::get(7, 0, {dim(0), dim(1), dim(2), dim(3), dim(4), dim(5)},
                     ctx),
      {par, par, par, par, par, par, red});
  int64_t tiles = n * th * tw;
  Value lhs = reshape(b, loc, v, {a * a, tiles, c});
  Value u = b.create<arith::ConstantOp>(loc, transformFilter(filter, w, b));
  Value zero = b.create<arith::ConstantOp>(loc, b.getF32FloatAttr(0.0f));
  Value mInit =
      b.create<linalg::FillOp>(loc, zero, empty(b, loc, {a * a, tiles, f}))
          .getResult(0);
  Value product =
      b.create<linalg::BatchMatmulOp>(loc, TypeRange{mInit.getType()},
                                      ValueRange{lhs, u}, ValueRange{mInit})
          .getResult(0);
  Value mm = reshape(b, loc, product, {a, a, tiles, f});
  // Output transform Aᵀ M A.
  // o1[p, nu, t, f] = sum_xi at[p, xi] * mm[xi, nu, t, f]; dims p nu t f xi
  Value o1 = contract(
      b, loc, mm, AffineMap::get(5, 0, {dim(4), dim(1), dim(2), dim(3)}, ctx),
      at, AffineMap::get(5, 0, {dim(0), dim(4)}, ctx), {m, a, tiles, f},
      AffineMap::get(5, 0, {dim(0), dim(1), dim(2), dim(3)}, ctx),
      {par, par, par, par, red});
  // o2[t, p, q, f] = sum_nu o1[p, nu, t, f] * at[q, nu]; dims t p q f nu
  Value o2 = contract(
      b, loc, o1, AffineMap::get(5, 0, {dim(1), dim(4), dim(0), dim(3)}, ctx),
      at, AffineMap::get(5, 0, {dim(2), dim(4)}, ctx), {tiles, m, m, f},
      AffineMap::get(5, 0, {dim(0), dim(1), dim(2), dim(3)}, ctx),
      {par, par, par, par, red});
  // Tiles back into the image, cropped to [N, OH, OW, F], with the epilogue.
  // y[n, oh, ow, f] = o2[(n*th + oh/m)*tw + ow/m, oh%m, ow%m, f]
  Value tiled = reshape(b, loc, o2, {n, th, tw, m, m, f});
  SmallVector<Value> operands = {tiled};
  SmallVector<AffineMap> maps = {
      AffineMap::get(4, 0,
                     {dim(0), dim(1).floorDiv(m), dim(2).floorDiv(m),
                      dim(1) % m, dim(2) % m, dim(3)},
                     ctx)};
  if (Value bias = op.getBias()) {
    operands.push_back(bias);
    maps.push_back(AffineMap::get(4, 0, {dim(3)}, ctx));
  }
  if (Value residual = op.getResidual()) {
    operands.push_back(residual);
    maps.push_back(AffineMap::getMultiDimIdentityMap(4, ctx));
  }
  maps.push_back(AffineMap::getMultiDimIdentityMap(4, ctx));
  bool hasBias = op.getBias() != nullptr;
  StringRef activation = op.getActivation();
  std::optional<APFloat> lo = op.getClipMin(), hi = op.getClipMax();
  Value result =
      b.create<linalg::GenericOp>(
           loc, TypeRange{op.getInit().getType()}, operands,
           ValueRange{op.getInit()}, maps,
           SmallVector<utils::IteratorType>(4, par),
           [&](OpBuilder &nb, Location nl, ValueRange args) {
             Value y = args[0];
             size_t next = 1;
             if (hasBias)
               y = nb.create<arith::AddFOp>(nl, y, args[next++]);
             if (next < args.size() - 1)
               y = nb.create<arith::AddFOp>(nl, y, args[next++]);
             nb.create<linalg::YieldOp>(
                 nl, conv::buildActivation(nb, nl, y, activation,
                                           lo ? lo->convertToFloat() : 0.0f,
                                           hi ? hi->convertToFloat() : 0.0f));
           })
          .getResult(0);
  op.getResult()[0].replaceAllUsesWith(result);
  op.erase();
  return success();
}

/// Lays a constant HWIO filter out as [G, ceil(Fg / T), KH, KW, Cg, T]
/// for the kernel's tiles of T = lanes * vectors filters (schedule.h).
void packFilter(conv::DirectOp op) {
  auto schedule = op->getAttrOfType<DictionaryAttr>("edgec.schedule");
  DenseElementsAttr filter;
  if (op.getPacked() || !schedule ||
      !matchPattern(op.getFilter(), m_Constant(&filter)))
    return;
  auto lanes = schedule.getAs<IntegerAttr>("lanes");
  auto vectors = schedule.getAs<IntegerAttr>("vectors");
  if (!lanes || !vectors)
    return;
  int64_t tile = lanes.getInt() * vectors.getInt();
  ArrayRef<int64_t> w = filter.getType().getShape(); // [KH, KW, Cg, F]
  int64_t group = static_cast<int64_t>(op.getGroup());
  int64_t kh = w[0], kw = w[1], cg = w[2], f = w[3], fg = f / group;
  int64_t tiles = (fg + tile - 1) / tile;
  if (tiles == 1)
    return; // HWIO already keeps one tile's filters together.
  auto values = llvm::to_vector(filter.getValues<float>());
  std::vector<float> packed(group * tiles * kh * kw * cg * tile, 0.0f);
  int64_t taps = kh * kw * cg;
  for (int64_t g = 0; g < group; ++g)
    for (int64_t t = 0; t < tiles; ++t)
      for (int64_t k = 0; k < taps; ++k)
        for (int64_t j = 0; j < tile && t * tile + j < fg; ++j)
          packed[((g * tiles + t) * taps + k) * tile + j] =
              values[k * f + g * fg + t * tile + j];
  OpBuilder b(op);
  auto type =
      RankedTensorType::get({group, tiles, kh, kw, cg, tile}, b.getF32Type());
  Value constant = b.create<arith::ConstantOp>(
      op.getLoc(), DenseElementsAttr::get(type, ArrayRef<float>(packed)));
  op.getFilterMutable().assign(constant);
  op.setPacked(true);
}

struct LowerAlgorithmsPass
    : conv::impl::LowerAlgorithmsBase<LowerAlgorithmsPass> {
  using LowerAlgorithmsBase::LowerAlgorithmsBase;
  void runOnOperation() override {
    SmallVector<Operation *> ops;
    getOperation().walk([&](Operation *op) {
      if (isa<conv::DirectOp, conv::DepthwiseOp, conv::PointwiseOp,
              conv::Im2colOp, conv::WinogradOp>(op))
        ops.push_back(op);
    });
    for (Operation *op : ops) {
      if (auto c = dyn_cast<conv::PointwiseOp>(op))
        lowerPointwise(c);
      else if (auto c = dyn_cast<conv::Im2colOp>(op))
        lowerIm2col(c);
      else if (auto c = dyn_cast<conv::WinogradOp>(op)) {
        if (failed(lowerWinograd(c)))
          return signalPassFailure();
      }
    }
    // Padding and packing last: the rewrites above produce direct convs.
    getOperation().walk([](Operation *op) {
      if (auto c = dyn_cast<conv::DirectOp>(op)) {
        padInPlace(c);
        packFilter(c);
      } else if (auto c = dyn_cast<conv::DepthwiseOp>(op)) {
        padInPlace(c);
      }
    });
    WalkResult integers = getOperation().walk([&](conv::IntegerOp op) {
      return failed(conv::lowerInteger(op, int8Dot)) ? WalkResult::interrupt()
                                                     : WalkResult::advance();
    });
    if (integers.wasInterrupted())
      signalPassFailure();
  }
};

} // namespace
