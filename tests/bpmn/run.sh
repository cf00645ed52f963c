#!/usr/bin/env bash
# CTest driver: writes the BPMN files of the test catalogs with `tthc process
# --bpmn` and reads every one with bpmn-moddle (check.mjs). Installs
# bpmn-moddle into tests/bpmn/node_modules on first use; exits 77 (skipped,
# with the reason) when node or npm is missing or the install fails.
set -u
tthc=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
skip() { echo "SKIPPED: $*"; exit 77; }
command -v node >/dev/null || skip "node is not installed (apt-get install nodejs npm)"
if [ ! -f "$here/node_modules/bpmn-moddle/package.json" ]; then
  command -v npm >/dev/null || skip "npm is not installed (apt-get install npm)"
  echo "installing bpmn-moddle into $here/node_modules"
  (cd "$here" && { npm ci --no-audit --no-fund || npm install --no-audit --no-fund; }) >&2 ||
    skip "could not install bpmn-moddle with npm (offline?)"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$tthc" process -q --date 2026-11-27 -o "$work/ha-noi.md" --bpmn "$work/ha-noi" "$root/catalogs/ha-noi" || exit 1
"$tthc" process -q --date 2026-11-27 -o "$work/ten-days.md" --bpmn "$work/ten-days" \
  "$root/fixtures/process/ten-days.toml" 1.003915 2.001395 2.000779 || exit 1
node "$here/check.mjs" "$work"/ha-noi/*.bpmn "$work"/ten-days/*.bpmn
