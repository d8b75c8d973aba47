//===- MatrixOps.cpp - Importing Gemm, MatMul and Einsum ------------------===//

#include "NodeContext.h"

#include "dialects/graph/IR/GraphOps.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace edgec::onnx_import;
namespace graph = edgec::graph;

static LogicalResult importGemm(NodeContext &ctx) {
  Value a = ctx.floatInput(0), b = ctx.floatInput(1);
  Value c = ctx.optionalFloatInput(2);
  Builder builder(ctx.context());
  Value result = ctx.create<graph::GemmOp>(
      a, b, c, builder.getF32FloatAttr(ctx.floatAttr("alpha", 1.0f)),
      builder.getF32FloatAttr(ctx.floatAttr("beta", 1.0f)),
      builder.getBoolAttr(ctx.intAttr("transA", 0) != 0),
      builder.getBoolAttr(ctx.intAttr("transB", 0) != 0));
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

static LogicalResult importMatMul(NodeContext &ctx) {
  Value result =
      ctx.create<graph::MatMulOp>(ctx.floatInput(0), ctx.floatInput(1));
  if (!result)
    return failure();
  ctx.setResults(result);
  return success();
}

namespace {

/// One Einsum operand: its subscript letters in order.
using Labels = SmallVector<char>;

/// Parses "ab,bc->ac" (spaces allowed) into operand and output labels.
/// Without "->", the output is numpy's implicit one: the labels that occur
/// once, in alphabetical order. Ellipses are outside the supported subset.
bool parseEquation(NodeContext &ctx, StringRef equation,
                   SmallVectorImpl<Labels> &operands, Labels &output) {
  std::string compact;
  for (char c : equation)
    if (c != ' ')
      compact.push_back(c);
  bool explicitOutput = StringRef(compact).contains("->");
  auto [lhs, rhs] = StringRef(compact).split("->");
  if (StringRef(compact).contains("...")) {
    ctx.error() << "Einsum equation '" << equation
                << "' has an ellipsis, which is not supported";
    return false;
  }
  auto letters = [&](StringRef term, Labels &labels) {
    for (char c : term) {
      if (!llvm::isAlpha(c)) {
        ctx.error() << "Einsum equation '" << equation
                    << "' has the character '" << c << "' in a subscript";
        return false;
      }
      if (is_contained(labels, c)) {
        ctx.error() << "Einsum equation '" << equation << "' repeats '" << c
                    << "' within one term (diagonals are not supported)";
        return false;
      }
      labels.push_back(c);
    }
    return true;
  };
  SmallVector<StringRef> terms;
  lhs.split(terms, ',');
  for (StringRef term : terms)
    if (!letters(term, operands.emplace_back()))
      return false;
  if (explicitOutput)
    return letters(rhs, output);
  for (char c = 'A'; c <= 'z'; ++c)
    if (llvm::count(lhs, c) == 1)
      output.push_back(c);
  return true;
}

/// Sums away the labels of `value` that `keep` lacks.
Value sumAway(NodeContext &ctx, Value value, Labels &labels,
              function_ref<bool(char)> keep) {
  SmallVector<int64_t> axes;
  Labels kept;
  for (auto [i, c] : enumerate(labels)) {
    if (keep(c))
      kept.push_back(c);
    else
      axes.push_back(i);
  }
  if (axes.empty())
    return value;
  labels = kept;
  return ctx.create<graph::ReduceSumOp>(value, axes, false);
}

Value permute(NodeContext &ctx, Value value, const Labels &from,
              const Labels &to) {
  if (from == to)
    return value;
  SmallVector<int64_t> perm;
  for (char c : to)
    perm.push_back(find(from, c) - from.begin());
  return ctx.create<graph::TransposeOp>(value, perm);
}

} // namespace

/// Einsum of one or two operands without ellipses or repeated subscripts:
/// labels only one operand has and the output lacks are summed first, then
/// a two-operand contraction becomes a batched MatMul over [batch, free-left,
/// contracted] x [batch, contracted, free-right], reshaped and transposed
/// into the output's order.
static LogicalResult importEinsum(NodeContext &ctx) {
  std::string equation = ctx.stringAttr("equation", "");
  SmallVector<Labels> labels;
  Labels out;
  if (ctx.failed() || !parseEquation(ctx, equation, labels, out))
    return failure();
  if (labels.size() != ctx.numInputs() || labels.empty() || labels.size() > 2) {
    ctx.error() << "Einsum equation '" << equation << "' names "
                << labels.size() << " operands for " << ctx.numInputs()
                << " inputs (one or two are supported)";
    return failure();
  }
  SmallVector<Value> values;
  for (auto [i, term] : enumerate(labels)) {
    values.push_back(ctx.floatInput(i));
    if (ctx.failed())
      return failure();
    if (static_cast<int64_t>(term.size()) !=
        cast<RankedTensorType>(values.back().getType()).getRank()) {
      ctx.error() << "Einsum equation '" << equation << "' gives input " << i
                  << " " << term.size() << " subscripts for its rank "
                  << cast<RankedTensorType>(values.back().getType()).getRank();
      return failure();
    }
  }
  for (char c : out)
    if (none_of(labels, [&](const Labels &l) { return is_contained(l, c); })) {
      ctx.error() << "Einsum output subscript '" << c
                  << "' appears in no input";
      return failure();
    }
  auto inOutput = [&](char c) { return is_contained(out, c); };
  if (labels.size() == 1) {
    Value v = sumAway(ctx, values[0], labels[0], inOutput);
    ctx.setResults(permute(ctx, v, labels[0], out));
    return success(!ctx.failed());
  }
  Labels &a = labels[0], &b = labels[1];
  Value va = sumAway(ctx, values[0], a,
                     [&](char c) { return inOutput(c) || is_contained(b, c); });
  Value vb = sumAway(ctx, values[1], b,
                     [&](char c) { return inOutput(c) || is_contained(a, c); });
  if (ctx.failed())
    return failure();
  Labels batch, freeA, freeB, contracted;
  for (char c : a) {
    if (!is_contained(b, c))
      freeA.push_back(c);
    else if (inOutput(c))
      batch.push_back(c);
    else
      contracted.push_back(c);
  }
  for (char c : b)
    if (!is_contained(a, c))
      freeB.push_back(c);
  auto dims = [](Value v, const Labels &l) {
    llvm::SmallDenseMap<char, int64_t> extent;
    for (auto [i, c] : enumerate(l))
      extent[c] = cast<RankedTensorType>(v.getType()).getDimSize(i);
    return extent;
  };
  auto extentA = dims(va, a), extentB = dims(vb, b);
  for (char c : llvm::concat<char>(batch, contracted))
    if (extentA[c] != extentB[c]) {
      ctx.error() << "Einsum subscript '" << c << "' has extent " << extentA[c]
                  << " in input 0 and " << extentB[c] << " in input 1";
      return failure();
    }
  auto product = [](const Labels &l, llvm::SmallDenseMap<char, int64_t> &e) {
    int64_t n = 1;
    for (char c : l)
      n *= e[c];
    return n;
  };
  int64_t nb = product(batch, extentA), m = product(freeA, extentA),
          k = product(contracted, extentA), n = product(freeB, extentB);
  Labels orderA = batch, orderB = batch;
  orderA.append(freeA);
  orderA.append(contracted);
  orderB.append(contracted);
  orderB.append(freeB);
  Value lhs = ctx.create<graph::ReshapeOp>(permute(ctx, va, a, orderA),
                                           ArrayRef<int64_t>{nb, m, k});
  Value rhs = ctx.create<graph::ReshapeOp>(permute(ctx, vb, b, orderB),
                                           ArrayRef<int64_t>{nb, k, n});
  Value product3 = ctx.create<graph::MatMulOp>(lhs, rhs);
  Labels resultLabels = batch;
  resultLabels.append(freeA);
  resultLabels.append(freeB);
  SmallVector<int64_t> resultShape;
  for (char c : resultLabels)
    resultShape.push_back(extentA.count(c) ? extentA[c] : extentB[c]);
  Value result = ctx.create<graph::ReshapeOp>(product3, resultShape);
  ctx.setResults(permute(ctx, result, resultLabels, out));
  return success(!ctx.failed());
}

void edgec::onnx_import::registerMatrixOps(OpTable &table) {
  table["Gemm"] = {{7, 9, 11, 13}, "float32", importGemm};
  table["MatMul"] = {
      {1, 9, 13}, "float32; numpy batch broadcasting", importMatMul};
  table["Einsum"] = {{12},
                     "float32; one or two operands, no ellipsis or repeated "
                     "subscript within a term",
                     importEinsum};
}
