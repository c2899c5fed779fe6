#!/usr/bin/env bash
# The pictures of docs/: starts the real `flystage` under Xvfb on a project, once per main
# view, and saves the window as the program draws it (flystage --screenshot).
#   scripts/screenshots.sh PROJECT RUN_ID [OUT_DIR]   (default OUT_DIR: docs/images)
# e.g. after `make demo`: scripts/screenshots.sh ../flystage-build/demo/demo.flystage 4
set -euo pipefail
project=${1:?project file}
run=${2:?run id (the two-step run of the demo)}
out=${3:-"$(dirname "$0")/../docs/images"}
gui=${FLYSTAGE_GUI:-"${BUILD_DIR:-$(dirname "$0")/../../flystage-build}/app/gui/flystage"}
mkdir -p "$out"
# A private settings folder: the pictures show the defaults, not this user's layout.
export XDG_CONFIG_HOME
XDG_CONFIG_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT
unset QT_QPA_PLATFORM
for view in browser training runs confusion gems; do
  xvfb-run -a -s "-screen 0 1280x979x24" "$gui" --view "$view" --run "$run" \
    --screenshot "$out/view-$view.png" --screenshot-delay 2500 "$project" 2>/dev/null
  echo "wrote $out/view-$view.png"
done
