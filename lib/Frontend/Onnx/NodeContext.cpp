//===- NodeContext.cpp - What an op importer sees of one node -------------===//

#include "NodeContext.h"
#include "Tensors.h"

#include "dialects/graph/IR/GraphOps.h"
#include "mlir/IR/Verifier.h"

using namespace mlir;
using namespace edgec::onnx_import;
using onnx::AttributeProto;

NodeContext::NodeContext(const onnx::NodeProto &node, int version,
                         OpBuilder &builder, Location loc,
                         ArrayRef<Value> inputs, StringRef baseDir)
    : node_(node), version_(version), builder_(builder), loc_(loc),
      inputs_(inputs), baseDir_(baseDir) {}

InFlightDiagnostic NodeContext::error() {
  failed_ = true;
  return emitError(loc_);
}

Value NodeContext::input(size_t i) const {
  return i < inputs_.size() ? inputs_[i] : Value();
}

Value NodeContext::optionalFloatInput(size_t i) {
  Value value = input(i);
  if (!value || failed_)
    return {};
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || !type.getElementType().isF32()) {
    error() << "input " << i << " ('" << node_.input(i) << "') has type "
            << value.getType() << "; only float32 is supported here";
    return {};
  }
  return value;
}

Value NodeContext::tensorInput(size_t i) {
  if (!failed_ && !input(i))
    error() << "input " << i << " is required";
  return failed_ ? Value() : input(i);
}

Value NodeContext::floatInput(size_t i) {
  if (!failed_ && !input(i)) {
    error() << "input " << i << " is required";
    return {};
  }
  return optionalFloatInput(i);
}

DenseElementsAttr NodeContext::constantInput(size_t i, StringRef role) {
  Value value = input(i);
  if (failed_)
    return {};
  if (!value) {
    error() << role << " (input " << i << ") is required";
    return {};
  }
  if (auto constant = value.getDefiningOp<edgec::graph::ConstantOp>())
    if (auto dense = dyn_cast<DenseElementsAttr>(constant.getValue()))
      return dense;
  error() << role << " (input " << i << ", '" << node_.input(i)
          << "') must be a constant; it is computed at run time";
  return {};
}

SmallVector<int64_t> NodeContext::constantInts(size_t i, StringRef role) {
  DenseElementsAttr dense = constantInput(i, role);
  if (!dense)
    return {};
  if (!isa<IntegerType>(dense.getElementType())) {
    error() << role << " (input " << i << ") must hold integers";
    return {};
  }
  SmallVector<int64_t> values;
  for (const APInt &v : dense.getValues<APInt>())
    values.push_back(v.getSExtValue());
  return values;
}

float NodeContext::constantFloatScalar(size_t i, StringRef role,
                                       float fallback) {
  if (!input(i))
    return fallback;
  DenseElementsAttr dense = constantInput(i, role);
  if (!dense)
    return fallback;
  if (dense.getNumElements() != 1 || !dense.getElementType().isF32()) {
    error() << role << " (input " << i << ") must be a float32 scalar";
    return fallback;
  }
  return (*dense.getValues<APFloat>().begin()).convertToFloat();
}

const AttributeProto *NodeContext::findAttr(StringRef name) const {
  for (const AttributeProto &attr : node_.attribute())
    if (attr.name() == name)
      return &attr;
  return nullptr;
}

bool NodeContext::hasAttr(StringRef name) const {
  return findAttr(name) != nullptr;
}

const AttributeProto *NodeContext::typedAttr(StringRef name,
                                             AttributeProto::AttributeType type,
                                             StringRef typeName) {
  const AttributeProto *attr = findAttr(name);
  if (!attr || failed_)
    return nullptr;
  // Old exporters leave `type` unset; trust the field that is filled then.
  if (attr->type() != type && attr->type() != AttributeProto::UNDEFINED) {
    error() << "attribute '" << name << "' must be " << typeName << ", not "
            << AttributeProto::AttributeType_Name(attr->type());
    return nullptr;
  }
  return attr;
}

int64_t NodeContext::intAttr(StringRef name, int64_t fallback) {
  const AttributeProto *attr = typedAttr(name, AttributeProto::INT, "INT");
  return attr ? attr->i() : fallback;
}

float NodeContext::floatAttr(StringRef name, float fallback) {
  const AttributeProto *attr = typedAttr(name, AttributeProto::FLOAT, "FLOAT");
  return attr ? attr->f() : fallback;
}

std::string NodeContext::stringAttr(StringRef name, StringRef fallback) {
  const AttributeProto *attr =
      typedAttr(name, AttributeProto::STRING, "STRING");
  return attr ? attr->s() : fallback.str();
}

SmallVector<int64_t> NodeContext::intsAttr(StringRef name,
                                           ArrayRef<int64_t> fallback) {
  const AttributeProto *attr = typedAttr(name, AttributeProto::INTS, "INTS");
  if (!attr)
    return SmallVector<int64_t>(fallback);
  return SmallVector<int64_t>(attr->ints().begin(), attr->ints().end());
}

SmallVector<float> NodeContext::floatsAttr(StringRef name) {
  const AttributeProto *attr =
      typedAttr(name, AttributeProto::FLOATS, "FLOATS");
  if (!attr)
    return {};
  return SmallVector<float>(attr->floats().begin(), attr->floats().end());
}

const onnx::TensorProto *NodeContext::tensorAttr(StringRef name) {
  const AttributeProto *attr =
      typedAttr(name, AttributeProto::TENSOR, "TENSOR");
  return attr ? &attr->t() : nullptr;
}

int64_t NodeContext::axisAttr(StringRef name, int64_t fallback, int64_t rank) {
  int64_t axis = intAttr(name, fallback);
  if (failed_)
    return 0;
  if (axis < -rank || axis >= rank) {
    error() << "attribute '" << name << "' = " << axis
            << " is out of range for rank " << rank;
    return 0;
  }
  return axis < 0 ? axis + rank : axis;
}

Type NodeContext::placeholderType() {
  return UnrankedTensorType::get(builder_.getF32Type());
}

Value NodeContext::finish(
    OperationState &state,
    function_ref<LogicalResult(SmallVectorImpl<Type> &)> infer) {
  SmallVector<Type> types;
  if (mlir::failed(infer(types))) {
    failed_ = true;
    return {};
  }
  state.types.assign(types.begin(), types.end());
  Operation *op = builder_.create(state);
  if (mlir::failed(mlir::verify(op))) {
    failed_ = true;
    op->erase();
    return {};
  }
  bool constantOperands = llvm::all_of(op->getOperands(), [](Value v) {
    return v.getDefiningOp<edgec::graph::ConstantOp>() != nullptr;
  });
  SmallVector<Value> folded;
  if (constantOperands && op->getNumOperands() > 0 &&
      mlir::succeeded(builder_.tryFold(op, folded)) && !folded.empty() &&
      folded[0].getDefiningOp<edgec::graph::ConstantOp>()) {
    op->erase();
    return folded[0];
  }
  return op->getResult(0);
}

void NodeContext::setResults(ArrayRef<Value> values) {
  results_.assign(values.begin(), values.end());
}

bool edgec::onnx_import::resolveAutoPad(NodeContext &ctx,
                                        ArrayRef<int64_t> inputSpatial,
                                        ArrayRef<int64_t> kernel,
                                        ArrayRef<int64_t> strides,
                                        ArrayRef<int64_t> dilations,
                                        SmallVectorImpl<int64_t> &pads) {
  std::string mode = ctx.stringAttr("auto_pad", "NOTSET");
  size_t rank = inputSpatial.size();
  if (mode != "NOTSET" && !pads.empty()) {
    ctx.error() << "pads cannot be given together with auto_pad = " << mode;
    return false;
  }
  if (mode == "NOTSET") {
    if (pads.empty())
      pads.assign(2 * rank, 0);
    return !ctx.failed();
  }
  if (mode == "VALID") {
    pads.assign(2 * rank, 0);
    return true;
  }
  if (mode != "SAME_UPPER" && mode != "SAME_LOWER") {
    ctx.error() << "auto_pad '" << mode << "' is not one of NOTSET, "
                << "SAME_UPPER, SAME_LOWER, VALID";
    return false;
  }
  if (kernel.size() != rank || strides.size() != rank ||
      dilations.size() != rank) {
    ctx.error() << "auto_pad needs one kernel size, stride and dilation per "
                << "spatial dimension";
    return false;
  }
  pads.assign(2 * rank, 0);
  for (size_t i = 0; i < rank; ++i) {
    if (strides[i] < 1 || dilations[i] < 1 || kernel[i] < 1)
      continue; // the op verifier reports these
    // SAME: the output has ceil(input / stride) elements.
    int64_t out = (inputSpatial[i] + strides[i] - 1) / strides[i];
    int64_t span = dilations[i] * (kernel[i] - 1) + 1;
    int64_t total =
        std::max<int64_t>(0, (out - 1) * strides[i] + span - inputSpatial[i]);
    int64_t small = total / 2, large = total - small;
    pads[i] = mode == "SAME_UPPER" ? small : large;
    pads[i + rank] = mode == "SAME_UPPER" ? large : small;
  }
  return true;
}
