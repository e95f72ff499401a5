#!/usr/bin/env bash
# Ingest benchmark: the embedded default as a separate process, documents/s over HTTP (counted
# when searchable) next to the in-process floor (same Tika set-up and Lucene indexing, no HTTP,
# S3 or database), and their ratio. Usage: bench/ingest.sh [rounds] [clients]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}
clients=${2:-4}
[ -f archive-api/target/archive-api.jar ] && [ -d bench/target/classes ] || mvn -B -q -DskipTests package
data=$(mktemp -d)
port=$((20000 + RANDOM % 10000))
ARCHIVE_DATA_DIR=$data ARCHIVE_PORT=$port ARCHIVE_ADMIN_PORT=$((port + 1)) ARCHIVE_S3_PORT=$((port + 2)) \
  java -jar archive-api/target/archive-api.jar server > "$data/server.log" 2>&1 &
server=$!
trap 'rc=$?; kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"; exit $rc' EXIT
for _ in $(seq 1 120); do
  [ -s "$data/admin.token" ] && curl -fs "http://127.0.0.1:$((port + 1))/healthcheck" >/dev/null 2>&1 && break
  sleep 1
done
printf '<configuration><root level="WARN"/></configuration>\n' > "$data/logback-bench.xml"
java -Dlogback.configurationFile="$data/logback-bench.xml" \
  -cp "bench/target/classes:archive-api/target/archive-api.jar" vn.tangthu.bench.IngestBenchmark \
  "http://127.0.0.1:$port/api/v1/" "$(cat "$data/admin.token")" ../shared/corpus "$rounds" "$clients"
