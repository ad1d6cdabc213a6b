#!/usr/bin/env bash
# kill -9 at random moments, across rollouts and rollbacks driven through a signed traffic webhook (a receiver on
# 127.0.0.1 that records what it was sent), then `promptdesk reconcile`; after each kill the receiver's split must
# equal the split the store records. Prints kills, drift found and repaired, drift left (must be 0), and the audit
# status.   bench/chaos.sh [KILLS] (default 200; about 3 s a kill on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-200}
seed=${CHAOS_SEED:-7}
RANDOM=$seed
[ -n "${PROMPTDESK_BENCH_BUILT:-}" ] || mvn -B -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
work=$(mktemp -d)
# A snapshot of the classes: a build during the run cannot change what is being killed.
cp -r target/classes "$work/classes" && cp -r target/test-classes "$work/test-classes"
cp="$work/test-classes:$work/classes:$(cat target/test-classpath.txt)"
trap 'kill "$receiver" 2>/dev/null || true; rm -rf "$work"' EXIT
java -cp "$cp" io.promptdesk.bench.ChaosReceiver "$work/port" &
receiver=$!
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")
ws="$work/ws"
mkdir -p "$ws"
export PROMPTDESK_CONFIG_HOME="$work/config" PROMPTDESK_CHAOS_SECRET=chaos-signing-secret-0123456789
cat > "$ws/promptdesk.yaml" <<YAML
connections:
  router:
    type: webhook
    url: http://127.0.0.1:$port/traffic
    secret_env: PROMPTDESK_CHAOS_SECRET
YAML
printf 'Answer the customer about {topic} in one friendly paragraph.' > "$work/t.prompt"
pd() { java -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$cp" io.promptdesk.Main "$@" --workspace "$ws"; }

pd registry register --model chat --version 1.0 --template-file "$work/t.prompt" --status stable >/dev/null
next=1
found=0; repaired=0; left=0; mismatches=0; done_kills=0
json_int() { grep -o "\"$1\" : [0-9]*" | head -1 | grep -o '[0-9]*$' || echo 0; }

action() {
  case $1 in
    0|1) pd rollout start --deployment chat --version "1.$next" ;;
    2) pd rollout advance --deployment chat --percentage $(( (RANDOM % 2) ? 25 : 50 )) --force --reason chaos ;;
    3) pd rollout complete --deployment chat --skip-final-checks --reason chaos ;;
    4) pd rollout abort --deployment chat --reason chaos ;;
    5) prod=$(pd rollout status --deployment chat --json 2>/dev/null | grep -o '"production" : "[^"]*"' \
          | head -1 | cut -d'"' -f4 || true)
       [ -n "$prod" ] && pd rollback --model chat --current-version "$prod" --reason chaos ;;
  esac
}

start=$(date +%s)
while [ "$done_kills" -lt "$kills" ]; do
  which=$((RANDOM % 6))
  if [ "$which" -le 1 ]; then
    pd registry register --model chat --version "1.$next" --template-file "$work/t.prompt" >/dev/null 2>&1 || true
  fi
  ( action "$which" >/dev/null 2>&1 ) &
  pid=$!
  # A command takes about 1.1 s here (JVM start included): kill between 0.5 and 1.9 s to land before, inside
  # and after its store writes and webhook calls.
  sleep "$(printf '0.%03d' $((RANDOM % 1000)))"; sleep 0.5; [ $((RANDOM % 3)) -eq 0 ] && sleep 0.4
  pkill -9 -P "$pid" java 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  done_kills=$((done_kills + 1))
  next=$((next + 1))
  out=$(pd reconcile --json 2>/dev/null || true)
  f=$(printf '%s' "$out" | json_int drift_found); r=$(printf '%s' "$out" | json_int drift_repaired)
  l=$(printf '%s' "$out" | json_int drift_left)
  found=$((found + f)); repaired=$((repaired + r)); left=$((left + l))
  status=$(pd rollout status --deployment chat --json 2>/dev/null || true)
  if printf '%s' "$status" | grep -q '"desired" : {'; then
    want_prod=$(printf '%s' "$status" | sed -n '/"desired"/,$p' | grep -o '"production" : "[^"]*"' | cut -d'"' -f4 || true)
    want_canary=$(printf '%s' "$status" | sed -n '/"desired"/,$p' | grep -o '"canary" : "[^"]*"' | cut -d'"' -f4 || true)
    want_pct=$(printf '%s' "$status" | sed -n '/"desired"/,$p' | json_int canary_percentage)
    [ -n "$want_canary" ] || want_pct=0
    have=$(curl -s "http://127.0.0.1:$port/state?deployment=chat" || echo "receiver-down")
    read -r have_prod have_canary have_pct _ <<<"$have"
    [ "$have_canary" = "-" ] && have_canary=""
    if [ "$have_prod" != "$want_prod" ] || [ "$have_canary" != "$want_canary" ] || [ "$have_pct" != "$want_pct" ]; then
      mismatches=$((mismatches + 1))
      echo "kill $done_kills: the webhook serves '$have', the store says $want_prod ${want_canary:-none} $want_pct%" >&2
    fi
  fi
  [ $((done_kills % 20)) -eq 0 ] && echo "chaos: $done_kills kills, drift found $found, left $((left + mismatches))" >&2
done
audit=$(pd audit verify 2>&1 | head -1 || true)
secs=$(( $(date +%s) - start ))
echo "kills=$done_kills drift_found=$found drift_repaired=$repaired drift_left=$((left + mismatches)) seconds=$secs"
echo "audit: $audit"
[ $((left + mismatches)) -eq 0 ]
