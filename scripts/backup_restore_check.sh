#!/usr/bin/env bash
# Tested restore: dump a PostgreSQL database, restore the dump into a scratch database, and
# prove the copy is whole. Runbook: docs/runbooks/backup-and-restore.md.
#
# Usage:
#   scripts/backup_restore_check.sh [DATABASE_URL | DATABASE_NAME]
#
#   With a URL (postgres://user:password@host:port/name) that database is checked. With a bare
#   name, the database of that name on the local server (postgres@127.0.0.1:5432). With no
#   argument, $DATABASE_URL.
#
# What it does:
#   1. opens a read-only snapshot of the source database and, inside that snapshot,
#      `pg_dump -Fc`s it and counts the rows of every table (so writes made while it runs
#      cannot cause a false alarm on a live database);
#   2. `pg_restore`s the dump into a fresh database named <name>_restore_check on the same server
#      (dropping one left behind by an earlier run first);
#   3. compares the row counts of every table, and the newest activity log event, between the two;
#   4. runs `manage.py activity_log_verify` against the restored copy (DATABASE_URL pointing at it,
#      DJANGO_SETTINGS_MODULE=config.settings.local);
#   5. drops the scratch database and the dump file, whatever happened.
#
# Exits 0 when the copy matches; non-zero on any difference or error.
# Environment: PYTHON (default .venv/bin/python), TMPDIR (where the dump file is written).
set -euo pipefail

cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-.venv/bin/python}"
LOCAL_SERVER="postgres://postgres@127.0.0.1:5432"
SCRATCH_SUFFIX="_restore_check"

say() { printf '==> %s\n' "$*"; }
die() {
    printf 'FAILED: %s\n' "$*" >&2
    exit 1
}
# Never print a password that came in a URL.
redact() { sed -E 's#(://[^:/@]+):[^@]*@#\1:***@#' <<<"$1"; }

# --- which database ----------------------------------------------------------------------------
target="${1:-${DATABASE_URL:-}}"
if [[ -z $target ]]; then
    sed -n '2,11p' "$0" >&2
    die "give a database URL or name, or set DATABASE_URL"
fi
case "$target" in
    postgres://* | postgresql://*) source_url="$target" ;;
    *://*) die "not a PostgreSQL URL: $(redact "$target")" ;;
    *) source_url="$LOCAL_SERVER/$target" ;;
esac

without_query="${source_url%%\?*}"
query=""
if [[ $source_url == *\?* ]]; then
    query="?${source_url#*\?}"
fi
[[ ${without_query#*://} == */* ]] || die "the URL names no database: $(redact "$source_url")"
server="${without_query%/*}"
source_db="${without_query##*/}"
[[ $source_db =~ ^[A-Za-z0-9_]+$ ]] || die "unexpected database name '$source_db'"
scratch_db="${source_db}${SCRATCH_SUFFIX}"
# PostgreSQL silently truncates longer names, which could point the scratch name elsewhere.
((${#scratch_db} <= 63)) || die "'$scratch_db' is longer than PostgreSQL's 63-character limit"
scratch_url="${server}/${scratch_db}${query}"

for tool in pg_dump pg_restore psql createdb dropdb; do
    command -v "$tool" >/dev/null || die "$tool is not on PATH (apt-get install postgresql-client)"
done
[[ -x $PYTHON ]] || die "$PYTHON not found: run from a checkout with its virtual environment"

workdir="$(mktemp -d "${TMPDIR:-/tmp}/backup_restore_check.XXXXXX")"
dump_file="$workdir/${source_db}.dump"
scratch_created=0
psql_pid=""

cleanup() {
    local status=$?
    if [[ -n $psql_pid ]] && kill -0 "$psql_pid" 2>/dev/null; then
        kill "$psql_pid" 2>/dev/null || true
    fi
    if ((scratch_created)); then
        if dropdb --if-exists --maintenance-db="$source_url" "$scratch_db"; then
            say "Dropped the scratch database $scratch_db"
        else
            printf 'FAILED: could not drop %s: drop it by hand\n' "$scratch_db" >&2
            status=1
        fi
    fi
    rm -rf "$workdir"
    if ((status == 0)); then
        say "Restore check passed"
    else
        printf '==> Restore check FAILED (exit %s)\n' "$status" >&2
    fi
    exit "$status"
}
trap cleanup EXIT

# Exact row count of every table, one "schema.table count" line each, sorted.
COUNT_ROWS_SQL="
SELECT format('%I.%I', table_schema, table_name) || ' ' || (xpath('/row/n/text()',
       query_to_xml(format('SELECT count(*) AS n FROM %I.%I', table_schema, table_name),
                    false, true, '')))[1]::text
  FROM information_schema.tables
 WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
 ORDER BY 1;"
# The newest activity log event: "id hash" (the head of the hash chain).
CHAIN_HEAD_SQL="
SELECT coalesce((SELECT id || ' ' || hash FROM activity_log_activityevent
                  ORDER BY id DESC LIMIT 1), 'empty');"

# --- 1. dump and count inside one snapshot ----------------------------------------------------
say "Source: $source_db on $(redact "$server")"
coproc SNAPSHOT { psql "$source_url" -X -q -A -t -v ON_ERROR_STOP=1; }
psql_pid=$SNAPSHOT_PID
snapshot_in=${SNAPSHOT[1]}
snapshot_out=${SNAPSHOT[0]}

# Send SQL to the snapshot session and print its rows (until a marker line, so we know it ended).
in_snapshot() {
    local line
    printf '%s\nSELECT %s;\n' "$1" "'__end_of_result__'" >&"$snapshot_in"
    while IFS= read -r line <&"$snapshot_out"; do
        [[ $line == __end_of_result__ ]] && return 0
        printf '%s\n' "$line"
    done
    die "the query in the source snapshot failed (see psql's message above)"
}

snapshot_id="$(in_snapshot 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
SELECT pg_export_snapshot();')"
[[ -n $snapshot_id ]] || die "could not open a snapshot of $source_db"

started=$SECONDS
pg_dump --format=custom --snapshot="$snapshot_id" --file="$dump_file" --dbname="$source_url"
say "Dumped $source_db with pg_dump -Fc: $(du -h "$dump_file" | cut -f1) in $((SECONDS - started))s"
in_snapshot "$COUNT_ROWS_SQL" >"$workdir/source_counts.txt"
source_head="$(in_snapshot "$CHAIN_HEAD_SQL")"
in_snapshot 'COMMIT;' >/dev/null
printf '\\q\n' >&"$snapshot_in"
wait "$psql_pid" || true
psql_pid=""

# --- 2. restore into a fresh scratch database ---------------------------------------------------
# (quietly: "does not exist, skipping" is the usual case)
PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" \
    dropdb --if-exists --maintenance-db="$source_url" "$scratch_db"
createdb --maintenance-db="$source_url" "$scratch_db"
scratch_created=1
started=$SECONDS
pg_restore --no-owner --exit-on-error --dbname="$scratch_url" "$dump_file"
say "Restored into $scratch_db with pg_restore in $((SECONDS - started))s"

# --- 3. compare row counts and the head of the activity log -------------------------------------
psql "$scratch_url" -X -q -A -t -v ON_ERROR_STOP=1 -c "$COUNT_ROWS_SQL" \
    >"$workdir/restored_counts.txt"
restored_head="$(psql "$scratch_url" -X -q -A -t -v ON_ERROR_STOP=1 -c "$CHAIN_HEAD_SQL")"

tables=$(wc -l <"$workdir/source_counts.txt")
rows=$(awk '{ total += $2 } END { print total + 0 }' "$workdir/source_counts.txt")
if ! diff -u --label "$source_db" --label "$scratch_db" \
    "$workdir/source_counts.txt" "$workdir/restored_counts.txt"; then
    die "row counts differ between $source_db and $scratch_db (diff above)"
fi
say "Row counts match: $tables tables, $rows rows"

if [[ $source_head != "$restored_head" ]]; then
    die "newest activity log event differs: source '$source_head', restored '$restored_head'"
fi
say "Newest activity log event matches: ${source_head:0:24}..."

# --- 4. verify the hash chain in the restored copy ----------------------------------------------
say "manage.py activity_log_verify on $scratch_db"
DATABASE_URL="$scratch_url" DJANGO_SETTINGS_MODULE=config.settings.local \
    "$PYTHON" manage.py activity_log_verify ||
    die "the activity log hash chain in the restored copy is broken"
