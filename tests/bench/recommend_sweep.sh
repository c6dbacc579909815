#!/bin/sh
# Times `headroom recommend` sweeping the whole catalog (every provider) for a two-hour scenario
# on two cores, in a Release build (build-bench, or BUILD_DIR). Run by hand:
#   tests/bench/recommend_sweep.sh
# Prints the wall-clock time and the recommendation's own count of simulated configurations,
# with and without the sensitivity runs.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build="${BUILD_DIR:-$root/build-bench}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DHEADROOM_BUILD_GUI=ON >/dev/null
ninja -C "$build" -j2 headroom >/dev/null

# A two-hour day-shaped curve with a spike (DESIGN §7's profile), a Python-style service with
# CPU time, database round trips and a little disk, a fixed fleet, and a 250 ms p95 SLO.
cat >"$work/sweep.json" <<'JSON'
{
  "schema": "headroom.scenario/1",
  "name": "Catalog sweep, two hours",
  "duration_s": 7200, "warmup_s": 300, "interval_s": 60, "seed": 42, "replications": 5,
  "traffic": { "kind": "profile", "points": [[0, 200], [3600, 900], [5400, 2400], [7200, 600]] },
  "service": { "cpu_ms": { "dist": "lognormal", "mean": 12, "cv": 0.8 },
               "io": { "calls": 3, "rtt_ms": { "dist": "lognormal", "mean": 2, "cv": 0.5 } },
               "reference_cpu_score": 1000 },
  "cluster": { "instance_type": "aws/c6i.large", "nodes": 6, "workers_per_vcpu": 1,
               "balancer": "least_connections", "speed": { "cv": 0.05 } },
  "slo": { "latency_p95_ms": 250, "error_rate": 0.001 }
}
JSON

# Two cores, as the goal states, whatever the machine has.
pin=""
if command -v taskset >/dev/null 2>&1; then pin="taskset -c 0,1"; fi
# Twice: as the GUI and `recommend` run it (with the five-way sensitivity of the winner), and
# with --no-sensitivity (the ranking alone).
for extra in "" "--no-sensitivity"; do
  start=$(date +%s.%N)
  # shellcheck disable=SC2086  # $extra is empty or one flag
  HOME="$work" $pin "$build/app/headroom" recommend "$work/sweep.json" -w "$work/bench.headroom" --json $extra >"$work/out.json"
  end=$(date +%s.%N)
  python3 - "$work/out.json" "$start" "$end" "${extra:-with sensitivity}" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
elapsed = float(sys.argv[3]) - float(sys.argv[2])
rec = doc.get("recommended") or {}
print(f"catalog sweep ({sys.argv[4]}): {doc['candidates_total']} instance types, {doc['simulations']} configurations "
      f"simulated, {elapsed:.1f} s wall clock on 2 cores")
if rec:
    print(f"  recommended: {rec['nodes_min']} x {rec['key']} at ${rec['cost_per_month_usd']}/month, p95 {rec['latency_p95_ms']} ms")
PY
done
