#!/bin/sh
# Times `headroom report` of the bundled web API scenario after `headroom recommend`, then a
# second report. The recommendation keeps its winner's full run and simulates the scenario as
# written beside its sweep, so both reports take everything from the workspace. Run by hand on
# a quiet machine:
#   tests/bench/report_reuse.sh [RECOMMEND OPTIONS…]      e.g. --providers hetzner
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build="${BUILD_DIR:-$root/build-release}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C "$build" -j2 headroom >/dev/null
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
scenario="$root/data/scenarios/python_web_api.json"
headroom="$build/app/headroom"
seconds() { start=$(date +%s.%N); "$@" >/dev/null 2>&1; echo "$(date +%s.%N) - $start" | bc; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
export HOME="$home" QT_QPA_PLATFORM=offscreen
echo "recommend:        $(seconds "$headroom" recommend "$scenario" "$@") s"
echo "report (first):   $(seconds "$headroom" report "$scenario" -o "$home/r1.pdf" "$@") s"
echo "report (second):  $(seconds "$headroom" report "$scenario" -o "$home/r2.pdf" "$@") s"
"$headroom" runs
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
