#!/usr/bin/env bash
# Runs one golden command test: in the case directory, `tthc $(args)`; the exit
# status must equal expected.exit (default 0), stdout must equal expected.stdout
# byte for byte, and stderr expected.stderr when that file exists.
# TTHC_REGEN=1 rewrites the expected files instead (review them before committing).
set -u
tthc=$1
dir=$2
cd "$dir" || exit 2
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
eval "set -- $(cat args)"
env -u NO_COLOR "$tthc" "$@" >"$out" 2>"$err"
rc=$?
if [ "${TTHC_REGEN:-}" = 1 ]; then
  cp "$out" expected.stdout
  if [ "$rc" -ne 0 ]; then echo "$rc" >expected.exit; else rm -f expected.exit; fi
  [ -f expected.stderr ] && cp "$err" expected.stderr
  exit 0
fi
expected_rc=0
[ -f expected.exit ] && expected_rc=$(cat expected.exit)
fail=0
if [ "$rc" != "$expected_rc" ]; then
  echo "exit status $rc, expected $expected_rc"
  fail=1
fi
diff -u expected.stdout "$out" || fail=1
if [ -f expected.stderr ]; then diff -u expected.stderr "$err" || fail=1; fi
if [ "$fail" -ne 0 ]; then
  echo "--- stderr:"
  cat "$err"
fi
exit "$fail"
