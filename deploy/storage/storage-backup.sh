#!/bin/sh
# Backs up a storage node's data directory into <backup root>/<UTC time>, hard-linking every file
# unchanged since the previous backup (a version's d-*.bin never changes once written, so each
# backup copies only the new versions and the sidecars that changed), then verifies the copy.
#   storage-backup.sh <data dir> <backup root> [storage-node.jar] [backups to keep, default 14]
# <data dir> must not change during the copy: the directory of a stopped node, or a file-system
# snapshot of a running node's directory (LVM, ZFS, btrfs; the whole data directory in one
# snapshot). A copy of a live directory is not a backup: a version written or deleted meanwhile
# may be caught as a sidecar without its data file, and journaled small writes may be caught
# between the journal and their files.
#  - tmp/ (staging) is left out; journal/ is copied (a snapshot's journal holds acknowledged small
#    writes not yet in place; the node replays it at start);
#  - with storage-node.jar, the copy is scrubbed (every version's SHA-256 and data file checked)
#    and kept only when clean; the backup is named <time> only then (<time>.partial before);
#  - all but the newest <keep> verified backups are removed.
# Restore: stop the node, move the damaged directory aside, copy a backup back (cp -a, or rsync -aH),
# chown it to the node's user, start the node. Needs rsync (apt-get install -y rsync).
set -eu
if [ $# -lt 2 ] || [ $# -gt 4 ]; then
  echo "usage: storage-backup.sh <data dir> <backup root> [storage-node.jar] [keep]" >&2
  exit 2
fi
src=${1%/}
root=${2%/}
jar=${3:-}
keep=${4:-14}
case $keep in '' | *[!0-9]* | 0) echo "storage-backup: keep must be a positive number" >&2; exit 2 ;; esac
[ -d "$src/buckets" ] || { echo "storage-backup: $src is not a storage node data directory (no buckets/)" >&2; exit 1; }
mkdir -p "$root"
name=$(date -u +%Y%m%dT%H%M%SZ)
work=$root/$name.partial
previous=$(ls -1 "$root" | grep -E '^[0-9]{8}T[0-9]{6}Z$' | sort | tail -n 1 || true)
link=
[ -n "$previous" ] && link="--link-dest=$root/$previous"
rm -rf "$work"
# shellcheck disable=SC2086
rsync -a --numeric-ids --exclude=/tmp/ $link "$src/" "$work/"
mkdir -p "$work/tmp"
sync -f "$work"
if [ -n "$jar" ]; then
  if ! java -jar "$jar" scrub "$work" > "$root/$name.scrub.log" 2>&1; then
    echo "storage-backup: the copy does not scrub clean, kept as $work (see $root/$name.scrub.log)" >&2
    exit 1
  fi
  tail -n 1 "$root/$name.scrub.log"
fi
mv "$work" "$root/$name"
sync "$root"
new=$(find "$root/$name" -type f -links 1 | wc -l)
all=$(find "$root/$name" -type f | wc -l)
echo "storage-backup: $root/$name ($all files, $new copied, the rest hard-linked to ${previous:-nothing})"
ls -1 "$root" | grep -E '^[0-9]{8}T[0-9]{6}Z$' | sort -r | tail -n +"$((keep + 1))" | while read -r old; do
  rm -rf "${root:?}/$old" "$root/$old.scrub.log"
  echo "storage-backup: removed $root/$old"
done
