#!/bin/sh
# Makes this host a streaming standby of the primary: an empty data directory filled by
# pg_basebackup with a physical replication slot, and the standby's connection written into
# postgresql.auto.conf (primary_conninfo, primary_slot_name) with standby.signal.
#   make-standby.sh <primary host> <primary port> <replication role> <empty data dir> <standby name>
# <standby name> is the standby's application_name and its slot's name (letters, digits, _):
# list it in the primary's synchronous_standby_names. Run as postgres with the server stopped;
# the password from ~/.pgpass. Then start the server (Debian: pg_ctlcluster 15 main start).
set -eu
if [ $# -ne 5 ]; then
  echo "usage: make-standby.sh <primary host> <port> <replication role> <data dir> <standby name>" >&2
  exit 2
fi
host=$1
port=$2
role=$3
data=$4
standby=$5
case $standby in '' | *[!a-z0-9_]*) echo "make-standby: name must be [a-z0-9_]+" >&2; exit 2 ;; esac
bin=${PGBIN:-/usr/lib/postgresql/15/bin}
if [ -d "$data" ] && [ -n "$(ls -A "$data")" ]; then
  echo "make-standby: $data is not empty" >&2
  exit 1
fi
"$bin/pg_basebackup" -d "host=$host port=$port user=$role application_name=$standby" \
  -D "$data" -Fp -X stream -R -C -S "$standby" --checkpoint=fast --no-password
# The primary's own synchronous_standby_names came along in postgresql.auto.conf; a standby
# ignores it, but once promoted it would wait for itself: clear it here (promote.sh sets it again).
echo "synchronous_standby_names = ''" >> "$data/postgresql.auto.conf"
chmod 700 "$data"
echo "make-standby: $data is a standby of $host:$port as $standby (slot $standby)"
