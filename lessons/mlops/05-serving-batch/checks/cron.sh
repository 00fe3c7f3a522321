[ -f crontab.txt ] || fail_key crontab-missing
jobs=$(grep -vE '^[[:space:]]*(#|$)' crontab.txt | grep -vE '^[[:space:]]*[A-Za-z_][A-Za-z0-9_]*[[:space:]]*=')
n=$(printf '%s\n' "$jobs" | grep -c .)
[ "$n" -eq 1 ] || fail_key one-job "$n"
read -r m h dom mon dow cmd <<< "$jobs"
case "$m" in
  @*) fail_key shortcut "$m" ;;
esac
[[ "$m" =~ ^[0-9]+$ ]] && [ $((10#$m)) -eq $((10#${MIN})) ] || fail_key minute "$m"
[[ "$h" =~ ^[0-9]+$ ]] && [ $((10#$h)) -eq ${HOUR} ] || fail_key hour "$h"
[ "$dom" = '*' ] || fail_key day-of-month "$dom"
[ "$mon" = '*' ] || fail_key month "$mon"
shopt -s nocasematch
[[ "$dow" =~ ^(1|mon)$ ]] || fail_key day-of-week "$dow"
shopt -u nocasematch
[ -n "$cmd" ] || fail_key no-command
re='(^|[[:space:]/;&(])shellcamp[[:space:]]+lab[[:space:]]+batch([[:space:]]|$)'
[[ "$cmd" =~ $re ]] || fail_key not-batch "$cmd"
re='--model[=[:space:]]+iris([[:space:]]|$)'
[[ "$cmd" =~ $re ]] || fail_key model
re='--input[=[:space:]]+[^[:space:]]*flowers\.csv'
[[ "$cmd" =~ $re ]] || fail_key input
re='--output[=[:space:]]+[^[:space:]]*predictions\.csv'
[[ "$cmd" =~ $re ]] || fail_key output
re='(^|[^\\])%'
[[ ! "$cmd" =~ $re ]] || fail_key percent
