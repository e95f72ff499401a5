#!/bin/sh
# Removes archived WAL that no kept base backup needs: everything before the start segment of the
# oldest verified backup under <backup root> (read from its backup_label).
#   wal-cleanup.sh <backup root> <WAL archive dir>
# Does nothing when there is no verified backup. Timeline history files are always kept.
set -eu
if [ $# -ne 2 ]; then
  echo "usage: wal-cleanup.sh <backup root> <WAL archive dir>" >&2
  exit 2
fi
root=$1
archive=$2
bin=${PGBIN:-/usr/lib/postgresql/15/bin}
oldest=$(ls -1 "$root" 2>/dev/null | grep -E '^[0-9]{8}T[0-9]{6}Z$' | sort | head -n 1 || true)
if [ -z "$oldest" ]; then
  echo "wal-cleanup: no verified base backup under $root; nothing removed"
  exit 0
fi
# backup_label: "START WAL LOCATION: 0/2000028 (file 000000010000000000000002)"
segment=$(sed -n 's/^START WAL LOCATION: .* (file \([0-9A-F]\{24\}\))$/\1/p' "$root/$oldest/backup_label")
if [ -z "$segment" ]; then
  echo "wal-cleanup: no start segment in $root/$oldest/backup_label" >&2
  exit 1
fi
before=$(ls -1 "$archive" | wc -l)
"$bin/pg_archivecleanup" "$archive" "$segment"
after=$(ls -1 "$archive" | wc -l)
echo "wal-cleanup: kept WAL from $segment (oldest backup $oldest): removed $((before - after)) file(s)"
