#!/usr/bin/env bash
# The git repository the REV:PATH golden cases read, built in the case's
# scratch directory by its `setup` (bash "$TTHC_ROOT/tests/golden/rev_repo.sh"):
#   main, tag v1   catalogs/ha-noi as shipped
#   draft (HEAD)   catalogs/ha-noi replaced by catalogs/ha-noi-draft; the work tree is this commit
#   broken         draft with field = 42 in procedures/ho-tich/1.000656.toml (a finding at line 3)
# Dates, names and configuration are pinned, so the commits are the same on every run.
set -euo pipefail
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=tthc GIT_AUTHOR_EMAIL=tthc@example.invalid
export GIT_COMMITTER_NAME=tthc GIT_COMMITTER_EMAIL=tthc@example.invalid
export GIT_AUTHOR_DATE='2026-11-01T08:00:00Z' GIT_COMMITTER_DATE='2026-11-01T08:00:00Z'
git init -q -b main .
mkdir -p catalogs
cp -r "$TTHC_ROOT/catalogs/ha-noi" catalogs/
git add catalogs
git commit -q -m "ha-noi as announced"
git tag v1
git checkout -q -b draft
rm -rf catalogs/ha-noi
cp -r "$TTHC_ROOT/catalogs/ha-noi-draft" catalogs/ha-noi
git add -A catalogs
GIT_AUTHOR_DATE='2026-11-02T08:00:00Z' GIT_COMMITTER_DATE='2026-11-02T08:00:00Z' git commit -q -m "the draft"
git checkout -q -b broken
sed -i '3s/.*/field = 42/' catalogs/ha-noi/procedures/ho-tich/1.000656.toml
git add -A catalogs
GIT_AUTHOR_DATE='2026-11-03T08:00:00Z' GIT_COMMITTER_DATE='2026-11-03T08:00:00Z' git commit -q -m "a bad field"
git checkout -q draft
