#!/usr/bin/env bash
# Shared set-up of the two README commands: installs the Debian 12 packages Headroom needs to
# build, test and run (only those missing), then configures and builds in build-release/.
# Usage: packaging/setup.sh [ninja targets…] | --print-packages | --print-missing
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  # build
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-charts-dev libqt6opengl6-dev libqt6sql6-sqlite libqt6svg6
  libxkbcommon-dev libgl-dev libsqlite3-dev zlib1g-dev nlohmann-json3-dev libboost-math-dev libyaml-cpp-dev
  # tests
  libgtest-dev libgmock-dev sqlite3 poppler-utils xvfb xauth python3-simpy3 parallel
  # tools whose real output the importer tests read back
  fio sysbench iperf3 wrk sysstat prometheus prometheus-node-exporter python3
  # a real service that `headroom validate` is checked against (tests/validation/)
  gunicorn
  # packaging checks, sanitizer and fuzzing runs
  dpkg-dev appstream clang-14 libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The packaging tests ask these two questions: what set-up names, and what a run would install.
case "${1:-}" in
  --print-packages) printf '%s\n' "${packages[@]}"; exit 0 ;;
  --print-missing) ((${#missing[@]})) && printf '%s\n' "${missing[@]}"; exit 0 ;;
esac
if ((${#missing[@]})); then
  echo "headroom: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

build_dir="${HEADROOM_BUILD_DIR:-build-release}"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build_dir" ${1:+--target "$@"}
