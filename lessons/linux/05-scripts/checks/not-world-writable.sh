# A script others may write to runs whatever they put in it, as whoever runs it: chmod 777 makes
# it executable but is not an answer. Only the others' write bit counts (a umask of 002 gives
# new files group write, which is the machine's choice, not the learner's).
for f in *.sh bin/*; do
  [ -f "$f" ] || continue
  m=$(stat -c %a "$f")
  if (( 8#$m & 8#002 )); then
    fail_key world-writable "$f" "$m"
  fi
done
exit 0
