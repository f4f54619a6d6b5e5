#!/usr/bin/env bash
# The demo agency cloned N times in one PostgreSQL 17, then measured (issue 20 point 5, ADR 82; figures in
# docs/benchmarks.md, "Many agencies on one PostgreSQL"). Loopback only; stops what it starts.
#
#   AGENCIES=1000 bench/scale.sh            # N copies of the demo agency beside it (N+1 agencies)
#   AGENCIES=10000 CONCURRENCY=4 SECONDS_PER_RUN=15 bench/scale.sh
#   RATE=400 CONCURRENCY=8 PASS_ONLY=1 AGENCIES=10000 bench/scale.sh   # an open loop: 400 requests/s, as users arrive
# (ROUNDS, default 3: windows without and during the daily pass, alternated in one warm process)
#
# Measures, with bench/driver.mjs at a fixed concurrency: the 26-week forecast and the clients list for one
# agency and for a mix of 50 agencies (p50/p99); the time from `java -jar` to /readyz answering 200; the
# database size per agency; one full daily alert pass (every agency due) — its duration, and the forecast's
# p99 on the mix during the pass against just before it, same process, same warm-up.
# Needs: a JDK 17, node 18+, psql, the packaged jar (./mvnw -B -o -q -DskipTests package -pl api -am), the
# embedded PostgreSQL binaries in the Maven repository (filled by one ordinary build).
set -euo pipefail
cd "$(dirname "$0")/.."

AGENCIES=${AGENCIES:-1000}
PG_PORT=${PG_PORT:-18971}
APP_PORT=${APP_PORT:-18972}
MGMT_PORT=${MGMT_PORT:-18973}
WORK=${WORK:-/tmp/scale-bench}
CONCURRENCY=${CONCURRENCY:-4}
# empty: a closed loop of CONCURRENCY workers (the server kept busy); a number: requests/s on a fixed schedule
# over at most CONCURRENCY connections, each timed from its scheduled start (bench/driver.mjs)
RATE=${RATE:-}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-15}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
DURING_SECONDS=${DURING_SECONDS:-10}
PASS_TIMEOUT=${PASS_TIMEOUT:-900}
# the whole heap from the start, as the README and the image run it (ADR 98)
HEAP=${HEAP:--Xms512m -Xmx512m -XX:MaxDirectMemorySize=128m}
# each measured owner sends far more than a person's 300 requests a minute: the limit is still checked and
# reserved (ADR 84), never reached, as in the other benchmarks (ADR 72)
CALLER_REQUESTS=${CALLER_REQUESTS:-100000000}
# more arguments for every start of the application, e.g. APP_ARGS=--cordee.background.lower-database-priority=false
APP_ARGS=${APP_ARGS:-}
JAR=${JAR:-$(ls api/target/cordee-api-*.jar | head -1)}
DRIVER=$PWD/bench/driver.mjs
CLONE=$PWD/bench/scale-clone.sql

rm -rf "$WORK"
. bench/postgres.sh
# sized like the embedded server on a small machine (ADR 66's EmbeddedMemory gives 512 MB from 2 GB up)
start_postgres "max_connections = 100
shared_buffers = 512MB
effective_cache_size = 1GB
work_mem = 8MB"
APP_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  stop_postgres
}
trap cleanup EXIT
psql_() { psql -X -q -At -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres "$@"; }
say() { echo "$*" | tee -a "$WORK/report.md"; }

# starts the application; writes the seconds from `java -jar` to /readyz 200 in $WORK/ready
start_app() {
  local t0 t1
  t0=$(date +%s.%N)
  CORDEE_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" CORDEE_DB_USER=postgres \
    java $HEAP -jar "$JAR" --server.port="$APP_PORT" --management.server.port="$MGMT_PORT" \
      --cordee.limits.rate.caller-requests="$CALLER_REQUESTS" $APP_ARGS "$@" \
    >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/readyz"; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped: see $WORK/app.log" >&2; exit 1; }
    sleep 0.2
  done
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc > "$WORK/ready"
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }
echo "cpus: $(nproc); java $HEAP; concurrency $CONCURRENCY${RATE:+, open loop at $RATE requests/s}${APP_ARGS:+; $APP_ARGS}" > "$WORK/report.md"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$WORK/report.md"
# 1. migrations and the demo agency
start_app --cordee.alerts.daily-check=PT6H
stop_app
SOURCE=$(psql_ -c "SELECT agency_id FROM app_user WHERE email = 'owner@studio-boreal.example'")
say "source agency $SOURCE: $(psql_ -c "SELECT (SELECT count(*) FROM client WHERE agency_id = '$SOURCE') || ' clients, ' || (SELECT count(*) FROM invoice WHERE agency_id = '$SOURCE') || ' invoices, ' || (SELECT count(*) FROM audit_entry WHERE agency_id = '$SOURCE') || ' audit rows'")"

# 2. the copies
t0=$(date +%s.%N)
psql_ -v source="'$SOURCE'" -v copies="$AGENCIES" -f "$CLONE" 2>&1 | tail -1 | tee -a "$WORK/report.md"
say "clone of $AGENCIES copies (with ANALYZE): $(echo "$(date +%s.%N) - $t0" | bc | cut -c1-6) s"
N=$(psql_ -c "SELECT count(*) FROM agency")
DBSIZE=$(psql_ -c "SELECT pg_database_size('postgres')")
say "agencies: $N; database $(psql_ -c "SELECT pg_size_pretty(pg_database_size('postgres'))"), $(( DBSIZE / N / 1024 )) kB per agency"
say "largest tables: $(psql_ -c "SELECT string_agg(relname || ' ' || pg_size_pretty(s), ', ') FROM (SELECT relname, pg_total_relation_size(oid) s FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY 2 DESC LIMIT 5) x")"

# one owner session per measured agency (token known to the script, only its SHA-256 stored, as the app does)
MIX=$(psql_ -c "SELECT string_agg(agency_id::text, ' ') FROM (SELECT agency_id FROM agency ORDER BY agency_id = '$SOURCE' DESC, md5(agency_id::text) LIMIT 50) x")
psql_ -c "INSERT INTO user_session (agency_id, id, user_id, token_hash, created_at, expires_at)
  SELECT u.agency_id, md5('bench-session-' || u.agency_id)::uuid, u.id,
         sha256(convert_to('bench-session-' || u.agency_id, 'UTF8')), now(), now() + interval '1 day'
  FROM app_user u WHERE u.agency_id = ANY (string_to_array('$MIX', ' ')::uuid[])
   AND u.email LIKE 'owner%@studio-boreal.example'" >/dev/null
cookie() { printf '{"cookie":"CORDEE_SESSION=bench-session-%s"}' "$1"; }
ONE="[$(cookie "$SOURCE")]"
FIFTY="[$(for a in $MIX; do cookie "$a"; echo -n ,; done | sed 's/,$//')]"
FORECAST='{"query":"{ cashForecast(horizonWeeks: 26) { opening { amount } lowestBalance { amount } lowestWeek firstWeekBelowThreshold weeks { weekStart inflow { amount } outflow { amount } closing { amount } } } }"}'
CLIENTS='{"query":"{ clients(first: 100) { nodes { name projects { name status } } } }"}'
drive() { # body headerSets seconds warmup
  node "$DRIVER" "$(printf '{"url":"http://127.0.0.1:%s/graphql","headers":{},"headerSets":%s,"bodies":[%s],"concurrency":%s,"seconds":%s,"warmup":%s%s}' \
    "$APP_PORT" "$2" "$(printf '%s' "$1" | node -e 'process.stdin.on("data",d=>process.stdout.write(JSON.stringify(String(d))))')" \
    "$CONCURRENCY" "$3" "$4" "${RATE:+,\"rate\":$RATE}${TRACE:+,\"trace\":\"$TRACE\"}")"
}
row() { node -e 'const r=JSON.parse(process.argv[2]), f=(x,d)=>x==null?"–":x.toFixed(d); console.log(`| ${process.argv[1]} | ${f(r.rps,1)} | ${f(r.p50Ms,1)} | ${f(r.p99Ms,1)} | ${r.errors}${r.firstError?" ("+r.firstError.slice(0,120)+")":""} |`)' "$1" "$2"; }

# 3. requests, no daily pass (the first check is 6 h after the start); PASS_ONLY=1 goes straight to 4
if [ "${PASS_ONLY:-0}" != 1 ]; then
start_app --cordee.alerts.daily-check=PT6H
say "time to ready after a restart, $N agencies: $(cat "$WORK/ready") s (load average $(cut -d' ' -f1 /proc/loadavg))"
say ""
say "| $N agencies, concurrency $CONCURRENCY, ${SECONDS_PER_RUN} s after ${WARMUP_SECONDS} s of warm-up | requests/s | p50 ms | p99 ms | errors |"
say "|---|---|---|---|---|"
say "$(row "forecast, one agency" "$(drive "$FORECAST" "$ONE" "$SECONDS_PER_RUN" "$WARMUP_SECONDS")")"
say "$(row "forecast, 50 agencies" "$(drive "$FORECAST" "$FIFTY" "$SECONDS_PER_RUN" "$WARMUP_SECONDS")")"
say "$(row "clients list, one agency" "$(drive "$CLIENTS" "$ONE" "$SECONDS_PER_RUN" "$WARMUP_SECONDS")")"
say "$(row "clients list, 50 agencies" "$(drive "$CLIENTS" "$FIFTY" "$SECONDS_PER_RUN" "$WARMUP_SECONDS")")"
stop_app
fi

# 4. one full daily pass over every agency, and its effect on the forecast's latency, in one warm process:
# the pass is paused and resumed from SQL (a paused agency's row is leased to "bench-paused", which the claims
# skip; resumed, the next check, every 5 s, claims where the pass left off, so no agency is evaluated twice),
# and ROUNDS windows without it alternate with ROUNDS windows during it. The pass's first window after the start,
# while the JIT compiles its code, is reported apart. Nothing polls the database inside a measured window. Each
# window's start and end (UTC) go to $WORK/windows.txt, to be read beside a GC log (HEAP="… -Xlog:gc:file=…:time").
ROUNDS=${ROUNDS:-3}
# each window's first seconds unmeasured: a new driver process opens its connections (measured: 13–58 requests over
# 5.8 ms in the first 0.2 s of every window, with or without a pass)
WINDOW_WARMUP=${WINDOW_WARMUP:-2}
JOB=alert-daily
psql_ -c "DELETE FROM agency_daily_run" >/dev/null
psql_ -c "INSERT INTO agency_daily_run (agency_id, job, lease_owner, lease_until)
  SELECT agency_id, '$JOB', 'bench-paused', now() + interval '1 day' FROM agency" >/dev/null
pause_pass() { # no more claims; waits for the batch under way to end
  psql_ -c "UPDATE agency_daily_run SET lease_owner = 'bench-paused', lease_until = now() + interval '1 day'
    WHERE job = '$JOB' AND done_day IS NULL AND lease_owner IS NULL" >/dev/null
  until [ "$(psql_ -c "SELECT count(*) FROM agency_daily_run WHERE lease_owner LIKE 'alerts-%'")" = 0 ]; do sleep 0.2; done
}
done_count() { psql_ -c "SELECT count(*) FROM agency_daily_run WHERE done_day IS NOT NULL"; }
resume_pass() { # waits for the first claim (or one more agency done)
  local before
  before=$(done_count)
  psql_ -c "UPDATE agency_daily_run SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = 'bench-paused'" >/dev/null
  until [ "$(psql_ -c "SELECT count(*) FROM agency_daily_run WHERE lease_owner LIKE 'alerts-%'")" != 0 ] \
    || [ "$(done_count)" != "$before" ]; do sleep 0.1; done
}
ratio() { node -e 'const a=JSON.parse(process.argv[1]),b=JSON.parse(process.argv[2]); console.log((b.p99Ms/a.p99Ms).toFixed(2))' "$1" "$2"; }
start_app --cordee.alerts.daily-check=PT5S
drive "$FORECAST" "$FIFTY" 1 "$WARMUP_SECONDS" >/dev/null
say ""
say "| forecast, 50 agencies, ${RATE:+$RATE requests/s over }concurrency $CONCURRENCY | requests/s | p50 ms | p99 ms | errors | pass: agencies/s | p99 ÷ the window before |"
say "|---|---|---|---|---|---|---|"
PREVIOUS=$(drive "$FORECAST" "$FIFTY" "$SECONDS_PER_RUN" "$WINDOW_WARMUP")
say "$(row "without a pass, after ${WARMUP_SECONDS} s of warm-up (${SECONDS_PER_RUN} s)" "$PREVIOUS" | sed 's/ *$//') | |"
PASS_T0=$(date +%s.%N)
ELAPSED_PAUSED=0
RATIOS=
for r in $(seq 0 "$ROUNDS"); do
  if [ "$r" -gt 0 ]; then
    echo "without $r from $(date -u +%T.%N)" >> "$WORK/windows.txt"
    WITHOUT=$(TRACE=$WORK/latencies-without-$r.txt drive "$FORECAST" "$FIFTY" "$SECONDS_PER_RUN" "$WINDOW_WARMUP")
    echo "without $r to $(date -u +%T.%N)" >> "$WORK/windows.txt"
    say "$(row "without, round $r (${SECONDS_PER_RUN} s)" "$WITHOUT" | sed 's/ *$//') | |"
    PREVIOUS=$WITHOUT
  fi
  D0=$(done_count); T0=$(date +%s.%N)
  resume_pass
  echo "during $r from $(date -u +%T.%N)" >> "$WORK/windows.txt"
  DURING=$(TRACE=$WORK/latencies-during-$r.txt drive "$FORECAST" "$FIFTY" "$DURING_SECONDS" "$WINDOW_WARMUP")
  echo "during $r to $(date -u +%T.%N)" >> "$WORK/windows.txt"
  pause_pass
  D1=$(done_count); T1=$(date +%s.%N)
  RATE_PASS=$(echo "($D1 - $D0) / ($T1 - $T0)" | bc -l | cut -c1-5)
  LABEL="during the pass, round $r (${DURING_SECONDS} s)"
  [ "$r" = 0 ] && LABEL="during the pass's first ${DURING_SECONDS} s after the start (its code compiled)"
  R=$(ratio "$PREVIOUS" "$DURING")
  [ "$r" -gt 0 ] && RATIOS="$RATIOS $R"
  say "$(row "$LABEL" "$DURING" | sed 's/ *$//') $RATE_PASS | **$R** |"
done
say ""
pooled() { # the p50 and p99 of every request of the given latency files together
  node -e 'const fs=require("fs"), x=process.argv.slice(1).flatMap(f=>fs.readFileSync(f,"utf8").trim().split("\n").map(Number)).sort((a,b)=>a-b), q=p=>x[Math.min(x.length-1,Math.floor(p*x.length))]; console.log(`${x.length} ${q(0.5).toFixed(2)} ${q(0.99).toFixed(2)}`)' "$@"
}
read -r NW P50W P99W <<<"$(pooled "$WORK"/latencies-without-*.txt)"
read -r ND P50D P99D <<<"$(pooled $(ls "$WORK"/latencies-during-*.txt | grep -v -- '-0.txt$'))"
say "pooled over the warm rounds: without $NW requests, p50 $P50W ms, p99 $P99W ms; during $ND requests, p50 $P50D ms, p99 $P99D ms: **p99 during ÷ without $(echo "scale=2; $P99D / $P99W" | bc)**"
say "p99 during ÷ without, rounds 1–$ROUNDS (warm):$RATIOS; median $(echo "$RATIOS" | tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
# the rest of the pass, unmeasured, bounded by PASS_TIMEOUT
T0=$(date +%s.%N)
resume_pass
for _ in $(seq 1 "$PASS_TIMEOUT"); do
  [ "$(done_count)" = "$N" ] && break
  sleep 1
done
DONE=$(done_count)
ELAPSED=$(echo "$(date +%s.%N) - $T0" | bc)
say ""
if [ "$DONE" = "$N" ]; then
  say "daily pass over $N agencies: all done; the rest took $(printf '%.0f' "$ELAPSED") s unmeasured"
else
  say "daily pass over $N agencies: $DONE done after the rounds and $(printf '%.0f' "$ELAPSED") s more; at the measured pace ($(echo "$DONE / ($(echo "$(date +%s.%N) - $PASS_T0" | bc))" | bc -l | cut -c1-5) agencies/s with the pauses counted) the whole pass takes about $(echo "$N * ($(date +%s.%N) - $PASS_T0) / $DONE" | bc | cut -d. -f1) s"
fi
stop_app
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$WORK/report.md"
