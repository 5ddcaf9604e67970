# Throw-away iso projects for bench/run.sh, and their removal. Sourced, not run.

# A busybox project. /etc/os-release is there for the Dev Containers CLI, which reads it on
# every `devcontainer exec` and prints an error on stderr when it is missing.
make_plain_project() {
  local dir=$1 name=$2
  mkdir -p "$dir/.iso"
  printf 'name: %s\n' "$name" >"$dir/.iso/config.yml"
  printf 'ID=busybox\nNAME=BusyBox\n' >"$dir/.iso/os-release"
  printf 'FROM iso-base/busybox:latest\nCOPY os-release /etc/os-release\n' >"$dir/.iso/Dockerfile"
}

make_debian_project() {
  local dir=$1 name=$2
  mkdir -p "$dir/.iso"
  printf 'name: %s\n' "$name" >"$dir/.iso/config.yml"
  printf 'FROM iso-base/debian:bookworm\n' >"$dir/.iso/Dockerfile"
}

# Redis and PostgreSQL from the local Debian image, each awaited on its TCP port. PostgreSQL
# does not run as root, so its command creates a data folder as the postgres user first.
write_services_file() {
  cat >"$1/.iso/services.yml" <<'YAML'
services:
  redis:
    image: iso-base/debian:bookworm
    port: 6379
    command: [redis-server, --port, "6379", --protected-mode, "no", --save, ""]
  postgres:
    image: iso-base/debian:bookworm
    port: 5432
    command:
      - su
      - postgres
      - -c
      - >-
        bin=$(echo /usr/lib/postgresql/*/bin) && $bin/initdb -D /tmp/data -A trust >/dev/null
        && exec $bin/postgres -D /tmp/data -c listen_addresses=* -c fsync=off
YAML
}

# Removes a project's engine resources: first through `iso stop`, then by label whatever iso
# does not own (a `docker run --rm` container left by an interruption, the Dev Containers CLI's
# container), then the image iso built.
remove_project() {
  local project=$1 name
  [[ -f "$project/.iso/config.yml" ]] || return 0
  name=$(sed -n 's/^name: //p' "$project/.iso/config.yml")
  (cd "$project" && "$iso" stop --all-sessions) >/dev/null 2>&1
  local filter
  for filter in "iso.project.dir=$project" "devcontainer.local_folder=$project"; do
    docker ps -aq --filter "label=$filter" | xargs -r docker rm -f >/dev/null 2>&1
  done
  docker network ls -q --filter "label=iso.project.dir=$project" \
    | xargs -r docker network rm >/dev/null 2>&1
  docker volume ls -q --filter "label=iso.project.dir=$project" \
    | xargs -r docker volume rm -f >/dev/null 2>&1
  docker image rm "$name-shell" >/dev/null 2>&1
  return 0
}
