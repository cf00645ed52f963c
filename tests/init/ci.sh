#!/usr/bin/env bash
# Runs the tthc commands of the GitHub workflow that tthc init writes, as the
# workflow has them (the run: scripts of its steps, read with python3-yaml), in
# a git repository this test builds: a catalog from tthc init, committed, then
# a pull request's change (a new procedure) committed on top. Each step's exit
# status and output are checked, then the same for the jobs of .gitlab-ci.yml,
# then a change with a lint error must fail the lint step with an annotation.

#   ci.sh TTHC PROJECT_ROOT
set -euo pipefail
tthc=$1 root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
mkdir "$work/bin"
ln -s "$(cd "$(dirname "$tthc")" && pwd)/$(basename "$tthc")" "$work/bin/tthc"
export PATH="$work/bin:$PATH"

repo=$work/repo
tthc init -q "$repo" --id bac-ninh --kind province --authority "Ủy ban nhân dân tỉnh Bắc Ninh" >/dev/null
cd "$repo"
git init -q -b main
git -c user.name=test -c user.email=test@example.vn add -A
git -c user.name=test -c user.email=test@example.vn commit -q -m "tthc init"
base=$(git rev-parse HEAD)
mkdir -p procedures/chung-thuc
cp "$root/catalogs/ha-noi/procedures/chung-thuc/2.000815.toml" procedures/chung-thuc/
git -c user.name=test -c user.email=test@example.vn add -A
git -c user.name=test -c user.email=test@example.vn commit -q -m "Thêm thủ tục 2.000815"

# The steps that call tthc, as NAME<TAB>FILE lines: FILE holds the run: script
# and FILE.env the step's env:, with the pull request's expressions filled in.
python3 - .github/workflows/tthc.yml "$work/steps" "$base" >"$work/steps.list" <<'PY'
import os, re, sys, yaml
workflow, out, base = sys.argv[1], sys.argv[2], sys.argv[3]
expressions = {"github.event.pull_request.base.sha": base, "github.event_name": "pull_request"}
os.makedirs(out)
doc = yaml.safe_load(open(workflow, encoding="utf-8"))
for job in doc["jobs"].values():
    for i, step in enumerate(job["steps"]):
        script = step.get("run", "")
        if not re.search(r"^\s*tthc\s", script, re.M):
            continue
        path = os.path.join(out, str(i))
        open(path, "w", encoding="utf-8").write(script)
        with open(path + ".env", "w", encoding="utf-8") as env:
            for k, v in (step.get("env") or {}).items():
                v = re.sub(r"\$\{\{\s*([^}]*?)\s*\}\}", lambda m: expressions[m.group(1)], str(v))
                env.write(f"{k}={v}\n")
        print(f"{step['name']}\t{path}")
PY
names=$(cut -f1 "$work/steps.list" | paste -sd '|')
[ "$names" = "Lint for code scanning|Lint|Layout|Diff of the pull request" ] ||
  fail "the workflow's tthc steps are '$names'"

# run FILE: the step's script as GitHub runs it (sh -e), in the repository; sets rc, out
run() {
  local env=()
  mapfile -t env <"$1.env"
  set +e
  out=$(env "${env[@]}" sh -e "$1" 2>"$work/stderr")
  rc=$?
  set -e
}

while IFS=$'\t' read -r name file; do
  run "$file"
  case $name in
    "Lint for code scanning")
      [ "$rc" -eq 0 ] || fail "$name: exit $rc"
      python3 - tthc.sarif <<'PY' || fail "$name: tthc.sarif"
import json, sys
log = json.load(open(sys.argv[1], encoding="utf-8"))
assert log["version"] == "2.1.0", log["version"]
assert log["runs"][0]["results"] == [], log["runs"][0]["results"]
PY
      ;;
    Lint)
      [ "$rc" -eq 0 ] && [ -z "$out" ] || fail "$name: exit $rc, output '$out'" ;;
    Layout)
      [ "$rc" -eq 0 ] && [ -z "$out" ] || fail "$name: exit $rc, output '$out'" ;;
    "Diff of the pull request")
      [ "$rc" -eq 0 ] || fail "$name: exit $rc: $(cat "$work/stderr")"
      grep -q '2\.000815' tthc-diff.md || fail "$name: tthc-diff.md does not name the new procedure: $(cat tthc-diff.md)" ;;
  esac
  if [ "$failures" -eq 0 ]; then echo "ok: step '$name' (exit $rc)"; fi
done <"$work/steps.list"

# The jobs of .gitlab-ci.yml, each one's script: lines run as one sh -e script
# (as GitLab runs them), with the merge request's variables set.
python3 - .gitlab-ci.yml "$work/jobs" >"$work/jobs.list" <<'PY'
import os, sys, yaml
doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
os.makedirs(sys.argv[2])
for name, job in doc.items():
    if not isinstance(job, dict) or "script" not in job:
        continue
    path = os.path.join(sys.argv[2], name)
    open(path, "w", encoding="utf-8").write("\n".join(job["script"]) + "\n")
    print(f"{name}\t{path}")
PY
jobs=$(cut -f1 "$work/jobs.list" | paste -sd '|')
[ "$jobs" = "lint|layout|diff" ] || fail "the GitLab jobs are '$jobs'"
: >"$work/gitlab.env"
echo "CI_MERGE_REQUEST_DIFF_BASE_SHA=$base" >"$work/gitlab.env"
while IFS=$'\t' read -r name file; do
  cp "$work/gitlab.env" "$file.env"
  run "$file"
  case $name in
    lint) [ "$rc" -eq 0 ] && grep -q '"results": \[\]' tthc.sarif || fail "GitLab $name: exit $rc, $(cat "$work/stderr")" ;;
    layout) [ "$rc" -eq 0 ] || fail "GitLab $name: exit $rc, output '$out'" ;;
    diff)
      [ "$rc" -eq 0 ] && grep -q '2\.000815' tthc-diff.md && [ "$out" = "tthc: no TTHC_NOTE_TOKEN: the diff is in the artifact tthc-diff.md, not posted" ] ||
        fail "GitLab $name: exit $rc, output '$out'" ;;
  esac
  if [ "$failures" -eq 0 ]; then echo "ok: GitLab job '$name' (exit $rc)"; fi
done <"$work/jobs.list"

# A pull request with a lint error fails the lint step, with an annotation.
lint_step=$(awk -F'\t' '$1 == "Lint" {print $2}' "$work/steps.list")
sed -i 's/^field = "Chứng thực"$//' procedures/chung-thuc/2.000815.toml
run "$lint_step"
if [ "$rc" -eq 1 ] && grep -q '^::error file=procedures/chung-thuc/2.000815.toml,' <<<"$out"; then
  echo "ok: step 'Lint' fails a catalog with an error (exit 1, an ::error annotation)"
else
  fail "Lint on a broken catalog: exit $rc, output '$out'"
fi
[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
