#!/usr/bin/env bash
# Queues a sharded recommendation on Slurm: a job array of SHARDS tasks (slurm-array.sh) and,
# once every task has succeeded, the merge (merge-parts.sh) into recommendation.json.
# Usage: SHARDS=8 slurm-submit.sh SCENARIO.json [recommend options…]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
shards="${SHARDS:-8}"
export PARTS_DIR="${PARTS_DIR:-$PWD/parts}"
job=$(sbatch --parsable --export=ALL --array="0-$((shards - 1))" "$here/slurm-array.sh" "$@")
sbatch --parsable --export=ALL --dependency="afterok:$job" --job-name=headroom-merge \
  --wrap "'$here/merge-parts.sh' '$PARTS_DIR' '$PWD/recommendation.json'"
