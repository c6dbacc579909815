#!/usr/bin/env bash
# A sharded sweep (DESIGN §12) against one process: 6 instance types × 3 autoscaling policies ×
# 3 traffic levels (×1, ×2, ×4 of a half-hour ramp), timed
#   - as one process on this machine's two cores (wall and CPU seconds);
#   - as 2 shards at once, one pinned to each core, then the merge: without a shared cost bar and
#     with one (--bar-dir), both measured;
#   - as N = 4, 8, 16 shards started at once on the two cores, without and with the shared bar,
#     then the merge: the bars pass between shards that run side by side, as on N machines (each
#     shard just runs slower). The wall time on N two-core machines is projected: each shard's CPU seconds
#     divided by the one process's parallelism (its CPU seconds / wall seconds, how well the
#     recommender keeps two cores busy), the slowest shard plus the merge, per level; the three
#     levels one after the other.
# Every merged answer is checked against the one-process answer (all but wall time). Run by hand:
#   tests/bench/sweep_shards.sh            (BUILD_DIR: a Release build, default build-release)
#   TYPES=all tests/bench/sweep_shards.sh  the whole catalog instead of six types
#   MACHINES="4 8" …                       the N of the projection ("" for none)
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
machines=${MACHINES-4 8 16}
now() { date +%s.%N; }
py() { python3 -c "print($1)"; }
same() { diff <(grep -v '"elapsed_s":' "$1") <(grep -v '"elapsed_s":' "$2") > /dev/null || { echo "MISMATCH: $2 differs from $1" >&2; exit 1; }; }
# "N configurations simulated" of a shard's log line, the CPU seconds /usr/bin/time appended.
configs() { sed -nE 's/.*, ([0-9]+) configurations simulated.*/\1/p' "$1"; }
cpu() { sed -nE 's/^cpu ([0-9.]+) ([0-9.]+)$/\1 + \2/p' "$1"; }
here() { sed -nE 's/.*, ([0-9]+) simulated here.*/\1/p' "$1"; }
timed() { /usr/bin/time -f 'cpu %U %S' "$@"; }

# Shards I of N of $scenario at once (taskset cores given as "0 1" pins shard i to core i), sharing
# the bar when $bars is set; then the merge. Sets: wall, merge_wall, slowest_cpu, total (configs).
run_shards() {
  local n=$1 tag=$2 pin=${3:-} t0 t1 i parts=() pids=()
  rm -rf "$tag"; mkdir "$tag"
  t0=$(now)
  for ((i = 0; i < n; ++i)); do
    local cmd=("$bin" recommend "$scenario" "${types[@]}" --shard "$i/$n" --out "$tag/part-$i.json")
    [ -n "${bars:-}" ] && cmd+=(--bar-dir "$tag/bars")
    [ -n "$pin" ] && cmd=(taskset -c "$i" "${cmd[@]}")
    timed "${cmd[@]}" 2> "$tag/log-$i" &
    pids+=($!)
    parts+=("$tag/part-$i.json")
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  t1=$(now)
  "$bin" recommend --merge "${parts[@]}" --json > "$tag/merged.json" 2> "$tag/merge.log"
  merge_wall=$(py "$(now) - $t1")
  wall=$(py "$(now) - $t0")
  same "one$scale.json" "$tag/merged.json"
  slowest_cpu=0 total=0
  for ((i = 0; i < n; ++i)); do
    slowest_cpu=$(py "max($slowest_cpu, $(cpu "$tag/log-$i"))")
    total=$((total + $(configs "$tag/log-$i")))
  done
  total="$total + $(here "$tag/merge.log")"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A sum
declare -A sims
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
  scenario=level$scale.json
  t0=$(now); timed "$bin" recommend "$scenario" "${types[@]}" --json > "one$scale.json" 2> "one$scale.log"; t1=$(now)
  one=$(py "$t1 - $t0")
  one_cpu=$(py "$(cpu "one$scale.log")")
  parallelism=$(py "$one_cpu / $one")
  sum[one]=$(py "${sum[one]:-0} + $one")
  sims[one]="${sims[one]:-}${sims[one]:+ / }$(python3 -c "import json; print(json.load(open('one$scale.json'))['simulations'])")"
  bars= run_shards 2 "two-alone$scale" pin
  echo "traffic x$scale: 2 shards at once without a shared bar: $(py "round($wall, 1)") s, $total configurations"
  sum[two_alone]=$(py "${sum[two_alone]:-0} + $wall"); sims[two_alone]="${sims[two_alone]:-}${sims[two_alone]:+ / }$total"
  bars=1 run_shards 2 "two-bar$scale" pin
  echo "traffic x$scale: 2 shards at once sharing the bar: $(py "round($wall, 1)") s, $total configurations ($(sed 's/headroom: //' "two-bar$scale/merge.log"))"
  sum[two_bar]=$(py "${sum[two_bar]:-0} + $wall"); sims[two_bar]="${sims[two_bar]:-}${sims[two_bar]:+ / }$total"
  for n in $machines; do
    for mode in alone bar; do
      if [ $mode = bar ]; then bars=1 run_shards "$n" "n$n-$mode-$scale"; else bars= run_shards "$n" "n$n-$mode-$scale"; fi
      projected=$(py "$slowest_cpu / $parallelism + $merge_wall")
      echo "traffic x$scale: $n shards at once on the 2 cores, $mode: $(py "round($wall, 1)") s, $total configurations; slowest shard $(py "round($slowest_cpu, 1)") CPU s, merge $(py "round($merge_wall, 1)") s; projected on $n machines $(py "round($projected, 1)") s"
      sum[n${n}_$mode]=$(py "${sum[n${n}_$mode]:-0} + $projected"); sum[n${n}_${mode}_here]=$(py "${sum[n${n}_${mode}_here]:-0} + $wall")
      sims[n${n}_$mode]="${sims[n${n}_$mode]:-}${sims[n${n}_$mode]:+ / }$total"
    done
  done
  winner=$(python3 -c "import json; w=json.load(open('one$scale.json'))['recommended']; print(w['key'], w['policy'], w['nodes_min'], '-', w['nodes_max'], 'nodes')")
  echo "traffic x$scale: one process $(py "round($one, 1)") s wall, $(py "round($one_cpu, 1)") CPU s (parallelism $(py "round($parallelism, 2)")); recommends $winner"
done
r() { py "round(${sum[$1]}, 1)"; }
echo "| machines (2 cores each) | wall time, 3 levels | configurations simulated (shards + merge), x1 / x2 / x4 |"
echo "|---|---|---|"
echo "| 1 (one process, measured) | $(r one) s | ${sims[one]} |"
echo "| 2 without a shared bar (measured: 2 shards at once, one core each) | $(r two_alone) s | ${sims[two_alone]} |"
echo "| 2 sharing the bar (measured: 2 shards at once, one core each) | $(r two_bar) s | ${sims[two_bar]} |"
for n in $machines; do
  echo "| $n without a shared bar (projected; all $n at once on these 2 cores took $(r n${n}_alone_here) s) | $(r n${n}_alone) s | ${sims[n${n}_alone]} |"
  echo "| $n sharing the bar (projected; all $n at once on these 2 cores took $(r n${n}_bar_here) s) | $(r n${n}_bar) s | ${sims[n${n}_bar]} |"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
