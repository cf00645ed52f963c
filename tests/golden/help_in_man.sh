#!/usr/bin/env bash
# Every long option that `tthc CMD --help` shows must appear in the man page.
set -u
tthc=$1 cmd=$2 page=$3
# the English help, whatever the machine's language (the man pages document it)
export LC_ALL=C.UTF-8 LANGUAGE=
help=$("$tthc" "$cmd" --help) || { echo "tthc $cmd --help failed"; exit 1; }
[ -f "$page" ] || { echo "no man page $page"; exit 1; }
fail=0
for opt in $(grep -oE -- '--[a-z][a-z-]*' <<<"$help" | sort -u); do
  # mdoc writes options as ".Fl -format" (or \-\-format)
  name=${opt#--}
  if ! grep -qE -- "(Fl -${name}|\\\\-\\\\-${name})\\b" "$page"; then
    echo "option $opt of 'tthc $cmd' is not documented in $page"
    fail=1
  fi
done
exit $fail
