#!/usr/bin/env bash
# Kills a writing command at every step and checks that `tthc recover` leaves
# the files exactly as before the command or exactly as after it.
# usage: run.sh TTHC SHIM PROJECT_ROOT abolish|announce|process|fmt|two-writers
# For N = 1, 2, ...: a fresh copy of the inputs; the command runs with the shim
# (kill_shim.c) killing it at its N-th file-system change; while a journal is
# left, `tthc lint` must refuse (exit 2, naming tthc recover); `tthc recover`
# must exit 0 and leave the tree byte-identical to the tree before or after the
# command (diff -r, the -o document included); a second recover does nothing;
# after a roll-back, the same command (same decision number) must succeed.
# The loop ends at the first N where the command is not killed: N-1 kill points.
set -u
tthc=$1 shim=$2 root=$3 what=$4
# A sanitizer build (TTHC_SANITIZE=1) wants its runtime first in the list of
# preloaded libraries, before the shim.
runtime=$(ldd "$tthc" | awk '/libasan\.so/ { print $3 }')
[ -n "$runtime" ] && shim="$runtime:$shim"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

base=$work/base
mkdir -p "$base/out"
cp -r "$root/catalogs/ha-noi" "$base/"
basis="Nghị định số 18/2026/NĐ-CP ngày 10 tháng 01 năm 2026 của Chính phủ"
case $what in
  abolish|two-writers)
    cat_dir=ha-noi
    args=(abolish ha-noi 1.001193 1.004746 1.004884 1.000419 1.004859 1.001022 1.004837 2.000908 --with-processes
          -o out/qd.md --number 77/QĐ-UBND --date 2026-11-27 --effective 2026-12-30 --basis "$basis") ;;
  announce)
    cat_dir=ha-noi-draft
    cp -r "$root/catalogs/ha-noi-draft" "$base/"
    args=(announce --from ha-noi --to ha-noi-draft -o out/qd.md --number 2001/QĐ-UBND --date 2026-11-20
          --amended-by 1.003583=18/2026/NĐ-CP --abolished-by 2.000806=18/2026/NĐ-CP) ;;
  process)
    cat_dir=ha-noi
    args=(process ha-noi 1.001193 1.004746 --number 2002/QĐ-UBND --date 2026-11-27 --record -q -o out/qd.md
          --bpmn out/bpmn) ;;
  fmt)
    cat_dir=ha-noi
    # the internal processes in another layout: fmt rewrites each of them
    python3 "$root/tests/golden/messify_catalog.py" "$base/ha-noi/processes"
    args=(fmt -q ha-noi) ;;
  *) fail "unknown command $what" ;;
esac

run=$work/run
fresh() { rm -rf "$run" && cp -a "$base" "$run"; }
# the tree after an uninterrupted run, made where the runs happen
fresh
(cd "$run" && "$tthc" "${args[@]}" >/dev/null 2>"$work/err") || { cat "$work/err"; fail "the uninterrupted run failed"; }
mv "$run" "$work/after"
diff -r "$base" "$work/after" >/dev/null && fail "the command changed nothing"

if [ "$what" = two-writers ]; then
  # the first step at which the writer holds the lock and its journal is written
  stop=0
  for n in $(seq 1 200); do
    fresh
    (cd "$run" && exec env LD_PRELOAD="$shim" TTHC_CRASH_AT=$n "$tthc" "${args[@]}" >/dev/null 2>&1)
    if [ -f "$run/ha-noi/.tthc/journal" ]; then stop=$n; break; fi
  done
  [ "$stop" != 0 ] || fail "no step with a journal written"
  fresh
  (cd "$run" && exec env LD_PRELOAD="$shim" TTHC_CRASH_AT=$stop TTHC_CRASH_SIGNAL=STOP "$tthc" "${args[@]}" >/dev/null 2>&1) &
  first=$!
  for _ in $(seq 100); do
    [ "$(awk '{print $3}' /proc/$first/stat 2>/dev/null)" = T ] && break
    sleep 0.1
  done
  [ "$(awk '{print $3}' /proc/$first/stat 2>/dev/null)" = T ] || fail "the first writer did not stop"
  [ -f "$run/ha-noi/.tthc/lock" ] || fail "the first writer holds no lock"
  [ -f "$run/ha-noi/.tthc/journal" ] || fail "the first writer was stopped before its journal"
  cp -a "$run" "$work/mid"
  # a reader meanwhile is told a change is in progress, not that one crashed
  (cd "$run" && "$tthc" lint ha-noi >/dev/null 2>"$work/lint.err")
  lrc=$?
  [ "$lrc" = 2 ] && grep -q "is being changed by tthc abolish, process $first" "$work/lint.err" ||
    { cat "$work/lint.err"; fail "a reader during the change: exit $lrc"; }
  (cd "$run" && "$tthc" abolish ha-noi 2.000806 --number 78/QĐ-UBND --date 2026-11-27 --basis X -o out/qd2.md \
     >"$work/out2" 2>"$work/err2")
  rc=$?
  kill -CONT "$first"
  wait "$first" || fail "the first writer failed after it was continued"
  [ "$rc" = 2 ] || fail "the second writer exited $rc, not 2"
  grep -q "is being changed by tthc abolish, process $first, since " "$work/err2" || { cat "$work/err2"; fail "the refusal does not name the holder"; }
  [ -s "$work/out2" ] && fail "the second writer printed a document"
  [ -e "$run/out/qd2.md" ] && fail "the second writer wrote its document"
  diff -r "$work/after" "$run" || fail "the tree after both is not the first writer's alone"
  echo "two writers: the second was refused (exit 2) and wrote nothing: $(head -1 "$work/err2")"
  exit 0
fi

before=0 after=0 refused=0
for n in $(seq 1 1000); do
  fresh
  (cd "$run" && exec env LD_PRELOAD="$shim" TTHC_CRASH_AT=$n "$tthc" "${args[@]}" >/dev/null 2>&1)
  rc=$?
  if [ "$rc" != 137 ]; then
    [ "$rc" = 0 ] || fail "N=$n: exit $rc without being killed"
    diff -r "$work/after" "$run" >/dev/null || fail "N=$n: an uninterrupted run under the shim differs"
    echo "$what: $((n - 1)) kill points; recovered to before: $before, to after: $after; lint refused with a journal: $refused"
    exit 0
  fi
  if [ -e "$run/$cat_dir/.tthc/journal" ]; then
    (cd "$run" && "$tthc" lint "$cat_dir" >/dev/null 2>"$work/lint.err")
    lrc=$?
    [ "$lrc" = 2 ] && grep -q "tthc recover $cat_dir" "$work/lint.err" || { cat "$work/lint.err"; fail "N=$n: lint did not refuse (exit $lrc)"; }
    refused=$((refused + 1))
  fi
  (cd "$run" && "$tthc" recover "$cat_dir" >"$work/rec.out" 2>&1) || { cat "$work/rec.out"; fail "N=$n: recover failed"; }
  if diff -r "$base" "$run" >/dev/null 2>&1; then
    state=before before=$((before + 1))
  elif diff -r "$work/after" "$run" >/dev/null 2>&1; then
    state=after after=$((after + 1))
  else
    cat "$work/rec.out"; diff -r "$base" "$run"; fail "N=$n: after recover the tree is neither as before nor as after"
  fi
  (cd "$run" && "$tthc" recover "$cat_dir" >"$work/rec2.out" 2>&1) || fail "N=$n: a second recover failed"
  grep -q "nothing to do" "$work/rec2.out" && [ "$(wc -l <"$work/rec2.out")" = 1 ] || { cat "$work/rec2.out"; fail "N=$n: a second recover did something"; }
  if [ "$state" = before ]; then
    (cd "$run" && "$tthc" "${args[@]}" >/dev/null 2>"$work/err") || { cat "$work/err"; fail "N=$n: the rerun after recovery failed"; }
    diff -r "$work/after" "$run" >/dev/null || fail "N=$n: the rerun after recovery differs from an uninterrupted run"
  fi
done
fail "the command was still killed after 1000 steps"
