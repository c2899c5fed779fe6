#!/usr/bin/env bash
# Runs the libFuzzer targets of fuzz/ (issue 7): the labels CSV parser, the BDGP dump parser,
# image decoding + standardization, and opening a project file (read-only and migrating).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET (60)] [BUILD_DIR (../flystage-fuzz-build)]
#   TARGETS="fuzz_image fuzz_project" scripts/fuzz.sh 300     # only some targets
#
# Configures BUILD_DIR as a clang build with -DFLYSTAGE_FUZZ=ON (ASan + UBSan) when it is not
# one yet and builds the targets. Each target starts from a copy of its seed corpus
# fuzz/corpus/<target>/ (plus tests/fuzz/regressions/<target>/), so the repository is never
# written. Findings (crash-*, leak-*, timeout-*, oom-*) are kept in BUILD_DIR/fuzz-findings/
# <target>/; add each to tests/fuzz/regressions/<target>/ once the bug is fixed.
# Exit status: 0 when no target found anything, 1 otherwise, 2 on a usage or build error.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECS="${1:-60}"
BUILD_DIR="$(realpath -m "${2:-$ROOT/../flystage-fuzz-build}")"
JOBS="${JOBS:-$(nproc)}"
TARGETS="${TARGETS:-fuzz_labels_csv fuzz_bdgp_dump fuzz_image fuzz_project}"
if ! [[ "$SECS" =~ ^[0-9]+$ ]] || [ "$SECS" -lt 1 ]; then
  echo "usage: $0 [SECONDS_PER_TARGET] [BUILD_DIR]" >&2
  exit 2
fi

# Largest input per target: CSVs stay small; images and projects need room (seeds < 32 KB).
max_len() {
  case "$1" in
    fuzz_labels_csv | fuzz_bdgp_dump) echo 4096 ;;
    fuzz_image) echo 65536 ;;
    fuzz_project) echo 65536 ;;
    *) echo 4096 ;;
  esac
}

if [ -f "$BUILD_DIR/CMakeCache.txt" ] && ! grep -q '^FLYSTAGE_FUZZ:BOOL=ON' "$BUILD_DIR/CMakeCache.txt"; then
  echo "$BUILD_DIR is not a fuzz build (FLYSTAGE_FUZZ is not ON); give another folder" >&2
  exit 2
fi
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  command -v clang++ >/dev/null || { echo "clang++ not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
  CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DFLYSTAGE_FUZZ=ON -DFLYSTAGE_BUILD_GUI=OFF -DFLYSTAGE_BUILD_TESTS=OFF >/dev/null || exit 2
fi
# shellcheck disable=SC2086
cmake --build "$BUILD_DIR" -j "$JOBS" --target $TARGETS || exit 2

# Working corpora and the targets' scratch files live in memory when /dev/shm is there.
base=/dev/shm
[ -d "$base" ] && [ -w "$base" ] || base="${TMPDIR:-/tmp}"
work="$(mktemp -d "$base/flystage-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT
findings="$BUILD_DIR/fuzz-findings"
mkdir -p "$findings"

# -fno-sanitize-recover makes every UBSan report fatal; these make ASan's fatal too.
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

status=0
rows=()
for t in $TARGETS; do
  name="${t#fuzz_}"
  seeds="$ROOT/fuzz/corpus/$name"
  [ -d "$seeds" ] || { echo "no seed corpus $seeds" >&2; exit 2; }
  corpus="$work/corpus/$name"
  mkdir -p "$corpus" "$work/tmp/$name" "$findings/$name"
  cp -r "$seeds/." "$corpus/"
  extra=()
  [ -d "$ROOT/tests/fuzz/regressions/$name" ] && extra+=("$ROOT/tests/fuzz/regressions/$name")
  stamp="$work/stamp-$name"
  touch "$stamp"
  log="$findings/$name/last-run.log"
  echo "== $t: ${SECS} s (log: $log)"
  start=$(date +%s.%N)
  rc=0
  TMPDIR="$work/tmp/$name" "$BUILD_DIR/fuzz/$t" "$corpus" "${extra[@]}" \
    -max_total_time="$SECS" -timeout=10 -rss_limit_mb=4096 -max_len="$(max_len "$t")" \
    -artifact_prefix="$findings/$name/" -print_final_stats=1 >"$log" 2>&1 || rc=$?
  end=$(date +%s.%N)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  execs="${execs:-0}"
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
  rate=$(awk -v n="$execs" -v s="$secs" 'BEGIN { printf "%.0f", (s > 0) ? n / s : 0 }')
  files=$(find "$corpus" -type f | wc -l)
  bytes=$(du -sb "$corpus" | cut -f1)
  found=$(find "$findings/$name" -type f -newer "$stamp" \
    \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ]; then
    status=1
    [ "$found" -eq 0 ] && found="1 (exit $rc, no input saved)"
    grep -m3 -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" | sed 's/^/   /' || true
  fi
  rows+=("$(printf '%-16s %10s %8s %8s %7s files %9s B  %s' "$t" "$execs" "$secs" "$rate" "$files" "$bytes" "$found")")
done

echo
printf '%-16s %10s %8s %8s %13s %11s  %s\n' target executions seconds exec/s corpus "" findings
printf '%s\n' "${rows[@]}"
if [ "$status" -ne 0 ]; then
  echo "FINDINGS: inputs kept in $findings/<target>/ (replay: $BUILD_DIR/fuzz/fuzz_<target> FILE)"
fi
exit "$status"
