#!/usr/bin/env bash
# Pulls a generated 1 GiB layer from a local registry through the SDK and reads it to the end,
# next to sha256sum of the same bytes on disk; prints MiB/s and the JVM heap peak per round.
# Usage (from anywhere):  benchmarks/run-pull.sh [--size-mib 1024] [--rounds 3] [--dir /tmp]
# Needs Debian's docker-registry binary (the registry:2 server) or Docker. Set SKIP_BUILD=1 to
# reuse the last build, HEAP to change the heap limit (default 64m).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -ntp install -DskipTests -pl v1-remote -am
  mvn -B -q -ntp dependency:build-classpath -pl v1-remote \
    -Dmdep.includeScope=runtime -Dmdep.outputFile=target/pull-classpath.txt >/dev/null
fi
CP="v1-remote/target/classes:$(cat v1-remote/target/pull-classpath.txt)"

WORK=$(mktemp -d /tmp/pull-benchmark.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
REGISTRY_PID=""
CONTAINER=""
cleanup() {
  if [ -n "$REGISTRY_PID" ]; then kill "$REGISTRY_PID" 2>/dev/null || true; wait "$REGISTRY_PID" 2>/dev/null || true; fi
  if [ -n "$CONTAINER" ]; then docker rm -f "$CONTAINER" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if command -v docker-registry >/dev/null 2>&1; then
  cat >"$WORK/config.yml" <<YML
version: 0.1
log:
  level: error
storage:
  filesystem:
    rootdirectory: $WORK/data
http:
  addr: 127.0.0.1:$PORT
YML
  docker-registry serve "$WORK/config.yml" >"$WORK/registry.log" 2>&1 &
  REGISTRY_PID=$!
else
  CONTAINER=$(docker run -d --rm -p "127.0.0.1:$PORT:5000" registry:2)
fi
for _ in $(seq 1 50); do
  curl -fs "http://127.0.0.1:$PORT/v2/" >/dev/null 2>&1 && break
  sleep 0.2
done

# Options given first win: --dir moves the generated blob elsewhere.
java -Xmx"${HEAP:-64m}" -cp "$CP" benchmarks/pull/PullBenchmark.java \
  "$@" --registry "localhost:$PORT" --dir "$WORK"
