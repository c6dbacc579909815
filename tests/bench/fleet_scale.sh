#!/bin/bash
# Scale of the fleet evidence path on real data: the Azure VM Noise Dataset 2024 cut in
# ../shared/fixtures/azure-vm-noise-2024 (20 Hive-partitioned tables, 200,237 runs, 23,696 VMs;
# CC BY 4.0, Freischuetz et al., TUNA, EuroSys '25).
#
#   tests/bench/fleet_scale.sh [HEADROOM_BINARY] [DATASET_DIR]
#
# Prints, each the best of three runs on a fresh workspace:
#   import   `headroom import DIR` of all 20 files (goal: under 5 s on a 2-core machine)
#   analyze  `headroom analyze homogeneity --metric cpu.events_per_s` over all of them (goal: under 1 s)
#   fleet    the Fleet page's work for that metric, off the GUI thread, and the longest the GUI
#            thread was busy while it ran and while its result was drawn (goal: no stall over 100 ms)
# Not a test: run it by hand on a quiet machine, with a Release build.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
headroom=${1:-}
data=${2:-$here/../../../shared/fixtures/azure-vm-noise-2024}
if [ -z "$headroom" ]; then
    for candidate in "$here"/../../build*/app/headroom; do
        [ -x "$candidate" ] && headroom=$candidate && break
    done
fi
[ -x "$headroom" ] || { echo "usage: $0 HEADROOM_BINARY [DATASET_DIR] (no built headroom found)" >&2; exit 2; }
[ -d "$data" ] || { echo "no dataset folder at $data" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home  # never the user's default workspace
mkdir -p "$HOME"
files=$(find "$data" -name '*.csv' | wc -l)
rows=$(find "$data" -name '*.csv' -exec tail -n +2 {} \; | wc -l)

# Wall-clock seconds of a command; its CPU seconds (user + system) go to the file named in $cpu_log.
seconds() {
    python3 - "$@" <<'PY'
import os, subprocess, sys, time
start = time.monotonic()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
wall = time.monotonic() - start
r = __import__("resource").getrusage(__import__("resource").RUSAGE_CHILDREN)
with open(os.environ["cpu_log"], "a") as f:
    f.write("%.2f\n" % (r.ru_utime + r.ru_stime))
print("%.2f" % wall)
PY
}
best() { printf '%s\n' "$@" | sort -n | head -1; }

export cpu_log=$work/cpu.log
imports=()
: > "$cpu_log"
for i in 1 2 3; do
    rm -f "$work/fleet.headroom"*
    imports+=("$(seconds "$headroom" import -w "$work/fleet.headroom" "$data")")
done
import_cpu=$(sort -n "$cpu_log" | head -1)
: > "$cpu_log"
analyses=()
for i in 1 2 3; do
    analyses+=("$(seconds "$headroom" analyze homogeneity -w "$work/fleet.headroom" --metric cpu.events_per_s)")
done
nodes=$("$headroom" datasets -w "$work/fleet.headroom" --json | python3 -c '
import json, sys
d = json.load(sys.stdin)["datasets"]
print(sum(x["measurements"] for x in d))')
printf 'files %s, rows %s, measurements stored %s\n' "$files" "$rows" "$nodes"
analyze_cpu=$(sort -n "$cpu_log" | head -1)
printf 'import   %.2f s wall, %.2f s CPU (best of 3; wall: %s)\n' "$(best "${imports[@]}")" "$import_cpu" "${imports[*]}"
printf 'analyze  %.2f s wall, %.2f s CPU (best of 3; wall: %s)\n' "$(best "${analyses[@]}")" "$analyze_cpu" "${analyses[*]}"
printf 'load average while measuring: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
bench=$(dirname "$headroom")/../tests/bench/headroom_fleet_page_bench
if [ -x "$bench" ]; then
    "$bench" "$work/fleet.headroom" cpu.events_per_s
else
    echo "fleet    (build headroom_fleet_page_bench to measure the Fleet page: cmake --build build-release --target headroom_fleet_page_bench)"
fi
