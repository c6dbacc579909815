#!/usr/bin/env bash
# A sharded sweep (DESIGN §12) against one process: 6 instance types × 3 autoscaling policies ×
# 3 traffic levels (×1, ×2, ×4 of a half-hour ramp), timed
#   - as one process on this machine's two cores;
#   - as 2 shards at once, one pinned to each core, then the merge;
#   - as 16 shards one after the other on the two cores, each timed: the per-shard times from
#     which the wall time on N machines is projected (shard i of N holds the candidates of the
#     16-way shards j with j mod N = i, since N divides 16; a machine's time is the sum of its
#     16-way shards' times, the projection is the slowest machine plus the merge).
# Every merged answer is checked against the one-process answer (all but wall time). Run by hand:
#   tests/bench/sweep_shards.sh            (BUILD_DIR: a Release build, default build-release)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build="${BUILD_DIR:-$root/build-release}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ninja -C "$build" -j2 headroom > /dev/null
bin="$build/app/headroom"
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config" QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"
cd "$work"
types=(--instance-types aws/c6i.large,aws/m6i.large,aws/c7g.large,gcp/n2-standard-2,azure/D2s_v5,hetzner/CCX13)
now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.1f}')"; }
same() { diff <(grep -v '"elapsed_s":' "$1") <(grep -v '"elapsed_s":' "$2") > /dev/null || { echo "MISMATCH: $2 differs from $1" >&2; exit 1; }; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
one_total=0 two_total=0
declare -A per16
for scale in 1 2 4; do
  python3 - "$scale" > "level$scale.json" <<'PY'
import json, sys
k = float(sys.argv[1])
print(json.dumps({"schema": "headroom.scenario/1", "name": f"ramp x{k:g}", "duration_s": 1800, "warmup_s": 60, "seed": 11,
  "replications": 3, "traffic": {"kind": "profile", "points": [[0, 50 * k], [600, 200 * k], [1200, 200 * k], [1800, 50 * k]]},
  "service": {"cpu_ms": {"dist": "exponential", "mean": 20}},
  "cluster": {"instance_type": "aws/c6i.large", "nodes": 2, "balancer": "random"},
  "autoscaling": {"policy": "target_tracking", "metric": "cpu", "target": 0.6, "min": 1, "max": 10, "lead_time": {"boot_s": 60}},
  "compare_policies": [{"target": 0.4}, {"policy": "k8s_hpa"}], "slo": {"latency_p95_ms": 150}}))
PY
  s=level$scale.json
  t0=$(now); "$bin" recommend "$s" "${types[@]}" --json > "one$scale.json"; t1=$(now)
  one=$(elapsed "$t0" "$t1")
  t0=$(now)
  taskset -c 0 "$bin" recommend "$s" "${types[@]}" --shard 0/2 --out "two$scale-0.json" 2> /dev/null &
  taskset -c 1 "$bin" recommend "$s" "${types[@]}" --shard 1/2 --out "two$scale-1.json" 2> /dev/null &
  wait
  "$bin" recommend --merge "two$scale-0.json" "two$scale-1.json" --json > "two$scale.json" 2> "merge$scale.log"
  t1=$(now)
  two=$(elapsed "$t0" "$t1")
  same "one$scale.json" "two$scale.json"
  parts=()
  for i in $(seq 0 15); do
    t0=$(now); "$bin" recommend "$s" "${types[@]}" --shard "$i/16" --out "p$scale-$i.json" 2> /dev/null; t1=$(now)
    per16[$scale,$i]=$(elapsed "$t0" "$t1")
    parts+=("p$scale-$i.json")
  done
  t0=$(now); "$bin" recommend --merge "${parts[@]}" --json > "sixteen$scale.json" 2> /dev/null; t1=$(now)
  per16[$scale,merge]=$(elapsed "$t0" "$t1")
  same "one$scale.json" "sixteen$scale.json"
  winner=$(python3 -c "import json; w=json.load(open('one$scale.json'))['recommended']; print(w['key'], w['policy'], w['nodes_min'], '-', w['nodes_max'], 'nodes')")
  echo "traffic x$scale: one process ${one} s, 2 shards + merge ${two} s ($(cat "merge$scale.log" | sed 's/headroom: //')); recommends $winner"
  one_total=$(python3 -c "print($one_total + $one)")
  two_total=$(python3 -c "print($two_total + $two)")
done
echo "all three levels: one process ${one_total} s, 2 shards + merge ${two_total} s (wall clock, 2 cores)"
echo "projection from the 16 per-shard times (each shard alone on the 2 cores), all three levels:"
echo "| machines (2 cores each) | projected wall time | of which the merge |"
echo "|---|---|---|"
for n in 1 2 4 8 16; do
  args=""
  for scale in 1 2 4; do
    for i in $(seq 0 15); do args+=" $scale:$i:${per16[$scale,$i]}"; done
    args+=" $scale:merge:${per16[$scale,merge]}"
  done
  python3 - "$n" $args <<'PY'
import sys
n = int(sys.argv[1])
per = {}
merge = 0.0
for item in sys.argv[2:]:
    level, shard, t = item.split(":")
    if shard == "merge":
        merge += float(t)
    else:
        per.setdefault(level, [0.0] * n)[int(shard) % n] += float(t)
total = sum(max(machines) for machines in per.values()) + merge
print(f"| {n} | {total:.1f} s | {merge:.1f} s |")
PY
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
