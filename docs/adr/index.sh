#!/usr/bin/env bash
# Writes docs/adr/README.md, the index of the decision records, from each record's title and Status line.
# Run it after adding a record: bash docs/adr/index.sh (AdrFormatTest fails when a record is missing from it).
set -euo pipefail
cd "$(dirname "$0")"
{
  cat <<'HEAD'
# Architecture decision records

One file per decision, numbered in order, each with a `Status:` line (Accepted, or Superseded by the record that
replaced it) and the sections Context, Decision and Consequences (`AdrFormatTest` checks both, and that this index
lists every record). A new record takes the next number, copies that form, and is added here by
`bash docs/adr/index.sh`. The domain the decisions serve is described in [design.md](../design.md).

| ADR | decision | status |
|---|---|---|
HEAD
  for f in [0-9][0-9][0-9][0-9]-*.md; do
    n=${f%%-*}
    title=$(sed -n '1s/^# [0-9]*\. *//p' "$f" | sed 's/|/\\|/g')
    status=$(sed -n 's/^Status: //p' "$f" | head -1 | sed 's/|/\\|/g')
    echo "| [$n]($f) | $title | $status |"
  done
} > README.md
