#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for the store conformance tests.
#
# Listens on 127.0.0.1:54329 with trust auth and a database `parallax_test`.
# The last line of stdout is the connection URL, so callers can do:
#   export PARALLAX_TEST_DATABASE_URL="$(scripts/start-test-postgres.sh | tail -n 1)"
# Idempotent: when the cluster is already running it only prints the URL.
# Stop it with: pg_ctl -D "$PARALLAX_PG_DIR" stop  (as the cluster owner).
#
# Environment: PARALLAX_PG_PORT (default 54329), PARALLAX_PG_DIR (default
# /tmp/parallax-test-postgres), PARALLAX_PG_DB (default parallax_test).
set -euo pipefail

PORT="${PARALLAX_PG_PORT:-54329}"
DATA_DIR="${PARALLAX_PG_DIR:-/tmp/parallax-test-postgres}"
DB_NAME="${PARALLAX_PG_DB:-parallax_test}"
HOST=127.0.0.1
URL="postgres://postgres@${HOST}:${PORT}/${DB_NAME}"
# Seconds to wait for the server to accept connections after pg_ctl start.
READY_TIMEOUT_S=30

log() { echo "start-test-postgres: $*" >&2; }

find_pg_bin() {
  local name="$1" candidate
  # Newest installed major version first.
  candidate="$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    dirname "$candidate"
    return 0
  fi
  if command -v "$name" >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v "$name")")"
    return 0
  fi
  return 1
}

PG_BIN="$(find_pg_bin initdb || true)"
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/pg_ctl" ]; then
  log "PostgreSQL not found; installing with apt-get"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
  PG_BIN="$(find_pg_bin initdb)"
fi

# initdb and postgres refuse to run as root: run them as a user that can.
if [ "$(id -u)" -eq 0 ]; then
  RUN_AS_USER=postgres
  if ! id "$RUN_AS_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /bin/bash "$RUN_AS_USER"
  fi
  as_owner() {
    if command -v runuser >/dev/null 2>&1; then
      runuser -u "$RUN_AS_USER" -- "$@"
    else
      su "$RUN_AS_USER" -s /bin/sh -c "$(printf '%q ' "$@")"
    fi
  }
else
  as_owner() { "$@"; }
fi

is_ready() { "$PG_BIN/pg_isready" -q -h "$HOST" -p "$PORT" >/dev/null 2>&1; }

ensure_database() {
  if ! "$PG_BIN/psql" -h "$HOST" -p "$PORT" -U postgres -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '${DB_NAME}'" | grep -q 1; then
    "$PG_BIN/createdb" -h "$HOST" -p "$PORT" -U postgres "$DB_NAME" >&2
  fi
}

if is_ready; then
  ensure_database
  echo "$URL"
  exit 0
fi

if [ ! -f "$DATA_DIR/PG_VERSION" ]; then
  log "initialising cluster in $DATA_DIR"
  mkdir -p "$DATA_DIR"
  [ "$(id -u)" -eq 0 ] && chown "$RUN_AS_USER" "$DATA_DIR"
  chmod 700 "$DATA_DIR"
  as_owner "$PG_BIN/initdb" -D "$DATA_DIR" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >&2
fi

log "starting server on $HOST:$PORT"
# Socket directory inside the data folder: /var/run/postgresql may not exist or be writable.
as_owner "$PG_BIN/pg_ctl" -D "$DATA_DIR" -l "$DATA_DIR/server.log" -w -t "$READY_TIMEOUT_S" \
  -o "-c listen_addresses=$HOST -p $PORT -k $DATA_DIR -c fsync=off" start >&2

for _ in $(seq 1 "$READY_TIMEOUT_S"); do
  is_ready && break
  sleep 1
done
if ! is_ready; then
  log "server did not become ready in ${READY_TIMEOUT_S}s; see $DATA_DIR/server.log"
  exit 1
fi

ensure_database
echo "$URL"
