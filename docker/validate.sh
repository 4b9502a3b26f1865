#!/usr/bin/env bash
# Validates docker/compose.yaml against docker/.env.example without a Docker engine:
#   - the Compose file parses and interpolates (docker-compose config -q),
#   - the services postgres, mailpit, node1 and node2 exist, both nodes use the built image,
#   - every variable compose.yaml uses is documented in .env.example,
#   - the required secrets have no default (Compose refuses an env file without ADMIN_PASSWORD),
#   - no secret value from .env.example is written into compose.yaml,
#   - published ports are bound to 127.0.0.1 only,
#   - image names are fully qualified (Podman and Buildah resolve no short names) and the base
#     images can be overridden (ARG BUILD_IMAGE, RUNTIME_IMAGE),
#   - the image runs as user 10001 with the volume /app/data, and the nodes' healthcheck in
#     compose.yaml equals the Dockerfile's HEALTHCHECK (an OCI-format image has none).
# Uses Debian's docker-compose (v1.29), installed when missing and running as root, or the
# Docker CLI's "docker compose" plugin when that is what the machine has.
#
#   docker/validate.sh            (from anywhere; exit 0 = valid)
set -euo pipefail

cd "$(dirname "$0")/.."
COMPOSE_FILE=docker/compose.yaml
ENV_FILE=docker/.env.example

fail() {
  echo "validate.sh: FAIL: $*" >&2
  exit 1
}

[[ -f $COMPOSE_FILE ]] || fail "$COMPOSE_FILE not found (run from a checkout)"
[[ -f $ENV_FILE ]] || fail "$ENV_FILE not found"

# --- a Compose implementation ------------------------------------------------------------------
if command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
elif command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "validate.sh: installing Debian's docker-compose"
  apt_log=$(mktemp)
  if ! { apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose; } \
      >"$apt_log" 2>&1; then
    tail -n 20 "$apt_log" >&2
    fail "could not install docker-compose with apt-get"
  fi
  rm -f "$apt_log"
  compose=(docker-compose)
else
  fail "neither docker-compose nor 'docker compose' is available; install docker-compose (apt-get install docker-compose) or run as root"
fi
echo "validate.sh: using $("${compose[@]}" version 2>/dev/null | head -n 1)"

# Variables set in the caller's shell would override the env file: validate the file alone.
env_names=$(sed -n 's/^\([A-Za-z_][A-Za-z0-9_]*\)=.*/\1/p' "$ENV_FILE")
unset_args=()
for name in $env_names; do
  unset_args+=(-u "$name")
done

run_compose() { # run_compose ENV_FILE ARGS...
  local env_file=$1
  shift
  env "${unset_args[@]}" "${compose[@]}" -f "$COMPOSE_FILE" --env-file "$env_file" "$@"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- 1. syntax and interpolation -------------------------------------------------------------
if ! run_compose "$ENV_FILE" config -q 2>"$tmp/err"; then
  cat "$tmp/err" >&2
  fail "$COMPOSE_FILE is not a valid Compose file with $ENV_FILE (see the message above)"
fi
echo "ok   config -q: $COMPOSE_FILE is valid with $ENV_FILE"

# --- 2. services ---------------------------------------------------------------------------------
run_compose "$ENV_FILE" config --services >"$tmp/services" 2>"$tmp/err" \
  || { cat "$tmp/err" >&2; fail "config --services failed"; }
for service in postgres mailpit node1 node2; do
  grep -qx "$service" "$tmp/services" || fail "service '$service' is missing from $COMPOSE_FILE"
done
echo "ok   services: $(sort "$tmp/services" | tr '\n' ' ')"

run_compose "$ENV_FILE" config >"$tmp/config.yaml" 2>"$tmp/err" \
  || { cat "$tmp/err" >&2; fail "config failed"; }
[[ $(grep -c 'image: prepared-return:local' "$tmp/config.yaml") -eq 2 ]] \
  || fail "node1 and node2 must both use image prepared-return:local"
grep -q 'dockerfile: docker/Dockerfile' "$tmp/config.yaml" || fail "the nodes must be built from docker/Dockerfile"
grep -q 'pg_isready' "$tmp/config.yaml" || fail "postgres has no pg_isready healthcheck"
grep -q '/actuator/health/liveness' "$tmp/config.yaml" || fail "the nodes have no liveness healthcheck"
grep -q 'condition: service_healthy' "$tmp/config.yaml" || fail "the nodes must wait for a healthy postgres"
echo "ok   node1/node2 built from docker/Dockerfile as prepared-return:local, healthchecks present"

# --- 3. every variable used is documented ----------------------------------------------------
grep -q '^version:' "$COMPOSE_FILE" && fail "$COMPOSE_FILE has a 'version:' key (Compose Specification has none)"
# ${NAME...} but not $${NAME} (escaped: expanded inside the container, not by Compose)
used=$(grep -oE '(^|[^$])\$\{[A-Za-z_][A-Za-z0-9_]*' "$COMPOSE_FILE" | sed -E 's/.*\$\{//' | sort -u)
for name in $used; do
  grep -q "^${name}=" "$ENV_FILE" || fail "$COMPOSE_FILE uses \${$name} but $ENV_FILE does not define it"
done
echo "ok   every variable used in $COMPOSE_FILE is in $ENV_FILE ($(echo "$used" | wc -w) variables)"

# --- 4. required secrets have no default -----------------------------------------------------
for secret in ADMIN_PASSWORD DB_PASSWORD; do
  grep -v "^${secret}=" "$ENV_FILE" >"$tmp/env.without"
  if run_compose "$tmp/env.without" config -q >/dev/null 2>"$tmp/err"; then
    fail "$COMPOSE_FILE accepts an env file without $secret (it must be required, no default)"
  fi
  grep -q "$secret" "$tmp/err" || { cat "$tmp/err" >&2; fail "missing $secret did not produce a message naming it"; }
done
echo "ok   ADMIN_PASSWORD and DB_PASSWORD are required (Compose refuses to run without them)"

# --- 5. no secret value in compose.yaml --------------------------------------------------------
while IFS='=' read -r name value; do
  [[ -n $value ]] || continue
  if grep -qF -- "$value" "$COMPOSE_FILE"; then
    fail "the value of $name from $ENV_FILE is written literally in $COMPOSE_FILE"
  fi
done < <(grep -E '^[A-Za-z0-9_]*(PASSWORD|SECRET|TOKEN)[A-Za-z0-9_]*=' "$ENV_FILE")
if grep -nE '^\s*[A-Z_]*(PASSWORD|SECRET|TOKEN)[A-Z_]*:\s*[^$[:space:]]' "$COMPOSE_FILE"; then
  fail "a password/secret/token in $COMPOSE_FILE is not taken from the env file (line above)"
fi
echo "ok   no secret value in $COMPOSE_FILE"

# --- 6. ports on loopback only -----------------------------------------------------------------
for mapping in 127.0.0.1:8081:8080 127.0.0.1:8082:8080 127.0.0.1:8025:8025; do
  grep -qF "\"$mapping\"" "$COMPOSE_FILE" || fail "port mapping $mapping is missing"
done
if grep -nE '^\s*-\s*"?[0-9]+(:[0-9]+)?(/(tcp|udp))?"?\s*$' "$COMPOSE_FILE"; then
  fail "a port is published on all interfaces (line above); bind it to 127.0.0.1"
fi
echo "ok   published ports: 127.0.0.1 only"

# --- 7. image names, Dockerfile and compose health checks ---------------------------------------
DOCKERFILE=docker/Dockerfile
qualified() { # registry host (with a dot or a port) or localhost before the first slash
  [[ $1 =~ ^(localhost|[a-z0-9-]+(\.[a-z0-9-]+)+(:[0-9]+)?)/ ]]
}
for arg in BUILD_IMAGE RUNTIME_IMAGE; do
  default=$(sed -n "s/^ARG $arg=\(.*\)$/\1/p" "$DOCKERFILE")
  [[ -n $default ]] || fail "$DOCKERFILE has no 'ARG $arg=<image>' (the overridable base image)"
  qualified "$default" || fail "$DOCKERFILE: the default of $arg ($default) is not fully qualified (docker.io/library/...)"
done
while read -r from; do
  [[ $from == '${BUILD_IMAGE}' || $from == '${RUNTIME_IMAGE}' ]] || qualified "$from" \
    || fail "$DOCKERFILE: FROM $from is neither \${BUILD_IMAGE}/\${RUNTIME_IMAGE} nor fully qualified"
done < <(sed -n 's/^FROM[[:space:]]\{1,\}\([^[:space:]]*\).*/\1/p' "$DOCKERFILE")
while read -r image; do
  [[ $image == prepared-return:local ]] && continue # built from docker/Dockerfile, never pulled
  qualified "$image" || fail "$COMPOSE_FILE: image $image is not fully qualified (Podman resolves no short names)"
done < <(sed -n 's/^[[:space:]]*image:[[:space:]]*\([^[:space:]]*\).*/\1/p' "$COMPOSE_FILE")
echo "ok   base and service images fully qualified; base images overridable (BUILD_IMAGE, RUNTIME_IMAGE)"

grep -q '^VOLUME \["/app/data"\]' "$DOCKERFILE" || fail "$DOCKERFILE does not declare the volume /app/data"
grep -q '^USER 10001:10001' "$DOCKERFILE" || fail "$DOCKERFILE does not run as user 10001"
# the HEALTHCHECK instruction (with its continuation line) and the nodes' healthcheck must agree
healthcheck=$(awk '/^HEALTHCHECK / { on = 1 } on { line = line $0; if ($0 !~ /\\$/) exit } END { print line }' \
  "$DOCKERFILE" | sed 's/\\//')
[[ -n $healthcheck ]] || fail "$DOCKERFILE has no HEALTHCHECK"
docker_cmd=$(sed -n "s/.*CMD bash -c '\(.*\)'[[:space:]]*$/\1/p" <<<"$healthcheck")
compose_cmd=$(sed -n "s/^[[:space:]]*- '\(exec 3<>.*\)'[[:space:]]*$/\1/p" "$COMPOSE_FILE" | sed 's/\$\$/$/g')
[[ -n $docker_cmd && $docker_cmd == "$compose_cmd" ]] || {
  printf 'Dockerfile: %s\ncompose:    %s\n' "$docker_cmd" "$compose_cmd" >&2
  fail "the nodes' healthcheck in $COMPOSE_FILE differs from the HEALTHCHECK of $DOCKERFILE"
}
for setting in interval:interval timeout:timeout retries:retries start-period:start_period; do
  in_docker=$(grep -o -- "--${setting%%:*}=[^ ]*" <<<"$healthcheck" | cut -d= -f2)
  in_compose=$(sed -n "s/^[[:space:]]*${setting##*:}:[[:space:]]*\([^[:space:]]*\).*/\1/p" "$COMPOSE_FILE" | head -n 1)
  [[ -n $in_docker && $in_docker == "$in_compose" ]] \
    || fail "healthcheck ${setting%%:*}: $in_docker in $DOCKERFILE, ${in_compose:-none} in $COMPOSE_FILE"
done
echo "ok   Dockerfile: user 10001, volume /app/data; the nodes' healthcheck equals its HEALTHCHECK"

# --- optional: Dockerfile lint when a linter is installed --------------------------------------
if command -v hadolint >/dev/null 2>&1; then
  hadolint docker/Dockerfile || fail "hadolint reports problems in docker/Dockerfile"
  echo "ok   hadolint docker/Dockerfile"
elif command -v dockerfile-utils >/dev/null 2>&1; then
  dockerfile-utils lint docker/Dockerfile || fail "dockerfile-utils reports problems in docker/Dockerfile"
  echo "ok   dockerfile-utils lint docker/Dockerfile"
fi

echo "validate.sh: PASS"
