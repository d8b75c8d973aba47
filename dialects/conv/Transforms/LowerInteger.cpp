//===- LowerInteger.cpp - conv.integer ready for its kernel ---------------===//
//
// Everything the int8 kernel would otherwise do per pixel is done here once,
// at compile time: padding is made explicit with the zero point, the zero
// point moves into the bias (sum of (x - z) * w = sum of x * w - z * sum
// of w), and the constant filter is laid out for the target's dot product.
//
//===----------------------------------------------------------------------===//

#include "dialects/conv/IR/ConvOps.h"
#include "dialects/conv/Transforms/Algorithms.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;

namespace {

template <typename T> std::optional<SmallVector<T>> constantValues(Value v) {
  DenseIntElementsAttr values;
  if (!v || !matchPattern(v, m_Constant(&values)))
    return std::nullopt;
  return llvm::to_vector(values.getValues<T>());
}

template <typename T>
Value constant(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
               ArrayRef<T> values) {
  auto type = RankedTensorType::get(shape, b.getIntegerType(sizeof(T) * 8));
  return b.create<arith::ConstantOp>(loc, DenseElementsAttr::get(type, values));
}

/// Pads the NHWC input with `value` (the zero point: real 0).
Value padInput(OpBuilder &b, Location loc, Value input, ArrayRef<int64_t> p,
               int64_t value) {
  if (llvm::all_of(p, [](int64_t v) { return v == 0; }))
    return input;
  auto type = cast<RankedTensorType>(input.getType());
  SmallVector<int64_t> shape(type.getShape());
  shape[1] += p[0] + p[2];
  shape[2] += p[1] + p[3];
  SmallVector<OpFoldResult> lo = {b.getIndexAttr(0), b.getIndexAttr(p[0]),
                                  b.getIndexAttr(p[1]), b.getIndexAttr(0)};
  SmallVector<OpFoldResult> hi = {b.getIndexAttr(0), b.getIndexAttr(p[2]),
                                  b.getIndexAttr(p[3]), b.getIndexAttr(0)};
  Value fill = b.create<arith::ConstantOp>(loc, b.getI8IntegerAttr(value));
  return b.create<tensor::PadOp>(
      loc, RankedTensorType::get(shape, type.getElementType()), input, lo, hi,
      fill);
}

} // namespace

LogicalResult edgec::conv::lowerInteger(IntegerOp op, StringRef dot) {
  if (op.getPacked())
    return success();
  auto schedule = op->getAttrOfType<DictionaryAttr>("edgec.schedule");
  auto lanesAttr =
      schedule ? schedule.getAs<IntegerAttr>("lanes") : IntegerAttr();
  std::optional<SmallVector<int8_t>> filter =
      constantValues<int8_t>(op.getFilter());
  if (!lanesAttr || !filter)
    return op.emitOpError("needs a schedule and a constant filter before its "
                          "kernel can be laid out");
  int64_t lanes = lanesAttr.getInt();
  // The intrinsics take exactly one register of int32 lanes.
  if ((dot == "vnni" && lanes != 16) || (dot == "sdot" && lanes != 4) ||
      op.getDepthwise())
    dot = "generic";

  OpBuilder b(op);
  Location loc = op.getLoc();
  ArrayRef<int64_t> w = cast<ShapedType>(op.getFilter().getType()).getShape();
  bool depthwise = op.getDepthwise();
  int64_t kh = w[0], kw = w[1], c = w[2], f = depthwise ? c : w[3];
  int64_t padded = llvm::alignTo(f, lanes);
  auto zero = static_cast<int64_t>(op.getInputZeroPoint());

  // Bias: the zero point's share, and for VPDPBUSD (unsigned inputs, so
  // the kernel adds 128 to each) 128 x the filter's sum, come off it.
  SmallVector<int32_t> bias(padded, 0);
  if (op.getBias()) {
    std::optional<SmallVector<int32_t>> given =
        constantValues<int32_t>(op.getBias());
    if (!given)
      return op.emitOpError("needs a constant bias");
    llvm::copy(*given, bias.begin());
  }
  int64_t offset = zero + (dot == "vnni" ? 128 : 0);
  int64_t taps = kh * kw * c;
  for (int64_t j = 0; j < f; ++j) {
    int64_t sum = 0;
    for (int64_t k = 0; k < (depthwise ? kh * kw : taps); ++k)
      sum += depthwise ? (*filter)[k * c + j] : (*filter)[k * f + j];
    bias[j] = static_cast<int32_t>(bias[j] - offset * sum);
  }

  SmallVector<int8_t> packed;
  SmallVector<int64_t> packedShape;
  if (depthwise) {
    packedShape = {kh, kw, padded};
    packed.assign(kh * kw * padded, 0);
    for (int64_t k = 0; k < kh * kw; ++k)
      for (int64_t j = 0; j < c; ++j)
        packed[k * padded + j] = (*filter)[k * c + j];
  } else {
    // [tiles, KH, KW, C4, L, 4]: 4 channels of L filters per vector.
    int64_t tiles = padded / lanes, groups = llvm::divideCeil(c, 4);
    packedShape = {tiles, kh, kw, groups, lanes, 4};
    packed.assign(tiles * kh * kw * groups * lanes * 4, 0);
    for (int64_t y = 0; y < kh; ++y)
      for (int64_t x = 0; x < kw; ++x)
        for (int64_t ch = 0; ch < c; ++ch)
          for (int64_t j = 0; j < f; ++j) {
            int64_t t = j / lanes, l = j % lanes;
            int64_t at =
                ((((t * kh + y) * kw + x) * groups + ch / 4) * lanes + l) * 4 +
                ch % 4;
            packed[at] = (*filter)[((y * kw + x) * c + ch) * f + j];
          }
  }
  op.getFilterMutable().assign(constant<int8_t>(b, loc, packedShape, packed));
  Value biasValue = constant<int32_t>(b, loc, {padded}, bias);
  if (op.getBias())
    op.getBiasMutable().assign(biasValue);
  else
    op.getBiasMutable().append(biasValue);
  if (op.getMultiplier()) {
    auto multipliers = constantValues<int32_t>(op.getMultiplier());
    auto shifts = constantValues<int32_t>(op.getShift());
    if (!multipliers || !shifts)
      return op.emitOpError("needs constant requantization vectors");
    multipliers->resize(padded, 0);
    shifts->resize(padded, 1);
    op.getMultiplierMutable().assign(
        constant<int32_t>(b, loc, {padded}, *multipliers));
    op.getShiftMutable().assign(constant<int32_t>(b, loc, {padded}, *shifts));
  }
  ArrayRef<int64_t> p = op.getPads();
  op.getInputMutable().assign(padInput(b, loc, op.getInput(), p, zero));
  op.setPadsAttr(b.getDenseI64ArrayAttr({0, 0, 0, 0}));
  op.setInputZeroPoint(0);
  op.setPacked(dot);
  return success();
}
