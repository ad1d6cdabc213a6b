#!/usr/bin/env bash
# Runs the JMH benchmarks: bench/run-jmh.sh [JMH args], e.g. bench/run-jmh.sh RunnerThroughput -f 1 -wi 2 -i 3
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main "$@"
