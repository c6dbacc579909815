#!/usr/bin/env bash
# README command 1: install what is missing, build, and start Headroom on the default workspace
# (created on first start with the shipped catalog and the sample measurements in data/sample/).
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/setup.sh headroom
exec "${HEADROOM_BUILD_DIR:-build-release}/app/headroom" "$@"
