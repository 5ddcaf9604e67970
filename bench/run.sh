#!/usr/bin/env bash
# Measures iso next to the Docker CLI and the Dev Containers CLI in one run, on one image, and
# prints a Markdown table of medians, ratios and targets. Not part of the test suite.
#
#   bench/run.sh                           # publishes iso with scripts/publish.sh first
#   ISO_BINARY=/path/to/iso bench/run.sh   # measures that binary instead
#
# Needs what scripts/setup.sh installs: the engine, hyperfine and the local iso-base images. The
# Dev Containers row also needs npm, which installs @devcontainers/cli into bench/.cache. The
# table goes to stdout, progress to stderr. Everything the run creates (projects under a
# temporary folder, their containers, networks, volumes and images, and the stream files) is
# removed on exit, also after a failure or Ctrl-C.
#
# Settings (environment variables, with defaults):
#   BENCH_WARMUP=3, BENCH_RUNS=20           untimed and timed rounds of the short commands
#   BENCH_STREAM_RUNS=3                     timed rounds of each stream
#   BENCH_STREAM_MIB=1024                   stream size for the reused container and docker exec
#   BENCH_FRESH_STREAM_MIB=256              stream size for fresh containers
#   DEVCONTAINER_CLI_VERSION=0.89.0         the @devcontainers/cli version to install
set -euo pipefail

warmup=${BENCH_WARMUP:-3}
runs=${BENCH_RUNS:-20}
stream_runs=${BENCH_STREAM_RUNS:-3}
stream_mib=${BENCH_STREAM_MIB:-1024}
fresh_stream_mib=${BENCH_FRESH_STREAM_MIB:-256}
devcontainer_cli_version=${DEVCONTAINER_CLI_VERSION:-0.89.0}

bench_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$bench_dir")
source "$bench_dir/lib/measure.sh"
source "$bench_dir/lib/projects.sh"
source "$bench_dir/lib/report.sh"

log() { printf 'bench: %s\n' "$*" >&2; }

# --- set-up -----------------------------------------------------------------------------------

for tool in docker hyperfine; do
  command -v "$tool" >/dev/null || { log "$tool not found; run scripts/setup.sh first"; exit 1; }
done
docker version >/dev/null 2>&1 || { log "no Docker engine answers; run scripts/setup.sh first"; exit 1; }

if [[ -n "${ISO_BINARY:-}" ]]; then
  iso=$ISO_BINARY
else
  log "publishing iso with scripts/publish.sh (about 90 s)"
  iso=$("$repo/scripts/publish.sh" | tail -n 1)
fi
[[ -x "$iso" ]] || { log "iso binary $iso is missing or not executable"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/iso-bench.XXXXXX")
suffix=$(basename "$work" | sed 's/^iso-bench\.//' | tr 'A-Z' 'a-z')
plain=$work/plain        # busybox image: the fresh, reused, stream and Dev Containers rows
debian=$work/debian      # Debian image without services: the baseline of the readiness row
services=$work/services  # Debian image with two services: the readiness row
plain_name=bench-$suffix-plain
image=$plain_name-shell      # iso's image, which docker run and devcontainer up also start
container=$plain_name-shell  # iso's persistent container, which docker exec also enters
network=$plain_name-network  # iso's session network, on which every iso container runs
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rows=()

# --- measurements -----------------------------------------------------------------------------

measure_startup() {
  measure startup none "$warmup" $((runs * 2)) \
    iso "$(quote "$iso" --version)"
  local iso_s
  iso_s=$(median startup iso)
  rows+=("| Start-up of the binary | \`iso --version\` | $(ms "$iso_s") | | | | < 20 ms \
| $(verdict "$iso_s" '<' 0.020) |")
}

# Besides plain `docker run --rm`, times docker run on iso's session network, because a
# user-defined network adds its own set-up to every container start and iso always uses one.
measure_fresh() {
  measure fresh none "$warmup" "$runs" \
    iso "$(quote "$iso" run true)" \
    docker "$(quote docker run --rm "$image" true)" \
    docker-network "$(quote docker run --rm --network "$network" "$image" true)"
  rows+=("$(time_row "Fresh container" "\`iso run true\`" "$(median fresh iso)" \
    "\`docker run --rm IMAGE true\`" "$(median fresh docker)" 1.15)")
  rows+=("$(time_row "Fresh container, same network" "\`iso run true\`" "$(median fresh iso)" \
    "\`docker run --rm --network NETWORK IMAGE true\`" "$(median fresh docker-network)" 1.15)")
}

measure_reused() {
  measure reused none "$warmup" "$runs" \
    iso "$(quote "$iso" run --reuse true)" \
    docker "$(quote docker exec "$container" true)"
  rows+=("$(time_row "Reused container" "\`iso run --reuse true\`" "$(median reused iso)" \
    "\`docker exec CONTAINER true\`" "$(median reused docker)" 1.25)")
}

# Streams files out of a container into a pipe and reports MB/s. The reused container and
# docker exec stream stream_mib MiB. A fresh container streams only fresh_stream_mib MiB because
# the engine also writes a fresh container's output to its json-file log. That log held both iso
# and docker run to 15-20 MB/s in the runs recorded in docs/benchmarks.md, where a full GiB took
# over a minute per run. iso's output is checked once per container kind with cksum (CRC and
# byte count) before timing.
measure_stream() {
  local large=stream-large.bin small=stream-small.bin
  local large_bytes=$((stream_mib * 1048576)) small_bytes=$((fresh_stream_mib * 1048576))
  log "writing $stream_mib MiB of random data to $plain/$large"
  head -c "$large_bytes" /dev/urandom >"$plain/$large"
  head -c "$small_bytes" "$plain/$large" >"$plain/$small"
  check_stream "iso run --reuse cat" "$large" run --reuse
  check_stream "iso run cat" "$small" run

  local sink='| cat > /dev/null'
  measure stream-reused bash 1 "$stream_runs" \
    iso "$(quote "$iso" run --reuse cat "$large") $sink" \
    docker-exec "$(quote docker exec "$container" cat "/workspace/$large") $sink"
  measure stream-fresh bash 0 "$stream_runs" \
    iso "$(quote "$iso" run cat "$small") $sink" \
    docker-exec "$(quote docker exec "$container" cat "/workspace/$small") $sink" \
    docker-run "$(quote docker run --rm -v "$plain:/workspace" "$image" cat "/workspace/$small") \
$sink"
  rm -f "$plain/$large" "$plain/$small"

  rows+=("$(stream_row "Throughput, reused, $stream_mib MiB" "\`iso run --reuse cat FILE\`" \
    "$(median stream-reused iso)" "\`docker exec CONTAINER cat FILE\`" \
    "$(median stream-reused docker-exec)" "$large_bytes")")
  rows+=("$(stream_row "Throughput, fresh, $fresh_stream_mib MiB" "\`iso run cat FILE\`" \
    "$(median stream-fresh iso)" "\`docker exec CONTAINER cat FILE\`" \
    "$(median stream-fresh docker-exec)" "$small_bytes")")
  rows+=("$(stream_row "Throughput, fresh, $fresh_stream_mib MiB" "\`iso run cat FILE\`" \
    "$(median stream-fresh iso)" "\`docker run --rm IMAGE cat FILE\`" \
    "$(median stream-fresh docker-run)" "$small_bytes")")
}

check_stream() {
  local label=$1 file=$2 expected actual
  shift 2
  expected=$(cksum <"$plain/$file")
  actual=$(cd "$plain" && "$iso" "$@" cat "$file" | cksum)
  if [[ "$actual" != "$expected" ]]; then
    log "$label delivered cksum '$actual', expected '$expected'"
    exit 1
  fi
  log "$label delivered every byte (cksum and byte count: $actual)"
}

# Compares `iso run true` in a project whose two services already run with the same Debian
# image without services. The time added is the median of the differences within a round. A
# build without service support starts no services or rejects services.yml with status 125,
# and the row then reports n/a.
measure_readiness() {
  local label="Readiness, 2 services up"
  local unsupported="n/a (services not supported by this build)"
  local status=0
  log "starting the services of $services"
  (cd "$services" && "$iso" run true) 2>"$work/services.err" || status=$?
  if ((status == 125)) && grep -q 'services.yml' "$work/services.err"; then
    log "iso rejected services.yml: $(head -n 1 "$work/services.err")"
    rows+=("$(na_row "$label" "$unsupported")")
    return
  fi
  if ((status != 0)); then
    rows+=("$(na_row "$label" "n/a (iso run failed with status $status: \
$(tail -n 1 "$work/services.err"))")")
    return
  fi
  if ! services_running; then
    log "iso run succeeded but did not start the services of services.yml"
    rows+=("$(na_row "$label" "$unsupported")")
    return
  fi

  if ! measure readiness none "$warmup" "$runs" \
    services "$(iso_in "$services" run true)" \
    none "$(iso_in "$debian" run true)"; then
    rows+=("$(na_row "$label" "n/a (iso run failed during the measurement, see the log above)")")
    return
  fi
  rows+=("$(added_row "$label" "\`iso run true\`, 2 services" "$(median readiness services)" \
    "\`iso run true\`, no services" "$(median readiness none)" \
    "$(median_difference readiness services none)" 0.030)")
}

services_running() {
  local service state
  for service in redis postgres; do
    state=$(docker inspect -f '{{.State.Running}}' "bench-$suffix-services-$service" 2>/dev/null) \
      || return 1
    [[ "$state" == true ]] || return 1
  done
}

# `devcontainer exec` against `iso run --reuse`, both entering a running container of the same
# image. The CLI is installed into bench/.cache. A failure to install or start it gives a row
# with n/a and the reason, not a failed benchmark.
measure_devcontainer() {
  local label="Dev Containers CLI"
  local cli
  if ! cli=$(install_devcontainer_cli); then
    rows+=("$(na_row "$label" "n/a ($cli)")")
    return
  fi
  devcontainer_version=$("$cli" --version)

  mkdir -p "$plain/.devcontainer"
  printf '{ "image": "%s" }\n' "$image" >"$plain/.devcontainer/devcontainer.json"
  log "devcontainer up on $image"
  if ! TMPDIR=$work "$cli" up --workspace-folder "$plain" >"$work/devcontainer-up.log" 2>&1 \
    || ! grep -q '"outcome":"success"' "$work/devcontainer-up.log"; then
    log "devcontainer up failed; the end of its output:"
    tail -n 5 "$work/devcontainer-up.log" >&2
    rows+=("$(na_row "$label" \
      "n/a (devcontainer up failed: $(failure_reason "$work/devcontainer-up.log"))")")
    return
  fi

  # The CLI keeps a cache under the temporary folder, so TMPDIR keeps it inside $work.
  if ! TMPDIR=$work measure devcontainer none "$warmup" "$runs" \
    iso "$(quote "$iso" run --reuse true)" \
    devcontainer "$(quote "$cli" exec --workspace-folder "$plain" true)"; then
    rows+=("$(na_row "$label" "n/a (a command failed during the measurement, see the log above)")")
    return
  fi
  rows+=("$(time_row "$label" "\`iso run --reuse true\`" "$(median devcontainer iso)" \
    "\`devcontainer exec --workspace-folder DIR true\`" "$(median devcontainer devcontainer)" "")")
}

# Prints the engine's error from a failed `devcontainer up` log, else the CLI's description of
# the failure, else the log's last line.
failure_reason() {
  local log_file=$1 reason
  reason=$(grep -m 1 -o 'Error response from daemon: .*' "$log_file" || true)
  if [[ -z "$reason" ]]; then
    reason=$(sed -n 's/.*"description":"\([^"]*\)".*/\1/p' "$log_file" | tail -n 1)
  fi
  if [[ -z "$reason" ]]; then
    reason=$(grep -v '^\s*$' "$log_file" | tail -n 1)
  fi
  echo "$reason"
}

# Prints the CLI's path. When the CLI is unavailable, prints the reason and fails.
install_devcontainer_cli() {
  local prefix=$bench_dir/.cache/devcontainers-cli-$devcontainer_cli_version
  local cli=$prefix/node_modules/.bin/devcontainer
  if [[ -x "$cli" ]]; then
    echo "$cli"
    return
  fi
  if ! command -v npm >/dev/null; then
    echo "npm not found"
    return 1
  fi
  log "installing @devcontainers/cli@$devcontainer_cli_version into $prefix"
  if ! npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error \
    "@devcontainers/cli@$devcontainer_cli_version" >"$work/npm.log" 2>&1; then
    echo "npm install of @devcontainers/cli failed: $(tail -n 1 "$work/npm.log")"
    return 1
  fi
  echo "$cli"
}

# --- clean-up ---------------------------------------------------------------------------------

cleanup() {
  local status=$?
  set +e
  trap - EXIT INT TERM
  log "removing the benchmark projects and their engine resources"
  for project in "$plain" "$debian" "$services"; do
    remove_project "$project"
  done
  rm -rf "$work"
  exit "$status"
}

# --- main -------------------------------------------------------------------------------------

make_plain_project "$plain" "$plain_name"
make_debian_project "$debian" "bench-$suffix-debian"
make_debian_project "$services" "bench-$suffix-services"
write_services_file "$services"

log "building $image and starting $container"
(cd "$plain" && "$iso" run --reuse true)
log "building the Debian project's image"
(cd "$debian" && "$iso" run true)

devcontainer_version="not installed"
load_at_start=$(load_average)
measure_startup
measure_fresh
measure_reused
measure_stream
measure_readiness
measure_devcontainer

print_report
