#!/usr/bin/env bash
# An emergency's storm: N (default 50) `promptdesk rollback` processes started at the same moment on one workspace.
# All must exit 0 with the same rollback, none "database is locked". Prints exits, distinct rollback ids, wall time.
#   bench/storm.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50}
[ -n "${PROMPTDESK_BENCH_BUILT:-}" ] || mvn -B -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r target/classes "$work/classes"
cp="$work/classes:$(cat target/test-classpath.txt)"
export PROMPTDESK_CONFIG_HOME="$work/config"
ws="$work/ws"
printf 'Answer the customer about {topic} in one friendly paragraph.' > "$work/t.prompt"
pd() { java -XX:TieredStopAtLevel=1 -cp "$cp" io.promptdesk.Main "$@" --workspace "$ws"; }
pd registry register --model chat --version 1.0 --template-file "$work/t.prompt" --status stable >/dev/null
pd registry register --model chat --version 1.1 --template-file "$work/t.prompt" --status stable >/dev/null
start=$(date +%s%N)
for i in $(seq "$n"); do
  ( pd rollback --model chat --current-version 1.1 --reason "storm $i" --json >"$work/out.$i" 2>"$work/err.$i"
    echo $? >"$work/exit.$i" ) &
done
wait
ms=$(( ($(date +%s%N) - start) / 1000000 ))
ok=$(cat "$work"/exit.* | grep -c '^0$' || true)
locked=$(cat "$work"/err.* | grep -c 'locked' || true)
ids=$(cat "$work"/out.* | grep -o '"rollback_id" : "[^"]*"' | sort -u | wc -l)
echo "triggers=$n exit0=$ok locked=$locked distinct_rollbacks=$ids ms=$ms"
[ "$ok" -eq "$n" ] && [ "$ids" -eq 1 ] && [ "$locked" -eq 0 ]
