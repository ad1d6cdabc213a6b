#!/usr/bin/env bash
# One million test cases with all six rules in a 1 GB heap: prints time, throughput and heap in use.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  io.promptdesk.bench.MillionCases "${1:-1000000}"
