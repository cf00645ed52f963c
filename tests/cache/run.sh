#!/usr/bin/env bash
# The lint cache changes nothing but the time: after every change to a catalog
# below (a file edited, moved, renamed to another code, removed, a duplicate
# code, a process naming a cached procedure, a syntax error) lint with the
# cache prints byte for byte what lint --no-cache prints, in every format, with
# the same exit status, and the summary line says how many files the cache
# gave (so a cache that is never used fails too), and how many of them it knew
# by their stamp without reading them. A damaged, truncated or
# foreign cache, one written by another build of tthc or with another --today
# is ignored and rebuilt; concurrent runs sharing a cache leave a whole one.
#
#   run.sh TTHC PROJECT_ROOT
set -euo pipefail
tthc=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cache=$work/cache
cp -r "$root/catalogs/ha-noi" "$work/cat"
cat=$work/cat
today=(--today 2026-11-27)
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# lint_both LABEL EXPECTED_REUSED [TTHC]: lint with the cache (text, then json
# and sarif, which reuse what the first run wrote) and without; the first run's
# summary must say EXPECTED_REUSED files came from the cache.
lint_both() {
  local label=$1 want=$2 bin=${3:-$tthc} format rc_cached rc_plain first=1
  for format in text json sarif; do
    rc_cached=0
    "$bin" lint "${today[@]}" --cache-dir "$cache" --format "$format" "$cat" >"$work/cached" 2>"$work/cached.err" ||
      rc_cached=$?
    rc_plain=0
    "$bin" lint "${today[@]}" --no-cache --format "$format" "$cat" >"$work/plain" 2>"$work/plain.err" || rc_plain=$?
    if ((first)); then
      [ -z "${TTHC_TEST_VERBOSE:-}" ] || echo "$label: $(cat "$work/cached.err")"
      grep -q "; $want files\? from the cache" "$work/cached.err" ||
        fail "$label: expected $want files from the cache, stderr: $(cat "$work/cached.err")"
      first=0
    fi
    ((rc_cached == rc_plain)) || fail "$label ($format): exit status $rc_cached with the cache, $rc_plain without"
    cmp -s "$work/cached" "$work/plain" || {
      fail "$label ($format): findings differ with the cache"
      diff "$work/plain" "$work/cached" | head -20
    }
  done
}

# 25 procedure files (24 in force, 1 abolished); processes and plans name 6,
# which are read again every time, so 19 come from a warm cache.
lint_both "cold" 0
lint_both "warm" 19

# an edited file: a glued legal number in its text (a content finding)
f=$cat/procedures/ho-tich/1.000656.toml
sed -i '0,/^name = "/s//name = "Theo Nghị định 123\/2015\/NĐ-CPquy định /' "$f"
lint_both "edited" 18
lint_both "edited, warm" 19

# moved to another folder: a new path, the same bytes
mkdir -p "$cat/procedures/khac"
mv "$cat/procedures/ho-tich/1.000689.toml" "$cat/procedures/khac/1.000689.toml"
lint_both "moved" 18

# renamed to another code (the file and its code): a new procedure to the cache
sed 's/^code = "1.000894"/code = "1.999894"/' "$cat/procedures/ho-tich/1.000894.toml" >"$cat/procedures/ho-tich/1.999894.toml"
rm "$cat/procedures/ho-tich/1.000894.toml"
lint_both "renamed to another code" 18

# a duplicate code: a copy under another name (the copy's file-name finding and
# the duplicate-code finding from the cached keys)
cp "$cat/procedures/ho-tich/1.001022.toml" "$cat/procedures/khac/1.001022-ban-sao.toml"
lint_both "duplicate code" 19
lint_both "duplicate code, warm" 20

# removed: a procedure a decision names (unknown-procedure, from the cached keys of the others)
rm "$cat/procedures/ho-tich/1.004772.toml"
lint_both "removed" 19

# a process now names a cached procedure: it is read again, and its time checked
sed 's/^procedure = "1.001193"/procedure = "1.004845"/' "$cat/processes/1.001193.toml" >"$cat/processes/1.004845.toml"
lint_both "process names a cached procedure" 18

# a syntax error (the caret line is cached with the finding)
printf 'name = \n' >>"$cat/procedures/ho-tich/1.004859.toml"
lint_both "syntax error" 17
lint_both "syntax error, warm" 18

# another --today: other rule settings, so the cache is rebuilt (and then used)
today=(--today 2025-06-30)
lint_both "another --today" 0
lint_both "another --today, warm" 18
today=(--today 2026-11-27)
lint_both "back to the first --today" 0

file=$(ls "$cache"/lint-*)
[ "$(ls "$cache" | wc -l)" = 1 ] || fail "expected one cache file in $cache, found: $(ls "$cache")"

# damaged: one byte changed in the middle; truncated; foreign bytes; empty
size=$(stat -c %s "$file")
printf 'X' | dd of="$file" bs=1 seek=$((size / 2)) conv=notrunc status=none
lint_both "damaged cache" 0
"$tthc" lint "${today[@]}" --cache-dir "$cache" "$cat" >/dev/null 2>"$work/err" || true
grep -q "; 18 files from the cache" "$work/err" || fail "the damaged cache was not rebuilt: $(cat "$work/err")"
truncate -s $((size - 7)) "$file"
"$tthc" lint "${today[@]}" --cache-dir "$cache" "$cat" >/dev/null 2>"$work/err" || true
grep -q "0 files from the cache (.* ignored: damaged or truncated (its checksum does not match); rebuilt)" "$work/err" ||
  fail "a truncated cache was not reported as ignored: $(cat "$work/err")"
lint_both "after a truncated cache" 18
head -c 5000 /dev/urandom >"$file"
lint_both "foreign cache" 0
: >"$file"
lint_both "empty cache" 0

# another build of tthc (a copy of the executable is another file): ignored, rebuilt
cp "$tthc" "$work/tthc-other-build"
lint_both "another build" 0 "$work/tthc-other-build"
"$work/tthc-other-build" lint "${today[@]}" --cache-dir "$cache" "$cat" >/dev/null 2>"$work/err" || true
grep -q "; 18 files from the cache" "$work/err" || fail "the other build did not use its own cache: $(cat "$work/err")"
"$tthc" lint "${today[@]}" --cache-dir "$cache" "$cat" >/dev/null 2>"$work/err" || true
grep -q "0 files from the cache (.* ignored: written by another build of tthc or with other rule settings; rebuilt)" \
  "$work/err" || fail "a cache of another build was not ignored: $(cat "$work/err")"

# concurrent runs sharing a cache, each after a change: the cache left is whole
for i in 1 2 3 4 5 6; do
  sed -i "s/^name = \"/name = \"$i /" "$cat/procedures/ho-tich/2.000528.toml"
  for j in 1 2 3 4; do
    "$tthc" lint "${today[@]}" --cache-dir "$cache" "$cat" >/dev/null 2>&1 &
  done
  wait || true
done
"$tthc" lint "${today[@]}" --cache-dir "$cache" "$cat" >/dev/null 2>"$work/err" || true
grep -q "; 18 files from the cache" "$work/err" || fail "after concurrent runs: $(cat "$work/err")"
[ -z "$(find "$cache" -name '*.tmp*' -o -name '.*' -type f)" ] || fail "temporary files left in the cache: $(ls -a "$cache")"

# never inside the catalog, and --no-cache writes nothing
rm -rf "$cache"
"$tthc" lint "${today[@]}" --no-cache --cache-dir "$cache" "$cat" >/dev/null 2>&1 || true
[ ! -e "$cache" ] || fail "--no-cache wrote $cache"

# Stamps: files older than the run by two seconds are known by their size and
# times and not read again; a file written since is read, even when it keeps
# its size and its modification time is set back (its change time moved).
cat=$work/stamped
cp -r "$root/catalogs/ha-noi" "$cat"
rm -rf "$cache"
sleep 3
lint_both "stamps, cold" 0
"$tthc" lint "${today[@]}" --cache-dir "$cache" "$cat" >/dev/null 2>"$work/err" || true
grep -q "; 19 files from the cache (19 of them not read again)" "$work/err" ||
  fail "files older than the cache were read again: $(cat "$work/err")"
f=$cat/procedures/ho-tich/1.000656.toml
size_before=$(stat -c %s "$f")
mtime_before=$(stat -c %y "$f")
sed -i '0,/^agency = "Ủy ban nhân dân/s//agency = "Ủy ban Nhân dân/' "$f"  # a finding, the same size
touch -d "$mtime_before" "$f"
[ "$(stat -c %s "$f")" = "$size_before" ] && [ "$(stat -c %y "$f")" = "$mtime_before" ] ||
  fail "the edit did not keep the size and modification time"
lint_both "stamps, edited to the same size and time" 18
"$tthc" lint "${today[@]}" --no-cache "$cat" 2>/dev/null | grep -q "1.000656.toml:.*\[capitals\]" ||
  fail "the edit did not make the finding the test needs"
"$tthc" lint "${today[@]}" --cache-dir "$cache" "$cat" >/dev/null 2>"$work/err" || true
grep -q "; 19 files from the cache (18 of them not read again)" "$work/err" ||
  fail "a file just written was trusted by its stamp: $(cat "$work/err")"
# replaced by another file (another inode) with the same bytes: read, the same findings
cp -p "$f" "$f.new" && mv "$f.new" "$f"
lint_both "stamps, replaced by a copy" 19

# a catalog with findings in most files (the Ministry of Justice's, as published)
cat=$work/btp
cp -r "$root/catalogs/bo-tu-phap" "$cat"
lint_both "bo-tu-phap, cold" 0
lint_both "bo-tu-phap, warm" 271
sed -i '0,/^name = "/s//name = "Hồ sơ nộp tại UBND huyện; /' "$cat"/procedures/*/1.001193.toml
lint_both "bo-tu-phap, a district named" 270

if ((failures)); then
  echo "$failures failure(s)"
  exit 1
fi
echo "lint cache: findings identical with and without the cache in every case"
