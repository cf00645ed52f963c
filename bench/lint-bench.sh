#!/usr/bin/env bash
# Measure `tthc lint` on a large synthetic catalog against the parse floor (toml++ parsing every file
# on one thread, bench/parse_floor.cpp), and check the targets:
#   - lint wall time <= parse-floor wall time
#   - lint peak memory < 3 x the catalog's size on disk
#
#   bench/lint-bench.sh [N]            N procedures, default 70000
#
# Builds nothing: expects BUILD (default "build") to hold tools/tthc and bench/tthc-parse-floor.
# The catalog is generated once into ${BENCH_DIR:-/tmp/tthc-bench}/catalog-N and reused afterwards
# (delete it to regenerate; a changed gen_catalog.py regenerates it too). Each command runs RUNS times (default 3), alternating, under
# /usr/bin/time; the table shows medians.
#
# Exit status: 0 all targets met, 1 a target missed, 2 setup error or a command failed.

set -euo pipefail

N=${1:-70000}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# shellcheck source=bench/catalog.sh
source "$here/catalog.sh"
bench_setup lint-bench
floor=$BUILD/bench/tthc-parse-floor
[[ -x $floor ]] || die "$floor not found or not executable (build first, or set BUILD)"
ensure_catalog "$N" || die "cannot generate the catalog"

size_bytes=$(du -sb "$catalog" | cut -f1)
file_count=$(find "$catalog" -type f -name '*.toml' | wc -l)
awk -v b="$size_bytes" -v f="$file_count" -v d="$catalog" \
    'BEGIN { printf "catalog: %s: %d files, %d bytes (%.1f MiB) on disk (du -sb)\n", d, f, b, b / 1048576 }'

work=$(mktemp -d "${TMPDIR:-/tmp}/lint-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# One timed run: appends "wall_seconds peak_kib" to $work/<name>.times and returns the exit status.

run_floor() {
    local rc=0
    timed floor "$floor" "$catalog" >"$work/floor.stdout" 2>"$work/floor.stderr" || rc=$?
    if ((rc != 0)); then
        cat "$work/floor.stdout" "$work/floor.stderr" >&2
        die "parse floor failed with exit status $rc"
    fi
}

run_lint() {
    local rc=0
    timed lint "$tthc" lint -q --format json "$catalog" >/dev/null 2>"$work/lint.stderr" || rc=$?
    # 0 clean, 1 findings: both are a finished lint. Anything else is a failure.
    if ((rc != 0 && rc != 1)); then
        head -n 20 "$work/lint.stderr" >&2
        die "tthc lint failed with exit status $rc"
    fi
}

# Warm the page cache (a reused catalog may be cold) and check the catalog parses; not timed.
"$floor" "$catalog" >"$work/warm.stdout" 2>"$work/warm.stderr" || {
    cat "$work/warm.stdout" "$work/warm.stderr" >&2
    die "the catalog does not parse; delete $catalog and run again"
}
echo "$(cat "$work/warm.stdout") (warm-up)" >&2
: >"$work/floor.times"
: >"$work/lint.times"

for ((i = 1; i <= RUNS; i++)); do
    echo "run $i/$RUNS: parse floor" >&2
    run_floor
    echo "run $i/$RUNS: tthc lint" >&2
    run_lint
done

# median FILE COLUMN: the median of one column (1 wall seconds, 2 peak KiB) over the runs.
median() {
    sort -g -k "$2,$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END {
        if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

floor_wall=$(median "$work/floor.times" 1)
floor_kib=$(median "$work/floor.times" 2)
lint_wall=$(median "$work/lint.times" 1)
lint_kib=$(median "$work/lint.times" 2)

echo
awk -v fw="$floor_wall" -v fk="$floor_kib" -v lw="$lint_wall" -v lk="$lint_kib" \
    -v size="$size_bytes" -v runs="$RUNS" -v n="$N" 'BEGIN {
    printf "N = %d procedures, median of %d runs\n", n, runs
    printf "%-28s %12s %10s %14s %16s\n", "command", "wall s", "peak MiB", "wall vs floor", "peak / catalog"
    printf "%-28s %12.2f %10.1f %14s %16.2f\n", "tthc-parse-floor", fw, fk / 1024, "1.00", fk * 1024 / size
    printf "%-28s %12.2f %10.1f %14.2f %16.2f\n", "tthc lint -q --format json", lw, lk / 1024,
        (fw > 0 ? lw / fw : 0), lk * 1024 / size
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
ok=$(awk -v l="$lint_wall" -v f="$floor_wall" 'BEGIN { print (l <= f) ? 1 : 0 }')
check "lint wall <= floor wall" "$ok" "$lint_wall s vs $floor_wall s"
ok=$(awk -v k="$lint_kib" -v s="$size_bytes" 'BEGIN { print (k * 1024 < 3 * s) ? 1 : 0 }')
detail=$(awk -v k="$lint_kib" -v s="$size_bytes" 'BEGIN { printf "%.1f MiB vs 3 x %.1f MiB = %.1f MiB", k / 1024, s / 1048576, 3 * s / 1048576 }')
check "lint peak memory < 3x catalog size" "$ok" "$detail"
exit "$status"
