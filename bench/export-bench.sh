#!/usr/bin/env bash
# Measure `tthc export --as-published` on the large synthetic catalog (which has the national
# portal's gaps, bench/gen_catalog.py GAPS, so plain export refuses it) beside `xmllint --noout --schema` validating the
# same output, and `tthc lint` (the cost of loading and checking the catalog, which export does first):
#   - target: export wall time (writing + validating every document) <= 2 x xmllint's validation alone
#   - memory: the XML side must not grow with the catalog; export's peak minus lint's peak is what
#     writing the package adds on top of holding the catalog model (reported, checked < 64 MiB)
#
#   bench/export-bench.sh [N]            N procedures, default 70000
#
# Builds nothing: expects BUILD (default "build") to hold tools/tthc (or tthc).
# The catalog is generated once into ${BENCH_DIR:-/tmp/tthc-bench}/catalog-N and reused, exactly as
# bench/lint-bench.sh does (same generator, seed and stamp). The package is written under
# BENCH_OUT (default /dev/shm when it exists, else TMPDIR): on a tmpfs the numbers measure the
# toolkit, not the disk's writeback (set BENCH_OUT=/tmp to include the disk). Each command runs RUNS
# times (default 3), alternating, under /usr/bin/time; the table shows medians.
#
# Exit status: 0 all targets met, 1 a target missed, 2 setup error or a command failed.

set -euo pipefail

N=${1:-70000}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [[ -z ${BENCH_OUT:-} ]]; then
    if [[ -d /dev/shm && -w /dev/shm ]]; then BENCH_OUT=/dev/shm; else BENCH_OUT=${TMPDIR:-/tmp}; fi
fi

# shellcheck source=bench/catalog.sh
source "$here/catalog.sh"
bench_setup export-bench
command -v xmllint >/dev/null || die "xmllint not found (install libxml2-utils)"
ensure_catalog "$N" || die "cannot generate the catalog"

work=$(mktemp -d "$BENCH_OUT/export-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
pkg=$work/pkg

TIMED_FORMAT='%e %M %U %S'  # timed (bench/catalog.sh) appends "wall_s peak_kib user_s sys_s"

run_export() {
    rm -rf "$pkg"
    timed export "$tthc" export -q --as-published --date 2026-11-27 "$catalog" --out "$pkg" 2>"$work/export.stderr" ||
        { head -n 20 "$work/export.stderr" >&2; die "tthc export failed"; }
}
# xmllint validates every document of the package (not the XSD itself), as many per process as the
# command line holds; it prints one "validates" line per file on stderr, kept for the count.
run_xmllint() {
    (cd "$pkg" && timed xmllint sh -c \
        "find . -name '*.xml' -print0 | xargs -0 xmllint --noout --schema tthc-1.xsd 2>'$work/xmllint.stderr'") ||
        { grep -v ' validates$' "$work/xmllint.stderr" | head -n 20 >&2; die "xmllint found invalid documents"; }
}
run_lint() {
    local rc=0
    timed lint "$tthc" lint -q --no-cache --today 2026-11-27 --format json "$catalog" >/dev/null 2>"$work/lint.stderr" || rc=$?
    ((rc == 0 || rc == 1)) || die "tthc lint failed with exit status $rc"
}

: >"$work/export.times" ; : >"$work/xmllint.times" ; : >"$work/lint.times"
run_export  # warm-up (page cache), not timed below
: >"$work/export.times"
for ((i = 1; i <= RUNS; i++)); do
    echo "run $i/$RUNS: tthc export" >&2; run_export
    echo "run $i/$RUNS: xmllint --schema" >&2; run_xmllint
    echo "run $i/$RUNS: tthc lint" >&2; run_lint
done
files=$(find "$pkg" -type f | wc -l)
size=$(du -sb "$pkg" | cut -f1)
validated=$(grep -c ' validates$' "$work/xmllint.stderr" || true)

median() {  # median FILE COLUMN
    sort -g -k "$2,$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END {
        if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
row() {  # row LABEL NAME
    printf "%-44s %8.2f %8.2f %8.2f %10.1f\n" "$1" "$(median "$work/$2.times" 1)" "$(median "$work/$2.times" 3)" \
        "$(median "$work/$2.times" 4)" "$(awk -v k="$(median "$work/$2.times" 2)" 'BEGIN { print k / 1024 }')"
}

echo
echo "N = $N procedures, median of $RUNS runs, $(nproc) cores; package: $files files, $((size / 1048576)) MiB in $BENCH_OUT"
printf "%-44s %8s %8s %8s %10s\n" "command" "wall s" "user s" "sys s" "peak MiB"
row "tthc export --as-published (all of it)" export
row "xmllint --noout --schema ($validated documents)" xmllint
row "tthc lint (load and check only)" lint
echo

ew=$(median "$work/export.times" 1); xw=$(median "$work/xmllint.times" 1); lw=$(median "$work/lint.times" 1)
ek=$(median "$work/export.times" 2); lk=$(median "$work/lint.times" 2)
status=0
check() {  # check LABEL OK(0/1) DETAIL
    if (($2)); then echo "PASS  $1 ($3)"; else echo "FAIL  $1 ($3)"; status=1; fi
}
ok=$(awk -v e="$ew" -v x="$xw" 'BEGIN { print (e <= 2 * x) ? 1 : 0 }')
check "export wall <= 2 x xmllint wall" "$ok" "$(awk -v e="$ew" -v x="$xw" 'BEGIN { printf "%.2f s vs 2 x %.2f s = %.2f s; ratio %.2f", e, x, 2 * x, e / x }')"
awk -v e="$ew" -v l="$lw" -v x="$xw" \
    'BEGIN { printf "info  export minus lint (the XML work alone): %.2f s, %.2f x xmllint\n", e - l, (e - l) / x }'
ok=$(awk -v e="$ek" -v l="$lk" 'BEGIN { print (e - l < 64 * 1024) ? 1 : 0 }')
check "export peak - lint peak < 64 MiB (the XML side does not hold the package)" "$ok" \
    "$(awk -v e="$ek" -v l="$lk" 'BEGIN { printf "%.1f MiB - %.1f MiB = %.1f MiB", e / 1024, l / 1024, (e - l) / 1024 }')"
exit "$status"
