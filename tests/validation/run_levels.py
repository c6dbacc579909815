#!/usr/bin/env python3
"""Starts gunicorn (sync workers, pinned to one CPU, 127.0.0.1 only, stops by itself), runs a
low-load calibration level and then levels at the given shares of its capacity, and writes one
CSV per level for `headroom import`. Run it pinned to another CPU: `taskset -c 1 run_levels.py …`.

Capacity comes from the calibration level itself: the CPU per request (utilisation law on the
/proc reading) and the worker's holding time, whichever runs out first with W workers on 1 CPU.
"""
import argparse
import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from open_loop import Level, process_tree  # noqa: E402


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(port, deadline_s=20):
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn did not start listening on 127.0.0.1:%d" % port)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", required=True, help="folder for the level CSVs")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--server-cpu", default="0", help="CPU list for taskset")
    ap.add_argument("--burn-ms", type=float, default=6.0)
    ap.add_argument("--burn-cv", type=float, default=0.8)
    ap.add_argument("--db-ms", type=float, default=0.0, help="fake database call per request, 0 = none")
    ap.add_argument("--db-cv", type=float, default=0.5)
    ap.add_argument("--calibration-util", type=float, default=0.15)
    ap.add_argument("--levels", default="0.5,0.7,0.85", help="shares of capacity")
    ap.add_argument("--calibration-s", type=float, default=40)
    ap.add_argument("--level-s", type=float, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--nice", type=int, default=0,
                    help="scheduling niceness of server and load generator (negative needs root): on a machine "
                         "shared with other work it keeps their processes off the server's CPU")
    a = ap.parse_args()
    if a.nice:
        os.nice(a.nice)  # the load generator; the server inherits it through Popen
    os.makedirs(a.out, exist_ok=True)

    # Stopped from outside: leave through the finally below, which stops the server.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    port = free_port()
    env = dict(os.environ, BURN_MEAN_MS=str(a.burn_ms), BURN_CV=str(a.burn_cv), DB_MEAN_MS=str(a.db_ms),
               DB_CV=str(a.db_cv))
    shares = [float(x) for x in a.levels.split(",") if x]
    budget_s = a.calibration_s + len(shares) * (a.level_s + 30) + 60
    # `timeout` stops the server even if this script is killed; the finally block stops it sooner.
    server = subprocess.Popen(
        ["timeout", "-s", "TERM", str(int(budget_s)), "taskset", "-c", a.server_cpu, "gunicorn",
         "--workers", str(a.workers), "--worker-class", "sync", "--bind", "127.0.0.1:%d" % port,
         "--backlog", "2048", "--timeout", "60", "--log-level", "warning",
         "--chdir", os.path.dirname(os.path.abspath(__file__)), "burn_app:application"],
        env=env, start_new_session=True)
    try:
        wait_listening(port)
        time.sleep(1)
        pids = process_tree(server.pid)
        # A nominal guess for the calibration rate; the levels use what it measured.
        hold_guess = a.burn_ms + a.db_ms
        cap_guess = min(1000.0 / a.burn_ms, 1000.0 * a.workers / hold_guess)
        plan = [("calibration", a.calibration_util * cap_guess, a.calibration_s)]
        results = []
        for i in range(len(shares) + 1):
            name, rate, seconds = plan[i]
            level = Level("127.0.0.1", port, rate, seconds, a.seed * 100 + i, int(a.server_cpu.split(",")[0]))
            asyncio.run(level.run(pids))
            path = os.path.join(a.out, "%d-%s.csv" % (i, name))
            level.write_csv(path)
            s = level.summary()
            s.update(level=name, file=path, target_rps=rate)
            results.append(s)
            print(json.dumps(s), flush=True)
            if i == 0:
                # The share of its CPU the server got (other processes may hold it), then the
                # rate at which the CPU or the workers run out, whichever comes first.
                demand = s["cpu_ms_per_request"]
                # With more workers than CPUs the app also waits for its sibling workers, which
                # is sharing, not lost capacity: only other processes' share slows the CPU then.
                if a.workers > len(a.server_cpu.split(",")):
                    others = s["other_processes_pct"] / 100.0
                    speed = 1.0 - others if others > 0.05 else 1.0
                else:
                    speed = min(1.0, s["app_cpu_ms"] / max(1e-9, s["app_ms"] - s["app_io_ms"]))
                hold = demand / speed + s["app_io_ms"]
                capacity = min(1000.0 * speed / demand, 1000.0 * a.workers / hold)
                for share in shares:
                    plan.append(("u%02d" % round(share * 100), share * capacity, a.level_s))
        with open(os.path.join(a.out, "levels.json"), "w") as f:
            json.dump(results, f, indent=1)
    finally:
        try:
            os.killpg(server.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
