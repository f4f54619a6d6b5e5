#!/usr/bin/env bash
# Issues 16 and 20: bytes allocated and processor time per request, for the 26-week forecast (kept answer and
# computed), by id and a list of 100 (RequestBytesBenchmark; docs/benchmarks.md, "Bytes per request").
#   LABEL=main bench/request-bytes.sh
#   ROUNDS=3 SECONDS_PER_RUN=10 WARMUP_SECONDS=20 CONCURRENCY=4 LABEL=x bench/request-bytes.sh
#   JFR=/tmp/bytes.jfr LABEL=x bench/request-bytes.sh   # then: java bench/JfrTop.java --allocations /tmp/bytes.jfr <from> <to>
# Rows go to $OUT (default /tmp/request-bytes.md): label, shape, bytes/request median (min–max), CPU ms/request
# median (min–max), requests/s, load average.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/request-bytes.md}
RECORD=${JFR:+-XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=filename=$JFR,settings=profile}
./mvnw -B -q -o -pl api -am -Pbenchmark test -Dtest=RequestBytesBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbenchmark.jvmArgs="-XX:MaxDirectMemorySize=128m $RECORD -Dbench.label=${LABEL:-run} -Dbench.out=$OUT -Dbench.driver=$PWD/bench/driver.mjs -Dbench.rounds=${ROUNDS:-3} -Dbench.seconds=${SECONDS_PER_RUN:-10} -Dbench.warmupSeconds=${WARMUP_SECONDS:-20} -Dbench.concurrency=${CONCURRENCY:-4}"
cat "$OUT"
