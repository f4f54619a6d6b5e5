#!/usr/bin/env bash
# Cordée beside PostGraphile 4 on the large benchmark agency, one PostgreSQL 17 with pg_stat_statements.
# See docs/benchmarks.md ("Side by side with PostGraphile 4") and ADR 72. Loopback only; stops by itself.
#
#   bench/postgraphile-comparison.sh                 # defaults below
#   ROUNDS=5 SECONDS_PER_RUN=15 CONCURRENCY=8 WARMUP_SECONDS=10 LOAD_SECONDS=60 bench/postgraphile-comparison.sh
# The figures go to the console and to $WORK/report.md.
#
# Needs: a JDK 17, node 18+ and npm (PostGraphile 4 from the npm registry), the Maven repository filled
# by one ordinary build (the PostgreSQL binaries are the embedded ones, io.zonky 17.x).
set -euo pipefail
cd "$(dirname "$0")/.."

PG_PORT=${PG_PORT:-18961}
POSTGRAPHILE_PORT=${POSTGRAPHILE_PORT:-18962}
WORK=${WORK:-/tmp/pgbench-run}
ROUNDS=${ROUNDS:-3}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-8}
CONCURRENCY=${CONCURRENCY:-8}
LOAD_SECONDS=${LOAD_SECONDS:-60}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
HEAP=${HEAP:--Xmx384m -XX:MaxDirectMemorySize=128m}

rm -rf "$WORK" && mkdir -p "$WORK/node"
. bench/postgres.sh
start_postgres "shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = all
pg_stat_statements.track_utility = on
max_connections = 200
shared_buffers = 256MB"
trap stop_postgres EXIT

# PostGraphile 4 from the npm registry, run by node directly so that its process is the one measured
(cd "$WORK/node" && npm install --silent --no-audit --no-fund postgraphile@4 >/dev/null)

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
CORDEE_TEST_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" CORDEE_TEST_DB_USER=postgres \
./mvnw -B -q -o -pl api -am -Pbenchmark test -Dtest=PostGraphileComparisonBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.jvmArgs="$HEAP" \
  -Dbench.postgraphile="$WORK/node/node_modules/postgraphile/cli.js" -Dbench.postgraphilePort="$POSTGRAPHILE_PORT" \
  -Dbench.driver="$PWD/bench/driver.mjs" -Dbench.rounds="$ROUNDS" -Dbench.seconds="$SECONDS_PER_RUN" \
  -Dbench.concurrency="$CONCURRENCY" -Dbench.loadSeconds="$LOAD_SECONDS" -Dbench.warmupSeconds="$WARMUP_SECONDS" \
  -Dbench.pgUrl="postgres://postgres@127.0.0.1:$PG_PORT/postgres" -Dbench.out="$WORK"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
