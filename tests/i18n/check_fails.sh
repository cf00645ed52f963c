#!/usr/bin/env bash
# check_po.py on a catalog with one problem of each kind (tests/i18n/bad/vi.po)
# must exit 1 and name each one (tests/i18n/bad/expected.stdout).
set -u
root=$1 work=$2
out=$(python3 "$root/tests/i18n/check_po.py" "$root" "$work" "$root/tests/i18n/bad/vi.po" 2>/dev/null)
rc=$?
[ "$rc" -eq 1 ] || { echo "exit status $rc, expected 1"; exit 1; }
# How many messages are untranslated grows with the sources: compared as N.
count() { sed -E 's/[0-9]+ untranslated messages?/N untranslated messages/'; }
diff -u <(count <"$root/tests/i18n/bad/expected.stdout") <(printf '%s\n' "$out" | count)
