#!/usr/bin/env bash
# Builds the whole tree with AddressSanitizer + UndefinedBehaviorSanitizer (the "asan" preset:
# clang 14, build-asan/, which also holds the fuzz targets) and runs every test under it. Any leak, memory error or undefined behaviour fails
# the test that triggered it. Prints "sanitizer-clean: P of N tests that ran (S skipped)" at the end.
# Usage: tests/sanitize.sh [extra ctest arguments, e.g. -R '^store\.']
# HEADROOM_SANITIZE_TARGETS="test_core test_store …" builds only those targets (then pass a
# matching -R so ctest does not count the executables that were not built).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

jobs="${HEADROOM_JOBS:-$(nproc)}"
cmake --preset asan >/dev/null
# shellcheck disable=SC2086  # a list of target names
cmake --build --preset asan -j"$jobs" ${HEADROOM_SANITIZE_TARGETS:+--target $HEADROOM_SANITIZE_TARGETS}

# Leaks inside system libraries we do not own (fontconfig caches, D-Bus, GLib type system) are
# suppressed by library name only; our own code is never suppressed.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
export LSAN_OPTIONS="suppressions=$root/tests/sanitize/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"

# Tests never touch the user's real workspace or settings.
export HOME="$(mktemp -d)"
export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config" XDG_RUNTIME_DIR="$HOME/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
log="$HOME/ctest.log"
trap 'rm -rf "$HOME"' EXIT

# Long model runs are left to the release suite (tests/sanitize/release_only_tests.txt says which
# and why), so the sanitizer suite stays a quarter of an hour; HEADROOM_SANITIZE_ALL=1 runs them too.
exclude=""
if [[ "${HEADROOM_SANITIZE_ALL:-0}" != 1 ]]; then
  exclude=$(sed -e 's/#.*//' -e 's/[[:space:]]*|.*//' -e '/^[[:space:]]*$/d' "$root/tests/sanitize/release_only_tests.txt" | paste -sd'|')
fi

status=0
ctest --test-dir build-asan --output-on-failure -j"$jobs" --timeout 1800 ${exclude:+-E "$exclude"} "$@" 2>&1 | tee "$log" || status=$?
summary=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n1 || true)
if [[ -n "$summary" ]]; then
  failed=$(sed -E 's/.*, ([0-9]+) tests? failed.*/\1/' <<<"$summary")
  total=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$summary")
  skipped=$(grep -cE '^[[:space:]]+[0-9]+ - .* \(Skipped\)$' "$log" || true)
  ran=$((total - skipped))
  echo "sanitizer-clean: $((ran - failed)) of $ran tests that ran ($skipped skipped)"
fi
exit "$status"
