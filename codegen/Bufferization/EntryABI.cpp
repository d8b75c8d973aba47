//===- EntryABI.cpp - The runtime's calling convention for @main ----------===//
//
// The runtime calls a model as entry(inputs..., outputs..., weights): plain
// buffers owned by the caller. This pass moves the function onto that
// convention before bufferization, so that one-shot bufferization writes
// results straight into the caller's output buffers and reads weights in
// place from the blob the runtime loaded.
//
//===----------------------------------------------------------------------===//

#include "codegen/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"

namespace edgec::codegen {
#define GEN_PASS_DEF_ENTRYABI
#include "codegen/Passes.h.inc"
} // namespace edgec::codegen

using namespace mlir;

namespace {

constexpr int64_t kWeightAlignment = 64;
constexpr llvm::StringLiteral kNameAttr = "edgec.name";

MemRefType memrefFor(Type tensorType) {
  auto type = cast<RankedTensorType>(tensorType);
  return MemRefType::get(type.getShape(), type.getElementType());
}

struct EntryABIPass : edgec::codegen::impl::EntryABIBase<EntryABIPass> {
  using EntryABIBase::EntryABIBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto main = module.lookupSymbol<func::FuncOp>("main");
    if (!main || main.isExternal()) {
      module.emitError("expected a function @main with a body");
      return signalPassFailure();
    }
    OpBuilder b(main);
    Location loc = main.getLoc();
    FunctionType oldType = main.getFunctionType();
    for (Type type :
         llvm::concat<const Type>(oldType.getInputs(), oldType.getResults())) {
      auto tensor = dyn_cast<RankedTensorType>(type);
      if (!tensor || !tensor.hasStaticShape()) {
        main.emitError("inputs and results must be statically shaped "
                       "tensors, not ")
            << type;
        return signalPassFailure();
      }
    }
    unsigned numInputs = oldType.getNumInputs();
    unsigned numOutputs = oldType.getNumResults();

    // Lay the large constants out in one blob.
    SmallVector<std::pair<arith::ConstantOp, int64_t>> weights;
    std::vector<char> blob;
    main.walk([&](arith::ConstantOp constant) {
      auto dense = dyn_cast<DenseElementsAttr>(constant.getValue());
      if (!dense || !isa<RankedTensorType>(dense.getType()) ||
          dense.isSplat() || dense.getElementType().isInteger(1) ||
          static_cast<int64_t>(dense.getRawData().size()) < minWeightBytes)
        return;
      int64_t offset = llvm::alignTo(blob.size(), kWeightAlignment);
      ArrayRef<char> raw = dense.getRawData();
      blob.resize(offset + raw.size());
      std::memcpy(blob.data() + offset, raw.data(), raw.size());
      weights.emplace_back(constant, offset);
    });

    SmallVector<Type> argTypes;
    for (Type t : oldType.getInputs())
      argTypes.push_back(memrefFor(t));
    for (Type t : oldType.getResults())
      argTypes.push_back(memrefFor(t));
    auto weightsType =
        MemRefType::get({static_cast<int64_t>(blob.size())}, b.getI8Type());
    argTypes.push_back(weightsType);
    auto entry =
        b.create<func::FuncOp>(loc, symbol, b.getFunctionType(argTypes, {}));
    entry->setAttr("edgec.entry", b.getUnitAttr());
    entry->setAttr("edgec.num_inputs", b.getI64IntegerAttr(numInputs));
    for (unsigned i = 0; i < numInputs; ++i)
      if (Attribute name = main.getArgAttr(i, kNameAttr))
        entry.setArgAttr(i, kNameAttr, name);
    for (unsigned i = 0; i < numOutputs; ++i)
      if (Attribute name = main.getResultAttr(i, kNameAttr))
        entry.setArgAttr(numInputs + i, kNameAttr, name);
    entry.setArgAttr(numInputs + numOutputs, "edgec.weights", b.getUnitAttr());

    // Move the body over; inputs arrive as read-only tensors.
    entry.getBody().takeBody(main.getBody());
    Block &body = entry.getBody().front();
    b.setInsertionPointToStart(&body);
    for (unsigned i = 0; i < numInputs; ++i) {
      BlockArgument memref = body.addArgument(argTypes[i], loc);
      Value tensor = b.create<bufferization::ToTensorOp>(
          loc, memref, /*restrict=*/true, /*writable=*/false);
      body.getArgument(i).replaceAllUsesWith(tensor);
    }
    body.eraseArguments(0, numInputs);
    for (unsigned i = numInputs; i < argTypes.size(); ++i)
      body.addArgument(argTypes[i], loc);
    Value weightsArg = body.getArgument(numInputs + numOutputs);

    for (auto [constant, offset] : weights) {
      b.setInsertionPoint(constant);
      Value shift = b.create<arith::ConstantIndexOp>(constant.getLoc(), offset);
      Value view = b.create<memref::ViewOp>(constant.getLoc(),
                                            memrefFor(constant.getType()),
                                            weightsArg, shift, ValueRange{});
      Value tensor = b.create<bufferization::ToTensorOp>(
          constant.getLoc(), view, /*restrict=*/true, /*writable=*/false);
      constant.replaceAllUsesWith(tensor);
      constant.erase();
    }

    // Results are written into the caller's buffers.
    auto ret = cast<func::ReturnOp>(body.getTerminator());
    b.setInsertionPoint(ret);
    for (auto [i, value] : llvm::enumerate(ret.getOperands())) {
      auto materialize = b.create<bufferization::MaterializeInDestinationOp>(
          ret.getLoc(), TypeRange{}, value, body.getArgument(numInputs + i));
      materialize.setRestrict(true);
      materialize.setWritable(true);
    }
    b.create<func::ReturnOp>(ret.getLoc());
    ret.erase();
    main.erase();

    auto blobType = RankedTensorType::get({static_cast<int64_t>(blob.size())},
                                          b.getI8Type());
    module->setAttr("edgec.weights",
                    DenseResourceElementsAttr::get(
                        blobType, "edgec_weights",
                        HeapAsmResourceBlob::allocateAndCopyWithAlign(
                            ArrayRef<char>(blob), kWeightAlignment)));
  }
};

} // namespace
