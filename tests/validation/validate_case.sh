#!/usr/bin/env bash
# One validation case end to end through the product: gunicorn pinned to CPU 0 under open-loop
# load from CPU 1 at a calibration rate and at shares of capacity, every level imported with
# `headroom import`, then `headroom validate --json`. Prints the validation JSON path.
# Usage: validate_case.sh HEADROOM_EXE OUT_DIR WORKERS DB_MS CAL_S LEVEL_S LEVELS REPLICATIONS
# NICE=-N (root) runs server and load generator ahead of other work on a shared machine.
set -euo pipefail
exe=$1 out=$2 workers=$3 db_ms=$4 cal_s=$5 level_s=$6 levels=$7 reps=$8
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
export HOME="$out/home"  # never the user's default workspace
mkdir -p "$HOME"

taskset -c 1 python3 "$here/run_levels.py" --out "$out/levels" --workers "$workers" --db-ms "$db_ms" --nice "${NICE:-0}" \
  --calibration-s "$cal_s" --level-s "$level_s" --levels "$levels" >"$out/levels.log"

ws="$out/validation.headroom"
rm -f "$ws"
"$exe" import -w "$ws" "$out"/levels/*.csv >"$out/import.log"
python3 - "$here/gunicorn_scenario.json" "$out/scenario.json" "$workers" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
s["cluster"]["workers_per_vcpu"] = int(sys.argv[3])
s["name"] += ", %s worker(s)" % sys.argv[3]
json.dump(s, open(sys.argv[2], "w"), indent=1)
PY
"$exe" validate "$out/scenario.json" -w "$ws" --replications "$reps" --json >"$out/validation.json"
"$exe" validate "$out/scenario.json" -w "$ws" --replications "$reps" --write-scenario "$out/calibrated.json" >"$out/validation.txt"
echo "$out/validation.json"
