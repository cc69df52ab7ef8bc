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
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -h 127.0.0.1" && break
  sleep 1
done
if ! su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='safeguard'\"" | grep -q 1; then
  su postgres -c "psql -q -c \"CREATE ROLE safeguard LOGIN PASSWORD 'safeguard' CREATEDB\"" >&2
fi
echo "postgresql://safeguard:safeguard@127.0.0.1:5432/postgres"
