#!/bin/sh
# How the GUI's job runner treats the GUI thread: result delivery latency, progress flooding and
# what closing or switching costs with a job that ignores Cancel. Run by hand on a quiet machine:
#   tests/bench/job_runner.sh [JOBS]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build="${BUILD_DIR:-$root/build-release}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C "$build" -j2 headroom_job_runner_bench >/dev/null
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
HOME="$home" "$build/tests/bench/headroom_job_runner_bench" "${1:-200}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
