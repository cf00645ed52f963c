#!/usr/bin/env bash
# Runs one golden command test on a scratch copy of the case directory (so a
# command that changes files never changes the fixture): `tthc $(args)`; the
# exit status must equal expected.exit (default 0) and stdout expected.stdout
# byte for byte, stderr expected.stderr when that file exists. When the case
# has an `after` script, its stdout (run in the copy after the command: the
# files the command wrote or moved) is appended to the command's stdout.
# A `copy` file lists paths of the project (one a line, e.g. catalogs/ha-noi)
# copied into the scratch directory first; `after` scripts find the project
# root in $TTHC_ROOT. An `env` file sets variables (VAR=value a line); a
# `setup` script makes inputs before the command runs.
# TTHC_REGEN=1 rewrites the expected files instead (review them before committing).
set -u
tthc=$1
case_dir=$2
work=$(mktemp -d)
cache=$work-cache  # the lint cache of this run only, outside the files an `after` script lists
trap 'rm -rf "$work" "$cache"' EXIT
export TTHC_ROOT TTHC
TTHC=$tthc
TTHC_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cp -r "$case_dir"/. "$work"/
if [ -f "$case_dir"/copy ]; then
  while read -r path; do [ -n "$path" ] && cp -r "$TTHC_ROOT/$path" "$work"/; done <"$case_dir"/copy
fi
cd "$work" || exit 2
# `setup` (optional) prepares inputs too large to keep as files (run in the copy)
if [ -f setup ]; then bash ./setup || { echo "setup failed"; exit 2; }; fi
out=$work/.stdout err=$work/.stderr
eval "set -- $(cat args)"
# `env` (optional) holds VAR=value lines for the command's environment
extra_env=()
if [ -f env ]; then mapfile -t extra_env <env; fi
# Messages in English (the C locale) unless the case's env says TTHC_LANG=vi:
# then LC_ALL=vi_VN.UTF-8 when the machine has that locale (scripts/deps
# generates it), else LANGUAGE=vi under C.UTF-8, with the build tree's catalog.
lang_env=(LC_ALL=C.UTF-8 LANGUAGE=)
for e in "${extra_env[@]}"; do
  if [ "$e" = TTHC_LANG=vi ]; then
    if locale -a 2>/dev/null | grep -qix 'vi_VN\.utf-\?8'; then lang_env=(LC_ALL=vi_VN.UTF-8 LANGUAGE=)
    else lang_env=(LC_ALL=C.UTF-8 LANGUAGE=vi); fi
  fi
done
env -u NO_COLOR -u LANG -u LC_MESSAGES "${lang_env[@]}" TZ=UTC XDG_CACHE_HOME="$cache" "${extra_env[@]}" "$tthc" "$@" >"$out" 2>"$err"
rc=$?
if [ -f after ]; then bash ./after >>"$out" 2>&1; fi
if [ "${TTHC_REGEN:-}" = 1 ]; then
  cp "$out" "$case_dir"/expected.stdout
  if [ "$rc" -ne 0 ]; then echo "$rc" >"$case_dir"/expected.exit; else rm -f "$case_dir"/expected.exit; fi
  [ -f "$case_dir"/expected.stderr ] && cp "$err" "$case_dir"/expected.stderr
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
