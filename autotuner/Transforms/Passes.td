//===- Passes.td - Passes that apply tuning results --------*- tablegen -*-===//

#ifndef EDGEC_AUTOTUNER_PASSES
#define EDGEC_AUTOTUNER_PASSES

include "mlir/Pass/PassBase.td"

def ApplyTuning : Pass<"edgec-apply-tuning", "mlir::ModuleOp"> {
  let summary = "Give each convolution the schedule tuned for its workload";
  let description = [{
    Reads the module's `edgec.tuning` dictionary, which maps workload keys
    (`conv in=1x64x56x56 w=64x64x3x3 s=1x1 d=1x1 p=1x1x1x1 g=1 bias`, see
    `autotuner/Workload.h`) to `edgec.schedule` dictionaries, and puts the
    matching schedule on every `edge.conv` of that workload that has none
    yet. The driver fills the dictionary from a tuning database
    (`--tuning-db`) with the fastest record of each workload on the target;
    `conv-select-algorithm` then reads the schedule's algorithm and the
    kernel generator its register tile. Convolutions without a record keep
    the compiler's defaults.
  }];
}

#endif // EDGEC_AUTOTUNER_PASSES
