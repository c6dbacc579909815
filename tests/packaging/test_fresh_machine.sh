#!/usr/bin/env bash
# What a fresh Debian 12 machine would lack. This machine may hold packages a newcomer's does not,
# so a green build here proves nothing by itself; two checks make the difference visible:
#  1. every package packaging/setup.sh names is installed under that name (a virtual name, such
#     as libqt6charts6-dev for qt6-charts-dev, never shows as installed, so every run would call
#     apt-get again);
#  2. every CMake package the configure step found comes from a Debian package that setup.sh
#     names, or from one of their dependencies.
# Usage: test_fresh_machine.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src="${1:?usage: test_fresh_machine.sh SOURCE_DIR BUILD_DIR}"
build="${2:?usage: test_fresh_machine.sh SOURCE_DIR BUILD_DIR}"
fail=0

missing="$(bash "$src/packaging/setup.sh" --print-missing)"
if [[ -n "$missing" ]]; then
  echo "packaging/setup.sh names packages that are not installed under that name (a second run" >&2
  echo "would call apt-get again; virtual names never count as installed): $(echo $missing)" >&2
  fail=1
fi

named="$(bash "$src/packaging/setup.sh" --print-packages)"
# The closure: every package apt would pull in for the named ones (a header line per package).
closure="$( { echo "$named"
              apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
                --no-replaces --no-enhances $named 2>/dev/null | grep -E '^[a-z0-9]' ; } |
            sed 's/:any$//' | sort -u)"

checked=0
while IFS= read -r dir; do
  config="$(ls "$dir"/*Config.cmake "$dir"/*-config.cmake 2>/dev/null | head -n1 || true)"
  [[ -n "$config" ]] || continue
  owner="$(dpkg -S "$(readlink -f "$config")" 2>/dev/null | head -n1 | cut -d: -f1 || true)"
  [[ -n "$owner" ]] || owner="$(dpkg -S "$config" 2>/dev/null | head -n1 | cut -d: -f1 || true)"
  if [[ -z "$owner" ]]; then
    echo "the build uses $config, which no Debian package installed" >&2
    fail=1
    continue
  fi
  checked=$((checked + 1))
  if ! grep -qx "$owner" <<<"$closure"; then
    echo "the build uses $config from package $owner, which nothing in packaging/setup.sh installs" >&2
    fail=1
  fi
done < <(grep -E '^[A-Za-z0-9_]+_DIR:PATH=/' "$build/CMakeCache.txt" | cut -d= -f2- | sort -u)

# A cache with no CMake packages at all would make the loop above pass vacuously.
if ((checked < 5)); then
  echo "only $checked CMake packages found in $build/CMakeCache.txt; expected Qt6 and its modules" >&2
  fail=1
fi
((fail == 0)) && echo "fresh machine: all ${checked} CMake packages come from packages that set-up installs"
exit "$fail"
