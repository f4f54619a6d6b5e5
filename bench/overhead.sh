#!/usr/bin/env bash
# ADR 84: Cordée alone, by id and a list of 100, "before" (ADR 23's statement per request, the Observation
# accessor propagated, the limits analysed on every request) and "after" (the defaults), alternately.
#   PAIRS=2 SECONDS_PER_RUN=10 WARMUP_SECONDS=20 CONCURRENCY=8 bench/overhead.sh
# Rows go to $OUT (default /tmp/overhead-bench.md): configuration, shape, requests/s, p50, p99, CPU ms/request, load.
set -euo pipefail
cd "$(dirname "$0")/.."
PAIRS=${PAIRS:-2}
OUT=${OUT:-/tmp/overhead-bench.md}
BEFORE="-Dcordee.limits.shared-buckets.batch-percent=0 -Dcordee.limits.analysis-cache-size=0 -Dcordee.context-propagation.observations=true"
run() {
  ./mvnw -B -q -o -pl api -am -Pbenchmark test -Dtest=OverheadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbenchmark.jvmArgs="-Xmx384m -XX:MaxDirectMemorySize=128m $2 -Dbench.label=$1 -Dbench.out=$OUT -Dbench.driver=$PWD/bench/driver.mjs -Dbench.seconds=${SECONDS_PER_RUN:-10} -Dbench.warmupSeconds=${WARMUP_SECONDS:-20} -Dbench.concurrency=${CONCURRENCY:-8}"
}
for i in $(seq 1 "$PAIRS"); do
  if [ $((i % 2)) = 1 ]; then run before "$BEFORE"; run after ""; else run after ""; run before "$BEFORE"; fi
done
cat "$OUT"
