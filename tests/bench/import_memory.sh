#!/bin/bash
# Peak resident memory of `headroom import` on large files, measured with /usr/bin/time -v:
#   - a Prometheus query_range answer (JSON) of about PROM_MB megabytes (default 200; goal < 300 MB),
#   - a long-format generic CSV of about CSV_MB megabytes (default 1024; goal about 100 MB).
#
#   tests/bench/import_memory.sh [HEADROOM_BINARY] [PROM_MB] [CSV_MB]
#
# Prints one line per file: size, wall time, peak RSS. Not a test: run it by hand on a quiet
# machine with a Release build. Needs python3 (to write the files) and GNU time (package "time").
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
headroom=${1:-}
prom_mb=${2:-200}
csv_mb=${3:-1024}
if [ -z "$headroom" ]; then
    for candidate in "$here"/../../build*/app/headroom; do
        [ -x "$candidate" ] && headroom=$candidate && break
    done
fi
[ -x "$headroom" ] || { echo "usage: $0 HEADROOM_BINARY [PROM_MB] [CSV_MB] (no built headroom found)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is needed: apt-get install time" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is needed to generate the files" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"

# A range answer as Prometheus writes it: node_exporter gauges and CPU counters per instance,
# 15 s steps, values as strings.
python3 - "$work/range.json" "$prom_mb" <<'PY'
import sys, random
path, target = sys.argv[1], int(sys.argv[2]) * 1_000_000
rng = random.Random(11)
metrics = [("node_memory_MemAvailable_bytes", {}), ("node_load1", {}),
           ("node_cpu_seconds_total", {"cpu": "0", "mode": "idle"}),
           ("node_cpu_seconds_total", {"cpu": "0", "mode": "user"}),
           ("node_cpu_seconds_total", {"cpu": "0", "mode": "steal"})]
points_per_series = 40_000
with open(path, "w") as f:
    f.write('{"status":"success","data":{"resultType":"matrix","result":[')
    written, first, k = 0, True, 0
    while written < target:
        name, extra = metrics[k % len(metrics)]
        labels = {"__name__": name, "instance": f"node-{k // len(metrics):03d}:9100", "job": "node", **extra}
        head = ('' if first else ',') + '{"metric":{' + ','.join(f'"{a}":"{b}"' for a, b in labels.items()) + '},"values":['
        counter = rng.random() * 1000
        parts = []
        for i in range(points_per_series):
            if name.startswith("node_cpu"):
                counter += rng.random() * 15
                v = counter
            elif name == "node_load1":
                v = rng.random() * 4
            else:
                v = 8e9 + rng.random() * 1e9
            parts.append(f'[{1700000000 + 15 * i},"{v:.6g}"]')
        chunk = head + ','.join(parts) + ']}'
        f.write(chunk)
        written += len(chunk)
        first, k = False, k + 1
    f.write(']}}')
PY

python3 - "$work/long.csv" "$csv_mb" <<'PY'
import sys, random
path, target = sys.argv[1], int(sys.argv[2]) * 1_000_000
rng = random.Random(7)
nodes = [f"node-{i:02d}" for i in range(50)]
metrics = ["cpu.util_pct", "mem.used_pct", "http.requests_per_s"]
with open(path, "w") as f:
    f.write("time,node,metric,value\n")
    written, t = 0, 1700000000
    while written < target:
        rows = []
        for n in nodes:
            for m in metrics:
                rows.append(f"{t},{n},{m},{rng.random() * 100:.3f}\n")
        chunk = "".join(rows)
        f.write(chunk)
        written += len(chunk)
        t += 10
PY

measure() {
    local label=$1 file=$2
    local log="$work/time.log"
    /usr/bin/time -v "$headroom" import -w "$work/bench.headroom" "$file" >/dev/null 2>"$log" || {
        echo "$label: import failed:" >&2; cat "$log" >&2; exit 1; }
    local rss wall
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    wall=$(awk -F': ' '/Elapsed \(wall clock\) time/ {print $2}' "$log")
    awk -v label="$label" -v bytes="$(stat -c %s "$file")" -v wall="$wall" -v rss="$rss" \
        'BEGIN { printf "%-24s %6.0f MB file  %10s wall  %5.0f MB peak RSS\n", label, bytes / 1e6, wall, rss / 1024 }' 
}

measure "Prometheus range JSON" "$work/range.json"
rm -f "$work/range.json"
measure "long CSV" "$work/long.csv"
