#!/usr/bin/env bash
# Installs the Debian packages edgec builds and tests with. Idempotent: it
# asks apt only for what is missing, so a ready machine needs no network.
set -euo pipefail

packages=(
  cmake ninja-build clang-19 clang-format-19 git
  llvm-19-dev llvm-19-tools libmlir-19-dev mlir-19-tools
  libfmt-dev libgtest-dev
  libprotobuf-dev protobuf-compiler libonnx-dev
  g++-aarch64-linux-gnu qemu-user
  python3 python3-numpy python3-onnx
  python3-torch python3-torchvision
  python3-dev pybind11-dev python3-pytest
  jupyter-nbconvert python3-ipykernel python3-matplotlib
  libonnx-testdata libsqlite3-dev libxgboost-dev
  openssh-server openssh-client
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "error: run as root or install sudo" >&2; exit 1; }
  sudo=sudo
fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
