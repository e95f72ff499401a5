#!/bin/sh
# Takes a verified base backup of the primary and removes what the kept backups no longer need.
#   base-backup.sh <backup root> <WAL archive dir> [backups to keep, default 7]
# Connection from libpq's environment (PGHOST, PGPORT, PGUSER: a role with REPLICATION; its
# password in ~/.pgpass). Run as postgres (cron or a systemd timer, e.g. daily).
#  1. pg_basebackup (plain format, WAL streamed into the backup, fast checkpoint) into
#     <root>/<UTC time>.partial, then pg_verifybackup against the backup's manifest;
#  2. renamed to <root>/<UTC time> only when verified (a half-written backup never counts);
#  3. all but the newest <keep> verified backups are deleted, then wal-cleanup.sh drops the archived
#     WAL older than the oldest backup kept (point-in-time recovery reaches back to it, no further).
set -eu
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: base-backup.sh <backup root> <WAL archive dir> [keep]" >&2
  exit 2
fi
root=$1
archive=$2
keep=${3:-7}
case $keep in '' | *[!0-9]* | 0) echo "base-backup: keep must be a positive number" >&2; exit 2 ;; esac
bin=${PGBIN:-/usr/lib/postgresql/15/bin}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$root"
name=$(date -u +%Y%m%dT%H%M%SZ)
work=$root/$name.partial
rm -rf "$work"
"$bin/pg_basebackup" -D "$work" -Fp -X stream --checkpoint=fast --manifest-checksums=SHA256 \
  -l "tangthu $name" --no-password
"$bin/pg_verifybackup" --quiet "$work"
sync "$work"
mv "$work" "$root/$name"
sync "$root"
echo "base-backup: $root/$name verified ($(du -sh "$root/$name" | cut -f1))"
# Keep the newest <keep> verified backups (names sort by time).
ls -1 "$root" | grep -E '^[0-9]{8}T[0-9]{6}Z$' | sort -r | tail -n +"$((keep + 1))" | while read -r old; do
  rm -rf "${root:?}/$old"
  echo "base-backup: removed $root/$old"
done
"$here/wal-cleanup.sh" "$root" "$archive"
