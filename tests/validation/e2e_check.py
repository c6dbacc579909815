"""Checks a `headroom validate --json` answer of the short CI run: every load level has a
measurement and a prediction, and the numbers obey what must hold whatever the accuracy."""
import json
import math
import sys

doc = json.load(open(sys.argv[1]))
expected_levels = int(sys.argv[2])
levels = doc["levels"]
problems = []
if len(levels) != expected_levels:
    problems.append("expected %d levels, got %d" % (expected_levels, len(levels)))
rates = [l["rate_rps"] for l in levels]
if rates != sorted(rates) or len(set(rates)) != len(rates):
    problems.append("levels not in increasing rate order: %s" % rates)
if sum(1 for l in levels if l["calibration_level"]) != 1 or not levels[0]["calibration_level"]:
    problems.append("the lowest rate must be the one calibration level")
cal = doc["calibration"]
if cal["demand"] is None or len(cal["demand"]["points"]) != expected_levels:
    problems.append("every level must give a CPU per request by the utilisation law")
if not (cal["fixed_delay_ms"] >= 0) or cal["cpu_shape"] is None or cal["cpu_shape"]["samples"] < 20:
    problems.append("calibration lacks a fixed delay or a fitted shape: %s" % cal)
for l in levels:
    m, p = l["measured"], l["predicted"]
    name = "level %s (%.1f/s)" % (l["dataset"], l["rate_rps"])
    if m["requests"] < 20 or not m["per_request"]:
        problems.append("%s: too few per-request measurements" % name)
    for side, v in (("measured", m), ("predicted", p)):
        if not (0 < v["p50"] <= v["p95"] <= v["p99"]) or not v["mean"] > 0:
            problems.append("%s: %s percentiles out of order: %s" % (name, side, v))
    if not p["mean"] >= cal["fixed_delay_ms"]:
        problems.append("%s: prediction below the fixed delay" % name)
    if not (0 < l["utilization"] < 1.5):
        problems.append("%s: utilisation %s" % (name, l["utilization"]))
    if not 0.5 < l["demand_ms"]["used"] / l["demand_ms"]["measured"] < 2:
        problems.append("%s: demand used %s far from measured" % (name, l["demand_ms"]))
    for k in ("mean", "p95", "p99"):
        want = 100 * (p[k] - m[k]) / m[k]
        if not math.isclose(l["error_pct"][k], want, rel_tol=1e-6, abs_tol=1e-6):
            problems.append("%s: error_pct.%s %s is not (pred − meas)/meas = %s" % (name, k, l["error_pct"][k], want))
if not levels[-1]["utilization"] > levels[0]["utilization"]:
    problems.append("utilisation must grow with the rate")
scn = doc["scenario"]
if scn["service"]["cpu_ms"]["mean"] <= 0 or scn["traffic"]["rate_rps"] != cal["calibration_rate_rps"]:
    problems.append("calibrated scenario does not carry the calibration: %s" % scn["service"])
for p in problems:
    print("FAIL:", p)
print("%d levels checked, %d problems" % (len(levels), len(problems)))
sys.exit(1 if problems else 0)
