#!/usr/bin/env bash
# An installed tthc speaks Vietnamese from the standard locale directory: the
# build installed into a scratch prefix, then moved (the catalogs are found
# beside the program, share/locale/vi/LC_MESSAGES/tthc.mo), gives the same
# Vietnamese --help as the build tree (fixtures/i18n/vi-help), and English under C.
set -u
build=$1 root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null || { echo "cmake --install failed"; exit 1; }
[ -f "$work/prefix/share/locale/vi/LC_MESSAGES/tthc.mo" ] || { echo "share/locale/vi/LC_MESSAGES/tthc.mo not installed"; exit 1; }
mv "$work/prefix" "$work/moved"
fail=0
LC_ALL=C.UTF-8 LANGUAGE=vi "$work/moved/bin/tthc" --help >"$work/vi.out" 2>&1
diff -u "$root/fixtures/i18n/vi-help/expected.stdout" "$work/vi.out" || fail=1
LC_ALL=C.UTF-8 LANGUAGE= "$work/moved/bin/tthc" --help >"$work/c.out" 2>&1
diff -u "$root/fixtures/i18n/c-help/expected.stdout" "$work/c.out" || fail=1
exit "$fail"
