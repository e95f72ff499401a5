#!/bin/sh
# Promotes this standby to primary and waits until it accepts writes.
#   promote.sh [synchronous_standby_names for the new primary, default '' (no synchronous standby)]
# Connection from libpq's environment (PGHOST, PGPORT, PGUSER: a superuser, e.g. postgres over the
# Unix socket). Before running it, make sure the old primary is down and stays down (power it off
# or stop and mask its unit): two primaries would each take writes. While the new primary has no
# synchronous standby, an acknowledged commit is on one host only; name a new standby as soon as one
# is attached (make-standby.sh against this host), then run promote.sh's second step again:
#   psql -c "ALTER SYSTEM SET synchronous_standby_names = 'standby2'" -c 'SELECT pg_reload_conf()'
set -eu
sync_names=${1:-}
case $sync_names in *\'*) echo "promote: no quote in the names" >&2; exit 2 ;; esac
in_recovery=$(psql -XAtq -c 'SELECT pg_is_in_recovery()')
if [ "$in_recovery" = t ]; then
  psql -XAtq -c 'SELECT pg_promote(wait => true, wait_seconds => 60)' | grep -qx t || {
    echo "promote: pg_promote did not finish within 60 s" >&2
    exit 1
  }
fi
[ "$(psql -XAtq -c 'SELECT pg_is_in_recovery()')" = f ] || { echo "promote: still in recovery" >&2; exit 1; }
psql -XAtq -c "ALTER SYSTEM SET synchronous_standby_names = '$sync_names'" -c 'SELECT pg_reload_conf()' >/dev/null
echo "promote: primary now (timeline $(psql -XAtq -c 'SELECT substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8)::int')), synchronous_standby_names = '$sync_names'"
