//===- ModelImporter.cpp - ONNX ModelProto to the edge dialect ------------===//
//
// Reads the model, checks the graph as a whole (opsets, names, producers,
// cycles), then imports its nodes in dependency order through the op table.
//
//===----------------------------------------------------------------------===//

#include "NodeContext.h"
#include "Tensors.h"

#include "dialects/graph/IR/GraphOps.h"
#include "dialects/qtensor/IR/QTensorDialect.h"
#include "edgec/Frontend/OnnxImporter.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <google/protobuf/stubs/logging.h>
#include <onnx/defs/parser.h>
#include <onnx/defs/schema.h>

#include <climits>
#include <deque>
#include <limits>
#include <tuple>

using namespace mlir;
using namespace edgec;
using namespace edgec::onnx_import;

namespace {

/// Name attribute carrying the ONNX name of a graph input or output.
constexpr llvm::StringLiteral kNameAttr = "edgec.name";

class ModelImporter {
public:
  ModelImporter(MLIRContext &context, StringRef path,
                const OnnxImportOptions &options)
      : context_(context), path_(path.str()), options_(options),
        fileLoc_(FileLineColLoc::get(&context, path, 0, 0)),
        builder_(&context) {
    llvm::SmallString<256> dir(path);
    llvm::sys::path::remove_filename(dir);
    baseDir_ = dir.empty() ? "." : std::string(dir);
  }

  OwningOpRef<ModuleOp> import(const onnx::ModelProto &model);

private:
  LogicalResult checkModel(const onnx::ModelProto &model);
  LogicalResult importInputs(const onnx::GraphProto &graph,
                             SmallVectorImpl<Type> &types);
  LogicalResult importInitializers(const onnx::GraphProto &graph);
  LogicalResult orderNodes(const onnx::GraphProto &graph,
                           std::vector<int> &order);
  LogicalResult importNode(const onnx::NodeProto &node, int index,
                           const llvm::StringSet<> &used);
  LogicalResult checkDeclaredType(const onnx::ValueInfoProto &output,
                                  Type computed);
  std::string nodeName(const onnx::NodeProto &node, int index) const;
  Location nodeLoc(const onnx::NodeProto &node, int index) const;

  MLIRContext &context_;
  std::string path_, baseDir_;
  const OnnxImportOptions &options_;
  Location fileLoc_;
  OpBuilder builder_;
  int opset_ = 0;
  llvm::StringMap<Value> values_;
  llvm::StringSet<> initializerNames_;
};

std::string ModelImporter::nodeName(const onnx::NodeProto &node,
                                    int index) const {
  if (!node.name().empty())
    return node.name();
  return node.op_type() + "#" + std::to_string(index);
}

Location ModelImporter::nodeLoc(const onnx::NodeProto &node, int index) const {
  // node name (op type (file)): Support/Diagnostics.cpp reads it back.
  Location opLoc =
      NameLoc::get(StringAttr::get(&context_, node.op_type()), fileLoc_);
  return NameLoc::get(StringAttr::get(&context_, nodeName(node, index)), opLoc);
}

LogicalResult ModelImporter::checkModel(const onnx::ModelProto &model) {
  if (model.ir_version() < 3)
    return emitError(fileLoc_)
           << "not an ONNX model: ir_version " << model.ir_version()
           << " is missing or older than 3";
  if (!model.has_graph())
    return emitError(fileLoc_) << "not an ONNX model: it has no graph";
  bool found = false;
  for (const auto &opset : model.opset_import()) {
    if (opset.domain().empty() || opset.domain() == "ai.onnx") {
      opset_ = static_cast<int>(opset.version());
      found = true;
    }
  }
  if (!found)
    return emitError(fileLoc_) << "the model imports no default-domain opset";
  int newest = onnx::OpSchemaRegistry::DomainToVersionRange::Instance()
                   .Map()
                   .at(onnx::ONNX_DOMAIN)
                   .second;
  if (opset_ < 1 || opset_ > newest)
    return emitError(fileLoc_) << "opset " << opset_
                               << " is not supported (this build knows "
                                  "opsets 1 to "
                               << newest << ")";
  if (model.graph().output_size() == 0)
    return emitError(fileLoc_) << "the graph has no outputs";
  return success();
}

LogicalResult ModelImporter::importInputs(const onnx::GraphProto &graph,
                                          SmallVectorImpl<Type> &types) {
  for (const auto &init : graph.initializer())
    initializerNames_.insert(init.name());
  llvm::StringSet<> seen;
  for (const onnx::ValueInfoProto &input : graph.input()) {
    // Inputs that are also initializers are weights (IR < 4 style).
    if (initializerNames_.contains(input.name()))
      continue;
    std::string what = "input '" + input.name() + "'";
    if (input.name().empty())
      return emitError(fileLoc_) << "a graph input has no name";
    if (!seen.insert(input.name()).second)
      return emitError(fileLoc_) << what << " is listed twice";
    if (!input.type().has_tensor_type())
      return emitError(fileLoc_) << what << " is not a tensor";
    const auto &tensorType = input.type().tensor_type();
    Type elementType = convertElementType(&context_, tensorType.elem_type());
    if (!elementType)
      return emitError(fileLoc_) << what << " has unsupported element type "
                                 << onnxTypeName(tensorType.elem_type());
    SmallVector<int64_t> shape;
    auto override = options_.inputShapes.find(input.name());
    if (override != options_.inputShapes.end()) {
      shape = override->second;
    } else if (!tensorType.has_shape()) {
      return emitError(fileLoc_)
             << what << " has no shape; give one with --input-shape "
             << input.name() << "=DIMS";
    } else {
      for (const auto &dim : tensorType.shape().dim()) {
        if (!dim.has_dim_value())
          return emitError(fileLoc_)
                 << what << " has a symbolic dimension '" << dim.dim_param()
                 << "'; give its shape with --input-shape " << input.name()
                 << "=DIMS";
        shape.push_back(dim.dim_value());
      }
    }
    if (failed(checkShape(fileLoc_, what, shape)))
      return failure();
    if (llvm::is_contained(shape, 0))
      return emitError(fileLoc_) << what << " has a zero-sized dimension";
    types.push_back(RankedTensorType::get(shape, elementType));
  }
  for (const auto &entry : options_.inputShapes)
    if (!seen.contains(entry.getKey()))
      return emitError(fileLoc_) << "--input-shape names '" << entry.getKey()
                                 << "', which is not a graph input";
  return success();
}

LogicalResult ModelImporter::importInitializers(const onnx::GraphProto &graph) {
  for (const onnx::TensorProto &init : graph.initializer()) {
    std::string what = "initializer '" + init.name() + "'";
    if (init.name().empty())
      return emitError(fileLoc_) << "an initializer has no name";
    if (values_.count(init.name()))
      return emitError(fileLoc_) << what << " is defined twice";
    DenseElementsAttr value = convertTensor(init, fileLoc_, what, baseDir_);
    if (!value)
      return failure();
    Location loc =
        NameLoc::get(StringAttr::get(&context_, init.name()), fileLoc_);
    values_[init.name()] =
        builder_.create<graph::ConstantOp>(loc, cast<ElementsAttr>(value));
  }
  return success();
}

LogicalResult ModelImporter::orderNodes(const onnx::GraphProto &graph,
                                        std::vector<int> &order) {
  // Kahn's algorithm: the file's order is not trusted.
  int count = graph.node_size();
  llvm::StringMap<int> producer;
  for (int i = 0; i < count; ++i) {
    for (const std::string &out : graph.node(i).output()) {
      if (out.empty())
        continue;
      if (values_.count(out) || !producer.try_emplace(out, i).second)
        return emitError(nodeLoc(graph.node(i), i))
               << "output '" << out << "' is already defined elsewhere";
    }
  }
  std::vector<int> pending(count, 0);
  std::vector<std::vector<int>> users(count);
  for (int i = 0; i < count; ++i) {
    for (const std::string &in : graph.node(i).input()) {
      if (in.empty() || values_.count(in))
        continue;
      auto it = producer.find(in);
      if (it == producer.end())
        return emitError(nodeLoc(graph.node(i), i))
               << "input '" << in
               << "' is not a graph input, an initializer, or the output of "
                  "any node";
      ++pending[i];
      users[it->second].push_back(i);
    }
  }
  std::deque<int> ready;
  for (int i = 0; i < count; ++i)
    if (pending[i] == 0)
      ready.push_back(i);
  while (!ready.empty()) {
    int i = ready.front();
    ready.pop_front();
    order.push_back(i);
    for (int user : users[i])
      if (--pending[user] == 0)
        ready.push_back(user);
  }
  if (static_cast<int>(order.size()) != count) {
    for (int i = 0; i < count; ++i)
      if (pending[i] > 0)
        return emitError(nodeLoc(graph.node(i), i))
               << "the graph has a cycle through this node";
  }
  for (const auto &output : graph.output())
    if (!values_.count(output.name()) && !producer.count(output.name()))
      return emitError(fileLoc_) << "graph output '" << output.name()
                                 << "' is not produced by any node";
  return success();
}

LogicalResult ModelImporter::importNode(const onnx::NodeProto &node, int index,
                                        const llvm::StringSet<> &used) {
  Location loc = nodeLoc(node, index);
  if (!node.domain().empty() && node.domain() != "ai.onnx")
    return emitError(loc) << "operators of domain '" << node.domain()
                          << "' are not supported";
  const onnx::OpSchema *schema =
      onnx::OpSchemaRegistry::Schema(node.op_type(), opset_, onnx::ONNX_DOMAIN);
  if (!schema)
    return emitError(loc) << "'" << node.op_type()
                          << "' is not an ONNX operator at opset " << opset_;
  int version = schema->SinceVersion();
  const OpTable &table = getOpTable();
  auto entry = table.find(node.op_type());
  if (entry == table.end())
    return emitError(loc) << "operator " << node.op_type() << " (opset "
                          << opset_ << ") is not supported";
  const OpImporter &importer = entry->second;
  if (!llvm::is_contained(importer.sinceVersions, version)) {
    InFlightDiagnostic diag = emitError(loc);
    diag << node.op_type() << "-" << version << " (opset " << opset_
         << ") is not supported; supported versions:";
    for (int v : importer.sinceVersions)
      diag << " " << v;
    return diag;
  }
  // The schema's arity, so that no input or output is silently ignored.
  for (auto [what, count, lo, hi] :
       {std::tuple{"inputs", node.input_size(), schema->min_input(),
                   schema->max_input()},
        std::tuple{"outputs", node.output_size(), schema->min_output(),
                   schema->max_output()}}) {
    if (count >= lo && count <= hi)
      continue;
    InFlightDiagnostic diag = emitError(loc);
    diag << "has " << count << " " << what << "; " << node.op_type() << "-"
         << version << " takes ";
    if (hi == std::numeric_limits<int>::max())
      diag << "at least " << lo;
    else if (lo == hi)
      diag << lo;
    else
      diag << lo << " to " << hi;
    return diag;
  }
  SmallVector<Value> inputs;
  for (const std::string &in : node.input())
    inputs.push_back(in.empty() ? Value() : values_.lookup(in));
  NodeContext ctx(node, version, builder_, loc, inputs, baseDir_);
  if (failed(importer.import(ctx)) || ctx.failed())
    return failure();
  ArrayRef<Value> results = ctx.results();
  for (int i = 0; i < node.output_size(); ++i) {
    const std::string &name = node.output(i);
    if (name.empty())
      continue;
    if (i < static_cast<int>(results.size())) {
      values_[name] = results[i];
    } else if (used.contains(name)) {
      return emitError(loc) << "output " << i << " ('" << name << "') of "
                            << node.op_type() << " is not supported";
    }
  }
  return success();
}

LogicalResult
ModelImporter::checkDeclaredType(const onnx::ValueInfoProto &output,
                                 Type computed) {
  // A graph output may leave its type, or any dimension, undeclared; what it
  // does declare must be what the graph computes.
  if (!output.type().has_tensor_type())
    return success();
  const auto &declared = output.type().tensor_type();
  auto type = cast<RankedTensorType>(computed);
  bool agrees = true;
  if (declared.elem_type() != onnx::TensorProto::UNDEFINED)
    agrees = convertElementType(&context_, declared.elem_type()) ==
             type.getElementType();
  if (declared.has_shape()) {
    const auto &dims = declared.shape().dim();
    agrees &= dims.size() == type.getRank();
    for (int i = 0; agrees && i < dims.size(); ++i)
      agrees =
          !dims[i].has_dim_value() || dims[i].dim_value() == type.getDimSize(i);
  }
  if (agrees)
    return success();
  SmallVector<int64_t> dims;
  for (const auto &dim : declared.shape().dim())
    dims.push_back(dim.has_dim_value() ? dim.dim_value()
                                       : ShapedType::kDynamic);
  Type declaredElement = convertElementType(&context_, declared.elem_type());
  std::string declaredText = declaredElement
                                 ? describeTensorType(declaredElement, dims)
                                 : onnxTypeName(declared.elem_type()).str();
  return emitError(fileLoc_)
         << "graph output '" << output.name() << "' is declared as "
         << declaredText << " but the graph computes "
         << describeTensorType(type.getElementType(), type.getShape());
}

OwningOpRef<ModuleOp> ModelImporter::import(const onnx::ModelProto &model) {
  if (failed(checkModel(model)))
    return nullptr;
  const onnx::GraphProto &graph = model.graph();
  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc_);
  Builder b(&context_);
  (*module)->setAttr("edgec.source",
                     b.getStringAttr(llvm::sys::path::filename(path_)));
  (*module)->setAttr("edgec.opset", b.getI64IntegerAttr(opset_));
  if (!model.producer_name().empty()) {
    std::string producer = model.producer_name();
    if (!model.producer_version().empty())
      producer += " " + model.producer_version();
    (*module)->setAttr("edgec.producer", b.getStringAttr(producer));
  }

  SmallVector<Type> inputTypes;
  if (failed(importInputs(graph, inputTypes)))
    return nullptr;
  auto func =
      func::FuncOp::create(fileLoc_, "main", b.getFunctionType(inputTypes, {}));
  module->push_back(func);
  Block *entry = func.addEntryBlock();
  builder_.setInsertionPointToStart(entry);
  unsigned argIndex = 0;
  for (const onnx::ValueInfoProto &input : graph.input()) {
    if (initializerNames_.contains(input.name()))
      continue;
    func.setArgAttr(argIndex, kNameAttr, b.getStringAttr(input.name()));
    values_[input.name()] = entry->getArgument(argIndex++);
  }
  if (failed(importInitializers(graph)))
    return nullptr;

  std::vector<int> order;
  if (failed(orderNodes(graph, order)))
    return nullptr;
  llvm::StringSet<> used;
  for (const auto &node : graph.node())
    for (const std::string &in : node.input())
      used.insert(in);
  for (const auto &output : graph.output())
    used.insert(output.name());
  for (int index : order)
    if (failed(importNode(graph.node(index), index, used)))
      return nullptr;

  SmallVector<Value> results;
  llvm::StringSet<> outputNames;
  for (const auto &output : graph.output()) {
    if (!outputNames.insert(output.name()).second)
      return emitError(fileLoc_)
                 << "graph output '" << output.name() << "' is listed twice",
             nullptr;
    Value value = values_.lookup(output.name());
    if (failed(checkDeclaredType(output, value.getType())))
      return nullptr;
    results.push_back(value);
  }
  builder_.create<func::ReturnOp>(fileLoc_, results);
  func.setType(b.getFunctionType(inputTypes, ValueRange(results).getTypes()));
  for (auto [i, output] : llvm::enumerate(graph.output()))
    func.setResultAttr(i, kNameAttr, b.getStringAttr(output.name()));
  if (failed(mlir::verify(*module)))
    return nullptr;
  return module;
}

} // namespace

OwningOpRef<ModuleOp> edgec::importOnnxFile(MLIRContext &context,
                                            StringRef path,
                                            const OnnxImportOptions &options) {
  context.loadDialect<graph::GraphDialect, qtensor::QTensorDialect,
                      func::FuncDialect>();
  Location fileLoc = FileLineColLoc::get(&context, path, 0, 0);
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/true);
  if (!buffer)
    return emitError(fileLoc) << "cannot read: " << buffer.getError().message(),
           nullptr;
  StringRef bytes = (*buffer)->getBuffer();
  onnx::ModelProto model;
  if (path.ends_with(".onnxtxt")) {
    onnx::OnnxParser parser(bytes.data());
    onnx::Status status = parser.Parse(model);
    if (!status.IsOK()) {
      // The parser's message spans lines (position, context, problem); keep
      // the position and the problem on one line.
      std::string message;
      SmallVector<StringRef> lines;
      StringRef(status.ErrorMessage()).split(lines, '\n', -1, false);
      for (StringRef line : lines) {
        line = line.trim();
        if (line.empty() || line.starts_with("Error context:"))
          continue;
        message += (message.empty() ? "" : " ") + line.str();
      }
      return emitError(fileLoc) << "not valid ONNX text: " << message, nullptr;
    }
  } else {
    if (bytes.size() > static_cast<size_t>(INT_MAX))
      return emitError(fileLoc) << "the model is larger than 2 GiB; store "
                                   "its weights as external data",
             nullptr;
    // Protobuf reports parse problems on stderr itself; we say it once.
    google::protobuf::LogSilencer silence;
    if (!model.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
      return emitError(fileLoc) << "not a valid ONNX model (the protobuf "
                                   "does not parse; truncated or corrupt?)",
             nullptr;
  }
  return ModelImporter(context, path, options).import(model);
}
