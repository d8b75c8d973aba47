#!/usr/bin/env bash
# Installs what is missing, builds edgec, compiles the bundled example model
# for this machine and runs it, printing its outputs and latency.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${EDGEC_BUILD_DIR:-$root/build}"

bash "$root/tools/install-deps.sh"
bash "$root/tools/build.sh"

example="$root/docs/examples/tinynet"
out="$build/quickstart"
echo
echo "== edgec $example/tinynet.onnx --target=host -o $out/tinynet"
"$build/bin/edgec" "$example/tinynet.onnx" --target=host -o "$out/tinynet"
ls "$out/tinynet"
echo
echo "== edgec run (image from $example/input.npy), 50 timed runs"
"$build/bin/edgec" run "$example/tinynet.onnx" --target=host \
  --input "$example/input.npy" --output-dir "$out/outputs" \
  --repeat 50 --print
