#!/bin/bash
# An adversarial campaign against the built program: hostile workspaces, devices and FIFOs,
# concurrent writers, a full disk, scenarios that cannot fit, catalog values that are no
# prices, odd file names. Each case states what must hold (exit code, message, files left
# untouched, time); a case "survives" when all of it holds and is "lost" otherwise.
#
#   tests/adversarial/run_adversarial.sh HEADROOM_BINARY
#
# Prints one line per lost case and "tried N, survived S, lost L"; exits 1 when any is lost.
# Needs sqlite3 (the shell) to build hostile workspaces. Runs in about half a minute.
set -uo pipefail

headroom=${1:?usage: $0 HEADROOM_BINARY}
headroom=$(cd "$(dirname "$headroom")" && pwd)/$(basename "$headroom")
here=$(cd "$(dirname "$0")" && pwd)
data="$here/../../data"
command -v sqlite3 >/dev/null || { echo "sqlite3 (the shell) is needed: apt-get install sqlite3" >&2; exit 2; }

work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
export HOME="$work/home" QT_QPA_PLATFORM=offscreen XDG_DATA_HOME="$work/home/.local/share"
mkdir -p "$HOME"
cd "$work" || exit 2

tried=0 survived=0 lost=0
out="$work/out" err="$work/err"

# run LIMIT_S ARGS…: runs headroom with a time limit; sets $code (124 = timed out).
run() {
    local limit=$1; shift
    timeout -s KILL "$limit" "$headroom" "$@" >"$out" 2>"$err"
    code=$?
}
# verdict NAME CONDITION-RESULT(0/1) [DETAIL]
verdict() {
    tried=$((tried + 1))
    if [ "$2" -eq 0 ]; then survived=$((survived + 1)); else
        lost=$((lost + 1)); echo "LOST: $1${3:+ — $3}"; fi
}
# expect NAME EXIT-CODE PATTERN: the last run exited with EXIT-CODE and stderr matches PATTERN,
# and never shows SQL.
expect() {
    local ok=0
    [ "$code" -eq "$2" ] || ok=1
    [ -z "$3" ] || grep -Eq -- "$3" "$err" || ok=1
    grep -Eq 'INSERT INTO|SELECT |CREATE TABLE' "$err" && ok=1
    verdict "$1" $ok "exit $code, stderr: $(head -c 300 "$err" | tr '\n' ' ')"
}
sha() { sha256sum "$1" | cut -d' ' -f1; }
# A closed workspace in one file (rollback journal), with the shipped catalog.
fresh_ws() {
    "$headroom" catalog -w "$1" >/dev/null 2>&1
    sqlite3 "$1" 'PRAGMA journal_mode=DELETE;' >/dev/null
}
# refused_untouched NAME FILE PATTERN: importing into FILE is refused (exit 3), its bytes stay,
# and nothing is left beside it.
refused_untouched() {
    local before; before=$(sha "$2")
    run 30 import -w "$2" "$data/sample/$(ls "$data/sample" | grep -v manifest | head -1)"
    local ok=0
    [ "$code" -eq 3 ] || ok=1
    grep -Eq -- "$3" "$err" || ok=1
    [ "$(sha "$2")" = "$before" ] || ok=1
    ls "$2"-wal "$2"-shm >/dev/null 2>&1 && ok=1
    verdict "$1" $ok "exit $code, stderr: $(head -c 300 "$err" | tr '\n' ' ')"
}

# ---- hostile workspaces -------------------------------------------------------------------
mkdir hostile && fresh_ws hostile/base.headroom
for c in \
    "planted trigger|CREATE TRIGGER wipe AFTER INSERT ON dataset BEGIN DELETE FROM sample; END;|trigger 'wipe'" \
    "view|CREATE VIEW v AS SELECT * FROM dataset;|view 'v'" \
    "extra table|CREATE TABLE notes(x);|table 'notes'" \
    "changed column|ALTER TABLE dataset ADD COLUMN owner TEXT;|table 'dataset' differs" \
    "extra index|CREATE INDEX ix ON sample(value);|index 'ix'" \
    "user_version 0 with tables|PRAGMA user_version = 0;|user_version 0" \
    "newer schema|PRAGMA user_version = 99;|newer" \
    "other application id|PRAGMA application_id = 7;|not a Headroom workspace" \
    "price is text|UPDATE instance_type SET price_per_hour = 'abc' WHERE rowid = 1;|price_per_hour = 'abc'" \
    "trigger on update|CREATE TRIGGER t2 AFTER UPDATE ON dataset BEGIN DELETE FROM instance_type; END;|trigger 't2'"; do
    IFS='|' read -r name sql pattern <<<"$c"
    mkdir -p "hostile/$tried" && cp hostile/base.headroom "hostile/$tried/ws.headroom"
    sqlite3 "hostile/$tried/ws.headroom" "$sql" >/dev/null
    refused_untouched "workspace: $name" "hostile/$tried/ws.headroom" "$pattern"
done
# A version-1 file with a planted trigger is not migrated (no backup made, nothing changed).
mkdir v1 && cp hostile/base.headroom v1/ws.headroom
sqlite3 v1/ws.headroom "DROP TABLE setting; DROP INDEX measurement_by_metric; DROP INDEX series_by_metric;
    DROP INDEX lead_time_by_phase; DROP TABLE run;
    CREATE TABLE run (
  id INTEGER PRIMARY KEY,
  scenario_id INTEGER REFERENCES scenario(id) ON DELETE CASCADE,
  seed INTEGER NOT NULL,
  replications INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  results TEXT NOT NULL
); PRAGMA user_version = 1;
    CREATE TRIGGER keep AFTER INSERT ON provider BEGIN DELETE FROM dataset; END;" >/dev/null
refused_untouched "workspace: v1 with trigger not migrated" v1/ws.headroom "trigger 'keep'"
verdict "workspace: v1 with trigger leaves no backup" "$(ls v1/*.bak >/dev/null 2>&1 && echo 1 || echo 0)"
mkdir junk
head -c 100000 /dev/urandom > junk/random.headroom; refused_untouched "workspace: random bytes" junk/random.headroom "not a Headroom workspace"
: > junk/empty.headroom; refused_untouched "workspace: empty file" junk/empty.headroom "empty"
head -c 20000 hostile/base.headroom > junk/trunc.headroom; refused_untouched "workspace: truncated" junk/trunc.headroom "corrupt|damaged|cannot be read"
run 20 datasets -w "$work/junk"; expect "workspace: a folder" 3 "folder"
run 20 datasets -w "$work/typo.headroom"; expect "workspace: mistyped name for a reading command" 3 "no such workspace"
verdict "workspace: mistyped name creates nothing" "$([ -e typo.headroom ] && echo 1 || echo 0)"
run 20 import -w "$work/no/such/dir/ws.headroom" "$data/sample/manifest.csv"; expect "workspace: missing folder" 3 "does not exist"
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
    mkdir -p ro && fresh_ws ro/ws.headroom && chmod -R a+rX "$work" && chmod 555 ro && chmod 644 ro/ws.headroom
    setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$work/ro" timeout -s KILL 20 "$headroom" datasets -w "$work/ro/ws.headroom" >"$out" 2>"$err"; code=$?
    expect "workspace: read-only folder says so" 3 "read-only"
    grep -q corrupt "$err"; verdict "workspace: read-only folder is not called corrupt" $((1 - $?))
fi

# ---- one file after every command; four writers; a full disk ------------------------------
python3 - <<'PY'
import random
for k in range(4):
    with open(f"in{k}.csv", "w") as f:
        f.write("time,node,metric,value\n")
        for i in range(40000): f.write(f"{1700000000+i},n{k},cpu.util_pct,{random.random()*100:.3f}\n")
with open("big.csv", "w") as f:
    f.write("time,node,metric,value\n")
    for i in range(300000): f.write(f"{1700000000+i},nb,cpu.util_pct,{random.random()*100:.3f}\n")
PY
fresh_ws shared.headroom
for k in 0 1 2 3; do (timeout -s KILL 120 "$headroom" import -w shared.headroom --instance-type aws/m5.large "in$k.csv" >/dev/null 2>"err$k"; echo $? >"code$k") & done; wait
for k in 0 1 2 3; do code=$(cat "code$k"); cp "err$k" "$err"; expect "four writers: import $k succeeds" 0 ""; done
verdict "four writers: one self-contained file" "$([ -s shared.headroom-wal ] && echo 1 || echo 0)"
[ "$(sqlite3 shared.headroom 'SELECT count(*) FROM sample')" = 160000 ]; verdict "four writers: every sample stored once" $?
for k in 0 1 2 3; do (HOME="$work/first" XDG_DATA_HOME="$work/first/.local/share" timeout -s KILL 120 "$headroom" datasets >/dev/null 2>"ferr$k"; echo $? >"fcode$k") & done; wait
for k in 0 1 2 3; do code=$(cat "fcode$k"); cp "ferr$k" "$err"; expect "four first starts: run $k succeeds" 0 ""; done
"$headroom" import -w full.headroom big.csv >/dev/null 2>&1
size=$(stat -c %s full.headroom)
python3 -c "import sys,random;f=open('more.csv','w');f.write('time,node,metric,value\n');[f.write(f'{1800000000+i},nm,cpu.util_pct,{random.random()*100:.3f}\n') for i in range(60000)]"
bash -c "ulimit -f $(( size / 1024 + 64 )); trap '' XFSZ; exec timeout -s KILL 60 '$headroom' import -w full.headroom more.csv" >"$out" 2>"$err"; code=$?
expect "full disk: failed checkpoint is an error" 1 "\-wal"
run 60 datasets -w full.headroom; expect "full disk: next command finishes the checkpoint" 0 ""
verdict "full disk: file alone holds everything afterwards" "$([ -s full.headroom-wal ] && echo 1 || echo 0)"
for i in 1 2 3 4 5; do
    rm -f kill.headroom*
    "$headroom" datasets -w kill.headroom >/dev/null 2>&1 & pid=$!; sleep "0.0$i"; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
done
run 30 catalog -w kill.headroom; expect "kill -9 during creation: opens afterwards" 0 ""
verdict "kill -9 during creation: no staging files left" "$(ls kill.headroom.new-* >/dev/null 2>&1 && echo 1 || echo 0)"

# ---- devices, FIFOs, outputs ----------------------------------------------------------------
mkfifo fifo
for input in /dev/zero /dev/urandom "$work/fifo"; do
    run 20 import -w shared.headroom "$input"; expect "input $input: import refused at once" 3 "only regular files"
    run 20 simulate -w shared.headroom "$input"; expect "input $input: simulate refused at once" 3 "only regular files"
    run 20 fit-usl "$input"; expect "input $input: fit-usl refused at once" 3 "only regular files"
done
run 60 report "$data/scenarios/python_web_api.json" -o "$work/fifo"; expect "report -o onto a FIFO refused" 3 "regular file"
verdict "report -o: the FIFO is still a FIFO" "$([ -p fifo ] && echo 0 || echo 1)"
mkdir outdir; run 60 report "$data/scenarios/python_web_api.json" -o "$work/outdir"; expect "report -o onto a folder refused" 3 "folder"
run 20 import -w shared.headroom "$work/nothing-here.csv"; expect "input: missing file" 3 "no such file"
: > empty.csv; run 20 import -w shared.headroom empty.csv; expect "input: empty file" 3 "empty"
head -c 300000 /dev/urandom > binary.csv; run 30 import -w shared.headroom binary.csv; expect "input: binary noise" 3 ""
evil=$'evil\e]0;owned\a\e[2J.csv'
cp in0.csv "$evil" 2>/dev/null; printf 'garbage' > "$evil"
run 20 import -w shared.headroom "$work/$evil"
ok=0; grep -q $'\e' "$err" && ok=1; grep -q 'evil\\x1b' "$err" || ok=1
verdict "input: escape sequences in a file name are shown escaped" $ok
run 20 import -w shared.headroom in0.csv; expect "input: same file twice is a duplicate, not an error" 0 ""
grep -q "already imported" "$out"; verdict "input: duplicate reported" $?

# ---- scenarios ----------------------------------------------------------------------------------
scenario() {  # scenario FILE TOP TRAFFIC CLUSTER
    printf '{"schema":"headroom.scenario/1","duration_s":%s,%s"traffic":%s,"service":{"cpu_ms":{"dist":"deterministic","mean":10}},"cluster":%s}' \
        "${5:-600}" "$2" "$3" "$4" > "$1"
}
scenario dup.json '' '{"kind":"poisson","rate_rps":5}' '{"instance_type":"aws/c6i.large","nodes":4,"nodes":100000000}'
run 30 simulate -w shared.headroom dup.json; expect "scenario: duplicate key names its path" 3 '\$\.cluster\.nodes'
scenario det.json '"replications":1,' '{"kind":"poisson","rate_rps":5}' '{"instance_type":"aws/c6i.large","nodes":2}'
run 60 simulate -w shared.headroom det.json; expect "scenario: deterministic {mean} accepted" 0 ""
scenario rate.json '' '{"kind":"poisson","rate_rps":1e12}' '{"instance_type":"aws/c6i.large","nodes":4}'
run 20 simulate -w shared.headroom rate.json; expect "scenario: rate 1e12 refused with the estimate" 3 "would"
scenario nodes.json '' '{"kind":"poisson","rate_rps":5}' '{"instance_type":"aws/c6i.large","nodes":1000000000}'
run 20 simulate -w shared.headroom nodes.json; expect "scenario: a billion nodes refused with the estimate" 3 "memory"
scenario year.json '"interval_s":1,' '{"kind":"poisson","rate_rps":5}' '{"instance_type":"aws/c6i.large","nodes":4}' 31622400
run 20 simulate -w shared.headroom year.json; expect "scenario: 366 days at 1 s intervals refused" 3 "intervals"
run 20 simulate -w shared.headroom "$data/scenarios/python_web_api.json" --replications 10000; expect "scenario: 10000 replications of a day refused" 3 "would take"
python3 -c "print('['*200000 + ']'*200000)" > deep.json
run 20 simulate -w shared.headroom deep.json; expect "scenario: 200000 nested arrays" 3 ""
python3 -c "import json;print(json.dumps({'schema':'headroom.scenario/1','name':'x'*70_000_000}))" > huge.json
run 20 simulate -w shared.headroom huge.json; expect "scenario: 70 MB document refused by size" 3 "MB"

# ---- catalog values -------------------------------------------------------------------------------
header='provider,region,instance_type,vcpu,memory_gib,arch,dedicated_cpu,burstable,baseline_pct_per_vcpu,credits_per_hour,max_credits,price_per_hour,currency,price_basis,monthly_cap,source,source_date'
for c in "negative price|aws,x,m.neg,2,8,x86_64,yes,no,,,,-0.5,USD,,,,|:2:34: 'price_per_hour' is -0.5" \
         "nan price|aws,x,m.nan,2,8,x86_64,yes,no,,,,nan,USD,,,,|'price_per_hour' is \"nan\"" \
         "unknown currency|aws,x,m.zwl,2,8,x86_64,yes,no,,,,0.1,ZWL,,,,|USD, EUR" \
         "negative max_credits|aws,x,t.neg,2,8,x86_64,no,yes,20,24,-5,0.1,USD,,,,|'max_credits' is -5" \
         "baseline 500 %|aws,x,t.big,2,8,x86_64,no,yes,500,24,100,0.1,USD,,,,|from 0 to 100"; do
    IFS='|' read -r name row pattern <<<"$c"
    printf '%s\n%s\n' "$header" "$row" > cat.csv
    run 20 import -w shared.headroom --format catalog-csv cat.csv 2>/dev/null
    [ "$code" -eq 2 ] && run 20 import -w shared.headroom cat.csv
    expect "catalog: $name" 3 "$pattern"
done

# ---- Prometheus answers -------------------------------------------------------------------------
printf '{"status":"error","errorType":"bad_data","error":"parse error at char 4"}' > promerr.json
run 20 import -w shared.headroom --format prometheus-json promerr.json; expect "prometheus: error answer" 3 "bad_data"
printf '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"up"},"values":[[1700000000,"1"],[1700000015,' > promtrunc.json
run 20 import -w shared.headroom --format prometheus-json promtrunc.json; expect "prometheus: truncated answer" 3 ""

# ---- messages ---------------------------------------------------------------------------------------
run 60 analyze homogeneity -w shared.headroom
size=$(stat -c %s "$err"); [ "$code" -eq 3 ] && [ "$size" -lt 2000 ]; verdict "analyze homogeneity without --metric: short message" $? "exit $code, $size bytes"

echo "tried $tried, survived $survived, lost $lost"
[ "$lost" -eq 0 ]
