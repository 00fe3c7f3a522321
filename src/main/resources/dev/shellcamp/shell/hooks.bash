# shellcamp: the tutor's hooks in the learner's shell. Sourced by rc.bash, again by the hooks
# themselves when `unset -f` took the functions, and typed in by the tutor when a shell without
# them (`exec bash`) sits at its prompt. Nothing here may depend on a function still existing.
{ : >&198; } 2>/dev/null || exec 198>&2
__sc_hooks=$__sc_ctl/hooks.bash
# bash 5.1 runs every element of a PROMPT_COMMAND array: ours is element 1, so a learner's
# `PROMPT_COMMAND=...` (element 0) or `PROMPT_COMMAND="$PROMPT_COMMAND; ..."` leaves it in place
(( BASH_VERSINFO[0] * 100 + BASH_VERSINFO[1] >= 501 )) && __sc_pci=1 || __sc_pci=0
__sc_pc='__sc_s=$?; declare -F __sc_done >/dev/null || . "$__sc_hooks"; __sc_done'
__sc_ps0=$'\e]777;'"$__sc_key"$';start\a'
__sc_ps2=$'\e]777;'"$__sc_key"$';ps2\a'
# PS1 is expanded once bash is back at its prompt, after PROMPT_COMMAND: it reports the end of a
# command even when PROMPT_COMMAND was unset, and its := puts our element back for the next one
__sc_ps1='\[\e]777;'"$__sc_key"';prompt;${__sc_id};$?;${PWD}\a\e]777;'"$__sc_key"';pc;${PROMPT_COMMAND[__sc_pci]:=$__sc_pc}\a\]'
# Assign only on change: bash 5.2 garbles PS0 when it is reassigned while readline holds the line.
__sc_arm() {
  [[ $PS0 == "$__sc_ps0" ]] || PS0=$__sc_ps0
  [[ $PS2 == "$__sc_ps2" ]] || PS2=$__sc_ps2
  [[ $PS1 == "$__sc_ps1" ]] || PS1=$__sc_ps1
  [[ ${PROMPT_COMMAND[__sc_pci]} == "$__sc_pc" ]] || PROMPT_COMMAND[__sc_pci]=$__sc_pc
  # with neither editing mode bash reads lines without readline, and the tutor's keys are text
  [[ $SHELLOPTS == *emacs* || $SHELLOPTS == *vi* ]] || set -o emacs
}
__sc_done() {
  local s=${__sc_s:-$?} v=
  __sc_s=
  # the tutor draws the prompt, so it shows what activate put in PS1; like PS1, only deactivate
  # (which unsets VIRTUAL_ENV_PROMPT) takes it away, not a bare `unset VIRTUAL_ENV`
  v=${VIRTUAL_ENV_PROMPT:-${VIRTUAL_ENV:+${VIRTUAL_ENV##*/}}}
  [[ -z ${VIRTUAL_ENV_DISABLE_PROMPT:-} ]] || v=
  # the tutor makes the typed file before it passes a key on: without it nothing can be waiting.
  # venv and done go in one write, so the tutor's reader wakes once for both
  if [[ -e $__sc_ctl/typed ]]; then
    printf '\033]777;%s;venv;%s\007\033]777;%s;done;%s;%s;1;%s\007' "$__sc_key" "$v" "$__sc_key" "$__sc_id" "$s" "$PWD" >&198
    __sc_drain
  else
    printf '\033]777;%s;venv;%s\007\033]777;%s;done;%s;%s;0;%s\007' "$__sc_key" "$v" "$__sc_key" "$__sc_id" "$s" "$PWD" >&198
  fi
  __sc_arm
  return $s
}
# Keys the learner typed while the command ran and it left unread belong to the tutor's next
# prompt, not to readline here (only when some were typed: see __sc_done). The tutor stops passing keys on when it sees the done marker and
# answers it with the first 8 characters of the session key and US on the terminal (bash reads a
# byte at a time here, so the answer is kept short): whatever arrives before it is handed back
# through the ahead file.
__sc_drain() {
  local a= c= k=${__sc_key:0:8}
  while IFS= read -r -s -d $'\037' -t 2 -u 198 c; do
    a+=$c
    if [[ $a == *"$k" ]]; then
      a=${a%"$k"}
      c=
      break
    fi
    a+=$'\037'
    c=
  done
  a+=$c
  [[ -z $a ]] || printf '%s' "$a" > "$__sc_ctl/ahead"
  printf '\033]777;%s;drained;%s;%s\007' "$__sc_key" "$__sc_id" "${#a}" >&198
}
# ^X^R: keys that reached readline after the check above (a key typed just as the command
# ended) go back to the tutor instead of staying in this line
__sc_reclaim() {
  printf '%s' "$READLINE_LINE" > "$__sc_ctl/ahead"
  printf '\033]777;%s;drained;%s;%s\007' "$__sc_key" "$__sc_id" "${#READLINE_LINE}" >&198
  READLINE_LINE=
  READLINE_POINT=0
}
# ^X^L: load the next command line (id, then text) from the control file
__sc_load() {
  { IFS= read -r __sc_id; IFS= read -r -d '' READLINE_LINE; } < "$__sc_ctl/cmd"
  READLINE_POINT=${#READLINE_LINE}
}
# ^X^N: run a hidden script in this shell (setup, queries); output goes to a file, not the screen.
# A script may set __sc_rc to report its status (it cannot `return`: that would leave this function).
# The terminal's modes are put back afterwards: when a job dies of a signal (`yes | head`:
# SIGPIPE), bash restores its saved cooked mode even under readline, which is still reading keys
# for this bind -x call; the next typed line then sat in the line buffer and never arrived.
__sc_query() {
  local __sc_qid __sc_qtext __sc_qs __sc_tty
  { IFS= read -r __sc_qid; IFS= read -r -d '' __sc_qtext; } < "$__sc_ctl/q"
  __sc_rc=
  __sc_tty=$(stty -g 2>/dev/null)
  { eval "$__sc_qtext"; } > "$__sc_ctl/qout" 2>&1 </dev/null
  __sc_qs=${__sc_rc:-$?}
  [[ -n $__sc_tty ]] && stty "$__sc_tty" 2>/dev/null
  printf '\033]777;%s;q;%s;%s\007' "$__sc_key" "$__sc_qid" "$__sc_qs" >&198
}
bind 'set enable-bracketed-paste off' 2>/dev/null
bind 'set bell-style none' 2>/dev/null
# every keymap, so `set -o vi` keeps them
for __sc_m in emacs vi-insert vi-command; do
  bind -m "$__sc_m" -x '"\C-x\C-l": declare -F __sc_load >/dev/null || . "$__sc_hooks"; __sc_load'
  bind -m "$__sc_m" '"\C-x\C-a": "\C-x\C-l\C-m"'
  bind -m "$__sc_m" -x '"\C-x\C-n": declare -F __sc_query >/dev/null || . "$__sc_hooks"; __sc_query'
  bind -m "$__sc_m" -x '"\C-x\C-r": declare -F __sc_reclaim >/dev/null || . "$__sc_hooks"; __sc_reclaim'
done
unset __sc_m
__sc_arm
