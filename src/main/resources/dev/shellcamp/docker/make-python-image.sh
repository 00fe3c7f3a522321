#!/usr/bin/env bash
# Makes shellcamp-python:3, the Python base image of the serving lesson, without a registry.
# Usage: make-python-image.sh [TAG]   (default shellcamp-python:3)
#
# Two ways, the first that works:
#  1. copy: this machine's /usr/bin/python3, its standard library and the shared libraries it
#     and its C modules load (ldd), FROM scratch with the static busybox for a shell. Offline,
#     ≈ 5 s, ≈ 60 MB; the image's Python is the machine's own version.
#  2. apt: FROM shellcamp-base:bookworm (scripts/make-base-image), apt-get install python3.
#     Needs the Debian mirror, 6–10 s with a near one, ≈ 330 MB.
# The last line of output says what happened (the tutor shows it when both fail).
set -euo pipefail
tag=${1:-shellcamp-python:3}
if docker image inspect "$tag" >/dev/null 2>&1; then
  echo "$tag already exists"
  exit 0
fi
ctx=$(mktemp -d /tmp/shellcamp-python.XXXXXX)
trap 'rm -rf "$ctx"' EXIT

# the builder's deprecation notice is noise; its errors are shown when the build fails
build() {
  docker build -q --label shellcamp.base=python -t "$tag" "$ctx" >/dev/null 2>"$ctx.err" || { tail -n 3 "$ctx.err" >&2; rm -f "$ctx.err"; return 1; }
  rm -f "$ctx.err"
}

copy() {
  local py ver stdlib bb
  py=$(readlink -f /usr/bin/python3 2>/dev/null) || return 1
  [ -x "$py" ] && command -v ldd >/dev/null || return 1
  ver=$(basename "$py")                      # python3.11
  stdlib=/usr/lib/$ver
  [ -f "$stdlib/os.py" ] || return 1
  # every shared library the interpreter and its C modules load, with the loader itself
  local libs
  libs=$(ldd "$py" "$stdlib"/lib-dynload/*.so 2>/dev/null | grep -o '/[^ ]*' | grep -v ':$' | sort -u)
  [ -n "$libs" ] || return 1
  mkdir -p "$ctx/root"
  # -h: the libraries are links (libz.so.1 -> libz.so.1.2.13); the image needs what they point to
  tar -ch --exclude="$ver/test" --exclude='__pycache__' --exclude="$ver/idlelib" --exclude="$ver/tkinter" \
    --exclude="$ver/turtledemo" --exclude="$ver/ensurepip" --exclude="$ver/lib2to3" \
    "$py" "$stdlib" $libs 2>/dev/null | tar -C "$ctx/root" -x
  ln -s "$ver" "$ctx/root/usr/bin/python3"
  ln -s "$ver" "$ctx/root/usr/bin/python"
  mkdir -p "$ctx/root/bin" "$ctx/root/tmp" "$ctx/root/etc"
  chmod 1777 "$ctx/root/tmp"
  echo 'root:x:0:0:root:/root:/bin/sh' > "$ctx/root/etc/passwd"
  echo 'root:x:0:' > "$ctx/root/etc/group"
  for bb in /bin/busybox /usr/bin/busybox; do
    # only a static busybox runs without the C library's loader on its own path
    if [ -x "$bb" ] && ! ldd "$bb" >/dev/null 2>&1; then
      cp "$bb" "$ctx/root/bin/busybox"
      break
    fi
  done
  {
    echo 'FROM scratch'
    echo 'COPY root/ /'
    [ -f "$ctx/root/bin/busybox" ] && echo 'RUN ["/bin/busybox", "--install", "-s", "/bin"]'
    echo 'ENV PATH=/usr/local/bin:/usr/bin:/bin PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 LANG=C.UTF-8'
    echo 'CMD ["python3"]'
  } > "$ctx/Dockerfile"
  build || return 1
  docker run --rm "$tag" python3 -c 'import json, http.server, argparse, math' || { docker image rm "$tag" >/dev/null 2>&1; return 1; }
  echo "made $tag from this machine's $ver"
}

apt() {
  docker image inspect shellcamp-base:bookworm >/dev/null 2>&1 || return 1
  printf '%s\n' 'FROM shellcamp-base:bookworm' \
    'RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3 >/dev/null && rm -rf /var/lib/apt/lists/* && ln -s python3 /usr/bin/python' \
    'ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 LANG=C.UTF-8' \
    'CMD ["python3"]' > "$ctx/Dockerfile"
  build || return 1
  echo "made $tag from shellcamp-base:bookworm with apt"
}

copy || apt || {
  echo "could not make $tag: no usable /usr/bin/python3 to copy (with ldd), and no shellcamp-base:bookworm with a reachable Debian mirror" >&2
  exit 1
}
