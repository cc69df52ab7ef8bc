#!/usr/bin/env bash
# Install (if needed) and start Debian's PostgreSQL on loopback with a test role that may
# create databases. Prints the URL the tests use (SAFEGUARD_TEST_PG_URL).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >&2 2>/dev/null || true   # already running is fine
# A cluster that was stopped uncleanly (a machine image taken while it ran) replays its WAL
# first and answers "the database system is starting up" meanwhile, for a minute or more on a
# slow disk. Wait until a real query succeeds, on the socket the role check below uses.
ready=no
for _ in $(seq 1 300); do
  if su postgres -c "psql -qtAc 'SELECT 1'" >/dev/null 2>&1 \
     && su postgres -c "pg_isready -q -h 127.0.0.1"; then
    ready=yes
    break
  fi
  sleep 1
done
if [ "$ready" != yes ]; then
  echo "PostgreSQL $version did not accept queries within 300 s" >&2
  tail -n 30 "/var/log/postgresql/postgresql-$version-main.log" >&2 || true
  exit 1
fi
if ! su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='safeguard'\"" | grep -q 1; then
  su postgres -c "psql -q -c \"CREATE ROLE safeguard LOGIN PASSWORD 'safeguard' CREATEDB\"" >&2
fi
# Tests drop their databases WITH (FORCE); ending an autovacuum worker that happens to be in
# one needs pg_signal_backend (PostgreSQL 15), or the drop fails now and then.
su postgres -c "psql -q -c \"GRANT pg_signal_backend TO safeguard\"" >&2
echo "postgresql://safeguard:safeguard@127.0.0.1:5432/postgres"
