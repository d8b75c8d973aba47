//===- QTensorToGraph.cpp - qtensor ops as graph arithmetic ---------------===//

#include "dialects/graph/IR/GraphOps.h"
#include "dialects/qtensor/Conversion/Passes.h"
#include "dialects/qtensor/IR/QTensorOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Transforms/DialectConversion.h"

namespace edgec::qtensor {
#define GEN_PASS_DEF_CONVERTQTENSORTOGRAPH
#include "dialects/qtensor/Conversion/Passes.h.inc"
} // namespace edgec::qtensor

using namespace mlir;
namespace graph = edgec::graph;
namespace qtensor = edgec::qtensor;

namespace {

/// A quantized type's scales and zero points as float32 constants that
/// broadcast against a tensor of `shape`: rank 0 per tensor, [n, 1, ...]
/// from the quantized dimension on per axis.
struct Parameters {
  Value scale, zeroPoint; ///< zeroPoint is null when every one is 0
  double qmin, qmax;
};

Parameters parameters(OpBuilder &b, Location loc, quant::QuantizedType type,
                      ArrayRef<int64_t> shape) {
  SmallVector<double> scales;
  SmallVector<int64_t> zeroPoints, paramShape;
  if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(type)) {
    scales.assign(perAxis.getScales().begin(), perAxis.getScales().end());
    zeroPoints.assign(perAxis.getZeroPoints().begin(),
                      perAxis.getZeroPoints().end());
    int64_t axis = perAxis.getQuantizedDimension();
    paramShape.push_back(shape[axis]);
    paramShape.append(shape.size() - axis - 1, 1);
  } else {
    auto uniform = cast<quant::UniformQuantizedType>(type);
    scales.push_back(uniform.getScale());
    zeroPoints.push_back(uniform.getZeroPoint());
  }
  auto constant = [&](auto values) -> Value {
    SmallVector<float> floats(values.begin(), values.end());
    auto attrType = RankedTensorType::get(paramShape, b.getF32Type());
    return b.create<graph::ConstantOp>(
        loc, DenseElementsAttr::get(attrType, ArrayRef<float>(floats)));
  };
  Parameters p;
  p.scale = constant(scales);
  if (llvm::any_of(zeroPoints, [](int64_t z) { return z != 0; }))
    p.zeroPoint = constant(zeroPoints);
  p.qmin = static_cast<double>(type.getStorageTypeMin());
  p.qmax = static_cast<double>(type.getStorageTypeMax());
  return p;
}

/// cast(clip(round(x / scale) + zero_point, qmin, qmax)) into `type`'s
/// storage.
Value quantize(OpBuilder &b, Location loc, Value x, RankedTensorType type) {
  Parameters p =
      parameters(b, loc, qtensor::quantizedElement(type), type.getShape());
  Value v = b.create<graph::DivOp>(loc, x, p.scale);
  v = b.create<graph::RoundOp>(loc, v);
  if (p.zeroPoint)
    v = b.create<graph::AddOp>(loc, v, p.zeroPoint);
  v = b.create<graph::ClipOp>(loc, v, b.getF32FloatAttr(p.qmin),
                              b.getF32FloatAttr(p.qmax));
  return b.create<graph::CastOp>(
      loc, v, TypeAttr::get(qtensor::storageTensorType(type).getElementType()));
}

/// (cast(q) - zero_point) * scale, `q` holding `type`'s storage.
Value dequantize(OpBuilder &b, Location loc, Value q, RankedTensorType type) {
  Parameters p =
      parameters(b, loc, qtensor::quantizedElement(type), type.getShape());
  Value v = b.create<graph::CastOp>(loc, q, TypeAttr::get(b.getF32Type()));
  if (p.zeroPoint)
    v = b.create<graph::SubOp>(loc, v, p.zeroPoint);
  return b.create<graph::MulOp>(loc, v, p.scale);
}

RankedTensorType tensorType(Value v) {
  return cast<RankedTensorType>(v.getType());
}

struct QuantizeLowering : OpConversionPattern<qtensor::QuantizeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(qtensor::QuantizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, quantize(rewriter, op.getLoc(), adaptor.getInput(),
                                    tensorType(op)));
    return success();
  }
};

struct DequantizeLowering : OpConversionPattern<qtensor::DequantizeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(qtensor::DequantizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, dequantize(rewriter, op.getLoc(), adaptor.getInput(),
                                      tensorType(op.getInput())));
    return success();
  }
};

struct RequantizeLowering : OpConversionPattern<qtensor::RequantizeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(qtensor::RequantizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value real = dequantize(rewriter, op.getLoc(), adaptor.getInput(),
                            tensorType(op.getInput()));
    rewriter.replaceOp(op,
                       quantize(rewriter, op.getLoc(), real, tensorType(op)));
    return success();
  }
};

/// Once both sides are storage types the cast is nothing.
struct StorageCastLowering : OpConversionPattern<qtensor::StorageCastOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(qtensor::StorageCastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, adaptor.getInput());
    return success();
  }
};

struct ConvertQTensorToGraphPass
    : qtensor::impl::ConvertQTensorToGraphBase<ConvertQTensorToGraphPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    bool quantizedSignature = false;
    module.walk([&](func::FuncOp func) {
      FunctionType type = func.getFunctionType();
      for (Type t :
           llvm::concat<const Type>(type.getInputs(), type.getResults()))
        if (qtensor::quantizedElement(t)) {
          func.emitError("function '")
              << func.getSymName() << "' takes or returns " << t
              << ": pass quantized values as their storage integers";
          quantizedSignature = true;
          return;
        }
    });
    if (quantizedSignature)
      return signalPassFailure();

    TypeConverter types;
    types.addConversion([](Type t) { return t; });
    types.addConversion([](RankedTensorType t) -> Type {
      return qtensor::quantizedElement(t) ? qtensor::storageTensorType(t)
                                          : Type(t);
    });
    ConversionTarget target(getContext());
    target.addIllegalDialect<qtensor::QTensorDialect>();
    // The integer ops already work on storage integers.
    target.addLegalOp<qtensor::ConvOp, qtensor::RescaleOp>();
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
    RewritePatternSet patterns(&getContext());
    patterns.add<QuantizeLowering, DequantizeLowering, RequantizeLowering,
                 StorageCastLowering>(types, &getContext());
    if (failed(applyPartialConversion(module, target, std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
