#!/usr/bin/env bash
# Writes a 1 GiB image (4 x 256 MiB random blobs) to an OCI layout and to a tarball through the SDK
# and reads each back verifying every blob, then times skopeo doing the same copies from the SDK's
# layout (skopeo verifies digests as it copies). Prints MiB/s per step.
# Usage (from anywhere):  benchmarks/run-layout.sh [--layers 4] [--layer-mib 256]
# Builds with `mvn -o package -DskipTests` into target/ (no install); SKIP_BUILD=1 reuses it.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -ntp -o package -DskipTests -Dmaven.javadoc.skip=true -Djacoco.skip=true \
    -pl v1-layout,v1-tarball,v1-mutate -am
  mvn -B -q -ntp -o dependency:build-classpath -pl v1-tarball \
    -Dmdep.includeScope=runtime -Dmdep.outputFile=target/layout-classpath.txt >/dev/null
fi
CP="v1-layout/target/classes:v1-tarball/target/classes:v1-mutate/target/classes"
CP="$CP:v1-api/target/classes:name/target/classes:$(cat v1-tarball/target/layout-classpath.txt)"

WORK=$(mktemp -d /tmp/layout-benchmark.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
java -Xmx"${HEAP:-128m}" -cp "$CP" benchmarks/layout/LayoutTarballBenchmark.java "$@" --dir "$WORK"

TOTAL_MIB=$(du -sm --apparent-size "$WORK/sdk-layout/blobs" | cut -f1)
timed() {
  local what=$1; shift
  sync
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  python3 -c "import sys; t=float(sys.argv[2])-float(sys.argv[1]); print('%-40s %8.1f MiB/s  (%.1f s)' % (sys.argv[4], float(sys.argv[3])/t, t))" \
    "$start" "$end" "$TOTAL_MIB" "$what"
  echo "    command: $*"
}
timed "skopeo copy layout -> layout" skopeo copy "oci:$WORK/sdk-layout:bench" "oci:$WORK/skopeo-layout:bench"
timed "skopeo copy layout -> oci-archive" skopeo copy "oci:$WORK/sdk-layout:bench" "oci-archive:$WORK/skopeo.tar:bench"
timed "skopeo copy oci-archive -> layout" skopeo copy "oci-archive:$WORK/skopeo.tar:bench" "oci:$WORK/skopeo-layout2:bench"
