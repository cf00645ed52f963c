# Sourced by the bench scripts: the synthetic national-scale catalog, made once
# by gen_catalog.py and cached in ${BENCH_DIR:-/tmp/tthc-bench}/catalog-N.
# The stamp beside it (the generator's checksum and seed) makes a change to the
# generator regenerate it instead of measuring a stale catalog; generation goes
# to a temporary directory renamed into place, so an interrupted run never
# leaves half a catalog behind.
#
#   bench_setup NAME   what every bench script starts with: die() naming the script,
#                      Ctrl-C and kill running the EXIT traps, N and RUNS checked,
#                      $tthc found in $BUILD, GNU time and python3 present
#   ensure_catalog N   sets $catalog to the catalog's path, generating it when needed

# The settings every bench script reads from the environment.
BUILD=${BUILD:-build}
BENCH_DIR=${BENCH_DIR:-/tmp/tthc-bench}
RUNS=${RUNS:-3}
SEED=${SEED:-1}

bench_setup() {
    bench_name=$1
    die() { echo "$bench_name: $*" >&2; exit 2; }
    trap 'exit 130' INT
    trap 'exit 143' TERM
    [[ $N =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer, got '$N'"
    [[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, got '$RUNS'"
    tthc=$BUILD/tools/tthc
    [[ -x $tthc ]] || die "$tthc not found or not executable (build first, or set BUILD)"
    [[ -x /usr/bin/time ]] || die "/usr/bin/time not found (install GNU time)"
    command -v python3 >/dev/null || die "python3 not found"
}

# timed NAME CMD...: runs CMD under GNU time and appends its "wall_s peak_kib"
# (or $TIMED_FORMAT) to $work/NAME.times. GNU time writes "Command exited with
# non-zero status N" before the format line, so the last line is taken.
timed() {
    local name=$1; shift
    local rc=0
    /usr/bin/time -f "${TIMED_FORMAT:-%e %M}" -o "$work/time.out" "$@" || rc=$?
    tail -n 1 "$work/time.out" >>"$work/$name.times"
    return "$rc"
}

ensure_catalog() {
    local n=$1 seed=${SEED:-1} here
    here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
    local dir=${BENCH_DIR:-/tmp/tthc-bench}
    catalog=$dir/catalog-$n
    local stamp_file=$dir/catalog-$n.stamp
    local stamp
    stamp="$(sha256sum "$here/gen_catalog.py" | cut -d' ' -f1) seed=$seed"
    mkdir -p "$dir"
    # reused only as generated: a file changed in place since (a bench or a
    # test that wrote into it) makes the catalog again
    if [[ -f $catalog/catalog.toml && -f $stamp_file && $(cat "$stamp_file") == "$stamp" &&
          -z $(find "$catalog" -newer "$stamp_file" -print -quit) ]]; then
        echo "catalog: reusing $catalog" >&2
        return 0
    fi
    local tmp start end
    tmp=$(mktemp -d "$dir/.catalog-$n.XXXXXX")
    echo "catalog: generating $n procedures into $catalog" >&2
    start=$(date +%s.%N)
    if ! python3 "$here/gen_catalog.py" "$n" "$tmp/catalog" --seed "$seed"; then
        rm -rf "$tmp"
        return 1
    fi
    end=$(date +%s.%N)
    rm -rf "$catalog" "$stamp_file"
    mv "$tmp/catalog" "$catalog"
    echo "$stamp" >"$stamp_file"
    rm -rf "$tmp"
    awk -v s="$start" -v e="$end" 'BEGIN { printf "catalog: generated in %.1f s\n", e - s }' >&2
}

# change_procedures DIR K: changes K procedure files of the catalog DIR spread
# over it, the way an officer would (a thời hạn shortened, else the name marked)
change_procedures() {
    python3 - "$1" "$2" <<'PY'
import os, re, sys
root, k = sys.argv[1], int(sys.argv[2])
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(root, 'procedures')) for f in fs if f.endswith('.toml'))
step = max(1, len(files) // k)
for path in files[::step][:k]:
    s = open(path, encoding='utf-8').read()
    s2 = re.sub(r'time = "[^"]*"', 'time = "1 ngày làm việc"', s, count=1)
    if s2 == s:
        s2 = s.replace('name = "', 'name = "(sửa đổi) ', 1)
    open(path, 'w', encoding='utf-8').write(s2)
PY
}
