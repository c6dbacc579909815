#!/bin/sh
# Headroom's engine against SimPy 3 on the same M/M/10 model (λ 8, µ 1), one replication, one
# thread, and a 24-hour, 1,000 requests/s, 50-node scenario with autoscaling, health checks and
# retries. Builds an optimised copy in build-bench. Usage: tests/bench/sim_vs_simpy.sh [CUSTOMERS]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/build-bench"
customers=${1:-2000000}
simpy_customers=${SIMPY_CUSTOMERS:-200000}

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
      -DHEADROOM_BUILD_GUI=OFF -DHEADROOM_BUILD_TESTS=ON >/dev/null
ninja -C "$build" headroom_sim_bench >/dev/null
bench="$build/tests/bench/headroom_sim_bench"

h=$("$bench" mmc "$customers")
s=$(/usr/bin/python3 "$root/tests/bench/simpy_mmc.py" "$simpy_customers")
echo "$h"
echo "$s"
field() { echo "$1" | sed -n "s/.* $2=\([0-9.]*\).*/\1/p"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
echo "ratio headroom/simpy, wall time: $(ratio "$(field "$h" customers_per_s)" "$(field "$s" customers_per_s)")x," \
     "CPU time: $(ratio "$(field "$h" customers_per_cpu_s)" "$(field "$s" customers_per_cpu_s)")x (goal: 50x)"

# The same model as a bare loop: how much the engine's generality costs (goal: at least 0.8x).
f=$("$bench" floor "$customers")
echo "$f"
echo "ratio headroom/bare loop, wall time: $(awk -v a="$(field "$h" customers_per_s)" -v b="$(field "$f" customers_per_s)" 'BEGIN { printf "%.2f", a / b }')x," \
     "CPU time: $(awk -v a="$(field "$h" customers_per_cpu_s)" -v b="$(field "$f" customers_per_cpu_s)" 'BEGIN { printf "%.2f", a / b }')x (goal: 0.8x)"

echo "24 h, 1,000 requests/s, 50 nodes, autoscaling + health checks + retries:"
"$bench" "$root/tests/bench/day_at_1000_rps.json"
