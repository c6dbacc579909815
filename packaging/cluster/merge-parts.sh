#!/usr/bin/env bash
# The merge step every recipe ends with: the part files of all shards into one recommendation.
# Usage: merge-parts.sh PARTS_DIR OUT.json        (HEADROOM: the program, default `headroom`)
# The merge checks that the parts belong together (same scenario, catalog, program version and
# options; every shard once) and prints on stderr how many evaluations came from the parts.
set -euo pipefail
parts_dir="${1:?usage: merge-parts.sh PARTS_DIR OUT.json}"
out="${2:?usage: merge-parts.sh PARTS_DIR OUT.json}"
shopt -s nullglob
parts=("$parts_dir"/part-*.json)
if ((${#parts[@]} == 0)); then
  echo "merge-parts.sh: no part-*.json in $parts_dir" >&2
  exit 2
fi
"${HEADROOM:-headroom}" recommend --merge "${parts[@]}" --json > "$out.partial"
mv "$out.partial" "$out"
