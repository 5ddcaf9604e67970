#!/usr/bin/env bash
# Makes a Debian 12 machine ready to build and test iso, idempotently: installs the Docker engine
# and the toolchain packages that are missing, starts dockerd when nothing answers on its socket,
# and builds the local base images that the example and the tests start FROM. Nothing is pulled
# from a container registry: the images are made from Debian packages on this machine.
set -euo pipefail

log() { printf 'setup: %s\n' "$*" >&2; }

packages=(docker.io clang lld debootstrap busybox-static docker-registry tmux hyperfine procps)

install_missing_packages() {
  local missing=()
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
      || missing+=("$package")
  done
  if ((${#missing[@]} > 0)); then
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

start_engine() {
  if docker version >/dev/null 2>&1; then
    return
  fi
  log "starting dockerd (log: /var/log/iso-dockerd.log)"
  nohup dockerd >/var/log/iso-dockerd.log 2>&1 &
  for _ in $(seq 1 60); do
    if docker version >/dev/null 2>&1; then
      return
    fi
    sleep 0.5
  done
  log "dockerd did not answer within 30 s; see /var/log/iso-dockerd.log"
  exit 1
}

# Builds an image from a root folder unless an image of that name already carries the same recipe.
import_root() {
  local image=$1 recipe=$2 root=$3
  docker import --change "LABEL iso.base.recipe=\"$recipe\"" --change 'CMD ["/bin/sh"]' \
    - "$image" < <(tar -C "$root" -c .) >/dev/null
  log "built $image"
}

image_is_current() {
  local image=$1 recipe=$2
  [[ "$(docker image inspect -f '{{index .Config.Labels "iso.base.recipe"}}' "$image" 2>/dev/null)" \
    == "$recipe" ]]
}

build_busybox_image() {
  local image=iso-base/busybox:latest recipe="busybox-static $(dpkg-query -W -f='${Version}' busybox-static)"
  image_is_current "$image" "$recipe" && return
  local root
  root=$(mktemp -d)
  mkdir -p "$root"/{bin,etc,tmp,root,proc,sys,dev,workspace}
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [[ -e "$root/bin/$applet" ]] || ln -s busybox "$root/bin/$applet"
  done
  mkdir -p "$root/usr"
  ln -s ../bin "$root/usr/bin"
  echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
  echo 'root:x:0:' >"$root/etc/group"
  import_root "$image" "$recipe" "$root"
  rm -rf "$root"
}

# The Debian mirror that apt on this machine already uses, so that no other host is named here.
debian_mirror() {
  local mirror
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  if [[ -z "$mirror" ]]; then
    mirror=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  fi
  [[ -n "$mirror" ]] || { log "no Debian mirror found in the apt sources"; exit 1; }
  echo "$mirror"
}

debian_packages=bash,ca-certificates,procps,coreutils,redis-server,redis-tools,postgresql,postgresql-client

build_debian_image() {
  local image=iso-base/debian:bookworm recipe="bookworm minbase $debian_packages"
  image_is_current "$image" "$recipe" && return
  local root
  root=$(mktemp -d)
  log "making a Debian root with debootstrap (about a minute)"
  debootstrap --variant=minbase --include="$debian_packages" bookworm "$root" "$(debian_mirror)" \
    >/var/log/iso-debootstrap.log 2>&1 \
    || { log "debootstrap failed; see /var/log/iso-debootstrap.log"; exit 1; }
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  import_root "$image" "$recipe" "$root"
  rm -rf "$root"
}

install_missing_packages
start_engine
build_busybox_image
build_debian_image
