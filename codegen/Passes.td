//===- Passes.td - edgec code generation passes ------------*- tablegen -*-===//

#ifndef EDGEC_CODEGEN_PASSES
#define EDGEC_CODEGEN_PASSES

include "mlir/Pass/PassBase.td"

def ConvertGraphToLinalg : Pass<"edgec-convert-graph-to-linalg",
                                "mlir::ModuleOp"> {
  let summary = "Lower the edge dialect to linalg, tensor, arith and math";
  let description = [{
    Every edge op becomes structured ops on tensors: convolutions and matrix
    products become linalg named ops (`linalg.conv_2d_nchw_fchw`,
    `linalg.depthwise_conv_2d_nchw_chw`, `linalg.matmul`), so that kernel
    generation can recognise them; elementwise ops, normalization and
    reductions become `linalg.generic`; data movement becomes `tensor` ops.
    Padding is made explicit with `tensor.pad`, broadcasting with indexing
    maps over collapsed unit dimensions, and transposes of constants are
    folded into new constants.
  }];
  let dependentDialects = [
    "mlir::arith::ArithDialect", "mlir::linalg::LinalgDialect",
    "mlir::math::MathDialect", "mlir::tensor::TensorDialect"
  ];
}

def AssignSchedules : Pass<"edgec-assign-schedules", "mlir::ModuleOp"> {
  let summary = "Attach a kernel schedule to every convolution and matmul";
  let description = [{
    Gives each `linalg` convolution and matrix product an `edgec.schedule`
    dictionary (vector length, output-channel and column register tiles)
    unless it already has one. The defaults come from the target's vector
    width; the autotuner replaces them with measured choices. Schedules are
    data: the kernel generator reads nothing else.
  }];
  let options = [
    Option<"vectorLength", "vector-length", "int64_t", /*default=*/"8",
           "float32 lanes of one vector register on the target">,
  ];
}

def EntryABI : Pass<"edgec-entry-abi", "mlir::ModuleOp"> {
  let summary = "Give @main the runtime's calling convention";
  let description = [{
    Rewrites `func.func @main(tensors) -> tensors` into
    `func.func @<symbol>(inputs..., outputs..., weights)` on memrefs: inputs
    are read through `bufferization.to_tensor`, results are materialized in
    the caller's output buffers, and every constant of at least
    `min-weight-bytes` bytes moves into one 64-byte aligned weights blob,
    read back through `memref.view`. The blob is attached to the module as
    `edgec.weights` for the artifact writer.
  }];
  let options = [
    Option<"symbol", "symbol", "std::string", /*default=*/"\"model\"",
           "name of the entry function">,
    Option<"minWeightBytes", "min-weight-bytes", "int64_t",
           /*default=*/"256",
           "constants at least this large go to the weights blob">,
  ];
  let dependentDialects = [
    "mlir::arith::ArithDialect", "mlir::bufferization::BufferizationDialect",
    "mlir::memref::MemRefDialect"
  ];
}

def GenerateKernels : Pass<"edgec-generate-kernels", "mlir::func::FuncOp"> {
  let summary = "Register-blocked vector kernels for convolutions and matmuls";
  let description = [{
    Replaces `linalg.conv_2d_nchw_fchw`, `linalg.depthwise_conv_2d_nchw_chw`
    and `linalg.matmul` on memrefs by loops whose innermost body keeps a tile
    of the output in vector registers and accumulates with `vector.fma`,
    broadcasting one weight against a row of input columns. The tile comes
    from the op's `edgec.schedule`; static remainders get their own,
    narrower tiles.
  }];
  let dependentDialects = [
    "mlir::arith::ArithDialect", "mlir::memref::MemRefDialect",
    "mlir::scf::SCFDialect", "mlir::vector::VectorDialect"
  ];
}

#endif // EDGEC_CODEGEN_PASSES
