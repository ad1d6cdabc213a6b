#!/usr/bin/env bash
# One million test cases with all six rules in a 1 GB heap: prints time, throughput and heap in use.
# bench/run-million.sh [--json FILE] [CASES]: --json also writes the printed figures to FILE as one JSON object.
set -euo pipefail
cd "$(dirname "$0")/.."
json=""
if [ "${1:-}" = "--json" ]; then
  json=$2
  shift 2
fi
# bench/figures.sh has built everything already
[ -n "${PROMPTDESK_BENCH_BUILT:-}" ] || mvn -B -q test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
run=(java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  io.promptdesk.bench.MillionCases "${1:-1000000}")
[ -n "$json" ] || exec "${run[@]}"
# MillionCases prints one line of key=value pairs on stderr: print it as before, and turn it into JSON.
out=$("${run[@]}" 2>&1)
printf '%s\n' "$out" >&2
printf '%s\n' "$out" | grep '^cases=' | tail -n 1 | awk '{
  printf "{"
  for (i = 1; i <= NF; i++) { split($i, kv, "="); printf "%s\"%s\": %s", (i > 1 ? ", " : ""), kv[1], kv[2] }
  print "}"
}' > "$json"
[ -s "$json" ] || { echo "run-million.sh: no figures in the output" >&2; exit 1; }
