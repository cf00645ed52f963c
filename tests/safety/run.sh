#!/usr/bin/env bash
# Nothing outside the catalog is read (tthc(1), "Untrusted catalogs"): links
# to /proc/self/environ, /etc/passwd and a directory outside, a FIFO, a socket
# and a device under procedures/ are findings in every output format of lint, none
# of their bytes appears in any output, and nothing hangs on the FIFO.
# usage: run.sh TTHC PROJECT_ROOT
set -u
tthc=$1 root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cp -r "$root/catalogs/ha-noi" "$work/"
p=$work/ha-noi/procedures
ln -s /proc/self/environ "$p/environ.toml"
ln -s /etc/passwd "$p/passwd.toml"
ln -s /etc "$p/etc-dir"
ln -s ../catalog.toml "$p/inside.toml"
mkfifo "$p/fifo.toml"
python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$p/socket.toml"
device=no
if mknod "$p/null.toml" c 1 3 2>/dev/null; then device=yes; fi
secret="tthc-secret-$$-token"
first_passwd=$(head -1 /etc/passwd)
for format in text json sarif github; do
  out=$work/out.$format err=$work/err.$format
  (cd "$work" && TTHC_CI_TOKEN=$secret timeout 60 "$tthc" lint --format "$format" --color never ha-noi >"$out" 2>"$err")
  rc=$?
  [ "$rc" = 124 ] && fail "$format: lint hung"
  [ "$rc" = 1 ] || { cat "$err"; fail "$format: exit $rc, not 1 (findings)"; }
  for name in environ.toml passwd.toml etc-dir inside.toml fifo.toml socket.toml; do
    grep -q "procedures/$name" "$out" || fail "$format: no finding for $name"
  done
  [ $device = yes ] && { grep -q "procedures/null.toml" "$out" || fail "$format: no finding for the device"; }
  grep -q "$secret" "$out" "$err" && fail "$format: the environment was printed"
  grep -qF "$first_passwd" "$out" "$err" && fail "$format: /etc/passwd was printed"
done
# the other readers of a catalog refuse the same entries without reading them
(cd "$work" && TTHC_CI_TOKEN=$secret timeout 60 "$tthc" diff ha-noi ha-noi >"$work/diff.out" 2>&1)
[ $? = 124 ] && fail "diff hung"
grep -q "$secret" "$work/diff.out" && fail "diff printed the environment"
echo "unsafe entries refused in text, json, sarif and github (device tested: $device)"
