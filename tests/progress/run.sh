#!/usr/bin/env bash
# The progress line (tools/progress.hpp, tthc(1) "Progress"). lint and export
# run under script(1), which gives them a pseudo-terminal (standard output goes
# to a file); TTHC_PROGRESS_DELAY=0 shows the line at once. What the terminal
# got is compared: "\rlint: N / TOTAL files" updates, N rising to at most
# TOTAL, then the line overwritten with spaces, then the summary. Nothing of
# it with -q, with TTHC_PROGRESS=0, before the default delay of 2 s, or when
# standard error is a pipe.
#   run.sh TTHC PROJECT_ROOT
set -uo pipefail
tthc=$1 root=$2
# the English messages, whatever the machine's language (a Vietnamese case follows at the end)
export LC_ALL=C.UTF-8 LANGUAGE=
command -v script >/dev/null || { echo "FAIL: script(1) (util-linux) is not installed"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# a catalog of five parts of procedure files (a part is 256): ha-noi and 1,000 copies of one procedure
big=$work/catalog-big
cp -r "$root/catalogs/ha-noi" "$big"
for i in $(seq 100000 100999); do
  sed "s/^code = \"2.000815\"/code = \"2.$i\"/" "$root/catalogs/ha-noi/procedures/chung-thuc/2.000815.toml" \
    >"$big/procedures/chung-thuc/2.$i.toml"
done

# on_tty NAME COMMAND...: COMMAND with standard error on a pseudo-terminal; what it showed goes to $work/NAME
on_tty() {
  local name=$1 cmd
  shift
  printf -v cmd '%q ' "$@"
  script -qec "$cmd >$work/$name.stdout" /dev/null </dev/null >"$work/$name" 2>&1
}

# check NAME WHAT TOTAL: the progress lines of WHAT, their clearing, then the summary
check() {
  python3 - "$work/$1" "$2" "$3" <<'PY'
import re, sys
shown = open(sys.argv[1], "rb").read().decode()
what, total = sys.argv[2], int(sys.argv[3])
m = re.match(rf"((?:\r{what}: [\d,]+ / [\d,]+ files *)+)\r( +)\r(tthc: {what}: [^\r\n]*)\r\n$", shown)
if not m:
    sys.exit(f"FAIL: {what}: the terminal got {shown!r}")
updates = [u for u in m.group(1).split("\r") if u]
counts = []
for u in updates:
    done, of = re.match(rf"{what}: ([\d,]+) / ([\d,]+) files", u).groups()
    if of != f"{total:,}" or done != f"{int(done.replace(',', '')):,}":
        sys.exit(f"FAIL: {what}: update {u!r}, expected N / {total:,} files with thousands separators")
    counts.append(int(done.replace(",", "")))
if counts != sorted(counts) or counts[-1] > total or len(updates) > len(set(counts)):
    sys.exit(f"FAIL: {what}: counts {counts}")
if len(m.group(2)) != len(updates[-1].rstrip()):
    sys.exit(f"FAIL: {what}: cleared {len(m.group(2))} columns, the line had {len(updates[-1].rstrip())}")
print(f"ok: {what} on a terminal: {[u.rstrip() for u in updates]}, cleared, then {m.group(3)!r}")
PY
}

on_tty lint env TTHC_PROGRESS_DELAY=0 "$tthc" lint --no-cache "$root/catalogs/ha-noi"
check lint lint 36 || fail "lint of ha-noi"
grep -q ' in 36 files ' "$work/lint" || fail "the summary of ha-noi does not count 36 files"
on_tty big env TTHC_PROGRESS_DELAY=0 "$tthc" lint --no-cache "$big"
check big lint 1036 || fail "lint of a catalog of five parts"
grep -q ' in 1036 files ' "$work/big" || fail "the summary of the big catalog does not count 1036 files"
on_tty export env TTHC_PROGRESS_DELAY=0 "$tthc" export "$root/catalogs/ha-noi" --out "$work/pkg" --date 2026-11-27
check export export 36 || fail "export of ha-noi"

# no line: what the terminal got is the summary alone (or nothing with -q)
none() {
  local name=$1 want=$2 got
  got=$(cat "$work/$name")
  if [ "$got" = "$want" ]; then
    echo "ok: no progress line ($name): '$(tr '\r\n' '|' <<<"$got")'"
  else
    fail "$name: the terminal got '$(tr '\r\n' '|' <"$work/$name")', expected '$(tr '\r\n' '|' <<<"$want")'"
  fi
}
summary=$(grep -o 'tthc: lint: .*' "$work/big")
on_tty quiet env TTHC_PROGRESS_DELAY=0 "$tthc" lint -q --no-cache "$big"
none quiet ""
on_tty off env TTHC_PROGRESS_DELAY=0 TTHC_PROGRESS=0 "$tthc" lint --no-cache "$big"
none off "$summary"
on_tty delay env -u TTHC_PROGRESS_DELAY "$tthc" lint --no-cache "$root/catalogs/ha-noi"  # well under 2 s
none delay "$(grep -o 'tthc: lint: .*' "$work/lint")"

# a pipe: standard error is not a terminal
env TTHC_PROGRESS_DELAY=0 "$tthc" lint --no-cache "$big" 2>&1 >/dev/null | cat >"$work/pipe"
if [ "$(cat "$work/pipe")" = "$(tr -d '\r' <<<"$summary")" ]; then
  echo "ok: no progress line in a pipe: '$(cat "$work/pipe")'"
else
  fail "in a pipe, standard error got '$(tr '\r' '|' <"$work/pipe")'"
fi
# in Vietnamese: "lint: 1.036 / 1.036 tập tin", digits grouped with "." (the translated separator)
on_tty vi env LANGUAGE=vi TTHC_PROGRESS_DELAY=0 "$tthc" lint --no-cache "$big"
python3 - "$work/vi" <<'PY' || fail "the Vietnamese progress line"
import re, sys
shown = open(sys.argv[1], "rb").read().decode()
m = re.match(r"((?:\rlint: [\d.]+ / 1\.036 tập tin *)+)\r( +)\r(tthc: lint: [^\r\n]*)\r\n$", shown)
if not m:
    sys.exit(f"FAIL: vi: the terminal got {shown!r}")
last = [u for u in m.group(1).split("\r") if u][-1].rstrip()
if len(m.group(2)) != len(last):
    sys.exit(f"FAIL: vi: cleared {len(m.group(2))} columns, the line had {len(last)} characters")
print(f"ok: lint in Vietnamese on a terminal: {last!r}, cleared, then {m.group(3)!r}")
PY
[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
