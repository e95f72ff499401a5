#!/usr/bin/env bash
# Whether a sign-in's time tells a wrong password from an unknown user: the Argon2id check against
# a user's hash and against the dummy, interleaved; prints percentiles and the median difference.
# Usage: bench/sign-in.sh [iterations]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f archive-api/target/archive-api.jar ] && [ -d bench/target/classes ] || mvn -B -q -DskipTests package
java -cp "bench/target/classes:archive-api/target/archive-api.jar" vn.tangthu.bench.SignInTimingBenchmark "${1:-200}"
