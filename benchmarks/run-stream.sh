#!/usr/bin/env bash
# Builds the SDK's stream module and this benchmark, then measures StreamLayer against a bare
# GZIPOutputStream + MessageDigest pipeline, its parallel mode, and a long stream under a small
# heap. Usage (from anywhere):
#   benchmarks/run-stream.sh [--size-mib 512] [--rounds 3] [--big-gib 4] [--big-level 1]
#                            [--big-workers 1] [--seed 1] [--dir /tmp]
# Set SKIP_BUILD=1 to reuse the last build, HEAP to change the heap limit (default 64m).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -ntp install -DskipTests -pl benchmarks -am
  mvn -B -q -ntp dependency:build-classpath -pl benchmarks \
    -Dmdep.includeScope=runtime -Dmdep.outputFile=target/classpath.txt >/dev/null
fi
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
exec java -Xmx"${HEAP:-64m}" -cp "$CP" dev.containerregistry.benchmarks.StreamBenchmark "$@"
