#!/usr/bin/env bash
# Measures `tthc diff` and `tthc export --as-published` of this build against an
# earlier tthc binary, on the same synthetic national-scale catalog, in one run:
# the commands alternate between the two binaries, RUNS times (default 3), and
# the table shows medians and the ratio this/before. Target: not slower (<= 1.05).
#
#   BEFORE=/path/to/old/tthc bench/before-bench.sh [N] [K]
#
# N procedures (default 70000), K changed between the two diffed versions
# (default 100; bench/diff-bench.sh makes that copy). Export runs on a
# hard-linked copy of the catalog without the procedures that cite no legal
# document (about 2.7%, the gap kind "no-legal-basis" of gen_catalog.py): a tthc
# from before issue 12 refuses to export those at all. Builds nothing: expects
# BUILD (default "build") to hold tools/tthc. To build the binary before issue
# 15: git worktree add --detach /tmp/old 25b1931 && cmake -S /tmp/old -B /tmp/old/build -G Ninja &&
# cmake --build /tmp/old/build --target tthc.
# ONLY=diff or ONLY=export runs one of the two.
# Exit status: 0 targets met, 1 missed, 2 setup error or a command failed.
set -euo pipefail
N=${1:-70000}
K=${2:-100}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=bench/catalog.sh
source "$here/catalog.sh"
bench_setup before-bench
[[ -n ${BEFORE:-} && -x ${BEFORE:-} ]] || die "set BEFORE to the earlier tthc binary"
ensure_catalog "$N" || die "cannot generate the catalog"
changed=$BENCH_DIR/catalog-$N-changed-$K
[[ -f $changed/catalog.toml && -f $changed.stamp && ! $BENCH_DIR/catalog-$N.stamp -nt $changed.stamp ]] ||
    die "$changed is missing or older than the catalog: run bench/diff-bench.sh $N $K first"
with_basis=$BENCH_DIR/catalog-$N-with-basis
if [[ ! -f $with_basis.stamp || $(cat "$with_basis.stamp") != "$(cat "$BENCH_DIR/catalog-$N.stamp")" ||
      $BENCH_DIR/catalog-$N.stamp -nt $with_basis.stamp ]]; then
    echo "before-bench: linking $catalog to $with_basis without the procedures that cite no legal document" >&2
    rm -rf "$with_basis" "$with_basis.stamp"
    cp -al "$catalog" "$with_basis"
    grep -rL --include='*.toml' '^\[\[legal_basis\]\]' "$with_basis/procedures" | xargs -r rm -f
    cp "$BENCH_DIR/catalog-$N.stamp" "$with_basis.stamp"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/before-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

run() {  # name binary args...: diff exits 1 when the catalogs differ
    local name=$1 rc=0
    shift
    rm -rf "$work/out"
    timed "$name" "$@" >/dev/null 2>"$work/$name.stderr" || rc=$?
    if ((rc != 0 && rc != 1)); then
        head -n 20 "$work/$name.stderr" >&2
        die "$name failed with exit status $rc"
    fi
}

runs=${RUNS:-3}
# wall seconds, peak KiB, and the CPU seconds (user + system): export writes
# 70,000 files, and its wall time on a shared disk varies by a fifth between
# runs of the same binary, where its CPU time does not
TIMED_FORMAT="%e %M %U %S"
for ((r = 1; r <= runs; r++)); do
    echo "run $r/$runs: diff and export, before and this build" >&2
    if [[ ${ONLY:-diff} == diff ]]; then
        run diff-before "$BEFORE" diff -q "$catalog" "$changed"
        run diff-this "$tthc" diff -q "$catalog" "$changed"
    fi
    if [[ ${ONLY:-export} == export ]]; then
        run export-before "$BEFORE" export -q --as-published "$with_basis" --out "$work/out"
        run export-this "$tthc" export -q --as-published "$with_basis" --out "$work/out"
    fi
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
status=0
echo
echo "N = $N procedures, $K changed between the diffed versions, median of $runs runs"
printf '%-36s %8s %9s %8s\n' command "wall s" "peak MiB" "CPU s"
commands=${ONLY:-diff export}
for cmd in $commands; do
    for who in before this; do
        t=$(cut -d' ' -f1 "$work/$cmd-$who.times" | median)
        m=$(cut -d' ' -f2 "$work/$cmd-$who.times" | median)
        c=$(awk '{ print $3 + $4 }' "$work/$cmd-$who.times" | median)
        printf '%-36s %8.2f %9.1f %8.2f\n' "tthc $cmd ($who)" "$t" "$(awk -v k="$m" 'BEGIN { print k / 1024 }')" "$c"
        eval "${cmd}_$who=$t"
    done
done
echo
for cmd in $commands; do
    b=${cmd}_before t=${cmd}_this
    if awk -v a="${!t}" -v b="${!b}" 'BEGIN { exit !(a <= 1.05 * b) }'; then verdict=PASS; else verdict=FAIL; status=1; fi
    awk -v a="${!t}" -v b="${!b}" -v c="$cmd" -v v="$verdict" \
        'BEGIN { printf "%s  tthc %s not slower than before (%.2f s vs %.2f s: %.2fx)\n", v, c, a, b, a / b }'
done
exit "$status"
