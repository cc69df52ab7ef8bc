#!/usr/bin/env bash
# Install (if needed) and start Debian's PostgreSQL on loopback with a role that may create
# databases. Prints the server's URL (SAFEGUARD_TEST_PG_URL for the tests).
#
#   start-postgres.sh              the `main` cluster, durable (benchmarks: bench/hma.py, ...)
#   start-postgres.sh --throwaway  a cluster of its own for the test suite, `sgtest`, with
#                                  PostgreSQL's non-durable settings (fsync, synchronous_commit
#                                  and full_page_writes off, as its manual's "Non-Durable
#                                  Settings" suggest for data that can be thrown away). The
#                                  suite creates and drops a database per test; with fsync on,
#                                  each DROP DATABASE waits ~0.75 s for the disk, ~200 s a run.
#                                  A throwaway cluster that does not come up is made again.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
cluster=main
if [ "${1:-}" = "--throwaway" ]; then
  cluster=sgtest
elif [ -n "${1:-}" ]; then
  echo "usage: $0 [--throwaway]" >&2
  exit 2
fi
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)

create() {
  if [ "$cluster" = main ]; then
    pg_createcluster "$version" main >&2
  else
    pg_createcluster "$version" "$cluster" --start-conf=manual \
      -o fsync=off -o synchronous_commit=off -o full_page_writes=off >&2
  fi
}
exists() { pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version $cluster"; }
port() { pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $3}'; }

# A cluster that was stopped uncleanly (a machine image taken while it ran) replays its WAL
# first and answers "the database system is starting up" meanwhile, for a minute or more on a
# slow disk. Wait until a real query succeeds, on the socket the role check below uses.
ready() {
  local tries=$1
  for _ in $(seq 1 "$tries"); do
    if su postgres -c "psql -p $(port) -qtAc 'SELECT 1'" >/dev/null 2>&1 \
       && su postgres -c "pg_isready -q -h 127.0.0.1 -p $(port)"; then
      return 0
    fi
    sleep 1
  done
  return 1
}

exists || create
pg_ctlcluster "$version" "$cluster" start >&2 2>/dev/null || true   # already running is fine
if [ "$cluster" = main ]; then
  waited=300
else
  waited=60
fi
if ! ready "$waited"; then
  if [ "$cluster" = main ]; then
    echo "PostgreSQL $version did not accept queries within $waited s" >&2
    tail -n 30 "/var/log/postgresql/postgresql-$version-main.log" >&2 || true
    exit 1
  fi
  echo "the throwaway cluster $cluster did not come up within $waited s: making it again" >&2
  pg_dropcluster --stop "$version" "$cluster" >&2 || true
  create
  pg_ctlcluster "$version" "$cluster" start >&2
  if ! ready 120; then
    echo "PostgreSQL $version ($cluster) did not accept queries" >&2
    tail -n 30 "/var/log/postgresql/postgresql-$version-$cluster.log" >&2 || true
    exit 1
  fi
fi
p=$(port)
if ! su postgres -c "psql -p $p -tAc \"SELECT 1 FROM pg_roles WHERE rolname='safeguard'\"" | grep -q 1; then
  su postgres -c "psql -p $p -q -c \"CREATE ROLE safeguard LOGIN PASSWORD 'safeguard' CREATEDB\"" >&2
fi
# Tests drop their databases WITH (FORCE); ending an autovacuum worker that happens to be in
# one needs pg_signal_backend (PostgreSQL 15), or the drop fails now and then.
su postgres -c "psql -p $p -q -c \"GRANT pg_signal_backend TO safeguard\"" >&2
echo "postgresql://safeguard:safeguard@127.0.0.1:$p/postgres"
