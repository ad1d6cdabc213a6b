#!/usr/bin/env bash
# Regenerates the figures in README.md's "Measured" section (between <!-- figures:begin --> and
# <!-- figures:end -->) from one fresh run:
#
#   bench/figures.sh [--no-extras] [--no-million] [--no-scipy] [--no-startup] [--scipy-sizes "N ..."] [JMH args]
#
# It compiles once, runs the JMH suite (the defaults -f 1 -wi 2 -i 3 -w 1s -r 1s apply unless given; a regex picks
# benchmarks: bench/figures.sh TemplateValidation), then, where their tools exist, bench/run-million.sh,
# bench/stats-vs-scipy.sh and bench/startup.sh, all writing JSON to target/bench/. Last it rewrites the README
# block from bench/figures.yaml (io.promptdesk.figures.FiguresMain). A row whose source did not run in this run
# keeps its previous cell, marked "(from DATE)". Maven flags: MVN_FLAGS (default -o, offline).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/bench
million=1 scipy=1 startup=1
scipy_sizes=""
jmh=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-extras) million=0 scipy=0 startup=0 ;;
    --no-million) million=0 ;;
    --no-scipy) scipy=0 ;;
    --no-startup) startup=0 ;;
    --scipy-sizes) scipy_sizes=$2; shift ;;
    *) jmh+=("$1") ;;
  esac
  shift
done
# JMH refuses an option given twice: add a default only where the caller did not set it.
defaults=(-f 1 -wi 2 -i 3 -w 1s -r 1s)
for ((k = 0; k < ${#defaults[@]}; k += 2)); do
  given=0
  for a in ${jmh[@]+"${jmh[@]}"}; do [ "$a" = "${defaults[k]}" ] && given=1; done
  [ $given = 1 ] || jmh+=("${defaults[k]}" "${defaults[k + 1]}")
done
warn() { echo "figures: $*" >&2; }
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "")

# (a) compile once: classes, test classes (with the JMH harness), the jar for the start-up run, the classpath
mvn -B -q ${MVN_FLAGS--o} package -DskipTests dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test-classpath.txt
CP="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
export PROMPTDESK_BENCH_BUILT=1
# Outputs of an earlier run must not pass for this run's.
rm -rf "$OUT"
mkdir -p "$OUT"

# (b) the JMH suite
java -cp "$CP" org.openjdk.jmh.Main "${jmh[@]}" -rf json -rff "$OUT/jmh.json" \
  || warn "JMH exited with an error; benchmarks without a result keep their previous figures"

# (c) the figures that come from scripts rather than JMH
if [ $million = 1 ]; then
  bench/run-million.sh --json "$OUT/million.json" || warn "run-million.sh failed"
fi
if [ $scipy = 1 ]; then
  if /usr/bin/python3 -c 'import scipy' 2>/dev/null; then
    # shellcheck disable=SC2086 # the sizes are words on purpose
    bench/stats-vs-scipy.sh --json "$OUT/stats.json" $scipy_sizes || warn "stats-vs-scipy.sh failed"
  else
    warn "no SciPy (apt-get install -y python3-scipy): the SciPy rows keep their previous figures"
  fi
fi
if [ $startup = 1 ]; then
  if command -v xvfb-run >/dev/null; then
    bench/startup.sh --json "$OUT/startup.json" || warn "startup.sh failed"
  else
    warn "no xvfb-run: the start-up row keeps its previous figure"
  fi
fi

# (d) the README block
java -cp "$CP" io.promptdesk.figures.FiguresMain --readme README.md --spec bench/figures.yaml --results "$OUT" \
  --pom pom.xml --load "$load" --jmh-args "${jmh[*]}"
