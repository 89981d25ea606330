#!/usr/bin/env bash
# A project-local PostgreSQL cluster for development and tests.
#
#   scripts/postgres.sh start    initialise (first time) and start; fine when already running
#   scripts/postgres.sh stop     stop this cluster only
#   scripts/postgres.sh status   exit 0 when running
#   scripts/postgres.sh url      print the connection string (Npgsql keyword form)
#
# Data lives in .data/postgres, the server listens on 127.0.0.1 only, at LOTTE_PG_PORT (default
# 55432), with TCP only (no Unix socket). The superuser "lotte" has a fixed password: this is a
# throwaway development cluster, never a production database.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data_dir="${LOTTE_PG_DATA:-$root/.data/postgres}"
port="${LOTTE_PG_PORT:-55432}"
user="lotte"
password="lotte-dev"
log_file="$data_dir/../postgres.log"

die() { echo "postgres.sh: $*" >&2; exit 1; }

find_bin_dir() {
  if command -v pg_ctl >/dev/null 2>&1 && command -v postgres >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return
  fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$newest" ] && [ -x "$newest/pg_ctl" ] && echo "$newest"
}

install_server() {
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    die "no PostgreSQL server binaries found (pg_ctl, postgres). Install PostgreSQL 14+ (Debian/Ubuntu: apt-get install postgresql) and try again."
  fi
  echo "postgres.sh: installing Debian's postgresql package..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}

bin_dir="$(find_bin_dir || true)"

# PostgreSQL refuses to run as root: as root, run the server as the unprivileged "postgres" user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$run_user" -- "$@"
  else
    "$@"
  fi
}

ensure_run_user() {
  run_user="$(id -un)"
  [ "$(id -u)" -eq 0 ] || return 0
  run_user="postgres"
  if ! id "$run_user" >/dev/null 2>&1; then
    useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin "$run_user"
  fi
  # The server must reach its data directory through every parent folder. When a parent of the
  # checkout is private (e.g. a home folder), keep the cluster in a per-checkout temp folder instead.
  if [ -z "${LOTTE_PG_DATA:-}" ] && ! runuser -u "$run_user" -- test -x "$(dirname "$(dirname "$data_dir")")"; then
    data_dir="${TMPDIR:-/tmp}/lotte-postgres-$(printf '%s' "$root" | sha256sum | cut -c1-12)/postgres"
    log_file="$data_dir/../postgres.log"
  fi
  mkdir -p "$data_dir"
  chown "$run_user" "$data_dir" "$(dirname "$data_dir")"
  chmod 700 "$data_dir"
  as_owner test -x "$data_dir" || die "user '$run_user' cannot reach $data_dir; set LOTTE_PG_DATA to a folder it can reach."
}

is_running() {
  [ -n "$bin_dir" ] && [ -f "$data_dir/PG_VERSION" ] && as_owner "$bin_dir/pg_ctl" -D "$data_dir" status >/dev/null 2>&1
}

init_cluster() {
  local pwfile
  pwfile="$(mktemp)"
  printf '%s\n' "$password" >"$pwfile"
  chmod 644 "$pwfile"
  as_owner "$bin_dir/initdb" -D "$data_dir" --username="$user" --pwfile="$pwfile" \
    --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  cat >>"$data_dir/postgresql.conf" <<CONF
# Lotte.Dashboard local cluster
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
port = $port
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
}

start() {
  if [ -z "$bin_dir" ]; then
    install_server
    bin_dir="$(find_bin_dir || true)"
    [ -n "$bin_dir" ] || die "installed postgresql but found no server binaries."
  fi
  ensure_run_user
  if is_running; then
    echo "postgres.sh: already running on 127.0.0.1:$port" >&2
    return 0
  fi
  [ -f "$data_dir/PG_VERSION" ] || init_cluster
  touch "$log_file" && chown "$run_user" "$log_file" 2>/dev/null || true
  if ! as_owner "$bin_dir/pg_ctl" -D "$data_dir" -l "$log_file" -o "-p $port" -w -t 60 start >/dev/null; then
    tail -n 20 "$log_file" >&2 || true
    die "the server did not start (log above, full log in $log_file). Is port $port taken?"
  fi
  echo "postgres.sh: running on 127.0.0.1:$port (data in $data_dir)" >&2
}

stop() {
  [ -n "$bin_dir" ] && ensure_run_user
  if [ -z "$bin_dir" ] || [ ! -f "$data_dir/PG_VERSION" ]; then
    echo "postgres.sh: no cluster in $data_dir" >&2
    return 0
  fi
  if is_running; then
    as_owner "$bin_dir/pg_ctl" -D "$data_dir" -m fast -w stop >/dev/null
    echo "postgres.sh: stopped" >&2
  else
    echo "postgres.sh: not running" >&2
  fi
}

status() {
  ensure_run_user
  if is_running; then echo "running on 127.0.0.1:$port"; else echo "not running"; return 3; fi
}

url() {
  echo "Host=127.0.0.1;Port=$port;Username=$user;Password=$password;Database=${1:-lotte}"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) url "${2:-}" ;;
  *) echo "usage: scripts/postgres.sh start|stop|status|url [database]" >&2; exit 2 ;;
esac
