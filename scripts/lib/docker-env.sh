# shellcheck shell=bash
# Sourced by scripts/test: makes a Docker engine and a `registry:2` image available for
# Testcontainers, using what the machine has and starting only what it lacks.
#
#   docker_env_setup   -> exports DOCKER_HOST (when it starts its own engine) and the
#                         Testcontainers variables, and registers cleanup on exit.
#   docker_env_ok      -> 0 when an engine answers.

_DOCKER_ENV_DIR=""
_DOCKER_ENV_PID=""

_say() { echo "[$(basename "$0")] $*" >&2; }

docker_env_ok() {
  command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1
}

_need_root() {
  if [ "$(id -u)" != 0 ]; then
    _say "$1"
    exit 2
  fi
}

_install_debian_packages() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
  [ -x /bin/busybox ] || missing+=(busybox-static)
  command -v skopeo >/dev/null 2>&1 || missing+=(skopeo)
  command -v htpasswd >/dev/null 2>&1 || missing+=(apache2-utils)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  if [ ${#missing[@]} -gt 0 ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
      _say "needs ${missing[*]} and cannot install them (no apt-get): install Docker and retry"
      exit 2
    fi
    _say "installing ${missing[*]} from Debian's packages"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

_start_own_dockerd() {
  _DOCKER_ENV_DIR=$(mktemp -d /tmp/crsdk-docker.XXXXXX)
  _say "starting a private dockerd in $_DOCKER_ENV_DIR"
  dockerd --data-root "$_DOCKER_ENV_DIR/data" --exec-root "$_DOCKER_ENV_DIR/exec" \
    --pidfile "$_DOCKER_ENV_DIR/docker.pid" -H "unix://$_DOCKER_ENV_DIR/docker.sock" \
    >"$_DOCKER_ENV_DIR/dockerd.log" 2>&1 &
  _DOCKER_ENV_PID=$!
  export DOCKER_HOST="unix://$_DOCKER_ENV_DIR/docker.sock"
  for _ in $(seq 1 100); do
    docker_env_ok && return 0
    kill -0 "$_DOCKER_ENV_PID" 2>/dev/null || break
    sleep 0.2
  done
  _say "dockerd did not start; its log:"
  tail -20 "$_DOCKER_ENV_DIR/dockerd.log" >&2
  exit 2
}

_stop_own_dockerd() {
  if [ -n "$_DOCKER_ENV_PID" ]; then
    docker ps -q 2>/dev/null | xargs -r docker rm -f >/dev/null 2>&1 || true
    kill "$_DOCKER_ENV_PID" 2>/dev/null || true
    wait "$_DOCKER_ENV_PID" 2>/dev/null || true
    rm -rf "$_DOCKER_ENV_DIR" 2>/dev/null || true
  fi
}

# Builds a small local image tagged registry:2 from Debian's docker-registry package: the same
# server (CNCF Distribution 2.8) as the official image, for machines that cannot reach Docker Hub.
_build_local_registry_image() {
  local root
  root=$(mktemp -d /tmp/crsdk-registry-root.XXXXXX)
  mkdir -p "$root/bin" "$root/etc/docker/registry" "$root/var/lib/registry" "$root/tmp"
  cp /usr/bin/docker-registry "$root/bin/registry"
  cp /bin/busybox "$root/bin/busybox"
  ln -s busybox "$root/bin/sh"
  local lib
  for lib in $(ldd /usr/bin/docker-registry | grep -o '/[^ ]*'); do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
  cat >"$root/etc/docker/registry/config.yml" <<'YML'
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: /var/lib/registry
  delete:
    enabled: true
http:
  addr: :5000
YML
  tar -C "$root" -cf - . | docker import \
    --change 'ENTRYPOINT ["/bin/registry","serve"]' \
    --change 'CMD ["/etc/docker/registry/config.yml"]' \
    --change 'EXPOSE 5000' - registry:2 >/dev/null
  rm -rf "$root"
  _say "built a local registry:2 image from Debian's docker-registry"
}

_ensure_registry_image() {
  docker image inspect registry:2 >/dev/null 2>&1 && return 0
  if [ -z "$_DOCKER_ENV_PID" ] && timeout 120 docker pull -q registry:2 >/dev/null 2>&1; then
    return 0
  fi
  if ! command -v docker-registry >/dev/null 2>&1 || [ ! -x /bin/busybox ]; then
    _need_root "registry:2 cannot be pulled and Debian's docker-registry is missing: run as root or install docker-registry and busybox-static"
    _install_debian_packages
  fi
  _build_local_registry_image
}

docker_env_setup() {
  if ! docker_env_ok; then
    _need_root "needs a running Docker engine (or root, to install and start one): start Docker and retry"
    _install_debian_packages
    _start_own_dockerd
    trap _stop_own_dockerd EXIT
    # Our own engine: no reaper image can be pulled, and the bridge reports no gateway.
    export TESTCONTAINERS_RYUK_DISABLED=true
    export TESTCONTAINERS_HOST_OVERRIDE=localhost
  elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    _install_debian_packages
  fi
  _ensure_registry_image
}
