#!/usr/bin/env bash
# tthc lint --format sarif, checked by Microsoft's SARIF validator (npm
# @microsoft/sarif-multitool, installed into tests/sarif by scripts/deps): no
# error-level result on a catalog given by an absolute path inside this
# repository, by a relative path, and outside any repository in a folder whose
# name has a space and diacritics; and the locations are the ones code scanning
# places: relative to the repository root (uriBaseId SRCROOT), else a file:// URI.
#   run.sh TTHC PROJECT_ROOT
set -euo pipefail
tthc=$1 root=$2
tool=$root/tests/sarif/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
[ -f "$tool" ] || { echo "FAIL: the SARIF validator is not installed ($tool): run scripts/deps"; exit 1; }
[ -x "$tool" ] || chmod u+x "$tool"  # its npm postinstall does only this, and npm no longer runs it unasked
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# validate NAME: the validator's findings on $work/NAME.sarif of level error, as "ruleId: message" lines
validate() {
  DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 \
    "$tool" validate "$work/$1.sarif" -o "$work/$1.out" --log ForceOverwrite >/dev/null 2>&1 || true
  [ -s "$work/$1.out" ] || { fail "$1: the validator wrote no report"; return; }
  python3 - "$work/$1.out" <<'PY'
import json, sys
log = json.load(open(sys.argv[1], encoding="utf-8-sig"))
for run in log["runs"]:
    for r in run.get("results", []):
        if r.get("level", "warning") == "error":
            print(r["ruleId"] + ": " + r["message"].get("text", str(r["message"].get("arguments"))))
PY
}

# lint NAME PATH... (from the current directory)
lint() {
  local name=$1
  shift
  "$tthc" lint --no-cache --today 2026-11-27 --format sarif "$@" >"$work/$name.sarif" 2>/dev/null || true
  local errors
  errors=$(validate "$name")
  [ -z "$errors" ] || fail "$name: the SARIF validator reports errors: $(echo "$errors" | sort | uniq -c | head -5)"
}

(cd "$root" && lint absolute "$root/catalogs/bo-tu-phap")
grep -q '"uri": "catalogs/bo-tu-phap/procedures/ho-tich/1.001193.toml", "uriBaseId": "SRCROOT"' "$work/absolute.sarif" ||
  fail "absolute: locations are not relative to the repository root"
(cd "$root/catalogs" && lint relative bo-tu-phap)
cmp -s "$work/absolute.sarif" "$work/relative.sarif" || fail "the same catalog named two ways gives other SARIF"

outside="$work/hà nội"
cp -r "$root/catalogs/ha-noi" "$outside"
printf 'name = \n' >>"$outside/procedures/ho-tich/1.000656.toml"
lint outside "$outside"
grep -q '"uri": "file://[^"]*/h%C3%A0%20n%E1%BB%99i/procedures/ho-tich/1.000656.toml"}' "$work/outside.sarif" ||
  fail "outside a repository: an absolute path is not a file:// URI"
(cd "$work" && lint outside-relative "hà nội")
grep -q '"uri": "h%C3%A0%20n%E1%BB%99i/procedures/ho-tich/1.000656.toml"}' "$work/outside-relative.sarif" ||
  fail "outside a repository: a relative path is not a relative URI reference"

((failures == 0)) || exit 1
echo "SARIF validator: no error on catalogs/bo-tu-phap (absolute and relative) nor outside a repository"
