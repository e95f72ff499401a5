#!/usr/bin/env bash
# What the visibility fence adds to every search: VisibilityFence.pass (one read of the newest
# visibility-narrowing change-log position) against SELECT 1 through the same connection pool, on
# a fresh embedded PostgreSQL; prints the percentiles of both and their ratio.
# Usage: bench/visibility-fence.sh [iterations]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f archive-api/target/archive-api.jar ] && [ -d bench/target/classes ] || mvn -B -q -DskipTests package
work=$(mktemp -d)
trap 'rc=$?; rm -rf "$work"; exit $rc' EXIT
printf '<configuration><root level="WARN"/></configuration>\n' > "$work/logback-bench.xml"
java -Dlogback.configurationFile="$work/logback-bench.xml" \
  -cp "bench/target/classes:archive-api/target/archive-api.jar" vn.tangthu.bench.VisibilityFenceBenchmark \
  "$work" "${1:-50000}"
