#!/usr/bin/env bash
# Storage benchmark: our storage node and S3Proxy (filesystem backend) on this machine in one run,
# each server in its own JVM on loopback, driven through the MinIO SDK from a third; prints ops/s,
# MiB/s and each server's CPU per operation (its process's utime+stime from /proc), next to the
# disk's own 4 KiB write+fsync rate and fsync'd sequential write speed.
# Usage: bench/storage.sh [seconds per phase] [threads] [number of 256 MiB objects] [work dir]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-8}
threads=${2:-8}
large=${3:-$threads}
work=${4:-$(mktemp -d "${TMPDIR:-/tmp}/storage-bench.XXXXXX")}
# the node from this working tree (storage-node/target/classes first), the rest from the bench pom;
# the benchmark is compiled on its own so other benchmarks' dependencies do not matter here
mvn -B -q -o -pl storage-node -DskipTests -Dspotless.check.skip=true compile
cp=$(mvn -B -q -o -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
trap 'rc=$?; rm -rf "$work"; exit $rc' EXIT
# a copy of the node's classes: a build in this tree during the run must not change the servers
cp -r storage-node/target/classes "$work/node-classes"
javac -nowarn -d "$work/classes" -cp "$work/node-classes:$cp" \
  bench/src/main/java/vn/tangthu/bench/storage/*.java
printf '<configuration><root level="WARN"/></configuration>\n' > "$work/logback-bench.xml"
# On 2 cores the common ForkJoinPool has parallelism 1, and CompletableFuture then starts a new
# thread for every async task: the MinIO SDK (8.6) would create one thread per request, for both
# servers alike. A real pool keeps that cost out of the comparison. The servers' JVMs are started
# by the benchmark with its class path (the copy of storage-node/target/classes first).
java -Xmx6g -Djava.util.concurrent.ForkJoinPool.common.parallelism="$threads" ${BENCH_JAVA_OPTS:-} -Dlogback.configurationFile="$work/logback-bench.xml" \
  -cp "$work/node-classes:$work/classes:$cp" \
  vn.tangthu.bench.storage.StorageBenchmark "$work" "$seconds" "$threads" "$large"
