#!/bin/bash
# Import speed of the generic long CSV: Headroom's `headroom import` against the sqlite3 shell's
# `.import` of the same file into a bare table, in one run on the same machine.
#
#   tests/bench/import_csv_bench.sh [HEADROOM_BINARY] [ROWS]
#
# Generates ROWS (default 3,000,000) rows of time,node,metric,value for 50 nodes and 3 metrics
# (ISO 8601 times, one row per node and metric every 10 s), then prints rows/s of each and the
# ratio Headroom / sqlite3 (goal: at least 1.0). Not a test: run it by hand on a quiet machine,
# with a Release build (cmake -DCMAKE_BUILD_TYPE=Release); a Debug build parses several times
# slower, while the sqlite3 shell is always an optimised binary.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
headroom=${1:-}
rows=${2:-3000000}
if [ -z "$headroom" ]; then
    for candidate in "$here"/../../build*/app/headroom; do
        [ -x "$candidate" ] && headroom=$candidate && break
    done
fi
[ -x "$headroom" ] || { echo "usage: $0 HEADROOM_BINARY [ROWS] (no built headroom found)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "sqlite3 (the shell) is not installed: apt-get install sqlite3" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is needed to generate the file" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
csv="$work/long.csv"

python3 - "$csv" "$rows" <<'PY'
import sys, datetime, random
path, rows = sys.argv[1], int(sys.argv[2])
nodes = [f"node-{i:02d}" for i in range(50)]
metrics = ["cpu.util_pct", "mem.used_pct", "http.requests_per_s"]
rng = random.Random(7)
start = datetime.datetime(2024, 3, 1, tzinfo=datetime.timezone.utc)
per_step = len(nodes) * len(metrics)
with open(path, "w") as f:
    f.write("time,node,metric,value\n")
    written = 0
    step = 0
    while written < rows:
        t = (start + datetime.timedelta(seconds=10 * step)).strftime("%Y-%m-%dT%H:%M:%SZ")
        lines = []
        for n in nodes:
            for m in metrics:
                if written + len(lines) >= rows:
                    break
                lines.append(f"{t},{n},{m},{rng.uniform(0, 100):.3f}\n")
        f.write("".join(lines))
        written += len(lines)
        step += 1
PY

size=$(du -h "$csv" | cut -f1)
echo "file: $rows rows, $size ($(head -2 "$csv" | tail -1))"

# Wall-clock and CPU seconds (user + sys) of one command, via bash's own `time`. On a shared
# machine the CPU seconds are the steadier figure; both are printed.
TIMEFORMAT='%R %U %S'
timed() { # timed OUT_FILE COMMAND… ; the command's own output goes to $work/log
    { time "${@:2}" >>"$work/log" 2>&1; } 2>"$1"
}

# Headroom: a fresh workspace created first, so only the import is timed.
# (Only import creates a workspace; a one-row file does it.)
ws="$work/bench.headroom"
printf 'time,node,metric,value\n2024-01-01T00:00:00Z,seed,cpu.util_pct,1\n' >"$work/seed.csv"
"$headroom" import -w "$ws" --format csv "$work/seed.csv" >/dev/null
before=$(sqlite3 "$ws" 'SELECT count(*) FROM sample')
timed "$work/headroom.time" "$headroom" import -w "$ws" --json --format csv "$csv"
imported=$(( $(sqlite3 "$ws" 'SELECT count(*) FROM sample') - before ))
[ "$imported" = "$rows" ] || { echo "headroom stored $imported samples, expected $rows" >&2; cat "$work/log" >&2; exit 1; }

# The sqlite3 shell: .import into a bare table with the same columns (one transaction).
db="$work/shell.db"
sqlite3 "$db" 'CREATE TABLE sample(time TEXT, node TEXT, metric TEXT, value REAL)'
timed "$work/sqlite.time" sqlite3 "$db" '.mode csv' ".import --skip 1 $csv sample"
shell_rows=$(sqlite3 "$db" 'SELECT count(*) FROM sample')
[ "$shell_rows" = "$rows" ] || { echo "sqlite3 imported $shell_rows rows, expected $rows" >&2; exit 1; }

python3 - "$rows" "$work/headroom.time" "$work/sqlite.time" <<'PY'
import sys
rows = int(sys.argv[1])
def read(path):
    wall, user, sys_ = map(float, open(path).read().split())
    return wall, user + sys_
(hw, hc), (sw, sc) = read(sys.argv[2]), read(sys.argv[3])
print(f"headroom import: {hw:7.2f} s wall {rows / hw:12,.0f} rows/s | {hc:6.2f} s CPU {rows / hc:12,.0f} rows/CPU-s")
print(f"sqlite3 .import: {sw:7.2f} s wall {rows / sw:12,.0f} rows/s | {sc:6.2f} s CPU {rows / sc:12,.0f} rows/CPU-s")
print(f"ratio headroom/sqlite3: {sw / hw:.2f}x wall-clock, {sc / hc:.2f}x CPU (goal >= 1.0x)")
PY
