//===- Passes.td - Passes of the conv dialect --------------*- tablegen -*-===//

#ifndef EDGEC_CONV_PASSES
#define EDGEC_CONV_PASSES

include "mlir/Pass/PassBase.td"

def SelectAlgorithm : Pass<"conv-select-algorithm", "mlir::func::FuncOp"> {
  let summary = "Turn each edge.conv into the conv algorithm that suits it";
  let description = [{
    Rewrites every 1-D and 2-D `edge.conv` into a conv dialect op on
    channels-last data, between `edge.transpose` ops that restore the
    model's NCHW layout (the layout pass later cancels those pairs). The
    filter is transposed into the algorithm's layout at compile time.

    The algorithm comes from an `algorithm` entry of the conv's
    `edgec.schedule` (`direct`, `depthwise`, `pointwise`, `im2col`,
    `winograd2`, `winograd4`) when the autotuner has set one and it applies;
    otherwise from the shape: depthwise for one filter per channel, pointwise
    for unit 1x1 convolutions, direct for the rest.

    Every dense or depthwise `qtensor.conv` becomes `conv.integer` the same
    way; a `qtensor.rescale` that is its only use becomes the op's
    requantization, so the result stays int8 between layers.
  }];
  let options = [
    Option<"algorithm", "algorithm", "std::string", /*default=*/"\"\"",
           "Use this algorithm wherever it applies (tests and benchmarks)">,
  ];
  let dependentDialects = ["::edgec::conv::ConvDialect",
                           "::edgec::graph::GraphDialect",
                           "::mlir::tensor::TensorDialect"];
}

def FuseEpilogues : Pass<"conv-fuse-epilogues", "mlir::func::FuncOp"> {
  let summary = "Fold a residual addition and an activation into conv ops";
  let description = [{
    `edge.add` of a conv result (used only there) and a tensor of the same
    shape becomes the conv's `residual`; a following (or directly applied)
    `edge.relu`, `edge.clip`, `edge.sigmoid`, or the `x * sigmoid(x)` of
    SiLU, becomes its `activation`. The kernel then applies them on
    registers before storing, instead of three more passes over memory.
  }];
}

def LowerAlgorithms : Pass<"conv-lower-algorithms", "mlir::func::FuncOp"> {
  let summary = "Lower conv algorithms to direct/depthwise kernels and linalg";
  let description = [{
    Leaves `conv.direct` and `conv.depthwise` for the kernel generator, with
    their padding made explicit (`tensor.pad`). `conv.pointwise` becomes a
    `conv.direct` over all pixels as one row; `conv.im2col` gathers patches
    with a `linalg.generic` and multiplies them as a 1x1 `conv.direct`;
    `conv.winograd` becomes input and output transforms (`linalg.generic`),
    a compile-time filter transform and a `linalg.batch_matmul`, with the
    epilogue applied in the output transform. `conv.integer` gets the
    same explicit padding (with its zero point), its zero point folded into
    the bias and its filter packed for the int8 dot product `int8-dot`
    names.
  }];
  let options = [
    Option<"int8Dot", "int8-dot", "std::string", /*default=*/"\"generic\"",
           "The int8 dot product conv.integer kernels use: vnni, sdot or "
           "generic">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::tensor::TensorDialect"];
}

#endif // EDGEC_CONV_PASSES
