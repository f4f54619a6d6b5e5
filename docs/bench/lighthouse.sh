#!/usr/bin/env bash
# Lighthouse (mobile profile, its default: simulated slow 4G and a 4x slower CPU) on the sign-in page and
# on the demo owner's cockpit of a running Cordée with the demo data. Usage: docs/bench/lighthouse.sh [base-url] [out-dir]
# Needs node, npx and Chromium (CHROME_PATH). A benchmark, not a CI test (docs/benchmarks.md, ADR 41).
# WARMUP_SECONDS=60 first sends the cockpit's own queries (read from the SPA's sources) for that long, as the
# demo owner, at concurrency 2 (bench/driver.mjs): a server that has just started answers its first few
# hundred requests with a cold JIT, and Lighthouse carries the server's answer times into its estimate. Start the
# server with --cordee.limits.rate.caller-requests=100000000 for it (the owner's 300 a minute would refuse the rest).
set -euo pipefail
BASE=${1:-http://localhost:8080}
OUT=${2:-/tmp/lighthouse}
WARMUP_SECONDS=${WARMUP_SECONDS:-0}
SPA="$(dirname "$0")/../../web-client/src/main/resources/META-INF/resources"
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
mkdir -p "$OUT"
LH=(npx -y lighthouse@13 --quiet --only-categories=performance --output=json
    --chrome-flags="--headless --no-sandbox --disable-gpu")
# the sign-in page: a new visitor with nothing cached
"${LH[@]}" --output-path="$OUT/sign-in.json" "$BASE/"
# the cockpit: the demo owner's session cookie from signIn, sent with every request of the page
COOKIE=$(curl -s -D - -o /dev/null "$BASE/graphql" -H 'Content-Type: application/json' \
  -d '{"query":"mutation { signIn(input: {email: \"owner@studio-boreal.example\", password: \"cordee-demo\"}) { viewer { user { role } } } }"}' \
  | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -1)
if [ "$WARMUP_SECONDS" != 0 ]; then
  BODIES=$(node -e '
    const fs = require("fs"), spa = process.argv[1];
    const cockpit = fs.readFileSync(spa + "/js/views/cockpit.js", "utf8");
    const risk = fs.readFileSync(spa + "/js/views/cash-risk.js", "utf8");
    const money = cockpit.match(/const MONEY = \x27([^\x27]*)\x27/)[1];
    const text = (src, name) => src.match(new RegExp("const " + name + " = `([\\s\\S]*?)`;"))[1].replace(/\$\{MONEY\}/g, money);
    console.log(JSON.stringify([
      { query: text(cockpit, "COCKPIT"), variables: { h: 104, scenario: { kind: "BASE" }, withClients: false, pipeline: false } },
      { query: text(cockpit, "CLIENTS") }, { query: text(risk, "RISK"), variables: { h: 26 } },
    ].map((b) => JSON.stringify(b))));' "$SPA")
  node "$(dirname "$0")/../../bench/driver.mjs" "{\"url\":\"$BASE/graphql\",\"headers\":{\"cookie\":\"$COOKIE\"},\"bodies\":$BODIES,\"concurrency\":2,\"seconds\":$WARMUP_SECONDS,\"warmup\":0}" >"$OUT/warmup.json"
fi
"${LH[@]}" --extra-headers="{\"Cookie\": \"$COOKIE\"}" --output-path="$OUT/cockpit.json" "$BASE/#/cockpit"
for page in sign-in cockpit; do
  node -e '
    const r = require(process.argv[1]);
    const a = r.audits;
    const req = a["network-requests"].details.items;
    console.log(process.argv[2].padEnd(8), "score", Math.round(r.categories.performance.score * 100),
      "| FCP", a["first-contentful-paint"].displayValue, "| LCP", a["largest-contentful-paint"].displayValue,
      "| TBT", a["total-blocking-time"].displayValue, "| transfer", Math.round(a["total-byte-weight"].numericValue / 1024) + " KiB",
      "in", req.length, "requests");' "$OUT/$page.json" "$page"
done
