#!/usr/bin/env bash
# PostgreSQL recovery drill on loopback, with Debian's PostgreSQL 15 (apt-get install -y postgresql)
# and the scripts of deploy/postgresql exactly as production uses them:
#   1. a primary with tangthu.conf's WAL archiving (wal-archive.sh) and a synchronous standby made
#      by make-standby.sh; a verified base backup by base-backup.sh (which runs wal-cleanup.sh);
#   2. rows written through the archive's JDBC driver with a multi-host URL
#      (jdbc:postgresql://primary,standby/tangthu?targetServerType=primary), a named restore point,
#      then a "mistake" (every row deleted) and more WAL, all archived;
#   3. the standby holds every acknowledged row (synchronous replication);
#   4. the primary is killed (SIGKILL) and its data directory destroyed; promote.sh promotes the
#      standby and the same JDBC URL writes to it;
#   5. the base backup is restored into a new directory and recovered from the WAL archive
#      (wal-restore.sh) to the restore point: every row written before it is there, bit for bit,
#      and the mistake is not.
# Run as root (it switches to the postgres user) or as a user who may run PostgreSQL. Exit status 0
# only when every check passed. Usage: deploy/drill/postgresql-drill.sh [rows, default 5000]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
rows=${1:-5000}
bin=${PGBIN:-/usr/lib/postgresql/15/bin}
[ -x "$bin/postgres" ] || { echo "drill: no PostgreSQL in $bin (apt-get install -y postgresql)"; exit 2; }
if [ "$(id -u)" = 0 ]; then
  work=$(mktemp -d /tmp/tangthu-pg-drill.XXXXXX)
  # the JDBC driver the archive ships: from its jar, else Maven's local repository
  jar=$repo/archive-api/target/archive-api.jar
  if [ ! -f "$jar" ]; then
    jar=$(ls "$HOME"/.m2/repository/org/postgresql/postgresql/42.7.8/postgresql-42.7.8.jar 2>/dev/null || true)
  fi
  [ -n "$jar" ] && [ -f "$jar" ] || { echo "drill: no JDBC driver (build archive-api first)"; exit 2; }
  mkdir -p "$work/bin"
  cp "$jar" "$work/bin/driver.jar"
  cp "$repo"/deploy/postgresql/*.sh "$here/JdbcFailoverCheck.java" "$work/bin/"
  chown -R postgres: "$work"
  rc=0
  runuser -u postgres -- env DRILL_WORK="$work" PGBIN="$bin" bash "$0" "$rows" || rc=$?
  [ -n "${DRILL_KEEP:-}" ] || rm -rf "$work"
  exit $rc
fi
work=${DRILL_WORK:?run as root, or set DRILL_WORK to a directory holding bin/ as the root branch does}
scripts=$work/bin
export PATH=$bin:$PATH PGHOST=$work PGUSER=postgres PGDATABASE=postgres
archive=$work/wal-archive
backups=$work/base-backups
mkdir -p "$archive" "$backups"
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
p1=$(free_port); p2=$(free_port); p3=$(free_port)
pids=()
stop_all() {
  for d in "$work"/primary "$work"/standby "$work"/restored; do
    [ -f "$d/postmaster.pid" ] && pg_ctl -D "$d" -m immediate stop >/dev/null 2>&1 || true
  done
}
trap stop_all EXIT
t0=$(date +%s.%N)
elapsed() { printf '%5.1f s' "$(echo "$(date +%s.%N) - $t0" | bc)"; }
say() { echo "[$(elapsed)] $*"; }
fail() { echo "DRILL FAILED: $*"; exit 1; }

# 1. primary with tangthu.conf, archiving through wal-archive.sh
initdb -D "$work/primary" -U postgres --auth=trust --data-checksums >/dev/null
sed -e "s#/usr/local/lib/tangthu#$scripts#g" -e "s#/srv/tangthu/wal-archive#$archive#g" \
  -e 's/^shared_buffers.*/shared_buffers = 128MB/' -e 's/^effective_cache_size.*/effective_cache_size = 1GB/' \
  -e 's/^max_wal_size.*/max_wal_size = 1GB/' "$repo/deploy/postgresql/tangthu.conf" > "$work/primary/tangthu.conf"
cat >> "$work/primary/postgresql.conf" <<CONF
include 'tangthu.conf'
listen_addresses = '127.0.0.1'
port = $p1
unix_socket_directories = '$work'
CONF
echo "host replication postgres 127.0.0.1/32 trust" >> "$work/primary/pg_hba.conf"
pg_ctl -D "$work/primary" -l "$work/primary.log" -w start >/dev/null
# as on a new primary (deploy/README.md): no synchronous standby until it streams
psql -p "$p1" -Xq -c "ALTER SYSTEM SET synchronous_standby_names = ''" -c 'SELECT pg_reload_conf()' >/dev/null
say "primary up on port $p1 (archive_command: wal-archive.sh)"
psql -p "$p1" -Xq -c 'CREATE DATABASE tangthu'

# the standby, synchronous (tangthu.conf names standby1)
PGPORT=$p1 "$scripts/make-standby.sh" 127.0.0.1 "$p1" postgres "$work/standby" standby1 >/dev/null
cat >> "$work/standby/postgresql.conf" <<CONF
port = $p2
CONF
pg_ctl -D "$work/standby" -l "$work/standby.log" -w start >/dev/null
psql -p "$p1" -Xq -c 'ALTER SYSTEM RESET synchronous_standby_names' -c 'SELECT pg_reload_conf()' >/dev/null
for _ in $(seq 1 50); do
  state=$(psql -p "$p1" -XAtq -c "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'standby1'")
  [ "$state" = sync ] && break
  sleep 0.2
done
[ "$state" = sync ] || fail "standby1 is not synchronous (state '$state')"
say "standby1 up on port $p2, streaming, sync_state=$state"

# base backup (verified) before the data; wal-cleanup runs with it
PGPORT=$p1 "$scripts/base-backup.sh" "$backups" "$archive" 7 | sed "s/^/[$(elapsed)] /"

# 2. rows through the JDBC multi-host URL
url="jdbc:postgresql://127.0.0.1:$p1,127.0.0.1:$p2/tangthu?targetServerType=primary"
psql -p "$p1" -d tangthu -Xq <<SQL
CREATE TABLE failover_check (tag text NOT NULL, port int NOT NULL, at timestamptz NOT NULL DEFAULT now());
CREATE TABLE records (id bigint PRIMARY KEY, sha256 text NOT NULL, subject text NOT NULL);
SQL
java -cp "$scripts/driver.jar" "$scripts/JdbcFailoverCheck.java" "$url" postgres before-failover 30 \
  | sed "s/^/[$(elapsed)] /"
psql -p "$p1" -d tangthu -Xq -c "INSERT INTO records SELECT g, encode(sha256(g::text::bytea), 'hex'),
  'Quyết định số ' || g || '/QĐ-UBND về việc lưu trữ' FROM generate_series(1, $rows) g"
want=$(psql -p "$p1" -d tangthu -XAtq -c "SELECT count(*) || ' ' || md5(string_agg(id || sha256 || subject, ',' ORDER BY id)) FROM records")
psql -p "$p1" -d tangthu -XAtq -c "SELECT pg_create_restore_point('drill_before_mistake')" >/dev/null
say "wrote $rows records ($want), restore point drill_before_mistake"
psql -p "$p1" -d tangthu -Xq -c 'DELETE FROM records'
psql -p "$p1" -d tangthu -Xq -c "INSERT INTO records VALUES (0, 'after', 'after the mistake')"
last=$(psql -p "$p1" -XAtq -c 'SELECT pg_walfile_name(pg_switch_wal())')
for _ in $(seq 1 100); do
  [ -f "$archive/$last" ] && break
  sleep 0.2
done
[ -f "$archive/$last" ] || fail "segment $last was not archived"
archived=$(psql -p "$p1" -XAtq -c "SELECT archived_count || ' archived, ' || failed_count || ' failed' FROM pg_stat_archiver")
say "mistake made (every record deleted, one row added); WAL up to $last archived ($archived)"

# 3. the standby has every acknowledged row
on_standby=$(psql -p "$p2" -d tangthu -XAtq -c "SELECT count(*) FROM records WHERE id = 0")
[ "$on_standby" = 1 ] || fail "standby lacks the last acknowledged row"
say "standby holds the last acknowledged commit"

# the archive refuses to overwrite a segment with other bytes, and accepts the same bytes again
first=$(ls "$archive" | grep -E '^[0-9A-F]{24}$' | head -n 1)
if "$scripts/wal-archive.sh" "$work/primary.log" "$first" "$archive" 2>/dev/null; then
  fail "wal-archive.sh overwrote $first"
fi
cp "$archive/$first" "$work/same"
"$scripts/wal-archive.sh" "$work/same" "$first" "$archive" || fail "wal-archive.sh refused identical bytes"
say "wal-archive.sh: refuses different bytes under an archived name (exit 1), accepts the same bytes (exit 0)"

# 4. destroy the primary, promote the standby, the same URL follows
kill -9 "$(head -n 1 "$work/primary/postmaster.pid")"
sleep 0.5
rm -rf "$work/primary"
say "primary killed (SIGKILL) and its data directory deleted; a JDBC client keeps trying the same URL"
java -cp "$scripts/driver.jar" "$scripts/JdbcFailoverCheck.java" "$url" postgres after-failover 90 > "$work/jdbc.out" &
client=$!
for _ in $(seq 1 300); do grep -q 'first attempt failed' "$work/jdbc.out" && break; sleep 0.2; done
sleep 2
PGPORT=$p2 "$scripts/promote.sh" | sed "s/^/[$(elapsed)] /"
wait $client || fail "no write through the JDBC URL after the promotion: $(cat "$work/jdbc.out")"
sed "s/^/[$(elapsed)] /" "$work/jdbc.out"
grep -q "wrote to port $p2 (in recovery: false)" "$work/jdbc.out" || fail "the JDBC URL did not reach the promoted standby"
kept=$(psql -p "$p2" -d tangthu -XAtq -c "SELECT count(*) FROM records WHERE id = 0")
[ "$kept" = 1 ] || fail "the promoted standby lost an acknowledged row"

# 5. point-in-time recovery from the base backup and the WAL archive
backup=$(ls -1 "$backups" | grep -E '^[0-9]{8}T[0-9]{6}Z$' | sort | tail -n 1)
cp -a "$backups/$backup" "$work/restored"
chmod 700 "$work/restored"
sed -i -e "s/^port = .*//" -e "s/^unix_socket_directories.*//" "$work/restored/postgresql.conf"
cat >> "$work/restored/postgresql.conf" <<CONF
port = $p3
unix_socket_directories = '$work'
archive_mode = off
recovery_target_name = 'drill_before_mistake'
recovery_target_action = 'promote'
CONF
# a restored copy must not think it has a synchronous standby nor replicate as one
echo "synchronous_standby_names = ''" >> "$work/restored/postgresql.auto.conf"
sed -i '/^primary_conninfo/d;/^primary_slot_name/d' "$work/restored/postgresql.auto.conf"
rm -f "$work/restored/standby.signal"
touch "$work/restored/recovery.signal"
pg_ctl -D "$work/restored" -l "$work/restored.log" -w -t 120 start >/dev/null
for _ in $(seq 1 150); do
  [ "$(psql -p "$p3" -XAtq -c 'SELECT pg_is_in_recovery()' 2>/dev/null)" = f ] && break
  sleep 0.2
done
got=$(psql -p "$p3" -d tangthu -XAtq -c "SELECT count(*) || ' ' || md5(string_agg(id || sha256 || subject, ',' ORDER BY id)) FROM records")
mistake=$(psql -p "$p3" -d tangthu -XAtq -c "SELECT count(*) FROM records WHERE id = 0")
restored_from=$(grep -c 'restored log file' "$work/restored.log" || true)
[ "$got" = "$want" ] || fail "restored '$got', expected '$want'"
[ "$mistake" = 0 ] || fail "the restored database holds a row written after the restore point"
say "restored $backup + $restored_from archived WAL segment(s) to drill_before_mistake: $got (as written), the mistake absent"
say "DRILL PASSED"
