#!/usr/bin/env bash
# Makes the two base images of docker/Dockerfile from Debian packages, for a machine that reaches a
# Debian mirror but no image registry:
#
#   localhost/prepared-return-base:17-jdk   build stage:   Debian 12 (bookworm), openjdk-17-jdk-headless, curl
#   localhost/prepared-return-base:17-jre   runtime stage: Debian 12 (bookworm), openjdk-17-jre-headless
#
# Both are made with debootstrap (variant minbase) from MIRROR and imported into Podman's local
# storage; nothing is downloaded from anywhere but the Debian mirror. Then build the service image
# on them instead of the public eclipse-temurin images (docker/README.md):
#
#   podman build --format docker -f docker/Dockerfile \
#     --build-arg BUILD_IMAGE=localhost/prepared-return-base:17-jdk \
#     --build-arg RUNTIME_IMAGE=localhost/prepared-return-base:17-jre \
#     -t localhost/prepared-return:local .
#
# Needs root, debootstrap and podman (apt-get install -y debootstrap podman buildah). Takes a few
# minutes and about 1 GB in WORK_DIR while it runs. Environment (all optional):
#   MIRROR    Debian mirror (default http://deb.debian.org/debian)
#   SUITE     Debian release (default bookworm)
#   WORK_DIR  scratch folder, removed at the end (default: a new folder under /var/tmp)
#   IMAGE     image name without tag (default localhost/prepared-return-base)
set -euo pipefail

MIRROR=${MIRROR:-http://deb.debian.org/debian}
SUITE=${SUITE:-bookworm}
IMAGE=${IMAGE:-localhost/prepared-return-base}
WORK_DIR=${WORK_DIR:-$(mktemp -d /var/tmp/prepared-return-base.XXXXXX)}

fail() {
  echo "local-base-image.sh: $*" >&2
  exit 1
}
[[ $(id -u) -eq 0 ]] || fail "run as root (debootstrap and chroot need it)"
command -v debootstrap >/dev/null || fail "debootstrap is missing: apt-get install -y debootstrap"
command -v podman >/dev/null || fail "podman is missing: apt-get install -y podman buildah"

arch=$(dpkg --print-architecture)
java_home=/usr/lib/jvm/java-17-openjdk-$arch
cache="$WORK_DIR/debs"
mkdir -p "$cache"
cleanup() {
  # debootstrap unmounts what it mounted, except when it fails half-way: never remove through a mount
  awk -v dir="$WORK_DIR/" 'index($2, dir) == 1 { print $2 }' /proc/mounts | sort -r | xargs -r -n 1 umount -l
  rm -rf --one-file-system "$WORK_DIR"
}
trap cleanup EXIT

# make_image TAG PACKAGES: a minbase root file system with the packages, imported as $IMAGE:TAG
make_image() {
  local tag=$1 packages=$2 root="$WORK_DIR/$1"
  echo "local-base-image.sh: debootstrap $SUITE ($arch) + $packages from $MIRROR"
  debootstrap --variant=minbase --arch="$arch" --cache-dir="$cache" --include="$packages" \
    "$SUITE" "$root" "$MIRROR" >"$WORK_DIR/debootstrap-$tag.log" 2>&1 \
    || { tail -n 30 "$WORK_DIR/debootstrap-$tag.log" >&2; fail "debootstrap failed (log above)"; }
  [[ -x $root$java_home/bin/java ]] || fail "no $java_home/bin/java in the $tag root file system"
  # Java's trust store (ca-certificates-java), for HTTPS to Maven Central in the build stage
  [[ -s $root/etc/ssl/certs/java/cacerts ]] || fail "no /etc/ssl/certs/java/cacerts in the $tag root file system"
  # smaller and reproducible: no package lists, caches, logs or documentation
  chroot "$root" apt-get clean
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/log/* "$root"/tmp/* \
    "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/*
  local version
  version="OpenJDK $(chroot "$root" dpkg-query -W -f '${Version}' "openjdk-17-${tag#17-}-headless")"
  tar --numeric-owner -C "$root" -c . | podman import \
    --change "ENV JAVA_HOME=$java_home" \
    --change "ENV LANG=C.UTF-8" \
    --change 'CMD ["/bin/bash"]' \
    --message "Debian $SUITE minbase from $MIRROR with $packages ($version)" \
    - "$IMAGE:$tag" >/dev/null
  echo "local-base-image.sh: $IMAGE:$tag ($version)"
}

make_image 17-jre openjdk-17-jre-headless,ca-certificates
make_image 17-jdk openjdk-17-jdk-headless,ca-certificates,curl

podman images --filter "reference=$IMAGE" --format '{{.Repository}}:{{.Tag}} {{.Size}} {{.Created}}'
