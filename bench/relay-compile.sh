#!/usr/bin/env bash
# Compiles two partner queries (bench/relay/src) with Relay's compiler against Cordée's printed schema: the check
# of issue 21 point 7 that a GraphQL client's compiler takes the schema as it is published (ADR 0076,
# docs/api.md "The printed schema").
#
#   bench/relay-compile.sh                       # the schema the build wrote: api/target/schema.graphqls
#   CORDEE_URL=https://cordee.example CORDEE_TOKEN=cordee_pat_… bench/relay-compile.sh   # a running server's
#
# api/target/schema.graphqls is written by PrintedSchemaTest (run it first, or any full test run):
#   ./mvnw -B -o -q -pl api -am test -Dtest=PrintedSchemaTest -Dsurefire.failIfNoSpecifiedTests=false
# Needs node 18+ and npm (relay-compiler from the npm registry, pinned below). Exits non-zero if Relay refuses.
set -euo pipefail
cd "$(dirname "$0")/relay"
RELAY_VERSION=${RELAY_VERSION:-21.0.1}

rm -rf target && mkdir -p target/__generated__
# Relay reads a schema only from a file named *.graphql
if [ -n "${CORDEE_URL:-}" ]; then
  curl -fsS -H "Authorization: Bearer ${CORDEE_TOKEN:?CORDEE_TOKEN: an API token of the agency}" \
    "$CORDEE_URL/graphql/schema" -o target/schema.graphql
else
  cp ../../api/target/schema.graphqls target/schema.graphql
fi
npx -y "relay-compiler@$RELAY_VERSION"
ls target/__generated__
