#!/usr/bin/env bash
# A desk that drives a rollout dies: how long until another desk takes it over? Two `promptdesk rollout watch
# --simulate` processes on one workspace (the lease code is the same on the team store); the first drives, is
# killed with -9, and the time from the kill to the second desk's `taken_over` event is measured, against the
# rollout's health-check interval (the goal: within two intervals).
#   bench/takeover.sh [CHECK_INTERVAL_S]
set -euo pipefail
cd "$(dirname "$0")/.."
interval=${1:-5}
[ -n "${PROMPTDESK_BENCH_BUILT:-}" ] || mvn -B -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
work=$(mktemp -d)
pids=()
trap 'kill -9 "${pids[@]}" 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
cp -r target/classes "$work/classes"
cp="$work/classes:$(cat target/test-classpath.txt)"
export PROMPTDESK_CONFIG_HOME="$work/config"
ws="$work/ws"
printf 'Answer the customer about {topic} in one friendly paragraph.' > "$work/t.prompt"
pd() { java -XX:TieredStopAtLevel=1 -cp "$cp" io.promptdesk.Main "$@" --workspace "$ws"; }
# In the background the subshell becomes the JVM itself, so that $! is the process to kill.
desk() { exec java -XX:TieredStopAtLevel=1 -cp "$cp" io.promptdesk.Main rollout watch --deployment chat --simulate \
  --follow --workspace "$ws"; }
pd registry register --model chat --version 1.0 --template-file "$work/t.prompt" --status stable >/dev/null
pd registry register --model chat --version 1.1 --template-file "$work/t.prompt" >/dev/null
pd rollout start --deployment chat --version 1.1 --stage-duration 3600 --health-check-interval "$interval" \
  --actor bench >/dev/null
events() { grep -c "taken_over" "$work/b.out" || true; }
checks() { pd rollout status --deployment chat --json 2>/dev/null | grep -c '"last_check" : "' || true; }
desk >"$work/a.out" 2>&1 & pids+=($!); a=$!
until [ "$(checks)" -ge 1 ]; do sleep 0.2; done
desk >"$work/b.out" 2>&1 & pids+=($!)
sleep "$interval"
kill -9 "$a"
killed=$(date +%s%N)
until [ "$(events)" -ge 1 ]; do sleep 0.1; done
ms=$(( ($(date +%s%N) - killed) / 1000000 ))
echo "check_interval_s=$interval takeover_ms=$ms (goal <= $(( 2 * interval * 1000 )) ms)"
[ "$ms" -le $(( 2 * interval * 1000 )) ]
