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
. "$__sc_ctl/hooks.bash"
