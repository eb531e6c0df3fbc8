#!/usr/bin/env bash
# A hot standby of the local PostgreSQL for read-replica checks (ADR 0013): a second cluster of the installed
# PostgreSQL on 127.0.0.1:$REPLICA_PORT, made with pg_basebackup and kept current by streaming replication.
#
#   scripts/replica.sh [start]   make it (first time) and start it; prints the DATABASE_READ_URL base
#   scripts/replica.sh status    is it running and replaying, and how far behind
#   scripts/replica.sh stop      stop it (the data dir stays; start resumes streaming)
#   scripts/replica.sh remove    stop it and delete its data dir
#
# The primary is never restarted: the script only ADDS one pg_hba line (replication from 127.0.0.1, trust) when
# it is missing and reloads. No replication slot is created, so a stopped standby never makes the primary keep
# WAL; one that fell too far behind is rebuilt with `remove` then `start`.
set -euo pipefail

PRIMARY_HOST=${PRIMARY_HOST:-127.0.0.1}
PRIMARY_PORT=${PRIMARY_PORT:-5432}
REPLICA_PORT=${REPLICA_PORT:-5433}
REPLICA_DATA=${REPLICA_DATA:-/var/lib/postgresql/jixiao-replica-$REPLICA_PORT}
REPLICA_LOG=${REPLICA_LOG:-/tmp/jixiao-replica-$REPLICA_PORT.log}

primary() { psql -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -d postgres -XAtqc "$1"; }
replica() { psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -XAtqc "$1"; }
# The cluster's files belong to the postgres user; as root, run its tools as that user.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

bin_dir() {
  local major
  major=$(( $(primary 'show server_version_num') / 10000 ))
  local dir="/usr/lib/postgresql/$major/bin"
  [ -x "$dir/pg_basebackup" ] || { echo "pg_basebackup for PostgreSQL $major not found in $dir" >&2; exit 1; }
  echo "$dir"
}

running() { replica 'select pg_is_in_recovery()' 2>/dev/null | grep -q '^t$'; }

allow_replication() {
  local hba
  hba=$(primary 'show hba_file')
  if ! grep -Eq '^[[:space:]]*host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba"; then
    echo "adding 'host replication all 127.0.0.1/32 trust' to $hba and reloading the primary"
    printf '\n# jixiao scripts/replica.sh: streaming replication to a local hot standby\nhost replication all 127.0.0.1/32 trust\n' >> "$hba"
    primary 'select pg_reload_conf()' >/dev/null
  fi
}

make_standby() {
  local bin=$1
  echo "pg_basebackup of $PRIMARY_HOST:$PRIMARY_PORT into $REPLICA_DATA"
  mkdir -p "$(dirname "$REPLICA_DATA")"
  as_postgres "$bin/pg_basebackup" -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -D "$REPLICA_DATA" -R -X stream -c fast
  # Debian keeps a cluster's configuration under /etc: the copy gets its own, minimal one.
  as_postgres tee "$REPLICA_DATA/postgresql.conf" >/dev/null <<CONF
port = $REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '/tmp'
hot_standby = on
# Tell the primary which rows the standby's queries still read, so vacuum does not cancel a long export.
hot_standby_feedback = on
max_standby_streaming_delay = 30s
shared_buffers = 64MB
# A standby must allow at least what the primary does.
max_connections = $(primary 'show max_connections')
max_worker_processes = $(primary 'show max_worker_processes')
max_wal_senders = $(primary 'show max_wal_senders')
max_prepared_transactions = $(primary 'show max_prepared_transactions')
max_locks_per_transaction = $(primary 'show max_locks_per_transaction')
hba_file = '$REPLICA_DATA/pg_hba.conf'
ident_file = '$REPLICA_DATA/pg_ident.conf'
CONF
  printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' | as_postgres tee "$REPLICA_DATA/pg_hba.conf" >/dev/null
  as_postgres touch "$REPLICA_DATA/pg_ident.conf"
}

start() {
  if running; then echo "hot standby already running: postgres://postgres@127.0.0.1:$REPLICA_PORT/"; return; fi
  local bin
  bin=$(bin_dir)
  allow_replication
  [ -f "$REPLICA_DATA/PG_VERSION" ] || make_standby "$bin"
  touch "$REPLICA_LOG" && chown postgres "$REPLICA_LOG" 2>/dev/null || true
  as_postgres "$bin/pg_ctl" -D "$REPLICA_DATA" -l "$REPLICA_LOG" -w -t 60 start >/dev/null
  for _ in $(seq 1 60); do running && break; sleep 0.5; done
  running || { echo "the standby did not come up; see $REPLICA_LOG" >&2; exit 1; }
  echo "hot standby running: postgres://postgres@127.0.0.1:$REPLICA_PORT/ (log $REPLICA_LOG)"
}

stop() {
  [ -f "$REPLICA_DATA/postmaster.pid" ] || { echo "hot standby not running"; return; }
  as_postgres "$(bin_dir)/pg_ctl" -D "$REPLICA_DATA" -m fast -w stop >/dev/null
  echo "hot standby stopped"
}

status() {
  if ! running; then echo "hot standby not running on port $REPLICA_PORT"; return 1; fi
  echo "hot standby on port $REPLICA_PORT, replaying; on the primary:"
  primary "select application_name, state, coalesce(replay_lag::text, '0') as replay_lag from pg_stat_replication"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  remove) stop; rm -rf "$REPLICA_DATA"; echo "removed $REPLICA_DATA" ;;
  *) echo "usage: $0 [start|stop|status|remove]" >&2; exit 2 ;;
esac
