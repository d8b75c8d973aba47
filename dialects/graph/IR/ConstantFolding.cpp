//===- ConstantFolding.cpp - Evaluating graph ops on constants ------------===//

#include "dialects/graph/IR/ConstantFolding.h"

#include "llvm/ADT/APFloat.h"

using namespace mlir;

namespace edgec::graph {

SmallVector<Scalar> readScalars(DenseElementsAttr attr) {
  SmallVector<Scalar> values;
  Type type = attr.getElementType();
  if (isa<FloatType>(type)) {
    for (const APFloat &v : attr.getValues<APFloat>())
      values.push_back(Scalar::ofFloat(v.convertToDouble()));
  } else if (auto intType = dyn_cast<IntegerType>(type)) {
    bool isUnsigned = intType.isUnsigned() || intType.getWidth() == 1;
    for (const APInt &v : attr.getValues<APInt>())
      values.push_back(
          Scalar::ofInt(isUnsigned ? static_cast<int64_t>(v.getZExtValue())
                                   : v.getSExtValue()));
  }
  return values;
}

DenseElementsAttr makeConstant(RankedTensorType type, ArrayRef<Scalar> values) {
  Type elementType = type.getElementType();
  if (auto floatType = dyn_cast<FloatType>(elementType)) {
    SmallVector<APFloat> out;
    for (const Scalar &s : values) {
      APFloat v(s.asDouble());
      bool lost;
      v.convert(floatType.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                &lost);
      out.push_back(v);
    }
    return DenseElementsAttr::get(type, out);
  }
  auto intType = cast<IntegerType>(elementType);
  unsigned width = intType.getWidth();
  SmallVector<APInt> out;
  for (const Scalar &s : values) {
    int64_t v = s.isFloat ? static_cast<int64_t>(s.f) : s.i;
    if (width == 1)
      v = v != 0;
    out.push_back(APInt(64, static_cast<uint64_t>(v), /*isSigned=*/true)
                      .sextOrTrunc(width));
  }
  return DenseElementsAttr::get(type, out);
}

DenseElementsAttr
foldElementwise(ArrayRef<Attribute> operands, RankedTensorType resultType,
                function_ref<std::optional<Scalar>(ArrayRef<Scalar>)> fn,
                int64_t maxElements) {
  if (resultType.getNumElements() > maxElements)
    return {};
  Type resultElement = resultType.getElementType();
  if (!isa<FloatType, IntegerType>(resultElement))
    return {};
  int64_t rank = resultType.getRank();
  SmallVector<SmallVector<Scalar>> inputs;
  // Per operand, the stride of each result dimension (0 where it stretches).
  SmallVector<SmallVector<int64_t>> strides;
  for (Attribute operand : operands) {
    auto dense = dyn_cast_if_present<DenseElementsAttr>(operand);
    if (!dense)
      return {};
    inputs.push_back(readScalars(dense));
    if (inputs.back().empty() && dense.getNumElements() != 0)
      return {};
    ArrayRef<int64_t> shape = dense.getType().getShape();
    SmallVector<int64_t> stride(rank, 0);
    int64_t running = 1;
    for (int64_t i = shape.size() - 1, r = rank - 1; i >= 0; --i, --r) {
      stride[r] = shape[i] == 1 ? 0 : running;
      running *= shape[i];
    }
    strides.push_back(stride);
  }
  ArrayRef<int64_t> outShape = resultType.getShape();
  SmallVector<Scalar> results;
  results.reserve(resultType.getNumElements());
  SmallVector<int64_t> index(rank, 0);
  SmallVector<Scalar> args(inputs.size());
  for (int64_t n = 0, e = resultType.getNumElements(); n < e; ++n) {
    for (size_t k = 0; k < inputs.size(); ++k) {
      int64_t offset = 0;
      for (int64_t d = 0; d < rank; ++d)
        offset += index[d] * strides[k][d];
      args[k] = inputs[k][offset];
    }
    std::optional<Scalar> value = fn(args);
    if (!value)
      return {};
    results.push_back(*value);
    for (int64_t d = rank - 1; d >= 0; --d) {
      if (++index[d] < outShape[d])
        break;
      index[d] = 0;
    }
  }
  return makeConstant(resultType, results);
}

} // namespace edgec::graph
