#!/bin/sh
# Times `headroom recommend` sweeping the whole catalog (every provider) for a two-hour scenario
# on two cores, in a Release build (build-bench, or BUILD_DIR). Run by hand:
#   tests/bench/recommend_sweep.sh
# For the two-hour sweep below and the bundled first-start scenario (python_web_api.json, a
# day), prints the time to the answer and to the exit (wall clock), the CPU time, the recommendation's own count of simulated
# configurations and its rows by status, with and without the sensitivity runs, and the load
# average (the machine may be shared). HEADROOM_PLAN_TRACE=1 makes the recommender print one
# line per simulated configuration on stderr (type, node range, short/full, replications,
# simulated span, credit days, wall milliseconds): where the time goes.
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
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Each scenario twice: as the GUI and `recommend` run it (with the five-way sensitivity of the
# winner), and with --no-sensitivity (the ranking alone). SCENARIOS narrows the list.
scenarios="${SCENARIOS:-$work/sweep.json $root/data/scenarios/python_web_api.json}"
for scenario in $scenarios; do
for extra in "" "--no-sensitivity"; do
  # A new workspace each time: nothing stored by the run before is reused.
  ws="$work/bench-$(basename "$scenario" .json)${extra:+-alone}.headroom"
  # shellcheck disable=SC2086  # $pin and $extra are empty or words
  python3 - "$work/out.json" "${extra:-with sensitivity}" "$(basename "$scenario")" \
      $pin "$build/app/headroom" recommend "$scenario" -w "$ws" --json $extra <<'PY'
import json, os, resource, subprocess, sys, time
out, label, name, command = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
env = dict(os.environ, HOME=os.path.dirname(out))
start = time.monotonic()
child = subprocess.Popen(command, stdout=subprocess.PIPE, env=env)
# The answer is printed as soon as it is stored; the process then keeps the simulation of the
# scenario as written (for a report) before it exits.
first = child.stdout.read(1)
answered = time.monotonic() - start
text = first + child.stdout.read()
child.wait()
exited = time.monotonic() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
doc = json.loads(text)
rec = doc.get("recommended") or {}
statuses = {}
for c in doc["candidates"]:
    statuses[c["status"]] = statuses.get(c["status"], 0) + 1
print(f"{name} ({label}): {doc['candidates_total']} instance types, {doc['simulations']} configurations simulated, "
      f"answer after {answered:.1f} s, exit after {exited:.1f} s wall clock, {usage.ru_utime + usage.ru_stime:.1f} s CPU "
      f"on 2 cores; rows: " + ", ".join(f"{n} {s}" for s, n in sorted(statuses.items())))
if rec:
    print(f"  recommended: {rec['nodes_min']}-{rec['nodes_max']} x {rec['key']} at ${rec['cost_per_month_usd']}/month, "
          f"p95 {rec['latency_p95_ms']} ms, {rec.get('replications')} replications, attainment CI {rec.get('slo_attainment_ci95')}")
PY
done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
