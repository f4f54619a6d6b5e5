#!/usr/bin/env bash
# Lighthouse (mobile profile, its default: simulated slow 4G and a 4x slower CPU) on the sign-in page and
# on the demo owner's cockpit of a running Cordée with the demo data. Usage: docs/bench/lighthouse.sh [base-url] [out-dir]
# Needs node, npx and Chromium (CHROME_PATH). A benchmark, not a CI test (docs/benchmarks.md, ADR 41).
set -euo pipefail
BASE=${1:-http://localhost:8080}
OUT=${2:-/tmp/lighthouse}
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
