#!/usr/bin/env bash
# Runs one fuzz target over its seeds: run.sh FUZZER SEEDS WORK [libFuzzer options].
# WORK is emptied first; new inputs go to WORK/corpus and any crash, leak or
# timeout to WORK/ (never into the seeds or the source tree). The seed run is
# fixed (-seed=1) so a CTest run is the same every time. Exit status: the
# fuzzer's (0 when nothing was found).
set -euo pipefail
fuzzer=$1 seeds=$2 work=$3
shift 3
rm -rf "$work"
mkdir -p "$work/corpus"
exec "$fuzzer" -seed=1 -rss_limit_mb=2048 -timeout=25 -artifact_prefix="$work/" "$@" "$work/corpus" "$seeds"
