# Sourced by bin/test: Debian packages the tests need, and a throwaway PostgreSQL and
# Redis for one run. CI runs on a fresh machine as root, so whatever is missing is
# installed here with apt-get (nothing installed by hand survives); elsewhere we say
# how to install it. The servers live in a temporary folder on free ports, so runs of
# several checkouts never meet, and services_stop (a trap in bin/test) removes them.
# Servers of your own instead: set HOFFICE_TEST_POSTGRES_URL / HOFFICE_TEST_REDIS_URL.

SERVICES_DIR=""
REDIS_PID=""

# need_packages PKG... : install the missing Debian packages in one apt-get run (as root),
# or say how and fail.
need_packages() {
  [ "$#" -gt 0 ] || return 0
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> Installing Debian's $* (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "error: the tests need Debian's $*. Install them (sudo apt-get install $*) and run" >&2
    echo "       bin/test again, or use your own: HOFFICE_CHROMIUM (a Chromium binary)," >&2
    echo "       HOFFICE_TEST_POSTGRES_URL and HOFFICE_TEST_REDIS_URL (servers)." >&2
    exit 1
  fi
}

pg_bin() {  # the newest installed PostgreSQL's bin folder
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

# The packages services_start needs and lacks (none for a server given by URL).
missing_service_packages() {
  [ -n "${HOFFICE_TEST_POSTGRES_URL:-}" ] || pg_bin >/dev/null || echo postgresql
  [ -n "${HOFFICE_TEST_REDIS_URL:-}" ] || command -v redis-server >/dev/null 2>&1 || echo redis-server
}

free_port() {
  python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# as_owner CMD... : initdb and postgres refuse to run as root; there they run as `postgres`.
as_owner() {
  if [ "$(id -u)" = "0" ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

start_postgres() {
  local bin port data
  bin="$(pg_bin)"
  port="$(free_port)"
  data="$SERVICES_DIR/pg"
  mkdir -p "$data"
  [ "$(id -u)" = "0" ] && chown -R postgres: "$SERVICES_DIR" && chmod 700 "$data"
  echo "==> Starting PostgreSQL $(basename "$(dirname "$bin")") on 127.0.0.1:$port"
  as_owner "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  # A throwaway server: durability off (a test database never outlives the run).
  as_owner "$bin/pg_ctl" -D "$data" -l "$SERVICES_DIR/postgres.log" -w -t 60 -o \
    "-c listen_addresses=127.0.0.1 -p $port -k $SERVICES_DIR -c max_connections=200 \
     -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null || {
    cat "$SERVICES_DIR/postgres.log" >&2; return 1; }
  export HOFFICE_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
}

start_redis() {
  local port tries=0
  port="$(free_port)"
  echo "==> Starting Redis on 127.0.0.1:$port"
  redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize no \
    --dir "$SERVICES_DIR" --logfile "$SERVICES_DIR/redis.log" &
  REDIS_PID=$!
  until redis-cli -p "$port" ping >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -gt 100 ] || ! kill -0 "$REDIS_PID" 2>/dev/null; then
      echo "error: Redis did not start:" >&2; cat "$SERVICES_DIR/redis.log" >&2; return 1
    fi
    sleep 0.1
  done
  export HOFFICE_TEST_REDIS_URL="redis://127.0.0.1:$port/0"
}

# Start what is not given by URL; bin/test traps services_stop on exit.
services_start() {
  SERVICES_DIR="$(mktemp -d "${TMPDIR:-/tmp}/hoffice-services.XXXXXX")"
  [ -n "${HOFFICE_TEST_POSTGRES_URL:-}" ] || start_postgres
  [ -n "${HOFFICE_TEST_REDIS_URL:-}" ] || start_redis
}

services_stop() {
  [ -n "$SERVICES_DIR" ] || return 0
  if [ -f "$SERVICES_DIR/pg/postmaster.pid" ]; then
    as_owner "$(pg_bin)/pg_ctl" -D "$SERVICES_DIR/pg" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ -n "$REDIS_PID" ]; then
    kill "$REDIS_PID" 2>/dev/null || true
    wait "$REDIS_PID" 2>/dev/null || true
  fi
  rm -rf "$SERVICES_DIR"
  SERVICES_DIR=""
}
