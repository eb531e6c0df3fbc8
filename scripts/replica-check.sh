#!/usr/bin/env bash
# Runs the app against a real primary and hot standby (ADR 0013): starts the standby with scripts/replica.sh
# (making it on first use), runs server/http/read-replica.replica.test.ts, and stops the standby again if this
# script started it. Outside CI: it needs the local PostgreSQL and adds a replication line to its pg_hba.conf.
set -euo pipefail
cd "$(dirname "$0")/.."

PRIMARY_PORT=${PRIMARY_PORT:-5432}
REPLICA_PORT=${REPLICA_PORT:-5433}
export PRIMARY_PORT REPLICA_PORT

started=no
if ! scripts/replica.sh status >/dev/null 2>&1; then
  scripts/replica.sh start
  started=yes
fi
trap '[ "$started" = yes ] && scripts/replica.sh stop' EXIT

TEST_DATABASE_URL=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:$PRIMARY_PORT/postgres} \
TEST_READ_DATABASE_URL=postgres://postgres@127.0.0.1:$REPLICA_PORT/postgres \
  npx vitest run --project server server/http/read-replica.replica.test.ts
