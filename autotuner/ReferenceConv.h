//===- ReferenceConv.h - Plain-loop convolution to check against -*- C++
//-*-===//
//
// The qemu runner cannot time a board's code, but it can check that a
// candidate schedule computes the right values on the board's instruction
// set. It compares with this: the workload's convolution as plain loops
// accumulating in double, sharing no code with the compiler.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_AUTOTUNER_REFERENCECONV_H
#define EDGEC_AUTOTUNER_REFERENCECONV_H

#include "autotuner/Workload.h"

#include "llvm/ADT/ArrayRef.h"

#include <vector>

namespace edgec::tuning {

/// The workload's output for `input` on its seeded weights, in the layouts
/// of ConvWorkload::buildModule's model (NHWC for 2-D, NCW for 1-D).
std::vector<float> referenceConv(const ConvWorkload &workload,
                                 llvm::ArrayRef<float> input);

/// ||got - want|| / ||want|| (0 when both are zero).
double relativeL2(llvm::ArrayRef<float> got, llvm::ArrayRef<float> want);

/// The relative L2 error an fp32 `algorithm` must stay within: the bounds
/// test/e2e/conv_algorithms.py holds the kernels to (docs/kernels.md).
double toleranceFor(llvm::StringRef algorithm);

} // namespace edgec::tuning

#endif // EDGEC_AUTOTUNER_REFERENCECONV_H
