# shellcamp: rcfile of the learner's interactive bash. The tutor drives it through readline
# key bindings and reads markers from a private duplicate of the terminal's fd, so a learner's
# `exec >file` cannot hide the end of a command.
exec 198>&2
__sc_key=$SHELLCAMP_SESSION
__sc_ctl=$SHELLCAMP_CTL
__sc_id=0
unset SHELLCAMP_CTL
set +H
[ -f "$HOME/.bashrc" ] && . "$HOME/.bashrc" </dev/null
__sc_ps0=$'\e]777;'"$__sc_key"$';start\a'
__sc_ps2=$'\e]777;'"$__sc_key"$';ps2\a'
# Assign only on change: bash 5.2 garbles PS0 when it is reassigned while readline holds the line.
__sc_arm() {
  [[ $PS0 == "$__sc_ps0" ]] || PS0=$__sc_ps0
  [[ $PS2 == "$__sc_ps2" ]] || PS2=$__sc_ps2
  [[ -z $PS1 ]] || PS1=''
  [[ $PROMPT_COMMAND == __sc_done ]] || PROMPT_COMMAND=__sc_done
}
__sc_done() {
  local s=$? v=
  # the tutor draws the prompt, so it shows what activate put in PS1; like PS1, only deactivate
  # (which unsets VIRTUAL_ENV_PROMPT) takes it away, not a bare `unset VIRTUAL_ENV`
  v=${VIRTUAL_ENV_PROMPT:-${VIRTUAL_ENV:+${VIRTUAL_ENV##*/}}}
  [[ -z ${VIRTUAL_ENV_DISABLE_PROMPT:-} ]] || v=
  printf '\033]777;%s;venv;%s\007' "$__sc_key" "$v" >&198
  printf '\033]777;%s;done;%s;%s;%s\007' "$__sc_key" "$__sc_id" "$s" "$PWD" >&198
  __sc_arm
  return $s
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
bind -x '"\C-x\C-l": __sc_load'
bind '"\C-x\C-a": "\C-x\C-l\C-m"'
bind -x '"\C-x\C-n": __sc_query'
__sc_arm
