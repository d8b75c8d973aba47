//===- ConvTransposeLowering.cpp - Transposed convolutions to linalg ------===//

#include "codegen/GraphToLinalg/Builders.h"
#include "codegen/GraphToLinalg/Patterns.h"

#include "dialects/graph/IR/GraphOps.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
namespace graph = edgec::graph;

namespace edgec::codegen {

void populateConvTransposeLowering(RewritePatternSet &) {}

} // namespace edgec::codegen
