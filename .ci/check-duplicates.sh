#!/usr/bin/env bash
# Fails when the code holds a block of six or more lines repeated elsewhere that is not in
# .ci/jscpd-baseline.json (the repeats main already had, each a known place to clean up).
# jscpd is pinned (5.3.2: 5.4.1 installs but its Linux build is not served) and installed
# from the npm registry into a cache folder outside the clone.
#   .ci/check-duplicates.sh            check (CI)
#   .ci/check-duplicates.sh --update   rewrite the baseline after removing repeats
set -euo pipefail
cd "$(dirname "$0")/.."
tools="${FLYSTAGE_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/flystage-tools}"
jscpd="$tools/node_modules/.bin/jscpd"
if [ ! -x "$jscpd" ]; then
  if ! command -v npm >/dev/null; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends npm >/dev/null
  fi
  mkdir -p "$tools"
  npm install --prefix "$tools" --save-exact --no-audit --no-fund --silent jscpd@5.3.2
fi
if [ "${1:-}" = --update ]; then
  "$jscpd" --config .jscpd.json --reporters silent --baseline .ci/jscpd-baseline.json --update-baseline
  exit 0
fi
if ! "$jscpd" --config .jscpd.json --reporters console --baseline .ci/jscpd-baseline.json \
    --fail-on-new-clones >/tmp/flystage-duplicates.log 2>&1; then
  echo "CI: new repeated code (jscpd, .jscpd.json); make one function of it:" >&2
  grep -v '^\s*$' /tmp/flystage-duplicates.log | tail -40 >&2
  exit 1
fi
