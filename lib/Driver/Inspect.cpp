//===- Inspect.cpp - What a model computes and what it costs --------------===//

#include "edgec/Driver/Inspect.h"

#include "dialects/graph/IR/GraphOps.h"
#include "dialects/qtensor/IR/QTensorOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

#include <chrono>
#include <set>

using namespace mlir;
namespace graph = edgec::graph;
namespace qtensor = edgec::qtensor;

namespace edgec {
namespace {

/// Bits per element; a quantized tensor's are its storage's.
int64_t elementBits(ShapedType type) {
  if (auto quantized = qtensor::quantizedElement(type))
    return quantized.getStorageTypeIntegralWidth();
  return type.getElementTypeBitWidth();
}

int64_t product(ArrayRef<int64_t> shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

/// Multiply-accumulates of `op` (see Inspect.h for the convention).
int64_t countMacs(Operation *op) {
  if (auto conv = dyn_cast<graph::ConvOp>(op)) {
    ArrayRef<int64_t> w = conv.getWeight().getType().getShape();
    // Every output value takes one weight per input channel of its group
    // and per kernel position.
    return product(conv.getType().getShape()) * product(w.drop_front(1));
  }
  if (auto convT = dyn_cast<graph::ConvTransposeOp>(op)) {
    ArrayRef<int64_t> w = convT.getWeight().getType().getShape();
    // Every input value scatters into one output per filter of its group
    // and per kernel position (cropped positions included).
    return product(convT.getInput().getType().getShape()) *
           product(w.drop_front(1));
  }
  if (auto gemm = dyn_cast<graph::GemmOp>(op)) {
    ArrayRef<int64_t> a = gemm.getA().getType().getShape();
    return product(gemm.getType().getShape()) * a[gemm.getTransA() ? 0 : 1];
  }
  if (auto matmul = dyn_cast<graph::MatMulOp>(op)) {
    int64_t k = matmul.getLhs().getType().getShape().back();
    return product(matmul.getType().getShape()) * k;
  }
  return 0;
}

std::string dtypeName(Type type) {
  std::string text;
  llvm::raw_string_ostream os(text);
  if (type.isF32())
    return "float32";
  if (type.isF16())
    return "float16";
  if (type.isF64())
    return "float64";
  if (type.isInteger(1))
    return "bool";
  if (auto i = dyn_cast<IntegerType>(type))
    return (i.isUnsigned() ? "uint" : "int") + std::to_string(i.getWidth());
  os << type;
  return text;
}

/// Node name and ONNX op type from the importer's location.
std::pair<std::string, std::string> nodeOf(Location loc) {
  auto node = dyn_cast<NameLoc>(loc);
  if (!node)
    return {"", ""};
  auto op = dyn_cast<NameLoc>(node.getChildLoc());
  return {node.getName().str(), op ? op.getName().str() : ""};
}

} // namespace

FailureOr<ModelReport> inspectModel(MLIRContext &context, StringRef path,
                                    const CompileOptions &options) {
  OwningOpRef<ModuleOp> module = importOnnxFile(context, path, options.import);
  if (!module)
    return failure();
  ModelReport report;
  report.source = llvm::sys::path::filename(path).str();
  report.model =
      options.modelName.empty() ? defaultModelName(path) : options.modelName;
  report.target = options.target;
  llvm::DenseSet<Operation *> countedWeights;
  std::set<std::string> opTypes;
  module->walk([&](Operation *op) {
    if (auto constant = dyn_cast<graph::ConstantOp>(op)) {
      auto type = cast<ShapedType>(constant.getType());
      report.weightBytesByDType[dtypeName(type.getElementType())] +=
          product(type.getShape()) *
          std::max<int64_t>(1, type.getElementTypeBitWidth() / 8);
      return;
    }
    // One row per ONNX node's computation: graph ops and qtensor ops (not
    // their storage casts, which move no data).
    StringRef dialect = op->getName().getDialectNamespace();
    if (op->getDialect() == nullptr ||
        (dialect != "edge" && dialect != "qtensor") ||
        isa<qtensor::StorageCastOp>(op))
      return;
    OpReport row;
    std::tie(row.node, row.opType) = nodeOf(op->getLoc());
    row.dialectOp = op->getName().getStringRef().str();
    for (Value operand : op->getOperands()) {
      auto type = cast<RankedTensorType>(operand.getType());
      row.inputShapes.emplace_back(type.getShape().begin(),
                                   type.getShape().end());
      // Weights: float constants, and integer ones a dequantize reads.
      auto constant = operand.getDefiningOp<graph::ConstantOp>();
      if (auto cast = operand.getDefiningOp<qtensor::StorageCastOp>())
        constant = cast.getInput().getDefiningOp<graph::ConstantOp>();
      else if (!isa<FloatType>(type.getElementType()))
        constant = nullptr;
      if (constant) {
        row.params += product(type.getShape());
        if (countedWeights.insert(constant).second)
          report.params += product(type.getShape());
      }
    }
    auto result = cast<RankedTensorType>(op->getResult(0).getType());
    row.outputShape.assign(result.getShape().begin(), result.getShape().end());
    row.activationBytes = product(result.getShape()) *
                          std::max<int64_t>(1, elementBits(result) / 8);
    row.macs = countMacs(op);
    report.macs += row.macs;
    if (!row.opType.empty())
      opTypes.insert(row.opType);
    report.ops.push_back(std::move(row));
  });
  report.onnxOpTypes.assign(opTypes.begin(), opTypes.end());
  for (const DeviceDescription &device : allDevices()) {
    std::vector<std::string> &missing = report.unsupportedByDevice[device.name];
    for (const std::string &op : report.onnxOpTypes)
      if (!deviceRunsOp(device, op))
        missing.push_back(op);
  }

  // The compile itself gives the planned activation memory and its time;
  // with --quantize, quantization first reports what it costs.
  std::string discard;
  llvm::raw_string_ostream sink(discard);
  FailureOr<cpu::CpuModel> model = failure();
  if (options.quantize.empty()) {
    model = compileModel(context, path, options, sink);
  } else {
    auto start = std::chrono::steady_clock::now();
    QuantizationReport quantization;
    if (failed(
            quantizeAfterCalibration(context, *module, options, &quantization)))
      return failure();
    model = compileModule(context, std::move(module), report.model,
                          report.source, options, sink);
    if (succeeded(model))
      model->compileSeconds = std::chrono::duration<double>(
                                  std::chrono::steady_clock::now() - start)
                                  .count();
    report.quantization = std::move(quantization);
  }
  if (failed(model))
    return failure();
  report.plannedActivationBytes = model->interface.scratchBytes;
  report.naiveActivationBytes = model->interface.naiveBytes;
  report.compileSeconds = model->compileSeconds;
  return report;
}

llvm::json::Value toJSON(const ModelReport &r) {
  llvm::json::Array ops;
  for (const OpReport &op : r.ops) {
    llvm::json::Array inputs;
    for (const auto &shape : op.inputShapes)
      inputs.push_back(llvm::json::Array(shape));
    ops.push_back(
        llvm::json::Object{{"node", op.node},
                           {"op_type", op.opType},
                           {"dialect_op", op.dialectOp},
                           {"input_shapes", std::move(inputs)},
                           {"output_shape", llvm::json::Array(op.outputShape)},
                           {"macs", op.macs},
                           {"params", op.params},
                           {"activation_bytes", op.activationBytes}});
  }
  llvm::json::Object weights, targets;
  for (const auto &[dtype, bytes] : r.weightBytesByDType)
    weights[dtype] = bytes;
  for (const auto &[device, missing] : r.unsupportedByDevice)
    targets[device] =
        llvm::json::Object{{"runs_all_ops", missing.empty()},
                           {"unsupported_ops", llvm::json::Array(missing)}};
  return llvm::json::Object{
      {"model", r.model},
      {"source", r.source},
      {"target", r.target},
      {"mac_convention",
       "multiply-accumulates of Conv, ConvTranspose, Gemm and MatMul"},
      {"ops", std::move(ops)},
      {"totals",
       llvm::json::Object{
           {"macs", r.macs},
           {"params", r.params},
           {"weight_bytes_by_dtype", std::move(weights)},
           {"peak_activation_bytes_planned", r.plannedActivationBytes},
           {"activation_bytes_naive", r.naiveActivationBytes},
           {"compile_seconds", r.compileSeconds}}},
      {"onnx_op_types", llvm::json::Array(r.onnxOpTypes)},
      {"targets", std::move(targets)},
      {"quantization",
       r.quantization ? toJSON(*r.quantization) : llvm::json::Value(nullptr)}};
}

void printReport(const ModelReport &r, llvm::raw_ostream &os) {
  auto shape = [](ArrayRef<int64_t> dims) {
    std::string text;
    for (size_t i = 0; i < dims.size(); ++i)
      text += (i ? "x" : "") + std::to_string(dims[i]);
    return text.empty() ? std::string("scalar") : text;
  };
  os << r.model << " (" << r.source << ")\n\n";
  os << llvm::formatv("{0,-28} {1,-20} {2,-22} {3,14} {4,10} {5,12}\n", "node",
                      "op", "output", "MACs", "params", "act. bytes");
  for (const OpReport &op : r.ops)
    os << llvm::format(
        "%-28s %-20s %-22s %14lld %10lld %12lld\n",
        op.node.substr(0, 28).c_str(), op.opType.substr(0, 20).c_str(),
        shape(op.outputShape).substr(0, 22).c_str(), (long long)op.macs,
        (long long)op.params, (long long)op.activationBytes);
  os << "\nMACs: " << llvm::formatv("{0:N}", r.macs)
     << " (multiply-accumulates of Conv, ConvTranspose, Gemm, MatMul)\n";
  os << "params: " << llvm::formatv("{0:N}", r.params) << "\n";
  for (const auto &[dtype, bytes] : r.weightBytesByDType)
    os << "weights " << dtype << ": " << llvm::formatv("{0:N}", bytes)
       << " bytes\n";
  os << "peak activation memory: "
     << llvm::formatv("{0:N}", r.plannedActivationBytes) << " bytes planned, "
     << llvm::formatv("{0:N}", r.naiveActivationBytes)
     << " bytes as separate buffers\n";
  os << "compile time (" << r.target
     << "): " << llvm::formatv("{0:F2}", r.compileSeconds) << " s\n\n";
  os << "targets:\n";
  for (const DeviceDescription &device : allDevices()) {
    const auto &missing = r.unsupportedByDevice.at(device.name);
    os << llvm::format("  %-17s ", device.name.c_str());
    if (missing.empty()) {
      os << "runs every op\n";
      continue;
    }
    os << "does not run:";
    for (const std::string &op : missing)
      os << " " << op;
    os << "\n";
  }
  if (r.quantization) {
    os << "\n";
    printReport(*r.quantization, os);
  }
}

} // namespace edgec
