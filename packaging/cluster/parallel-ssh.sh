#!/usr/bin/env bash
# A sharded recommendation over a few hosts with GNU parallel and ssh: each shard runs on one of
# the hosts (`headroom` installed there, from the same .deb), its part file comes back here, then
# the merge runs here. SSHLOGIN is parallel's --sshlogin: "host1,host2,4/host3" (":" = this machine).
# Usage: SHARDS=8 SSHLOGIN=host1,host2 parallel-ssh.sh SCENARIO.json [recommend options…]
# Hosts without a shared file system cannot share the cost bar: each shard decides on its own
# candidates (more full runs, the same answer). When they do share one, BAR_DIR=/shared/path (a
# directory every host sees by that path) lets the shards running at the same time share it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
scenario="${1:?usage: parallel-ssh.sh SCENARIO.json [recommend options…]}"
shift
shards="${SHARDS:-8}"
parts="${PARTS_DIR:-parts}"
mkdir -p "$parts"
cd "$(dirname "$scenario")"
name="$(basename "$scenario")"
# The one line: the scenario goes out, part-{}.json comes back; {} is the shard, 0 to SHARDS − 1.
parallel --halt now,fail=1 --sshlogin "${SSHLOGIN:-:}" --transferfile "$name" --return "part-{}.json" \
  "${HEADROOM:-headroom}" recommend "$name" "$@" --shard "{}/$shards" --out "part-{}.json" \
  ${BAR_DIR:+--bar-dir "$BAR_DIR"} ::: $(seq 0 $((shards - 1)))
cd - > /dev/null
for ((i = 0; i < shards; ++i)); do mv "$(dirname "$scenario")/part-$i.json" "$parts/"; done
"$here/merge-parts.sh" "$parts" "${OUT:-recommendation.json}"
