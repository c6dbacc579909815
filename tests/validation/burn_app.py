"""A WSGI app whose requests cost a drawn amount of CPU and, optionally, hold the worker on a
fake database call, the two things a synchronous Python web worker spends its time on.

Settings come from the environment so one file serves every case:
  BURN_MEAN_MS, BURN_CV   CPU time per request, lognormal (defaults 6 ms, 0.8)
  DB_MEAN_MS, DB_CV       a sleep after the CPU work that holds the worker, lognormal
                          (DB_MEAN_MS 0, the default, means no database call)

Every response says what the app itself saw in a Server-Timing header: `app` is the wall time
inside the app, `cpu` the CPU time of the request's thread, `db` the time in the database call.
What is left of `app` is time spent waiting for the CPU (other processes on it). What gunicorn does around the app
(accept, parse, write, close) is in neither, only in the process's CPU counters.
"""
import math
import os
import random
import time


def _lognormal(mean_ms, cv):
    sigma2 = math.log(1.0 + cv * cv)
    return math.log(mean_ms) - sigma2 / 2.0, math.sqrt(sigma2)


BURN_MEAN_MS = float(os.environ.get("BURN_MEAN_MS", "6"))
BURN_CV = float(os.environ.get("BURN_CV", "0.8"))
DB_MEAN_MS = float(os.environ.get("DB_MEAN_MS", "0"))
DB_CV = float(os.environ.get("DB_CV", "0.5"))
_BURN = _lognormal(BURN_MEAN_MS, BURN_CV)
_DB = _lognormal(DB_MEAN_MS, DB_CV) if DB_MEAN_MS > 0 else None
_rng = random.Random()
_seeded_in = None  # the pid that seeded _rng: every forked worker draws its own sequence


def _burn(seconds):
    """Spins until this thread has used `seconds` of CPU: preemption does not shorten the work."""
    start = time.thread_time()
    x = 0
    while time.thread_time() - start < seconds:
        for _ in range(100):
            x += 1
    return x


def application(environ, start_response):
    global _seeded_in
    if _seeded_in != os.getpid():
        _rng.seed(os.getpid() ^ time.time_ns())
        _seeded_in = os.getpid()
    wall0 = time.perf_counter()
    cpu0 = time.thread_time()
    _burn(_rng.lognormvariate(*_BURN) / 1000.0)
    db_ms = 0.0
    if _DB is not None:
        db0 = time.perf_counter()
        time.sleep(_rng.lognormvariate(*_DB) / 1000.0)
        db_ms = (time.perf_counter() - db0) * 1000.0
    cpu_ms = (time.thread_time() - cpu0) * 1000.0
    app_ms = (time.perf_counter() - wall0) * 1000.0
    body = b"ok\n"
    start_response("200 OK", [
        ("Content-Type", "text/plain"),
        ("Content-Length", str(len(body))),
        ("Server-Timing", "app;dur=%.3f, cpu;dur=%.3f, db;dur=%.3f" % (app_ms, cpu_ms, db_ms)),
    ])
    return [body]

