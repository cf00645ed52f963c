#!/usr/bin/env bash
# The YAML that tthc ships (.pre-commit-hooks.yaml) and that tthc init writes
# (the GitHub workflow, .gitlab-ci.yml, .pre-commit-config.yaml) passes
# yamllint with tests/init/yamllint.yaml in strict mode (-s: warnings fail too),
# and the hooks the generated configuration asks for are the ones shipped.
#   yaml.sh TTHC PROJECT_ROOT
set -euo pipefail
tthc=$1 root=$2
command -v yamllint >/dev/null || { echo "FAIL: yamllint is not installed: run scripts/deps"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

"$tthc" init -q "$work/province" --id bac-ninh --kind province --authority "Ủy ban nhân dân tỉnh Bắc Ninh" >/dev/null
"$tthc" init -q "$work/ministry" --id bo-tu-phap --kind ministry --authority "Bộ Tư pháp" \
  --tthc-source git@git.example.vn:tthc/tthc.git --tthc-rev v1.2 >/dev/null
files=("$root/.pre-commit-hooks.yaml")
for repo in province ministry; do
  for f in .github/workflows/tthc.yml .gitlab-ci.yml .pre-commit-config.yaml; do files+=("$work/$repo/$f"); done
done
for f in "${files[@]}"; do
  if out=$(yamllint -s -f parsable -c "$root/tests/init/yamllint.yaml" "$f" 2>&1); then
    echo "ok: yamllint ${f#"$work"/}"
  else
    fail "yamllint ${f#"$work"/}:"$'\n'"$out"
  fi
done

# the hooks: ids, entries and file patterns as pre-commit reads them
python3 - "$root/.pre-commit-hooks.yaml" "$work/province/.pre-commit-config.yaml" <<'PY' || failures=$((failures + 1))
import sys, yaml
hooks = {h["id"]: h for h in yaml.safe_load(open(sys.argv[1], encoding="utf-8"))}
want = {
    "tthc-fmt": {"entry": "tthc fmt --check", "language": "system", "files": r"\.toml$", "pass_filenames": True},
    "tthc-lint": {"entry": "tthc lint", "args": ["."], "language": "system", "files": r"\.toml$",
                  "pass_filenames": False},
}
ok = True
for hid, fields in want.items():
    got = {k: hooks.get(hid, {}).get(k) for k in fields}
    if got != fields:
        print(f"FAIL: hook {hid}: {got}, expected {fields}")
        ok = False
config = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
asked = [h["id"] for r in config["repos"] for h in r["hooks"]]
if asked != ["tthc-fmt", "tthc-lint"] or any(a not in hooks for a in asked):
    print(f"FAIL: .pre-commit-config.yaml asks for {asked}")
    ok = False
if ok:
    print("ok: the hooks of .pre-commit-hooks.yaml and the generated configuration")
sys.exit(0 if ok else 1)
PY

# a YAML error is caught: the check above cannot pass on anything
printf 'a: 1\na: 2\n' >"$work/bad.yml"
if yamllint -s -c "$root/tests/init/yamllint.yaml" "$work/bad.yml" >/dev/null 2>&1; then
  fail "yamllint accepted a duplicated key"
fi
[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
