#!/usr/bin/env bash
# The cluster recipes of packaging/cluster/ run on this machine as local stand-ins: the Slurm
# array script once per SLURM_ARRAY_TASK_ID, and the GNU parallel line with ":" (this machine) as
# its ssh login. Each merged answer must be the unsharded answer, byte for byte but wall time.
# Usage: test_cluster_recipes.sh HEADROOM_BINARY SOURCE_DIR
set -euo pipefail
command -v parallel > /dev/null || { echo "FAIL: GNU parallel is not installed (packaging/setup.sh installs it)" >&2; exit 1; }
bin="$(realpath "$1")"
recipes="$(realpath "$2")/packaging/cluster"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config" HEADROOM="$bin"
export QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"
cd "$work"
cat > s.json <<'JSON'
{"schema":"headroom.scenario/1","name":"api","duration_s":300,"warmup_s":30,"seed":5,
  "replications":3,"traffic":{"kind":"poisson","rate_rps":100},"service":{"cpu_ms":{"dist":"exponential","mean":20}},
  "cluster":{"instance_type":"aws/c6i.large","nodes":1,"balancer":"random"},"slo":{"latency_p95_ms":100}}
JSON
types=(--instance-types aws/c6i.large,aws/m6i.large,gcp/n2-standard-2)
without_wall_time() { grep -v '"elapsed_s":' "$1"; }
same_as_single() {
  if ! diff <(without_wall_time single.json) <(without_wall_time "$1") > "$1.diff"; then
    echo "FAIL: $2 merged answer differs from the unsharded one:" >&2
    head -20 "$1.diff" >&2
    exit 1
  fi
  grep -q '"recommended": {' "$1" || { echo "FAIL: $2: no recommendation" >&2; exit 1; }
  echo "ok: $2"
}

"$bin" recommend s.json "${types[@]}" --json > single.json

# Slurm: what `sbatch --array=0-2 slurm-array.sh …` runs on the nodes, all tasks at once as a
# cluster with free nodes runs them, sharing the cost bar in PARTS_DIR/bars; then the merge job.
pids=()
for task in 0 1 2; do
  SLURM_ARRAY_TASK_ID=$task SLURM_ARRAY_TASK_COUNT=3 SLURM_ARRAY_TASK_MIN=0 PARTS_DIR="$work/slurm-parts" \
    bash "$recipes/slurm-array.sh" s.json "${types[@]}" 2> "slurm-$task.log" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || { cat slurm-*.log >&2; echo "FAIL: slurm: a task failed" >&2; exit 1; }; done
[ "$(ls slurm-parts/part-*.json | wc -l)" = 3 ] || { echo "FAIL: slurm: expected 3 part files, got: $(ls slurm-parts)" >&2; exit 1; }
ls slurm-parts/bars/bar-*-of-3.json > /dev/null 2>&1 \
  || { echo "FAIL: slurm: no task published a cost bar in slurm-parts/bars: $(ls slurm-parts/bars 2>&1)" >&2; exit 1; }
grep -q "cost bar shared in $work/slurm-parts/bars" slurm-0.log || { cat slurm-0.log >&2; echo "FAIL: slurm: task 0 did not share the bar" >&2; exit 1; }
bash "$recipes/merge-parts.sh" slurm-parts slurm.json
same_as_single slurm.json "Slurm job array (3 tasks at once, shared cost bar)"
# A task numbered outside 0 … N−1 is refused, not silently merged into the wrong sweep.
if SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_COUNT=3 SLURM_ARRAY_TASK_MIN=1 PARTS_DIR="$work/bad" \
     bash "$recipes/slurm-array.sh" s.json 2> /dev/null; then
  echo "FAIL: slurm: an array numbered from 1 was accepted" >&2; exit 1
fi

# GNU parallel over "hosts": ":" is this machine, two jobs at a time; hosts without a shared file
# system share no bar (each shard decides alone), hosts with one share it through BAR_DIR.
SHARDS=4 SSHLOGIN=2/: PARTS_DIR="$work/parallel-parts" OUT="$work/parallel.json" \
  bash "$recipes/parallel-ssh.sh" "$work/s.json" "${types[@]}" 2> parallel.log || { cat parallel.log >&2; exit 1; }
same_as_single parallel.json "GNU parallel (4 shards, no shared file system)"
SHARDS=4 SSHLOGIN=2/: PARTS_DIR="$work/parallel-bar-parts" OUT="$work/parallel-bar.json" BAR_DIR="$work/parallel-bars" \
  bash "$recipes/parallel-ssh.sh" "$work/s.json" "${types[@]}" 2> parallel-bar.log || { cat parallel-bar.log >&2; exit 1; }
ls parallel-bars/bar-*-of-4.json > /dev/null 2>&1 || { echo "FAIL: parallel: no cost bar in BAR_DIR" >&2; exit 1; }
same_as_single parallel-bar.json "GNU parallel (4 shards, BAR_DIR on a shared file system)"
