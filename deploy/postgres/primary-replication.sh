#!/usr/bin/env bash
# The primary's side of streaming replication (docker-compose.scale.yml). The official
# postgres image runs this once, from /docker-entrypoint-initdb.d, when it creates an empty
# data directory; a primary with existing data is left as it is.
#  - a role that may log in and stream WAL (and manage replication slots: the replica makes
#    its own, deploy/postgres/replica-entrypoint.sh), nothing else: no tables, no superuser;
#  - a pg_hba.conf line letting that role connect for replication, with its password, from
#    the networks this server is on (`samenet`: the compose network; no port is published).
set -Eeuo pipefail

: "${REPLICATION_USER:?set REPLICATION_USER}"
: "${REPLICATION_PASSWORD:?set REPLICATION_PASSWORD}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set repl_user="$REPLICATION_USER" \
  --set repl_password="$REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE :"repl_user" WITH LOGIN REPLICATION PASSWORD :'repl_password';
SQL

echo "host replication $REPLICATION_USER samenet scram-sha-256" >>"$PGDATA/pg_hba.conf"
