# Sourced by the bench scripts: the synthetic national-scale catalog, made once
# by gen_catalog.py and cached in ${BENCH_DIR:-/tmp/tthc-bench}/catalog-N.
# The stamp beside it (the generator's checksum and seed) makes a change to the
# generator regenerate it instead of measuring a stale catalog; generation goes
# to a temporary directory renamed into place, so an interrupted run never
# leaves half a catalog behind.
#
#   ensure_catalog N   sets $catalog to the catalog's path, generating it when needed

ensure_catalog() {
    local n=$1 seed=${SEED:-1} here
    here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
    local dir=${BENCH_DIR:-/tmp/tthc-bench}
    catalog=$dir/catalog-$n
    local stamp_file=$dir/catalog-$n.stamp
    local stamp
    stamp="$(sha256sum "$here/gen_catalog.py" | cut -d' ' -f1) seed=$seed"
    mkdir -p "$dir"
    if [[ -f $catalog/catalog.toml && -f $stamp_file && $(cat "$stamp_file") == "$stamp" ]]; then
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
