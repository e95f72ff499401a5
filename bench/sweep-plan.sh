#!/usr/bin/env bash
# Sweep planning benchmark: the same 10,000 eligible records inside a 100,000-row and a
# 10,000,000-row archive (COPY into a fresh embedded PostgreSQL with the archive's schema); prints
# the planning time of each and their ratio. Needs ~6 GB of disk and ~15 minutes for 10M rows.
# Usage: bench/sweep-plan.sh [bigRows] [smallRows] [eligible]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f archive-api/target/archive-api.jar ] && [ -d bench/target/classes ] || mvn -B -q -DskipTests package
work=$(mktemp -d)
trap 'rc=$?; rm -rf "$work"; exit $rc' EXIT
printf '<configuration><root level="WARN"/></configuration>\n' > "$work/logback-bench.xml"
java -Dlogback.configurationFile="$work/logback-bench.xml" \
  -cp "bench/target/classes:archive-api/target/archive-api.jar" vn.tangthu.bench.SweepPlanBenchmark \
  "$work/db" "${1:-10000000}" "${2:-100000}" "${3:-10000}"
