# Every elementwise op lowers to LLVM for host and rpi4 and calls nothing
# but the C library's math functions (and the allocator): a math op without
# an LLVM lowering, or a call into MLIR's runtime libraries, would fail here
# before it fails to link. The end-to-end tests link and run the same code.
# RUN: %python %s host rpi4
import re
import subprocess
import sys
import tempfile

import onnx
from onnx import TensorProto, helper

UNARY = ["Abs", "Neg", "Sign", "Exp", "Log", "Sqrt", "Reciprocal", "Tanh",
         "Erf", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Sinh", "Cosh",
         "Asinh", "Acosh", "Atanh", "Floor", "Ceil", "Round", "Relu",
         "Sigmoid", "Softplus", "Softsign", "HardSigmoid", "HardSwish",
         "LeakyRelu", "Elu", "Selu", "Celu", "ThresholdedRelu", "Shrink"]
BINARY = ["Add", "Sub", "Mul", "Div", "Pow", "Max", "Min", "Mod", "PRelu"]
# What the generated code may call: libm (scalar calls that LLVM makes of
# its intrinsics and of frem; sin and cos of one value become sincosf) and
# the allocator.
ALLOWED = {"malloc", "free", "memcpy", "memset", "memmove", "expf", "logf",
           "sinf", "cosf", "sincosf", "powf", "pow", "fmodf", "floorf", "ceilf",
           "roundevenf", "sqrtf", "__extendhfsf2", "__truncsfhf2"}


def model():
    inputs = [helper.make_tensor_value_info("x", TensorProto.FLOAT, [64]),
              helper.make_tensor_value_info("i", TensorProto.INT64, [64])]
    nodes, outputs = [], []
    for op in UNARY:
        nodes.append(helper.make_node(op, ["x"], [op]))
        outputs.append(helper.make_tensor_value_info(op, TensorProto.FLOAT,
                                                     [64]))
    for op in BINARY:
        attrs = {"fmod": 1} if op == "Mod" else {}
        nodes.append(helper.make_node(op, ["x", "x"], [op], **attrs))
        outputs.append(helper.make_tensor_value_info(op, TensorProto.FLOAT,
                                                     [64]))
    for op, attrs in (("Div", {}), ("Mod", {}), ("Pow", {})):
        name = f"{op}_int"
        nodes.append(helper.make_node(op, ["i", "i"], [name], **attrs))
        outputs.append(helper.make_tensor_value_info(name, TensorProto.INT64,
                                                     [64]))
    nodes.append(helper.make_node("Cast", ["x"], ["half"],
                                  to=TensorProto.FLOAT16))
    outputs.append(helper.make_tensor_value_info("half", TensorProto.FLOAT16,
                                                 [64]))
    graph = helper.make_graph(nodes, "libm", inputs, outputs)
    return helper.make_model(graph,
                             opset_imports=[helper.make_opsetid("", 17)])


def calls(asm):
    """Names of the functions the assembly calls (x86 and AArch64)."""
    return set(re.findall(r"^\s*(?:callq?|bl|jmp|b)\s+([A-Za-z_]\w*)(?:@PLT)?",
                          asm, re.M))


def main(targets):
    failed = False
    with tempfile.NamedTemporaryFile(suffix=".onnx") as f:
        onnx.save(model(), f.name)
        for target in targets:
            proc = subprocess.run(["edgec", f.name, f"--target={target}",
                                   "--emit=asm"], capture_output=True,
                                  text=True)
            if proc.returncode != 0:
                print(f"FAIL [{target}]: {proc.stderr.strip()}")
                failed = True
                continue
            local = set(re.findall(r"^([A-Za-z_.$][\w.$]*):", proc.stdout,
                                   re.M))
            external = calls(proc.stdout) - local
            unexpected = sorted(external - ALLOWED)
            if unexpected:
                print(f"FAIL [{target}]: calls {unexpected}")
                failed = True
            else:
                print(f"PASS [{target}]: calls {sorted(external)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["host"]))
