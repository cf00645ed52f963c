#!/usr/bin/env bash
# Measure the reading commands on a large synthetic catalog, each beside a peer in the same run:
#   - tthc search (load, fold every code, name, field, agency and legal number, rank) against
#     grep -rli of the same words written with their diacritics (what a person does today);
#   - tthc list --format xlsx of the whole danh mục against tthc lint of the same catalog
#     (which loads it the same way and checks it).
#
#   bench/search-bench.sh [N]        N procedures (default 70000)
#
# Builds nothing: expects BUILD (default "build") to hold tools/tthc. The catalog is the one
# bench/catalog.sh generates and caches. RUNS runs (default 3); the table shows medians.
# Exit status: 0 done, 2 setup error or a command failed.
set -euo pipefail
N=${1:-70000}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=bench/catalog.sh
source "$here/catalog.sh"
bench_setup search-bench
ensure_catalog "$N"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
measure() {  # prints "wall_seconds peak_kib"; accepts exit status 0 or 1
    local rc
    /usr/bin/time -f '%e %M' -o "$work/t" "$@" >/dev/null 2>&1 && rc=0 || rc=$?
    [[ $rc -le 1 ]] || die "'$*' failed with exit status $rc"
    tail -n 1 "$work/t"
}
cat "$catalog"/procedures/*/*.toml >/dev/null 2>&1 || true
declare -a gw gm sw sm lw lm xw xm
for ((i = 0; i < RUNS; i++)); do
    read -r w m < <(measure grep -rli "đăng ký khai sinh" "$catalog/procedures"); gw+=("$w"); gm+=("$m")
    read -r w m < <(measure "$tthc" search -q "dang ky khai sinh" "$catalog"); sw+=("$w"); sm+=("$m")
    read -r w m < <(measure "$tthc" lint -q --no-cache "$catalog"); lw+=("$w"); lm+=("$m")
    read -r w m < <(measure "$tthc" list -q --format xlsx -o "$work/danh-muc.xlsx" "$catalog"); xw+=("$w"); xm+=("$m")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mib() { median "$@" | awk '{printf "%.1f", $1/1024}'; }
g=$(median "${gw[@]}"); s=$(median "${sw[@]}"); l=$(median "${lw[@]}"); x=$(median "${xw[@]}")
echo "N = $N procedures, median of $RUNS runs; $("$tthc" search "dang ky khai sinh" "$catalog" 2>&1 >/dev/null)"
printf '%-34s %8s %10s %8s\n' command "wall s" "peak MiB" ratio
printf '%-34s %8.2f %10s %8.2f\n' "grep -rli 'đăng ký khai sinh'" "$g" "$(mib "${gm[@]}")" 1
printf '%-34s %8.2f %10s %8.2f\n' "tthc search 'dang ky khai sinh'" "$s" "$(mib "${sm[@]}")" "$(awk -v a="$s" -v b="$g" 'BEGIN{print a/b}')"
printf '%-34s %8.2f %10s %8.2f\n' "tthc lint --no-cache" "$l" "$(mib "${lm[@]}")" 1
printf '%-34s %8.2f %10s %8.2f\n' "tthc list --format xlsx" "$x" "$(mib "${xm[@]}")" "$(awk -v a="$x" -v b="$l" 'BEGIN{print a/b}')"
echo "danh-muc.xlsx: $(stat -c %s "$work/danh-muc.xlsx") bytes"
