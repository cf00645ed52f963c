#!/usr/bin/env bash
# The progress line (tools/progress.hpp, tthc(1) "Progress"): lint and export
# run under script(1), which gives them a pseudo-terminal for standard error;
# TTHC_PROGRESS_DELAY=0 shows the line at once. What they write there is
# compared byte for byte: the line, its clearing, then the summary. Nothing of
# it with -q, with TTHC_PROGRESS=0, in a pipe, or before the default delay.
#   run.sh TTHC PROJECT_ROOT
set -uo pipefail
tthc=$1 root=$2
command -v script >/dev/null || { echo "FAIL: script(1) (util-linux) is not installed"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
catalog=$root/catalogs/ha-noi

# on_tty NAME COMMAND...: runs COMMAND with standard error on a pseudo-terminal
# (standard output to a file); what the terminal showed goes to $work/NAME
on_tty() {
  local name=$1
  shift
  local cmd
  printf -v cmd '%q ' "$@"
  script -qec "$cmd >$work/$name.stdout" /dev/null </dev/null >"$work/$name" 2>&1
}

# check NAME WHAT: the terminal showed "\rWHAT: N / N files", spaces over it, then
# the summary line, where N is the number of files the summary gives
check() {
  python3 - "$work/$1" "$2" <<'PY'
import re, sys
shown = open(sys.argv[1], "rb").read().decode()
what = sys.argv[2]
m = re.search(r"in (\d+) files", shown) or re.search(r"(\d+) files\)?$", shown.strip())
files = re.search(r"(\d+) files \(", shown) or re.search(r"in (\d+) files", shown)
n = int(re.search(rf"^\r{what}: ([\d,]+) / ", shown).group(1).replace(",", "")) if shown.startswith("\r") else None
if n is None:
    sys.exit(f"no progress line: {shown!r}")
line = f"{what}: {n:,} / {n:,} files"
want = "\r" + line + "\r" + " " * len(line) + "\r"
if not shown.startswith(want):
    sys.exit(f"shown {shown!r}, expected it to start with {want!r}")
rest = shown[len(want):]
if not rest.startswith(f"tthc: {what}: ") or "\r" in rest.rstrip("\r\n").replace("\r\n", "\n"):
    sys.exit(f"after the progress line: {rest!r}")
print(f"ok: {what} on a terminal showed {line!r}, cleared it, then {rest.strip()!r}")
PY
}

on_tty lint env TTHC_PROGRESS_DELAY=0 "$tthc" lint "$catalog"
check lint lint || fail "lint on a terminal"
# the number is every file of the catalog, which the summary counts too
n=$(grep -oE '^.lint: [0-9,]+' "$work/lint" | grep -oE '[0-9,]+$' | tr -d ,)
grep -q "in $n files" "$work/lint" || fail "lint: progress said $n files, the summary: $(tr '\r' '|' <"$work/lint")"

on_tty export env TTHC_PROGRESS_DELAY=0 "$tthc" export "$catalog" --out "$work/pkg" --date 2026-11-27
check export export || fail "export on a terminal"

for case in quiet off delay; do
  case $case in
    quiet) on_tty $case env TTHC_PROGRESS_DELAY=0 "$tthc" lint -q "$catalog" ;;
    off) on_tty $case env TTHC_PROGRESS_DELAY=0 TTHC_PROGRESS=0 "$tthc" lint "$catalog" ;;
    delay) on_tty $case env -u TTHC_PROGRESS_DELAY "$tthc" lint "$catalog" ;;  # done in well under 2 s
  esac
  shown=$(tr -d '\n' <"$work/$case" | sed 's/\r$//')
  case $case in
    quiet) want="" ;;
    *) want=$(grep -v progress /dev/null; tr -d '\n' <"$work/$case" | grep -o 'tthc: lint: .*' | sed 's/\r$//') ;;
  esac
  if [ "$shown" = "$want" ] && ! grep -q 'lint: [0-9]' <<<"${shown#tthc: lint: }"; then
    echo "ok: no progress line ($case): '$(tr '\r' '|' <<<"$shown")'"
  else
    fail "$case: the terminal showed '$(tr '\r' '|' <"$work/$case")'"
  fi
done

# a pipe: standard error is not a terminal
env TTHC_PROGRESS_DELAY=0 "$tthc" lint "$catalog" 2>"$work/pipe" | cat >/dev/null
if grep -q $'\r' "$work/pipe" || [ "$(cat "$work/pipe")" != "$(grep -o 'tthc: lint: .*' "$work/lint" | tr -d '\r')" ]; then
  fail "in a pipe, standard error got '$(tr '\r' '|' <"$work/pipe")'"
else
  echo "ok: no progress line in a pipe: '$(cat "$work/pipe")'"
fi
[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
