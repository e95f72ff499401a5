#!/usr/bin/env bash
# Search benchmark: builds a data directory with <docs> synthetic records (paragraphs of the
# Vietnamese legal corpus with generated metadata; PostgreSQL rows through the archive's schema and
# change log, the Lucene index through the server's own document mapping, committed at the log's
# head), starts the archive API (embedded default) on it as a separate process, and runs a fixed mix
# of clerk queries through the HTTP API and against PostgreSQL full-text search (tsvector + GIN)
# over the same rows in the server's database: p50/p99 latency, queries/s and their ratio.
# Usage: bench/search.sh [docs] [threads] [rounds] [queries]
# BENCH_DATA=<dir> keeps the prepared directory there and reuses it on the next run.
# After the closed-loop runs the API is warmed up again and loaded in open loop at half the throughput it reached
# (queries arrive as a Poisson process; latency counted from each arrival): its latency when busy, not saturated.
# BENCH_API_ONLY=1 loads only the HTTP API (no PostgreSQL run); with BENCH_RATE=<queries/s> too, in open
# loop at that rate instead of from <threads> clients (BENCH_SERIES=<file>: each query's arrival and latency).
# SERVER_JAVA_OPTS adds server JVM options.
# The run prints the kernel's DAMON monitors (proactive reclaim): on this project's 2-core VMs a DAMON pageout
# scheme over physical memory stalls every request in flight for 50-150 ms about every 0.6 s once pages have
# aged a minute (open-loop p99 50-555 ms with it, 26-33 ms with it stopped, same data). BENCH_PAUSE_DAMON=1
# (root) stops the monitors that are on for the run and starts them again at exit (their ages start afresh).
# BENCH_API_ROUNDS=<n> measures the API over n rounds (default: rounds, as PostgreSQL): a p99 needs many queries.
# Each engine is first warmed up for BENCH_WARMUP_SECONDS (default 180) with another mix of the same shape:
# the server's JIT compilation keeps ~40% of a core busy for the first ~150 s of full load.
# The HTTP client sends each search once (no retry: a failed exchange or an answer but 200 stops the run) and
# closes connections idle for 5 s, before the server's 30 s; it prints the requests and connections it used.
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-1000000}
threads=${2:-4}
rounds=${3:-5}
queries=${4:-200}
mvn -B -q -pl indexer,bench -am -DskipTests compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/bench/target/search.cp"
cp="indexer/target/classes:bench/target/classes:$(cat bench/target/search.cp)"
keep=${BENCH_DATA:-}
data=${BENCH_DATA:-$(mktemp -d)}
mkdir -p "$data"
printf '<configuration><root level="WARN"/></configuration>\n' > "$data/logback-bench.xml"
java_bench() {
  java -Dlogback.configurationFile="$data/logback-bench.xml" -cp "$cp" vn.tangthu.bench.search.SearchBenchmark "$@"
}
if [ ! -d "$data/index" ]; then
  echo "preparing $docs records in $data"
  java_bench prepare "$data" ../shared/corpus/vi-legal "$docs"
  echo "$docs" > "$data/bench.docs"
fi
[ "$(cat "$data/bench.docs")" = "$docs" ] || { echo "$data holds $(cat "$data/bench.docs") records, not $docs"; exit 2; }
damon=/sys/kernel/mm/damon/admin/kdamonds
paused=()
for state in "$damon"/*/state; do
  [ -f "$state" ] || continue
  k=$(dirname "$state")
  c="$k/contexts/0"
  echo "machine: DAMON kdamond $(basename "$k") $(cat "$state"): $(cat "$c/operations" 2>/dev/null || true)" \
    "$(cat "$c/schemes/0/action" 2>/dev/null || true), sampling every" \
    "$(( $(cat "$c/monitoring_attrs/intervals/sample_us" 2>/dev/null || echo 0) / 1000 )) ms"
  if [ -n "${BENCH_PAUSE_DAMON:-}" ] && [ "$(cat "$state")" = on ]; then
    echo off > "$state" && paused+=("$state") && echo "machine: DAMON kdamond $(basename "$k") stopped for the run"
  fi
done
restore_damon() {
  for state in ${paused[@]+"${paused[@]}"}; do echo on > "$state" || true; done
}
trap restore_damon EXIT
port=$((20000 + RANDOM % 10000))
ARCHIVE_DATA_DIR=$data ARCHIVE_PORT=$port ARCHIVE_ADMIN_PORT=$((port + 1)) ARCHIVE_S3_PORT=$((port + 2)) \
  ARCHIVE_BIND_HOST=127.0.0.1 java ${SERVER_JAVA_OPTS:-} -cp "$cp" vn.tangthu.archive.ArchiveApplication server > "$data/server.log" 2>&1 &
server=$!
trap 'rc=$?; restore_damon; kill $server 2>/dev/null; wait $server 2>/dev/null || true; [ -n "$keep" ] || rm -rf "$data"; exit $rc' EXIT
for _ in $(seq 1 180); do
  [ -s "$data/admin.token" ] && curl -fs "http://127.0.0.1:$((port + 1))/healthcheck" >/dev/null 2>&1 && break
  sleep 1
done
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${BENCH_API_ONLY:-}" ]; then
  java_bench api "http://127.0.0.1:$port/api/v1/" "$(cat "$data/admin.token")" \
    ../shared/corpus/vi-legal "$docs" "$threads" "$rounds" "$queries" ${BENCH_RATE:-}
else
  java_bench run "http://127.0.0.1:$port/api/v1/" "$(cat "$data/admin.token")" "$data" \
    ../shared/corpus/vi-legal "$docs" "$threads" "$rounds" "$queries"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
