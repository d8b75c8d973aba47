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

def FuseElementwise : Pass<"edgec-fuse-elementwise", "mlir::ModuleOp"> {
  let summary = "Fuse elementwise linalg ops and fold reshapes into them";
  let description = [{
    Upstream elementwise fusion (producer into consumer when the producer has
    one use) and reshape propagation by dimension expansion, except that
    named ops (`linalg.matmul`, `linalg.batch_matmul`, `linalg.fill`, the
    conv dialect's ops) are never rewritten into generics: the kernel
    generator recognizes them by name, and a contraction turned into a
    generic would fall back to scalar loops.
  }];
  let dependentDialects = ["mlir::linalg::LinalgDialect",
                           "mlir::tensor::TensorDialect"];
}

def ExpandMath : Pass<"edgec-expand-math", "mlir::ModuleOp"> {
  let summary = "Inline f32 exp as a polynomial so that loops vectorize";
  let description = [{
    Replaces `math.exp` on f32 scalars and vectors (softmax, sigmoid, SiLU,
    GELU's exp, ...) by Cephes' range-reduced polynomial (about 1 ulp), the
    one the conv epilogues use, with IEEE results outside its range (+inf,
    0, NaN). A libm call per element would keep LLVM from vectorizing the
    loop around it: it took a third of EfficientNet-B0's time.
  }];
  let dependentDialects = ["mlir::arith::ArithDialect",
                           "mlir::math::MathDialect"];
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

def PlanMemory : Pass<"edgec-plan-memory", "mlir::ModuleOp"> {
  let summary = "Place intermediate buffers in one arena, reusing dead space";
  let description = [{
    Every statically shaped `memref.alloc` of the entry function's body is
    live from its first to its last use (of it or of a view of it). Buffers
    whose lifetimes do not overlap share space: they are placed, largest
    first, at the lowest 64-byte aligned offset free for their whole
    lifetime. The result of an elementwise `linalg.generic` (parallel loops,
    identity maps for both) takes over the buffer of a same-typed input that
    dies there, in place. The allocations become `memref.view`s of a new
    `%scratch` argument (after the weights) that the runtime allocates once
    per model, and their deallocations go. The entry function records the
    arena's size (`edgec.scratch_bytes`), what separate buffers would have
    taken (`edgec.naive_bytes`) and how many buffers were reused in place
    (`edgec.in_place_buffers`).
  }];
  let dependentDialects = ["mlir::arith::ArithDialect",
                           "mlir::memref::MemRefDialect"];
}

def GenerateKernels : Pass<"edgec-generate-kernels", "mlir::func::FuncOp"> {
  let summary = "Register-blocked vector kernels for convolutions and matmuls";
  let description = [{
    Replaces `linalg.conv_2d_nchw_fchw`, `linalg.depthwise_conv_2d_nchw_chw`
    and `linalg.matmul` on memrefs by loops whose innermost body keeps a tile
    of the output in vector registers and accumulates with `vector.fma`,
    broadcasting one weight against a row of input columns. The tile comes
    from the op's `edgec.schedule`; static remainders get their own,
    narrower tiles. `conv.direct`, `conv.depthwise` and `conv.integer` get
    their channels-last kernels; conv.integer's int8 dot products call the
    target's instruction (`llvm.call_intrinsic`: AVX-512 VNNI's VPDPBUSD,
    Arm's SDOT) where its filter was packed for one.
  }];
  let dependentDialects = [
    "mlir::arith::ArithDialect", "mlir::LLVM::LLVMDialect",
    "mlir::memref::MemRefDialect", "mlir::scf::SCFDialect",
    "mlir::vector::VectorDialect"
  ];
}

def OutlineParallelLoops : Pass<"edgec-outline-parallel-loops",
                                "mlir::ModuleOp"> {
  let summary = "Run the kernels' parallel loops on the runtime's threads";
  let description = [{
    Every outermost `scf.parallel` (from 0, step 1) of the entry function
    becomes a task function `@<entry>_task<N>(begin, end, captures...)`
    running the iterations [begin, end), and the loop becomes a call to
    `@edgec_dispatch.<task>(count, captures...)`, a declaration that the
    LLVM back end defines as a call to the runtime's `edgec_parallel_for`.
    Captured memrefs travel as the buffers they view (allocations, function
    arguments, globals), and the view ops and constants are rebuilt inside
    the task, so that every argument has the bare-pointer convention.
  }];
  let dependentDialects = ["mlir::func::FuncDialect", "mlir::scf::SCFDialect"];
}

def OutlineKernels : Pass<"edgec-outline-kernels", "mlir::ModuleOp"> {
  let summary = "Move each kernel of the entry function into its own function";
  let description = [{
    Every top-level op of the entry function that holds a region and has
    no results (a kernel's loop nest, a `linalg` op) becomes a private
    function `@<entry>_kernel<N>(captures...)` marked `no_inline`, called
    in its place. Captures travel as in `edgec-outline-parallel-loops`,
    except that a view which is itself a static identity-layout buffer is
    passed as is. Kernels whose functions come out identical (the same
    shapes and schedule on different buffers) share one function.

    The LLVM back end then optimizes many small functions instead of one
    huge one, which is where most of a large model's compile time went.
  }];
  let dependentDialects = ["mlir::func::FuncDialect",
                           "mlir::LLVM::LLVMDialect"];
}

#endif // EDGEC_CODEGEN_PASSES
