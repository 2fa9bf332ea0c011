#!/usr/bin/env bash
# Installs HAL-O-SWARM from the single-file binaries made by `./dev publish` (or a release folder that holds
# this script beside a bin/ folder):
#   binaries      PREFIX/bin/{hal-supervisor,hal-agent,halctl}           (PREFIX: /usr/local)
#   configs       /etc/hal-o-swarm/{supervisor,agent}.config.json         (from the examples; never overwritten)
#   state         /var/lib/hal-o-swarm/{supervisor,agent}                 (owned by the hal-o-swarm user, 0750)
#   units         /etc/systemd/system/{hal-supervisor,hal-agent}.service  (ExecStart points at PREFIX/bin)
#   docs          PREFIX/share/doc/hal-o-swarm/
#   dashboard     PREFIX/share/hal-o-swarm/ (its static files)
# Running it again updates the binaries and units and keeps configs and state. DESTDIR (or --destdir) puts every
# path under another root, for packaging and tests; with it, no user is made and systemd is not told.
set -euo pipefail

usage() {
  cat <<'TXT'
usage: install.sh [--supervisor] [--agent] [--halctl] [--from DIR] [--prefix DIR] [--destdir DIR] [--no-user]

  --supervisor   install hal-supervisor, its config and its systemd unit
  --agent        install hal-agent, its config and its systemd unit
  --halctl       install halctl
                 (none of the three: all of them)
  --from DIR     the folder holding the binaries (default: bin/ beside this script, else dist/<rid>/bin of the checkout)
  --prefix DIR   where bin/ and share/ go (default /usr/local)
  --destdir DIR  install under this root (also read from DESTDIR); makes no user and does not reload systemd
  --no-user      do not create the hal-o-swarm system user
TXT
}

here=$(cd "$(dirname "$0")" && pwd)
prefix=/usr/local
destdir="${DESTDIR:-}"
from=""
make_user=1
parts=()
while [ $# -gt 0 ]; do
  case "$1" in
    --supervisor) parts+=(supervisor) ;;
    --agent) parts+=(agent) ;;
    --halctl) parts+=(halctl) ;;
    --from) from="${2:?--from needs a folder}"; shift ;;
    --prefix) prefix="${2:?--prefix needs a folder}"; shift ;;
    --destdir) destdir="${2:?--destdir needs a folder}"; shift ;;
    --no-user) make_user=0 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
[ ${#parts[@]} -eq 0 ] && parts=(supervisor agent halctl)
case "$prefix" in /*) ;; *) echo "install.sh: --prefix must be an absolute path (got '$prefix')" >&2; exit 2 ;; esac
[ -n "$destdir" ] && destdir=$(mkdir -p "$destdir" && cd "$destdir" && pwd) && make_user=0

case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64|arm64) rid=linux-arm64 ;;
  *) rid="linux-$(uname -m)" ;;
esac
if [ -z "$from" ]; then
  if [ -d "$here/bin" ]; then from="$here/bin"; else from="$here/../dist/$rid/bin"; fi
fi
has() { local p; for p in "${parts[@]}"; do [ "$p" = "$1" ] && return 0; done; return 1; }
binary_of() { case "$1" in supervisor) echo hal-supervisor ;; agent) echo hal-agent ;; halctl) echo halctl ;; esac; }

missing=()
for part in "${parts[@]}"; do
  [ -x "$from/$(binary_of "$part")" ] || missing+=("$from/$(binary_of "$part")")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install.sh: missing binaries: ${missing[*]}" >&2
  echo "install.sh: build them with './dev publish' in the checkout, or pass --from DIR" >&2
  exit 1
fi

# The examples and units: beside this script in a checkout (deploy/) and in a release folder alike.
examples="$here"
units="$here/systemd"
docs="$here/../docs"
[ -d "$here/docs" ] && docs="$here/docs"

bindir="$prefix/bin"
user=hal-o-swarm
root() { printf '%s%s' "$destdir" "$1"; }

if [ "$make_user" -eq 1 ] && { has supervisor || has agent; }; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install.sh: run as root to create the '$user' user and install the services (or pass --destdir/--no-user)" >&2
    exit 1
  fi
  if ! getent passwd "$user" >/dev/null; then
    useradd --system --home-dir /var/lib/hal-o-swarm --no-create-home --shell /usr/sbin/nologin "$user"
    echo "install.sh: created system user $user"
  fi
fi
# chown only where the user exists (not under DESTDIR, not with --no-user): state belongs to the user, configs
# (which hold tokens) to root with the user's group reading them.
owner() { if [ "$make_user" -eq 1 ] && getent passwd "$user" >/dev/null; then chown "$user:$user" "$@"; fi; }
reader() { if [ "$make_user" -eq 1 ] && getent passwd "$user" >/dev/null; then chown "root:$user" "$@"; fi; }

install -d -m 0755 "$(root "$bindir")"
for part in "${parts[@]}"; do
  install -m 0755 "$from/$(binary_of "$part")" "$(root "$bindir")/$(binary_of "$part")"
  echo "install.sh: $(root "$bindir")/$(binary_of "$part")"
done

# A fresh install gets a random bootstrap token in place of the examples' placeholders (the same one in both
# configs when both are installed here); an existing config is never touched.
token=$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')
placeholder_supervisor='CHANGE-ME-use-HAL_SERVER__AUTH_TOKEN-instead'
placeholder_agent='change-me'
for part in supervisor agent; do
  has "$part" || continue
  install -d -m 0750 "$(root /etc/hal-o-swarm)"
  reader "$(root /etc/hal-o-swarm)"
  config="$(root /etc/hal-o-swarm)/$part.config.json"
  if [ -e "$config" ]; then
    echo "install.sh: kept $config"
  else
    install -m 0640 "$examples/$part.config.example.json" "$config"
    reader "$config"
    if [ "$part" = supervisor ] || has supervisor; then
      placeholder=$placeholder_supervisor
      [ "$part" = agent ] && placeholder=$placeholder_agent
      sed -i "s|\"$placeholder\"|\"$token\"|" "$config"
      # Both here: the agent dials this machine's supervisor.
      [ "$part" = agent ] && sed -i 's|ws://supervisor.example:8420|ws://127.0.0.1:8420|' "$config"
      echo "install.sh: $config (from the example, with a new random auth_token: edit it, then start the service)"
    else
      echo "install.sh: $config (from the example: set supervisor_url and auth_token, then start the service)"
    fi
  fi
  install -d -m 0750 "$(root /var/lib/hal-o-swarm)" "$(root "/var/lib/hal-o-swarm/$part")"
  owner "$(root /var/lib/hal-o-swarm)" "$(root "/var/lib/hal-o-swarm/$part")"
  install -d -m 0755 "$(root /etc/systemd/system)"
  unit="$(root /etc/systemd/system)/hal-$part.service"
  sed "s|@BINDIR@|$bindir|g" "$units/hal-$part.service" > "$unit.tmp"
  chmod 0644 "$unit.tmp"
  mv "$unit.tmp" "$unit"
  echo "install.sh: $unit"
done

# The dashboard's static files, where the supervisor looks for them (../share/hal-o-swarm from its binary).
if has supervisor && [ -d "$from/../share/hal-o-swarm/wwwroot" ]; then
  rm -rf "$(root "$prefix/share/hal-o-swarm/wwwroot")"
  install -d -m 0755 "$(root "$prefix/share/hal-o-swarm")"
  cp -r "$from/../share/hal-o-swarm/wwwroot" "$(root "$prefix/share/hal-o-swarm")/"
  install -m 0644 "$from/../share/hal-o-swarm/hal-supervisor.staticwebassets.endpoints.json" "$(root "$prefix/share/hal-o-swarm")/"
  chmod -R u=rwX,go=rX "$(root "$prefix/share/hal-o-swarm")"
  echo "install.sh: $(root "$prefix/share/hal-o-swarm") (the dashboard's files)"
fi

if [ -d "$docs" ]; then
  install -d -m 0755 "$(root "$prefix/share/doc/hal-o-swarm")"
  for doc in OPERATIONS.md CONFIG.md SECURITY.md; do
    [ -f "$docs/$doc" ] && install -m 0644 "$docs/$doc" "$(root "$prefix/share/doc/hal-o-swarm")/$doc"
  done
fi

if [ -z "$destdir" ] && { has supervisor || has agent; } && command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  echo "install.sh: systemd reloaded; next: edit /etc/hal-o-swarm/*.config.json, then"
  has supervisor && echo "  systemctl enable --now hal-supervisor"
  has agent && echo "  systemctl enable --now hal-agent"
fi
exit 0
