#!/usr/bin/env bash
# One shard of a recommendation per task of a Slurm job array. Submit with slurm-submit.sh, which
# also queues the merge; or by hand, with the array numbered from 0:
#   sbatch --array=0-7 slurm-array.sh SCENARIO.json [recommend options…]
# Each task writes $PARTS_DIR/part-<task>.json (PARTS_DIR defaults to ./parts, which must be on a
# file system every node sees). Tasks running at the same time share the cost bar through
# $BAR_DIR (default $PARTS_DIR/bars; BAR_DIR= turns it off): fewer full runs, the same answer.
# Shards are otherwise independent; a failed task can be re-run alone.
#SBATCH --job-name=headroom-shard
#SBATCH --cpus-per-task=2
#SBATCH --output=headroom-shard-%a.log
set -euo pipefail
: "${SLURM_ARRAY_TASK_ID:?run as a task of a job array (sbatch --array=0-N)}"
: "${SLURM_ARRAY_TASK_COUNT:?run as a task of a job array (sbatch --array=0-N)}"
if [ "${SLURM_ARRAY_TASK_MIN:-0}" != 0 ]; then
  echo "slurm-array.sh: number the array from 0 (--array=0-$((SLURM_ARRAY_TASK_COUNT - 1)))" >&2
  exit 2
fi
scenario="${1:?usage: slurm-array.sh SCENARIO.json [recommend options…]}"
shift
parts="${PARTS_DIR:-parts}"
mkdir -p "$parts"
bars="${BAR_DIR-$parts/bars}"
exec "${HEADROOM:-headroom}" recommend "$scenario" "$@" \
  --shard "$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT" --out "$parts/part-$SLURM_ARRAY_TASK_ID.json" \
  ${bars:+--bar-dir "$bars"}
