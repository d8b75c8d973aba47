//===- Window.cpp - Sliding windows seen as 2-D ---------------------------===//

#include "codegen/GraphToLinalg/Window.h"

#include "codegen/GraphToLinalg/Builders.h"

using namespace mlir;

namespace edgec::codegen {

LogicalResult makeWindow2D(Operation *op, Value input,
                           RankedTensorType resultType,
                           ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
                           ArrayRef<int64_t> dilations, ArrayRef<int64_t> pads,
                           OpBuilder &b, Window2D &window) {
  size_t spatial = kernel.size();
  if (spatial > 2)
    return op->emitError() << spatial
                           << "-D windows are not supported by the CPU code "
                              "generator yet";
  window.oneD = spatial == 1;
  auto inputType = cast<RankedTensorType>(input.getType());
  if (window.oneD) {
    auto lift = [](ArrayRef<int64_t> v, int64_t fill) {
      return SmallVector<int64_t>{fill, v[0]};
    };
    window.kernel = lift(kernel, 1);
    window.strides = lift(strides, 1);
    window.dilations = lift(dilations, 1);
    window.padLow = {0, 0, 0, pads[0]};
    window.padHigh = {0, 0, 0, pads[1]};
    ArrayRef<int64_t> s = inputType.getShape();
    window.input =
        buildReshape(b, op->getLoc(), input,
                     RankedTensorType::get({s[0], s[1], 1, s[2]},
                                           inputType.getElementType()));
    ArrayRef<int64_t> r = resultType.getShape();
    window.resultType = RankedTensorType::get({r[0], r[1], 1, r[2]},
                                              resultType.getElementType());
    return success();
  }
  window.kernel.assign(kernel.begin(), kernel.end());
  window.strides.assign(strides.begin(), strides.end());
  window.dilations.assign(dilations.begin(), dilations.end());
  window.padLow = {0, 0, pads[0], pads[1]};
  window.padHigh = {0, 0, pads[2], pads[3]};
  window.input = input;
  window.resultType = resultType;
  return success();
}

void addCeilPadding(Window2D &window) {
  auto inputType = cast<RankedTensorType>(window.input.getType());
  for (int i = 0; i < 2; ++i) {
    int64_t out = window.resultType.getDimSize(i + 2);
    int64_t needed = (out - 1) * window.strides[i] +
                     (window.kernel[i] - 1) * window.dilations[i] + 1;
    int64_t have = inputType.getDimSize(i + 2) + window.padLow[i + 2] +
                   window.padHigh[i + 2];
    window.padHigh[i + 2] += std::max<int64_t>(0, needed - have);
  }
}

} // namespace edgec::codegen
