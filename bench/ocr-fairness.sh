#!/usr/bin/env bash
# OCR fairness benchmark: the embedded default (with Tesseract) as a separate process; text
# documents ingested over HTTP with the server idle, while it reads a long image-only PDF, and idle
# again (docs/s, counted when searchable); the goal is no more than 10 % slower during OCR.
# Usage: bench/ocr-fairness.sh [scan pages] [rounds] [clients]
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-40}
rounds=${2:-1}
clients=${3:-4}
[ -f archive-api/target/archive-api.jar ] && [ -d bench/target/classes ] || mvn -B -q -DskipTests package
data=$(mktemp -d)
port=$((20000 + RANDOM % 10000))
ARCHIVE_DATA_DIR=$data ARCHIVE_PORT=$port ARCHIVE_ADMIN_PORT=$((port + 1)) ARCHIVE_S3_PORT=$((port + 2)) \
  java -jar archive-api/target/archive-api.jar server > "$data/server.log" 2>&1 &
server=$!
trap 'rc=$?; kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$data"; exit $rc' EXIT
for _ in $(seq 1 120); do
  [ -s "$data/admin.token" ] && curl -fs "http://127.0.0.1:$((port + 1))/healthcheck" >/dev/null 2>&1 && break
  sleep 1
done
printf '<configuration><root level="WARN"/></configuration>\n' > "$data/logback-bench.xml"
cp="bench/target/classes:archive-api/target/archive-api.jar"
# a few clean pages of the seeded OCR set (bench/ocr.sh's generator)
java -Dlogback.configurationFile="$data/logback-bench.xml" -cp "$cp" vn.tangthu.bench.ocr.OcrBenchmark \
  generate ../shared/corpus/vi-legal "$data/pages" 2 20251207 clean-300 PNG > /dev/null
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Dlogback.configurationFile="$data/logback-bench.xml" -cp "$cp" vn.tangthu.bench.OcrFairnessBenchmark \
  "http://127.0.0.1:$port/api/v1/" "$(cat "$data/admin.token")" ../shared/corpus "$data/pages" \
  "$pages" "$rounds" "$clients"
