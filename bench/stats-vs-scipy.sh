#!/usr/bin/env bash
# Statistics engine against SciPy on one generated data set: bench/stats-vs-scipy.sh [SIZES...]
# (default sizes 10000 1000000 10000000). For each size it prints SciPy's and our time for the four analyses
# (Welch t, Mann-Whitney, KS, summary statistics; raw float64 files so both read the same numbers), and for sizes
# up to 1,000,000 the end-to-end time of `promptdesk regress` (JVM start included) against a Python script that
# loads the same text files with NumPy and runs SciPy. Needs Debian's python3-scipy (/usr/bin/python3).
# --json FILE (first) also writes the figures to FILE: {"four": {"N": {scipy_ms, java_ms, ratio}},
# "e2e": {"N": {python_s, cli_s, ratio}}}.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
if ! $PY -c 'import scipy' 2>/dev/null; then
  echo "SciPy is missing: apt-get install -y python3-scipy" >&2
  exit 2
fi
json=""
if [ "${1:-}" = "--json" ]; then
  json=$2
  shift 2
fi
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(10000 1000000 10000000)
DATA=target/bench-data
mkdir -p "$DATA"
# bench/figures.sh has built everything already
[ -n "${PROMPTDESK_BENCH_BUILT:-}" ] || mvn -B -q -o test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
CP="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
CLI=(java -cp "$CP" io.promptdesk.Main)
now() { date +%s%N; }
four_json=() e2e_json=()
printf '%-10s %12s %12s %8s\n' "n" "scipy_ms" "java_ms" "ratio"
for n in "${SIZES[@]}"; do
  [ -f "$DATA/baseline_$n.f64" ] || $PY bench/stats_scipy.py generate "$n" "$DATA" 20240607
  runs=3; [ "$n" -ge 10000000 ] && runs=1
  s=$($PY bench/stats_scipy.py four "$DATA/baseline_$n.f64" "$DATA/current_$n.f64" "$runs" | sed 's/scipy_ms=//')
  j=$(java -Xmx2g -cp "$CP" io.promptdesk.bench.StatsFilesBench "$DATA/baseline_$n.f64" "$DATA/current_$n.f64" \
      "$runs" | sed 's/java_ms=//')
  awk -v n="$n" -v s="$s" -v j="$j" 'BEGIN { printf "%-10s %12.1f %12.1f %8.1fx\n", n, s, j, s / j }'
  four_json+=("$(awk -v n="$n" -v s="$s" -v j="$j" \
    'BEGIN { printf "\"%s\": {\"scipy_ms\": %.1f, \"java_ms\": %.1f, \"ratio\": %.2f}", n, s, j, s / j }')")
done
echo
printf '%-10s %14s %14s %8s\n' "n" "python_e2e_s" "cli_e2e_s" "ratio"
for n in "${SIZES[@]}"; do
  [ "$n" -le 1000000 ] || continue
  t0=$(now); $PY bench/stats_scipy.py regress "$DATA/baseline_$n.txt" "$DATA/current_$n.txt" >/dev/null; t1=$(now)
  set +e
  "${CLI[@]}" regress --baseline "$DATA/baseline_$n.txt" --current "$DATA/current_$n.txt" --json >/dev/null
  code=$?
  set -e
  t2=$(now)
  [ $code -le 1 ] || { echo "promptdesk regress failed with exit $code" >&2; exit 1; }
  awk -v n="$n" -v py="$(( t1 - t0 ))" -v cli="$(( t2 - t1 ))" \
    'BEGIN { printf "%-10s %14.2f %14.2f %8.2fx\n", n, py / 1e9, cli / 1e9, py / cli }'
  e2e_json+=("$(awk -v n="$n" -v py="$(( t1 - t0 ))" -v cli="$(( t2 - t1 ))" \
    'BEGIN { printf "\"%s\": {\"python_s\": %.3f, \"cli_s\": %.3f, \"ratio\": %.2f}", n, py / 1e9, cli / 1e9, py / cli }')")
done
if [ -n "$json" ]; then
  join() { local IFS=,; echo "$*"; }
  printf '{"four": {%s}, "e2e": {%s}}\n' "$(join ${four_json[@]+"${four_json[@]}"})" \
    "$(join ${e2e_json[@]+"${e2e_json[@]}"})" > "$json"
fi
