#!/usr/bin/env python3
# Prints the EXPECTED.txt lines of the Prometheus, sysstat and pyperf files: numbers read from the
# files themselves (never through the importers). Run from tests/import/real/.
# Reads the real files (not the importer) and writes checks of values printed in them.
import re, json, glob, os, math
out = []
def fmt(x): return repr(float(x)) if not isinstance(x, str) else x

# --- Prometheus text: counts per metric name, one labelled value, headline load/memory, CPU shares
for f in sorted(glob.glob('prometheus/*')):
    if f.endswith('SOURCE.txt'): continue
    samples = []
    for line in open(f):
        line = line.strip()
        if not line or line.startswith('#'): continue
        m = re.match(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)(\s+\d+)?$', line)
        name, labels, value = m.group(1), m.group(3) or '', m.group(4)
        samples.append((name, dict(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', labels)), value))
    finite = [s for s in samples if s[2] not in ('NaN', '+Inf', '-Inf')]
    checks = []
    names = {}
    for s in finite: names[s[0]] = names.get(s[0], 0) + 1
    for name in sorted(names, key=lambda n: -names[n])[:2]:
        if name in ('node_load1','node_memory_MemTotal_bytes','node_memory_MemTotal','node_memory_MemAvailable','node_memory_MemAvailable_bytes'): continue
        checks.append(f'C:{name}={names[name]}')
    # a labelled sample whose first label value picks it out uniquely
    for s in finite:
        if s[1] and s[0] not in ('node_cpu','node_cpu_seconds_total'):
            k, v = next(iter(s[1].items()))
            same = [t for t in finite if t[0] == s[0] and t[1].get(k) == v]
            if len(same) == 1 and v and '|' not in v and ';' not in v and '}' not in v:
                checks.append(f'M:{s[0]}{{{k}={v}}}={s[2]}'); break
    for s in finite:
        if s[0] == 'node_load1': checks.append(f'H:cpu.load1={s[2]}')
        if s[0] in ('node_memory_MemTotal_bytes', 'node_memory_MemTotal'): checks.append(f'H:mem.total_bytes={s[2]}')
        if s[0] in ('node_memory_MemAvailable_bytes', 'node_memory_MemAvailable'): checks.append(f'H:mem.available_bytes={s[2]}')
    cpu = [s for s in finite if s[0] in ('node_cpu', 'node_cpu_seconds_total') and 'mode' in s[1]]
    if cpu:
        total = sum(float(s[2]) for s in cpu)
        idle = sum(float(s[2]) for s in cpu if s[1]['mode'] in ('idle', 'iowait'))
        steal = sum(float(s[2]) for s in cpu if s[1]['mode'] == 'steal')
        checks.append(f'H:cpu.util_pct={(total-idle)/total*100!r}')
        checks.append(f'H:cpu.steal_pct={steal/total*100!r}')
    nan = len(samples) - len(finite)
    if nan: checks.append('W:not stored')
    if not checks: raise SystemExit(f'no checks for {f}')
    out.append(f'{f} | prometheus-text | ' + '; '.join(checks))

# --- sysstat sadf -d: CPU all rows
for f in sorted(glob.glob('sysstat/*.csv')):
    header = None; rows = []; horizontal = False; disk_rows = {}
    for line in open(f):
        line = line.rstrip('\n')
        if line.startswith('#'):
            header = line[2:].split(';'); horizontal = any(h.endswith('[...]') for h in header)
            header = [h.replace('[...]','') for h in header]
            continue
        fs = line.split(';')
        if len(fs) < 4 or fs[1] == '-1' or header is None: continue
        if header[3] == 'CPU' and len(header) > 4 and header[4] in ('%usr','%user') and fs[3] in ('-1','all'):
            rows.append(dict(zip(header, fs)))
        if header[3] == 'DEV':
            d = dict(zip(header, fs)); disk_rows.setdefault(fs[3], []).append(d)
    checks = []
    if rows:
        first, last = rows[0], rows[-1]
        def util(r):
            return 100 - float(r['%idle'].replace(',','.')) - float(r['%iowait'].replace(',','.'))
        checks += [f'S:cpu.util_pct[0]={util(first)!r}', f'S:cpu.util_pct[-1]={util(last)!r}', f'N:cpu.util_pct={len(rows)}',
                   f'S:cpu.steal_pct[0]={float(first["%steal"])!r}']
    if disk_rows:
        dev = sorted(disk_rows)[0]; r0 = disk_rows[dev][0]
        rk = r0.get('rkB/s'); rs = r0.get('rd_sec/s')
        v = float(rk) * 1024 if rk is not None else float(rs) * 512
        checks += [f'N:disk.read_bw_bytes_per_s{{device={dev}}}={len(disk_rows[dev])}', f'S:disk.read_bw_bytes_per_s{{device={dev}}}[0]={v!r}']
    if horizontal: checks.append('W:horizontal layout')
    if not checks: checks = ['W:activities not imported']  # sensors only
    out.append(f'{f} | sysstat-csv | ' + '; '.join(checks))

# --- sysstat sadf -j
for f in sorted(glob.glob('sysstat/*.json')):
    d = json.load(open(f)); stats = d['sysstat']['hosts'][0]['statistics']
    cpu = [c for s in stats if s for c in s.get('cpu-load', []) if c.get('cpu') == 'all']
    checks = []
    if cpu:
        u = lambda c: max(0.0, 100 - c['idle'] - c.get('iowait', 0))
        checks += [f'S:cpu.util_pct[0]={u(cpu[0])!r}', f'N:cpu.util_pct={len(cpu)}', f'S:cpu.steal_pct[-1]={float(cpu[-1]["steal"])!r}']
    disks = {}
    for s in stats:
        for dk in s.get('disk', []) if s else []: disks.setdefault(dk['disk-device'], []).append(dk)
    if disks:
        dev = sorted(disks)[0]; r0 = disks[dev][-1]
        v = r0['rkB'] * 1024 if 'rkB' in r0 else r0['rd_sec'] * 512
        checks += [f'N:disk.read_bw_bytes_per_s{{device={dev}}}={len(disks[dev])}', f'S:disk.read_bw_bytes_per_s{{device={dev}}}[-1]={v!r}']
    mem = [s['memory'] for s in stats if s and 'memory' in s]
    if mem and 'memused-percent' in mem[0]: checks.append(f'S:mem.used_pct[0]={float(mem[0]["memused-percent"])!r}')
    if not checks: checks = ['W:activities not imported']  # sensors only
    out.append(f'{f} | sysstat-json | ' + '; '.join(checks))

# --- pyperf: mean and stdev of every value of the first benchmark's runs (warmups excluded)
import statistics
for f in sorted(glob.glob('pyperf/*.json')):
    d = json.load(open(f)); checks = []
    for b in d['benchmarks'][:2]:
        meta = dict(d.get('metadata', {})); meta.update(b.get('common_metadata', {})); meta.update(b.get('metadata', {}))
        name = meta.get('name', 'telco'); unit = meta.get('unit', 'second')
        values = [v for r in b['runs'] for v in r.get('values', r.get('samples', []))]
        slug = re.sub(r'[^a-z0-9]+', '_', name.lower()).strip('_')
        suffix = {'second': 's', 'byte': 'bytes'}.get(unit, unit)
        if not values: continue
        checks.append(f'H:py.{slug}_mean_{suffix}={statistics.mean(values)!r}')
        if len(values) > 1: checks.append(f'H:py.{slug}_stdev_{suffix}={statistics.stdev(values)!r}')
    out.append(f'{f} | pyperf | ' + '; '.join(checks))
print('\n'.join(out))

