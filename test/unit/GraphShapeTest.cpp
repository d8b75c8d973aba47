//===- GraphShapeTest.cpp - Shape rules of the graph dialect --------------===//

#include "dialects/graph/IR/GraphOps.h"
#include "dialects/graph/IR/ShapeHelpers.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/MLIRContext.h"

#include <gtest/gtest.h>

using namespace mlir;
using edgec::graph::windowOutputSize;

namespace {

TEST(WindowShape, FloorMode) {
  // 224 input, 7x7 kernel, stride 2, pad 3: ResNet's stem.
  EXPECT_EQ(windowOutputSize(224, 7, 2, 1, 3, 3, false), 112);
  EXPECT_EQ(windowOutputSize(5, 3, 1, 2, 0, 0, false), 1);
  EXPECT_EQ(windowOutputSize(4, 3, 1, 2, 0, 0, false), -1);
}

TEST(WindowShape, CeilModeDropsWindowsStartingInPadding) {
  EXPECT_EQ(windowOutputSize(6, 3, 2, 1, 0, 0, true), 3);
  EXPECT_EQ(windowOutputSize(6, 3, 2, 1, 0, 0, false), 2);
  // With a trailing pad the last ceil window would start in the padding.
  EXPECT_EQ(windowOutputSize(5, 2, 2, 1, 0, 1, true), 3);
  EXPECT_EQ(windowOutputSize(4, 2, 2, 1, 1, 1, true), 3);
}

TEST(ShapeHelpers, FormatShape) {
  EXPECT_EQ(edgec::graph::formatShape({1, 3, 224, 224}), "[1, 3, 224, 224]");
  EXPECT_EQ(edgec::graph::formatShape({}), "[]");
}

TEST(PermuteConstant, MovesElementsLikeNumpyTranspose) {
  MLIRContext context;
  Builder b(&context);
  auto type = RankedTensorType::get({2, 3}, b.getF32Type());
  std::vector<float> values = {0, 1, 2, 3, 4, 5};
  auto dense = DenseElementsAttr::get(type, ArrayRef<float>(values));
  DenseElementsAttr permuted = edgec::graph::permuteConstant(dense, {1, 0});
  ASSERT_TRUE(permuted);
  EXPECT_EQ(permuted.getType().getShape(), ArrayRef<int64_t>({3, 2}));
  std::vector<float> got(permuted.getValues<float>().begin(),
                         permuted.getValues<float>().end());
  EXPECT_EQ(got, (std::vector<float>{0, 3, 1, 4, 2, 5}));
}

TEST(PermuteConstant, RankThreeAndSplat) {
  MLIRContext context;
  Builder b(&context);
  auto type = RankedTensorType::get({2, 1, 3}, b.getI64Type());
  std::vector<int64_t> values = {0, 1, 2, 3, 4, 5};
  auto dense = DenseElementsAttr::get(type, ArrayRef<int64_t>(values));
  DenseElementsAttr permuted = edgec::graph::permuteConstant(dense, {2, 0, 1});
  std::vector<int64_t> got(permuted.getValues<int64_t>().begin(),
                           permuted.getValues<int64_t>().end());
  EXPECT_EQ(got, (std::vector<int64_t>{0, 3, 1, 4, 2, 5}));
  auto splat = DenseElementsAttr::get(type, int64_t(7));
  EXPECT_TRUE(edgec::graph::permuteConstant(splat, {2, 0, 1}).isSplat());
}

} // namespace
