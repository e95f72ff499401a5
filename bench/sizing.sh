#!/usr/bin/env bash
# Sizing measurement: ingests <records> documents through the HTTP API into the embedded default (a
# separate process, own data directory), then reports what each record costs: PostgreSQL (every
# table with its indexes and TOAST, pg_total_relation_size, after VACUUM), the Lucene index (after a
# graceful stop, which commits it), and the storage node's files (bytes of the originals against the
# disk blocks used). Documents are pieces of 2-12 KB of the Vietnamese legal corpus (the length of a
# công văn or quyết định of 1-5 pages), each with full metadata (number, notation, type, issuer,
# dates, docCode, keywords), unsigned. Usage: bench/sizing.sh [records, default 3000] [clients, default 2]
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-3000}
clients=${2:-2}
[ -f archive-api/target/archive-api.jar ] || mvn -B -q -DskipTests -pl archive-api -am package
data=$(mktemp -d)
docs=$data/docs
mkdir -p "$docs"
port=$((20000 + RANDOM % 10000))
api=http://127.0.0.1:$port/api/v1
ARCHIVE_DATA_DIR=$data/archive ARCHIVE_PORT=$port ARCHIVE_ADMIN_PORT=$((port + 1)) ARCHIVE_S3_PORT=$((port + 2)) \
  java -Xmx1g -jar archive-api/target/archive-api.jar server > "$data/server.log" 2>&1 &
server=$!
# the embedded PostgreSQL may outlive the server's JVM by a moment: wait for it before removing
stopped() { for _ in $(seq 1 60); do [ -f "$data/archive/pg/postmaster.pid" ] || return 0; sleep 0.5; done; }
trap 'rc=$?; kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; stopped; rm -rf "$data" || true; exit $rc' EXIT
for _ in $(seq 1 180); do
  [ -s "$data/archive/admin.token" ] && curl -fs "http://127.0.0.1:$((port + 1))/healthcheck" >/dev/null 2>&1 && break
  sleep 1
done
token=$(cat "$data/archive/admin.token")
# the documents: consecutive pieces of the corpus, cut at line ends
/usr/bin/python3 - "$docs" "$records" ../shared/corpus/vi-legal <<'PY'
import os, random, sys
out, n, corpus = sys.argv[1], int(sys.argv[2]), sys.argv[3]
random.seed(23)
lines = []
for f in sorted(os.listdir(corpus)):
    if f.endswith('.txt'):
        lines += open(os.path.join(corpus, f), encoding='utf-8').read().splitlines()
i = 0
for k in range(n):
    want, piece = random.randint(2000, 12000), []
    while sum(len(l.encode()) + 1 for l in piece) < want:
        piece.append(lines[i % len(lines)]); i += 1
    open(os.path.join(out, '%06d.txt' % k), 'w', encoding='utf-8').write('\n'.join(piece) + '\n')
PY
curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"code":"SIZING","name":"Sở Nội vụ (đo dung lượng)"}' "$api/agencies" >/dev/null
upload() {
  local f=$1 k
  k=$(basename "$f" .txt)
  local types=("Quyết định" "Công văn" "Tờ trình" "Thông báo" "Kế hoạch")
  local meta="{\"agencyCode\":\"SIZING\",\"subject\":\"Về việc triển khai nhiệm vụ số $k năm 2025 của Sở Nội vụ tỉnh Bắc Ninh\",\"typeName\":\"${types[$((10#$k % 5))]}\",\"number\":\"$((10#$k + 1))\",\"notation\":\"QĐ-UBND\",\"issuedDate\":\"2025-0$((10#$k % 9 + 1))-1$((10#$k % 9))\",\"issuer\":\"Ủy ban nhân dân tỉnh Bắc Ninh\",\"docCode\":\"000.00.07.H01-$k\",\"keywords\":\"lưu trữ, số hóa\",\"seriesCode\":\"HC.01\"}"
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" -F "metadata=$meta;type=application/json" \
    -F "file=@$f;type=text/plain" "$api/records${2:-}"
}
export -f upload
export token api
start=$(date +%s)
ls "$docs"/*.txt | head -n $((records - 1)) | xargs -P "$clients" -I{} bash -c 'upload {} || exit 255'
upload "$(ls "$docs"/*.txt | tail -n 1)" '?wait=indexed'
echo "ingested $records records in $(( $(date +%s) - start )) s ($clients clients)"
pgport=$(sed -n 4p "$data/archive/pg/postmaster.pid")
export PGPASSWORD=$(cat "$data/archive/postgres-superuser.password")
psqlq() { psql -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -XAtq "$@"; }
psqlq -c 'VACUUM' 2>/dev/null || true
total=$(psqlq -c "SELECT count(*) FROM records")
echo "records in PostgreSQL: $total"
echo "table (with indexes and TOAST)          bytes   bytes/record"
psqlq -F ' ' -c "SELECT c.relname, pg_total_relation_size(c.oid), round(pg_total_relation_size(c.oid)::numeric / $total, 0)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 2 DESC" | awk '{printf "%-36s %10d %10d\n", $1, $2, $3}'
psqlq -c "SELECT 'all tables: ' || sum(pg_total_relation_size(c.oid)) || ' bytes, ' || round(sum(pg_total_relation_size(c.oid))::numeric / $total, 0) || ' bytes/record; database: ' || pg_database_size('postgres') || ' bytes'
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'"
textbytes=$(cat "$docs"/*.txt | wc -c)
kill $server; wait $server 2>/dev/null || true
stopped
index=$(du -sb "$data/archive/index" | cut -f1)
echo "Lucene index: $index bytes, $((index / total)) bytes/record, $(echo "scale=3; $index / $textbytes" | bc) bytes per byte of text ($textbytes bytes of text, $((textbytes / total)) per record)"
objects=$data/archive/objects
apparent=$(du -sb "$objects" | cut -f1)
blocks=$(du -sB1 "$objects" | cut -f1)
files=$(find "$objects" -type f | wc -l)
dirs=$(find "$objects" -type d | wc -l)
echo "storage node: $files files, $dirs directories, $apparent bytes of content, $blocks bytes of disk blocks ($(( (blocks - apparent) / total )) bytes/record beyond the content)"
