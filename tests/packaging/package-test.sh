#!/usr/bin/env bash
# Builds the .deb with cpack and checks it as a user would get it: its files, its control
# fields and dependencies (against this machine's packages), lintian's opinion (reported, not
# enforced), then installs it with dpkg into an empty root and runs the installed programs.
#
#   tests/packaging/package-test.sh BUILD_DIR SOURCE_DIR
#
# Run by ctest when configured with -DFLYSTAGE_PACKAGE_TESTS=ON, and by `make package-test`.
# BUILD_DIR must be built (cpack installs what the build made). Nothing is written to it:
# the package and everything else go to a temporary folder.
set -uo pipefail

build=$(cd "${1:?usage: package-test.sh BUILD_DIR SOURCE_DIR}" && pwd)
source=$(cd "${2:?usage: package-test.sh BUILD_DIR SOURCE_DIR}" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/flystage-package-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
check() {  # check "what" command...: passes when the command succeeds
  local what=$1; shift
  if "$@"; then pass; else fail "$what"; fi
}
step() { echo "== $*"; }

for tool in cpack dpkg dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "package-test: $tool is missing (dpkg-dev, cmake)" >&2; exit 1; }
done

# --- the package ------------------------------------------------------------------------
step "cpack"
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
arch=$(dpkg --print-architecture)
deb="$tmp/out/flystage_${version}_${arch}.deb"
# Debian wants directories 0755 and files 0644/0755 whatever the builder's umask.
umask 022
start=$SECONDS
if ! (cd "$build" && cpack -G DEB -B "$tmp/out" >"$tmp/cpack.log" 2>&1) || [ ! -f "$deb" ]; then
  cat "$tmp/cpack.log" >&2
  echo "package-test: cpack did not make $deb" >&2
  exit 1
fi
echo "$(basename "$deb"): $(du -h "$deb" | cut -f1), cpack took $((SECONDS - start)) s"

# --- its files --------------------------------------------------------------------------
step "contents (dpkg-deb -c)"
dpkg-deb -c "$deb" >"$tmp/contents"
expected=(
  ./usr/bin/flystage
  ./usr/bin/flystage-cli
  ./usr/share/applications/io.github.flystage.FlyStage.desktop
  ./usr/share/metainfo/io.github.flystage.FlyStage.metainfo.xml
  ./usr/share/mime/packages/flystage.xml
  ./usr/share/icons/hicolor/scalable/apps/flystage.svg
  ./usr/share/man/man1/flystage.1.gz
  ./usr/share/man/man1/flystage-cli.1.gz
  ./usr/share/doc/flystage/copyright
  ./usr/share/doc/flystage/changelog.gz
)
icon_sizes=(16 22 24 32 48 64 128 256)
for size in "${icon_sizes[@]}"; do
  expected+=("./usr/share/icons/hicolor/${size}x${size}/apps/flystage.png")
done
# Every translation of the sources, compiled.
for ts in "$source"/translations/flystage_*.ts; do
  expected+=("./usr/share/flystage/translations/$(basename "${ts%.ts}").qm")
done
for path in "${expected[@]}"; do
  check "the package lacks $path" grep -q " $path\$" "$tmp/contents"
done
check "files not owned by root/root: $(awk '$2 != "root/root"' "$tmp/contents" | head -3)" \
  test -z "$(awk '$2 != "root/root"' "$tmp/contents")"
check "directories not drwxr-xr-x: $(awk '/^d/ && $1 != "drwxr-xr-x"' "$tmp/contents" | head -3)" \
  test -z "$(awk '/^d/ && $1 != "drwxr-xr-x"' "$tmp/contents")"
check "files not -rw-r--r-- (or -rwxr-xr-x in usr/bin)" test -z "$(awk \
  '/^-/ && !($1 == "-rw-r--r--" || ($1 == "-rwxr-xr-x" && $6 ~ /^\.\/usr\/bin\//))' \
  "$tmp/contents")"

# --- its control fields -----------------------------------------------------------------
step "control (dpkg-deb -I)"
dpkg-deb -I "$deb" | sed -n '/^ [A-Z][A-Za-z-]*:/,$p'
field() { dpkg-deb -f "$deb" "$1"; }
check "Package is $(field Package), not flystage" test "$(field Package)" = flystage
check "Version is $(field Version), not CMake's $version" test "$(field Version)" = "$version"
check "Architecture is $(field Architecture), not $arch" test "$(field Architecture)" = "$arch"
check "no Section science" test "$(field Section)" = science
check "no extended Description" test "$(field Description | wc -l)" -gt 3
depends=$(field Depends)
# What the programs need, by the Debian package names of Qt 6, LibTorch, OpenCV, QCustomPlot
# (Qt 6 build), SQLite and OpenBLAS.
for pattern in 'libqt6core6' 'libqt6gui6' 'libqt6widgets6' 'libqt6svg6' 'libtorch[0-9.]+' \
    'libopencv-core[0-9]+' 'libopencv-imgproc[0-9]+' 'libopencv-imgcodecs[0-9]+' \
    'libqcustomplot[0-9.]*-qt6' 'libsqlite3-0' 'libopenblas0(-[a-z]+)?'; do
  check "Depends names no $pattern package: $depends" \
    grep -Eq "(^|[ ,|])$pattern( |,|\$)" <<<"$depends"
done
check "no Recommends fonts-dejavu-core" grep -q fonts-dejavu-core <<<"$(field Recommends)"

# Every dependency as apt would resolve it: each clause has an alternative installed here at
# a version that satisfies it (this machine has what the build linked against).
satisfied() {  # satisfied "name (>= 1.2)"
  local name op want have clause
  clause=${1//[()]/}
  read -r name op want <<<"$clause"
  name=${name%%:*}
  have=$(dpkg-query -W -f='${db:Status-Abbrev}${Version}\n' "$name" 2>/dev/null \
    | sed -n 's/^ii *//p' | head -1)
  if [ -z "$have" ]; then  # a virtual package some installed package provides
    dpkg-query -W -f='${Provides}\n' 2>/dev/null | tr ',' '\n' | sed 's/(.*//; s/ //g' \
      | grep -qx "$name"
    return
  fi
  [ -z "$op" ] || dpkg --compare-versions "$have" "$op" "$want"
}
while IFS= read -r clause; do
  ok=false
  IFS='|' read -ra alternatives <<<"$clause"
  for alternative in "${alternatives[@]}"; do
    satisfied "$(xargs <<<"$alternative")" && { ok=true; break; }
  done
  check "dependency not satisfiable here: $clause" $ok
done < <(tr ',' '\n' <<<"$depends" | sed 's/^ *//; /^$/d')

# --- lintian: Debian's checker, for information ---------------------------------------
if command -v lintian >/dev/null; then
  step "lintian (reported, not enforced)"
  lintian --tag-display-limit 0 --display-info "$deb" 2>&1 \
    | grep -v 'running with root privileges' >"$tmp/lintian"
  sed 's/^/  /' "$tmp/lintian"
  echo "lintian: $(grep -c '^E:' "$tmp/lintian") errors, $(grep -c '^W:' "$tmp/lintian")" \
    "warnings, $(grep -c '^I:' "$tmp/lintian") notes"
else
  step "lintian not installed: skipped (apt-get install lintian)"
fi

# --- installed into an empty root -------------------------------------------------------
# dpkg --root with an empty database: proves dpkg accepts the package and unpacks it as it
# would on a user's machine (the package has no maintainer scripts; dependencies are forced
# because the root is empty, and checked above against this machine instead).
step "dpkg --root (a clean root)"
root="$tmp/root"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/triggers"
touch "$root/var/lib/dpkg/status"
force="--force-depends"
[ "$(id -u)" -eq 0 ] || force="$force,not-root"
if dpkg --root="$root" --log=/dev/null "$force" -i "$deb" >"$tmp/dpkg.log" 2>&1; then
  pass
else
  cat "$tmp/dpkg.log" >&2
  fail "dpkg --root -i did not install the package"
fi
check "dpkg --root -s: not installed" grep -q '^Status: install ok installed' \
  <(dpkg --root="$root" -s flystage 2>/dev/null)
check "installed files differ from the package (dpkg --verify)" \
  dpkg --root="$root" --verify flystage
cli="$root/usr/bin/flystage-cli"
gui="$root/usr/bin/flystage"

step "the installed programs"
for binary in "$cli" "$gui"; do
  check "$binary has unresolved libraries: $(ldd "$binary" 2>&1 | grep 'not found')" \
    test -z "$(ldd "$binary" 2>&1 | grep 'not found')"
  check "$binary still carries debug information (CPACK_STRIP_FILES)" \
    test -z "$(readelf -S "$binary" 2>/dev/null | grep -E '\.debug_(info|line)')"
done
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 OMP_WAIT_POLICY=PASSIVE
export XDG_CONFIG_HOME="$tmp/config" XDG_RUNTIME_DIR="$tmp/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
# --version: "flystage-cli VERSION" alone on the first line (help2man reads it), then the
# libraries and the device.
"$cli" --version >"$tmp/cli-version" 2>&1
check "flystage-cli --version does not begin \"flystage-cli $version\": $(cat "$tmp/cli-version")" \
  test "$(head -1 "$tmp/cli-version")" = "flystage-cli $version"
check "flystage-cli --version names no device: $(cat "$tmp/cli-version")" \
  grep -q '^Device: .*LibTorch' "$tmp/cli-version"
if "$cli" demo --scale 0.002 --min-per-stage 3 --skip-training --quiet --out "$tmp/demo" \
    >"$tmp/demo.log" 2>&1; then
  pass
  grep '^demo project' "$tmp/demo.log"
else
  cat "$tmp/demo.log" >&2
  fail "the installed flystage-cli demo failed"
fi
# The demo's project: 14 fine stages x 3 images at least, all imported and split.
"$cli" info "$tmp/demo/demo.flystage" --json >"$tmp/info.json" 2>&1
with_stage=$(grep -o '"with_stage": *[0-9]*' "$tmp/info.json" | grep -o '[0-9]*$')
check "the demo project has ${with_stage:-no} stage-labelled images, not >= 42: $(head -c 300 "$tmp/info.json")" \
  test "${with_stage:-0}" -ge 42
check "flystage --version is not \"FlyStage $version\"" \
  test "$("$gui" --version 2>/dev/null)" = "FlyStage $version"
"$gui" --help >"$tmp/gui-help" 2>/dev/null
check "flystage --help: $(head -3 "$tmp/gui-help")" grep -q -- '--screenshot' "$tmp/gui-help"
# The installed desktop application opens the demo project and draws its window.
if timeout 120 "$gui" --screenshot "$tmp/window.png" --screenshot-delay 500 \
    "$tmp/demo/demo.flystage" >"$tmp/gui.log" 2>&1 && [ -s "$tmp/window.png" ]; then
  pass
else
  cat "$tmp/gui.log" >&2
  fail "the installed flystage did not open the demo project and save a screenshot"
fi

# --- what the files say -----------------------------------------------------------------
step "desktop entry, AppStream, icons, man pages"
share="$root/usr/share"
if command -v desktop-file-validate >/dev/null; then
  check "desktop-file-validate: $(desktop-file-validate "$share/applications/"*.desktop 2>&1)" \
    desktop-file-validate "$share/applications/io.github.flystage.FlyStage.desktop"
fi
if command -v appstreamcli >/dev/null; then
  # validate-tree: the metainfo, and that its desktop entry and icon are installed with it.
  appstreamcli validate-tree --no-net "$root" >"$tmp/appstream" 2>&1
  check "appstreamcli validate-tree: $(cat "$tmp/appstream")" grep -q 'successful' "$tmp/appstream"
fi
metainfo="$share/metainfo/io.github.flystage.FlyStage.metainfo.xml"
newest=$(grep -o '<release version="[^"]*"' "$metainfo" | head -1 | cut -d'"' -f2)
check "the metainfo's newest release is ${newest:-none}, not $version" test "$newest" = "$version"
for size in "${icon_sizes[@]}"; do
  png="$share/icons/hicolor/${size}x${size}/apps/flystage.png"
  # PNG: 8-byte signature, IHDR length and type, then width and height (big-endian).
  read -r w h <<<"$(od -An -tu4 --endian=big -j16 -N8 "$png" 2>/dev/null)"
  check "$png is ${w:-?}x${h:-?}, not ${size}x${size}" test "${w:-0}x${h:-0}" = "${size}x${size}"
done
page="$share/man/man1/flystage-cli.1.gz"
zcat "$page" >"$tmp/cli.1"
subcommands=$("$cli" --help | awk '/^Subcommands:/ {on = 1; next} on && /^  [a-z]/ {print $1}')
check "flystage-cli --help lists no subcommands" test -n "$subcommands"
for sub in $subcommands; do
  check "the man page has no SUBCOMMANDS entry for $sub" grep -qx ".SS \"$sub\"" "$tmp/cli.1"
done
check "the man page does not read $version" grep -q "flystage-cli $version" "$tmp/cli.1"
check "the flystage man page has no --screenshot" \
  grep -q 'screenshot' <(zcat "$share/man/man1/flystage.1.gz")
if command -v man >/dev/null; then
  # As lintian does: groff's warnings when rendering.
  for p in "$page" "$share/man/man1/flystage.1.gz"; do
    warnings=$(MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$p" 2>&1 >/dev/null)
    check "groff warns on $(basename "$p"): $warnings" test -z "$warnings"
  done
fi

echo "package-test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
