#!/usr/bin/env bash
# README command 2: install what is missing, build everything, and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/setup.sh
build_dir="${HEADROOM_BUILD_DIR:-build-release}"
# Tests never touch the user's real workspace or settings.
export HOME="$(mktemp -d)"
export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config"
trap 'rm -rf "$HOME"' EXIT
ctest --test-dir "$build_dir" --output-on-failure -j"$(nproc)" "$@"
