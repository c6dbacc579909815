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
rate() { echo "$1" | sed -n 's/.*customers_per_s=\([0-9.]*\).*/\1/p'; }
hr=$(rate "$h")
sr=$(rate "$s")
echo "ratio headroom/simpy = $(awk -v a="$hr" -v b="$sr" 'BEGIN { printf "%.1f", a / b }')x (goal: 50x)"

echo "24 h, 1,000 requests/s, 50 nodes, autoscaling + health checks + retries:"
"$bench" "$root/tests/bench/day_at_1000_rps.json"
