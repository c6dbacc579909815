#!/usr/bin/env bash
# A sharded sweep (DESIGN §12) against one process: 6 instance types × 3 autoscaling policies ×
# 3 traffic levels (×1, ×2, ×4 of a half-hour ramp), timed
#   - as one process on this machine's two cores;
#   - as 2 shards at once, one pinned to each core, then the merge;
#   - as N = 2, 4, 8, 16 shards, each shard alone on the two cores, one after the other: the
#     per-shard times from which the wall time on N two-core machines is projected (the slowest
#     shard plus the merge, per level; the three levels one after the other).
# Every merged answer is checked against the one-process answer (all but wall time). Run by hand:
#   tests/bench/sweep_shards.sh            (BUILD_DIR: a Release build, default build-release)
#   TYPES=all tests/bench/sweep_shards.sh  the whole catalog instead of six types
#   MACHINES="2 4" …                       the N of the projection ("" for none: one vs two only)
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
[ "${TYPES:-}" = all ] && types=()
machines=${MACHINES-2 4 8 16}
now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.1f}')"; }
same() { diff <(grep -v '"elapsed_s":' "$1") <(grep -v '"elapsed_s":' "$2") > /dev/null || { echo "MISMATCH: $2 differs from $1" >&2; exit 1; }; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
one_total=0 two_total=0
declare -A took simulated
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
  for n in $machines; do
    parts=() slowest=0 evaluations=0
    for ((i = 0; i < n; ++i)); do
      t0=$(now); "$bin" recommend "$s" "${types[@]}" --shard "$i/$n" --out "p$scale-$n-$i.json" 2> "p$scale-$n-$i.log"; t1=$(now)
      slowest=$(python3 -c "print(max($slowest, $t1 - $t0))")
      evaluations=$((evaluations + $(sed -E 's/.*, ([0-9]+) configurations simulated.*/\1/' "p$scale-$n-$i.log")))
      parts+=("p$scale-$n-$i.json")
    done
    t0=$(now); "$bin" recommend --merge "${parts[@]}" --json > "merged$scale-$n.json" 2> "merged$scale-$n.log"; t1=$(now)
    same "one$scale.json" "merged$scale-$n.json"
    took[$scale,$n]=$(python3 -c "print($slowest + $t1 - $t0)")
    simulated[$scale,$n]="$evaluations + $(sed -E 's/.*, ([0-9]+) simulated here.*/\1/' "merged$scale-$n.log")"
  done
  winner=$(python3 -c "import json; w=json.load(open('one$scale.json'))['recommended']; print(w['key'], w['policy'], w['nodes_min'], '-', w['nodes_max'], 'nodes')")
  count=$(python3 -c "import json; print(json.load(open('one$scale.json'))['simulations'])")
  echo "traffic x$scale: one process ${one} s ($count configurations), 2 shards + merge ${two} s ($(sed 's/headroom: //' "merge$scale.log")); recommends $winner"
  one_total=$(python3 -c "print(round($one_total + $one, 1))")
  two_total=$(python3 -c "print(round($two_total + $two, 1))")
done
echo "all three levels, wall clock on the 2 cores: one process ${one_total} s, 2 shards at once + merge ${two_total} s"
echo "| machines (2 cores each) | projected wall time, 3 levels | configurations simulated (shards + merge), x1 / x2 / x4 |"
echo "|---|---|---|"
echo "| 1 (one process, measured) | ${one_total} s | $(python3 -c "import json; print(' / '.join(str(json.load(open(f'one{k}.json'))['simulations']) for k in (1, 2, 4)))") |"
for n in $machines; do
  total=$(python3 -c "print(round(${took[1,$n]} + ${took[2,$n]} + ${took[4,$n]}, 1))")
  echo "| $n | $total s | ${simulated[1,$n]} / ${simulated[2,$n]} / ${simulated[4,$n]} |"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
