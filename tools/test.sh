#!/usr/bin/env bash
# Installs what is missing, builds edgec and runs every test (ctest: the lit
# suite with its end-to-end and model tests, and the unit tests).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${EDGEC_BUILD_DIR:-$root/build}"

bash "$root/tools/install-deps.sh"
bash "$root/tools/build.sh"
cd "$build"
ctest --output-on-failure -j 2
