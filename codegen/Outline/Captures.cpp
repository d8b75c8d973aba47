//===- Captures.cpp - What an outlined region takes from its function -----===//

#include "Captures.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "mlir/Transforms/RegionUtils.h"

using namespace mlir;

namespace edgec::codegen {
namespace {

bool travelsAsArgument(Type type) {
  if (auto memref = dyn_cast<MemRefType>(type))
    // Bare pointers carry only identity-layout, static buffers.
    return memref.hasStaticShape() && memref.getLayout().isIdentity();
  return type.isIntOrIndexOrFloat();
}

/// Adds `value` to the captures; false when it cannot travel.
bool capture(Value value, llvm::SetVector<Value> &arguments,
             llvm::SetVector<Operation *> &rebuilt) {
  Operation *def = value.getDefiningOp();
  bool constant = def && matchPattern(def, m_Constant());
  // A view that is itself a plain buffer travels as one: the outlined code
  // then does not depend on where the view lies, and equal kernels on
  // different buffers stay equal.
  if (!constant && travelsAsArgument(value.getType())) {
    arguments.insert(value);
    return true;
  }
  if (!def || !(constant || isa<ViewLikeOpInterface>(def)))
    return false;
  if (rebuilt.contains(def))
    return true;
  for (Value operand : def->getOperands())
    if (!capture(operand, arguments, rebuilt))
      return false;
  rebuilt.insert(def);
  return true;
}

} // namespace

LogicalResult Captures::collect(Operation *op, Operation *function) {
  return collectValues(op->getOperands(), op->getRegions(), function);
}

LogicalResult Captures::collect(MutableArrayRef<Region> regions,
                                Operation *function) {
  return collectValues({}, regions, function);
}

LogicalResult Captures::collectValues(ValueRange operands,
                                      MutableArrayRef<Region> regions,
                                      Operation *function) {
  SetVector<Value> above(operands.begin(), operands.end());
  getUsedValuesDefinedAbove(regions, above);
  llvm::SetVector<Operation *> ops;
  for (Value value : above)
    if (!capture(value, arguments_, ops))
      return failure();
  // Rebuild in program order, so that definitions precede uses.
  DenseMap<Operation *, unsigned> position;
  function->walk<WalkOrder::PreOrder>(
      [&](Operation *op) { position[op] = position.size(); });
  rebuilt_.assign(ops.begin(), ops.end());
  llvm::sort(rebuilt_, [&](Operation *a, Operation *b) {
    return position.lookup(a) < position.lookup(b);
  });
  return success();
}

void Captures::rebuild(OpBuilder &builder, ValueRange args,
                       IRMapping &mapping) const {
  for (auto [value, arg] : llvm::zip_equal(arguments_, args))
    mapping.map(value, arg);
  for (Operation *op : rebuilt_)
    builder.clone(*op, mapping);
}

SmallVector<Operation *> entryFunctions(Operation *module) {
  SmallVector<Operation *> entries;
  for (Region &region : module->getRegions())
    for (Operation &op : region.getOps())
      if (op.hasAttr("edgec.entry"))
        entries.push_back(&op);
  return entries;
}

} // namespace edgec::codegen
