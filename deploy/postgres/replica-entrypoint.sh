#!/usr/bin/env bash
# Entrypoint of the read replica (docker-compose.scale.yml), in the official postgres image.
# First start (no data directory yet): waits for the primary, copies it with pg_basebackup
# (-R writes standby.signal and primary_conninfo, so postgres starts as a hot standby that
# streams WAL from the primary; -X stream brings the WAL written during the copy; -C -S make
# the replication slot through which the primary keeps the WAL this replica has not received
# yet), then starts. Later starts go straight to postgres.
# The copy is made beside PGDATA and moved into place only once complete, so a copy cut
# short (container stopped, primary gone) is thrown away and redone, never started.
# Arguments: the postgres command line (the compose file's `command`).
set -Eeuo pipefail

: "${PGDATA:?set PGDATA (a folder inside the volume, e.g. /var/lib/postgresql/data/pgdata)}"
: "${PRIMARY_HOST:=postgres}"
: "${PRIMARY_PORT:=5432}"
: "${REPLICATION_USER:?set REPLICATION_USER}"
: "${REPLICATION_PASSWORD:?set REPLICATION_PASSWORD}"
: "${REPLICATION_SLOT:=vetted_replica}"
# For pg_isready and pg_basebackup here, and for the standby's WAL receiver afterwards (it
# runs libpq in this environment), whatever primary_conninfo holds.
export PGPASSWORD="$REPLICATION_PASSWORD"

# The image starts as root, and postgres refuses to run as root: gosu (in the image) drops to
# the postgres user. When the container already runs as that user, there is nothing to drop.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then gosu postgres "$@"; else "$@"; fi
}

volume="$(dirname "$PGDATA")"
partial="$PGDATA.partial"
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$volume"
  chown postgres:postgres "$volume"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -e "$PGDATA" ] && ! rmdir "$PGDATA" 2>/dev/null; then
    echo "replica: $PGDATA is not empty but holds no database; remove the replica's volume to copy the primary again." >&2
    exit 1
  fi
  rm -rf "$partial"
  echo "replica: waiting for the primary at $PRIMARY_HOST:$PRIMARY_PORT"
  until as_postgres pg_isready -q -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U "$REPLICATION_USER" -d postgres; do
    sleep 1
  done
  # A slot left by an earlier copy of this replica (its volume was removed, or the slot was
  # given up past max_slot_wal_keep_size) holds WAL for a copy that is gone: drop it, so
  # pg_basebackup makes a fresh one. An active slot is a replica still streaming: kept.
  as_postgres psql -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U "$REPLICATION_USER" -d postgres \
    -v ON_ERROR_STOP=1 -qAt --no-password -v slot="$REPLICATION_SLOT" <<'SQL'
SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = :'slot' AND NOT active;
SQL
  echo "replica: copying the primary (pg_basebackup)"
  as_postgres pg_basebackup -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U "$REPLICATION_USER" \
    -D "$partial" -R -X stream -C -S "$REPLICATION_SLOT" --checkpoint=fast --no-password --progress
  mv "$partial" "$PGDATA"
  echo "replica: copy complete; starting as a hot standby"
fi

if [ "$(id -u)" = 0 ]; then exec gosu postgres "$@"; fi
exec "$@"
