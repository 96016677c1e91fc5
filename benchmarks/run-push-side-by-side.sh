#!/usr/bin/env bash
# Pushes one corpus of real binaries to a local registry in every way side by side: StreamLayer
# (defaults, 2 workers) over its tar, FileLayer (defaults, 2 workers) over the unpacked tree,
# Jib-core over the tree without symlinks, and skopeo (when installed) copying an OCI layout whose
# one layer is the uncompressed tar, so that it compresses while pushing. Each run is a process of
# its own against a registry started empty for it; prints each row's median of --rounds, its speed
# relative to skopeo, the bytes pushed, the heap peak and the CPU time.
# Usage (from anywhere):
#   benchmarks/run-push-side-by-side.sh [--small] [--dir /tmp/push-side-by-side] [--rounds 3]
#                                       [--heap 128m] [--registry binary|container]
# The corpus (kept in --dir for the next run): usr/lib/x86_64-linux-gnu and usr/lib/jvm, or with
# --small only usr/lib/jvm/java-17*, tarred by the system's tar with fixed names, owners and times.
# Set SKIP_BUILD=1 to reuse the last build.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

SMALL=0
DIR=/tmp/push-side-by-side
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --small) SMALL=1; shift ;;
    --dir) DIR=$2; shift 2 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -ntp package dependency:build-classpath -DskipTests -Djacoco.skip=true \
    -pl benchmarks -am -Dmdep.includeScope=runtime -Dmdep.outputFile=target/push-classpath.txt
fi
CP="benchmarks/target/classes:$(cat benchmarks/target/push-classpath.txt)"

if [ "$SMALL" = 1 ]; then
  CORPUS="$DIR/small"
  SOURCES=$(cd / && echo usr/lib/jvm/java-17*)
else
  CORPUS="$DIR/full"
  SOURCES="usr/lib/x86_64-linux-gnu usr/lib/jvm"
fi
mkdir -p "$CORPUS"
TAR="$CORPUS/corpus.tar"
if [ ! -f "$TAR" ]; then
  # shellcheck disable=SC2086 # the sources are words
  tar --sort=name --mtime=2020-01-01 --owner=0 --group=0 --numeric-owner \
    -cf "$TAR.part" -C / $SOURCES 2>/dev/null || [ -s "$TAR.part" ]
  mv "$TAR.part" "$TAR"
fi
if [ ! -d "$CORPUS/tree" ]; then
  mkdir -p "$CORPUS/tree.part" && tar -xf "$TAR" -C "$CORPUS/tree.part"
  mv "$CORPUS/tree.part" "$CORPUS/tree"
fi
if [ ! -d "$CORPUS/jib-tree" ]; then
  # Jib follows symbolic links (a directory cycle exhausts it): give it the tree without them,
  # hard-linked, so no byte is copied.
  cp -al "$CORPUS/tree" "$CORPUS/jib-tree.part" && find "$CORPUS/jib-tree.part" -type l -delete
  mv "$CORPUS/jib-tree.part" "$CORPUS/jib-tree"
fi

# An OCI layout holding the uncompressed tar as its one layer (blobs hard-linked to the tar).
blob() { # writes stdin as a blob of layout $1 and prints its sha256 hex
  local tmp="$1/blobs/tmp" hex
  cat >"$tmp"
  hex=$(sha256sum "$tmp" | cut -d' ' -f1)
  mv "$tmp" "$1/blobs/sha256/$hex"
  echo "$hex"
}
LAYOUT_ARGS=()
if command -v skopeo >/dev/null 2>&1; then
  LAYOUT="$CORPUS/layout"
  if [ ! -f "$LAYOUT/index.json" ]; then
    mkdir -p "$LAYOUT/blobs/sha256"
    DIFF=$(sha256sum "$TAR" | cut -d' ' -f1)
    SIZE=$(stat -c %s "$TAR")
    ln -f "$TAR" "$LAYOUT/blobs/sha256/$DIFF"
    CONFIG=$(printf '{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' "$DIFF" | blob "$LAYOUT")
    CONFIG_SIZE=$(stat -c %s "$LAYOUT/blobs/sha256/$CONFIG")
    MANIFEST=$(printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"sha256:%s","size":%s}]}' \
      "$CONFIG" "$CONFIG_SIZE" "$DIFF" "$SIZE" | blob "$LAYOUT")
    MANIFEST_SIZE=$(stat -c %s "$LAYOUT/blobs/sha256/$MANIFEST")
    printf '{"imageLayoutVersion":"1.0.0"}' >"$LAYOUT/oci-layout"
    printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"corpus"}}]}' \
      "$MANIFEST" "$MANIFEST_SIZE" >"$LAYOUT/index.json"
  fi
  LAYOUT_ARGS=(--layout "$LAYOUT")
else
  echo "skopeo is not installed: no skopeo row, no ratios" >&2
fi

mkdir -p "$DIR/work"
# Options given first win: the caller's --rounds, --heap and --registry.
exec java -Dslf4j.internal.verbosity=ERROR -cp "$CP" dev.containerregistry.benchmarks.push.PushSideBySide "${ARGS[@]}" \
  --tar "$TAR" --tree "$CORPUS/tree" --jib-tree "$CORPUS/jib-tree" "${LAYOUT_ARGS[@]}" \
  --work "$DIR/work"
