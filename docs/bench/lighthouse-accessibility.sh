#!/usr/bin/env bash
# Lighthouse accessibility (desktop preset) on six pages of a running Cordée with the demo data: sign-in, and as
# the demo owner the cockpit, clients, the first client's page, alerts and briefs. Prints each page's score and
# the binary audits that fail (weight-0 ones included). Usage:
#   docs/bench/lighthouse-accessibility.sh [base-url] [out-dir] [language, e.g. en-US or fr-FR]
# Needs node, npx and Chromium (CHROME_PATH). A benchmark, not a CI test (docs/benchmarks.md, ADR 75).
set -euo pipefail
BASE=${1:-http://localhost:8080}
OUT=${2:-/tmp/lighthouse-a11y}
LANGUAGE=${3:-en-US}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
mkdir -p "$OUT"
# the demo owner's session cookie from signIn, sent with every request of the signed-in pages
COOKIE=$(curl -s -D - -o /dev/null "$BASE/graphql" -H 'Content-Type: application/json' \
  -d '{"query":"mutation { signIn(input: {email: \"owner@studio-boreal.example\", password: \"cordee-demo\"}) { viewer { user { role } } } }"}' \
  | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -1)
CLIENT=$(curl -s "$BASE/graphql" -H 'Content-Type: application/json' -H "Cookie: $COOKIE" \
  -d '{"query":"{ clients(first: 1) { nodes { id } } }"}' | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
# --accept-lang sets navigator.language, which the SPA follows (--lang does not, in headless Chromium)
LH=(npx -y lighthouse@13 --quiet --preset=desktop --only-categories=accessibility --output=json
    --chrome-flags="--headless --no-sandbox --disable-gpu --accept-lang=$LANGUAGE")
"${LH[@]}" --output-path="$OUT/sign-in.json" "$BASE/"
for page in cockpit clients "clients/$CLIENT" alerts briefs; do
  name=${page%%/*}; [ "$page" != "$name" ] && name=client-page
  "${LH[@]}" --extra-headers="{\"Cookie\": \"$COOKIE\"}" --output-path="$OUT/$name.json" "$BASE/#/$page"
done
for f in sign-in cockpit clients client-page alerts briefs; do
  node -e '
    const r = require(process.argv[1]);
    const failing = Object.values(r.audits).filter(a => a.score === 0 && a.scoreDisplayMode === "binary").map(a => a.id);
    console.log(process.argv[2].padEnd(12), Math.round(r.categories.accessibility.score * 100), failing.join(" "));' "$OUT/$f.json" "$f"
done
