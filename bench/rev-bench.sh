#!/usr/bin/env bash
# Measures `tthc diff A:cat B:cat` (two commits read through libgit2, REV:PATH)
# against `git diff --stat A B -- cat` on the same commits, in the same run: a
# git repository whose commit A holds the synthetic national-scale catalog
# (bench/gen_catalog.py, cached in ${BENCH_DIR:-/tmp/tthc-bench}) and whose
# commit B changes K procedures (default 100: thời hạn shortened, as
# bench/diff-bench.sh changes them). The repository is built once (packed, as
# a cloned repository is) and reused while the catalog's stamp is the same.
# Also shown: tthc diff of commit A against the work tree (commit B checked
# out), where only the files on disk are read and hashed as git would, and
# tthc diff of the same two versions as directories (commit A is the cached
# catalog, commit B the work tree), where every file at the same path is read.
# git diff --stat only compares trees and counts lines; tthc parses the
# changed files into procedures and compares them field by field, and lists
# and matches every file of both commits, so it cannot match git; the target
# is that reading a revision costs less than half of reading the directories.
#
#   bench/rev-bench.sh [N] [K]        N procedures (default 70000), K changed (default 100)
#
# Builds nothing: expects BUILD (default "build") to hold tools/tthc. Each command
# runs RUNS times (default 3), alternating; the table shows medians.
# Exit status: 0 target met (tthc diff A:cat B:cat <= 0.5 x tthc diff of the directories), 1 missed,
# 2 setup error or a command failed.
set -euo pipefail
N=${1:-70000}
K=${2:-100}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=bench/catalog.sh
source "$here/catalog.sh"
bench_setup rev-bench
tthc=$(realpath "$tthc")
command -v git >/dev/null || die "git not found"
ensure_catalog "$N" || die "cannot generate the catalog"
repo=$BENCH_DIR/rev-repo-$N-$K
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
# no automatic gc in the background after a commit: the script packs once itself
export GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=gc.auto GIT_CONFIG_VALUE_0=0
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.invalid
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.invalid
want_stamp="$(cat "$BENCH_DIR/catalog-$N.stamp") K=$K"
if [[ ! -f $repo.stamp || $(cat "$repo.stamp") != "$want_stamp" ]]; then
    rm -rf "$repo" "$repo.stamp" "$repo.tmp"
    echo "rev-bench: building $repo (two commits of $N procedures, $K changed); this takes a few minutes" >&2
    mkdir -p "$repo.tmp"
    git -C "$repo.tmp" init -q -b main
    cp -r "$catalog" "$repo.tmp/cat"
    git -C "$repo.tmp" add cat
    GIT_AUTHOR_DATE='2026-11-01T08:00:00Z' GIT_COMMITTER_DATE='2026-11-01T08:00:00Z' git -C "$repo.tmp" commit -q -m A
    git -C "$repo.tmp" tag A
    change_procedures "$repo.tmp/cat" "$K"
    git -C "$repo.tmp" add cat
    GIT_AUTHOR_DATE='2026-11-02T08:00:00Z' GIT_COMMITTER_DATE='2026-11-02T08:00:00Z' git -C "$repo.tmp" commit -q -m B
    git -C "$repo.tmp" tag B
    git -C "$repo.tmp" gc -q
    mv "$repo.tmp" "$repo"
    echo "$want_stamp" >"$repo.stamp"
fi
cd "$repo"
changed=$(git diff --name-only A B -- cat | wc -l)
[[ $changed -eq $K ]] || die "commit B changes $changed files, expected $K"
measure() {  # prints "wall_seconds peak_kib"; accepts exit status 0 or 1
    local tf rc
    tf=$(mktemp)
    /usr/bin/time -f '%e %M' -o "$tf" "$@" >/dev/null 2>&1 && rc=0 || rc=$?
    [[ $rc -le 1 ]] || die "'$*' failed with exit status $rc"
    tail -n 1 "$tf"
    rm -f "$tf"
}
# warm the page cache: the pack and the work tree
cat .git/objects/pack/* cat/procedures/*/*.toml >/dev/null 2>&1 || true
declare -a gw gm tw tm ww wm dw dm
for ((i = 0; i < RUNS; i++)); do
    read -r w m < <(measure git --no-pager diff --stat A B -- cat); gw+=("$w"); gm+=("$m")
    read -r w m < <(measure "$tthc" diff -q --stat A:cat B:cat); tw+=("$w"); tm+=("$m")
    read -r w m < <(measure "$tthc" diff -q --stat A:cat cat); ww+=("$w"); wm+=("$m")
    read -r w m < <(measure "$tthc" diff -q --stat "$catalog" cat); dw+=("$w"); dm+=("$m")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
g=$(median "${gw[@]}"); t=$(median "${tw[@]}"); w=$(median "${ww[@]}"); d=$(median "${dw[@]}")
echo "N = $N procedures, $K changed, median of $RUNS runs, in $repo"
echo "git diff --stat: $(git --no-pager diff --stat A B -- cat | tail -n 1)"
echo "tthc diff A:cat B:cat: $("$tthc" diff --stat A:cat B:cat 2>&1 | tr '\n' ' ')"
printf '%-32s %8s %10s %8s\n' command "wall s" "peak MiB" ratio
row() { printf '%-32s %8.2f %10.1f %8.2f\n' "$1" "$2" "$(median "${@:4}" | awk '{print $1/1024}')" "$(awk -v a="$2" -v b="$3" 'BEGIN{print a/b}')"; }
row "git diff --stat A B -- cat" "$g" "$g" "${gm[@]}"
row "tthc diff A:cat B:cat" "$t" "$g" "${tm[@]}"
row "tthc diff A:cat cat (work tree)" "$w" "$g" "${wm[@]}"
row "tthc diff DIR-A cat (directories)" "$d" "$g" "${dm[@]}"
if awk -v a="$t" -v b="$d" 'BEGIN{exit !(a <= 0.5 * b)}'; then
    echo "PASS  tthc diff A:cat B:cat <= 0.5 x tthc diff of the directories"
else
    echo "FAIL  tthc diff A:cat B:cat > 0.5 x tthc diff of the directories"; exit 1
fi
