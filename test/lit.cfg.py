# -*- Python -*-
import os

import lit.formats
from lit.llvm import llvm_config

config.name = "edgec"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
# .mlir: edgec-opt tests; .onnxtxt: ONNX models in ONNX's text syntax fed to
# edgec; .py: end-to-end tests in Debian's Python; .test: driver tests.
config.suffixes = [".mlir", ".onnxtxt", ".py", ".test"]
config.excludes = ["Inputs", "lib", "lit.cfg.py", "lit.site.cfg.py", "unit",
                   "python",
                   "CMakeLists.txt", "sweep.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.edgec_obj_root, "test")

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.with_environment("PATH", config.edgec_tools_dir, append_path=True)
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%edgec_src", config.edgec_src_root))
config.substitutions.append(("%edgec_obj", config.edgec_obj_root))
# Python helpers shared by the end-to-end tests.
llvm_config.with_environment(
    "PYTHONPATH", os.path.join(config.edgec_src_root, "test", "lib"),
    append_path=True)

tools = ["edgec", "edgec-opt", "FileCheck", "not", "count", "llvm-objdump"]
llvm_config.add_tool_substitutions(
    tools, [config.edgec_tools_dir, config.llvm_tools_dir])

# Features tests can require.
import platform
if platform.machine() in ("x86_64", "AMD64"):
    config.available_features.add("x86_64-host")
if os.path.exists("/usr/bin/qemu-aarch64") and os.path.exists(
        "/usr/bin/aarch64-linux-gnu-gcc"):
    config.available_features.add("aarch64-emulation")
import shutil
if shutil.which("clang-format-19") and shutil.which("git"):
    config.available_features.add("clang-format")
try:
    import subprocess
    subprocess.run([config.python_executable, "-c", "import torch, torchvision"],
                   check=True, capture_output=True)
    config.available_features.add("torch")
except Exception:
    pass
