#!/bin/sh
# Times the Compare page's what-if answers with four candidates of the bundled web API scenario
# (from a slider move to the answer on screen, debounce included) and saves the presenter view
# at 1920×1080 for a look by eye. Run by hand on a quiet machine:
#   tests/bench/compare_whatif.sh [MOVES]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build="${BUILD_DIR:-$root/build-release}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C "$build" -j2 headroom_compare_bench >/dev/null
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
HOME="$home" xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb \
  "$build/tests/bench/headroom_compare_bench" "$root/data/scenarios/python_web_api.json" "${1:-8}" \
  --screenshot "${SCREENSHOT:-$build/compare-presenter.png}" 2>&1 | grep -v propagateSizeHints
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
