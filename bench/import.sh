#!/usr/bin/env bash
# Import benchmark: an edXML batch of generated messages (bench/packages.sh edxml-batch-zip) imported
# through POST /imports of the embedded default running as a separate process, documents/s until the
# last record is searchable, next to the in-process floor over the same package (the same package
# reader, warm forked Tika, Lucene; no HTTP, S3 or database), and their ratio.
# Usage: bench/import.sh [messages]   (default 10000; e.g. bench/import.sh 300 for a short run)
set -euo pipefail
cd "$(dirname "$0")/.."
messages=${1:-10000}
[ -f archive-api/target/archive-api.jar ] && [ -d bench/target/classes ] || mvn -B -q -DskipTests package
data=$(mktemp -d)
bench/packages.sh edxml-batch-zip "$messages" "$data/batch.zip" >/dev/null
mkdir -p "$data/archive"
port=$((20000 + RANDOM % 10000))
ARCHIVE_DATA_DIR=$data/archive ARCHIVE_PORT=$port ARCHIVE_ADMIN_PORT=$((port + 1)) ARCHIVE_S3_PORT=$((port + 2)) \
  java -jar archive-api/target/archive-api.jar server > "$data/server.log" 2>&1 &
server=$!
trap 'rc=$?; kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"; exit $rc' EXIT
for _ in $(seq 1 120); do
  [ -s "$data/archive/admin.token" ] && curl -fs "http://127.0.0.1:$((port + 1))/healthcheck" >/dev/null 2>&1 && break
  sleep 1
done
printf '<configuration><root level="WARN"/></configuration>\n' > "$data/logback-bench.xml"
java -Dlogback.configurationFile="$data/logback-bench.xml" \
  -cp "bench/target/classes:archive-api/target/archive-api.jar" vn.tangthu.bench.intake.ImportBenchmark \
  "http://127.0.0.1:$port/api/v1/" "$(cat "$data/archive/admin.token")" "$data/batch.zip" samples/agencies.tsv
