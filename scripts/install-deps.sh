#!/usr/bin/env bash
# Installs the Debian 12 packages FlyStage needs to build, test and run. Idempotent and
# quiet: when everything is there it prints nothing and touches nothing.
set -euo pipefail

packages=(
  build-essential make cmake ninja-build ccache pkg-config git clang-format
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite
  qt6-svg-dev
  libsqlite3-dev libsqlitecpp-dev libssl-dev
  libtorch-dev libopenblas0-openmp
  libopencv-dev libtiff-dev
  libqcustomplot-dev libqcustomplot2.1-qt6
  libcli11-dev nlohmann-json3-dev
  # Boost.Math (header-only): the Student t quantile of the confidence intervals
  libboost-dev
  xvfb xauth
  fonts-dejavu-core poppler-utils
  # the .deb: dependencies (dpkg-shlibdeps), man pages from --help, the package test's checkers
  dpkg-dev help2man appstream desktop-file-utils lintian
  # the kill test checks the project file with Python's sqlite3
  python3
  # HostileInputTest measures the peak memory of a refused decompression bomb
  time
)
# `install-deps.sh fuzz`: also clang and its libFuzzer runtime (make fuzz, scripts/fuzz.sh)
if [ "${1:-}" = fuzz ]; then
  packages+=(clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian's default BLAS is the slow reference one; OpenBLAS (OpenMP) makes float matrix
# products about 40x faster for libtorch on CPU.
if command -v update-alternatives >/dev/null; then
  alt=$(update-alternatives --list libblas.so.3-x86_64-linux-gnu 2>/dev/null | grep openblas-openmp || true)
  [ -n "$alt" ] && $sudo update-alternatives --set libblas.so.3-x86_64-linux-gnu "$alt" >/dev/null
fi
exit 0
