#!/usr/bin/env bash
# Console start-up under Xvfb: bench/startup.sh [--json FILE] [RUNS]
# Starts the console in its screenshot mode (it saves a PNG after a test run and exits by itself) on a scratch copy
# of the sample workspace, and reads the time the console logs once its window is shown ("console on screen N ms
# after the process started"). One unmeasured start fills the workspace and the file cache, then RUNS (default 3)
# measured starts each of the jar (target/promptdesk.jar, from mvn package) and, when it has been built
# (mvn -Pinstaller package), the app image with its AppCDS archive. Prints the median (the lower middle one for an
# even RUNS) and every run, in ms;
# --json FILE also writes them to FILE: {"runs": R, "jar_ms": M, "jar_runs_ms": [...], "jar_nocds_ms": ...,
# "image_ms": ...}.
set -euo pipefail
cd "$(dirname "$0")/.."
json=""
if [ "${1:-}" = "--json" ]; then
  json=$2
  shift 2
fi
runs=${1:-3}
jar=target/promptdesk.jar
image=target/installer/promptdesk/bin/promptdesk
[ -f "$jar" ] || { echo "startup.sh: $jar is missing: mvn -B package -DskipTests" >&2; exit 2; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
props="-Dlogback.level=INFO -Dpromptdesk.workspace=$scratch/workspace -Dpromptdesk.screenshot=$scratch/shot.png"

# One start of the given kind; prints the logged milliseconds.
start() {
  local log=$scratch/log
  if [ "$1" = jar ]; then
    # shellcheck disable=SC2086 # props are separate words
    timeout 180 xvfb-run -a -s "-screen 0 1600x1000x24" java -XX:SharedArchiveFile=target/promptdesk.jsa $props \
        -jar "$jar" >"$log" 2>&1 || true
  elif [ "$1" = jar_nocds ]; then
    # shellcheck disable=SC2086 # props are separate words
    timeout 180 xvfb-run -a -s "-screen 0 1600x1000x24" java $props -jar "$jar" >"$log" 2>&1 || true
  else
    JAVA_TOOL_OPTIONS="$props" timeout 180 xvfb-run -a -s "-screen 0 1600x1000x24" "$image" >"$log" 2>&1 || true
  fi
  grep -o 'console on screen [0-9]* ms' "$log" | grep -o '[0-9][0-9]*' | head -n 1 \
    || { echo "startup.sh: the $1 start logged no start-up time:" >&2; tail -n 20 "$log" >&2; return 1; }
}

# Times of RUNS measured starts of one kind, one per line.
measure() {
  start "$1" >/dev/null
  for ((i = 0; i < runs; i++)); do
    start "$1"
  done
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

kinds=(jar_nocds)
[ -f target/promptdesk.jsa ] && kinds=(jar jar_nocds)
[ -x "$image" ] && kinds+=(image)
fields=("\"runs\": $runs")
for kind in "${kinds[@]}"; do
  times=$(measure "$kind")
  m=$(printf '%s\n' "$times" | median)
  echo "${kind}_ms=$m runs=$(printf '%s\n' "$times" | paste -sd, -)"
  fields+=("\"${kind}_ms\": $m" "\"${kind}_runs_ms\": [$(printf '%s\n' "$times" | paste -sd, -)]")
done
if [ -n "$json" ]; then
  (IFS=,; printf '{%s}\n' "${fields[*]}") > "$json"
fi
