//===- Tensors.cpp - ONNX tensors and types as MLIR values ----------------===//

#include "Tensors.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <cstring>

using namespace mlir;
using namespace edgec::onnx_import;
using onnx::TensorProto;

Type edgec::onnx_import::convertElementType(MLIRContext *context,
                                            int onnxType) {
  Builder b(context);
  switch (onnxType) {
  case TensorProto::FLOAT:
    return b.getF32Type();
  case TensorProto::FLOAT16:
    return b.getF16Type();
  case TensorProto::BFLOAT16:
    return b.getBF16Type();
  case TensorProto::DOUBLE:
    return b.getF64Type();
  case TensorProto::BOOL:
    return b.getI1Type();
  case TensorProto::INT8:
    return b.getI8Type();
  case TensorProto::INT16:
    return b.getI16Type();
  case TensorProto::INT32:
    return b.getI32Type();
  case TensorProto::INT64:
    return b.getI64Type();
  case TensorProto::UINT8:
    return b.getIntegerType(8, /*isSigned=*/false);
  case TensorProto::UINT16:
    return b.getIntegerType(16, /*isSigned=*/false);
  case TensorProto::UINT32:
    return b.getIntegerType(32, /*isSigned=*/false);
  case TensorProto::UINT64:
    return b.getIntegerType(64, /*isSigned=*/false);
  default:
    return {};
  }
}

StringRef edgec::onnx_import::onnxTypeName(int onnxType) {
  if (!onnx::TensorProto_DataType_IsValid(onnxType))
    return "<invalid>";
  return onnx::TensorProto_DataType_Name(
      static_cast<TensorProto::DataType>(onnxType));
}

std::string edgec::onnx_import::describeTensorType(Type elementType,
                                                   ArrayRef<int64_t> shape) {
  std::string text;
  if (elementType.isInteger(1))
    text = "bool";
  else if (elementType.isBF16())
    text = "bfloat16";
  else if (isa<FloatType>(elementType))
    text = "float" + std::to_string(elementType.getIntOrFloatBitWidth());
  else if (elementType.isUnsignedInteger())
    text = "uint" + std::to_string(elementType.getIntOrFloatBitWidth());
  else
    text = "int" + std::to_string(elementType.getIntOrFloatBitWidth());
  text += "[";
  for (size_t i = 0; i < shape.size(); ++i)
    text += (i ? ", " : "") + (ShapedType::isDynamic(shape[i])
                                   ? std::string("?")
                                   : std::to_string(shape[i]));
  return text + "]";
}

LogicalResult edgec::onnx_import::checkShape(Location loc, StringRef what,
                                             ArrayRef<int64_t> dims) {
  int64_t elements = 1;
  for (int64_t dim : dims) {
    if (dim < 0)
      return emitError(loc) << what << ": dimension " << dim << " is negative";
    if (dim > kMaxDimension)
      return emitError(loc) << what << ": dimension " << dim
                            << " exceeds the limit of " << kMaxDimension;
    if (dim != 0 && elements > kMaxElements / dim)
      return emitError(loc)
             << what << ": more than " << kMaxElements << " elements";
    elements *= dim;
  }
  return success();
}

namespace {

/// Byte size of one element as ONNX stores it in raw_data (bool: one byte).
size_t rawElementSize(Type type) {
  return std::max<size_t>(1, type.getIntOrFloatBitWidth() / 8);
}

/// Reads the external data of `tensor`; the file must lie inside `baseDir`.
std::unique_ptr<llvm::MemoryBuffer> readExternal(const TensorProto &tensor,
                                                 Location loc, StringRef what,
                                                 StringRef baseDir,
                                                 size_t expectedBytes) {
  std::string location;
  uint64_t offset = 0, length = expectedBytes;
  bool hasLength = false;
  for (const auto &entry : tensor.external_data()) {
    if (entry.key() == "location") {
      location = entry.value();
    } else if (entry.key() == "offset" || entry.key() == "length") {
      uint64_t value;
      if (StringRef(entry.value()).getAsInteger(10, value)) {
        emitError(loc) << what << ": external data " << entry.key() << " '"
                       << entry.value() << "' is not a number";
        return nullptr;
      }
      (entry.key() == "offset" ? offset : length) = value;
      hasLength |= entry.key() == "length";
    }
  }
  if (location.empty()) {
    emitError(loc) << what << ": external data has no location";
    return nullptr;
  }
  // The data must sit beside the model: no absolute paths, no escaping.
  if (llvm::sys::path::is_absolute(location) ||
      llvm::any_of(llvm::make_range(llvm::sys::path::begin(location),
                                    llvm::sys::path::end(location)),
                   [](StringRef part) { return part == ".."; })) {
    emitError(loc) << what << ": external data location '" << location
                   << "' leaves the model's directory";
    return nullptr;
  }
  if (hasLength && length != expectedBytes) {
    emitError(loc) << what << ": external data length " << length
                   << " does not match the " << expectedBytes
                   << " bytes its shape needs";
    return nullptr;
  }
  llvm::SmallString<256> path(baseDir);
  llvm::sys::path::append(path, location);
  uint64_t fileSize;
  if (llvm::sys::fs::file_size(path, fileSize)) {
    emitError(loc) << what << ": cannot read external data file '" << path
                   << "'";
    return nullptr;
  }
  if (offset > fileSize || fileSize - offset < expectedBytes) {
    emitError(loc) << what << ": external data file '" << path << "' has "
                   << fileSize << " bytes, too few for " << expectedBytes
                   << " bytes at offset " << offset;
    return nullptr;
  }
  auto buffer = llvm::MemoryBuffer::getFileSlice(path, expectedBytes, offset);
  if (!buffer) {
    emitError(loc) << what << ": cannot read external data file '" << path
                   << "': " << buffer.getError().message();
    return nullptr;
  }
  return std::move(*buffer);
}

/// Copies a typed repeated field into MLIR's little-endian raw layout.
template <typename Field>
void packTyped(const Field &field, Type type, std::vector<char> &out) {
  size_t size = rawElementSize(type);
  out.resize(field.size() * size);
  for (int i = 0; i < field.size(); ++i) {
    auto value = field.Get(i);
    if (type.isF32()) {
      float f = static_cast<float>(value);
      std::memcpy(&out[i * size], &f, size);
    } else if (type.isF64()) {
      double d = static_cast<double>(value);
      std::memcpy(&out[i * size], &d, size);
    } else {
      // Integers, and float16/bfloat16 carried as their bit patterns.
      uint64_t bits = static_cast<uint64_t>(value);
      std::memcpy(&out[i * size], &bits, size);
    }
  }
}

} // namespace

DenseElementsAttr edgec::onnx_import::convertTensor(const TensorProto &tensor,
                                                    Location loc,
                                                    StringRef what,
                                                    StringRef baseDir) {
  Type elementType = convertElementType(loc.getContext(), tensor.data_type());
  if (!elementType) {
    emitError(loc) << what << ": element type "
                   << onnxTypeName(tensor.data_type()) << " is not supported";
    return {};
  }
  SmallVector<int64_t> dims(tensor.dims().begin(), tensor.dims().end());
  if (failed(checkShape(loc, what, dims)))
    return {};
  auto type = RankedTensorType::get(dims, elementType);
  int64_t count = type.getNumElements();
  size_t elementSize = rawElementSize(elementType);
  size_t expectedBytes = static_cast<size_t>(count) * elementSize;

  std::vector<char> bytes;
  std::unique_ptr<llvm::MemoryBuffer> external;
  ArrayRef<char> raw;
  if (tensor.data_location() == TensorProto::EXTERNAL) {
    external = readExternal(tensor, loc, what, baseDir, expectedBytes);
    if (!external)
      return {};
    raw = ArrayRef<char>(external->getBufferStart(), external->getBufferSize());
  } else if (tensor.has_raw_data()) {
    raw = ArrayRef<char>(tensor.raw_data().data(), tensor.raw_data().size());
  } else {
    switch (tensor.data_type()) {
    case TensorProto::FLOAT:
      packTyped(tensor.float_data(), elementType, bytes);
      break;
    case TensorProto::DOUBLE:
      packTyped(tensor.double_data(), elementType, bytes);
      break;
    case TensorProto::INT64:
      packTyped(tensor.int64_data(), elementType, bytes);
      break;
    case TensorProto::UINT32:
    case TensorProto::UINT64:
      packTyped(tensor.uint64_data(), elementType, bytes);
      break;
    default:
      packTyped(tensor.int32_data(), elementType, bytes);
      break;
    }
    raw = bytes;
  }
  if (raw.size() != expectedBytes) {
    emitError(loc) << what << ": data has " << raw.size() / elementSize
                   << " elements (" << raw.size() << " bytes) but shape "
                   << "needs " << count << " (" << expectedBytes << " bytes)";
    return {};
  }
  if (elementType.isInteger(1)) {
    // DenseElementsAttr packs booleans as bits.
    SmallVector<bool> values(raw.size());
    for (size_t i = 0; i < raw.size(); ++i)
      values[i] = raw[i] != 0;
    return DenseElementsAttr::get(type, values);
  }
  if (count == 0)
    return DenseElementsAttr::get(type, ArrayRef<Attribute>{});
  return DenseElementsAttr::getFromRawBuffer(type, raw);
}
