"""Open-loop Poisson load against one HTTP server, with the server's CPU read from /proc.

Start times are drawn before the run; every request is sent at its scheduled time whether or
not earlier ones have been answered, and its latency is counted from that scheduled time (as
wrk2 does), so a server that falls behind shows it in the latency instead of slowing the load
down. One connection per request: gunicorn's sync workers close after every response.

Writes one long CSV (time,node,metric,value,unit), the input `headroom import` reads:
  per request  client http.latency_ms, server http.server_time_ms, http.server_cpu_ms and
               http.server_io_ms (the app's own Server-Timing), time = the scheduled start
  per second   server cpu.util_pct (all the server's processes, % of one CPU),
               server http.requests_per_s (responses completed in that second) and
               server cpu.other_processes_pct (what everything else ran on the server's CPU:
               on a shared machine the server does not have its CPU to itself)
"""
import asyncio
import os
import random
import re
import time

_TIMING = re.compile(rb"server-timing:\s*app;dur=([0-9.]+),\s*cpu;dur=([0-9.]+),\s*db;dur=([0-9.]+)", re.IGNORECASE)
_TICK = os.sysconf("SC_CLK_TCK")


def process_tree(root):
    """The pid and all its descendants (gunicorn's arbiter and its workers)."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry, "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def cpu_seconds(pids):
    """utime + stime of the processes, in seconds (processes that exited are skipped)."""
    total = 0
    for pid in pids:
        try:
            with open("/proc/%d/stat" % pid, "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # fields 14 and 15 of proc(5)
    return total / _TICK


def cpu_busy_seconds(cpu):
    """Busy time of one CPU from /proc/stat (user, nice, system, irq, softirq, steal)."""
    with open("/proc/stat") as f:
        for line in f:
            if line.startswith("cpu%d " % cpu):
                v = [int(x) for x in line.split()[1:]]
                return (v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / _TICK
    return 0.0


class Level:
    """One run at one rate: the schedule, the results and the CPU readings."""

    def __init__(self, host, port, rate, duration_s, seed, server_cpu=0):
        self.host, self.port, self.server_cpu = host, port, server_cpu
        rng = random.Random(seed)
        self.starts = []
        t = rng.expovariate(rate)
        while t < duration_s:
            self.starts.append(t)
            t += rng.expovariate(rate)
        self.latency_ms = [None] * len(self.starts)
        self.server_ms = [None] * len(self.starts)
        self.server_cpu_ms = [None] * len(self.starts)
        self.server_io_ms = [None] * len(self.starts)
        self.done_at = []
        self.errors = 0

    async def one(self, i, t0):
        try:
            reader, writer = await asyncio.open_connection(self.host, self.port)
            writer.write(b"GET / HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n" % self.host.encode())
            await writer.drain()
            response = await reader.read()
            writer.close()
        except OSError:
            self.errors += 1
            return
        now = time.monotonic()
        m = _TIMING.search(response)
        if not response.startswith(b"HTTP/1.1 200") or not m:
            self.errors += 1
            return
        self.latency_ms[i] = (now - (t0 + self.starts[i])) * 1000.0
        self.server_ms[i] = float(m.group(1))
        self.server_cpu_ms[i] = float(m.group(2))
        self.server_io_ms[i] = float(m.group(3))
        self.done_at.append(now - t0)

    async def run(self, server_pids):
        loop = asyncio.get_running_loop()
        t0 = time.monotonic() + 0.2
        self.epoch0 = time.time() + (t0 - time.monotonic())
        tasks, cpu_readings = [], []

        async def sample_cpu():
            # One reading a second from t0 until the last response is in.
            k = 0
            while True:
                await asyncio.sleep(max(0.0, t0 + k - time.monotonic()))
                cpu_readings.append((k, cpu_seconds(server_pids), cpu_busy_seconds(self.server_cpu)))
                k += 1

        sampler = loop.create_task(sample_cpu())
        for i, s in enumerate(self.starts):
            delay = t0 + s - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(loop.create_task(self.one(i, t0)))
        await asyncio.gather(*tasks)
        # One more whole second so the last responses' CPU is counted.
        end = int(max(self.done_at, default=0)) + 2
        while not cpu_readings or cpu_readings[-1][0] < end:
            await asyncio.sleep(0.1)
        sampler.cancel()
        self.cpu_readings = cpu_readings

    def write_csv(self, path):
        done_per_s = {}
        for d in self.done_at:
            done_per_s[int(d)] = done_per_s.get(int(d), 0) + 1
        with open(path, "w") as f:
            f.write("time,node,metric,value,unit\n")
            for i, s in enumerate(self.starts):
                if self.latency_ms[i] is None:
                    continue
                t = "%.6f" % (self.epoch0 + s)
                f.write("%s,client,http.latency_ms,%.3f,ms\n" % (t, self.latency_ms[i]))
                f.write("%s,server,http.server_time_ms,%.3f,ms\n" % (t, self.server_ms[i]))
                f.write("%s,server,http.server_cpu_ms,%.3f,ms\n" % (t, self.server_cpu_ms[i]))
                f.write("%s,server,http.server_io_ms,%.3f,ms\n" % (t, self.server_io_ms[i]))
            readings = self.cpu_readings
            for (k0, c0, b0), (k1, c1, b1) in zip(readings, readings[1:]):
                t = "%.6f" % (self.epoch0 + k0)
                f.write("%s,server,cpu.util_pct,%.3f,%%\n" % (t, 100.0 * (c1 - c0) / (k1 - k0)))
                others = max(0.0, (b1 - b0) - (c1 - c0))
                f.write("%s,server,cpu.other_processes_pct,%.3f,%%\n" % (t, 100.0 * others / (k1 - k0)))
                f.write("%s,server,http.requests_per_s,%d,1/s\n" % (t, done_per_s.get(k0, 0)))

    def summary(self):
        lat = sorted(x for x in self.latency_ms if x is not None)
        n = len(lat)
        busy = self.cpu_readings[-1][1] - self.cpu_readings[0][1]
        span = max(1, self.cpu_readings[-1][0] - self.cpu_readings[0][0])
        others = (self.cpu_readings[-1][2] - self.cpu_readings[0][2]) - busy
        return {
            "requests": len(self.starts), "completed": n, "errors": self.errors,
            "rate_rps": len(self.starts) / (self.starts[-1] - self.starts[0]) if len(self.starts) > 1 else 0,
            "mean_ms": sum(lat) / n if n else 0, "p95_ms": lat[int(0.95 * (n - 1))] if n else 0,
            "cpu_ms_per_request": 1000.0 * busy / n if n else 0,
            "app_cpu_ms": sum(x for x in self.server_cpu_ms if x is not None) / n if n else 0,
            "app_ms": sum(x for x in self.server_ms if x is not None) / n if n else 0,
            "other_processes_pct": max(0.0, 100.0 * others / span),
            "app_io_ms": sum(x for x in self.server_io_ms if x is not None) / n if n else 0,
        }
