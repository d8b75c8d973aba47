//===- GenerateKernels.cpp - Vector kernels for linalg convolutions -------===//
//
// Every convolution and matrix product reaches emitDirectConv through 4-D
// views: grouped and depthwise convolutions one group at a time, matrix
// products as 1x1 convolutions over [1, K, 1, N] inputs.
//
//===----------------------------------------------------------------------===//

#include "codegen/Kernels/ChannelsLast.h"
#include "codegen/Kernels/DirectConv.h"
#include "codegen/Kernels/IntegerConv.h"
#include "codegen/Kernels/Schedule.h"
#include "codegen/Passes.h"

#include "dialects/conv/IR/ConvOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

namespace edgec::codegen {
#define GEN_PASS_DEF_GENERATEKERNELS
#include "codegen/Passes.h.inc"
} // namespace edgec::codegen

using namespace mlir;
using edgec::codegen::ConvGeometry;
using edgec::codegen::KernelSchedule;

namespace {

ConvGeometry geometryOf(DenseIntElementsAttr strides,
                        DenseIntElementsAttr dilations) {
  auto s = llvm::to_vector(strides.getValues<int64_t>());
  auto d = llvm::to_vector(dilations.getValues<int64_t>());
  return {s[0], s[1], d[0], d[1]};
}

/// A view of `source` with its leading dimension fixed at `index` (and
/// dropped when `dropLeading`), or of one unit slice when not.
Value sliceLeading(OpBuilder &b, Location loc, Value source, Value index,
                   int64_t dim, bool drop) {
  auto type = cast<MemRefType>(source.getType());
  int64_t rank = type.getRank();
  SmallVector<OpFoldResult> offsets(rank, b.getIndexAttr(0));
  SmallVector<OpFoldResult> sizes, strides(rank, b.getIndexAttr(1));
  SmallVector<int64_t> shape;
  for (int64_t i = 0; i < rank; ++i) {
    int64_t size = i == dim ? 1 : type.getDimSize(i);
    sizes.push_back(b.getIndexAttr(size));
    if (i != dim || !drop)
      shape.push_back(size);
  }
  offsets[dim] = index;
  auto resultType =
      cast<MemRefType>(memref::SubViewOp::inferRankReducedResultType(
          shape, type, offsets, sizes, strides));
  return b.create<memref::SubViewOp>(loc, resultType, source, offsets, sizes,
                                     strides);
}

Value expand(OpBuilder &b, Location loc, Value source, ArrayRef<int64_t> shape,
             ArrayRef<ReassociationIndices> groups) {
  auto type = cast<MemRefType>(source.getType());
  FailureOr<MemRefType> resultType =
      memref::ExpandShapeOp::computeExpandedType(type, shape, groups);
  assert(succeeded(resultType) && "unit dims always expand");
  return b.create<memref::ExpandShapeOp>(loc, *resultType, source, groups);
}

/// for (i = 0; i < count; ++i) body(i)
void forEach(OpBuilder &b, Location loc, int64_t count,
             function_ref<void(OpBuilder &, Value)> body) {
  Value zero = b.create<arith::ConstantIndexOp>(loc, 0);
  Value one = b.create<arith::ConstantIndexOp>(loc, 1);
  Value upper = b.create<arith::ConstantIndexOp>(loc, count);
  b.create<scf::ForOp>(loc, zero, upper, one, ValueRange{},
                       [&](OpBuilder &nb, Location, Value iv, ValueRange) {
                         body(nb, iv);
                         nb.create<scf::YieldOp>(loc);
                       });
}

/// C[M, N] += A[M, K] * B[K, N] as a 1x1 convolution.
void emitMatmul(OpBuilder &b, Location loc, Value a, Value bm, Value c,
                const KernelSchedule &schedule) {
  auto aShape = cast<MemRefType>(a.getType()).getShape();
  auto bShape = cast<MemRefType>(bm.getType()).getShape();
  int64_t m = aShape[0], k = aShape[1], n = bShape[1];
  Value weight = expand(b, loc, a, {m, k, 1, 1}, {{0}, {1, 2, 3}});
  Value in = expand(b, loc, bm, {1, k, 1, n}, {{0, 1}, {2, 3}});
  Value out = expand(b, loc, c, {1, m, 1, n}, {{0, 1}, {2, 3}});
  edgec::codegen::emitDirectConv(b, loc, in, weight, out, ConvGeometry{},
                                 schedule);
}

LogicalResult generate(OpBuilder &b, linalg::LinalgOp op,
                       const KernelSchedule &schedule) {
  Location loc = op.getLoc();
  Value in = op.getDpsInputs()[0], w = op.getDpsInputs()[1];
  Value out = op.getDpsInits()[0];
  if (auto conv = dyn_cast<linalg::Conv2DNchwFchwOp>(*op)) {
    edgec::codegen::emitDirectConv(
        b, loc, in, w, out, geometryOf(conv.getStrides(), conv.getDilations()),
        schedule);
    return success();
  }
  if (auto conv = dyn_cast<linalg::DepthwiseConv2DNchwChwOp>(*op)) {
    // Channel c alone: in[:, c:c+1], weight[c] as [1, 1, KH, KW].
    ConvGeometry geometry = geometryOf(conv.getStrides(), conv.getDilations());
    auto wShape = cast<MemRefType>(w.getType()).getShape();
    forEach(b, loc, wShape[0], [&](OpBuilder &nb, Value c) {
      Value inC = sliceLeading(nb, loc, in, c, 1, /*drop=*/false);
      Value outC = sliceLeading(nb, loc, out, c, 1, /*drop=*/false);
      Value wC = sliceLeading(nb, loc, w, c, 0, /*drop=*/false);
      Value w4 =
          expand(nb, loc, wC, {1, 1, wShape[1], wShape[2]}, {{0, 1}, {2}, {3}});
      edgec::codegen::emitDirectConv(nb, loc, inC, w4, outC, geometry,
                                     schedule);
    });
    return success();
  }
  if (auto conv = dyn_cast<linalg::Conv2DNgchwGfchwOp>(*op)) {
    ConvGeometry geometry = geometryOf(conv.getStrides(), conv.getDilations());
    int64_t groups = cast<MemRefType>(w.getType()).getDimSize(0);
    forEach(b, loc, groups, [&](OpBuilder &nb, Value g) {
      edgec::codegen::emitDirectConv(
          nb, loc, sliceLeading(nb, loc, in, g, 1, /*drop=*/true),
          sliceLeading(nb, loc, w, g, 0, /*drop=*/true),
          sliceLeading(nb, loc, out, g, 1, /*drop=*/true), geometry, schedule);
    });
    return success();
  }
  if (isa<linalg::MatmulOp>(*op)) {
    emitMatmul(b, loc, in, w, out, schedule);
    return success();
  }
  if (isa<linalg::BatchMatmulOp>(*op)) {
    int64_t batch = cast<MemRefType>(out.getType()).getDimSize(0);
    forEach(b, loc, batch, [&](OpBuilder &nb, Value i) {
      emitMatmul(nb, loc, sliceLeading(nb, loc, in, i, 0, /*drop=*/true),
                 sliceLeading(nb, loc, w, i, 0, /*drop=*/true),
                 sliceLeading(nb, loc, out, i, 0, /*drop=*/true), schedule);
    });
    return success();
  }
  return failure();
}

template <typename OpTy> edgec::codegen::Epilogue epilogueOf(OpTy op) {
  edgec::codegen::Epilogue epilogue;
  epilogue.bias = op.getBias();
  epilogue.residual = op.getResidual();
  epilogue.activation = op.getActivation().str();
  if (op.getClipMin())
    epilogue.clipMin = op.getClipMin()->convertToFloat();
  if (op.getClipMax())
    epilogue.clipMax = op.getClipMax()->convertToFloat();
  return epilogue;
}

template <typename OpTy> edgec::codegen::WindowGeometry windowOf(OpTy op) {
  ArrayRef<int64_t> s = op.getStrides(), d = op.getDilations();
  return {s[0], s[1], d[0], d[1]};
}

/// Emits the kernel of a bufferized conv.direct or conv.depthwise.
LogicalResult generateConv(Operation *op, const KernelSchedule &schedule) {
  auto isUnpadded = [](ArrayRef<int64_t> pads) {
    return llvm::all_of(pads, [](int64_t p) { return p == 0; });
  };
  OpBuilder b(op);
  if (auto conv = dyn_cast<edgec::conv::DirectOp>(op)) {
    if (!isUnpadded(conv.getPads()))
      return op->emitError("conv-lower-algorithms makes padding explicit "
                           "before kernels are generated");
    edgec::codegen::emitDirectNhwc(b, op->getLoc(), conv.getInput(),
                                   conv.getFilter(), conv.getInit(),
                                   static_cast<int64_t>(conv.getGroup()),
                                   windowOf(conv), epilogueOf(conv), schedule);
    return success();
  }
  auto conv = cast<edgec::conv::DepthwiseOp>(op);
  if (!isUnpadded(conv.getPads()))
    return op->emitError("conv-lower-algorithms makes padding explicit "
                         "before kernels are generated");
  edgec::codegen::emitDepthwiseNhwc(b, op->getLoc(), conv.getInput(),
                                    conv.getFilter(), conv.getInit(),
                                    windowOf(conv), epilogueOf(conv), schedule);
  return success();
}

/// Emits the kernel of a bufferized, laid out conv.integer.
LogicalResult generateInteger(edgec::conv::IntegerOp op,
                              const KernelSchedule &schedule) {
  auto isUnpadded = [](ArrayRef<int64_t> pads) {
    return llvm::all_of(pads, [](int64_t p) { return p == 0; });
  };
  bool ready = op.getPacked() && op.getBias() && op.getInputZeroPoint() == 0 &&
               isUnpadded(op.getPads());
  bool buffers = llvm::all_of(op->getOperands(), [](Value v) {
    auto type = dyn_cast<MemRefType>(v.getType());
    return type && type.hasStaticShape() && isLastMemrefDimUnitStride(type);
  });
  if (!ready || !buffers)
    return op.emitError("int8 kernels need conv-lower-algorithms' layout and "
                        "bufferized operands with a unit innermost stride");
  edgec::codegen::IntegerEpilogue epilogue;
  epilogue.bias = op.getBias();
  epilogue.multiplier = op.getMultiplier();
  epilogue.shift = op.getShift();
  epilogue.zeroPoint = static_cast<int64_t>(op.getOutputZeroPoint());
  epilogue.min = static_cast<int64_t>(op.getOutputMin());
  epilogue.max = static_cast<int64_t>(op.getOutputMax());
  OpBuilder b(op);
  if (op.getDepthwise())
    edgec::codegen::emitIntegerDepthwiseNhwc(b, op.getLoc(), op.getInput(),
                                             op.getFilter(), op.getInit(),
                                             windowOf(op), epilogue, schedule);
  else
    edgec::codegen::emitIntegerDirectNhwc(
        b, op.getLoc(), op.getInput(), op.getFilter(), op.getInit(),
        windowOf(op), epilogue, schedule, *op.getPacked());
  return success();
}

/// Vector loads need f32 memrefs with static shapes and unit inner stride.
bool isVectorizable(Value v) {
  auto type = dyn_cast<MemRefType>(v.getType());
  return type && type.getElementType().isF32() && type.hasStaticShape() &&
         isLastMemrefDimUnitStride(type);
}

bool isKernelOp(linalg::LinalgOp op) {
  if (!op.hasPureBufferSemantics())
    return false;
  if (!isa<linalg::Conv2DNchwFchwOp, linalg::DepthwiseConv2DNchwChwOp,
           linalg::Conv2DNgchwGfchwOp, linalg::MatmulOp, linalg::BatchMatmulOp>(
          *op))
    return false;
  return llvm::all_of(op->getOperands(), isVectorizable);
}

struct GenerateKernelsPass
    : edgec::codegen::impl::GenerateKernelsBase<GenerateKernelsPass> {
  void runOnOperation() override {
    SmallVector<Operation *> convs;
    getOperation().walk([&](Operation *op) {
      if (isa<edgec::conv::DirectOp, edgec::conv::DepthwiseOp>(op))
        convs.push_back(op);
    });
    for (Operation *op : convs) {
      if (!llvm::all_of(op->getOperands(), isVectorizable)) {
        op->emitError("conv kernels need bufferized float32 operands with a "
                      "unit innermost stride");
        return signalPassFailure();
      }
      KernelSchedule schedule =
          KernelSchedule::read(op).value_or(KernelSchedule{});
      if (failed(generateConv(op, schedule)))
        return signalPassFailure();
      op->erase();
    }
    SmallVector<edgec::conv::IntegerOp> integers;
    getOperation().walk(
        [&](edgec::conv::IntegerOp op) { integers.push_back(op); });
    for (edgec::conv::IntegerOp op : integers) {
      KernelSchedule schedule =
          KernelSchedule::read(op).value_or(KernelSchedule{});
      if (failed(generateInteger(op, schedule)))
        return signalPassFailure();
      op->erase();
    }
    SmallVector<linalg::LinalgOp> ops;
    getOperation().walk([&](linalg::LinalgOp op) {
      if (isKernelOp(op))
        ops.push_back(op);
    });
    for (linalg::LinalgOp op : ops) {
      KernelSchedule schedule =
          KernelSchedule::read(op).value_or(KernelSchedule{});
      OpBuilder b(op);
      if (failed(generate(b, op, schedule))) {
        op.emitError("no kernel for this op");
        return signalPassFailure();
      }
      op->erase();
    }
  }
};

} // namespace
