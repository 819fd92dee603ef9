#!/usr/bin/env bash
# Builds docker/Dockerfile.jvm with podman on a base image made locally from Debian packages (no registry needed),
# runs it with a named volume for the DuckDB file, writes records, restarts the container and checks that the records
# are still there and readiness is UP.
#
#   ./mvnw -B package -DskipTests && sudo docker/smoke-test.sh
#
# Needs root (or rootless podman set up), network access to Debian's mirrors, and about 3 minutes the first time
# (debootstrap); later runs reuse the base image.
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE=duckforge:smoke
BASE=localhost/duckforge-base:bookworm-jre17
VOLUME=duckforge-smoke-data
NAME=duckforge-smoke
PORT=${PORT:-18080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-19000}
WORK=$(mktemp -d)
trap 'podman rm -f "$NAME" >/dev/null 2>&1 || true; podman volume rm -f "$VOLUME" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

if [[ ! -f target/quarkus-app/quarkus-run.jar ]]; then
    echo "No target/quarkus-app; run ./mvnw -B package -DskipTests first" >&2
    exit 1
fi

# podman 4.3 from Debian: crun fails here on rlimits and hybrid cgroups, runc works with explicit ulimits.
if ! command -v podman >/dev/null || ! command -v runc >/dev/null || ! command -v debootstrap >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc debootstrap >/dev/null
fi
cat > "$WORK/containers.conf" <<'CONF'
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]
[engine]
runtime = "runc"
CONF
export CONTAINERS_CONF="$WORK/containers.conf"

if ! podman image exists "$BASE"; then
    echo "== Making the base image (debootstrap bookworm + openjdk-17-jre-headless)"
    debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$WORK/rootfs" http://deb.debian.org/debian >/dev/null
    tar -C "$WORK/rootfs" -c . | podman import - "$BASE" >/dev/null
    rm -rf "$WORK/rootfs"
fi

echo "== Building $IMAGE"
podman build -q -f docker/Dockerfile.jvm --build-arg BASE="$BASE" -t "$IMAGE" . >/dev/null

# An API key file as a mounted Secret would be: the key's SHA-256, a name, its grants.
KEY=smoke-test-key
mkdir -p "$WORK/secrets"
echo "$(printf %s "$KEY" | sha256sum | cut -d' ' -f1) smoke admin" > "$WORK/secrets/api-keys"
chmod 755 "$WORK/secrets" && chmod 644 "$WORK/secrets/api-keys"

run() {
    podman run -d --name "$NAME" -p "$PORT:8080" -p "$MANAGEMENT_PORT:9000" -v "$VOLUME:/data" -v "$WORK/secrets:/secrets:ro" \
        -e DUCKFORGE_AUTH_MODE=api-keys -e DUCKFORGE_AUTH_API_KEYS_FILE=/secrets/api-keys \
        --read-only --tmpfs /tmp -m 1g "$IMAGE" >/dev/null
    for _ in $(seq 1 60); do
        if curl -sf "localhost:$MANAGEMENT_PORT/q/health/ready" >/dev/null; then
            return 0
        fi
        sleep 1
    done
    podman logs "$NAME" >&2
    echo "The container did not become ready" >&2
    exit 1
}

echo "== First run: declare a dataset, write records"
run
unauthenticated=$(curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT/api/v1/schemas")
[[ "$unauthenticated" == 401 ]] || { echo "Expected 401 without a key, got $unauthenticated" >&2; exit 1; }
curl -sf -X POST "localhost:$PORT/api/v1/schemas" -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
    -d '{"name": "meters", "properties": [{"name": "code", "type": "string", "unique": true}, {"name": "kwh", "type": "number"}]}' >/dev/null
curl -sf -X POST "localhost:$PORT/api/v1/records/meters/bulk" -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
    -d '[{"code": "M-1", "kwh": 1.5}, {"code": "M-2", "kwh": 2.5}, {"code": "M-3"}]' >/dev/null
podman stop -t 30 "$NAME" >/dev/null
podman logs "$NAME" > "$WORK/first-run.log" 2>&1
grep -q "Checkpointed the database on shutdown" "$WORK/first-run.log" || { tail -20 "$WORK/first-run.log" >&2; echo "No checkpoint on stop" >&2; exit 1; }
podman rm "$NAME" >/dev/null

echo "== Second run on the same volume"
run
count=$(curl -sf -H "X-API-Key: $KEY" "localhost:$PORT/api/v1/records/meters/count")
ready=$(curl -sf "localhost:$MANAGEMENT_PORT/q/health/ready")
echo "count: $count"
echo "ready: $ready"
[[ "$count" == '{"count":3}' ]] || { echo "Expected 3 records after the restart" >&2; exit 1; }
[[ "$ready" == *'"status": "UP"'* || "$ready" == *'"status":"UP"'* ]] || { echo "Readiness is not UP" >&2; exit 1; }
# Arrow needs java.nio opened; the runnable jar's manifest does it, so the image passes no flag.
arrow=$(curl -s -o /dev/null -w '%{http_code} %{content_type}' -H "X-API-Key: $KEY" "localhost:$PORT/api/v1/records/meters/stream?format=arrow")
echo "arrow stream: $arrow"
[[ "$arrow" == "200 application/vnd.apache.arrow.stream" ]] || { echo "Expected an Arrow stream" >&2; exit 1; }
echo "== Smoke test passed"
