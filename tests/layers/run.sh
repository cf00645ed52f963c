#!/usr/bin/env bash
# The layer check on the real tree must pass, and on a copy of lib/ where a
# lower layer includes a higher one it must fail with exactly that finding.
set -euo pipefail
src=$1
check="$src/tests/layers/check_layers.py"
python3 "$check" "$src/lib" "$src/tests/unit"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$src/lib" "$tmp/lib"
printf '#include "package/package.hpp"\n' >>"$tmp/lib/io/files.cpp"
line=$(wc -l <"$tmp/lib/io/files.cpp")
set +e
out=$(python3 "$check" "$tmp/lib")
rc=$?
set -e
want="$tmp/lib/io/files.cpp:$line: io includes \"package/package.hpp\" from the later layer package"
if [ "$rc" -ne 1 ] || [ "$out" != "$want" ]; then
  printf 'layer check did not refuse an upward include (exit %s):\n%s\nwanted:\n%s\n' "$rc" "$out" "$want" >&2
  exit 1
fi
