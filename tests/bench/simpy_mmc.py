#!/usr/bin/python3
"""M/M/10 with arrival rate 8 and service rate 1, written the usual SimPy 3 way, as the yardstick
for Headroom's engine (tests/bench/sim_vs_simpy.sh). Prints customers, wall seconds, customers/s
and the mean response time (1.20459 s in theory) as one line of key=value pairs."""
import random
import sys
import time

import simpy

LAMBDA, MU, SERVERS = 8.0, 1.0, 10


def customer(env, servers, rng, stats):
    arrived = env.now
    with servers.request() as slot:
        yield slot
        yield env.timeout(rng.expovariate(MU))
    stats[0] += 1
    stats[1] += env.now - arrived


def source(env, servers, rng, stats, customers):
    for _ in range(customers):
        env.process(customer(env, servers, rng, stats))
        yield env.timeout(rng.expovariate(LAMBDA))


def main():
    customers = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
    rng = random.Random(42)
    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=SERVERS)
    stats = [0, 0.0]
    env.process(source(env, servers, rng, stats, customers))
    start, cpu_start = time.perf_counter(), time.process_time()
    env.run()
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    # CPU time as well as wall time: on a shared machine the CPU figure is the fair one.
    print("engine=simpy customers=%d wall_s=%.3f cpu_s=%.3f customers_per_s=%.0f customers_per_cpu_s=%.0f mean_response_s=%.5f"
          % (stats[0], wall, cpu, stats[0] / wall, stats[0] / cpu, stats[1] / stats[0]))


if __name__ == "__main__":
    main()
