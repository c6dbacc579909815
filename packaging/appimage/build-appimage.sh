#!/usr/bin/env bash
# Builds Headroom-x86_64.AppImage with linuxdeploy and its Qt plugin (untested here; see
# packaging/README.md). Needs linuxdeploy-x86_64.AppImage and linuxdeploy-plugin-qt-x86_64.AppImage
# on PATH (from https://github.com/linuxdeploy) and the build packages of packaging/setup.sh.
# Usage: packaging/appimage/build-appimage.sh [BUILD_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$root/build-appimage}"
appdir="$build/AppDir"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr -DHEADROOM_BUILD_TESTS=OFF
cmake --build "$build"
rm -rf "$appdir"
DESTDIR="$appdir" cmake --install "$build"

# The program finds its catalog at <exe>/../share/headroom, i.e. AppDir/usr/share/headroom, so the
# installed layout works unchanged inside the image. Qt loads the SQLite driver, the platform
# plugins and the SVG icon engine at run time; the Qt plugin of linuxdeploy copies them.
export QMAKE="${QMAKE:-/usr/lib/qt6/bin/qmake}"
export EXTRA_QT_PLUGINS="svg;"
export EXTRA_PLATFORM_PLUGINS="libqoffscreen.so;libqwayland-generic.so"
linuxdeploy-x86_64.AppImage --appdir "$appdir" \
  --desktop-file "$appdir/usr/share/applications/io.github.headroom.Headroom.desktop" \
  --icon-file "$appdir/usr/share/icons/hicolor/scalable/apps/headroom.svg" \
  --plugin qt --output appimage
