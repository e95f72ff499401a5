#!/bin/sh
# PostgreSQL archive_command: copies one finished WAL segment (or history/backup file) into the WAL
# archive, durably, and never replaces a different file of the same name.
#   archive_command = '/usr/local/lib/tangthu/wal-archive.sh %p %f /srv/tangthu/wal-archive'
# The archive directory is local or a mounted remote file system (NFS, another site's disk); it must
# not be inside the data directory. Exit status 0 only once the file is on disk in the archive:
#  - already archived with the same bytes (a retry after a crash): 0, nothing written;
#  - already archived with other bytes: 1 and a message (PostgreSQL retries and logs it; the
#    archiver stalls and pg_stat_archiver.failed_count grows until an operator looks);
#  - any copy or fsync failure: non-zero, the partial copy removed.
set -eu
if [ $# -ne 3 ]; then
  echo "usage: wal-archive.sh <path %p> <name %f> <archive dir>" >&2
  exit 2
fi
src=$1
name=$2
dir=$3
case $name in
  */* | .* | '') echo "wal-archive: refusing file name '$name'" >&2; exit 2 ;;
esac
[ -d "$dir" ] || { echo "wal-archive: archive directory $dir does not exist" >&2; exit 1; }
dest=$dir/$name
if [ -e "$dest" ]; then
  if cmp -s "$src" "$dest"; then
    exit 0
  fi
  echo "wal-archive: $dest exists with different content; refusing to overwrite" >&2
  exit 1
fi
tmp=$dir/.$name.tmp.$$
trap 'rm -f "$tmp"' EXIT
cp "$src" "$tmp"
sync "$tmp"
# ln fails if another archiver put the name there meanwhile: never replace, then compare again.
if ! ln "$tmp" "$dest" 2>/dev/null; then
  if [ -e "$dest" ] && cmp -s "$src" "$dest"; then
    exit 0
  fi
  echo "wal-archive: could not link $dest" >&2
  exit 1
fi
rm -f "$tmp"
trap - EXIT
sync "$dir"
