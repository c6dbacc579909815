#!/usr/bin/env bash
# Builds the libFuzzer targets in the sanitizer build (the "asan" preset: clang 14, build-asan/,
# shared with tests/sanitize.sh) and runs each for SECONDS seconds, seeded with copies of the real
# tool outputs in ../shared/fixtures (copied into a temporary folder; the project tree is never
# written to). Every importer in the registry is fuzzed on its own, then the scenario parser,
# the CSV reader and the JSON input helper.
# Fails when any target reports a crash, a leak, undefined behaviour, a timeout or an
# out-of-memory; the reproducer is kept under build-asan/findings/.
# Usage: tests/fuzz/run_fuzzers.sh SECONDS [TARGET…]   (TARGET: importer:NAME, scenario, csv, json_input)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:?usage: run_fuzzers.sh SECONDS [TARGET…]}"
shift
fixtures="${HEADROOM_FIXTURES_DIR:-$root/../shared/fixtures}"
jobs="${HEADROOM_JOBS:-$(nproc)}"

cd "$root"
cmake --preset asan >/dev/null
cmake --build --preset asan -j"$jobs" --target fuzz_importer fuzz_scenario fuzz_csv fuzz_json_input
build="$root/build-asan"
bin="$build/tests/fuzz"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
findings="$build/findings"
mkdir -p "$findings"

if [[ ! -d "$fixtures" ]]; then
  echo "run_fuzzers: fixture folder $fixtures is missing; seeds are required" >&2
  exit 2
fi

# Copies fixture files no larger than 128 KiB matching find(1) expressions into a new corpus folder.
seed() {
  local corpus="$1" from="$2"
  shift 2
  mkdir -p "$corpus"
  [[ -d "$from" ]] || return 0
  find "$from" -type f -size -129k \( "$@" \) -print0 |
    while IFS= read -r -d '' f; do cp "$f" "$corpus/$(echo "$f" | md5sum | cut -c1-16)-$(basename "$f")"; done
}

# The fixture folder of an importer: its name, or the part before the first '-'
# ("prometheus-json" → prometheus/); all fixtures when neither exists.
importer_seeds() {
  local name="$1" corpus="$2"
  for dir in "$fixtures/$name" "$fixtures/${name%%-*}" "$fixtures/${name//-/_}"; do
    if [[ -d "$dir" ]]; then seed "$corpus" "$dir" -name '*'; fi
  done
  if [[ -z "$(ls -A "$corpus" 2>/dev/null)" ]]; then seed "$corpus" "$fixtures" -name '*'; fi
}

summary="$work/summary.txt"
failed=0

# run LABEL BINARY CORPUS [ENV=VALUE…]
run() {
  local label="$1" exe="$2" corpus="$3"
  shift 3
  local log="$work/$label.log"
  local seeds
  seeds=$(find "$corpus" -type f | wc -l)
  echo "== $label: $seeds seeds, ${seconds}s" >&2
  local status=0
  env "$@" "$exe" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=131072 \
    -print_final_stats=1 -artifact_prefix="$findings/$label-" >"$log" 2>&1 || status=$?
  local execs
  execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -n1 || true)
  if ((status != 0)); then
    failed=1
    echo "== $label FAILED (exit $status); log tail:" >&2
    grep -E 'ERROR|SUMMARY|runtime error|Test unit written|#[0-9]+ 0x' "$log" | head -n 40 >&2 || tail -n 40 "$log" >&2
    cp "$log" "$findings/$label.log"
    printf '%-28s %12s  %s\n' "$label" "${execs:-?}" "FINDING (see $findings)" >>"$summary"
  else
    printf '%-28s %12s  %s\n' "$label" "${execs:-?}" "no finding" >>"$summary"
  fi
}

wanted() {  # no TARGET arguments means all targets
  (($# == 1)) && return 0
  local t="$1"
  shift
  for w in "$@"; do [[ "$w" == "$t" ]] && return 0; done
  return 1
}

mapfile -t importers < <(HEADROOM_FUZZ_LIST=1 "$bin/fuzz_importer" 2>/dev/null)
for name in "${importers[@]}"; do
  wanted "importer:$name" "$@" || continue
  corpus="$work/corpus/importer-$name"
  importer_seeds "$name" "$corpus"
  run "importer:$name" "$bin/fuzz_importer" "$corpus" HEADROOM_FUZZ_IMPORTER="$name"
done

if wanted scenario "$@"; then
  corpus="$work/corpus/scenario"
  seed "$corpus" "$root/data" -name '*.json'
  seed "$corpus" "$root/tests/fuzz/seeds" -name 'scenario*.json'
  seed "$corpus" "$root/tests" -path '*/scenario/*' -name '*.json'
  run scenario "$bin/fuzz_scenario" "$corpus"
fi
if wanted csv "$@"; then
  corpus="$work/corpus/csv"
  seed "$corpus" "$fixtures" -name '*.csv' -o -name '*.txt'
  seed "$corpus" "$root/data" -name '*.csv'
  run csv "$bin/fuzz_csv" "$corpus"
fi
if wanted json_input "$@"; then
  corpus="$work/corpus/json_input"
  seed "$corpus" "$fixtures" -name '*.json'
  run json_input "$bin/fuzz_json_input" "$corpus"
fi

echo
printf '%-28s %12s  %s\n' "target" "executions" "result"
cat "$summary"
exit "$failed"
