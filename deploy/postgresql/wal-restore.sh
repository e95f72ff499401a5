#!/bin/sh
# PostgreSQL restore_command: copies one file back from the WAL archive.
#   restore_command = '/usr/local/lib/tangthu/wal-restore.sh %f %p /srv/tangthu/wal-archive'
# A missing file is the normal end of the archive during recovery: exit 1 without noise.
set -eu
if [ $# -ne 3 ]; then
  echo "usage: wal-restore.sh <name %f> <path %p> <archive dir>" >&2
  exit 2
fi
src=$3/$1
[ -f "$src" ] || exit 1
cp "$src" "$2.tmp"
mv "$2.tmp" "$2"
