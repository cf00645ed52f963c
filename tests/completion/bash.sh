#!/usr/bin/env bash
# The bash script of `tthc completion bash`, sourced in bash, completes command
# lines: its function _tthc is called with COMP_WORDS/COMP_CWORD as bash's
# completion would, and COMPREPLY is compared with what it must hold. Every
# command that `tthc --help` lists is completed (a command added later needs no
# change here), and the zsh and fish scripts name every command too (neither
# shell is installed here to run them).
#   bash.sh TTHC
set -uo pipefail
tthc=$1
# the English help, whatever the machine's language ("Subcommands:" is read below)
export LC_ALL=C.UTF-8 LANGUAGE=
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
script=$("$tthc" completion bash) || { echo "FAIL: tthc completion bash exited $?"; exit 1; }
bash -n <<<"$script" || fail "bash -n rejects the script"
# shellcheck disable=SC1090
source <(printf '%s\n' "$script")

# expect WANT WORD...: completing the last WORD (the one under the cursor) gives WANT
expect() {
  local want=$1
  shift
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _tthc
  local got="${COMPREPLY[*]}"
  if [ "$got" = "$want" ]; then
    echo "ok: '${*}<TAB>' -> '$got'"
  else
    fail "'${*}<TAB>' gave '$got', expected '$want'"
  fi
}

expect "lint list" tthc li
expect "lint" tthc lin
expect "--format" tthc lint --fo
expect "text json sarif github" tthc lint --format ""
expect "sarif" tthc lint --format s
expect "sarif" tthc lint --format = s
expect "province ministry" tthc init bac-ninh --kind ""
expect "plan" tthc simplify p
expect "--out --output" tthc simplify plan x --ou
expect "--fail-on" tthc lint -q --fail
expect "bash" tthc completion b
expect "dvcqg" tthc import ""
expect "" tthc completion bash z  # one shell only; then file names (none start with z here)
expect "init" tthc -q in  # -q is not a command: still at the top

# every command of `tthc --help`, from its "Subcommands:" section
commands=$("$tthc" --help | awk '/^Subcommands:/ {on = 1; next} on && /^  [a-z]/ {print $1}' | sort | paste -sd ' ')
[ -n "$commands" ] || fail "no command in tthc --help"
COMP_WORDS=(tthc "") COMP_CWORD=1 COMPREPLY=()
_tthc
got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | paste -sd ' ')
[ "$got" = "$commands" ] && echo "ok: 'tthc <TAB>' -> every command of tthc --help ($got)" ||
  fail "'tthc <TAB>' gave '$got', tthc --help lists '$commands'"
zsh=$("$tthc" completion zsh) fish=$("$tthc" completion fish)
for c in $commands; do
  grep -qF -- " '$c:" <<<"$zsh" || fail "the zsh script does not describe the command '$c'"
  grep -qF -- "-a '$c' " <<<"$fish" || fail "the fish script does not complete the command '$c'"
done
[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
