#!/usr/bin/env bash
# Measures `tthc diff` on two versions of the synthetic national-scale catalog
# (bench/gen_catalog.py, cached by bench/lint-bench.sh in ${BENCH_DIR:-/tmp/tthc-bench})
# that differ in K procedures (default 100: thời hạn shortened), against
# `diff -r` on the same trees, in the same run. Target: tthc diff <= 1.5 x diff -r.
#
#   bench/diff-bench.sh [N] [K]        N procedures (default 70000), K changed (default 100)
#
# Builds nothing: expects BUILD (default "build") to hold tools/tthc. Each command
# runs RUNS times (default 3), alternating; the table shows medians.
# Exit status: 0 target met, 1 missed, 2 setup error or a command failed.
set -euo pipefail
N=${1:-70000}
K=${2:-100}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=bench/catalog.sh
source "$here/catalog.sh"
bench_setup diff-bench
ensure_catalog "$N" || die "cannot generate the catalog"
old=$catalog
new=$BENCH_DIR/catalog-$N-changed-$K
# the changed copy belongs to one generation of the catalog: a regenerated catalog remakes it
want_stamp="$(cat "$BENCH_DIR/catalog-$N.stamp") K=$K"
if [[ ! -f $new/catalog.toml || ! -f $new.stamp || $(cat "$new.stamp") != "$want_stamp" ||
      $BENCH_DIR/catalog-$N.stamp -nt $new.stamp || -n $(find "$new" -newer "$new.stamp" -print -quit) ]]; then
    rm -rf "$new" "$new.stamp"
    echo "diff-bench: copying $old to $new and changing $K procedures" >&2
    rm -rf "$new.tmp"
    cp -r "$old" "$new.tmp"
    change_procedures "$new.tmp" "$K"
    mv "$new.tmp" "$new"
    echo "$want_stamp" >"$new.stamp"
fi
measure() {  # prints "wall_seconds peak_kib"; accepts exit status 0 or 1
    local tf rc
    tf=$(mktemp)
    /usr/bin/time -f '%e %M' -o "$tf" "$@" >/dev/null 2>&1 && rc=0 || rc=$?
    [[ $rc -le 1 ]] || die "'$*' failed with exit status $rc"
    tail -n 1 "$tf"
    rm -f "$tf"
}
# warm the page cache for both trees
cat "$old"/procedures/*/*.toml "$new"/procedures/*/*.toml >/dev/null 2>&1 || true
declare -a dw dm tw tm
for ((i = 0; i < RUNS; i++)); do
    read -r w m < <(measure diff -r "$old" "$new"); dw+=("$w"); dm+=("$m")
    read -r w m < <(measure "$tthc" diff -q --stat "$old" "$new"); tw+=("$w"); tm+=("$m")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
d=$(median "${dw[@]}"); t=$(median "${tw[@]}")
echo "N = $N procedures, $K changed, median of $RUNS runs"
("$tthc" diff -q --stat "$old" "$new" || true) | tr "\n" " "; echo
printf '%-28s %8s %10s %8s\n' command "wall s" "peak MiB" ratio
printf '%-28s %8.2f %10.1f %8.2f\n' "diff -r" "$d" "$(median "${dm[@]}" | awk '{print $1/1024}')" 1
printf '%-28s %8.2f %10.1f %8.2f\n' "tthc diff --stat" "$t" "$(median "${tm[@]}" | awk '{print $1/1024}')" "$(awk -v a="$t" -v b="$d" 'BEGIN{print a/b}')"
if awk -v a="$t" -v b="$d" 'BEGIN{exit !(a <= 1.5 * b)}'; then
    echo "PASS  tthc diff <= 1.5 x diff -r"
else
    echo "FAIL  tthc diff > 1.5 x diff -r"; exit 1
fi
