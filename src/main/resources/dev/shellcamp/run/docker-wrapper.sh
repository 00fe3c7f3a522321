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

# named volumes that `run -v name:/path` would create without a label are created first, labelled
volumes() {
  want=
  for a in "$@"; do
    if [ -n "$want" ]; then
      v=${a%%:*}; want=
    else
      case $a in
        -v|--volume) want=1; continue ;;
        -v*) v=${a#-v} ;;
        --volume=*) v=${a#--volume=} ;;
        --mount=*|--mount) v=; continue ;;
        *) continue ;;
      esac
      v=${v%%:*}
    fi
    case $v in
      ''|/*|.*|~*) ;;
      *) "$real" volume inspect "$v" >/dev/null 2>&1 || "$real" volume create --label "$label" "$v" >/dev/null 2>&1 ;;
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
