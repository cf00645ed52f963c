#!/usr/bin/env bash
# Measure `tthc lint` on a large synthetic catalog, each beside its floor, in one run:
#   - cold lint (an empty cache, which it fills) and lint --no-cache, against the parse floor
#     (toml++ parsing every file on one thread, bench/parse_floor.cpp): target <= 0.6x
#   - cached re-lint after K changed procedure files (default 100), against cold lint (target
#     <= 0.25x) and against the read floor (`cat` of every file), twice: right after the cold lint
#     of a fresh copy, whose files are then too new for their stamps to stand for their bytes, so
#     every file is read and hashed again; and after K more changes, when the cache knows the
#     files the first re-lint saw by their stamps (lint_cache.hpp) and reads only the new ones
#   - peak memory of cold lint against the catalog's size on disk: target <= 1.0x
#   - how many files lint reads with tthc's TOML reader rather than toml++ (bench/toml_compare.cpp,
#     which also checks that both give the same tree)
#
#   bench/lint-bench.sh [N] [K]        N procedures (default 70000), K changed (default 100)
#
# Builds nothing: expects BUILD (default "build") to hold tools/tthc, bench/tthc-parse-floor and
# bench/tthc-toml-compare.
# The catalog is generated once into ${BENCH_DIR:-/tmp/tthc-bench}/catalog-N and reused afterwards
# (a changed gen_catalog.py regenerates it). Each run lints a hard-linked copy of it, changes K
# files of the copy (new files, so the catalog itself is never touched) after the cold lint, and
# lints again with the cache; then changes K others and lints once more. Commands alternate; RUNS
# runs (default 3); the table shows medians.
#
# Exit status: 0 all targets met, 1 a target missed, 2 setup error or a command failed.

set -euo pipefail

N=${1:-70000}
K=${2:-100}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# shellcheck source=bench/catalog.sh
source "$here/catalog.sh"
bench_setup lint-bench
[[ $K =~ ^[0-9]+$ ]] || die "K must be a number, got '$K'"
floor=$BUILD/bench/tthc-parse-floor
[[ -x $floor ]] || die "$floor not found or not executable (build first, or set BUILD)"
compare=$BUILD/bench/tthc-toml-compare
[[ -x $compare ]] || die "$compare not found or not executable (build first, or set BUILD)"
ensure_catalog "$N" || die "cannot generate the catalog"

size_bytes=$(du -sb "$catalog" | cut -f1)
file_count=$(find "$catalog" -type f -name '*.toml' | wc -l)
awk -v b="$size_bytes" -v f="$file_count" -v d="$catalog" \
    'BEGIN { printf "catalog: %s: %d files, %d bytes (%.1f MiB) on disk (du -sb)\n", d, f, b, b / 1048576 }'

work=$(mktemp -d "${TMPDIR:-/tmp}/lint-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
find "$catalog/procedures" -name '*.toml' | sort >"$work/files"
# K files spread over the catalog, each changed the way an officer would (a thời hạn shortened)
awk -v k="$K" -v n="$(wc -l <"$work/files")" 'k > 0 && (NR - 1) % int(n / k) == 0 && c < k { print; c++ }' \
    "$work/files" >"$work/changed"
# K others, halfway between those
awk -v k="$K" -v n="$(wc -l <"$work/files")" \
    'k > 0 && (NR - 1) % int(n / k) == int(n / k / 2) && c < k { print; c++ }' "$work/files" >"$work/changed-more"

lint_ok() {  # the exit status of a finished lint: 0 clean, 1 findings
    local rc=$1 name=$2
    if ((rc != 0 && rc != 1)); then
        head -n 20 "$work/$name.stderr" >&2
        die "tthc lint ($name) failed with exit status $rc"
    fi
}

run_floor() {
    local rc=0
    timed floor "$floor" "$catalog" >"$work/floor.stdout" 2>"$work/floor.stderr" || rc=$?
    ((rc == 0)) || { cat "$work/floor.stdout" "$work/floor.stderr" >&2; die "parse floor failed with exit status $rc"; }
}

run_read() {
    timed read xargs -a "$work/all" -d '\n' cat >/dev/null
}

run_plain() {
    local rc=0
    timed plain "$tthc" lint -q --no-cache --format json "$catalog" >/dev/null 2>"$work/plain.stderr" || rc=$?
    lint_ok "$rc" plain
}

# change_files LIST: each file of LIST changed in the copy the way an officer would (a thời hạn
# shortened), as a new file so that the catalog itself is never touched
change_files() {
    local f rel
    while read -r f; do
        rel=${f#"$catalog"/}
        rm "$work/copy/$rel"
        sed '0,/time = "[^"]*"/s//time = "1 ngày làm việc"/' "$f" >"$work/copy/$rel"
    done <"$1"
}

# relint NAME: lint with the cache, timed, and the same findings as lint --no-cache
relint() {
    local rc=0 name=$1
    timed "$name" "$tthc" lint --cache-dir "$work/cache" --format json "$work/copy" >"$work/$name.out" \
        2>"$work/$name.stderr" || rc=$?
    lint_ok "$rc" "$name"
    rc=0
    "$tthc" lint -q --no-cache --format json "$work/copy" >"$work/check.out" 2>/dev/null || rc=$?
    cmp -s "$work/$name.out" "$work/check.out" || die "the cached re-lint ($name) found other things than lint --no-cache"
}

# cold lint on a fresh hard-linked copy with an empty cache, K files changed, the re-lint (every
# file read: the copy is newer than the cold lint's start), K more changed, the re-lint again
run_cached() {
    local rc=0 copy=$work/copy cache=$work/cache
    rm -rf "$copy" "$cache"
    cp -al "$catalog" "$copy"
    timed cold "$tthc" lint -q --cache-dir "$cache" --format json "$copy" >"$work/cold.out" 2>"$work/cold.stderr" ||
        rc=$?
    lint_ok "$rc" cold
    change_files "$work/changed"
    relint reread
    change_files "$work/changed-more"
    relint relint
}

# Warm the page cache (a reused catalog may be cold) and check the catalog parses; not timed.
find "$catalog" -type f -name '*.toml' >"$work/all"
"$floor" "$catalog" >"$work/warm.stdout" 2>"$work/warm.stderr" || {
    cat "$work/warm.stdout" "$work/warm.stderr" >&2
    die "the catalog does not parse; delete $catalog and run again"
}
echo "$(cat "$work/warm.stdout") (warm-up)" >&2
# How many files lint reads with tthc's own TOML reader (the rest with toml++), and that each
# gives toml++'s tree; not timed.
"$compare" "$catalog" >"$work/compare.stdout" 2>"$work/compare.stderr" || {
    head -n 20 "$work/compare.stderr" >&2
    die "tthc's TOML reader and toml++ differ on the catalog"
}
for name in floor read plain cold reread relint; do : >"$work/$name.times"; done

for ((i = 1; i <= RUNS; i++)); do
    echo "run $i/$RUNS: parse floor, read floor, lint --no-cache, cold lint, two re-lints after $K changes" >&2
    run_floor
    run_read
    run_plain
    run_cached
done
for name in reread relint; do
    grep -o '[0-9]* files\? from the cache.*' "$work/$name.stderr" | sed "s/^/$name: /" >&2
done

# median FILE COLUMN: the median of one column (1 wall seconds, 2 peak KiB) over the runs.
median() {
    sort -g -k "$2,$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END {
        if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
for name in floor read plain cold reread relint; do
    declare "${name}_wall=$(median "$work/$name.times" 1)"
    declare "${name}_kib=$(median "$work/$name.times" 2)"
done

echo
cat "$work/compare.stdout"
awk -v n="$N" -v k="$K" -v runs="$RUNS" -v size="$size_bytes" \
    -v fw="$floor_wall" -v fk="$floor_kib" -v rw="$read_wall" -v rk="$read_kib" \
    -v pw="$plain_wall" -v pk="$plain_kib" -v cw="$cold_wall" -v ck="$cold_kib" \
    -v ew="$reread_wall" -v ek="$reread_kib" -v lw="$relint_wall" -v lk="$relint_kib" 'BEGIN {
    printf "N = %d procedures, %d changed before the re-lint, median of %d runs\n", n, k, runs
    printf "%-40s %8s %9s %10s %10s %10s\n", "command", "wall s", "peak MiB", "vs parse", "vs cold", "peak/size"
    row("tthc-parse-floor (1 thread)", fw, fk)
    row("cat of every file (read floor)", rw, rk)
    row("tthc lint --no-cache", pw, pk)
    row("tthc lint, empty cache (cold)", cw, ck)
    row("tthc lint, cached, " k " changed, all read", ew, ek)
    row("tthc lint, cached, " k " more changed", lw, lk)
}
function row(name, w, kib) {
    printf "%-40s %8.2f %9.1f %10.2f %10.2f %10.2f\n", name, w, kib / 1024, (fw > 0 ? w / fw : 0),
        (cw > 0 ? w / cw : 0), kib * 1024 / size
}'
echo

status=0
check() {  # check LABEL OK(0/1) DETAIL
    if (($2)); then
        echo "PASS  $1 ($3)"
    else
        echo "FAIL  $1 ($3)"
        status=1
    fi
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
ok=$(awk -v l="$cold_wall" -v f="$floor_wall" 'BEGIN { print (l <= 0.6 * f) ? 1 : 0 }')
check "cold lint <= 0.6 x parse floor" "$ok" "$cold_wall s vs $floor_wall s: $(ratio "$cold_wall" "$floor_wall")x"
ok=$(awk -v l="$plain_wall" -v f="$floor_wall" 'BEGIN { print (l <= 0.6 * f) ? 1 : 0 }')
check "lint --no-cache <= 0.6 x parse floor" "$ok" "$plain_wall s vs $floor_wall s: $(ratio "$plain_wall" "$floor_wall")x"
ok=$(awk -v l="$relint_wall" -v c="$cold_wall" 'BEGIN { print (l <= 0.25 * c) ? 1 : 0 }')
check "cached re-lint after $K more changes <= 0.25 x cold lint" "$ok" \
    "$relint_wall s vs $cold_wall s: $(ratio "$relint_wall" "$cold_wall")x; every file read and hashed: $reread_wall s, $(ratio "$reread_wall" "$cold_wall")x; read floor $read_wall s"
ok=$(awk -v k="$cold_kib" -v s="$size_bytes" 'BEGIN { print (k * 1024 <= s) ? 1 : 0 }')
check "cold lint peak memory <= 1.0 x catalog size" "$ok" \
    "$(awk -v k="$cold_kib" -v s="$size_bytes" 'BEGIN { printf "%.1f MiB vs %.1f MiB", k / 1024, s / 1048576 }')"
exit "$status"
