#!/usr/bin/env bash
# Removes what deploy/install.sh installed: the binaries, the systemd units and the docs. Configs
# (/etc/hal-o-swarm) and state (/var/lib/hal-o-swarm: the database, the agent's outbox) stay unless --purge is
# given, so a reinstall picks up where it stopped. Same --prefix and DESTDIR/--destdir as install.sh.
set -euo pipefail

usage() {
  echo "usage: uninstall.sh [--prefix DIR] [--destdir DIR] [--purge]"
  echo "  --purge   also delete /etc/hal-o-swarm, /var/lib/hal-o-swarm and the hal-o-swarm user"
}

prefix=/usr/local
destdir="${DESTDIR:-}"
purge=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift ;;
    --destdir) destdir="${2:?--destdir needs a folder}"; shift ;;
    --purge) purge=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "uninstall.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
root() { printf '%s%s' "$destdir" "$1"; }
live=0
[ -z "$destdir" ] && command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ] && live=1

for unit in hal-supervisor hal-agent; do
  if [ "$live" -eq 1 ]; then systemctl disable --now "$unit" >/dev/null 2>&1 || true; fi
  rm -f "$(root "/etc/systemd/system/$unit.service")"
done
[ "$live" -eq 1 ] && systemctl daemon-reload
for binary in hal-supervisor hal-agent halctl; do
  rm -f "$(root "$prefix/bin/$binary")"
done
rm -rf "$(root "$prefix/share/doc/hal-o-swarm")" "$(root "$prefix/share/hal-o-swarm")"

if [ "$purge" -eq 1 ]; then
  rm -rf "$(root /etc/hal-o-swarm)" "$(root /var/lib/hal-o-swarm)"
  if [ -z "$destdir" ] && getent passwd hal-o-swarm >/dev/null; then userdel hal-o-swarm; fi
  echo "uninstall.sh: removed binaries, units, configs and state"
else
  echo "uninstall.sh: removed binaries and units; kept $(root /etc/hal-o-swarm) and $(root /var/lib/hal-o-swarm) (--purge deletes them)"
fi
