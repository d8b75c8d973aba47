//===- SelectAlgorithm.cpp - edge.conv to a conv algorithm ----------------===//

#include "dialects/conv/IR/ConvOps.h"
#include "dialects/conv/Transforms/Algorithms.h"
#include "dialects/conv/Transforms/Passes.h"

#include "dialects/graph/IR/GraphOps.h"
#include "dialects/qtensor/IR/QTensorOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Matchers.h"

namespace edgec::conv {
#define GEN_PASS_DEF_SELECTALGORITHM
#include "dialects/conv/Transforms/Passes.h.inc"
} // namespace edgec::conv

using namespace mlir;
namespace graph = edgec::graph;
namespace conv = edgec::conv;

namespace {

/// A 2-D view of an edge.conv (1-D convolutions have height 1).
struct Conv2D {
  int64_t n, c, h, w, f, kh, kw, oh, ow, group;
  SmallVector<int64_t> strides, dilations, pads;
};

Conv2D describe(graph::ConvOp op) {
  ArrayRef<int64_t> x = op.getInput().getType().getShape();
  ArrayRef<int64_t> w = op.getWeight().getType().getShape();
  ArrayRef<int64_t> y = op.getType().getShape();
  Conv2D d;
  bool oneD = x.size() == 3;
  d.n = x[0];
  d.c = x[1];
  d.h = oneD ? 1 : x[2];
  d.w = x.back();
  d.f = w[0];
  d.kh = oneD ? 1 : w[2];
  d.kw = w.back();
  d.oh = oneD ? 1 : y[2];
  d.ow = y.back();
  d.group = static_cast<int64_t>(op.getGroup());
  auto lift = [&](ArrayRef<int64_t> v, int64_t one) {
    return oneD ? SmallVector<int64_t>{one, v[0]} : SmallVector<int64_t>(v);
  };
  d.strides = lift(op.getStrides(), 1);
  d.dilations = lift(op.getDilations(), 1);
  ArrayRef<int64_t> p = op.getPads();
  d.pads =
      oneD ? SmallVector<int64_t>{0, p[0], 0, p[1]} : SmallVector<int64_t>(p);
  return d;
}

bool isUnit(ArrayRef<int64_t> values, int64_t unit) {
  return llvm::all_of(values, [&](int64_t v) { return v == unit; });
}

/// The schedule's choice, else the pass option's, else by shape.
StringRef choose(graph::ConvOp op, StringRef forced) {
  auto schedule = op->getAttrOfType<DictionaryAttr>("edgec.schedule");
  auto asked = schedule ? schedule.getAs<StringAttr>("algorithm") : nullptr;
  if (asked && conv::algorithmApplies(op, asked.getValue()))
    return asked.getValue();
  if (!forced.empty() && conv::algorithmApplies(op, forced))
    return forced;
  return conv::defaultAlgorithm(op);
}

Value transpose(OpBuilder &b, Location loc, Value v, ArrayRef<int64_t> perm) {
  return b.createOrFold<graph::TransposeOp>(loc, v, perm);
}

Value reshape(OpBuilder &b, Location loc, Value v, ArrayRef<int64_t> shape) {
  return b.createOrFold<graph::ReshapeOp>(loc, v, shape);
}

void rewrite(graph::ConvOp op, StringRef forced) {
  Conv2D d = describe(op);
  StringRef algorithm = choose(op, forced);
  OpBuilder b(op);
  Location loc = op.getLoc();
  // Activations to NHWC; the filter to [F, C/g, KH, KW] in 2-D first.
  Value x = reshape(b, loc, op.getInput(), {d.n, d.c, d.h, d.w});
  x = transpose(b, loc, x, {0, 2, 3, 1});
  Value w = reshape(b, loc, op.getWeight(), {d.f, d.c / d.group, d.kh, d.kw});
  Type f32 = b.getF32Type();
  Value init = b.create<tensor::EmptyOp>(
      loc, ArrayRef<int64_t>{d.n, d.oh, d.ow, d.f}, f32);
  Value bias = op.getBias();
  Operation *result;
  auto hwio = [&]() { return transpose(b, loc, w, {2, 3, 1, 0}); };
  auto stridesAttr = b.getDenseI64ArrayAttr(d.strides);
  auto dilationsAttr = b.getDenseI64ArrayAttr(d.dilations);
  auto padsAttr = b.getDenseI64ArrayAttr(d.pads);
  StringAttr none = b.getStringAttr("none");
  if (algorithm == "depthwise") {
    Value filter =
        reshape(b, loc, transpose(b, loc, w, {2, 3, 1, 0}), {d.kh, d.kw, d.c});
    result = b.create<conv::DepthwiseOp>(
        loc, TypeRange{init.getType()}, x, filter, bias, Value(), init,
        stridesAttr, dilationsAttr, padsAttr, none, nullptr, nullptr);
  } else if (algorithm == "pointwise") {
    Value filter = transpose(b, loc, reshape(b, loc, w, {d.f, d.c}), {1, 0});
    result = b.create<conv::PointwiseOp>(
        loc, TypeRange{init.getType()}, x, filter, bias, Value(), init,
        stridesAttr, dilationsAttr, padsAttr, none, nullptr, nullptr);
  } else if (algorithm == "im2col") {
    result = b.create<conv::Im2colOp>(
        loc, TypeRange{init.getType()}, x, hwio(), bias, Value(), init,
        stridesAttr, dilationsAttr, padsAttr, none, nullptr, nullptr);
  } else if (algorithm.starts_with("winograd")) {
    result = b.create<conv::WinogradOp>(
        loc, TypeRange{init.getType()}, x, hwio(), bias, Value(), init,
        stridesAttr, dilationsAttr, padsAttr, none, nullptr, nullptr,
        b.getI64IntegerAttr(algorithm == "winograd2" ? 2 : 4));
  } else {
    result = b.create<conv::DirectOp>(
        loc, TypeRange{init.getType()}, x, hwio(), bias, Value(), init,
        stridesAttr, dilationsAttr, padsAttr, none, nullptr, nullptr,
        b.getI64IntegerAttr(d.group), /*packed=*/nullptr);
  }
  if (auto schedule = op->getAttr("edgec.schedule"))
    result->setAttr("edgec.schedule", schedule);
  Value y = transpose(b, loc, result->getResult(0), {0, 3, 1, 2});
  y = reshape(b, loc, y, op.getType().getShape());
  op.replaceAllUsesWith(y);
  op.erase();
}

/// qtensor.conv to conv.integer in NHWC; a qtensor.rescale that is its
/// only use becomes the kernel's requantization.
LogicalResult rewriteInteger(edgec::qtensor::ConvOp op) {
  ArrayRef<int64_t> xs = op.getInput().getType().getShape();
  ArrayRef<int64_t> ws = op.getFilter().getType().getShape();
  ArrayRef<int64_t> ys = op.getType().getShape();
  auto group = static_cast<int64_t>(op.getGroup());
  bool depthwise = group > 1 && group == xs[1] && ws[0] == xs[1];
  if (group != 1 && !depthwise)
    return op.emitError("integer convolutions with ")
           << group << " groups have no kernel (only dense and depthwise)";
  OpBuilder b(op);
  Location loc = op.getLoc();
  Value x = transpose(b, loc, op.getInput(), {0, 2, 3, 1});
  Value w = transpose(b, loc, op.getFilter(), {2, 3, 1, 0});
  if (depthwise)
    w = reshape(b, loc, w, {ws[2], ws[3], ws[0]});
  auto rescale = op.getResult().hasOneUse()
                     ? dyn_cast<edgec::qtensor::RescaleOp>(
                           *op.getResult().getUsers().begin())
                     : nullptr;
  if (rescale && rescale.getAxis() != 1)
    rescale = nullptr;
  Value multiplier, shift;
  if (rescale) {
    auto perChannel = [&](ArrayRef<int32_t> values) -> Value {
      SmallVector<int32_t> all(values);
      if (all.size() == 1)
        all.assign(ys[1], values[0]);
      auto type = RankedTensorType::get({ys[1]}, b.getI32Type());
      return b.create<graph::ConstantOp>(
          loc, DenseElementsAttr::get(type, ArrayRef<int32_t>(all)));
    };
    multiplier = perChannel(rescale.getMultipliers());
    shift = perChannel(rescale.getShifts());
  }
  Type element = rescale ? b.getI8Type() : b.getI32Type();
  Value init = b.create<tensor::EmptyOp>(
      loc, ArrayRef<int64_t>{ys[0], ys[2], ys[3], ys[1]}, element);
  auto integer = b.create<conv::IntegerOp>(
      loc, TypeRange{init.getType()}, x, w, op.getBias(), multiplier, shift,
      init, op.getStridesAttr(), op.getDilationsAttr(), op.getPadsAttr(),
      depthwise ? b.getUnitAttr() : nullptr, op.getInputZeroPointAttr(),
      rescale ? rescale.getOutputZeroPointAttr() : b.getI64IntegerAttr(0),
      rescale ? rescale.getOutputMinAttr() : b.getI64IntegerAttr(-128),
      rescale ? rescale.getOutputMaxAttr() : b.getI64IntegerAttr(127),
      /*packed=*/nullptr);
  Value y = transpose(b, loc, integer.getResult()[0], {0, 3, 1, 2});
  if (rescale) {
    rescale.replaceAllUsesWith(y);
    rescale.erase();
  } else {
    op.replaceAllUsesWith(y);
  }
  op.erase();
  return success();
}

struct SelectAlgorithmPass
    : conv::impl::SelectAlgorithmBase<SelectAlgorithmPass> {
  using SelectAlgorithmBase::SelectAlgorithmBase;
  void runOnOperation() override {
    SmallVector<graph::ConvOp> convs;
    getOperation().walk([&](graph::ConvOp op) {
      // 3-D convolutions stay for the generic lowering, which rejects them
      // with a clear error.
      if (op.getNumSpatialDims() <= 2)
        convs.push_back(op);
    });
    for (graph::ConvOp op : convs)
      rewrite(op, algorithm);
    SmallVector<edgec::qtensor::ConvOp> integers;
    getOperation().walk(
        [&](edgec::qtensor::ConvOp op) { integers.push_back(op); });
    for (edgec::qtensor::ConvOp op : integers)
      if (failed(rewriteInteger(op)))
        return signalPassFailure();
    // A rescale requantizes the convolution it follows; alone it has no
    // lowering.
    WalkResult alone = getOperation().walk([](edgec::qtensor::RescaleOp op) {
      op.emitError("qtensor.rescale has a kernel only as the requantization "
                   "of the qtensor.conv it follows");
      return WalkResult::interrupt();
    });
    if (alone.wasInterrupted())
      signalPassFailure();
  }
};

} // namespace

ArrayRef<StringRef> conv::convAlgorithms() {
  static const StringRef names[] = {"direct", "depthwise", "pointwise",
                                    "im2col", "winograd2", "winograd4"};
  return names;
}

StringRef conv::defaultAlgorithm(graph::ConvOp op) {
  Conv2D d = describe(op);
  if (d.group == d.c && d.f == d.c && d.group > 1)
    return "depthwise";
  if (d.group == 1 && d.kh == 1 && d.kw == 1 && isUnit(d.strides, 1) &&
      isUnit(d.dilations, 1) && isUnit(d.pads, 0))
    return "pointwise";
  return "direct";
}

bool conv::algorithmApplies(graph::ConvOp op, StringRef algorithm) {
  Conv2D d = describe(op);
  bool dense = d.group == 1;
  bool unitWindow = isUnit(d.strides, 1) && isUnit(d.dilations, 1);
  if (algorithm == "direct")
    return true;
  if (algorithm == "im2col")
    return dense;
  if (algorithm == "depthwise")
    return d.group == d.c && d.f == d.c;
  if (algorithm == "pointwise")
    return dense && d.kh == 1 && d.kw == 1 && unitWindow && isUnit(d.pads, 0);
  if (algorithm == "winograd2" || algorithm == "winograd4")
    return dense && d.kh == 3 && d.kw == 3 && unitWindow &&
           matchPattern(op.getWeight(), m_Constant());
  return false;
}
