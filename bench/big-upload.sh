#!/usr/bin/env bash
# A 2 GiB upload through the API with the server at -Xmx256m; the download must match.
# Usage: bench/big-upload.sh [size-in-MiB]
set -euo pipefail
cd "$(dirname "$0")/.."
mib=${1:-2048}
[ -f archive-api/target/archive-api.jar ] || mvn -B -q -DskipTests package
data=$(mktemp -d)
port=$((20000 + RANDOM % 10000))
ARCHIVE_DATA_DIR=$data ARCHIVE_PORT=$port ARCHIVE_ADMIN_PORT=$((port + 1)) ARCHIVE_S3_PORT=$((port + 2)) \
  java -Xmx256m -jar archive-api/target/archive-api.jar server > "$data/server.log" 2>&1 &
server=$!
trap 'rc=$?; kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"; exit $rc' EXIT
for _ in $(seq 1 120); do
  [ -s "$data/admin.token" ] && curl -fs "http://127.0.0.1:$((port + 1))/healthcheck" >/dev/null 2>&1 && break
  sleep 1
done
token=$(cat "$data/admin.token")
api="http://127.0.0.1:$port/api/v1"
curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"code":"BIG","name":"Big file test"}' "$api/agencies" >/dev/null
file="$data/big.bin"
head -c $((mib * 1048576)) /dev/urandom > "$file"
want=$(sha256sum "$file" | cut -d' ' -f1)
start=$(date +%s)
id=$(curl -fs -H "Authorization: Bearer $token" \
  -F 'metadata={"agencyCode":"BIG","subject":"Tệp lớn"};type=application/json' \
  -F "file=@$file;filename=big.bin" "$api/records" | sed -E 's/.*"id":"([^"]+)".*/\1/')
up=$(date +%s)
got=$(curl -fs -H "Authorization: Bearer $token" "$api/records/$id/content" | sha256sum | cut -d' ' -f1)
down=$(date +%s)
rm -f "$file"
echo "size: $mib MiB, upload: $((up - start)) s, download: $((down - up)) s, server heap: -Xmx256m"
if [ "$want" = "$got" ]; then echo "PASS: download matches ($got)"; else echo "FAIL: $want != $got"; exit 1; fi
