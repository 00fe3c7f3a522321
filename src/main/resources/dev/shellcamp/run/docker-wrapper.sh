#!/bin/sh
# shellcamp: the real docker, with everything this lesson creates labelled
# shellcamp.lesson=$SHELLCAMP_LESSON so that :reset removes exactly that and nothing else.
self=$(dirname "$0")
real=
IFS=:
for d in $PATH; do
  [ "$d" = "$self" ] && continue
  if [ -x "$d/docker" ] && [ ! -d "$d/docker" ]; then real=$d/docker; break; fi
done
unset IFS
if [ -z "$real" ]; then
  echo "docker: command not found (install it: apt-get install docker.io)" >&2
  exit 127
fi
[ -n "$SHELLCAMP_LESSON" ] || exec "$real" "$@"
label="shellcamp.lesson=$SHELLCAMP_LESSON"

# named volumes that `run -v name:/p` or `--mount source=name,...` would create without a label
# are created first, labelled
ensure() {
  "$real" volume inspect "$1" >/dev/null 2>&1 || "$real" volume create --label "$label" "$1" >/dev/null 2>&1
}
spec_v() {
  case $1 in
    *:*) v=${1%%:*}
      case $v in ''|/*|.*|~*) ;; *) ensure "$v" ;; esac ;;
  esac
}
spec_m() {
  type=volume; src=
  old_ifs=$IFS; IFS=,
  for kv in $1; do
    case $kv in
      type=*) type=${kv#type=} ;;
      source=*|src=*) src=${kv#*=} ;;
    esac
  done
  IFS=$old_ifs
  [ "$type" = volume ] && [ -n "$src" ] && ensure "$src"
}
volumes() {
  want=
  for a in "$@"; do
    case $want in
      v) spec_v "$a"; want=; continue ;;
      m) spec_m "$a"; want=; continue ;;
    esac
    case $a in
      -v|--volume) want=v ;;
      -v*) spec_v "${a#-v}" ;;
      --volume=*) spec_v "${a#--volume=}" ;;
      --mount) want=m ;;
      --mount=*) spec_m "${a#--mount=}" ;;
    esac
  done
}

case "$1" in
  run|create) sub=$1; shift; volumes "$@"; exec "$real" "$sub" --label "$label" "$@" ;;
  build) shift; exec "$real" build --label "$label" "$@" ;;
  container|image|volume|network)
    case "$2" in
      run|create|build) grp=$1; sub=$2; shift 2
        [ "$grp" = container ] && volumes "$@"
        exec "$real" "$grp" "$sub" --label "$label" "$@" ;;
    esac ;;
esac
exec "$real" "$@"
