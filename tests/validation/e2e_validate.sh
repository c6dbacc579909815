#!/usr/bin/env bash
# CI: the short version of tests/bench/validate_gunicorn.sh. Proves the path works end to end
# (real gunicorn, real load, `headroom import`, `headroom validate`), not the accuracy: a few
# seconds per level on a shared machine say nothing about that.
# Usage: e2e_validate.sh HEADROOM_EXE
set -euo pipefail
command -v gunicorn >/dev/null && command -v taskset >/dev/null || { echo "gunicorn or taskset missing: skipped"; exit 77; }
[ "$(nproc)" -ge 2 ] || { echo "needs two CPUs: skipped"; exit 77; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
json=$("$here/validate_case.sh" "$1" "$out" 1 0 5 5 0.5,0.8 2)
cat "$out/validation.txt"
python3 "$here/e2e_check.py" "$json" 3
