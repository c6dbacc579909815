#!/usr/bin/env bash
# Builds the .deb with CPack from BUILD_DIR, extracts it into a temporary root with dpkg-deb and
# runs the installed program from there, with HOME in a temporary folder.
# Usage: test_deb.sh BUILD_DIR VERSION
set -euo pipefail
build="${1:?usage: test_deb.sh BUILD_DIR VERSION}"
version="${2:?usage: test_deb.sh BUILD_DIR VERSION}"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "test_deb: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$tmp/out" >"$tmp/cpack.log" 2>&1 ||
  { cat "$tmp/cpack.log" >&2; fail "cpack failed"; }
deb="$(find "$tmp/out" -maxdepth 1 -name 'headroom_*.deb' | head -n1)"
[[ -n "$deb" ]] || fail "cpack produced no headroom_*.deb in $tmp/out"

# Control fields: name, version, and dependencies on the Qt 6 runtime (from dpkg-shlibdeps)
# plus the plugins Qt loads at run time.
[[ "$(dpkg-deb -f "$deb" Package)" == headroom ]] || fail "package name is not headroom"
[[ "$(dpkg-deb -f "$deb" Version)" == "$version" ]] || fail "package version is not $version"
depends="$(dpkg-deb -f "$deb" Depends)"
for lib in libqt6core6 libqt6gui6 libqt6widgets6 libqt6sql6 libqt6sql6-sqlite libqt6charts6 libc6; do
  grep -Eq "(^|, )$lib( |,|$)" <<<"$depends" || fail "Depends lacks $lib: $depends"
done

root="$tmp/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/headroom \
         usr/share/applications/io.github.headroom.Headroom.desktop \
         usr/share/icons/hicolor/scalable/apps/headroom.svg \
         usr/share/metainfo/io.github.headroom.Headroom.metainfo.xml \
         usr/share/doc/headroom/copyright \
         usr/share/headroom/catalog/instance_types.csv \
         usr/share/headroom/catalog/boot_times.csv; do
  [[ -e "$root/$f" ]] || fail "$f is not in the package"
done
[[ -x "$root/usr/bin/headroom" ]] || fail "usr/bin/headroom is not executable"
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.headroom.Headroom.metainfo.xml" >/dev/null ||
    fail "installed metainfo does not validate"
fi
grep -q '^Exec=headroom' "$root/usr/share/applications/io.github.headroom.Headroom.desktop" ||
  fail "desktop entry does not start headroom"

export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share" XDG_CONFIG_HOME="$tmp/home/.config"
export QT_QPA_PLATFORM=offscreen
unset HEADROOM_DATA_DIR
mkdir -p "$HOME"

out="$("$root/usr/bin/headroom" --version)"
[[ "$out" == "headroom $version" ]] || fail "--version printed '$out', expected 'headroom $version'"

"$root/usr/bin/headroom" catalog --json >"$tmp/catalog.json" || fail "catalog --json failed"
# The catalog printed must be the installed one: every instance type of the packaged
# instance_types.csv, and nothing else.
python3 - "$tmp/catalog.json" "$root/usr/share/headroom/catalog/instance_types.csv" <<'PY' || fail "catalog --json does not match the packaged catalog"
import csv, json, sys
printed = json.load(open(sys.argv[1]))
rows = list(csv.DictReader(open(sys.argv[2], newline="")))
expected = {f"{r['provider']}/{r['instance_type']}": r for r in rows}
got = {t["key"]: t for t in printed["instance_types"]}
if set(got) != set(expected):
    sys.exit(f"keys differ: missing {sorted(set(expected) - set(got))[:5]}, extra {sorted(set(got) - set(expected))[:5]}")
for key, r in expected.items():
    if int(got[key]["vcpu"]) != int(r["vcpu"]) or abs(float(got[key]["price_per_hour"]) - float(r["price_per_hour"])) > 1e-9:
        sys.exit(f"{key}: vcpu/price differ from the packaged CSV")
print(f"catalog --json lists the {len(rows)} packaged instance types")
PY
# The default workspace went to the temporary HOME, never anywhere else.
find "$HOME" -name 'default.headroom' | grep -q . || fail "no default workspace under the temporary HOME"

# A headless report, once the report command is built.
if "$root/usr/bin/headroom" report --help 2>&1 | grep -q 'not built yet'; then
  echo "test_deb: report command not built yet; headless report not checked"
else
  # The shortest packaged example scenario (by simulated duration).
  scenario="$(python3 -c '
import glob, json, sys
found = []
for p in glob.glob(sys.argv[1] + "/*.json"):
    try:
        found.append((float(json.load(open(p)).get("duration_s", 0)), p))
    except ValueError:
        pass
found = [f for f in found if f[0] > 0]
print(min(found)[1] if found else "")' "$root/usr/share/headroom/scenarios")"
  [[ -n "$scenario" ]] || fail "no example scenario in usr/share/headroom/scenarios for the report check"
  timeout 600 "$root/usr/bin/headroom" report "$scenario" -o "$tmp/report.pdf" --replications 1 ||
    fail "report on $(basename "$scenario") failed"
  [[ "$(head -c 5 "$tmp/report.pdf")" == "%PDF-" ]] || fail "report did not write a PDF"
fi
echo "test_deb: $(basename "$deb") installs and runs"
